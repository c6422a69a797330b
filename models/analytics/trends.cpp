#include "models/analytics/trends.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>
#include <limits>
#include <map>

namespace mikomi::analytics {
namespace {

Error indexError() {
    return Error{QCoreApplication::translate(
        "mikomi::analytics::Trends",
        "The report data refers to a lead or source that does not exist.")};
}

} // namespace

std::optional<double> TrendValues::cpl() const {
    if (leads == 0)
        return std::nullopt;
    return double(spend) / double(leads);
}

std::optional<double> TrendValues::cac() const {
    if (customers == 0)
        return std::nullopt;
    return double(spend) / double(customers);
}

void TrendValues::add(const TrendValues &o) {
    leads += o.leads;
    mql += o.mql;
    customers += o.customers;
    spend += o.spend;
}

QString trendMetricLabel(TrendMetric m) {
    switch (m) {
    case TrendMetric::Leads:
        return QCoreApplication::translate("mikomi::analytics::Trends", "Leads");
    case TrendMetric::Mql:
        return QCoreApplication::translate("mikomi::analytics::Trends", "MQL");
    case TrendMetric::Customers:
        return QCoreApplication::translate("mikomi::analytics::Trends", "Customers");
    case TrendMetric::Spend:
        return QCoreApplication::translate("mikomi::analytics::Trends", "Spend");
    case TrendMetric::Cpl:
        return QCoreApplication::translate("mikomi::analytics::Trends", "CPL");
    case TrendMetric::Cac:
        return QCoreApplication::translate("mikomi::analytics::Trends", "CAC");
    }
    return QString();
}

std::optional<double> trendValue(const TrendValues &v, TrendMetric m) {
    switch (m) {
    case TrendMetric::Leads:
        return double(v.leads);
    case TrendMetric::Mql:
        return double(v.mql);
    case TrendMetric::Customers:
        return double(v.customers);
    case TrendMetric::Spend:
        return double(v.spend);
    case TrendMetric::Cpl:
        return v.cpl();
    case TrendMetric::Cac:
        return v.cac();
    }
    return std::nullopt;
}

std::optional<double> percentChange(std::optional<double> now, std::optional<double> before) {
    if (!now || !before || *before == 0)
        return std::nullopt;
    return (*now - *before) / *before;
}

TrendOptions trendMonthsOf(const Facts &facts, const Window &window) {
    qint32 first = std::numeric_limits<qint32>::max();
    qint32 last = std::numeric_limits<qint32>::min();
    for (const LeadFact &l : facts.leads) {
        if (l.createdDay == NoDay)
            continue;
        const qint32 m = monthNumber(dateFromDay(l.createdDay));
        first = std::min(first, m);
        last = std::max(last, m);
    }
    for (const SpendFact &s : facts.spend) {
        first = std::min(first, s.month);
        last = std::max(last, s.month);
    }
    if (first > last)
        first = last = monthNumber(QDate::currentDate());
    TrendOptions o;
    o.firstMonth = window.from ? monthNumber(*window.from) : first;
    o.lastMonth = window.to ? monthNumber(*window.to) : last;
    if (o.lastMonth < o.firstMonth)
        o.lastMonth = o.firstMonth;
    if (o.lastMonth - o.firstMonth >= 120) // a long history: its last ten years
        o.firstMonth = o.lastMonth - 119;
    return o;
}

qint32 lastCompleteMonth(const QDate &today) {
    return monthNumber(today) - 1;
}

bool endAtCompleteMonth(TrendOptions &options, const QDate &today) {
    const qint32 last = lastCompleteMonth(today);
    if (options.lastMonth <= last)
        return false;
    const qint32 n = options.lastMonth - options.firstMonth + 1;
    options.lastMonth = last;
    options.firstMonth = last - n + 1;
    return true;
}

Result<Trends> computeTrends(const Facts &facts, const TrendOptions &options) {
    if (options.lastMonth < options.firstMonth)
        return Error{QCoreApplication::translate("mikomi::analytics::Trends",
                                                 "The report period starts after it ends.")};
    const qint32 n = options.lastMonth - options.firstMonth + 1;
    if (n > 120)
        return Error{QCoreApplication::translate(
            "mikomi::analytics::Trends",
            "A trend covers at most 120 months; choose a shorter period.")};
    const auto nSources = static_cast<qint32>(facts.sources.size());
    const auto nLeads = static_cast<qint32>(facts.leads.size());
    const auto isKnown = [&](qint32 s) {
        return s >= 0 && s < nSources && !facts.sources[std::size_t(s)].isUnknown;
    };

    std::vector<qint32> earliest(std::size_t(nLeads), -1);
    for (std::size_t i = 0; i < facts.touches.size(); ++i) {
        const TouchFact &t = facts.touches[i];
        if (t.leadIndex < 0 || t.leadIndex >= nLeads ||
            (t.sourceIndex != NoSource && (t.sourceIndex < 0 || t.sourceIndex >= nSources)))
            return indexError();
        qint32 &e = earliest[std::size_t(t.leadIndex)];
        if (e < 0 || t.occurredAt < facts.touches[std::size_t(e)].occurredAt)
            e = qint32(i);
    }

    Trends result;
    result.grouping = options.grouping;
    result.firstMonth = options.firstMonth;
    result.lastMonth = options.lastMonth;
    result.previousFirst = options.firstMonth - n;
    result.previousLast = options.firstMonth - 1;
    const qint32 yearFirst = options.firstMonth - 12;
    const qint32 yearLast = options.lastMonth - 12;

    // Row key: source index (Unknown = -1) or category.
    const bool byCategory = options.grouping == TrendGrouping::Category;
    const auto keyOf = [&](qint32 source) -> qint32 {
        if (byCategory)
            return qint32(isKnown(source) ? facts.sources[std::size_t(source)].category
                                          : SourceCategory::Unknown);
        return isKnown(source) ? source : NoSource;
    };
    std::map<qint32, TrendRow> rows;
    const auto rowOf = [&](qint32 key) -> TrendRow & {
        auto it = rows.find(key);
        if (it == rows.end()) {
            TrendRow r;
            r.months.assign(std::size_t(n), TrendValues());
            if (byCategory) {
                r.category = SourceCategory(key);
                r.isUnknown = r.category == SourceCategory::Unknown;
            } else if (key == NoSource) {
                r.isUnknown = true;
            } else {
                r.sourceIndex = key;
                r.name = facts.sources[std::size_t(key)].name;
            }
            it = rows.emplace(key, std::move(r)).first;
        }
        return it->second;
    };
    // Adds `v` to the row's month (when in the period) and period sums.
    const auto place = [&](qint32 key, qint32 month, const TrendValues &v) {
        const bool cur = month >= options.firstMonth && month <= options.lastMonth;
        const bool prev = month >= result.previousFirst && month <= result.previousLast;
        const bool year = month >= yearFirst && month <= yearLast;
        if (!cur && !prev && !year)
            return;
        TrendRow &r = rowOf(key);
        if (cur) {
            r.months[std::size_t(month - options.firstMonth)].add(v);
            r.current.add(v);
        }
        if (prev)
            r.previous.add(v);
        if (year)
            r.yearAgo.add(v);
    };

    for (qint32 l = 0; l < nLeads; ++l) {
        const LeadFact &lead = facts.leads[std::size_t(l)];
        if (lead.sourceIndex != NoSource && (lead.sourceIndex < 0 || lead.sourceIndex >= nSources))
            return indexError();
        if (lead.createdDay == NoDay)
            continue;
        qint32 original = lead.sourceIndex;
        if (!isKnown(original) && earliest[std::size_t(l)] >= 0)
            original = facts.touches[std::size_t(earliest[std::size_t(l)])].sourceIndex;
        TrendValues v;
        v.leads = lead.count;
        v.mql = lead.furthestStage >= Stage::Mql ? lead.count : 0;
        v.customers = lead.isCustomer() ? lead.count : 0;
        place(keyOf(original), monthNumber(dateFromDay(lead.createdDay)), v);
    }
    for (const SpendFact &s : facts.spend) {
        if (s.sourceIndex != NoSource && (s.sourceIndex < 0 || s.sourceIndex >= nSources))
            return indexError();
        TrendValues v;
        v.spend = s.amount;
        place(keyOf(s.sourceIndex), s.month, v);
    }

    result.total.months.assign(std::size_t(n), TrendValues());
    for (auto &[key, row] : rows) {
        Q_UNUSED(key);
        for (qint32 i = 0; i < n; ++i)
            result.total.months[std::size_t(i)].add(row.months[std::size_t(i)]);
        result.total.current.add(row.current);
        result.total.previous.add(row.previous);
        result.total.yearAgo.add(row.yearAgo);
        result.rows.push_back(std::move(row));
    }
    if (!byCategory) {
        std::stable_sort(result.rows.begin(), result.rows.end(),
                         [](const TrendRow &a, const TrendRow &b) {
                             if (a.isUnknown != b.isUnknown)
                                 return b.isUnknown;
                             if (a.current.leads != b.current.leads)
                                 return a.current.leads > b.current.leads;
                             return a.name < b.name;
                         });
    }
    return result;
}

} // namespace mikomi::analytics
