#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace mikomi {

enum class Currency { JPY, USD };

QString currencyKey(Currency c); // "JPY" / "USD"
std::optional<Currency> currencyFromKey(const QString &key);
// Minor units in one major unit: 1 for yen, 100 for dollars.
int minorUnits(Currency c);
// The currency whose minor unit is `minorUnitsPerMajor` (1 → JPY, 100 → USD), if any.
std::optional<Currency> currencyOfMinorUnits(int minorUnitsPerMajor);
// "¥1,500,000" / "$1,234.56" (locale digit grouping).
QString formatMoney(Money amount, Currency c, const QLocale &locale = QLocale());

// The one parser of amounts a user types or a file holds (lead editor, lead and spend CSV, the
// spend grid, report and budget inputs). Strict, never a guess:
// - digits (half- or full-width), thousands grouped by commas in threes ("1,500,000"; full-width
//   "１，５００，０００" too);
// - an optional sign of `currency`: ¥ ￥ \ before or 円 after for JPY, $ ＄ US$ for USD, or the
//   ISO code before or after ("JPY 1,000", "1,000 USD");
// - decimals only as many as the currency has (none for JPY, two for USD);
// and nothing else. Errors (translated, naming the text): empty, negative, another currency's
// sign ($ € £ EUR… in a yen database), "1.000" in yen (ambiguous: European grouping or a
// decimal?), too many decimals, bad grouping, too large.
Result<Money> parseMoney(const QString &text, Currency currency);

} // namespace mikomi
