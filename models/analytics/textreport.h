#pragma once

#include "models/analytics/budget.h"
#include "models/analytics/planner.h"
#include "models/analytics/sourcereport.h"

#include <QLocale>
#include <QString>
#include <QStringList>

#include <vector>

// Text output for the command line (`--format table|csv`). Headers are translated in the
// "Mikomi" context; a null value is "—". Tables format numbers with the given locale, align
// columns by display width (CJK characters count two) and end with the warnings as sentences.
// CSV is RFC 4180 (CRLF line ends, quotes doubled), numbers in C locale (money in major units
// with the currency's decimals, ratios to 4 decimal places), empty cell for null, and text cells
// beginning with = + - @ tab or CR are prefixed with ' so spreadsheets do not run them.
namespace mikomi::analytics {

// Columns of a plain text table; `rightAligned[i]` for numeric columns.
struct TextTable {
    QStringList headers;
    std::vector<bool> rightAligned;
    std::vector<QStringList> rows;
};
QString renderTable(const TextTable &table);
// Terminal columns taken by s (East Asian wide and full-width characters count two).
int displayWidth(const QString &s);

QString sourceReportTable(const SourceReport &report, int currencyDecimals,
                          const QLocale &locale = QLocale());
QString sourceReportCsv(const SourceReport &report, int currencyDecimals);
QString budgetTable(const BudgetPlan &plan, int currencyDecimals,
                    const QLocale &locale = QLocale());
QString planTable(const Plan &plan, int currencyDecimals, const QLocale &locale = QLocale());

} // namespace mikomi::analytics
