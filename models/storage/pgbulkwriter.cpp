#include "models/storage/pgbulkwriter.h"

#include "models/domain/dates.h"
#include "models/domain/log.h"
#include "models/storage/countrystore.h"
#include "models/storage/database.h"
#include "models/storage/factreader.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/pgcopy.h"
#include "models/storage/repositories.h"
#include "models/storage/rowuuid.h"
#include "models/storage/serversearch.h"
#include "models/storage/sql.h"

namespace mikomi::storage {
namespace {

// `target`: "table(a, b)".
void setUp(auto &table, const QString &target, int columns) {
    table.target = target;
    table.head = QStringLiteral("INSERT INTO %1 VALUES ").arg(target);
    table.columns = columns;
}

} // namespace

PgBulkWriter::PgBulkWriter(Database &db, LeadRepository &repo, bool deferIndexes)
    : m_db(db)
    , m_repo(repo) {
    const QStringList &cols = newLeadColumns();
    setUp(m_leads, QStringLiteral("leads(id, %1)").arg(cols.join(QStringLiteral(", "))),
          int(cols.size()) + 1);
    setUp(m_scores, QStringLiteral("lead_scores(lead_id, score)"), 2);
    setUp(m_histories,
          QStringLiteral("stage_history(lead_id, from_stage, to_stage, lost, recycled, "
                         "changed_at, user_name, note, uuid)"),
          9);
    setUp(m_contacts, QStringLiteral("lead_contacts(lead_id, position, kind, value, label, key)"),
          6);
    setUp(m_touches,
          QStringLiteral("touchpoints(lead_id, occurred_at, source_id, medium, campaign, "
                         "content, url, uuid)"),
          8);
    setUp(m_activities,
          QStringLiteral("activities(lead_id, kind, occurred_at, user_name, notes, uuid)"), 6);
    // Not deferring is always correct (only slower): a failure here leaves every index as it was
    // (the savepoint is rolled back) and the rows are written as usual.
    if (deferIndexes)
        (void)this->deferIndexes();
}

// Rows still in flight are waited for (the caller is rolling back, or has flushed): the
// connection is left with nothing of this writer's pending.
PgBulkWriter::~PgBulkWriter() {
    (void)settle();
}

namespace {

QString quotedName(const QString &name) {
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

} // namespace

Status PgBulkWriter::deferIndexes() {
    // Only inside the caller's transaction, which brings them back should it roll back (the
    // process killed, the server gone): never dropped by a commit of their own.
    if (!m_db.inTransaction())
        return {};
    // Under row-level security (a rep or a manager on a server limiting reps) every row is
    // checked by the policies and the login does not own the tables: nothing to drop.
    auto copy = copyable();
    if (!copy || !*copy)
        return copy ? Status() : copy.failure();
    // Others working on this database now would wait for the import's commit at their next
    // look at the leads (their windows held for its whole length): only when no one else is
    // connected (a team's first import, a server being filled) are the indexes dropped.
    auto others = exec(m_db, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                            "current_database() AND pid <> pg_backend_pid() AND "
                                            "backend_type = 'client backend'"));
    if (!others)
        return others.failure();
    if (!others->next() || others->value(0).toLongLong() > 0)
        return {};
    Transaction savepoint(m_db);
    if (!savepoint.started())
        return Error{savepoint.error()};
    // A lock another session holds (someone's open transaction on the leads) is waited for 2 s
    // at most: then the rows are written with the indexes as they are.
    auto timeout = exec(m_db, QStringLiteral("SELECT current_setting('lock_timeout'), "
                                             "set_config('lock_timeout', '2s', true)"));
    if (!timeout)
        return timeout.failure();
    const QString oldTimeout = timeout->next() ? timeout->value(0).toString() : QString();
    const QString tables = QStringLiteral("('leads'::regclass, 'lead_scores'::regclass, "
                                          "'stage_history'::regclass, 'touchpoints'::regclass, "
                                          "'activities'::regclass, 'lead_contacts'::regclass)");
    QStringList drops, makes;
    auto indexes =
        exec(m_db, QStringLiteral("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                                  "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid IN %1 "
                                  "AND i.indisvalid AND NOT EXISTS (SELECT 1 FROM pg_constraint "
                                  "k WHERE k.conindid = i.indexrelid) ORDER BY c.relname")
                       .arg(tables));
    if (!indexes)
        return indexes.failure();
    bool searchIndex = false;
    while (indexes->next()) {
        drops << QStringLiteral("DROP INDEX %1").arg(quotedName(indexes->value(0).toString()));
        // The search's trigram index is made after the commit (serversearch.h), as a file's
        // search index catches up after an import.
        if (indexes->value(0).toString() == QLatin1String("leads_search_trgm"))
            searchIndex = true;
        else
            makes << indexes->value(1).toString();
    }
    auto keys = exec(m_db, QStringLiteral("SELECT conrelid::regclass::text, conname, "
                                          "pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                                          "contype = 'f' AND conrelid IN %1 ORDER BY conname")
                               .arg(tables));
    if (!keys)
        return keys.failure();
    while (keys->next()) {
        const QString table = keys->value(0).toString();
        const QString name = quotedName(keys->value(1).toString());
        drops << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(table, name);
        makes << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3")
                     .arg(table, name, keys->value(2).toString());
    }
    for (const QString &sql : std::as_const(drops)) {
        if (auto r = exec(m_db, sql); !r)
            return r.failure(); // the savepoint rolls back: every index and key as it was
    }
    if (auto r =
            exec(m_db, QStringLiteral("SELECT set_config('lock_timeout', ?, true)"), {oldTimeout});
        !r)
        return r.failure();
    if (Status s = savepoint.commit(); !s)
        return s;
    m_deferred = makes;
    m_searchIndexPending = searchIndex;
    return {};
}

Status PgBulkWriter::finish() {
    if (Status s = flush(); !s)
        return s;
    if (m_searchIndexPending) {
        if (Status s = markServerSearchIndexPending(m_db); !s)
            return s;
        m_searchIndexPending = false;
    }
    if (!m_deferred.isEmpty()) {
        // Sorting an index's keys in memory rather than in temporary files.
        if (auto r = exec(m_db, QStringLiteral("SELECT set_config('maintenance_work_mem', "
                                               "'256MB', true)"));
            !r)
            return r.failure();
        for (const QString &sql : std::as_const(m_deferred)) {
            if (auto r = exec(m_db, sql); !r)
                return r.failure();
        }
        m_deferred.clear();
    }
    // The report's groups (schema 22) got a row per group per statement: a large write leaves
    // them to be summed up now, in its transaction, rather than by the first report after it
    // (2.5 s instead of 0.46 at 1,000,000 leads just written). Not summed is not wrong, only
    // slower to read: a failure here (rolled back to its savepoint) does not fail the write.
    if (m_leadsAdded >= leadGroupsSlack()) {
        m_leadsAdded = 0;
        Transaction savepoint(m_db); // nested in the caller's: rolled back unless committed
        Status done = savepoint.failure();
        if (savepoint.started()) {
            auto compacted = compactLeadGroups(m_db);
            done = compacted ? savepoint.commit() : Status(compacted.failure());
        }
        if (!done)
            qCWarning(log::storage, "the report's groups were not summed after a bulk write: %s",
                      qUtf8Printable(done.error()));
    }
    return {};
}

// The next lead id from the leads' identity sequence, taken kRows at a time (one round trip per
// block; ids another writer takes meanwhile are simply skipped, as the sequence does).
Result<qint64> PgBulkWriter::nextLeadId() {
    if (m_ids.empty()) {
        if (Status s = settle(); !s)
            return s.failure();
        if (Status s = takeLeadIds(kRows); !s)
            return s.failure();
    }
    const qint64 id = m_ids.front();
    m_ids.pop_front();
    return id;
}

Status PgBulkWriter::takeLeadIds(int count) {
    {
        auto q = exec(m_db,
                      // The sequence looked up once per block, not once per id (the text
                      // name and its regclass cast per row made each id ~4 us; 0.4 us so).
                      QStringLiteral("WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence("
                                     "'leads', 'id')::regclass AS seq) SELECT nextval(s.seq) "
                                     "FROM s, generate_series(1, ?)"),
                      {count});
        if (!q)
            return q.failure();
        const std::size_t before = m_ids.size();
        while (q->next())
            m_ids.push_back(q->value(0).toLongLong());
        if (m_ids.size() == before)
            return Error{sqlErrorMessage(q->lastError())};
    }
    return {};
}

Result<qint64> PgBulkWriter::resolveSource(const QString &name) {
    return cachedId(m_sourceIds, name, [this](const QString &n) -> Result<qint64> {
        if (Status s = settle(); !s) // the rows in flight first
            return s.failure();
        return m_repo.sources().resolve(n);
    });
}

Result<qint64> PgBulkWriter::resolveOwner(const QString &name) {
    return cachedId(m_ownerIds, name, [this](const QString &n) -> Result<qint64> {
        if (Status s = settle(); !s)
            return s.failure();
        return m_repo.users().resolve(n);
    });
}

Result<QString> PgBulkWriter::region() {
    if (!m_phoneRegion) {
        if (Status s = settle(); !s)
            return s.failure();
        auto r = phoneRegion(m_db);
        if (!r)
            return r.failure();
        m_phoneRegion = *r;
    }
    return *m_phoneRegion;
}

Result<qint64> PgBulkWriter::insertLead(const Lead &lead, const QList<Activity> &activities,
                                        const LeadKeys *keys) {
    if (const QString problem = contactTextProblem(lead); !problem.isEmpty())
        return Error{problem};
    auto owner = resolveOwner(lead.owner);
    if (!owner)
        return owner.failure();
    auto source = resolveSource(lead.source);
    if (!source)
        return source.failure();
    std::optional<LeadKeys> own;
    if (!keys) {
        auto r = region();
        if (!r)
            return r.failure();
        keys = &own.emplace(LeadKeys::of(lead, *r));
    }
    auto id = nextLeadId();
    if (!id)
        return id;
    // last_activity_at as the trigger would set it: the greatest stored text.
    const ActivityTimes stamps = activityTimes(activities);
    const qsizetype before = m_leads.values.size();
    m_leads.values << *id;
    if (Status s = appendNewLeadValues(m_leads.values, m_db, lead, *owner, *source, keys, stamps);
        !s) {
        m_leads.values.resize(before);
        return s.failure();
    }
    ++m_leads.rows;
    ++m_leadsAdded;
    m_scores.values << *id << lead.score;
    ++m_scores.rows;
    m_db.changes().note(DataKind::Leads);
    for (qsizetype i = 0; i < activities.size(); ++i) {
        const Activity &a = activities.at(i);
        m_activities.values << *id << activityKindKey(a.kind) << stamps.times.at(i) << a.user
                            << a.notes << rowUuidOr(a.uuid);
        ++m_activities.rows;
    }
    // Its further emails and numbers, stored as LeadRepository stores them (leadcontacts.cpp).
    int position = 0;
    for (const ContactPoint &given : lead.extraContacts) {
        const ContactPoint c = tidiedContact(given);
        if (c.value.isEmpty())
            continue;
        auto r = region();
        if (!r)
            return r.failure();
        m_contacts.values << *id << position++ << contactKindKey(c.kind) << c.value << c.label
                          << contactKey(c, *r);
        ++m_contacts.rows;
    }
    // Its custom fields (rare: a statement each, as LeadRepository writes them), after the lead
    // they refer to is written.
    if (!lead.customFields.isEmpty()) {
        if (Status s = flush(); !s)
            return s.failure();
        if (Status c = writeCustomFields(m_db, *id, lead.customFields); !c)
            return c.failure();
    }
    if (Status s = flushIfFull(); !s)
        return s.failure();
    return id;
}

Status PgBulkWriter::insertStageChange(qint64 leadId, const StageChange &c) {
    m_histories.values << leadId << (c.fromStage ? QVariant(stageKey(*c.fromStage)) : QVariant())
                       << stageKey(c.toStage) << (c.lost ? 1 : 0) << (c.recycled ? 1 : 0)
                       << dates::toIsoDateTime(c.changedAt) << c.user << c.note
                       << rowUuidOr(c.uuid);
    ++m_histories.rows;
    m_db.changes().note(DataKind::Leads);
    return flushIfFull();
}

Status PgBulkWriter::insertTouchpoint(qint64 leadId, const Touchpoint &tp) {
    auto source = resolveSource(tp.source);
    if (!source)
        return source.failure();
    m_touches.values << leadId << dates::toIsoDateTime(tp.occurredAt)
                     << (*source > 0 ? QVariant(*source) : QVariant()) << tp.medium << tp.campaign
                     << tp.content << tp.url << rowUuidOr(tp.uuid);
    ++m_touches.rows;
    m_db.changes().note(DataKind::Leads);
    return flushIfFull();
}

// The trigger of activities (pgschema.cpp) keeps the lead's last_activity_at.
Status PgBulkWriter::insertActivity(qint64 leadId, const Activity &a) {
    m_activities.values << leadId << activityKindKey(a.kind) << dates::toIsoDateTime(a.occurredAt)
                        << a.user << a.notes << rowUuidOr(a.uuid);
    ++m_activities.rows;
    m_db.changes().note(DataKind::Leads);
    return flushIfFull();
}

// Whether rows go by COPY now: the connection allows it (canCopyRows) and no row-level security
// applies to this login, asked once per connection (the six tables' policies come together:
// asked of the leads).
Result<bool> PgBulkWriter::copyable() {
    if (!canCopyRows(m_db))
        return false;
    if (m_copyGeneration != m_db.connectionGeneration()) {
        auto c = canCopyInto(m_db, QStringLiteral("leads"));
        if (!c)
            return c;
        m_copyable = *c;
        m_copyGeneration = m_db.connectionGeneration();
    }
    return m_copyable;
}

Status PgBulkWriter::flushIfFull() {
    if (m_overlapError)
        return *m_overlapError;
    if (m_inFlight || !m_queue.empty()) {
        pump();
        // canCopyRows() says no while a COPY is in flight; the batch in flight was a COPY.
        for (const Table *t :
             {&m_leads, &m_scores, &m_histories, &m_contacts, &m_touches, &m_activities}) {
            if (t->rows >= kCopyRows)
                return sendBatch();
        }
        return {};
    }
    const auto copy = copyable();
    const int full = copy && *copy ? kCopyRows : kRows;
    for (const Table *t :
         {&m_leads, &m_scores, &m_histories, &m_contacts, &m_touches, &m_activities}) {
        if (t->rows >= full)
            return m_overlap && copy && *copy ? sendBatch() : flush();
    }
    return {};
}

// Overlapped: the batch before ended, the lead ids for the next batch taken, this batch's COPY
// statements queued (the leads first) and the first started.
Status PgBulkWriter::sendBatch() {
    if (Status s = settle(); !s)
        return s;
    if (m_ids.size() < std::size_t(kCopyRows)) {
        if (Status s = takeLeadIds(kCopyRows); !s)
            return s;
    }
    for (Table *t : {&m_leads, &m_scores, &m_histories, &m_contacts, &m_touches, &m_activities}) {
        if (t->rows == 0)
            continue;
        QByteArray rows;
        rows.reserve(m_copy.capacity());
        if (Status s = appendCopyRows(rows, t->values, t->rows, t->columns); !s)
            return s;
        m_queue.emplace_back(t->target, std::move(rows));
        t->rows = 0;
        t->values.clear();
    }
    startNext();
    if (m_overlapError)
        return *m_overlapError;
    return {};
}

Status PgBulkWriter::flush() {
    if (Status s = settle(); !s)
        return s;
    for (Table *t : {&m_leads, &m_scores, &m_histories, &m_contacts, &m_touches, &m_activities}) {
        if (Status s = write(*t); !s)
            return s;
    }
    return settle();
}

// Ends the COPY in flight (waiting for the server) and runs the queued ones to their end.
Status PgBulkWriter::settle() {
    m_db.setPendingWork({});
    while (m_inFlight || !m_queue.empty()) {
        if (m_inFlight) {
            auto done = copyFinished(m_db, true);
            m_inFlight = false;
            if (!done && !m_overlapError)
                m_overlapError = done.failure();
        }
        if (m_overlapError)
            m_queue.clear();
        else
            startNext();
    }
    m_db.setPendingWork({}); // set again by a COPY started above, ended since
    if (m_overlapError)
        return *m_overlapError;
    return {};
}

// Starts the next queued COPY (the one before has ended).
void PgBulkWriter::startNext() {
    if (m_inFlight || m_queue.empty() || m_overlapError)
        return;
    auto [target, rows] = std::move(m_queue.front());
    m_queue.pop_front();
    if (Status s = startCopyRows(m_db, target, rows); !s) {
        m_overlapError = s.failure();
        m_queue.clear();
        return;
    }
    m_inFlight = true;
    // Anyone else's statement on this connection (a repository's, through connection()) waits
    // for the rows first.
    m_db.setPendingWork([this] { (void)settle(); });
}

// Between rows: sends what the socket takes, and when the COPY in flight has ended starts the
// next one. Every 64 rows (a system call or two each time).
void PgBulkWriter::pump() {
    if (!m_inFlight || ++m_calls < 64)
        return;
    m_calls = 0;
    auto done = copyFinished(m_db, false);
    if (done && !*done)
        return; // still running
    m_inFlight = false;
    m_db.setPendingWork({});
    if (!done) {
        m_overlapError = done.failure();
        m_queue.clear();
        return;
    }
    startNext();
}

// Every gathered row of `t`: one COPY when the connection allows it (pgcopy.h), else
// statements of up to kRows rows (each prepared once per row count and kept).
Status PgBulkWriter::write(Table &t) {
    auto copy = t.rows > 0 ? copyable() : false;
    if (!copy)
        return copy.failure();
    if (*copy) {
        m_copy.clear();
        if (Status s = appendCopyRows(m_copy, t.values, t.rows, t.columns); !s)
            return s;
        if (Status s = copyRows(m_db, t.target, m_copy); !s)
            return s;
        t.rows = 0;
        t.values.clear();
        return {};
    }
    const int perStatement = std::min(kRows, 60000 / t.columns);
    qsizetype at = 0;
    if (t.generation != m_db.connectionGeneration()) {
        t.statements.clear(); // prepared on a connection the server dropped (Database::reconnect)
        t.generation = m_db.connectionGeneration();
    }
    while (t.rows > 0) {
        const int n = std::min(t.rows, perStatement);
        auto it = t.statements.find(n);
        if (it == t.statements.end()) {
            QString one = QStringLiteral("(?");
            for (int c = 1; c < t.columns; ++c)
                one += QStringLiteral(",?");
            one += u')';
            QSqlQuery q(connection(m_db));
            if (!q.prepare(t.head + QStringList(n, one).join(u',')))
                return sqlError(q.lastError(), m_db.path());
            it = t.statements.emplace(n, std::move(q)).first;
        }
        const qsizetype count = qsizetype(n) * t.columns;
        const QVariantList binds(t.values.cbegin() + at, t.values.cbegin() + at + count);
        if (Status s = execPrepared(it->second, binds); !s)
            return sqlError(it->second.lastError(), m_db.path());
        at += count;
        t.rows -= n;
    }
    t.values.clear();
    return {};
}

} // namespace mikomi::storage
