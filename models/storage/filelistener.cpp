#include "models/storage/filelistener.h"

#include "models/domain/log.h"
#include "models/storage/changefeed.h"
#include "models/storage/database.h"
#include "models/storage/sql.h"

namespace mikomi::storage {

namespace {

Result<qint64> dataVersion(const Database &db) {
    auto q = exec(db, QStringLiteral("PRAGMA data_version"));
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QStringLiteral("PRAGMA data_version returned no row")};
    return q->value(0).toLongLong();
}

} // namespace

FileListener::FileListener(Database &db, int intervalMs)
    : m_db(db) {
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FileListener::poll);
}

Status FileListener::start() {
    auto v = dataVersion(m_db);
    if (!v)
        return v.failure();
    m_version = *v;
    m_others = m_db.commitsByOthersHere();
    m_pending = false;
    m_timer.start();
    return {};
}

void FileListener::poll() {
    // Inside one of this connection's transactions the page would read its own uncommitted
    // state: looked at again on the next tick.
    if (m_db.transactionDepth() > 0)
        return;
    auto v = dataVersion(m_db);
    if (!v) {
        if (!m_warned) // a damaged or vanished file is reported by the next read or write
            qCWarning(log::storage, "data_version not read: %s", qUtf8Printable(v.error()));
        m_warned = true;
        return;
    }
    const quint64 others = m_db.commitsByOthersHere();
    const bool oursWriting = others != m_others;
    m_others = others;
    if (*v != m_version) {
        m_version = *v;
        m_pending = true;
    }
    if (m_pending && !oursWriting) {
        m_pending = false;
        m_db.changes().publish({kAllDataKinds, {}});
    }
}

} // namespace mikomi::storage
