#include "models/services/reportloader.h"

#include "models/storage/factreader.h"

#include <QHash>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <algorithm>
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

// Keeps only the touchpoints of leads the reports read (sorted by lead: stays sorted).
void keepReportTouches(analytics::Facts &facts) {
    std::vector<char> keep(facts.leads.size());
    for (std::size_t l = 0; l < facts.leads.size(); ++l)
        keep[l] = analytics::reportsReadTouches(facts.sources, facts.leads[l]) ? 1 : 0;
    std::erase_if(facts.touches,
                  [&](const analytics::TouchFact &t) { return !keep[std::size_t(t.leadIndex)]; });
}

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

// Turns the stored rows into facts: sources indexed, leads in id order, touchpoints per lead.
class FactsBuilder final : public storage::FactSink {
public:
    explicit FactsBuilder(bool allTouchpoints)
        : m_allTouchpoints(allTouchpoints) {}

    void source(const storage::FactSourceRow &row) override {
        m_sourceIndex.add(row.id, qint32(m_facts.sources.size()));
        m_facts.sources.push_back(analytics::SourceInfo::make(
            row.name, categoryFromKey(row.category).value_or(SourceCategory::Unknown),
            tierFromKey(row.tier).value_or(Tier::Experiment)));
        m_facts.sources.back().id = row.id;
    }

    // Memory is allocated once (page faults cost as much as the reading).
    void leadCount(qint64 count) override {
        m_leadIds.reserve(std::size_t(count));
        m_facts.leads.reserve(m_leadIds.capacity());
        adviseHugePages(m_leadIds);
        adviseHugePages(m_facts.leads);
    }

    void lead(const storage::FactLeadRow &row) override {
        m_sorted = m_sorted && (m_leadIds.empty() || m_leadIds.back() < row.id);
        m_leadIds.push_back(row.id);
        m_facts.leads.push_back(fact(row));
    }

    // Every source with a name (not an unknown one): the touchpoints of a lead from one of them
    // are read only when it is a customer (analytics::reportsReadTouches).
    std::optional<std::vector<qint64>> groupableSources() override {
        if (m_allTouchpoints)
            return std::nullopt;
        std::vector<qint64> ids;
        for (const analytics::SourceInfo &s : m_facts.sources) {
            if (!s.isUnknown)
                ids.push_back(s.id);
        }
        return ids;
    }

    // Leads without an id, appended after the others in finish(): no touchpoint refers to them.
    void leads(const storage::FactLeadRow &row, qint64 count) override {
        m_groups.emplace_back(fact(row), count);
    }

    std::optional<std::vector<qint64>> wantedTouchLeads() override {
        sortLeads();
        if (m_allTouchpoints)
            return std::nullopt;
        std::vector<qint64> wanted;
        wanted.reserve(m_leadIds.size() / 2);
        for (std::size_t l = 0; l < m_facts.leads.size(); ++l) {
            if (analytics::reportsReadTouches(m_facts.sources, m_facts.leads[l]))
                wanted.push_back(m_leadIds[l]);
        }
        return wanted;
    }

    // Lead id → index: ids without gaps (no lead ever deleted) are a subtraction; else a search,
    // forward from the last lead found, since the touchpoints come in lead order.
    void touch(const storage::FactTouchRow &row) override {
        sortLeads();
        if (m_cursor >= m_leadIds.size() || m_leadIds[m_cursor] != row.leadId) {
            const bool dense = !m_leadIds.empty() && m_leadIds.back() - m_leadIds.front() + 1 ==
                                                         static_cast<qint64>(m_leadIds.size());
            std::size_t found = m_leadIds.size();
            if (dense) {
                if (row.leadId >= m_leadIds.front() && row.leadId <= m_leadIds.back())
                    found = std::size_t(row.leadId - m_leadIds.front());
            } else {
                const auto from =
                    m_leadIds.begin() +
                    qsizetype(m_cursor < m_leadIds.size() && m_leadIds[m_cursor] < row.leadId
                                  ? m_cursor
                                  : 0);
                const auto it = std::lower_bound(from, m_leadIds.end(), row.leadId);
                if (it != m_leadIds.end() && *it == row.leadId)
                    found = std::size_t(it - m_leadIds.begin());
            }
            if (found == m_leadIds.size())
                return; // an orphan
            m_touchesInOrder = m_touchesInOrder && found >= m_cursor;
            m_cursor = found;
        }
        analytics::TouchFact t;
        t.leadIndex = qint32(m_cursor);
        t.occurredAt = row.occurredAtMs;
        t.day = dayOrNone(row.day);
        t.sourceIndex = m_sourceIndex.find(row.sourceId);
        m_facts.touches.push_back(t);
    }

