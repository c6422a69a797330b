#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/planner.h"
#include "models/domain/result.h"

#include <vector>

// Goals against actuals (issue 15): the Planner's monthly targets (leads, MQL, SQL,
// opportunities, customers, revenue) beside what happened, month by month, with the gap.
// - Targets: Plan::perMonth for every month; revenue is the plan's target split over its
//   months by largestRemainder (equal weights), so the months add up to the target exactly.
// - Actuals, with the source report's rules: leads, MQL, SQL and opportunities are the leads
//   created in the month that reached that stage or beyond (by created month: the facts keep a
//   lead's furthest stage, not the date of each step); customers and revenue count in the month
//   of the won date (a customer without a won date: its created month); revenue is the deal
//   value of those customers (customers without one add nothing).
// - Months after `asOfMonth` have no actuals yet (isFuture): their gap is not counted.
// - gap = actual − target (negative: behind the plan); the totals add the months up to asOfMonth.
namespace mikomi::analytics {

enum class GoalMetric { Leads = 0, Mql, Sql, Opportunities, Customers, Revenue };
inline constexpr int GoalMetricCount = 6;
QString goalMetricLabel(GoalMetric m); // translated

struct GoalFigures {
    qint64 values[GoalMetricCount] = {}; // counts; revenue in minor units

    qint64 at(GoalMetric m) const { return values[int(m)]; }
    qint64 &at(GoalMetric m) { return values[int(m)]; }
};

struct GoalMonth {
    qint32 month = 0; // monthNumber()
    bool isFuture = false;
    GoalFigures target;
    GoalFigures actual; // zeros when isFuture

    qint64 gap(GoalMetric m) const { return actual.at(m) - target.at(m); }
};

struct Goals {
    std::vector<GoalMonth> months;
    GoalFigures targetToDate; // targets of the months up to asOfMonth
    GoalFigures actualToDate;
    GoalFigures targetTotal; // all months of the plan

    qint64 gapToDate(GoalMetric m) const { return actualToDate.at(m) - targetToDate.at(m); }
};

struct GoalOptions {
    qint32 firstMonth = 0; // monthNumber() of the plan's first month
    qint32 asOfMonth = 0;  // the last month with actuals (usually the current month)
};

// Fails (translated message) on facts whose indexes are out of range.
Result<Goals> computeGoals(const Facts &facts, const Plan &plan, const GoalOptions &options);

} // namespace mikomi::analytics
