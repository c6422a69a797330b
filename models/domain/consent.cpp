#include "models/domain/consent.h"

#include <QCoreApplication>

#include <array>

namespace mikomi {
namespace {

struct Entry {
    const char *key;
    const char *label;
};

// clang-format off
constexpr std::array<Entry, ConsentBasisCount> kBases{{
    {"", QT_TRANSLATE_NOOP("mikomi::Consent", "Not recorded")},
    {"consent", QT_TRANSLATE_NOOP("mikomi::Consent", "Consent (opted in)")},
    {"contract", QT_TRANSLATE_NOOP("mikomi::Consent", "Contract")},
    {"legitimate_interest", QT_TRANSLATE_NOOP("mikomi::Consent", "Legitimate interest")},
    {"other", QT_TRANSLATE_NOOP("mikomi::Consent", "Other (see notes)")},
}};
// clang-format on

const Entry &entryOf(ConsentBasis b) {
    const auto i = static_cast<std::size_t>(b);
    return kBases[i < kBases.size() ? i : 0];
}

} // namespace

QString consentBasisKey(ConsentBasis b) {
    return QString::fromLatin1(entryOf(b).key);
}

std::optional<ConsentBasis> consentBasisFromKey(const QString &key) {
    const QString k = key.trimmed().toLower();
    for (std::size_t i = 0; i < kBases.size(); ++i) {
        const auto b = static_cast<ConsentBasis>(i);
        if (k == QLatin1String(kBases[i].key) || k == consentBasisLabel(b).toLower() ||
            k == QString::fromLatin1(kBases[i].label).toLower())
            return b;
    }
    // Common spellings in other tools' exports and in Japanese.
    if (k == QLatin1String("legitimate interest") || k == QLatin1String("legitimate-interest") ||
        k == QStringLiteral("正当な利益"))
        return ConsentBasis::LegitimateInterest;
    if (k == QLatin1String("opt-in") || k == QLatin1String("opt in") ||
        k == QLatin1String("opted in") || k == QStringLiteral("同意"))
        return ConsentBasis::Consent;
    if (k == QStringLiteral("契約"))
        return ConsentBasis::Contract;
    if (k == QStringLiteral("その他"))
        return ConsentBasis::Other;
    return std::nullopt;
}

QString consentBasisLabel(ConsentBasis b) {
    return QCoreApplication::translate("mikomi::Consent", entryOf(b).label);
}

} // namespace mikomi
