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

// mikomi::parseMoney in the currency with `decimals` digits after the point (0 = JPY, 2 = USD):
// "1000000", "1,000,000", "1234.5" → minor units. Negative, empty, or anything else → nullopt.
std::optional<Money> parseAmount(const QString &text, int decimals);

// "YYYY-MM-DD" exactly, a real date → the date; anything else → nullopt.
std::optional<QDate> parseReportDate(const QString &text);

// A positive finite decimal ("1.2", "120%" = 1.2) → the factor; anything else → nullopt.
std::optional<double> parseGrowthFactor(const QString &text);

} // namespace mikomi::services
