#include "models/domain/money.h"

namespace mikomi {

QString currencyKey(Currency c) {
    return c == Currency::JPY ? QStringLiteral("JPY") : QStringLiteral("USD");
}

std::optional<Currency> currencyFromKey(const QString &key) {
    const QString k = key.trimmed().toUpper();
    if (k == QLatin1String("JPY"))
        return Currency::JPY;
    if (k == QLatin1String("USD"))
        return Currency::USD;
    return std::nullopt;
}

int minorUnits(Currency c) {
    return c == Currency::JPY ? 1 : 100;
}

QString formatMoney(Money amount, Currency c, const QLocale &locale) {
    if (c == Currency::JPY)
        return QStringLiteral("¥") + locale.toString(amount);
    const bool negative = amount < 0;
    const Money abs = negative ? -amount : amount;
    const QString major = locale.toString(abs / 100);
    const QString minor = QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + major + locale.decimalPoint() +
           minor;
}

} // namespace mikomi
