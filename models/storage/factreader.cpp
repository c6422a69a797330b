#include "models/storage/factreader.h"

#include "models/storage/secondconnection.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDriver>
#include <QSqlQuery>

#ifdef MIKOMI_HAVE_SQLITE3
#include <sqlite3.h>
#endif

#include <algorithm>
#include <atomic>
#include <charconv>
#include <functional>
#include <memory>
#include <vector>

namespace mikomi::storage {
namespace {

// Stage from furthest_stage as instr('imsoc', substr(furthest_stage, 1, 1)) reads it: by its
// first letter; anything else is Inquiry.
Stage stageFromFirstLetter(char c) {
    switch (c) {
    case 'm':
        return Stage::Mql;
    case 's':
        return Stage::Sql;
    case 'o':
        return Stage::Opportunity;
    case 'c':
        return Stage::Customer;
    default:
        return Stage::Inquiry;
    }
}

const char *const kSourcesSql = "SELECT id, name, category, tier FROM sources ORDER BY id";
const char *const kSpendSql = "SELECT source_id, month, amount FROM spend";

// ---- The portable path: Qt SQL, SQLite computing the numbers ----------------------------------

// The queries turn text into numbers inside SQLite: Julian day numbers (as QDate::toJulianDay)
// for dates, epoch milliseconds for touchpoint times, 1..5 for stages.
const char *const kLeadsSql =
    "SELECT id, source_id, instr('imsoc', substr(furthest_stage, 1, 1)), lost, "
    "CAST(julianday(substr(created_at, 1, 10)) + 0.5 AS INTEGER), "
    "CAST(julianday(substr(won_at, 1, 10)) + 0.5 AS INTEGER), deal_value, lifetime_value "
    "FROM leads ORDER BY id";
const char *const kTouchesSql =
    "SELECT lead_id, CAST(round((julianday(occurred_at) - 2440587.5) * 86400000.0) AS INTEGER), "
    "CAST(julianday(substr(occurred_at, 1, 10)) + 0.5 AS INTEGER), source_id "
    "FROM touchpoints ORDER BY lead_id, occurred_at, id";
// The same numbers from PostgreSQL: to_char(d, 'J') is the Julian day number (as
// QDate::toJulianDay), the epoch of the ISO time with its offset gives the milliseconds.
const char *const kLeadsSqlPostgres =
    "SELECT id, source_id, strpos('imsoc', substr(furthest_stage, 1, 1)), lost, "
    "to_char(CAST(substr(created_at, 1, 10) AS date), 'J')::bigint, "
    "to_char(CAST(substr(won_at, 1, 10) AS date), 'J')::bigint, deal_value, lifetime_value "
    "FROM leads ORDER BY id";
const char *const kTouchesSqlPostgres =
    "SELECT lead_id, round(extract(epoch FROM CAST(occurred_at AS timestamptz)) * 1000)::bigint, "
    "to_char(CAST(substr(occurred_at, 1, 10) AS date), 'J')::bigint, source_id "
    "FROM touchpoints ORDER BY lead_id, occurred_at, id";

// One forward-only result set through Qt SQL, with values bound to its ?s. `recover`: a team
// server that dropped the connection while the window was idle is connected again and asked once
// more (sql.h); never inside a transaction of our own (its snapshot would be lost).
class Rows final {
public:
    Rows(const Database &db, const QString &sql, const QVariantList &binds = {},
         bool recover = true)
        : m_query(connection(db)) {
        if (run(sql, binds))
            return;
        if (recover && recoverConnection(db)) {
            m_query = QSqlQuery(connection(db));
            if (run(sql, binds))
                return;
        }
        m_error = sqlErrorMessage(m_query.lastError());
    }
    Rows(const Database &db, const char *sql)
        : Rows(db, QString::fromLatin1(sql)) {}

    // The next row; false at the end or on an error (see status()).
    bool next() {
        if (!m_error.isEmpty())
            return false;
        if (m_query.next())
            return true;
        if (m_query.lastError().isValid())
            m_error = sqlErrorMessage(m_query.lastError());
        return false;
    }
    QVariant value(int i) const { return m_query.value(i); }
    qint64 integer(int i) const { return m_query.value(i).toLongLong(); }
    // An integer column that may be NULL.
    std::optional<qint64> optional(int i) const {
        if (m_query.isNull(i))
            return std::nullopt;
        return integer(i);
    }
    QString text(int i) const { return m_query.value(i).toString(); }
    Status status() const {
        if (m_error.isEmpty())
            return {};
        return Error{m_error};
    }

private:
    bool run(const QString &sql, const QVariantList &binds) {
        m_query.setForwardOnly(true);
        if (binds.isEmpty())
            return m_query.exec(sql);
        if (!m_query.prepare(sql))
            return false;
        for (const QVariant &v : binds)
            m_query.addBindValue(v);
        return m_query.exec();
    }

