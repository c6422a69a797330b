#pragma once

// How a field read from a card is compared with the card's truth, the same in tst_cardscan and
// bench_scan: exact after NFKC, without whitespace, case-folded; phones as their digits (and +);
// kanji numerals as digits; a country as its ISO code; a URL without its scheme and trailing slash
// (the level of "prefill and let the user confirm").

#include "models/ocr/cardfields.h"

#include <QRegularExpression>
#include <QString>

namespace mikomi::ocr::test {

inline QString canonical(const QString &key, const QString &value) {
    QString v = value.normalized(QString::NormalizationForm_KC).toCaseFolded();
    v.remove(QRegularExpression(QStringLiteral("\\s")));
    if (key == QLatin1String("phone") || key == QLatin1String("mobile") ||
        key == QLatin1String("fax"))
        v = asciiDigits(v).remove(QRegularExpression(QStringLiteral("[^+\\d]")));
    // "Germany" on the card, DE in the field.
    if (key == QLatin1String("country") && !countryCode(value).isEmpty())
        return countryCode(value);
    if (key == QLatin1String("country") && value.size() == 2)
        return value.toUpper();
    if (key == QLatin1String("website")) {
        v.remove(QRegularExpression(QStringLiteral("^https?://")));
        if (v.endsWith(QLatin1Char('/')))
            v.chop(1);
    }
    return v;
}

} // namespace mikomi::ocr::test
