#pragma once

// How a field read from a card is compared with the card's truth, the same in tst_cardscan and
// bench_scan: exact after NFKC, without whitespace, case-folded; phones as their digits (and +);
// kanji numerals as digits; a URL without its scheme and trailing slash (the level of "prefill and
// let the user confirm").

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
    if (key == QLatin1String("website")) {
        v.remove(QRegularExpression(QStringLiteral("^https?://")));
        if (v.endsWith(QLatin1Char('/')))
            v.chop(1);
    }
    return v;
}

} // namespace mikomi::ocr::test
