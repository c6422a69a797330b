#include "models/analytics/sourcereport.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace mikomi::analytics {
namespace {

std::optional<double> ratio(double num, double den) {
    if (den == 0)
        return std::nullopt;
    return num / den;
}

std::optional<double> median(std::vector<qint32> &values) {
    if (values.empty())
        return std::nullopt;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
    return (lower + upper) / 2.0;
}

// Appends (raw source index, credit) for one customer; the same source may appear several
// times. `begin..end` are the lead's touchpoints in time order.
void attributeInto(Attribution model, qint32 originalSource, qint32 wonDay, const TouchFact *begin,
                   const TouchFact *end, std::vector<Credit> &out,
                   std::vector<const TouchFact *> &eligible) {
    eligible.clear();
    if (model != Attribution::First) {
        for (const TouchFact *t = begin; t != end; ++t) {
            if (wonDay == NoDay || t->day <= wonDay)
                eligible.push_back(t);
        }
    }
    const std::size_t n = eligible.size();
    if (n == 0) {
        out.push_back({originalSource, 1.0});
        return;
    }
    switch (model) {
    case Attribution::First:
        break; // handled above (n == 0)
    case Attribution::Last:
        out.push_back({eligible.back()->sourceIndex, 1.0});
        break;
    case Attribution::Linear: {
        const double c = 1.0 / double(n);
        for (const TouchFact *t : eligible)
            out.push_back({t->sourceIndex, c});
        break;
    }
    case Attribution::TimeDecay: {
        const qint32 reference = wonDay != NoDay ? wonDay : eligible.back()->day;
        double sum = 0;
        const std::size_t start = out.size();
        for (const TouchFact *t : eligible) {
            const double w = std::exp2(-double(reference - t->day) / 7.0);
            out.push_back({t->sourceIndex, w});
            sum += w;
        }
        for (std::size_t i = start; i < out.size(); ++i)
            out[i].credit /= sum;
        break;
    }
    case Attribution::Position:
        if (n == 1) {
            out.push_back({eligible.front()->sourceIndex, 1.0});
        } else if (n == 2) {
            out.push_back({eligible.front()->sourceIndex, 0.5});
            out.push_back({eligible.back()->sourceIndex, 0.5});
        } else {
            out.push_back({eligible.front()->sourceIndex, 0.4});
            const double middle = 0.2 / double(n - 2);
            for (std::size_t i = 1; i + 1 < n; ++i)
                out.push_back({eligible[i]->sourceIndex, middle});
            out.push_back({eligible.back()->sourceIndex, 0.4});
        }
        break;
    }
}

bool touchLess(const TouchFact &a, const TouchFact &b) {
    if (a.leadIndex != b.leadIndex)
        return a.leadIndex < b.leadIndex;
    return a.occurredAt < b.occurredAt;
}

Error indexError() {
    return Error{QCoreApplication::translate(
        "mikomi::analytics::SourceReport",
        "The report data refers to a lead or source that does not exist.")};
}

} // namespace

void Funnel::add(const Funnel &o) {
    leads += o.leads;
    mql += o.mql;
    sql += o.sql;
    opportunity += o.opportunity;
    customer += o.customer;
    spend += o.spend;
    revenue += o.revenue;
    valueSum += o.valueSum;
    valueCredit += o.valueCredit;
}

Metrics deriveMetrics(const Funnel &f, qint64 windowLeads, std::optional<double> medianDays) {
    Metrics m;
    const auto spend = double(f.spend);
    m.cpl = ratio(spend, double(f.leads));
    m.cac = ratio(spend, f.customer);
    m.ltv = ratio(f.valueSum, f.valueCredit);
    if (m.ltv && m.cac)
        m.ltvCac = ratio(*m.ltv, *m.cac);
    m.roi = ratio(f.revenue - spend, spend);
    m.leadToCustomer = ratio(f.customer, double(f.leads));
    m.leadToMql = ratio(double(f.mql), double(f.leads));
    m.mqlToSql = ratio(double(f.sql), double(f.mql));
    m.sqlToOpportunity = ratio(double(f.opportunity), double(f.sql));
    m.opportunityToCustomer = ratio(f.customer, double(f.opportunity));
    m.share = ratio(double(f.leads), double(windowLeads));
    m.medianDaysToClose = medianDays;
    return m;
}

