#include "models/services/drilldown.h"

namespace mikomi::services {

storage::LeadFilter drillDownFilter(const analytics::Facts &facts, const analytics::Window &window,
                                    const analytics::FunnelSelection &selection, Stage reached) {
    storage::LeadFilter f;
    f.createdFrom = window.from;
    f.createdTo = window.to;
    if (reached != Stage::Inquiry)
        f.reached = reached;
    if (selection.all)
        return f;
    storage::OriginFilter o;
    for (const analytics::SourceInfo &s : facts.sources) {
        if (s.isUnknown)
            o.unknownIds << s.id;
    }
    if (selection.category) {
        // The category's sources; the Unknown category also holds the Unknown row.
        for (const analytics::SourceInfo &s : facts.sources) {
            if (!s.isUnknown && s.category == *selection.category)
                o.ids << s.id;
        }
        o.unknown = *selection.category == SourceCategory::Unknown;
    } else if (selection.unknown) {
        o.unknown = true;
    } else if (selection.sourceIndex >= 0 &&
               std::size_t(selection.sourceIndex) < facts.sources.size()) {
        o.ids << facts.sources[std::size_t(selection.sourceIndex)].id;
    }
    f.origin = o;
    return f;
}

analytics::Window monthsWindow(qint32 first, qint32 last) {
    const QDate from(first / 12, first % 12 + 1, 1);
    const QDate lastFirst(last / 12, last % 12 + 1, 1);
    return {from, lastFirst.addMonths(1).addDays(-1)};
}

analytics::FunnelSelection trendSelection(const analytics::TrendRow &row) {
    if (row.category)
        return analytics::FunnelSelection::ofCategory(*row.category);
    if (row.isUnknown)
        return analytics::FunnelSelection::unknownSource();
    if (row.sourceIndex != analytics::NoSource)
        return analytics::FunnelSelection::source(row.sourceIndex);
    return analytics::FunnelSelection::allSources();
}

std::optional<Stage> trendStage(analytics::TrendMetric metric) {
    switch (metric) {
    case analytics::TrendMetric::Leads:
        return Stage::Inquiry;
    case analytics::TrendMetric::Mql:
        return Stage::Mql;
    case analytics::TrendMetric::Customers:
        return Stage::Customer;
    default:
        return std::nullopt;
    }
}

std::optional<Stage> goalStage(analytics::GoalMetric metric) {
    switch (metric) {
    case analytics::GoalMetric::Leads:
        return Stage::Inquiry;
    case analytics::GoalMetric::Mql:
        return Stage::Mql;
    case analytics::GoalMetric::Sql:
        return Stage::Sql;
    case analytics::GoalMetric::Opportunities:
        return Stage::Opportunity;
    default:
        return std::nullopt;
    }
}

storage::LeadFilter goalDrillDownFilter(const analytics::Facts &facts, analytics::GoalMetric metric,
                                        const analytics::Window &window) {
    if (const auto stage = goalStage(metric))
        return drillDownFilter(facts, window, analytics::FunnelSelection::allSources(), *stage);
    storage::LeadFilter f;
    f.won = storage::WonFilter{window.from, window.to, metric == analytics::GoalMetric::Revenue};
    return f;
}

storage::LeadFilter tierDrillDownFilter(const analytics::Facts &facts,
                                        const analytics::Window &window, std::optional<Tier> tier,
                                        Stage reached) {
    storage::LeadFilter f =
        drillDownFilter(facts, window, analytics::FunnelSelection::allSources(), reached);
    storage::OriginFilter o;
    for (const analytics::SourceInfo &s : facts.sources) {
        if (s.isUnknown)
            o.unknownIds << s.id;
        else if (tier && s.tier == *tier)
            o.ids << s.id;
    }
    o.unknown = !tier;
    f.origin = o;
    return f;
}

} // namespace mikomi::services
