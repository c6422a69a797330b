#pragma once

#include "models/analytics/monthly.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/stagefunnel.h"
#include "models/domain/money.h"

#include <QLocale>
#include <QString>

class QChart;
class QBarSet;
class QColor;
class QPieSlice;

// The dashboard's charts, built from a source report alone (no page, no database): the
// Dashboard shows them and a report can draw them onto any paint device (QChart is a
// QGraphicsWidget: put it in a QGraphicsScene, resize, render). Titles, axis titles and legends
// are translated; hovering a bar or slice shows its exact value. The caller owns the chart.
//
// Readability rules shared by all: a colour-blind-safe palette (Okabe–Ito); legends beside the
// plot or below it with room for the whole label; values written on bars while there is room
// for them (a number per bar, up to 36 bars); a small quantity that shares a chart with a large
// one (customers beside leads, CPL beside CAC) has its own axis, on the right, in its colour;
// money axes in 万円 / ¥M … (moneyScale).
namespace mikomi::ui::charts {

QChart *leadsAndCustomers(const analytics::SourceReport &report);
QChart *costPerSource(const analytics::SourceReport &report, Currency currency);
QChart *ltvCac(const analytics::SourceReport &report);
// A donut: one slice per source with leads, its share written on it (when ≥ 3 %), the full
// names in the legend.
QChart *shareOfLeads(const analytics::SourceReport &report);
// The conversion funnel of the selection (all sources, a source, the Unknown row or a
// category; analytics::stageFunnel): centred bars narrowing from leads to customers, the count
// on each bar, the step conversion rate beside each stage and lead → customer in the title.
QChart *funnel(const analytics::SourceReport &report,
               const analytics::FunnelSelection &selection = analytics::FunnelSelection());
// Two funnels side by side: for each stage, the share of each selection's leads that reached
// it (leads = 100 %), the counts in the legend and tooltips.
QChart *funnelComparison(const analytics::SourceReport &report,
                         const analytics::FunnelSelection &first,
                         const analytics::FunnelSelection &second);
// Leads per month of creation, one stacked bar set per category that has leads; month labels
// thinned to at most 8; up to 12 months "5月" / "May" with the year on the first label and where
// it changes, longer spans "2026/05".
QChart *leadsPerMonth(const analytics::MonthlyByCategory &monthly);

// The row of report.sources that bar `index` of `set` shows, in a chart by source
// (leadsAndCustomers, costPerSource, ltvCac); -1 for none.
int reportRow(const QBarSet *set, int index);
// The stage the bars of `set` count leads up to: customers for the customers of
// leadsAndCustomers, else leads (every lead has reached an inquiry).
Stage barStage(const QBarSet *set);
// The category of a set of leadsPerMonth.
std::optional<SourceCategory> barCategory(const QBarSet *set);
// Which selection a funnel's set shows: 0 the first (or only: funnel()), 1 the second of
// funnelComparison; -1 for a set of no funnel.
int comparisonSide(const QBarSet *set);
// The row of report.sources that a slice of shareOfLeads shows; -1 for none.
int sliceRow(const QPieSlice *slice);
// The stage that bar `index` of a funnel chart shows (leads at the top, customers at the
// bottom, as a horizontal bar chart counts from the bottom).
Stage funnelStage(int index);

// The name of a funnel selection ("All sources", a source, "Unknown", a category), translated.
QString selectionName(const analytics::SourceReport &report,
                      const analytics::FunnelSelection &selection);
// The colour of a category in every chart that shows categories.
QColor categoryColor(SourceCategory c);
// The i-th colour of the categorical palette (Okabe & Ito, "Color Universal Design", 2008:
// eight hues told apart with every common colour-vision deficiency; past eight, lighter
// shades of the same hues).
QColor paletteColor(int i);

// How a money axis is labelled: values are divided by `divisor` (in major units) and `unit`
// goes into the axis title. Japanese: 円, 万円 (≥ 10,000), 億円 (≥ 1,000,000,000); others:
// ¥ / $ with K (≥ 10,000) or M (≥ 1,000,000).
struct MoneyScale {
    double divisor = 1;
    QString unit;
};
MoneyScale moneyScale(double maxMajorUnits, Currency currency, const QLocale &locale = QLocale());
// A month on an axis: "5月" / "May", or with its year "2026年5月" / "May 2026" (the locale's
// language decides).
QString monthLabel(qint32 month, bool withYear, const QLocale &locale = QLocale());

} // namespace mikomi::ui::charts