QString warningKindKey(ReportWarning::Kind k) {
    switch (k) {
    case ReportWarning::Kind::Concentration:
        return QStringLiteral("concentration");
    case ReportWarning::Kind::UnknownSources:
        return QStringLiteral("unknown_sources");
    case ReportWarning::Kind::LtvCacLow:
        return QStringLiteral("ltv_cac_low");
    }
    return {};
}

QString warningText(const ReportWarning &w) {
    const QLocale locale;
    switch (w.kind) {
    case ReportWarning::Kind::Concentration:
        return QCoreApplication::translate(
                   "mikomi::analytics::SourceReport",
                   "%1 brings %2% of all leads; relying on one source is risky.")
            .arg(w.source, locale.toString(w.value * 100.0, 'f', 1));
    case ReportWarning::Kind::UnknownSources:
        return QCoreApplication::translate(
                   "mikomi::analytics::SourceReport",
                   "%1% of the leads have an unknown source; record where leads come "
                   "from.")
            .arg(locale.toString(w.value * 100.0, 'f', 1));
    case ReportWarning::Kind::LtvCacLow:
        return QCoreApplication::translate(
                   "mikomi::analytics::SourceReport",
                   "%1 has an LTV:CAC of %2, below 3; its customers cost too much.")
            .arg(w.source, locale.toString(w.value, 'f', 2));
    }
    return {};
}

qint32 originalSource(const std::vector<SourceInfo> &sources, qint32 recorded,
                      const std::vector<TouchFact> &touches) {
    const bool known = recorded >= 0 && std::size_t(recorded) < sources.size() &&
                       !sources[std::size_t(recorded)].isUnknown;
    if (known || touches.empty())
        return recorded;
    return touches.front().sourceIndex;
}

qint32 latestSource(qint32 original, qint32 wonDay, const std::vector<TouchFact> &touches) {
    for (auto it = touches.rbegin(); it != touches.rend(); ++it) {
        if (wonDay == NoDay || it->day <= wonDay)
            return it->sourceIndex;
    }
    return original;
}

std::vector<Credit> attributeCustomer(Attribution model, qint32 originalSource, qint32 wonDay,
                                      const std::vector<TouchFact> &touches) {
    std::vector<Credit> raw;
    std::vector<const TouchFact *> eligible;
    const TouchFact *begin = touches.data();
    attributeInto(model, originalSource, wonDay, begin, begin + touches.size(), raw, eligible);
    std::vector<Credit> merged;
    for (const Credit &c : raw) {
        auto it = std::find_if(merged.begin(), merged.end(),
                               [&](const Credit &m) { return m.sourceIndex == c.sourceIndex; });
        if (it == merged.end())
            merged.push_back(c);
        else
            it->credit += c.credit;
    }
    return merged;
}

namespace {

// computeSourceReport in its steps: touchpoints grouped by lead, each lead in the window counted
// into its row's funnel (customers credited by the attribution model), spend added, then the
// rows, the groups and the warnings.
class ReportBuilder final {
public:
    ReportBuilder(const Facts &facts, const ReportOptions &options)
        : m_facts(facts)
        , m_options(options)
        , m_nSources(static_cast<qint32>(facts.sources.size()))
        , m_nLeads(static_cast<qint32>(facts.leads.size()))
        , m_unknownBucket(m_nSources)
        , m_nBuckets(m_nSources + 1)
        , m_funnel(static_cast<std::size_t>(m_nBuckets))
        , m_daysBySource(static_cast<std::size_t>(m_nBuckets))
        , m_daysByCategory(SourceCategoryCount)
        , m_daysByTier(TierCount + 1) { // + the Unknown row
        // Source index → row bucket (every unknown name shares the Unknown bucket).
        m_bucketOfSource.resize(static_cast<std::size_t>(m_nSources));
        for (qint32 i = 0; i < m_nSources; ++i)
            m_bucketOfSource[std::size_t(i)] =
                facts.sources[std::size_t(i)].isUnknown ? m_unknownBucket : i;
        const Window &window = options.window;
        if (window.from)
            m_fromDay = dayNumber(*window.from);
        if (window.to)
            m_toDay = dayNumber(*window.to);
        m_report.window = window;
        m_report.attribution = options.attribution;
    }

