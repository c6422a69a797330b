#include "models/storage/bulkwriter.h"

#include "models/domain/dates.h"
#include "models/storage/checkconstraints.h"
#include "models/storage/countrystore.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/leadsearch.h"
#include "models/storage/pgbulkwriter.h"
#include "models/storage/repositories.h"
#include "models/storage/rowuuid.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QStringEncoder>

#include <array>
#include <cstring>
#include <string>
#include <vector>

#ifdef MIKOMI_HAVE_SQLITE3
#include <sqlite3.h>
#endif

namespace mikomi::storage {

// While a deferring writer fills the tables, SQLite's CHECK constraints are off on its
// connection (PRAGMA ignore_check_constraints): with a value list, a check costs SQLite a
// temporary index per row. Nothing unchecked may reach the commit, so:
// - the rows of the writer's own statements are tested in C++ as they are bound (RowChecks:
//   `column IN (…)` against the values); a row not surely passing puts its table on the list of
//   tables finish() checks set-wise, by SQLite's own evaluation of the constraints;
// - every other row written on the connection meanwhile (a repository's update of a merged
//   lead, a source created on the way, rows written by triggers, by the writer's statements
//   too) is seen by SQLite's update hook, which puts its table on that list;
// - without SQLite's own API (no hook), finish() checks every table that has checks.
struct BulkWriter::Checks {
    QHash<QString, TableChecks> tables; // those with CHECK constraints, by name
    QSet<QString> scan;                 // tables finish() checks set-wise
    bool scanAll = false;               // finish() checks every table that has checks
    bool active = true;                 // false once finish() has checked
    QByteArray running;                 // the table a writer's statement is inserting into now
    std::string lastSeen;               // the last table the hook put on the list
#ifdef MIKOMI_HAVE_SQLITE3
    sqlite3 *hooked = nullptr; // the connection whose update hook is ours
    static void written(void *self, int op, const char *, const char *table, sqlite3_int64) {
        auto *c = static_cast<Checks *>(self);
        if (op == SQLITE_DELETE || (!c->running.isEmpty() && c->running == table) ||
            c->lastSeen == table)
            return;
        c->lastSeen = table;
        c->scan.insert(QString::fromUtf8(table));
    }
    void unhook() {
        if (hooked)
            sqlite3_update_hook(hooked, nullptr, nullptr);
        hooked = nullptr;
    }
#else
    void unhook() {}
#endif
};

// One prepared statement, bound from a typed buffer (or QVariants, turned into one) and run once
// per row.
class BulkWriter::Statement {
public:
    Statement(Database &db, const QString &sql, Checks *checks = nullptr)
        : m_query(connection(db))
        , m_checks(checks) {
        if (m_checks) {
            m_rowChecks.emplace(sql, m_checks->tables);
            m_table = m_rowChecks->table().toUtf8();
        }
#ifdef MIKOMI_HAVE_SQLITE3
        const QVariant h = connection(db).driver()->handle();
        if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
            m_handle = *static_cast<sqlite3 *const *>(h.data());
        if (m_handle) {
            const QByteArray utf8 = sql.toUtf8();
            if (sqlite3_prepare_v2(m_handle, utf8.constData(), int(utf8.size()), &m_stmt,
                                   nullptr) != SQLITE_OK) {
                m_error = QString::fromUtf8(sqlite3_errmsg(m_handle));
                m_stmt = nullptr;
            }
            return;
        }
#endif
        if (!m_query.prepare(sql))
            m_error = sqlErrorMessage(m_query.lastError());
    }
    ~Statement() {
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_stmt)
            sqlite3_finalize(m_stmt);
#endif
    }
    bool native() const {
        return m_handle != nullptr;
    }

    Result<qint64> run(const QVariantList &binds) {
        return run(binds.constData(), binds.size());
    }

