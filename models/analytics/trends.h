#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"

#include <optional>
#include <vector>

// Trends (issue 15): leads, MQL, customers, spend, CPL and CAC per month by source or by
// category, and the period against the period before it and the same period a year earlier.
// Pure function over Facts, with the source report's rules under the `first` model, so a
// period's figures equal computeSourceReport() over the same whole months:
// - a lead counts in the month of its created date, under its original source (the recorded
//   source when it is a named source, else the source of its earliest touchpoint, else Unknown);
// - MQL and customers are leads of that month that reached MQL (or beyond) or became customers
//   (cohort by created month: the facts keep the furthest stage, not the date of each step);
// - spend is the spend rows of the month (spend on an unknown name counts in the Unknown row);
// - CPL = spend / leads, CAC = spend / customers; none where the count is zero;
// - % change = (now − before) / before; none where `before` is zero (or none).
// Periods are whole months: the previous period is the same number of months just before, the
// year-ago period the same months twelve months earlier. Rows: every source (or category) with
// leads or spend in one of the three periods, ordered by leads of the period descending, then
// name; the Unknown row last. Categories come in enum order.
namespace mikomi::analytics {

enum class TrendGrouping { Source, Category };

struct TrendValues {
    qint64 leads = 0;
    qint64 mql = 0;
    qint64 customers = 0;
    Money spend = 0;

    std::optional<double> cpl() const; // minor units
    std::optional<double> cac() const; // minor units
    void add(const TrendValues &o);
};

enum class TrendMetric { Leads = 0, Mql, Customers, Spend, Cpl, Cac };
inline constexpr int TrendMetricCount = 6;
QString trendMetricLabel(TrendMetric m); // translated column heading
// The value of one metric (counts and spend as doubles; none for a ratio without denominator).
std::optional<double> trendValue(const TrendValues &v, TrendMetric m);
// (now − before) / before; none when either is none or before is zero.
std::optional<double> percentChange(std::optional<double> now, std::optional<double> before);

struct TrendRow {
    bool isUnknown = false;
    qint32 sourceIndex = NoSource;          // Source grouping; NoSource for Unknown
    std::optional<SourceCategory> category; // Category grouping
    QString name;                           // source name; empty for Unknown and categories
    std::vector<TrendValues> months;        // one per month of the period
    TrendValues current;                    // sum over the period
    TrendValues previous;                   // the period before
    TrendValues yearAgo;                    // the same months a year earlier
};

struct Trends {
    TrendGrouping grouping = TrendGrouping::Source;
    qint32 firstMonth = 0; // monthNumber(), inclusive
    qint32 lastMonth = 0;
    qint32 previousFirst = 0;
    qint32 previousLast = 0;
    std::vector<TrendRow> rows;
    TrendRow total; // over all rows

    int monthCount() const { return lastMonth - firstMonth + 1; }
};

struct TrendOptions {
    qint32 firstMonth = 0; // monthNumber()
    qint32 lastMonth = 0;
    TrendGrouping grouping = TrendGrouping::Source;
};

// The months of a report window: its first and last month; an open end takes the first or last
// month with a lead or spend (the current month when there is none).
TrendOptions trendMonthsOf(const Facts &facts, const Window &window);

// The month before `today`'s: the last month that is over on `today`.
qint32 lastCompleteMonth(const QDate &today);
// Ends the period at the last complete month on `today` when it runs into today's month or
// later, keeping its number of months ("the last 3 months" on 3 December: September to
// November, against June to August and a year earlier), so a month not over yet is never set
// against whole ones. Returns true when the period moved.
bool endAtCompleteMonth(TrendOptions &options, const QDate &today);

// Fails (translated message) when the period ends before it starts, is longer than 120 months,
// or the facts' indexes are out of range.
Result<Trends> computeTrends(const Facts &facts, const TrendOptions &options);

} // namespace mikomi::analytics