    Result<SourceReport> build() {
        if (!groupTouches())
            return indexError();
        for (qint32 l = 0; l < m_nLeads; ++l) {
            if (!countLead(l))
                return indexError();
        }
        if (!addSpend())
            return indexError();
        addTotals();
        addSourceRows();
        addGroups();
        addWarnings();
        return std::move(m_report);
    }

private:
    qint32 bucketOf(qint32 source) const {
        return source >= 0 && source < m_nSources ? m_bucketOfSource[std::size_t(source)]
                                                  : m_unknownBucket;
    }
    bool isKnown(qint32 source) const { return bucketOf(source) != m_unknownBucket; }
    SourceCategory categoryOfBucket(qint32 b) const {
        return b == m_unknownBucket ? SourceCategory::Unknown
                                    : m_facts.sources[std::size_t(b)].category;
    }
    int tierSlotOfBucket(qint32 b) const {
        return b == m_unknownBucket ? TierCount : int(m_facts.sources[std::size_t(b)].tier);
    }

    // Touchpoints grouped by lead, in time order: m_offsets[l] .. m_offsets[l + 1]. False when a
    // touchpoint names a lead or source that does not exist.
    bool groupTouches() {
        const std::vector<TouchFact> &touches = m_facts.touches;
        m_touchData = touches.data();
        if (touches.empty())
            return true;
        m_offsets.assign(std::size_t(m_nLeads) + 1, 0);
        for (const TouchFact &t : touches) {
            if (t.leadIndex < 0 || t.leadIndex >= m_nLeads ||
                (t.sourceIndex != NoSource && (t.sourceIndex < 0 || t.sourceIndex >= m_nSources)))
                return false;
            ++m_offsets[std::size_t(t.leadIndex) + 1];
        }
        for (std::size_t l = 1; l < m_offsets.size(); ++l)
            m_offsets[l] += m_offsets[l - 1];
        if (!std::is_sorted(touches.begin(), touches.end(), touchLess)) {
            // Counting sort by lead (linear), then each lead's few touchpoints by time.
            m_sortedCopy.resize(touches.size());
            std::vector<qint32> next(m_offsets.begin(), m_offsets.end() - 1);
            for (const TouchFact &t : touches)
                m_sortedCopy[std::size_t(next[std::size_t(t.leadIndex)]++)] = t;
            for (std::size_t l = 0; l + 1 < m_offsets.size(); ++l) {
                if (m_offsets[l + 1] - m_offsets[l] > 1)
                    std::sort(m_sortedCopy.begin() + m_offsets[l],
                              m_sortedCopy.begin() + m_offsets[l + 1], touchLess);
            }
            m_touchData = m_sortedCopy.data();
        }
        return true;
    }

    // Counts lead `l` (if created in the window) into its row's funnel; a customer's credit goes
    // to the rows the attribution model names. False when the lead names a source that does not
    // exist.
    bool countLead(qint32 l) {
        const LeadFact &lead = m_facts.leads[std::size_t(l)];
        if (lead.createdDay < m_fromDay || lead.createdDay > m_toDay)
            return true;
        if (lead.sourceIndex != NoSource &&
            (lead.sourceIndex < 0 || lead.sourceIndex >= m_nSources))
            return false;

        const TouchFact *tBegin = m_touchData;
        const TouchFact *tEnd = m_touchData;
        if (!m_offsets.empty()) {
            tBegin = m_touchData + m_offsets[std::size_t(l)];
            tEnd = m_touchData + m_offsets[std::size_t(l) + 1];
        }
        qint32 original = lead.sourceIndex;
        if (!isKnown(original) && tBegin != tEnd)
            original = tBegin->sourceIndex;

        ReportTotals &totals = m_report.totals;
        Funnel &f = m_funnel[std::size_t(bucketOf(original))];
        const qint64 n = lead.count;
        f.leads += n;
        totals.leads += n;
        const Stage stage = lead.furthestStage;
        if (stage >= Stage::Mql) {
            f.mql += n;
            totals.mql += n;
        }
        if (stage >= Stage::Sql) {
            f.sql += n;
            totals.sql += n;
        }
        if (stage >= Stage::Opportunity) {
            f.opportunity += n;
            totals.opportunity += n;
        }
        if (stage >= Stage::Customer) {
            for (qint64 i = 0; i < n; ++i)
                creditCustomer(lead, original, tBegin, tEnd);
        }
        return true;
    }