    void spend(const storage::FactSpendRow &row) override {
        const auto month = analytics::monthFromKey(row.month);
        if (!month)
            return;
        m_facts.spend.push_back({row.amount, m_sourceIndex.find(row.sourceId), *month});
    }

    analytics::Facts finish() && {
        sortLeads();
        if (!m_touchesInOrder) { // keep each lead's own order
            std::stable_sort(m_facts.touches.begin(), m_facts.touches.end(),
                             [](const analytics::TouchFact &a, const analytics::TouchFact &b) {
                                 return a.leadIndex < b.leadIndex;
                             });
        }
        if (!m_allTouchpoints)
            keepReportTouches(m_facts);
        // Each group is one fact counted `count` times (LeadFact::count), not that many copies:
        // at 1,100,000 leads, 94,000 facts instead of 1,040,000.
        m_facts.leads.reserve(m_facts.leads.size() + m_groups.size());
        for (auto [fact, count] : m_groups) {
            fact.count = qint32(count);
            m_facts.leads.push_back(fact);
        }
        return std::move(m_facts);
    }

private:
    analytics::LeadFact fact(const storage::FactLeadRow &row) const {
        analytics::LeadFact l;
        l.sourceIndex = m_sourceIndex.find(row.sourceId);
        l.furthestStage = row.furthestStage;
        l.lost = row.lost;
        l.createdDay = dayOrNone(row.createdDay);
        l.wonDay = dayOrNone(row.wonDay);
        if (row.dealValue) {
            l.hasDealValue = true;
            l.dealValue = *row.dealValue;
        }
        if (row.lifetimeValue) {
            l.hasLifetimeValue = true;
            l.lifetimeValue = *row.lifetimeValue;
        }
        return l;
    }

    // Leads not read through leads_report may come in another order: sorted by id once, before
    // the touchpoints are matched to them.
    void sortLeads() {
        if (m_sorted)
            return;
        m_sorted = true;
        std::vector<qint32> order(m_leadIds.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qint32 a, qint32 b) {
            return m_leadIds[std::size_t(a)] < m_leadIds[std::size_t(b)];
        });
        // As much room as leadCount() made: on a server the leads read one by one come first and
        // the groups' leads are appended to them in finish(). Sized to the rows read so far, the
        // vector grew again there, a million leads' worth of new pages (0.5 s of page faults).
        std::vector<qint64> ids;
        std::vector<analytics::LeadFact> leads;
        ids.reserve(m_leadIds.capacity());
        leads.reserve(m_facts.leads.capacity());
        adviseHugePages(ids);
        adviseHugePages(leads);
        for (const qint32 i : order) {
            ids.push_back(m_leadIds[std::size_t(i)]);
            leads.push_back(m_facts.leads[std::size_t(i)]);
        }
        m_leadIds = std::move(ids);
        m_facts.leads = std::move(leads);
    }

    bool m_allTouchpoints;
    analytics::Facts m_facts;
    SourceIndex m_sourceIndex;
    std::vector<qint64> m_leadIds; // parallel to m_facts.leads
    bool m_sorted = true;
    std::size_t m_cursor = 0;
    bool m_touchesInOrder = true;
    std::vector<std::pair<analytics::LeadFact, qint64>> m_groups; // leads(): facts, how many
};

} // namespace

bool reportLoaderIsNative() {
    return storage::factReaderIsNative();
}

Result<analytics::Facts> loadFacts(const storage::Database &db, const FactsLoadOptions &options) {
    FactsBuilder builder(options.allTouchpoints);
    if (Status s = storage::readFacts(db, builder, options.portable); !s)
        return s.failure();
    return std::move(builder).finish();
}

} // namespace mikomi::services