    // The `n` values from `binds` on, through the typed buffer (one way of binding for both).
    Result<qint64> run(const QVariant *binds, qsizetype n) {
        m_converted.clear();
        for (qsizetype i = 0; i < n; ++i) {
            const QVariant &v = binds[i];
            switch (v.typeId()) {
            case QMetaType::UnknownType:
                m_converted.null();
                break;
            case QMetaType::QString: // a null QString is an empty text, as execPrepared binds it
                m_converted.text(*static_cast<const QString *>(v.constData()));
                break;
            case QMetaType::LongLong:
                m_converted.integer(*static_cast<const qlonglong *>(v.constData()));
                break;
            case QMetaType::Int:
                m_converted.integer(*static_cast<const int *>(v.constData()));
                break;
            case QMetaType::Double:
                m_converted.real(v.toDouble());
                break;
            default:
                if (v.isNull())
                    m_converted.null();
                else
                    m_converted.integer(v.toLongLong());
                break;
            }
        }
        return run(m_converted, 0, n);
    }

    // The `n` values of `buf` from `from` on.
    Result<qint64> run(const BindBuffer &buf, qsizetype from, qsizetype n) {
        if (!m_error.isEmpty())
            return Error{m_error};
        if (m_checks && m_checks->active && !m_rowChecks->surelyPass(buf, from, n)) {
            if (m_rowChecks->table().isEmpty())
                m_checks->scanAll = true; // a statement not understood: its table is unknown
            else
                m_checks->scan.insert(m_rowChecks->table());
        }
        // Rows the hook sees written into this statement's own table are the ones just tested.
        struct Running {
            Checks *c;
            ~Running() {
                if (c)
                    c->running.clear();
            }
        } running{m_checks};
        if (m_checks)
            m_checks->running = m_table;
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_handle) {
            if (m_bound.size() < std::size_t(n))
                m_bound.resize(std::size_t(n));
            for (int i = 0; i < n; ++i) {
                const BindBuffer::Value &v = buf.at(from + i);
                Bound &bound = m_bound[std::size_t(i)];
                int rc = SQLITE_OK;
                switch (v.kind) {
                case BindBuffer::Kind::Null:
                    if (bound.kind != Bound::Null) {
                        rc = sqlite3_bind_null(m_stmt, i + 1);
                        bound = {Bound::Null, 0};
                    }
                    break;
                case BindBuffer::Kind::Int:
                    rc = bindInt(i, bound, v.integer);
                    break;
                case BindBuffer::Kind::Real:
                    rc = sqlite3_bind_double(m_stmt, i + 1, v.real);
                    bound = {Bound::Other, 0};
                    break;
                case BindBuffer::Kind::Text:
                    if (v.size == 0) {
                        if (bound.kind != Bound::EmptyText) {
                            rc = sqlite3_bind_text(m_stmt, i + 1, "", 0, SQLITE_STATIC);
                            bound = {Bound::EmptyText, 0};
                        }
                        break;
                    }
                    // The buffer's bytes stay put until the statement has run.
                    rc = sqlite3_bind_text(m_stmt, i + 1, buf.textData(v), v.size, SQLITE_STATIC);
                    bound = {Bound::Other, 0};
                    break;
                }
                if (rc != SQLITE_OK) {
                    bound = {Bound::Other, 0};
                    return fail();
                }
            }
            const int rc = sqlite3_step(m_stmt);
            sqlite3_reset(m_stmt);
            if (rc != SQLITE_DONE && rc != SQLITE_ROW)
                return fail();
            return qint64(sqlite3_last_insert_rowid(m_handle));
        }
#endif
        QVariantList binds;
        binds.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            binds.append(buf.variant(from + i));
        if (Status s = execPrepared(m_query, binds); !s)
            return s.failure();
        return m_query.lastInsertId().toLongLong();
    }

private:
#ifdef MIKOMI_HAVE_SQLITE3
    // What a parameter is bound to now, when binding it again can be skipped.
    struct Bound {
        enum Kind : unsigned char { Unknown, Null, EmptyText, Int, Other } kind = Unknown;
        qint64 value = 0; // of an Int
    };
    int bindInt(int i, Bound &bound, qint64 value) {
        if (bound.kind == Bound::Int && bound.value == value)
            return SQLITE_OK;
        bound = {Bound::Int, value};
        return sqlite3_bind_int64(m_stmt, i + 1, value);
    }
