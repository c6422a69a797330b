#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/goals.h"
#include "models/analytics/owners.h"
#include "models/analytics/period.h"
#include "models/analytics/trends.h"
#include "models/domain/money.h"
#include "models/domain/result.h"
#include "ui/reportlayout.h"

#include <QDate>

// The content of the manager's report (File > Export report…, `mikomi report sources --format
// pdf`): one function for the window and the command line, so both write the same document.
namespace mikomi::ui::report {

struct ReportSettings {
    QString databaseName; // shown in the title block
    analytics::Window window;
    // The quick window it was chosen as ("Last month"), printed before its dates; none or
    // Custom/All: the dates alone.
    std::optional<analytics::Period> period;
    analytics::Attribution attribution = analytics::Attribution::First;
    QDate made; // the date printed as "made"; goals run up to its month
    Currency currency = Currency::JPY;
    double growth = 1.2; // the plan: revenue goal = growth × the window's revenue
    int planMonths = 12;
    // Per owner (read from the pipeline by the caller); none: the section is left out.
    std::optional<std::vector<analytics::OwnerFigures>> owners;
};

// The database's name for the title block: a file's name, or a server URL without password.
QString databaseLabel(const QString &pathOrUrl);
// "2026-01-01 – 2026-06-30", "from 2026-01-01", "all dates" (translated).
QString windowLabel(const analytics::Window &window);

// The trends of the window's last three months (the quarter) against the three before and the
// same months a year earlier, ending at the last complete month on `today` (a window that runs
// into this month: its whole months; a window of this month alone: the month before).
analytics::TrendOptions reportTrendPeriod(const analytics::Facts &facts,
                                          const analytics::Window &window,
                                          analytics::TrendGrouping grouping, const QDate &today);
// One metric of the trends: name, one column per month, this period, previous, change, a year
// ago, change (▲/▼ and %).
TableBlock trendTable(const analytics::Trends &trends, analytics::TrendMetric metric,
                      Currency currency);
// "actual / target (gap)" per metric, one row per month, a total row up to the goal's month.
// `metrics`: the columns (all six when empty). `gapBelow`: the gap on a line of its own (a
// narrow window's table, whose columns are then about half as wide).
TableBlock goalTable(const analytics::Goals &goals, Currency currency,
                     const std::vector<analytics::GoalMetric> &metrics = {}, bool gapBelow = false);
// Owner, leads worked, open leads, customers, conversion, won revenue, open pipeline value.
TableBlock ownerTable(const std::vector<analytics::OwnerFigures> &owners, Currency currency);
// "▲ 25.0%", "▼ 10.0%", "±0.0%", "—".
QString changeText(std::optional<double> change);
// The goals for the calendar year of `made`: a plan of growth × the previous year's revenue
// over twelve months from January, tracked up to `made`'s month.
struct YearGoals {
    analytics::PlanResult plan;
    std::optional<analytics::Goals> goals;
};
YearGoals yearGoals(const analytics::Facts &facts, int year, double growth, qint32 asOfMonth);

// The whole report. Fails (translated message) when the window is invalid.
Result<Document> buildReport(const analytics::Facts &facts, const ReportSettings &settings);

} // namespace mikomi::ui::report
