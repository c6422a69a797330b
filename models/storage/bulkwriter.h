#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/bindbuffer.h"
#include "models/storage/database.h"
#include "models/storage/leadkeys.h"

#include <QHash>
#include <QSet>

#include <map>
#include <memory>
#include <optional>

namespace mikomi::storage {

// Fast inserts for demo data and imports: prepared statements reused for every row, through
// SQLite's own API when Mikomi is built with it (Qt's layer costs ~3.7× per row), else Qt SQL.
// Use inside a Transaction; nothing here commits.
class BulkWriter final {
public:
    // With `deferIndexes`, the secondary indexes of the lead tables are dropped now and rebuilt
    // by finish() (one sort each instead of a random insert per row): for filling a database,
    // not for imports that look rows up as they go. All inside the caller's transaction, so a
    // rollback brings the indexes back too. The lead search index (leads_fts) is never updated
    // per row by a BulkWriter: the ids it writes are recorded as pending (searchindex.h), to be
    // indexed by SearchIndex::catchUp() after the commit.
    //
    // With `buffered`, the rows of leads, lead_scores, stage_history and lead_contacts are
    // gathered and written kBufferedRows leads at a time, one multi-row INSERT per table (a
    // statement per row cost more than the row: measured, a third of an import's writing); the
    // leads get the ids SQLite would give them (one past the greatest), returned at once. Until
    // flush() the rows are not in the database: the caller flushes before anything else reads or
    // writes those tables on this connection (a repository, a query). finish() flushes; a writer
    // destroyed unflushed drops its rows (the caller is rolling back).
    explicit BulkWriter(Database &db, bool deferIndexes = false, bool buffered = false);
    ~BulkWriter();
    BulkWriter(const BulkWriter &) = delete;
    BulkWriter &operator=(const BulkWriter &) = delete;

    // Inserts the lead row, its extra contacts and its `activities` (no history); returns its id.
    // Owner and source names are resolved (and created) through the same normalisation as
    // everywhere else. `keys`: LeadKeys::of(lead) when the caller has computed it already.
    Result<qint64> insertLead(const Lead &lead, const QList<Activity> &activities = {},
                              const LeadKeys *keys = nullptr);
    Status insertStageChange(qint64 leadId, const StageChange &change);
    Status insertTouchpoint(qint64 leadId, const Touchpoint &tp);
    // An activity of a lead written earlier; its last_activity_at is brought up to date by
    // finish(). For a new lead, pass its activities to insertLead() instead (no update later).
    Status insertActivity(qint64 leadId, const Activity &a);

    // On a team server, lets the rows of a full batch be written while the caller goes on
    // (PgBulkWriter::setOverlapped): for a caller that flushes before its own reads and writes
    // of the lead tables, as `buffered` asks. Nothing on a file.
    void overlapWrites();

    // Writes the buffered rows (see the constructor); nothing when there are none.
    Status flush();

    // Flushes, checks and rebuilds deferred indexes. Call before committing.
    Status finish();

    // True when the native SQLite path is in use.
    bool native() const;

private:
    class Statement;
    Result<qint64> resolveSource(const QString &name);
    Result<qint64> resolveOwner(const QString &name);
    Status writeActivity(qint64 leadId, const Activity &a, const QString &occurredAt);
    Status pauseActivityTriggers();
    Status pauseTriggers(const QString &table, const QString &glob);
    // Buffered rows of one table: their values, row after row.
    struct Pending {
        BindBuffer values;
        qsizetype written = 0; // values at the front already written (dropped once per round)
        int rows = 0;          // not written yet
        int columns = 0;
        QString head;                                         // "INSERT INTO t(a, b) VALUES "
        std::map<int, std::unique_ptr<Statement>> statements; // by row count
    };
    Status write(Pending &p, int rows);
    Status writeFull();
    Database &m_db;
    std::optional<QString> m_phoneRegion; // read once, for leads written without their keys
    std::unique_ptr<class LeadRepository> m_repo;
    std::unique_ptr<Statement> m_lead, m_score, m_history, m_touch, m_activity, m_contact;
    QStringList m_deferred; // CREATE INDEX statements to run in finish()
    QStringList m_triggers; // activity triggers dropped while inserting, recreated by finish()
    bool m_triggersPaused = false;
    QHash<QString, qint64> m_sourceIds, m_ownerIds; // by name as given
    QSet<qint64> m_staleLastActivity; // leads whose last_activity_at finish() recomputes
    qint64 m_pendingRow = 0;          // this writer's row in search_pending, closed by finish()
    bool m_buffered = false;
    qint64 m_nextId = 0; // of the next buffered lead
    Pending m_leads, m_scores, m_histories, m_contacts;
    BindBuffer m_row;              // one row of an unbuffered writer
    bool m_checksDeferred = false; // CHECK constraints off until finish() has verified the rows
    struct Checks;                 // how they are verified (bulkwriter.cpp)
    std::unique_ptr<Checks> m_checks;
    // On a PostgreSQL server every call goes to this writer instead (pgbulkwriter.h).
    std::unique_ptr<class PgBulkWriter> m_pg;
};

} // namespace mikomi::storage