#endif

    Error fail() {
#ifdef MIKOMI_HAVE_SQLITE3
        return Error{
            QCoreApplication::translate("mikomi::storage::BulkWriter", "Database error: %1")
                .arg(QString::fromUtf8(sqlite3_errmsg(m_handle)))};
#else
        return Error{m_error};
#endif
    }

    QSqlQuery m_query;
    QString m_error;
    BindBuffer m_converted;     // QVariants given to run(), typed
    Checks *m_checks = nullptr; // while CHECK constraints are off
    std::optional<RowChecks> m_rowChecks;
    QByteArray m_table; // UTF-8, as the update hook names it
#ifdef MIKOMI_HAVE_SQLITE3
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<Bound> m_bound; // by parameter
#else
    void *m_handle = nullptr;
#endif
};

namespace {
// Leads per multi-row INSERT of a buffered writer (a statement of 32 rows of leads binds 1,472
// values; SQLite allows 32,766).
constexpr int kBufferedRows = 32;
} // namespace

BulkWriter::BulkWriter(Database &db, bool deferIndexes, bool buffered)
    : m_db(db)
    , m_repo(std::make_unique<LeadRepository>(db))
    , m_buffered(buffered) {
    if (db.backend() == Backend::Postgres) {
        m_pg = std::make_unique<PgBulkWriter>(db, *m_repo, deferIndexes);
        return;
    }
    if (deferIndexes) {
        auto q = exec(
            db, QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql "
                               "IS NOT NULL AND tbl_name IN ('leads', 'lead_scores', "
                               "'stage_history', 'touchpoints', 'activities', 'lead_contacts')"));
        QList<std::pair<QString, QString>> indexes; // name, CREATE statement
        while (q && q->next())
            indexes.append({q->value(0).toString(), q->value(1).toString()});
        for (const auto &[name, sql] : std::as_const(indexes)) {
            // Index names come from our own schema, not from input; quoted all the same. One
            // that cannot be dropped simply stays up to date row by row.
            if (exec(db, QStringLiteral("DROP INDEX \"%1\"").arg(name)))
                m_deferred << sql;
        }
    }
    // The search index is not updated row by row: the ids written from here on are recorded as
    // pending (the triggers skip them) and SearchIndex::catchUp() indexes them after the commit.
    // finish() closes the range at the last id written. Should recording the range fail, the
    // triggers simply index every row as it is written (slower, same result).
    if (auto p = exec(db, QStringLiteral("INSERT INTO search_pending(lo, hi) VALUES ((SELECT "
                                         "coalesce(max(id), 0) + 1 FROM leads), "
                                         "9223372036854775807)"));
        p)
        m_pendingRow = p->lastInsertId().toLongLong();
    if (m_buffered) {
        // The id SQLite would give the next lead (no AUTOINCREMENT: one past the greatest).
        auto next = exec(db, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM leads"));
        m_nextId = next && next->next() ? next->value(0).toLongLong() : 0;
        if (m_nextId <= 0)
            m_buffered = false; // written row by row, ids from SQLite
    }
    // Every lead written from here on is in the pending range, which the search index's insert
    // trigger skips: it only costs time (a trigger program per row). Dropped like the activity
    // triggers, inside the caller's transaction, and recreated by finish().
    if (m_pendingRow > 0 && m_buffered)
        (void)pauseTriggers(QStringLiteral("leads"), QStringLiteral("leads_fts_insert"));
    // Inserting many rows touches index pages all over the file: a large page cache keeps them
    // in memory instead of spilling to the WAL and reading them back. Restored afterwards.
    (void)exec(db, QStringLiteral("PRAGMA cache_size = -262144"));
    // The CHECK constraints with value lists (stage IN (…), …) make SQLite build and drop a
    // small temporary index on every insert: a quarter of a bulk import. While filling, the
    // rows are checked once, set-wise, in finish() instead (rows of this connection updated
    // meanwhile included, since the pragma is per connection), before the caller commits.
    if (deferIndexes) {
        auto c = std::make_unique<Checks>();
        auto q = exec(db, QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = "
                                         "'table' AND sql LIKE '%CHECK%'"));
        while (q && q->next()) {
            const QString name = q->value(0).toString();
            c->tables.insert(name, parseChecks(name, q->value(1).toString()));
        }
        if (q && exec(db, QStringLiteral("PRAGMA ignore_check_constraints = ON"))) {
            m_checksDeferred = true;
#ifdef MIKOMI_HAVE_SQLITE3
            const QVariant h = connection(db).driver()->handle();
            if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0) {
                c->hooked = *static_cast<sqlite3 *const *>(h.data());
                if (c->hooked)
                    sqlite3_update_hook(c->hooked, &Checks::written, c.get());
            }
            if (!c->hooked)
                c->scanAll = true;
#else
            c->scanAll = true;
#endif
            m_checks = std::move(c);
        }
    }
    const QStringList &cols = newLeadColumns();
    QStringList marks;
    for (qsizetype i = 0; i < cols.size(); ++i)
        marks << QStringLiteral("?");
    m_lead = std::make_unique<Statement>(
        db,
        QStringLiteral("INSERT INTO leads(%1) VALUES (%2)")
            .arg(cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
        m_checks.get());
    m_score = std::make_unique<Statement>(
        db, QStringLiteral("INSERT INTO lead_scores(lead_id, score) VALUES (?, ?)"),
        m_checks.get());
    m_history = std::make_unique<Statement>(
        db,
        QStringLiteral("INSERT INTO stage_history(lead_id, from_stage, to_stage, lost, "
                       "recycled, changed_at, user_name, note, uuid) VALUES "
                       "(?,?,?,?,?,?,?,?,?)"),
        m_checks.get());
    m_touch = std::make_unique<Statement>(
        db,
        QStringLiteral("INSERT INTO touchpoints(lead_id, occurred_at, source_id, medium, "
                       "campaign, content, url, uuid) VALUES (?,?,?,?,?,?,?,?)"),
        m_checks.get());
    m_activity = std::make_unique<Statement>(
        db,
        QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at, user_name, notes, "
                       "uuid) VALUES (?,?,?,?,?,?)"),
        m_checks.get());
    m_contact = std::make_unique<Statement>(
        db,
        QStringLiteral("INSERT INTO lead_contacts(lead_id, position, kind, value, label, key) "
                       "VALUES (?,?,?,?,?,?)"),
        m_checks.get());
    m_leads.head =
        QStringLiteral("INSERT INTO leads(id, %1) VALUES ").arg(cols.join(QStringLiteral(", ")));
    m_leads.columns = int(cols.size()) + 1;
    m_scores.head = QStringLiteral("INSERT INTO lead_scores(lead_id, score) VALUES ");
    m_scores.columns = 2;
    m_histories.head = QStringLiteral("INSERT INTO stage_history(lead_id, from_stage, to_stage, "
                                      "lost, recycled, changed_at, user_name, note, uuid) VALUES ");
    m_histories.columns = 9;
    m_contacts.head = QStringLiteral(
        "INSERT INTO lead_contacts(lead_id, position, kind, value, label, key) VALUES ");
    m_contacts.columns = 6;
}

