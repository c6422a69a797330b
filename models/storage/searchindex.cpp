#include "models/storage/searchindex.h"

#include "models/storage/pgcopy.h"
#include "models/storage/rowmapper.h"
#include "models/storage/serversearch.h"
#include "models/storage/sql.h"

#include <limits>

namespace mikomi::storage {

// On a server (no FTS5 table) the pg_trgm index follows every write, except after a large import
// made it pending as a whole (serversearch.h): then it is made again here, in one statement.
Result<QList<std::pair<qint64, qint64>>> SearchIndex::pending() const {
    if (m_db.backend() == Backend::Postgres) {
        // The trigram index is one for every lead: pending as a whole.
        auto p = serverSearchIndexPending(m_db);
        if (!p)
            return p.failure();
        QList<std::pair<qint64, qint64>> out;
        if (*p)
            out.append({1, std::numeric_limits<qint64>::max()});
        return out;
    }
    if (!m_db.dialect().fts5())
        return QList<std::pair<qint64, qint64>>();
    auto q = exec(m_db, QStringLiteral("SELECT lo, hi FROM search_pending ORDER BY lo"));
    if (!q)
        return q.failure();
    QList<std::pair<qint64, qint64>> out;
    const int lo = q->record().indexOf(QLatin1String("lo"));
    const int hi = q->record().indexOf(QLatin1String("hi"));
    while (q->next())
        out.append({q->value(lo).toLongLong(), q->value(hi).toLongLong()});
    return out;
}

Result<qint64> SearchIndex::pendingCount() const {
    if (m_db.backend() == Backend::Postgres) {
        auto p = serverSearchIndexPending(m_db);
        if (!p)
            return p.failure();
        if (!*p)
            return qint64(0);
        auto q = exec(m_db, QStringLiteral("SELECT count(*) FROM leads"));
        if (!q)
            return q.failure();
        q->next();
        return q->value(0).toLongLong();
    }
    if (!m_db.dialect().fts5())
        return qint64(0);
    auto q = exec(m_db, QStringLiteral("SELECT count(*) FROM leads l JOIN search_pending p ON l.id "
                                       "BETWEEN p.lo AND p.hi"));
    if (!q)
        return q.failure();
    q->next();
    return q->value(0).toLongLong();
}

Result<bool> SearchIndex::catchUp(int chunk,
                                  const std::function<bool(qint64 done, qint64 total)> &progress) {
    if (m_db.backend() == Backend::Postgres) {
        // One statement (CREATE INDEX CONCURRENTLY: others go on meanwhile), not stopped
        // half-way; false when this login may not make it (left for the tables' owner).
        auto total = pendingCount();
        if (!total)
            return total.failure();
        if (progress && !progress(0, *total))
            return false;
        auto built = buildPendingServerSearchIndex(m_db);
        if (built && *built && progress)
            progress(*total, *total);
        return built;
    }
    if (!m_db.dialect().fts5())
        return true;
    auto total = pendingCount();
    if (!total)
        return total.failure();
    qint64 done = 0;
    for (;;) {
        if (progress && !progress(done, *total))
            return false;
        Transaction tx(m_db);
        if (!tx.started())
            return tx.failure();
        auto q = exec(m_db, QStringLiteral("SELECT rowid AS pending_row, lo, hi FROM "
                                           "search_pending ORDER BY lo LIMIT 1"));
        if (!q)
            return q.failure();
        if (!q->next())
            return true;
        const qint64 row = columnValue(*q, "pending_row").toLongLong();
        const qint64 lo = columnValue(*q, "lo").toLongLong();
        auto top = exec(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM leads"));
        if (!top)
            return top.failure();
        top->next();
        // Nothing above the newest lead is pending (a range left open by a writer that never
        // finished would otherwise never end).
        const qint64 hi = std::min(columnValue(*q, "hi").toLongLong(), top->value(0).toLongLong());
        const qint64 end = std::min(hi, lo + chunk - 1);
        auto ins =
            exec(m_db,
                 QStringLiteral("INSERT INTO leads_fts(rowid, search) SELECT id, search FROM "
                                "leads_search WHERE id BETWEEN ? AND ?"),
                 {lo, end});
        if (!ins)
            return ins.failure();
        done += ins->numRowsAffected();
        auto next = end >= hi ? exec(m_db,
                                     QStringLiteral("DELETE FROM search_pending WHERE "
                                                    "rowid = ?"),
                                     {row})
                              : exec(m_db,
                                     QStringLiteral("UPDATE search_pending SET lo = ? WHERE "
                                                    "rowid = ?"),
                                     {end + 1, row});
        if (!next)
            return next.failure();
        if (Status c = tx.commit(); !c)
            return c.failure();
    }
}

std::function<void()> SearchIndex::canceller() const {
    return m_db.backend() == Backend::Postgres ? statementCanceller(m_db) : std::function<void()>();
}

} // namespace mikomi::storage
