#include "models/analytics/monthly.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace mikomi::analytics {
namespace {

Error indexError() {
    return Error{QCoreApplication::translate(
        "mikomi::analytics::Monthly",
        "The report data refers to a lead or source that does not exist.")};
}

} // namespace

qint64 MonthlyByCategory::total(SourceCategory c) const {
    qint64 sum = 0;
    for (qint64 n : counts[std::size_t(c)])
        sum += n;
    return sum;
}

qint64 MonthlyByCategory::monthTotal(std::size_t i) const {
    qint64 sum = 0;
    for (const auto &series : counts)
        sum += series[i];
    return sum;
}

std::vector<SourceCategory> MonthlyByCategory::categoriesWithLeads() const {
    std::vector<SourceCategory> out;
    for (int c = 0; c < SourceCategoryCount; ++c) {
        if (total(SourceCategory(c)) > 0)
            out.push_back(SourceCategory(c));
    }
    return out;
}

Result<MonthlyByCategory> computeMonthlyByCategory(const Facts &facts, const Window &window) {
    if (window.from && window.to && *window.from > *window.to) {
        return Error{QCoreApplication::translate("mikomi::analytics::Monthly",
                                                 "The report period starts after it ends.")};
    }
    const auto nSources = static_cast<qint32>(facts.sources.size());
    const auto nLeads = static_cast<qint32>(facts.leads.size());
    const auto isKnown = [&](qint32 s) {
        return s >= 0 && s < nSources && !facts.sources[std::size_t(s)].isUnknown;
    };

    // Earliest touchpoint of each lead (only needed for leads without a named source).
    std::vector<qint32> earliest;
    if (!facts.touches.empty()) {
        earliest.assign(std::size_t(nLeads), -1);
        for (std::size_t i = 0; i < facts.touches.size(); ++i) {
            const TouchFact &t = facts.touches[i];
            if (t.leadIndex < 0 || t.leadIndex >= nLeads ||
                (t.sourceIndex != NoSource && (t.sourceIndex < 0 || t.sourceIndex >= nSources)))
                return indexError();
            qint32 &e = earliest[std::size_t(t.leadIndex)];
            if (e < 0 || t.occurredAt < facts.touches[std::size_t(e)].occurredAt)
                e = qint32(i);
        }
    }

    // Month index of each lead in the window, and its category.
    struct Hit {
        qint32 month;
        SourceCategory category;
        qint32 count; // LeadFact::count
    };
    std::vector<Hit> hits;
    qint32 first = std::numeric_limits<qint32>::max();
    qint32 last = std::numeric_limits<qint32>::min();
    for (qint32 l = 0; l < nLeads; ++l) {
        const LeadFact &lead = facts.leads[std::size_t(l)];
        if (lead.sourceIndex != NoSource && (lead.sourceIndex < 0 || lead.sourceIndex >= nSources))
            return indexError();
        if (lead.createdDay == NoDay || !window.containsDay(lead.createdDay))
            continue;
        qint32 original = lead.sourceIndex;
        if (!isKnown(original) && !earliest.empty() && earliest[std::size_t(l)] >= 0)
            original = facts.touches[std::size_t(earliest[std::size_t(l)])].sourceIndex;
        const SourceCategory category = isKnown(original)
                                            ? facts.sources[std::size_t(original)].category
                                            : SourceCategory::Unknown;
        const qint32 month = monthNumber(dateFromDay(lead.createdDay));
        first = std::min(first, month);
        last = std::max(last, month);
        hits.push_back({month, category, lead.count});
    }
    if (window.from)
        first = monthNumber(*window.from);
    if (window.to)
        last = monthNumber(*window.to);

    MonthlyByCategory result;
    if (first > last)
        return result; // no leads and an open window
    const std::size_t n = std::size_t(last - first) + 1;
    for (qint32 m = first; m <= last; ++m)
        result.months.push_back(m);
    for (auto &series : result.counts)
        series.assign(n, 0);
    for (const Hit &h : hits)
        result.counts[std::size_t(h.category)][std::size_t(h.month - first)] += h.count;
    return result;
}

} // namespace mikomi::analytics