BulkWriter::~BulkWriter() {
    for (Pending *p : {&m_leads, &m_scores, &m_histories, &m_contacts})
        p->statements.clear();
    m_lead.reset();
    m_score.reset();
    m_history.reset();
    m_touch.reset();
    m_activity.reset();
    m_contact.reset();
    if (m_pg)
        return;
    if (m_checks)
        m_checks->unhook();
    if (m_checksDeferred)
        (void)exec(m_db, QStringLiteral("PRAGMA ignore_check_constraints = OFF"));
    (void)exec(m_db, QStringLiteral("PRAGMA cache_size = -8192"));
}

// Writes the first `n` rows of `p` with one statement (prepared once per row count).
Status BulkWriter::write(Pending &p, int n) {
    std::unique_ptr<Statement> &st = p.statements[n];
    if (!st) {
        QString one = QStringLiteral("(?");
        for (int c = 1; c < p.columns; ++c)
            one += QStringLiteral(",?");
        one += u')';
        st = std::make_unique<Statement>(m_db, p.head + QStringList(n, one).join(u','),
                                         m_checks.get());
    }
    const qsizetype count = qsizetype(n) * p.columns;
    if (auto r = st->run(p.values, p.written, count); !r)
        return r.failure();
    p.written += count;
    p.rows -= n;
    if (p.rows == 0) {
        p.values.clear(); // keeps its memory
        p.written = 0;
    }
    return {};
}