    void creditCustomer(const LeadFact &lead, qint32 original, const TouchFact *tBegin,
                        const TouchFact *tEnd) {
        ReportTotals &totals = m_report.totals;
        ++totals.customer;
        const Money deal = lead.hasDealValue ? lead.dealValue : 0;
        totals.revenue += deal;
        const std::optional<Money> value = lead.value();

        m_raw.clear();
        attributeInto(m_options.attribution, original, lead.wonDay, tBegin, tEnd, m_raw,
                      m_eligible);
        // Merge by row bucket so that each row appears once per customer.
        m_credits.clear();
        for (const Credit &c : m_raw) {
            const qint32 b = bucketOf(c.sourceIndex);
            auto it = std::find_if(m_credits.begin(), m_credits.end(),
                                   [b](const Credit &x) { return x.sourceIndex == b; });
            if (it == m_credits.end())
                m_credits.push_back({b, c.credit});
            else
                it->credit += c.credit;
        }
        const bool hasDays = lead.wonDay != NoDay && lead.createdDay != NoDay;
        const qint32 days = hasDays ? lead.wonDay - lead.createdDay : 0;
        if (hasDays)
            m_allDays.push_back(days);
        unsigned categoriesSeen = 0;
        unsigned tiersSeen = 0;
        for (const Credit &c : m_credits) {
            Funnel &cf = m_funnel[std::size_t(c.sourceIndex)];
            cf.customer += c.credit;
            cf.revenue += c.credit * double(deal);
            if (value) {
                cf.valueSum += c.credit * double(*value);
                cf.valueCredit += c.credit;
            }
            if (!hasDays || c.credit <= 0)
                continue;
            m_daysBySource[std::size_t(c.sourceIndex)].push_back(days);
            const int cat = int(categoryOfBucket(c.sourceIndex));
            if (!(categoriesSeen & (1u << cat))) {
                categoriesSeen |= 1u << cat;
                m_daysByCategory[std::size_t(cat)].push_back(days);
            }
            const int tierSlot = tierSlotOfBucket(c.sourceIndex);
            if (!(tiersSeen & (1u << tierSlot))) {
                tiersSeen |= 1u << tierSlot;
                m_daysByTier[std::size_t(tierSlot)].push_back(days);
            }
        }
    }

    // Spend of the months the window overlaps; false when a row names a source that does not
    // exist.
    bool addSpend() {
        for (const SpendFact &s : m_facts.spend) {
            if (s.sourceIndex != NoSource && (s.sourceIndex < 0 || s.sourceIndex >= m_nSources))
                return false;
            if (!m_options.window.overlapsMonth(s.month))
                continue;
            m_funnel[std::size_t(bucketOf(s.sourceIndex))].spend += s.amount;
            m_report.totals.spend += s.amount;
        }
        return true;
    }

    // Totals' ratios: customers are whole, revenue exact.
    void addTotals() {
        ReportTotals &totals = m_report.totals;
        Funnel all;
        for (const Funnel &f : m_funnel)
            all.add(f);
        all.customer = double(totals.customer);
        all.revenue = double(totals.revenue);
        totals.metrics = deriveMetrics(all, totals.leads, median(m_allDays));
    }

    // A row per source with leads, spend or credit (Unknown last), most leads first.
    void addSourceRows() {
        for (qint32 b = 0; b < m_nBuckets; ++b) {
            const Funnel &f = m_funnel[std::size_t(b)];
            if (f.leads == 0 && f.spend == 0 && f.customer <= 0)
                continue;
            SourceRow row;
            row.funnel = f;
            if (b == m_unknownBucket) {
                row.isUnknown = true;
                row.category = SourceCategory::Unknown;
            } else {
                const SourceInfo &s = m_facts.sources[std::size_t(b)];
                row.sourceIndex = b;
                row.name = s.name;
                row.category = s.category;
                row.tier = s.tier;
            }
            row.metrics =
                deriveMetrics(f, m_report.totals.leads, median(m_daysBySource[std::size_t(b)]));
            m_report.sources.push_back(std::move(row));
        }
        std::sort(m_report.sources.begin(), m_report.sources.end(),
                  [](const SourceRow &a, const SourceRow &b) {
                      if (a.isUnknown != b.isUnknown)
                          return b.isUnknown;
                      if (a.funnel.leads != b.funnel.leads)
                          return a.funnel.leads > b.funnel.leads;
                      if (a.funnel.customer != b.funnel.customer)
                          return a.funnel.customer > b.funnel.customer;
                      const int c = QString::compare(a.name, b.name);
                      if (c != 0)
                          return c < 0;
                      return a.sourceIndex < b.sourceIndex;
                  });
    }

