#include "models/services/reportloader.h"

#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDriver>

#ifdef MIKOMI_HAVE_SQLITE3
#include <sqlite3.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <algorithm>
#include <charconv>
#include <numeric>

namespace mikomi::services {
namespace {

using analytics::NoDay;
using analytics::NoSource;

// Source id → index into Facts::sources.
class SourceIndex final {
public:
    void add(qint64 id, qint32 index) {
        if (id >= 0 && id < kDirectLimit) {
            if (m_direct.size() <= std::size_t(id))
                m_direct.resize(std::size_t(id) + 1, NoSource);
            m_direct[std::size_t(id)] = index;
        } else {
            m_other.insert(id, index);
        }
    }
    qint32 find(std::optional<qint64> id) const {
        if (!id)
            return NoSource;
        if (*id >= 0 && std::size_t(*id) < m_direct.size())
            return m_direct[std::size_t(*id)];
        return m_other.value(*id, NoSource);
    }

private:
    static constexpr qint64 kDirectLimit = 1 << 20;
    std::vector<qint32> m_direct;
    QHash<qint64, qint32> m_other;
};

qint32 dayOrNone(const std::optional<qint64> &v) {
    if (!v || *v < std::numeric_limits<qint32>::min() + 1 ||
        *v > std::numeric_limits<qint32>::max())
        return NoDay;
    return qint32(*v);
}

analytics::SourceInfo makeSource(const QString &name, const QString &category,
                                 const QString &tier) {
    return analytics::SourceInfo::make(name,
                                       categoryFromKey(category).value_or(SourceCategory::Unknown),
                                       tierFromKey(tier).value_or(Tier::Experiment));
}

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

// Keeps only the touchpoints of leads the reports read (sorted by lead: stays sorted).
void keepReportTouches(analytics::Facts &facts) {
    std::vector<char> keep(facts.leads.size());
    for (std::size_t l = 0; l < facts.leads.size(); ++l)
        keep[l] = analytics::reportsReadTouches(facts.sources, facts.leads[l]) ? 1 : 0;
    std::erase_if(facts.touches,
                  [&](const analytics::TouchFact &t) { return !keep[std::size_t(t.leadIndex)]; });
}

// ---- The portable path: Qt SQL, SQLite computing the numbers ----------------------------------

// The queries turn text into numbers inside SQLite: Julian day numbers (as QDate::toJulianDay)
// for dates, epoch milliseconds for touchpoint times, 1..5 for stages.
const char *const kSourcesSql = "SELECT id, name, category, tier FROM sources ORDER BY id";
const char *const kLeadsSql =
    "SELECT id, source_id, instr('imsoc', substr(furthest_stage, 1, 1)), lost, "
    "CAST(julianday(substr(created_at, 1, 10)) + 0.5 AS INTEGER), "
    "CAST(julianday(substr(won_at, 1, 10)) + 0.5 AS INTEGER), deal_value, lifetime_value "
    "FROM leads ORDER BY id";
const char *const kTouchesSql =
    "SELECT lead_id, CAST(round((julianday(occurred_at) - 2440587.5) * 86400000.0) AS INTEGER), "
    "CAST(julianday(substr(occurred_at, 1, 10)) + 0.5 AS INTEGER), source_id "
    "FROM touchpoints ORDER BY lead_id, occurred_at, id";
const char *const kSpendSql = "SELECT source_id, month, amount FROM spend";

// One forward-only result set through Qt SQL.
class Rows final {
public:
    Rows(const storage::Database &db, const char *sql)
        : m_query(storage::connection(db)) {
        m_query.setForwardOnly(true);
        if (!m_query.exec(QString::fromLatin1(sql)))
            m_error = storage::sqlErrorMessage(m_query.lastError());
    }