// The leads first (the other rows refer to them), then whole statements of the others; what is
// left of them refers to leads already written and waits for the next round.
Status BulkWriter::writeFull() {
    for (Pending *p : {&m_leads, &m_scores, &m_histories, &m_contacts}) {
        while (p->rows >= kBufferedRows) {
            if (Status s = write(*p, kBufferedRows); !s)
                return s;
        }
        if (p->written > 0) { // the rows left move to the front, once per round
            p->values.dropFront(p->written);
            p->written = 0;
        }
    }
    return {};
}

void BulkWriter::overlapWrites() {
    if (m_pg)
        m_pg->setOverlapped(true);
}

Status BulkWriter::flush() {
    if (m_pg)
        return m_pg->flush();
    for (Pending *p : {&m_leads, &m_scores, &m_histories, &m_contacts}) {
        while (p->rows > 0) {
            if (Status s = write(*p, std::min(p->rows, kBufferedRows)); !s)
                return s;
        }
    }
    return {};
}

Status BulkWriter::finish() {
    if (m_pg)
        return m_pg->finish();
    if (Status s = flush(); !s)
        return s;
    if (m_checksDeferred) {
        // Every table that may hold a row not known to pass (Checks), checked by SQLite as one
        // query each: a violation is an error, so the caller rolls back.
        m_checks->unhook();
        QStringList tables;
        for (auto t = m_checks->tables.cbegin(); t != m_checks->tables.cend(); ++t)
            if (m_checks->scanAll || m_checks->scan.contains(t.key()))
                tables << t.key();
        tables.sort(); // the same order every time
        for (const QString &table : std::as_const(tables)) {
            const QString sql = m_checks->tables.value(table).violationQuery();
            if (sql.isEmpty())
                continue;
            auto q = exec(m_db, sql);
            if (!q)
                return q.failure();
            const int bad = q->next() ? q->value(0).toInt() : 0;
            if (bad > 0) {
                const QString message = QCoreApplication::translate(
                    "mikomi::storage::BulkWriter",
                    "Database error: %n written row(s) break the schema's checks.", nullptr, bad);
                return Error{message};
            }
        }
        if (auto r = exec(m_db, QStringLiteral("PRAGMA ignore_check_constraints = OFF")); !r)
            return r.failure();
        m_checksDeferred = false;
        m_checks->active = false; // SQLite checks again from here on
    }
    for (const QString &sql : std::as_const(m_deferred)) {
        auto r = exec(m_db, sql);
        if (!r)
            return r.failure();
    }
    m_deferred.clear();
    // After the indexes: each recomputation is a seek in activities_lead.
    for (qint64 id : std::as_const(m_staleLastActivity)) {
        if (auto r = exec(m_db,
                          QStringLiteral("UPDATE leads SET last_activity_at = (SELECT "
                                         "max(occurred_at) FROM activities WHERE lead_id = ?) "
                                         "WHERE id = ?"),
                          {id, id});
            !r)
            return r.failure();
    }
    m_staleLastActivity.clear();
    for (const QString &sql : std::as_const(m_triggers)) {
        if (auto r = exec(m_db, sql); !r)
            return r.failure();
    }
    m_triggers.clear();
    m_triggersPaused = false;
    if (m_pendingRow > 0) {
        const QString top = QStringLiteral("(SELECT coalesce(max(id), 0) FROM leads)");
        if (auto r = exec(
                m_db, QStringLiteral("DELETE FROM search_pending WHERE rowid = ? AND lo > ") + top,
                {m_pendingRow});
            !r)
            return r.failure();
        if (auto r = exec(
                m_db, QStringLiteral("UPDATE search_pending SET hi = %1 WHERE rowid = ?").arg(top),
                {m_pendingRow});
            !r)
            return r.failure();
        m_pendingRow = 0;
    }
    return {};
}

