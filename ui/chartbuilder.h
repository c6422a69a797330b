#pragma once

#include "models/analytics/monthly.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/stagefunnel.h"
#include "models/domain/money.h"

class QChart;
class QColor;

// The dashboard's charts, built from a source report: titles, axis titles and legends are
// translated; hovering a bar or slice shows its exact value.
namespace mikomi::ui::charts {

QChart *leadsAndCustomers(const analytics::SourceReport &report);
QChart *costPerSource(const analytics::SourceReport &report, Currency currency);
QChart *ltvCac(const analytics::SourceReport &report);
QChart *shareOfLeads(const analytics::SourceReport &report);
// The conversion funnel of all sources or of the selected one (analytics::stageFunnel).
QChart *funnel(const analytics::SourceReport &report,
               const analytics::FunnelSelection &selection = analytics::FunnelSelection());
// Leads per month of creation, one stacked bar set per category that has leads.
QChart *leadsPerMonth(const analytics::MonthlyByCategory &monthly);
// The colour of a category in every chart that shows categories.
QColor categoryColor(SourceCategory c);

} // namespace mikomi::ui::charts
