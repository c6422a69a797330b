#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"

#include <optional>
#include <vector>

// The source report (product.md §Formulas, cli.md `report sources`): per source, per category
// and per tier. Pure function over Facts; one pass over the leads, arrays indexed by source.
//
// Decisions where the spec is silent:
// - Money: spend and totals are exact integers (minor units). Credit-weighted revenue and the
//   money ratios (cpl, cac, ltv) are doubles in minor units; renderers round them.
// - `customer` of a source is the sum of its attribution credits (a double); the totals count
//   customers (an integer). Step rate customer/opportunity uses the credit, so under a
//   multi-touch model it may exceed 1 for a source (opportunities count by original source).
// - Original source: the lead's recorded source; when it has none (or an unknown name), the
//   source of its earliest touchpoint (any date); else Unknown.
// - Touchpoints "on or before the won date" compare the touchpoint's calendar day with the won
//   date. A customer without a won date uses all its touchpoints, and time decay then counts days
//   before its newest touchpoint. A customer none of whose touchpoints qualifies gives full
//   credit to its original source. days_before_won is a whole number of days.
// - ltv: credit-weighted mean over customers whose lifetime or deal value is known (customers
//   with neither are left out of the mean, not counted as 0).
// - median_days_to_close (won − created, days): over the customers that give the row any credit
//   (> 0) and have a won date, each counted once, unweighted; under `first` these are exactly the
//   source's own customers. Even counts take the mean of the two middle values.
// - Rows: every source with leads, spend or credit in the window (sources with none of these are
//   left out), plus one Unknown row (leads without a known source, credit given to unknown
//   touchpoints, spend on unknown names). Order: leads descending, then customer credit
//   descending, then name (code-point order, locale independent); the Unknown row is last.
// - Warnings: `concentration` and `ltv_cac_low` are about named sources (the Unknown row has
//   its own warning, `unknown_sources`). Thresholds compare exactly (share 0.5 is not > 0.5).
// - Category rows: all six categories in enum order (Unknown holds the Unknown row and sources
//   not categorised yet). Tier rows: core, growth, experiment, then one row without a tier for
//   the Unknown row when it is not empty.
namespace mikomi::analytics {

// Sums over the leads (and credit) of one row.
struct Funnel {
    qint64 leads = 0;
    qint64 mql = 0;
    qint64 sql = 0;
    qint64 opportunity = 0;
    double customer = 0; // credit-weighted
    Money spend = 0;
    double revenue = 0;     // minor units, credit-weighted
    double valueSum = 0;    // Σ credit × (lifetime value or deal value)
    double valueCredit = 0; // Σ credit of the customers with such a value

    void add(const Funnel &o);
};

// Ratios of one row; nullopt where the denominator is zero.
struct Metrics {
    std::optional<double> cpl; // minor units
    std::optional<double> cac; // minor units
    std::optional<double> ltv; // minor units
    std::optional<double> ltvCac;
    std::optional<double> roi;
    std::optional<double> leadToCustomer;
    std::optional<double> leadToMql;
    std::optional<double> mqlToSql;
    std::optional<double> sqlToOpportunity;
    std::optional<double> opportunityToCustomer;
    std::optional<double> share;
    std::optional<double> medianDaysToClose;
};

Metrics deriveMetrics(const Funnel &f, qint64 windowLeads, std::optional<double> medianDays);

struct SourceRow {
    qint32 sourceIndex = NoSource; // NoSource for the Unknown row
    bool isUnknown = false;
    QString name; // canonical name; empty for the Unknown row (renderers label it)
    SourceCategory category = SourceCategory::Unknown;
    std::optional<Tier> tier; // none for the Unknown row
    Funnel funnel;
    Metrics metrics;
};

struct GroupRow {
    std::optional<SourceCategory> category; // set in byCategory
    std::optional<Tier> tier;               // set in byTier (none = the Unknown row)
    Funnel funnel;
    Metrics metrics;
};

struct ReportWarning {
    enum class Kind { Concentration, UnknownSources, LtvCacLow };
    Kind kind = Kind::Concentration;
    QString source;   // Concentration, LtvCacLow
    double value = 0; // share, or ltv_cac
};
QString warningKindKey(ReportWarning::Kind k); // "concentration", "unknown_sources", "ltv_cac_low"
QString warningText(const ReportWarning &w);   // translated sentence

struct ReportTotals {
    qint64 leads = 0;
    qint64 mql = 0;
    qint64 sql = 0;
    qint64 opportunity = 0;
    qint64 customer = 0;
    Money spend = 0;   // all spend rows of the window's months
    Money revenue = 0; // Σ deal value of the customers
    Metrics metrics;   // over the whole window
};

struct SourceReport {
    Window window;
    Attribution attribution = Attribution::First;
    ReportTotals totals;
    std::vector<SourceRow> sources;
    std::vector<GroupRow> byCategory;
    std::vector<GroupRow> byTier;
    std::vector<ReportWarning> warnings;
};

struct ReportOptions {
    Window window;
    Attribution attribution = Attribution::First;
};

// Fails (translated message) on a window whose start is after its end, or facts whose indexes
// are out of range.
Result<SourceReport> computeSourceReport(const Facts &facts, const ReportOptions &options);

// Credit per source for one customer (exposed for tests and the lead detail view): pairs of
// (source index or NoSource for Unknown, credit), credits summing to 1, one entry per source.
// `touches` are the lead's touchpoints in time order.
struct Credit {
    qint32 sourceIndex = NoSource;
    double credit = 0;
};
// Original and latest source of one lead (product.md §Formulas), for loaders and lead views.
// `touches` are the lead's touchpoints in time order. Original: `recorded` when it is a named
// source (isUnknown false), else the earliest touchpoint's source, else `recorded`. Latest: the
// newest touchpoint on or before `wonDay` (any, when wonDay is NoDay), else the original source.
qint32 originalSource(const std::vector<SourceInfo> &sources, qint32 recorded,
                      const std::vector<TouchFact> &touches);
qint32 latestSource(qint32 original, qint32 wonDay, const std::vector<TouchFact> &touches);

std::vector<Credit> attributeCustomer(Attribution model, qint32 originalSource, qint32 wonDay,
                                      const std::vector<TouchFact> &touches);

} // namespace mikomi::analytics
