#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/stagefunnel.h"
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

} // namespace mikomi::services
