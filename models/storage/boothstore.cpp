#include "models/storage/boothstore.h"

#include "models/storage/sql.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace mikomi::storage {

bool CardDraft::isEmpty() const {
    for (const QString &v : fields) {
        if (!v.trimmed().isEmpty())
            return false;
    }
    return true;
}

BoothStore::BoothStore(Database &db, QString station)
    : m_db(db)
    , m_station(std::move(station)) {}

QString BoothStore::defaultStation() {
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
    if (login.isEmpty())
        login = QDir::home().dirName();
    return QSysInfo::machineHostName() + QLatin1Char('/') + login;
}

QString BoothStore::key(const char *what) const {
    return QStringLiteral("booth/%1/%2").arg(m_station, QLatin1String(what));
}

Result<std::optional<QString>> BoothStore::read(const QString &k) const {
    auto q = exec(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {k});
    if (!q)
        return q.failure();
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Result<std::optional<BoothSession>> BoothStore::session() const {
    auto v = read(key("session"));
    if (!v)
        return v.failure();
    if (!*v)
        return std::optional<BoothSession>();
    const QJsonObject o = QJsonDocument::fromJson((**v).toUtf8()).object();
    BoothSession s;
    s.source = o.value(QLatin1String("source")).toString();
    s.campaign = o.value(QLatin1String("campaign")).toString();
    s.owner = o.value(QLatin1String("owner")).toString();
    return std::optional<BoothSession>(s);
}

Status BoothStore::setSession(const BoothSession &s) {
    QJsonObject o;
    o.insert(QLatin1String("source"), s.source);
    o.insert(QLatin1String("campaign"), s.campaign);
    o.insert(QLatin1String("owner"), s.owner);
    const QString json = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {key("session"), json});
    return q ? Status() : Status(q.failure());
}

Result<std::optional<CardDraft>> BoothStore::draft() const {
    auto v = read(key("draft"));
    if (!v)
        return v.failure();
    if (!*v)
        return std::optional<CardDraft>();
    const QJsonObject o = QJsonDocument::fromJson((**v).toUtf8()).object();
    CardDraft d;
    const QJsonObject fields = o.value(QLatin1String("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        d.fields.insert(it.key(), it.value().toString());
    d.savedAt = QDateTime::fromString(o.value(QLatin1String("savedAt")).toString(), Qt::ISODate);
    if (d.isEmpty())
        return std::optional<CardDraft>();
    return std::optional<CardDraft>(d);
}

Status BoothStore::saveDraft(const CardDraft &d) {
    if (d.isEmpty())
        return clearDraft();
    QJsonObject fields;
    for (auto it = d.fields.begin(); it != d.fields.end(); ++it) {
        if (!it.value().isEmpty())
            fields.insert(it.key(), it.value());
    }
    QJsonObject o;
    o.insert(QLatin1String("fields"), fields);
    const QDateTime at = d.savedAt.isValid() ? d.savedAt : QDateTime::currentDateTime();
    o.insert(QLatin1String("savedAt"),
             at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODate));
    const QString json = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {key("draft"), json});
    return q ? Status() : Status(q.failure());
}

Status BoothStore::clearDraft() {
    auto q = exec(m_db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key("draft")});
    return q ? Status() : Status(q.failure());
}

} // namespace mikomi::storage
