#include "models/storage/pgnotify.h"

#include "models/domain/log.h"
#include "models/storage/database.h"
#include "models/storage/filelistener.h"
#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {

QString encodeChange(const DataChange &change) {
    QString out = QString::number(int(change.kinds));
    if (!change.leadIds.isEmpty() && change.leadIds.size() <= kMaxNotifiedIds) {
        QStringList ids;
        ids.reserve(change.leadIds.size());
        for (qint64 id : change.leadIds)
            ids << QString::number(id);
        out += QLatin1Char(':') + ids.join(QLatin1Char(','));
    }
    return out;
}

DataChange decodeChange(const QString &payload) {
    DataChange c;
    const qsizetype colon = payload.indexOf(QLatin1Char(':'));
    bool ok = false;
    const int kinds = payload.left(colon < 0 ? payload.size() : colon).toInt(&ok);
    if (!ok)
        return {DataKinds(kAllDataKinds), {}}; // not ours to read: read everything again
    c.kinds = DataKinds::fromInt(kinds) & kAllDataKinds;
    if (colon >= 0) {
        for (const QString &id : payload.mid(colon + 1).split(QLatin1Char(','))) {
            const qint64 n = id.toLongLong(&ok);
            if (!ok) {
                c.leadIds.clear(); // any lead
                break;
            }
            c.leadIds << n;
        }
    }
    return c;
}

Status notifyServer(Database &db, const DataChange &change) {
    if (db.backend() != Backend::Postgres || change.isEmpty())
        return {};
    auto q = exec(db, QStringLiteral("SELECT pg_notify(?, ?)"),
                  {QString::fromLatin1(kChangeChannel), encodeChange(change)});
    if (!q)
        return q.failure();
    return {};
}

ServerListener::ServerListener(Database &db)
    : m_db(db) {
    m_timer.setInterval(kCheckMs);
    connect(&m_timer, &QTimer::timeout, this, &ServerListener::check);
}

Status ServerListener::start() {
    QSqlDriver *driver = connection(m_db).driver();
    if (!driver)
        return Error{QCoreApplication::translate("mikomi::storage::Pgnotify",
                                                 "The connection to the server is closed.")};
    // Connected once: the driver object stays the same across a reconnect.
    disconnect(driver, &QSqlDriver::notification, this, nullptr);
    connect(driver, &QSqlDriver::notification, this, &ServerListener::received);
    if (!driver->subscribedToNotifications().contains(QString::fromLatin1(kChangeChannel)) &&
        !driver->subscribeToNotification(QString::fromLatin1(kChangeChannel)))
        return Error{QCoreApplication::translate("mikomi::storage::Pgnotify",
                                                 "Cannot listen for other people's changes: %1")
                         .arg(sqlErrorMessage(driver->lastError())),
                     ErrorKind::Io};
    m_timer.start();
    return {};
}

void ServerListener::received(const QString &name, QSqlDriver::NotificationSource source,
                              const QVariant &payload) {
    // Our own changes were published when they were committed.
    if (name != QLatin1String(kChangeChannel) || source == QSqlDriver::SelfSource)
        return;
    m_db.changes().publish(decodeChange(payload.toString()));
}

void ServerListener::check() {
    if (m_db.transactionDepth() > 0)
        return; // busy: the connection is in use, so it is there
    if (!m_lost) {
        // Asked directly, not through exec(), which would reconnect by itself (sql.h:
        // recoverConnection) without the status bar saying first that it was lost.
        QSqlQuery q(connection(m_db));
        if (q.exec(QStringLiteral("SELECT 1")) && q.next())
            return;
        m_lost = true;
        qCWarning(log::storage, "lost the connection to %s: %s", qUtf8Printable(m_db.path()),
                  qUtf8Printable(q.lastError().text()));
        emit m_db.changes().serverConnection(
            false, QCoreApplication::translate("mikomi::storage::Pgnotify",
                                               "Lost the connection to the team server %1; "
                                               "reconnecting…")
                       .arg(m_db.path()));
    }
    // A new connection with the same settings; the statements prepared on the old one are
    // prepared again when next used (Database::connectionGeneration()).
    if (!m_db.reconnect().ok())
        return; // tried again at the next check
    m_lost = false;
    emit m_db.changes().serverConnection(
        true, QCoreApplication::translate("mikomi::storage::Pgnotify",
                                          "Reconnected to the team server %1.")
                  .arg(m_db.path()));
    // What others changed meanwhile was not announced to this connection: read everything.
    m_db.changes().publish({kAllDataKinds, {}});
}

Status Database::listen() {
    if (m_backend != Backend::Postgres) {
        if (!m_fileListener)
            m_fileListener = std::make_unique<FileListener>(*this);
        return m_fileListener->start();
    }
    if (!m_listener)
        m_listener = std::make_unique<ServerListener>(*this);
    return m_listener->start();
}

} // namespace mikomi::storage
