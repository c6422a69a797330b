#include "models/domain/lead.h"

namespace mikomi {

QString Lead::displayName(bool japaneseOrder) const {
    const QString &first = japaneseOrder ? familyName : givenName;
    const QString &second = japaneseOrder ? givenName : familyName;
    if (first.isEmpty())
        return second;
    if (second.isEmpty())
        return first;
    // Japanese names written in kanji/kana are joined with a full-width space by convention;
    // Latin names with an ASCII space.
    const bool cjk = first.at(0).unicode() >= 0x3000;
    return first + (cjk ? QStringLiteral("\u3000") : QStringLiteral(" ")) + second;
}

QString Lead::displayReading() const {
    if (familyReading.isEmpty())
        return givenReading;
    if (givenReading.isEmpty())
        return familyReading;
    return familyReading + QLatin1Char(' ') + givenReading;
}

} // namespace mikomi