    // The next row; false at the end or on an error (see error()).
    bool next() {
        if (!m_error.isEmpty())
            return false;
        if (m_query.next())
            return true;
        if (m_query.lastError().isValid())
            m_error = storage::sqlErrorMessage(m_query.lastError());
        return false;
    }
    qint64 integer(int i) const { return m_query.value(i).toLongLong(); }
    // An integer column that may be NULL.
    std::optional<qint64> optional(int i) const {
        if (m_query.isNull(i))
            return std::nullopt;
        return integer(i);
    }
    QString text(int i) const { return m_query.value(i).toString(); }
    const QString &error() const { return m_error; }

private:
    QSqlQuery m_query;
    QString m_error;
};

Result<analytics::Facts> loadPortable(const storage::Database &db, bool allTouchpoints) {
    analytics::Facts facts;
    SourceIndex sourceIndex;

    {
        Rows q(db, kSourcesSql);
        while (q.next()) {
            sourceIndex.add(q.integer(0), qint32(facts.sources.size()));
            facts.sources.push_back(makeSource(q.text(1), q.text(2), q.text(3)));
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }

    std::vector<qint64> leadIds; // ascending, parallel to facts.leads
    {
        Rows q(db, kLeadsSql);
        while (q.next()) {
            analytics::LeadFact l;
            leadIds.push_back(q.integer(0));
            l.sourceIndex = sourceIndex.find(q.optional(1));
            const qint64 stage = q.integer(2); // 1..5; 0 = not a stage name
            l.furthestStage =
                stage >= 1 && stage <= StageCount ? static_cast<Stage>(stage - 1) : Stage::Inquiry;
            l.lost = q.integer(3) != 0;
            l.createdDay = dayOrNone(q.optional(4));
            l.wonDay = dayOrNone(q.optional(5));
            if (const auto deal = q.optional(6)) {
                l.hasDealValue = true;
                l.dealValue = *deal;
            }
            if (const auto ltv = q.optional(7)) {
                l.hasLifetimeValue = true;
                l.lifetimeValue = *ltv;
            }
            facts.leads.push_back(l);
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }

    {
        Rows q(db, kTouchesSql);
        std::size_t cursor = 0; // touchpoints come in lead id order: walk the leads alongside
        while (q.next()) {
            const qint64 leadId = q.integer(0);
            if (cursor < leadIds.size() && leadIds[cursor] != leadId) {
                if (leadIds[cursor] < leadId) {
                    cursor = std::size_t(std::lower_bound(leadIds.begin() + qsizetype(cursor),
                                                          leadIds.end(), leadId) -
                                         leadIds.begin());
                } else {
                    continue; // an orphan (below the current lead)
                }
            }
            const auto at = q.optional(1);
            if (cursor >= leadIds.size() || leadIds[cursor] != leadId || !at)
                continue;
            analytics::TouchFact t;
            t.leadIndex = qint32(cursor);
            t.occurredAt = *at;
            t.day = dayOrNone(q.optional(2));
            t.sourceIndex = sourceIndex.find(q.optional(3));
            facts.touches.push_back(t);
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }
    if (!allTouchpoints)
        keepReportTouches(facts);

    {
        Rows q(db, kSpendSql);
        while (q.next()) {
            const auto month = analytics::monthFromKey(q.text(1));
            if (!month)
                continue;
            facts.spend.push_back({q.integer(2), sourceIndex.find(q.optional(0)), *month});
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }
    return facts;
}

#ifdef MIKOMI_HAVE_SQLITE3
// ---- The native path: SQLite's API over the covering indexes, dates parsed from bytes ---------

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

sqlite3 *nativeHandle(const storage::Database &db) {
    const QVariant h = storage::connection(db).driver()->handle();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(h.data());
    return nullptr;
}

QString nativeError(sqlite3 *db) {
    return QCoreApplication::translate("Mikomi", "The database could not be read: %1")
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

// Asks Linux to back a large array that is about to be filled with huge pages (transparent huge
// pages in "madvise" mode, the usual default): one page fault per 2 MiB instead of per 4 KiB. On
// 1,000,000 leads (48 MB) that saves about a third of the loading time.
template <typename T> void adviseHugePages(std::vector<T> &v) {
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHuge = 2 * 1024 * 1024;
    const auto first = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t begin = (first + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t end = (first + v.capacity() * sizeof(T)) & ~(kHuge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE); // a hint only
#else
    Q_UNUSED(v);
#endif
}

// Reads every lead into `leads` in id order, `ids` parallel. leads_report hands them over in id
// order; memory is allocated once (page faults cost as much as the reading).
Status readLeads(sqlite3 *db, const SourceIndex &sources, SlowDates &slow, std::vector<qint64> &ids,
                 std::vector<analytics::LeadFact> &leads) {
    {
        Statement count(db, "SELECT count(*) FROM leads");
        if (count.next()) {
            ids.reserve(std::size_t(std::max<qint64>(count.integer(0), 0)));
            leads.reserve(ids.capacity());
            adviseHugePages(ids);
            adviseHugePages(leads);
        }
        if (!count.error().isEmpty())
            return Error{count.error()};
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
    bool sorted = true;
    while (q.next()) {
        const qint64 id = q.integer(0);
        sorted = sorted && (ids.empty() || ids.back() < id);
        ids.push_back(id);
        analytics::LeadFact &l = leads.emplace_back();
        l.sourceIndex = sources.find(q.optional(1));
        const auto *stage = sqlite3_column_text(q.get(), 2); // NUL-terminated
        l.furthestStage = stage ? stageFromFirstLetter(char(stage[0])) : Stage::Inquiry;
        l.lost = q.integer(3) != 0;
        l.createdDay = dayOrNone(dayOf(4));
        l.wonDay = dayOrNone(dayOf(5));
        if (!q.isNull(6)) {
            l.hasDealValue = true;
            l.dealValue = q.integer(6);
        }
        if (!q.isNull(7)) {
            l.hasLifetimeValue = true;
            l.lifetimeValue = q.integer(7);
        }
    }
    if (!q.error().isEmpty())
        return Error{q.error()};
    if (!slow.error().isEmpty())
        return Error{slow.error()};

    if (!sorted) { // not read through leads_report
        std::vector<qint32> order(ids.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](qint32 a, qint32 b) { return ids[std::size_t(a)] < ids[std::size_t(b)]; });
        std::vector<qint64> sortedIds;
        std::vector<analytics::LeadFact> sortedLeads;
        sortedIds.reserve(ids.size());
        sortedLeads.reserve(leads.size());
        for (const qint32 i : order) {
            sortedIds.push_back(ids[std::size_t(i)]);
            sortedLeads.push_back(leads[std::size_t(i)]);
        }
        ids = std::move(sortedIds);
        leads = std::move(sortedLeads);
    }
    return {};
}

// Reads the touchpoints of `s` (lead_id, occurred_at, source_id; per lead in (occurred_at, id)
// order) into facts.touches. Leads not in `leadIds` are skipped.
Status readTouches(Statement &s, const std::vector<qint64> &leadIds, const SourceIndex &sources,
                   SlowDates &slow, analytics::Facts &facts) {
    // Lead id → index: ids without gaps (no lead ever deleted) are a subtraction; else a search,
    // forward from the last lead found, since the touchpoints come in lead order.
    const bool dense = !leadIds.empty() &&
                       leadIds.back() - leadIds.front() + 1 == static_cast<qint64>(leadIds.size());
    std::size_t cursor = 0;
    bool inOrder = true;
    while (s.next()) {
        const qint64 leadId = s.integer(0);
        if (cursor >= leadIds.size() || leadIds[cursor] != leadId) {
            std::size_t found = leadIds.size();
            if (dense) {
                if (leadId >= leadIds.front() && leadId <= leadIds.back())
                    found = std::size_t(leadId - leadIds.front());
            } else {
                const auto from =
                    leadIds.begin() +
                    qsizetype(cursor < leadIds.size() && leadIds[cursor] < leadId ? cursor : 0);
                const auto it = std::lower_bound(from, leadIds.end(), leadId);
                if (it != leadIds.end() && *it == leadId)
                    found = std::size_t(it - leadIds.begin());
            }
            if (found == leadIds.size())
                continue; // an orphan
            inOrder = inOrder && found >= cursor;
            cursor = found;
        }
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
        analytics::TouchFact t;
        t.leadIndex = qint32(cursor);
        t.occurredAt = *at;
        t.day = dayOrNone(day);
        t.sourceIndex = sources.find(s.optional(2));
        facts.touches.push_back(t);
    }
    if (!s.error().isEmpty())
        return Error{s.error()};
    if (!slow.error().isEmpty())
        return Error{slow.error()};
    if (!inOrder) { // keep each lead's own order
        std::stable_sort(facts.touches.begin(), facts.touches.end(),
                         [](const analytics::TouchFact &a, const analytics::TouchFact &b) {
                             return a.leadIndex < b.leadIndex;
                         });
    }
    return {};
}

// Reading the touchpoints of chosen leads pays a seek per lead; past this share of all leads one
// pass over the whole index is cheaper.
constexpr std::size_t kSeekShare = 4;

// One read transaction around every query of a load: with WAL, writers may commit meanwhile;
// the facts are of one moment. A savepoint, so that it nests in a transaction of the caller.
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

Result<analytics::Facts> loadNative(sqlite3 *db, bool allTouchpoints) {
    const Snapshot snapshot(db);
    if (!snapshot.error().isEmpty())
        return Error{snapshot.error()};
    analytics::Facts facts;
    SourceIndex sourceIndex;
    SlowDates slow(db);

    {
        Statement q(db, kSourcesSql);
        while (q.next()) {
            sourceIndex.add(q.integer(0), qint32(facts.sources.size()));
            facts.sources.push_back(makeSource(q.text(1), q.text(2), q.text(3)));
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }

    std::vector<qint64> leadIds; // ascending, parallel to facts.leads
    if (Status s = readLeads(db, sourceIndex, slow, leadIds, facts.leads); !s)
        return Error{s.error()};

    {
        // The leads whose touchpoints are read, as a JSON array for json_each().
        QByteArray wanted;
        std::size_t wantedCount = 0;
        if (!allTouchpoints) {
            wanted.reserve(qsizetype(facts.leads.size() / 2));
            wanted.append('[');
            for (std::size_t l = 0; l < facts.leads.size(); ++l) {
                if (!analytics::reportsReadTouches(facts.sources, facts.leads[l]))
                    continue;
                if (wantedCount++ > 0)
                    wanted.append(',');
                char digits[24];
                const auto end = std::to_chars(digits, digits + sizeof digits, leadIds[l]).ptr;
                wanted.append(digits, qsizetype(end - digits));
            }
            wanted.append(']');
        }
        const bool seek = !allTouchpoints && wantedCount * kSeekShare < facts.leads.size();
        bool done = false;
        if (seek) {
            // One seek into touchpoints_lead per lead, in the order of the array (ascending).
            Statement q(db, "SELECT t.lead_id, t.occurred_at, t.source_id FROM json_each(?1) AS j "
                            "CROSS JOIN touchpoints AS t ON t.lead_id = j.value");
            if (q.get()) { // else SQLite lacks json_each (built without JSON): read them all
                sqlite3_bind_text(q.get(), 1, wanted.constData(), int(wanted.size()),
                                  SQLITE_STATIC);
                if (auto s = readTouches(q, leadIds, sourceIndex, slow, facts); !s)
                    return Error{s.error()};
                done = true;
            }
        }
        if (!done) {
            // Covered by touchpoints_lead, in its order.
            Statement q(db, "SELECT lead_id, occurred_at, source_id FROM touchpoints "
                            "ORDER BY lead_id, occurred_at, id");
            if (auto s = readTouches(q, leadIds, sourceIndex, slow, facts); !s)
                return Error{s.error()};
            if (!allTouchpoints)
                keepReportTouches(facts);
        }
    }
    {
        Statement q(db, kSpendSql);
        while (q.next()) {
            const auto month = analytics::monthFromKey(q.text(1));
            if (!month)
                continue;
            facts.spend.push_back({q.integer(2), sourceIndex.find(q.optional(0)), *month});
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }
    return facts;
}
#endif

} // namespace

bool reportLoaderIsNative() {
#ifdef MIKOMI_HAVE_SQLITE3
    return true;
#else
    return false;
#endif
}

Result<analytics::Facts> loadFacts(const storage::Database &db, const FactsLoadOptions &options) {
#ifdef MIKOMI_HAVE_SQLITE3
    if (!options.portable) {
        if (sqlite3 *h = nativeHandle(db))
            return loadNative(h, options.allTouchpoints);
    }
#endif
    return loadPortable(db, options.allTouchpoints);
}

} // namespace mikomi::services
