#include "models/services/reportinput.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace mikomi::services {

int currencyDecimals(Currency c) {
    int decimals = 0;
    for (int m = minorUnits(c); m > 1; m /= 10)
        ++decimals;
    return decimals;
}

std::optional<Money> parseAmount(const QString &text, int decimals) {
    const Currency currency = decimals == 0 ? Currency::JPY : Currency::USD;
    if (decimals != currencyDecimals(currency))
        return std::nullopt;
    auto m = parseMoney(text, currency);
    if (!m)
        return std::nullopt;
    return *m;
}

std::optional<QDate> parseReportDate(const QString &text) {
    const QString s = text.trimmed();
    if (s.size() != 10)
        return std::nullopt;
    for (int i = 0; i < 10; ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? s.at(i) != QLatin1Char('-') : !(s.at(i) >= u'0' && s.at(i) <= u'9'))
            return std::nullopt;
    }
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<double> parseGrowthFactor(const QString &text) {
    QString s = text.normalized(QString::NormalizationForm_KC).trimmed();
    double scale = 1;
    if (s.endsWith(QLatin1Char('%'))) {
        s.chop(1);
        scale = 0.01;
    }
    bool ok = false;
    const double v = QLocale::c().toDouble(s.trimmed(), &ok) * scale;
    if (!ok || !std::isfinite(v) || v <= 0)
        return std::nullopt;
    return v;
}

} // namespace mikomi::services
