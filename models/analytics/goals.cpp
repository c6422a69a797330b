#include "models/analytics/goals.h"

#include "models/analytics/largestremainder.h"

#include <QCoreApplication>

namespace mikomi::analytics {

QString goalMetricLabel(GoalMetric m) {
    switch (m) {
    case GoalMetric::Leads:
        return QCoreApplication::translate("mikomi::analytics::Goals", "Leads");
    case GoalMetric::Mql:
        return QCoreApplication::translate("mikomi::analytics::Goals", "MQL");
    case GoalMetric::Sql:
        return QCoreApplication::translate("mikomi::analytics::Goals", "SQL");
    case GoalMetric::Opportunities:
        return QCoreApplication::translate("mikomi::analytics::Goals", "Opportunities");
    case GoalMetric::Customers:
        return QCoreApplication::translate("mikomi::analytics::Goals", "Customers");
    case GoalMetric::Revenue:
        return QCoreApplication::translate("mikomi::analytics::Goals", "Revenue");
    }
    return QString();
}

Result<Goals> computeGoals(const Facts &facts, const Plan &plan, const GoalOptions &options) {
    const int n = std::max(plan.months, 1);
    Goals goals;
    const std::vector<qint64> revenue =
        largestRemainder(plan.revenueTarget, std::vector<qint64>(std::size_t(n), 1));
    for (int i = 0; i < n; ++i) {
        GoalMonth g;
        g.month = options.firstMonth + i;
        g.isFuture = g.month > options.asOfMonth;
        g.target.at(GoalMetric::Leads) = plan.perMonth.lead;
        g.target.at(GoalMetric::Mql) = plan.perMonth.mql;
        g.target.at(GoalMetric::Sql) = plan.perMonth.sql;
        g.target.at(GoalMetric::Opportunities) = plan.perMonth.opportunity;
        g.target.at(GoalMetric::Customers) = plan.perMonth.customer;
        g.target.at(GoalMetric::Revenue) = revenue[std::size_t(i)];
        goals.months.push_back(g);
    }
    const auto slot = [&](qint32 day) -> GoalMonth * {
        if (day == NoDay)
            return nullptr;
        const qint32 i = monthNumber(dateFromDay(day)) - options.firstMonth;
        if (i < 0 || i >= n || goals.months[std::size_t(i)].isFuture)
            return nullptr;
        return &goals.months[std::size_t(i)];
    };
    const auto nSources = static_cast<qint32>(facts.sources.size());
    for (const LeadFact &l : facts.leads) {
        if (l.sourceIndex != NoSource && (l.sourceIndex < 0 || l.sourceIndex >= nSources))
            return Error{QCoreApplication::translate(
                "mikomi::analytics::Goals",
                "The report data refers to a lead or source that does not exist.")};
        const qint64 n = l.count;
        if (GoalMonth *g = slot(l.createdDay)) {
            g->actual.at(GoalMetric::Leads) += n;
            if (l.furthestStage >= Stage::Mql)
                g->actual.at(GoalMetric::Mql) += n;
            if (l.furthestStage >= Stage::Sql)
                g->actual.at(GoalMetric::Sql) += n;
            if (l.furthestStage >= Stage::Opportunity)
                g->actual.at(GoalMetric::Opportunities) += n;
        }
        if (!l.isCustomer())
            continue;
        if (GoalMonth *g = slot(l.wonDay != NoDay ? l.wonDay : l.createdDay)) {
            g->actual.at(GoalMetric::Customers) += n;
            if (l.hasDealValue)
                g->actual.at(GoalMetric::Revenue) += l.dealValue * n;
        }
    }
    for (const GoalMonth &g : goals.months) {
        for (int m = 0; m < GoalMetricCount; ++m) {
            goals.targetTotal.values[m] += g.target.values[m];
            if (!g.isFuture) {
                goals.targetToDate.values[m] += g.target.values[m];
                goals.actualToDate.values[m] += g.actual.values[m];
            }
        }
    }
    return goals;
}

} // namespace mikomi::analytics
