#pragma once

#include "models/analytics/sourcereport.h"
#include "models/domain/money.h"

class QChart;

// The dashboard's charts, built from a source report: titles, axis titles and legends are
// translated; hovering a bar or slice shows its exact value.
namespace mikomi::ui::charts {

QChart *leadsAndCustomers(const analytics::SourceReport &report);
QChart *costPerSource(const analytics::SourceReport &report, Currency currency);
QChart *ltvCac(const analytics::SourceReport &report);
QChart *shareOfLeads(const analytics::SourceReport &report);
QChart *funnel(const analytics::SourceReport &report);

} // namespace mikomi::ui::charts
