#pragma once

#include "models/domain/lead.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace mikomi {

enum class Currency { JPY, USD };

QString currencyKey(Currency c); // "JPY" / "USD"
std::optional<Currency> currencyFromKey(const QString &key);
// Minor units in one major unit: 1 for yen, 100 for dollars.
int minorUnits(Currency c);
// "¥1,500,000" / "$1,234.56" (locale digit grouping).
QString formatMoney(Money amount, Currency c, const QLocale &locale = QLocale());

} // namespace mikomi
