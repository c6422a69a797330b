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
    const QString s = text.normalized(QString::NormalizationForm_KC).trimmed();
    if (s.isEmpty())
        return std::nullopt;
    Money whole = 0;
    Money fraction = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    constexpr Money kMax = std::numeric_limits<Money>::max() / 100;
    for (const QChar c : s) {
        if (c == QLatin1Char(',') && !seenPoint && seenDigit)
            continue;
        if (c == QLatin1Char('.') && !seenPoint && decimals > 0) {
            seenPoint = true;
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        const int d = c.unicode() - u'0';
        seenDigit = true;
        if (seenPoint) {
            if (++fractionDigits > decimals)
                return std::nullopt;
            fraction = fraction * 10 + d;
        } else {
            if (whole > kMax / 10)
                return std::nullopt;
            whole = whole * 10 + d;
        }
    }
    if (!seenDigit)
        return std::nullopt;
    Money scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    for (int i = fractionDigits; i < decimals; ++i)
        fraction *= 10;
    if (whole > std::numeric_limits<Money>::max() / scale - 1)
        return std::nullopt;
    return whole * scale + fraction;
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
