#pragma once

// Internal to models/storage: BulkWriter on a PostgreSQL server (team mode, docs/team.md). A
// BulkWriter opened on a server hands every call to one of these (bulkwriter.cpp), so the importer
// and the demo writer do not know which backend they fill.
//
// What differs from the file's writer: no native handle, no PRAGMAs, no search-index bookkeeping
// (the pg_trgm indexes follow every row by themselves) and no trigger switching. A statement costs
// a round trip to the server (~0.05 ms on localhost, more over a network), so every table's rows
// are gathered and written together: by COPY through libpq (pgcopy.h) kCopyRows at a time, or,
// without libpq, kRows at a time as one multi-row INSERT with bound parameters, prepared once per
// row count. Lead ids are taken from the leads' identity sequence in blocks, so the
// caller gets each id at once and two people importing at the same time never collide.

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/leadkeys.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariantList>

#include <deque>
#include <map>
#include <optional>

namespace mikomi::storage {

class LeadRepository;

class PgBulkWriter final {
public:
    // With `deferIndexes` (BulkWriter's: a large import compared with the database), the
    // indexes of the tables written (but those of their primary keys) and their foreign keys are
    // dropped now and made again by finish(): one sort and one check each instead of an index
    // insert and a locking lookup per row (a 100,000-row import into an empty server: 15.0 ->
    // 10.8 s; with the uuid indexes and the keys to users and sources too, 6.0 -> 4.5 s). A
    // duplicate in a unique index fails its rebuild, and the import with it. All inside the
    // caller's transaction (a rollback brings them back). Only when no one else is connected to the
    // database (others would wait for the commit at their next look at the leads), this login owns
    // the tables and no row-level security applies, and no lock is held on them for 2 s; otherwise
    // nothing is dropped and the rows are written as usual.
    explicit PgBulkWriter(Database &db, LeadRepository &repo, bool deferIndexes = false);
    ~PgBulkWriter();
    PgBulkWriter(const PgBulkWriter &) = delete;
    PgBulkWriter &operator=(const PgBulkWriter &) = delete;

    Result<qint64> insertLead(const Lead &lead, const QList<Activity> &activities,
                              const LeadKeys *keys);
    Status insertStageChange(qint64 leadId, const StageChange &change);
    Status insertTouchpoint(qint64 leadId, const Touchpoint &tp);
    Status insertActivity(qint64 leadId, const Activity &a);
    // Writes every gathered row, the leads first (the other rows refer to them).
    Status flush();
    // flush(), and the indexes and keys deferred made again.
    Status finish();
    // Overlapped (BulkWriter::overlapWrites, the importer): a full batch's COPY statements are
    // started and left to the server (pgcopy.h startCopyRows) while the caller gathers the next
    // batch; the next full batch, flush(), finish() and any other use of the connection (the
    // writer's own lookups; storage's connection(), through Database::setPendingWork) wait for
    // them first. A 100,000-row import into an empty server: the client's ~1.9 s of work and the
    // server's ~3 s of COPY had followed each other. Lead ids are then taken kCopyRows at a time
    // when a batch is sent, so that no query is needed between two batches.
    void setOverlapped(bool on) { m_overlap = on; }
    // The search's trigram index is dropped too but not made again here: finish() marks it
    // pending, to be made after the commit (serversearch.h buildPendingServerSearchIndex).
    // How many indexes and foreign keys the writer dropped to make again (tests).
    int deferredCount() const { return int(m_deferred.size()); }

    // Rows per multi-row INSERT (at most; fewer for a wide table, PostgreSQL takes up to 65,535
    // parameters per statement).
    static constexpr int kRows = 256;
    // Rows of a table gathered before they are written when they go by COPY (pgcopy.h).
    static constexpr int kCopyRows = 4096;

private:
    struct Table {
        QString target; // "t(a, b)"
        QString head;   // "INSERT INTO t(a, b) VALUES "
        int columns = 0;
        int rows = 0;
        QVariantList values;
        std::map<int, QSqlQuery> statements; // prepared, by row count
        int generation = 0;                  // Database::connectionGeneration() of statements
    };
    Status write(Table &t);
    // Overlapped writing: every COPY started has ended (the first failure, also of one ended by
    // someone else's use of the connection), and the next started when the last ended.
    Status settle();
    void pump();
    void startNext();
    Status deferIndexes();
    Result<bool> copyable();
    Status flushIfFull();
    Result<qint64> nextLeadId();
    Status takeLeadIds(int count);
    Status sendBatch();
    Result<qint64> resolveSource(const QString &name);
    Result<qint64> resolveOwner(const QString &name);
    Result<QString> region();

    Database &m_db;
    LeadRepository &m_repo;
    std::optional<QString> m_phoneRegion;
    QHash<QString, qint64> m_sourceIds, m_ownerIds; // by name as given
    std::deque<qint64> m_ids;                       // lead ids taken from the sequence, unused
    QStringList m_deferred;  // statements making the deferred indexes and keys again
    QByteArray m_copy;       // the rows of a COPY, reused
    bool m_copyable = false; // canCopyInto(leads), asked on connection m_copyGeneration
    int m_copyGeneration = -1;
    Table m_leads, m_scores, m_histories, m_contacts, m_touches, m_activities;
    bool m_overlap = false;
    bool m_searchIndexPending = false; // the trigram index dropped, marked pending by finish()
    std::deque<std::pair<QString, QByteArray>> m_queue; // COPYs not started yet: target, rows
    bool m_inFlight = false;                            // a COPY started, not ended
    std::optional<Error> m_overlapError;                // the first failure of an overlapped COPY
    int m_calls = 0;                                    // rows gathered since the last pump()
    qint64 m_leadsAdded = 0; // leads written since lead_groups was last compacted by finish()
};

} // namespace mikomi::storage
