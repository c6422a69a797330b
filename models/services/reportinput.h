#pragma once

#include "models/domain/money.h"

#include <QDate>
#include <QString>

#include <optional>

// Parsing of what a user types for the reports (command line options, page inputs): strict,
// never a guess.
namespace mikomi::services {

// Digits after the decimal point of a currency (JPY 0, USD 2).
int currencyDecimals(Currency c);

// "1000000", "1,000,000", "1234.5", "1234.50" (at most `decimals` digits after the point; ASCII
// or full-width digits) → minor units. Negative, empty, or anything else → nullopt.
std::optional<Money> parseAmount(const QString &text, int decimals);

// "YYYY-MM-DD" exactly, a real date → the date; anything else → nullopt.
std::optional<QDate> parseReportDate(const QString &text);

// A positive finite decimal ("1.2", "120%" = 1.2) → the factor; anything else → nullopt.
std::optional<double> parseGrowthFactor(const QString &text);

} // namespace mikomi::services