bool BulkWriter::native() const {
    return m_lead && m_lead->native();
}

Result<qint64> BulkWriter::resolveSource(const QString &name) {
    return cachedId(m_sourceIds, name,
                    [this](const QString &n) { return m_repo->sources().resolve(n); });
}

Result<qint64> BulkWriter::resolveOwner(const QString &name) {
    return cachedId(m_ownerIds, name,
                    [this](const QString &n) { return m_repo->users().resolve(n); });
}

Result<qint64> BulkWriter::insertLead(const Lead &lead, const QList<Activity> &activities,
                                      const LeadKeys *keys) {
    if (m_pg)
        return m_pg->insertLead(lead, activities, keys);
    if (const QString problem = contactTextProblem(lead); !problem.isEmpty())
        return Error{problem};
    auto owner = resolveOwner(lead.owner);
    if (!owner)
        return owner.failure();
    auto source = resolveSource(lead.source);
    if (!source)
        return source.failure();
    // last_activity_at as the triggers would set it: the greatest stored text.
    const ActivityTimes stamps = activityTimes(activities);
    std::optional<LeadKeys> own;
    if (!keys) {
        if (!m_phoneRegion) {
            auto region = phoneRegion(m_db);
            if (!region)
                return region.failure();
            m_phoneRegion = *region;
        }
        keys = &own.emplace(LeadKeys::of(lead, *m_phoneRegion));
    }
    Result<qint64> id = qint64(0);
    if (m_buffered) {
        id = m_nextId++;
        m_leads.values.integer(*id);
        if (Status s =
                appendNewLeadValues(m_leads.values, m_db, lead, *owner, *source, keys, stamps);
            !s) {
            m_leads.values.dropBack(1);
            --m_nextId;
            return s.failure();
        }
        ++m_leads.rows;
        m_scores.values.integer(*id);
        m_scores.values.integer(lead.score);
        ++m_scores.rows;
        // Activities refer to their lead: it is written first.
        if (!activities.isEmpty()) {
            if (Status s = flush(); !s)
                return s.failure();
        }
    } else {
        m_row.clear();
        if (Status s = appendNewLeadValues(m_row, m_db, lead, *owner, *source, keys, stamps); !s)
            return s.failure();
        id = m_lead->run(m_row, 0, m_row.size());
        if (!id)
            return id;
        if (auto sc = m_score->run({*id, lead.score}); !sc)
            return sc.failure();
    }
    m_db.changes().note(DataKind::Leads); // no ids: an import is one change, "any lead"
    for (qsizetype i = 0; i < activities.size(); ++i) {
        if (Status s = writeActivity(*id, activities.at(i), stamps.times.at(i)); !s)
            return s.failure();
    }
    // Its further emails and numbers, stored as LeadRepository stores them (leadcontacts.cpp).
    if (!lead.extraContacts.isEmpty() && !m_phoneRegion) {
        auto region = phoneRegion(m_db);
        if (!region)
            return region.failure();
        m_phoneRegion = *region;
    }
    int position = 0;
    for (const ContactPoint &given : lead.extraContacts) {
        const ContactPoint c = tidiedContact(given);
        if (c.value.isEmpty())
            continue;
        BindBuffer &row = m_buffered ? m_contacts.values : m_row;
        if (!m_buffered)
            row.clear();
        row.integer(*id);
        row.integer(position++);
        row.text(contactKindKey(c.kind));
        row.text(c.value);
        row.text(c.label);
        row.text(contactKey(c, m_phoneRegion.value_or(QString())));
        if (m_buffered)
            ++m_contacts.rows;
        else if (auto r = m_contact->run(row, 0, row.size()); !r)
            return r.failure();
    }
    if (m_buffered && m_leads.rows >= kBufferedRows) {
        if (Status s = writeFull(); !s)
            return s.failure();
    }
    // Its custom fields (rare: a statement each, as LeadRepository writes them), after the lead
    // they refer to is written.
    if (!lead.customFields.isEmpty()) {
        if (m_buffered) {
            if (Status s = flush(); !s)
                return s.failure();
        }
        if (Status c = writeCustomFields(m_db, *id, lead.customFields); !c)
            return c.failure();
    }
    return id;
}