    // A row per category (all of them) and per tier (the Unknown tier only when it has data).
    void addGroups() {
        const qint64 leads = m_report.totals.leads;
        std::vector<Funnel> byCategory(SourceCategoryCount);
        std::vector<Funnel> byTier(TierCount + 1);
        for (qint32 b = 0; b < m_nBuckets; ++b) {
            byCategory[std::size_t(categoryOfBucket(b))].add(m_funnel[std::size_t(b)]);
            byTier[std::size_t(tierSlotOfBucket(b))].add(m_funnel[std::size_t(b)]);
        }
        for (int c = 0; c < SourceCategoryCount; ++c) {
            GroupRow g;
            g.category = SourceCategory(c);
            g.funnel = byCategory[std::size_t(c)];
            g.metrics = deriveMetrics(g.funnel, leads, median(m_daysByCategory[std::size_t(c)]));
            m_report.byCategory.push_back(std::move(g));
        }
        for (int t = 0; t <= TierCount; ++t) {
            const Funnel &f = byTier[std::size_t(t)];
            if (t == TierCount && f.leads == 0 && f.spend == 0 && f.customer <= 0)
                break;
            GroupRow g;
            if (t < TierCount)
                g.tier = Tier(t);
            g.funnel = f;
            g.metrics = deriveMetrics(f, leads, median(m_daysByTier[std::size_t(t)]));
            m_report.byTier.push_back(std::move(g));
        }
    }

    // Integer comparisons where the spec's thresholds are shares of leads.
    void addWarnings() {
        const qint64 leads = m_report.totals.leads;
        std::vector<ReportWarning> &warnings = m_report.warnings;
        for (const SourceRow &row : m_report.sources) {
            if (!row.isUnknown && row.funnel.leads * 2 > leads) {
                warnings.push_back(
                    {ReportWarning::Kind::Concentration, row.name, row.metrics.share.value_or(0)});
            }
        }
        const qint64 unknownLeads = m_funnel[std::size_t(m_unknownBucket)].leads;
        if (unknownLeads * 10 > leads) {
            warnings.push_back({ReportWarning::Kind::UnknownSources, QString(),
                                double(unknownLeads) / double(leads)});
        }
        for (const SourceRow &row : m_report.sources) {
            if (!row.isUnknown && row.metrics.ltvCac && *row.metrics.ltvCac < 3.0)
                warnings.push_back({ReportWarning::Kind::LtvCacLow, row.name, *row.metrics.ltvCac});
        }
    }

    const Facts &m_facts;
    const ReportOptions &m_options;
    const qint32 m_nSources;
    const qint32 m_nLeads;
    const qint32 m_unknownBucket;
    const qint32 m_nBuckets;
    std::vector<qint32> m_bucketOfSource;
    qint32 m_fromDay = std::numeric_limits<qint32>::min();
    qint32 m_toDay = std::numeric_limits<qint32>::max();

    std::vector<qint32> m_offsets;
    std::vector<TouchFact> m_sortedCopy;
    const TouchFact *m_touchData = nullptr;

    std::vector<Funnel> m_funnel;
    std::vector<std::vector<qint32>> m_daysBySource;
    std::vector<std::vector<qint32>> m_daysByCategory;
    std::vector<std::vector<qint32>> m_daysByTier;
    std::vector<qint32> m_allDays; // every customer once
    SourceReport m_report;

    // Scratch space of creditCustomer, kept between customers.
    std::vector<Credit> m_raw;
    std::vector<Credit> m_credits;
    std::vector<const TouchFact *> m_eligible;
};

} // namespace

Result<SourceReport> computeSourceReport(const Facts &facts, const ReportOptions &options) {
    const Window &window = options.window;
    if (window.from && window.to && *window.from > *window.to) {
        return Error{QCoreApplication::translate("mikomi::analytics::SourceReport",
                                                 "The report period starts after it ends.")};
    }
    return ReportBuilder(facts, options).build();
}

} // namespace mikomi::analytics
