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
};

// Which source the funnel is for: none = all sources; the Unknown row; or a source index.
struct FunnelSelection {
    bool all = true;
    bool unknown = false;
    qint32 sourceIndex = NoSource;

    static FunnelSelection allSources() { return {}; }
    static FunnelSelection unknownSource() { return {false, true, NoSource}; }
    static FunnelSelection source(qint32 index) { return {false, false, index}; }
};

// The row of the report that the selection names; nullptr for "all" or a source without a row.
const SourceRow *selectedRow(const SourceReport &report, const FunnelSelection &selection);

// Stage counts for the selection; a source without a row in the report has all zeros.
StageFunnel stageFunnel(const SourceReport &report, const FunnelSelection &selection);

} // namespace mikomi::analytics