Status BulkWriter::insertStageChange(qint64 leadId, const StageChange &c) {
    if (m_pg)
        return m_pg->insertStageChange(leadId, c);
    BindBuffer &row = m_buffered ? m_histories.values : m_row; // in place: no list per row
    if (!m_buffered)
        row.clear();
    row.integer(leadId);
    if (c.fromStage)
        row.text(stageText(*c.fromStage));
    else
        row.null();
    row.text(stageText(c.toStage));
    row.integer(c.lost ? 1 : 0);
    row.integer(c.recycled ? 1 : 0);
    row.text(dates::toIsoDateTime(c.changedAt));
    row.text(c.user);
    row.text(c.note);
    if (c.uuid.isEmpty()) {
        char uuid[36];
        writeNewRowUuid(uuid);
        row.ascii(uuid, 36);
    } else {
        row.text(c.uuid);
    }
    if (m_buffered)
        ++m_histories.rows;
    else if (auto r = m_history->run(row, 0, row.size()); !r)
        return r.failure();
    m_db.changes().note(DataKind::Leads);
    return {};
}

Status BulkWriter::insertTouchpoint(qint64 leadId, const Touchpoint &tp) {
    if (m_pg)
        return m_pg->insertTouchpoint(leadId, tp);
    auto source = resolveSource(tp.source);
    if (!source)
        return source.failure();
    auto r = m_touch->run({leadId, dates::toIsoDateTime(tp.occurredAt),
                           *source > 0 ? QVariant(*source) : QVariant(), tp.medium, tp.campaign,
                           tp.content, tp.url, rowUuidOr(tp.uuid)});
    if (!r)
        return r.failure();
    m_db.changes().note(DataKind::Leads);
    return {};
}

Status BulkWriter::insertActivity(qint64 leadId, const Activity &a) {
    if (m_pg)
        return m_pg->insertActivity(leadId, a);
    if (Status s = writeActivity(leadId, a, dates::toIsoDateTime(a.occurredAt)); !s)
        return s;
    m_staleLastActivity.insert(leadId);
    return {};
}

// The triggers keeping leads.last_activity_at (migration_v6.cpp) update the lead row for every
// activity: for millions of rows they are dropped inside the caller's transaction (a rollback
// restores them) and recreated by finish(). Their text is read back from the schema.
Status BulkWriter::pauseActivityTriggers() {
    if (m_triggersPaused)
        return {};
    if (Status s = pauseTriggers(QStringLiteral("activities"), QStringLiteral("activities_last_*"));
        !s)
        return s;
    m_triggersPaused = true;
    return {};
}

// Drops the triggers of `table` named like `glob`, to be recreated by finish().
Status BulkWriter::pauseTriggers(const QString &table, const QString &glob) {
    // Outside a transaction the drop would be final at once: then the triggers stay on.
    if (m_db.transactionDepth() == 0)
        return {};
    auto q = exec(m_db,
                  QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND "
                                 "tbl_name = ? AND name GLOB ?"),
                  {table, glob});
    if (!q)
        return q.failure();
    QStringList names;
    while (q->next()) {
        names << q->value(0).toString();
        m_triggers << q->value(1).toString();
    }
    for (const QString &name : std::as_const(names)) {
        // Names from our own schema, not from input; quoted all the same.
        if (auto r = exec(m_db, QStringLiteral("DROP TRIGGER \"%1\"").arg(name)); !r)
            return r.failure();
    }
    return {};
}

Status BulkWriter::writeActivity(qint64 leadId, const Activity &a, const QString &occurredAt) {
    if (Status s = pauseActivityTriggers(); !s)
        return s;
    auto r = m_activity->run(
        {leadId, activityKindKey(a.kind), occurredAt, a.user, a.notes, rowUuidOr(a.uuid)});
    if (!r)
        return r.failure();
    m_db.changes().note(DataKind::Leads);
    return {};
}

} // namespace mikomi::storage