    QSqlQuery m_query;
    QString m_error;
};

// The sources and the spend, the same on the portable and the server paths.
// `ids`, when given, receives every source's id as well.
Status readSources(Rows &&q, FactSink &sink, std::vector<qint64> *ids = nullptr) {
    while (q.next()) {
        sink.source({q.integer(0), q.text(1), q.text(2), q.text(3)});
        if (ids)
            ids->push_back(q.integer(0));
    }
    return q.status();
}
Status readSpend(Rows &&q, FactSink &sink) {
    while (q.next())
        sink.spend({q.optional(0), q.text(1), q.integer(2)});
    return q.status();
}

Status readPortable(const Database &db, FactSink &sink) {
    if (Status s = readSources(Rows(db, kSourcesSql), sink); !s)
        return s;
    {
        Rows q(db, db.backend() == Backend::Postgres ? kLeadsSqlPostgres : kLeadsSql);
        while (q.next()) {
            FactLeadRow l;
            l.id = q.integer(0);
            l.sourceId = q.optional(1);
            const qint64 stage = q.integer(2); // 1..5; 0 = not a stage name
            l.furthestStage =
                stage >= 1 && stage <= StageCount ? static_cast<Stage>(stage - 1) : Stage::Inquiry;
            l.lost = q.integer(3) != 0;
            l.createdDay = q.optional(4);
            l.wonDay = q.optional(5);
            l.dealValue = q.optional(6);
            l.lifetimeValue = q.optional(7);
            sink.lead(l);
        }
        if (Status s = q.status(); !s)
            return s;
    }
    // Every touchpoint is read (wantedTouchLeads is not asked): one pass is what Qt SQL does best.
    {
        Rows q(db, db.backend() == Backend::Postgres ? kTouchesSqlPostgres : kTouchesSql);
        while (q.next()) {
            const auto at = q.optional(1);
            if (!at)
                continue; // a time SQLite cannot read
            sink.touch({q.integer(0), *at, q.optional(2), q.optional(3)});
        }
        if (Status s = q.status(); !s)
            return s;
    }
    return readSpend(Rows(db, kSpendSql), sink);
}

// ---- Dates parsed from the stored bytes (the native and the server paths) ---------------------

// The Julian day number of a Gregorian date, computed as SQLite's computeJD() does (so that
// CAST(julianday('YYYY-MM-DD') + 0.5 AS INTEGER) is the same number).
qint64 sqliteDayNumber(int y, int m, int d) {
    if (m <= 2) {
        --y;
        m += 12;
    }
    const int a = y / 100;
    const int b = 2 - a + a / 4;
    const int x1 = 36525 * (y + 4716) / 100;
    const int x2 = 306001 * (m + 1) / 10000;
    return qint64(x1) + x2 + d + b - 1524;
}

bool digits(const char *p, int n, int *value) {
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *value = v;
    return true;
}

// "YYYY-MM-DD…" with a real date → its day number; nullopt for anything SQLite should decide
// (other forms, or dates like 02-30 that SQLite rolls over). Reads left to right and stops at the
// first byte out of place, so a NUL-terminated text shorter than `n` is safe too.
std::optional<qint64> fastDay(const char *p, int n) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (n < 10 || !digits(p, 4, &y) || p[4] != '-' || !digits(p + 5, 2, &m) || p[7] != '-' ||
        !digits(p + 8, 2, &d) || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return std::nullopt;
    return sqliteDayNumber(y, m, d);
}

// "YYYY-MM-DDTHH:MM:SS" followed by nothing (UTC), "Z" or "±HH:MM" → epoch milliseconds, as
// round((julianday(s) - 2440587.5) * 86400000.0); nullopt for any other form.
std::optional<qint64> fastEpochMs(const char *p, int n) {
    if (n != 19 && n != 20 && n != 25)
        return std::nullopt;
    const auto day = fastDay(p, n);
    int h = 0;
    int mi = 0;
    int s = 0;
    if (!day || p[10] != 'T' || p[13] != ':' || p[16] != ':' || !digits(p + 11, 2, &h) ||
        !digits(p + 14, 2, &mi) || !digits(p + 17, 2, &s) || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    qint64 offsetMinutes = 0;
    if (n == 20) {
        if (p[19] != 'Z')
            return std::nullopt;
    } else if (n == 25) {
        int oh = 0;
        int om = 0;
        if ((p[19] != '+' && p[19] != '-') || p[22] != ':' || !digits(p + 20, 2, &oh) ||
            !digits(p + 23, 2, &om) || oh > 14 || om > 59)
            return std::nullopt;
        offsetMinutes = (p[19] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    return (*day - 2440588) * 86400000 + h * 3600000 + mi * 60000 + s * 1000 -
           offsetMinutes * 60000;
}

// ---- A team server: the leads whose touchpoints no report reads grouped on the server ----------

// A stored date (its first ten characters) → its day number, nullopt when it is not a date.
std::optional<qint64> serverDay(const QVariant &v) {
    if (v.isNull())
        return std::nullopt;
    const QString text = v.toString();
    char bytes[10];
    if (text.size() >= 10) {
        bool ascii = true;
        for (int i = 0; i < 10; ++i) {
            const char16_t c = text.at(i).unicode();
            ascii = ascii && c < 0x80;
            bytes[i] = char(c);
        }
        if (ascii) {
            if (const auto d = fastDay(bytes, 10))
                return d;
        }
    }
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date.toJulianDay();
}

// A stored time → epoch milliseconds (no offset: UTC), nullopt when it cannot be read.
std::optional<qint64> serverEpochMs(const QString &text) {
    const QByteArray bytes = text.toUtf8();
    if (const auto ms = fastEpochMs(bytes.constData(), int(bytes.size())))
        return ms;
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at.toMSecsSinceEpoch();
}

// From this many leads (the highest id) a server's facts are read in two halves at once
// (SecondConnection); tests lower it. How many reads did so, for tests.
std::atomic<qint64> g_splitLeads{200000};
std::atomic<qint64> g_splitReads{0};
// lead_groups (schema 22) is compacted after a read when it has more than twice the rows its
// last compaction kept, plus this many; tests lower it. How many compactions this process ran, for
// tests.
std::atomic<qint64> g_compactSlack{20000};
std::atomic<qint64> g_compactions{0};

// The lead columns as the server path reads them; dates and the stage's first letter as text.
const char *const kServerLeadColumns =
    "source_id, substr(furthest_stage, 1, 1), lost, substr(created_at, 1, 10), "
    "substr(won_at, 1, 10), deal_value, lifetime_value";

// Fills `l` (but its id) from columns `first`… of kServerLeadColumns.
void serverLead(const Rows &q, int first, FactLeadRow &l) {
    l.sourceId = q.optional(first);
    const QString stage = q.value(first + 1).toString();
    l.furthestStage =
        stage.isEmpty() ? Stage::Inquiry : stageFromFirstLetter(char(stage.at(0).toLatin1()));
    l.lost = q.value(first + 2).toLongLong() != 0;
    l.createdDay = serverDay(q.value(first + 3));
    l.wonDay = serverDay(q.value(first + 4));
    l.dealValue = q.optional(first + 5);
    l.lifetimeValue = q.optional(first + 6);
}

// One row of the leads statement: a lead (`id`), or a group of `count` leads (id 0).
struct ServerLeadRow {
    FactLeadRow lead;
    qint64 count = 1;
};

// Reads the leads statement (whole, or a range of ids) and hands each row to `out`.
template <typename Out>
Status readServerLeads(const Database &db, const QString &sql, const QVariantList &binds,
                       Out &&out) {
    Rows q(db, sql, binds, false);
    ServerLeadRow row;
    while (q.next()) {
        serverLead(q, 1, row.lead);
        const QVariant id = q.value(0);
        row.lead.id = id.isNull() ? 0 : id.toLongLong();
        row.count = id.isNull() ? q.integer(8) : 1;
        out(row);
    }
    return q.status();
}

// Reads the touchpoints statement and hands each row to `out` (a time that cannot be read is
// skipped, as on a file).
template <typename Out>
Status readServerTouches(const Database &db, const QString &sql, const QVariantList &binds,
                         Out &&out) {
    Rows q(db, sql, binds, false);
    while (q.next()) {
        const QVariant text = q.value(1);
        if (text.isNull())
            continue;
        const auto ms = serverEpochMs(text.toString());
        if (!ms)
            continue;
        out(FactTouchRow{q.value(0).toLongLong(), *ms, serverDay(text), q.optional(2)});
    }
    return q.status();
}

// A read on a second connection (secondconnection.h) in the snapshot the first exported, so both
// read one moment. Grouping 1,000,000 leads was most of a report's load (1.7-2.0 s of 2.6-2.9 s,
// `mikomi report sources` at bench_team's million): the leads above the middle id are read there
// while the first connection reads the rest. `job` keeps its rows until the first is done with
// its own (the sink is not shared between threads).
QStringList inSnapshot(const QString &snapshot) {
    return {QStringLiteral("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
            QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot),
            QStringLiteral("SET LOCAL work_mem = '128MB'")};
}

// Whether a snapshot id from pg_export_snapshot() (hexadecimal parts and dashes) may be written
// into SET TRANSACTION SNAPSHOT, which takes no bound value.
bool plainSnapshotId(const QString &id) {
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        if (!(c.isDigit() || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f') || c == u'-'))
            return false;
    }
    return true;
}

// An array of ids as PostgreSQL's text form ("{1,2,3}"), bound as one value and cast to bigint[].
QString idArray(const std::vector<qint64> &ids) {
    QString array;
    array.reserve(qsizetype(ids.size() * 8 + 2));
    array += u'{';
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            array += u',';
        array += QString::number(ids[i]);
    }
    array += u'}';
    return array;
}

// What a read of lead_groups found: its sums and how many rows they were added from.
struct GroupsRead {
    qint64 sums = 0;
    qint64 parts = 0;
};

// The leads of groupable sources that are not customers, as counted by lead_groups (schema 22,
// pgschema.cpp: mikomi_report_groups applies the role's view of the leads itself), into `out`.
template <typename Out>
Status readLeadGroups(const Database &db, const QString &groupable, GroupsRead &read, Out &&out) {
    Rows q(db,
           QStringLiteral("SELECT NULL, g_source, g_stage, g_lost, g_created, g_won, g_deal, "
                          "g_lifetime, g_n, g_parts FROM mikomi_report_groups(CAST(? AS "
                          "bigint[]))"),
           {groupable}, false);
    ServerLeadRow row;
    while (q.next()) {
        serverLead(q, 1, row.lead);
        row.lead.id = 0;
        row.count = q.integer(8);
        ++read.sums;
        read.parts += q.integer(9);
        out(row);
    }
    return q.status();
}

// A second connection is worth its cost from g_splitLeads leads (the highest id), and possible
// only in a transaction of the read's own: then the highest id and the snapshot exported for it.
struct Shared {
    qint64 topId = 0;
    QString snapshot;
};
Status sharedSnapshot(const Database &db, bool shareable, std::optional<Shared> &out) {
    out.reset();
    if (!shareable)
        return {};
    Rows top(db, QStringLiteral("SELECT max(id) FROM leads"), {}, false);
    if (!top.next())
        return top.status();
    if (top.integer(0) < g_splitLeads.load())
        return {};
    Rows snap(db, QStringLiteral("SELECT pg_export_snapshot()"), {}, false);
    if (!snap.next())
        return snap.status();
    if (plainSnapshotId(snap.text(0)))
        out = Shared{top.integer(0), snap.text(0)};
    return {};
}

// The leads statement: one by one, or (groupable sources given in `binds`) grouped by the server
// in one pass, read in two halves at once from g_splitLeads leads.
template <typename Feed>
Status readGroupedLeads(const Database &db, const QVariantList &binds, const QString &placeholders,
                        bool shareable, Feed &&feed) {
    // The leads read one by one: those whose touchpoints a report may read (customers, leads
    // without one of the groupable sources), or every lead. One pass over leads (its covering
    // index) gives both: such a lead is a group of its own (its id in the first column), the
    // others are grouped by their facts (NULL there). The condition is written so that NULLs
    // fall on the one-by-one side. %2: a range of ids, or nothing.
    const QString columns = QLatin1String(kServerLeadColumns);
    QString sql = QStringLiteral("SELECT id, %1, 1 FROM leads%2").arg(columns);
    if (!binds.isEmpty()) {
        sql = QStringLiteral("SELECT CASE WHEN source_id IS NULL OR source_id NOT IN (%2) OR "
                             "furthest_stage IS NULL OR substr(furthest_stage, 1, 1) = 'c' THEN id "
                             "END, %1, count(*) FROM leads%3 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8")
                  .arg(columns, placeholders, QStringLiteral("%2"));
    }
    // Two halves at once when there are enough leads to pay for a second connection: the upper
    // half there, fed after the lower half here. No second connection after all (the server's
    // limit, say): the upper half here too.
    std::optional<Shared> shared;
    if (Status s = sharedSnapshot(db, shareable, shared); !s)
        return s;
    if (!shared) {
        if (Status s = readServerLeads(db, sql.arg(QString()), binds, feed); !s)
            return s;
    } else {
        const qint64 split = shared->topId / 2;
        QVariantList lower = binds, upper = binds;
        lower << split;
        upper << split;
        const QString upperSql = sql.arg(QStringLiteral(" WHERE id > ?"));
        std::vector<ServerLeadRow> upperRows;
        SecondConnection second(
            db.location(), inSnapshot(shared->snapshot), [&](const Database &other) {
                return readServerLeads(other, upperSql, upper,
                                       [&](const ServerLeadRow &r) { upperRows.push_back(r); });
            });
        const Status read =
            readServerLeads(db, sql.arg(QStringLiteral(" WHERE id <= ?")), lower, feed);
        const Status there = second.wait();
        if (!read)
            return read;
        if (there) {
            ++g_splitReads;
            for (const ServerLeadRow &r : std::as_const(upperRows))
                feed(r);
        } else if (Status s = readServerLeads(db, upperSql, upper, feed); !s) {
            return s;
        }
    }
    return {};
}

// The leads as lead_groups counts them (schema 22): the sums for the groupable sources' leads
// that are not customers, the others one by one from leads (`sources`: every source's id, read
// in this snapshot). From g_splitLeads leads the sums
// are read on a second connection in this snapshot while this one reads the rest and then runs
// `afterSingles` (the touchpoints of the leads read one by one), before the sums are fed; else
// `afterSingles` runs last.
template <typename Feed, typename After>
Status readCountedLeads(const Database &db, const std::vector<qint64> &sources,
                        const std::vector<qint64> &groupable, bool shareable, GroupsRead &counted,
                        Feed &&feed, After &&afterSingles) {
    const QString array = idArray(groupable);
    // The complement of mikomi_report_groups' condition (source_id = ANY (groupable) AND the
    // stage's first letter is not c), written for the indexes of schema 22 (pgschema.cpp): the
    // customers and the leads without a source, then the other leads of the sources not
    // groupable. The same leads, since every source_id is a row of sources (a foreign key) and
    // 'customer' is the only stage beginning with c (a CHECK).
    std::vector<qint64> others;
    for (const qint64 id : sources) {
        if (std::find(groupable.cbegin(), groupable.cend(), id) == groupable.cend())
            others.push_back(id);
    }
    const QString columns = QLatin1String(kServerLeadColumns);
    const QString single =
        QStringLiteral("SELECT id, %1, 1 FROM leads WHERE furthest_stage = 'customer' OR "
                       "source_id IS NULL UNION ALL SELECT id, %1, 1 FROM leads WHERE source_id = "
                       "ANY (CAST(? AS bigint[])) AND furthest_stage <> 'customer'")
            .arg(columns);
    const QString otherArray = idArray(others);
    std::optional<Shared> shared;
    if (Status s = sharedSnapshot(db, shareable, shared); !s)
        return s;
    if (!shared) {
        if (Status s = readLeadGroups(db, array, counted, feed); !s)
            return s;
        if (Status s = readServerLeads(db, single, {otherArray}, feed); !s)
            return s;
        return afterSingles();
    }
    std::vector<ServerLeadRow> sums;
    GroupsRead there;
    SecondConnection second(
        db.location(), inSnapshot(shared->snapshot), [&](const Database &other) {
            return readLeadGroups(other, array, there,
                                  [&](const ServerLeadRow &r) { sums.push_back(r); });
        });
    // The touchpoints are read here while the sums are still being made there: at 1,110,000
    // leads the sums took 300 ms, the one-by-one leads 125 ms, their touchpoints 280 ms.
    Status read = readServerLeads(db, single, {otherArray}, feed);
    if (read)
        read = afterSingles();
    const Status summed = second.wait();
    if (!read)
        return read;
    if (!summed)
        return readLeadGroups(db, array, counted, feed);
    ++g_splitReads;
    counted = there;
    for (const ServerLeadRow &r : std::as_const(sums))
        feed(r);
    return {};
}

// The touchpoints of the leads the sink asks for (after the leads it reads one by one).
Status readTouches(const Database &db, FactSink &sink, bool countedOnServer) {
    // Only the touchpoints of the leads the sink asks for, or all of them (orphans too, as the
    // other paths; the sink skips them). The ids as one array, each looked up in touchpoints_lead
    // (OFFSET 0 keeps the lookup a subquery per id: as a join, or as `lead_id = ANY (array)`,
    // PostgreSQL planned a scan of every touchpoint, and spent 50-70 ms estimating the array;
    // 550 -> 330 ms for 87,000 leads of bench_team's million). On this connection alone: read in
    // halves on two (2 cores) each half took as long as the whole.
    const std::optional<std::vector<qint64>> wanted = sink.wantedTouchLeads();
    QString touches = QStringLiteral("SELECT lead_id, occurred_at, source_id FROM touchpoints "
                                     "ORDER BY lead_id, occurred_at, id");
    QVariantList ids;
    if (wanted) {
        ids << idArray(*wanted);
        // Schema 22: through mikomi_report_touches, which decides once per lead whether the role
        // may see it (the touchpoints' policy asks for every touchpoint).
        touches = countedOnServer
                      ? QStringLiteral("SELECT t_lead, t_at, t_source FROM mikomi_report_touches("
                                       "CAST(? AS bigint[])) ORDER BY t_lead, t_at, t_id")
                      : QStringLiteral("SELECT t.lead_id, t.occurred_at, t.source_id FROM "
                                       "unnest(CAST(? AS bigint[])) AS w(id) CROSS JOIN LATERAL "
                                       "(SELECT lead_id, occurred_at, source_id, id FROM "
                                       "touchpoints WHERE lead_id = w.id OFFSET 0) AS t ORDER BY "
                                       "t.lead_id, t.occurred_at, t.id");
    }
    return readServerTouches(db, touches, ids, [&sink](const FactTouchRow &r) { sink.touch(r); });
}

// Inside a transaction: no statement is asked again on a new connection (Rows' `recover`).
// `shareable`: the transaction is the read's own (REPEATABLE READ), so its snapshot may be
// exported to a second connection.
// `counted`: what lead_groups gave (schema 22).
Status readServerRows(const Database &db, FactSink &sink, bool shareable, GroupsRead &counted) {
    std::vector<qint64> sources;
    if (Status s =
            readSources(Rows(db, QString::fromLatin1(kSourcesSql), {}, false), sink, &sources);
        !s)
        return s;
    const std::optional<std::vector<qint64>> groupable = sink.groupableSources();
    QVariantList binds;
    QString placeholders;
    if (groupable) {
        for (const qint64 id : *groupable) {
            placeholders += binds.isEmpty() ? QLatin1String("?") : QLatin1String(", ?");
            binds << id;
        }
    }
    const auto feed = [&sink](const ServerLeadRow &r) {
        if (r.lead.id == 0)
            sink.leads(r.lead, r.count);
        else
            sink.lead(r.lead);
    };
    // The groups are hashed in memory (the default work_mem of 4 MB made PostgreSQL sort 1M rows
    // on disk instead: 2.2 s -> 0.8 s at 1,000,000 leads), the touchpoints sorted there too.
    if (!binds.isEmpty()) {
        if (Status s = Rows(db, QStringLiteral("SET LOCAL work_mem = '128MB'"), {}, false).status();
            !s)
            return s;
    }
    const bool countedOnServer = !binds.isEmpty() && db.schemaVersion() >= 22;
    const auto touches = [&] { return readTouches(db, sink, countedOnServer); };
    if (countedOnServer) {
        if (Status s = readCountedLeads(db, sources, *groupable, shareable, counted, feed, touches);
            !s)
            return s;
    } else if (Status s = readGroupedLeads(db, binds, placeholders, shareable, feed); !s) {
        return s;
    } else if (Status t = touches(); !t) {
        return t;
    }
    return readSpend(Rows(db, QString::fromLatin1(kSpendSql), {}, false), sink);
}

// Every query of a load in one read-only snapshot (unless the caller's transaction is open: then
// in that one), so that the leads, their groups and their touchpoints are of one moment.
// Afterwards, when lead_groups' rows have more than doubled since they were last replaced by their
// sums (bulk writes add a row per group per statement), they are again (in a transaction of its
// own; not where the connection may not write, a read-only one, or another session is at it).
Status readServer(const Database &db, FactSink &sink) {
    GroupsRead counted;
    if (db.inTransaction())
        return readServerRows(db, sink, false, counted);
    if (Status s =
            Rows(db, QStringLiteral("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
                .status();
        !s)
        return s;
    const Status read = readServerRows(db, sink, true, counted);
    QSqlQuery end(connection(db));
    if (!end.exec(read ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK")) && read)
        return Error{sqlErrorMessage(end.lastError())};
    if (read && counted.parts > counted.sums)
        (void)compactLeadGroups(db); // a read-only login cannot, and need not: the read stands
    return read;
}

#ifdef MIKOMI_HAVE_SQLITE3
// ---- The native path: SQLite's API over the covering indexes ----------------------------------

sqlite3 *nativeHandle(const Database &db) {
    const QVariant h = connection(db).driver()->handle();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(h.data());
    return nullptr;
}

QString nativeError(sqlite3 *db) {
    return QCoreApplication::translate("mikomi::storage::FactReader",
                                       "The database could not be read: %1")
        .arg(QString::fromUtf8(sqlite3_errmsg(db)));
}

// A prepared statement, finalized on destruction.
class Statement final {
public:
    Statement(sqlite3 *db, const char *sql)
        : m_db(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
            m_error = nativeError(db);
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    sqlite3_stmt *get() const { return m_stmt; }
    // The next row; false at the end or on an error (see error()).
    bool next() {
        if (!m_stmt)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = nativeError(m_db);
        return false;
    }
    bool isNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
    qint64 integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
    std::optional<qint64> optional(int i) const {
        if (isNull(i))
            return std::nullopt;
        return integer(i);
    }
    // The bytes of a text column (nullptr for NULL).
    const char *bytes(int i, int *size) const {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
        *size = sqlite3_column_bytes(m_stmt, i);
        return p;
    }
    QString text(int i) const {
        int n = 0;
        const char *p = bytes(i, &n);
        return QString::fromUtf8(p, n);
    }
    const QString &error() const { return m_error; }
    Status status() const {
        if (m_error.isEmpty())
            return {};
        return Error{m_error};
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

// Dates in a form the fast parsers leave to SQLite: the exact expressions of the portable path.
class SlowDates final {
public:
    explicit SlowDates(sqlite3 *db)
        : m_db(db) {}

    std::optional<qint64> day(const char *p, int n) { return run(p, n, 0); }
    std::optional<qint64> epochMs(const char *p, int n) { return run(p, n, 1); }
    const QString &error() const { return m_error; }

private:
    std::optional<qint64> run(const char *p, int n, int column) {
        if (!m_stmt) {
            m_stmt = std::make_unique<Statement>(
                m_db, "SELECT CAST(julianday(substr(?1, 1, 10)) + 0.5 AS INTEGER), "
                      "CAST(round((julianday(?1) - 2440587.5) * 86400000.0) AS INTEGER)");
        }
        sqlite3_stmt *s = m_stmt->get();
        if (!s) {
            m_error = m_stmt->error();
            return std::nullopt;
        }
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, p, n, SQLITE_TRANSIENT);
        std::optional<qint64> v;
        if (m_stmt->next())
            v = m_stmt->optional(column);
        else if (!m_stmt->error().isEmpty())
            m_error = m_stmt->error();
        sqlite3_reset(s);
        return v;
    }

    sqlite3 *m_db;
    std::unique_ptr<Statement> m_stmt;
    QString m_error;
};

// Reads every lead; leads_report hands them over in id order. Returns how many were read.
Result<qint64> readLeads(sqlite3 *db, SlowDates &slow, FactSink &sink) {
    {
        Statement count(db, "SELECT count(*) FROM leads");
        if (count.next())
            sink.leadCount(std::max<qint64>(count.integer(0), 0));
        if (Status s = count.status(); !s)
            return s.failure();
    }

    // Covered by leads_report: a pass over that index, not over the wide rows.
    Statement q(db, "SELECT id, source_id, furthest_stage, lost, created_at, won_at, deal_value, "
                    "lifetime_value FROM leads");
    // Text from SQLite ends in a NUL: fastDay() stops at it, so the size is asked only when
    // SQLite has to decide.
    const auto dayOf = [&](int column) -> std::optional<qint64> {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(q.get(), column));
        if (!p)
            return std::nullopt;
        if (const auto d = fastDay(p, 10))
            return d;
        int n = 0;
        p = q.bytes(column, &n);
        return slow.day(p, n);
    };
    qint64 read = 0;
    FactLeadRow l;
    while (q.next()) {
        l.id = q.integer(0);
        l.sourceId = q.optional(1);
        const auto *stage = sqlite3_column_text(q.get(), 2); // NUL-terminated
        l.furthestStage = stage ? stageFromFirstLetter(char(stage[0])) : Stage::Inquiry;
        l.lost = q.integer(3) != 0;
        l.createdDay = dayOf(4);
        l.wonDay = dayOf(5);
        l.dealValue = q.optional(6);
        l.lifetimeValue = q.optional(7);
        sink.lead(l);
        ++read;
    }
    if (Status s = q.status(); !s)
        return s.failure();
    if (!slow.error().isEmpty())
        return Error{slow.error()};
    return read;
}

// Hands over the touchpoints of `s` (lead_id, occurred_at, source_id).
Status readTouches(Statement &s, SlowDates &slow, FactSink &sink) {
    while (s.next()) {
        int n = 0;
        const char *p = s.bytes(1, &n);
        if (!p)
            continue;
        std::optional<qint64> at = fastEpochMs(p, n);
        std::optional<qint64> day;
        if (at) {
            day = fastDay(p, n);
        } else {
            at = slow.epochMs(p, n);
            if (!at) {
                if (!slow.error().isEmpty())
                    return Error{slow.error()};
                continue;
            }
            day = fastDay(p, n);
            if (!day)
                day = slow.day(p, n);
        }
        sink.touch({s.integer(0), *at, day, s.optional(2)});
    }
    if (Status st = s.status(); !st)
        return st;
    if (!slow.error().isEmpty())
        return Error{slow.error()};
    return {};
}

// Reading the touchpoints of chosen leads pays a seek per lead; past this share of all leads one
// pass over the whole index is cheaper.
constexpr qint64 kSeekShare = 4;

// One read transaction around every query of a load: with WAL, writers may commit meanwhile;
// the rows are of one moment. A savepoint, so that it nests in a transaction of the caller.
class Snapshot final {
public:
    explicit Snapshot(sqlite3 *db)
        : m_db(db) {
        if (sqlite3_exec(db, "SAVEPOINT report_facts", nullptr, nullptr, nullptr) != SQLITE_OK)
            m_error = nativeError(db);
    }
    ~Snapshot() {
        if (m_error.isEmpty())
            sqlite3_exec(m_db, "RELEASE report_facts", nullptr, nullptr, nullptr);
    }
    Snapshot(const Snapshot &) = delete;
    Snapshot &operator=(const Snapshot &) = delete;
    const QString &error() const { return m_error; }

private:
    sqlite3 *m_db;
    QString m_error;
};

Status readNative(sqlite3 *db, FactSink &sink) {
    const Snapshot snapshot(db);
    if (!snapshot.error().isEmpty())
        return Error{snapshot.error()};
    SlowDates slow(db);
    {
        Statement q(db, kSourcesSql);
        while (q.next())
            sink.source({q.integer(0), q.text(1), q.text(2), q.text(3)});
        if (Status s = q.status(); !s)
            return s;
    }
    const auto leads = readLeads(db, slow, sink);
    if (!leads)
        return leads.failure();
    {
        const std::optional<std::vector<qint64>> wanted = sink.wantedTouchLeads();
        bool done = false;
        if (wanted && qint64(wanted->size()) * kSeekShare < *leads) {
            // The leads as a JSON array for json_each(): one seek into touchpoints_lead per
            // lead, in the order of the array (ascending).
            QByteArray json;
            json.reserve(qsizetype(wanted->size() * 8 + 2));
            json.append('[');
            for (std::size_t i = 0; i < wanted->size(); ++i) {
                if (i > 0)
                    json.append(',');
                char text[24];
                const auto end = std::to_chars(text, text + sizeof text, (*wanted)[i]).ptr;
                json.append(text, qsizetype(end - text));
            }
            json.append(']');
            Statement q(db, "SELECT t.lead_id, t.occurred_at, t.source_id FROM json_each(?1) AS j "
                            "CROSS JOIN touchpoints AS t ON t.lead_id = j.value");
            if (q.get()) { // else SQLite lacks json_each (built without JSON): read them all
                sqlite3_bind_text(q.get(), 1, json.constData(), int(json.size()), SQLITE_STATIC);
                if (Status s = readTouches(q, slow, sink); !s)
                    return s;
                done = true;
            }
        }
        if (!done) {
            // Covered by touchpoints_lead, in its order.
            Statement q(db, "SELECT lead_id, occurred_at, source_id FROM touchpoints "
                            "ORDER BY lead_id, occurred_at, id");
            if (Status s = readTouches(q, slow, sink); !s)
                return s;
        }
    }
    {
        Statement q(db, kSpendSql);
        while (q.next())
            sink.spend({q.optional(0), q.text(1), q.integer(2)});
        if (Status s = q.status(); !s)
            return s;
    }
    return {};
}
#endif

} // namespace

void setServerSplitLeads(qint64 leads) {
    g_splitLeads = leads;
}

qint64 serverSplitReads() {
    return g_splitReads.load();
}

void setLeadGroupsSlack(qint64 rows) {
    g_compactSlack = rows;
}

qint64 leadGroupsCompactions() {
    return g_compactions.load();
}

qint64 leadGroupsSlack() {
    return g_compactSlack.load();
}

Result<bool> compactLeadGroups(const Database &db) {
    if (db.backend() != Backend::Postgres)
        return false; // a file reads its leads, not groups
    auto q =
        exec(db, QStringLiteral("SELECT mikomi_compact_lead_groups(?)"), {g_compactSlack.load()});
    if (!q)
        return q.failure();
    const bool compacted = q->next() && !q->value(0).isNull();
    if (compacted)
        ++g_compactions;
    return compacted;
}

bool factReaderIsNative() {
#ifdef MIKOMI_HAVE_SQLITE3
    return true;
#else
    return false;
#endif
}

Status readFacts(const Database &db, FactSink &sink, bool portable) {
#ifdef MIKOMI_HAVE_SQLITE3
    if (!portable) {
        if (sqlite3 *h = nativeHandle(db))
            return readNative(h, sink);
    }
#endif
    if (db.backend() == Backend::Postgres && !portable)
        return readServer(db, sink);
    return readPortable(db, sink);
}

} // namespace mikomi::storage
