#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/goals.h"
#include "models/analytics/stagefunnel.h"
#include "models/analytics/trends.h"
#include "models/storage/leadquery.h"

// The Dashboard's drill-down: the leads behind a figure of the source report (a bar, a funnel
// stage, a slice, a table row) as a filter of the Leads list, so that the list shows exactly the
// leads the report counted there. The report's rules (analytics/sourcereport.h): a lead is in
// the window by its created date, belongs to its original source (the recorded one unless none
// or an unknown name, else its earliest touchpoint's), and has reached a stage when its furthest
// stage is that one or a later one, lost or not. Customers of a source are whole leads only under
// first-touch attribution: under the multi-touch models they are shares of credit, and the list
// shows the customers whose original source it is.
namespace mikomi::services {

// The leads of `selection` (all, a source of facts.sources, the Unknown row, a category)
// created in `window` that reached `reached`.
storage::LeadFilter drillDownFilter(const analytics::Facts &facts, const analytics::Window &window,
                                    const analytics::FunnelSelection &selection,
                                    Stage reached = Stage::Inquiry);

// The days of the whole months [first, last] (monthNumber()).
analytics::Window monthsWindow(qint32 first, qint32 last);

// The trends' drill-down (Trends & Goals): the row of a source, the Unknown row or a category
// as a selection; the total row is every source.
analytics::FunnelSelection trendSelection(const analytics::TrendRow &row);
// The stage a count of the trends or goals is the leads of: leads (inquiry), MQL, SQL,
// opportunities, customers; none for spend, CPL, CAC and revenue (not a count of leads), and for
// the goals' customers, which count by the won month.
std::optional<Stage> trendStage(analytics::TrendMetric metric);
std::optional<Stage> goalStage(analytics::GoalMetric metric);
// The leads behind a goal cell of `window` (whole months): leads to opportunities by created
// month (goalStage), customers by the month of their won date (else created date), revenue: those
// customers that have a deal value (the values that add up to it).
storage::LeadFilter goalDrillDownFilter(const analytics::Facts &facts, analytics::GoalMetric metric,
                                        const analytics::Window &window);

// The leads of a tier row of the Dashboard (70-20-10): the leads whose original source has that
// tier, created in `window`, that reached `reached`; no tier: the Unknown row.
storage::LeadFilter tierDrillDownFilter(const analytics::Facts &facts,
                                        const analytics::Window &window, std::optional<Tier> tier,
                                        Stage reached = Stage::Inquiry);

} // namespace mikomi::services
