#pragma once

#include "models/analytics/budget.h"
#include "models/analytics/planner.h"
#include "models/analytics/sourcereport.h"

#include <QJsonObject>
#include <QJsonValue>

// JSON output of `report sources`, `budget` and `plan`, field for field as cli.md shows them.
//
// - Money is in MAJOR units of the currency: `currencyDecimals` is its number of minor digits
//   (JPY 0 → integers; USD 2 → 1234.5 means $1,234.50). Credit-weighted and averaged amounts
//   (revenue, cpl, cac, ltv, avg_deal) are rounded half away from zero to the minor unit first.
// - Ratios (shares, rates, roi, ltv_cac) and fractional customer credit are rounded to 4 decimal
//   places; warnings are decided on the exact values. Whole numbers are written as integers.
// - Nulls (a zero denominator, no window end, the Unknown row's tier) are JSON null.
// - The Unknown row is written with "source": "unknown" (stable for scripts; no named source can
//   have that name, since it is an unknown name) and "category": "unknown", "tier": null.
namespace mikomi::analytics {

inline constexpr int JsonRatioDecimals = 4;

// A minor-unit amount as a JSON number in major units.
QJsonValue moneyJson(double minorUnits, int currencyDecimals);

QJsonObject sourceReportJson(const SourceReport &report, int currencyDecimals);
QJsonObject budgetJson(const BudgetPlan &plan, int currencyDecimals);
QJsonObject planJson(const Plan &plan, int currencyDecimals);
// {"error": step, "message": text} for an impossible plan (not in cli.md; for scripts).
QJsonObject planErrorJson(const PlanError &error);

} // namespace mikomi::analytics
