#pragma once

#include "models/analytics/sourcereport.h"

#include <optional>

// The conversion funnel of the Dashboard, overall or for one source: how many leads of the window
// reached each stage (product.md §Formulas), taken from a source report so that the chart and
// the table can never disagree.
// - Overall: the report's totals (customers are whole leads).
// - One source: its row of the report; leads, MQL, SQL and opportunities count by original
//   source, customers are the credit of the report's attribution model (whole numbers under
//   `first`, possibly fractional under the multi-touch models).
namespace mikomi::analytics {

struct StageFunnel {
    double stages[StageCount] = {}; // leads (inquiry and beyond), mql, sql, opportunity, customer

    double at(Stage s) const { return stages[int(s)]; }
    // The step conversion rate into `s` (MQL: MQL / leads, SQL: SQL / MQL …); nullopt for
    // the first stage and when the previous stage is empty.
    std::optional<double> stepRate(Stage s) const;
    // Customers / leads; nullopt without leads.
    std::optional<double> leadToCustomer() const;
};

// Which leads the funnel is for: all sources; the Unknown row; a source index; or a category
// (its row of report.byCategory: leads by original source, customers by credit).
struct FunnelSelection {
    bool all = true;
    bool unknown = false;
    qint32 sourceIndex = NoSource;
    std::optional<SourceCategory> category;

    static FunnelSelection allSources() { return {}; }
    static FunnelSelection unknownSource() { return {false, true, NoSource, std::nullopt}; }
    static FunnelSelection source(qint32 index) { return {false, false, index, std::nullopt}; }
    static FunnelSelection ofCategory(SourceCategory c) { return {false, false, NoSource, c}; }
};

// The row of the report that the selection names; nullptr for "all", a category, or a source
// without a row.
const SourceRow *selectedRow(const SourceReport &report, const FunnelSelection &selection);

// Stage counts for the selection; a source without a row in the report has all zeros.
StageFunnel stageFunnel(const SourceReport &report, const FunnelSelection &selection);

} // namespace mikomi::analytics
