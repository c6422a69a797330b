#include "models/services/reportloader.h"

#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDriver>

#ifdef MIKOMI_HAVE_SQLITE3
#include <sqlite3.h>
#endif

#include <algorithm>

namespace mikomi::services {
namespace {

using analytics::NoDay;
using analytics::NoSource;

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
    "FROM touchpoints ORDER BY lead_id, occurred_at";
const char *const kSpendSql = "SELECT source_id, month, amount FROM spend";

// One forward-only result set, read through SQLite's API when available, else Qt SQL.
class Rows final {
public:
    Rows(const storage::Database &db, const char *sql)
        : m_query(storage::connection(db)) {
#ifdef MIKOMI_HAVE_SQLITE3
        const QVariant h = storage::connection(db).driver()->handle();
        if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
            m_handle = *static_cast<sqlite3 *const *>(h.data());
        if (m_handle) {
            if (sqlite3_prepare_v2(m_handle, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
                m_error = nativeError();
                m_stmt = nullptr;
            }
            return;
        }
#endif
        m_query.setForwardOnly(true);
        if (!m_query.exec(QString::fromLatin1(sql)))
            m_error = storage::sqlErrorMessage(m_query.lastError());
    }
    ~Rows() {
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_stmt)
            sqlite3_finalize(m_stmt);
#endif
    }
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;

    // The next row; false at the end or on an error (see error()).
    bool next() {
        if (!m_error.isEmpty())
            return false;
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_handle) {
            const int rc = sqlite3_step(m_stmt);
            if (rc == SQLITE_ROW)
                return true;
            if (rc != SQLITE_DONE)
                m_error = nativeError();
            return false;
        }
#endif
        if (m_query.next())
            return true;
        if (m_query.lastError().isValid())
            m_error = storage::sqlErrorMessage(m_query.lastError());
        return false;
    }
    bool isNull(int i) const {
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_handle)
            return sqlite3_column_type(m_stmt, i) == SQLITE_NULL;
#endif
        return m_query.isNull(i);
    }
    qint64 integer(int i) const {
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_handle)
            return sqlite3_column_int64(m_stmt, i);
#endif
        return m_query.value(i).toLongLong();
    }
    // An integer column that may be NULL.
    std::optional<qint64> optional(int i) const {
        if (isNull(i))
            return std::nullopt;
        return integer(i);
    }
    QString text(int i) const {
#ifdef MIKOMI_HAVE_SQLITE3
        if (m_handle) {
            const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
            return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, i));
        }
#endif
        return m_query.value(i).toString();
    }
    const QString &error() const {
        return m_error;
    }

private:
#ifdef MIKOMI_HAVE_SQLITE3
    QString nativeError() const {
        return QCoreApplication::translate("Mikomi", "The database could not be read: %1")
            .arg(QString::fromUtf8(sqlite3_errmsg(m_handle)));
    }
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
#endif
    QSqlQuery m_query;
    QString m_error;
};

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

} // namespace

bool reportLoaderIsNative() {
#ifdef MIKOMI_HAVE_SQLITE3
    return true;
#else
    return false;
#endif
}

Result<analytics::Facts> loadFacts(const storage::Database &db) {
    analytics::Facts facts;
    SourceIndex sourceIndex;

    {
        Rows q(db, kSourcesSql);
        while (q.next()) {
            const qint32 index = qint32(facts.sources.size());
            sourceIndex.add(q.integer(0), index);
            facts.sources.push_back(analytics::SourceInfo::make(
                q.text(1), categoryFromKey(q.text(2)).value_or(SourceCategory::Unknown),
                tierFromKey(q.text(3)).value_or(Tier::Experiment)));
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
            if (cursor >= leadIds.size() || leadIds[cursor] != leadId || q.isNull(1))
                continue;
            analytics::TouchFact t;
            t.leadIndex = qint32(cursor);
            t.occurredAt = q.integer(1);
            t.day = dayOrNone(q.optional(2));
            t.sourceIndex = sourceIndex.find(q.optional(3));
            facts.touches.push_back(t);
        }
        if (!q.error().isEmpty())
            return Error{q.error()};
    }

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

} // namespace mikomi::services
