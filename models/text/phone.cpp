#include "models/text/phone.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>

namespace mikomi::text {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil &util() {
    // GetInstance() builds the metadata once (thread-safe); every method used here is const.
    static const PhoneNumberUtil *const u = PhoneNumberUtil::GetInstance();
    return *u;
}

// foldPhoneText (normalize.h), and 内線 ("extension") read as " ext. ".
QString folded(const QString &s) {
    QString out = foldPhoneText(s);
    out.replace(QStringLiteral("内線"), QStringLiteral(" ext. "));
    return out.trimmed();
}

// Digits, separators and a leading plus, then an optional extension. Letters (a name, "CALL-NOW")
// mean the text is something else.
bool plausibleCharacters(const QString &s) {
    static const QRegularExpression re(
        QStringLiteral(R"(^\+?[0-9\s\-.()/]+(?:[\s,;]*(?:ext\.?|extension|x|#)\s*[0-9]+#?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(s).hasMatch();
}

QString regionName(const QString &code) {
    for (const PhoneRegionName &r : phoneRegionNames()) {
        if (r.code == code)
            return r.name;
    }
    return code;
}

QString fromStd(const std::string &s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// `details`: also the region and the national and international forms (formatting is as costly
// as parsing: keys and checks do without).
PhoneNumber parseUncached(const QString &text, const QString &defaultRegion, bool details) {
    PhoneNumber out;
    const QString s = folded(text);
    if (s.isEmpty()) {
        out.error = QCoreApplication::translate("Mikomi", "The phone number is empty.");
        return out;
    }
    const QString shown = text.trimmed();
    if (!plausibleCharacters(s)) {
        out.error = QCoreApplication::translate(
                        "Mikomi",
                        "\"%1\" is not a phone number: it may hold only digits, spaces, - ( ) . / "
                        "a leading + and an extension (ext. 201, x201, 内線 201).")
                        .arg(shown);
        return out;
    }
    const QString region = isPhoneRegion(defaultRegion) ? defaultRegion : QStringLiteral("ZZ");
    const PhoneNumberUtil &u = util();
    i18n::phonenumbers::PhoneNumber n;
    const std::string utf8 = s.toStdString();
    switch (u.Parse(utf8, region.toStdString(), &n)) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        out.error =
            region == QLatin1String("ZZ") || s.startsWith(u'+')
                ? QCoreApplication::translate(
                      "Mikomi", "\"%1\" is not a valid phone number: it has no known country code "
                                "(write it with + and the country code, e.g. +81 3-1234-5678).")
                      .arg(shown)
                : QCoreApplication::translate(
                      "Mikomi", "\"%1\" is not a valid phone number: unknown country code.")
                      .arg(shown);
        return out;
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        out.error =
            QCoreApplication::translate("Mikomi", "\"%1\" is not a valid phone number: too short.")
                .arg(shown);
        return out;
    case PhoneNumberUtil::TOO_LONG_NSN:
        out.error =
            QCoreApplication::translate("Mikomi", "\"%1\" is not a valid phone number: too long.")
                .arg(shown);
        return out;
    case PhoneNumberUtil::NOT_A_NUMBER:
    default:
        out.error =
            QCoreApplication::translate("Mikomi", "\"%1\" is not a phone number.").arg(shown);
        return out;
    }
    if (!u.IsValidNumber(n)) {
        std::string numberRegion;
        u.GetRegionCodeForCountryCode(n.country_code(), &numberRegion);
        const QString where = regionName(fromStd(numberRegion));
        switch (u.IsPossibleNumberWithReason(n)) {
        case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: // 555-0188: dialled within the area
        case PhoneNumberUtil::TOO_SHORT:
            out.error =
                QCoreApplication::translate(
                    "Mikomi", "\"%1\" is not a valid phone number: too short for a number in %2 "
                              "(is the area code missing?).")
                    .arg(shown, where);
            break;
        case PhoneNumberUtil::INVALID_LENGTH:
            out.error = QCoreApplication::translate(
                            "Mikomi", "\"%1\" is not a valid phone number: a number in %2 does "
                                      "not have this many digits.")
                            .arg(shown, where);
            break;
        case PhoneNumberUtil::TOO_LONG:
            out.error =
                QCoreApplication::translate(
                    "Mikomi", "\"%1\" is not a valid phone number: too long for a number in %2.")
                    .arg(shown, where);
            break;
        default:
            out.error = s.startsWith(u'+')
                            ? QCoreApplication::translate(
                                  "Mikomi", "\"%1\" is not a valid phone number in %2.")
                                  .arg(shown, where)
                            : QCoreApplication::translate(
                                  "Mikomi",
                                  "\"%1\" is not a valid phone number in %2. A number from another "
                                  "country needs + and its country code (+44 131 635 4287).")
                                  .arg(shown, where);
            break;
        }
        return out;
    }
    std::string f;
    u.Format(n, PhoneNumberUtil::E164, &f);
    out.e164 = fromStd(f);
    out.extension = fromStd(n.extension());
    out.valid = true;
    if (!details)
        return out;
    std::string r;
    u.GetRegionCodeForNumber(n, &r);
    out.region = fromStd(r);
    f.clear();
    u.Format(n, PhoneNumberUtil::NATIONAL, &f);
    out.national = fromStd(f);
    f.clear();
    u.Format(n, PhoneNumberUtil::INTERNATIONAL, &f);
    out.international = fromStd(f);
    return out;
}

// Checks and keys of the same number come in pairs (an import checks a row's numbers in
// io::leadFromRow, then keys them in storage::LeadKeys, on the same thread): the second is a
// lookup. Only valid numbers are kept (an error's text depends on the language, which may
// change).
PhoneNumber parseLean(const QString &text, const QString &defaultRegion) {
    thread_local QHash<QString, PhoneNumber> recent;
    const QString cacheKey = defaultRegion + u'\x1f' + text;
    if (const auto it = recent.constFind(cacheKey); it != recent.cend())
        return *it;
    PhoneNumber out = parseUncached(text, defaultRegion, false);
    if (out.valid) {
        if (recent.size() >= 256)
            recent.clear();
        recent.insert(cacheKey, out);
    }
    return out;
}

} // namespace

PhoneNumber parsePhone(const QString &text, const QString &defaultRegion) {
    return parseUncached(text, defaultRegion, true);
}

QString phoneError(const QString &text, const QString &defaultRegion) {
    if (text.trimmed().isEmpty())
        return {};
    return parseLean(text, defaultRegion).error;
}

QString phoneKey(const QString &text, const QString &defaultRegion) {
    if (text.trimmed().isEmpty())
        return {};
    const PhoneNumber p = parseLean(text, defaultRegion);
    if (p.valid)
        return p.e164;
    QString digits;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    return digits;
}

bool isPhoneRegion(const QString &region) {
    if (region.size() != 2)
        return false;
    static const std::set<std::string> all = [] {
        std::set<std::string> s;
        util().GetSupportedRegions(&s);
        return s;
    }();
    return all.count(region.toStdString()) > 0;
}

QList<PhoneRegionName> phoneRegionNames() {
    struct Entry {
        const char *code;
        const char *name;
    };
    static const Entry kRegions[] = {
        {"JP", QT_TRANSLATE_NOOP("Mikomi", "Japan")},
        {"US", QT_TRANSLATE_NOOP("Mikomi", "United States")},
        {"CA", QT_TRANSLATE_NOOP("Mikomi", "Canada")},
        {"GB", QT_TRANSLATE_NOOP("Mikomi", "United Kingdom")},
        {"IE", QT_TRANSLATE_NOOP("Mikomi", "Ireland")},
        {"AU", QT_TRANSLATE_NOOP("Mikomi", "Australia")},
        {"NZ", QT_TRANSLATE_NOOP("Mikomi", "New Zealand")},
        {"DE", QT_TRANSLATE_NOOP("Mikomi", "Germany")},
        {"FR", QT_TRANSLATE_NOOP("Mikomi", "France")},
        {"NL", QT_TRANSLATE_NOOP("Mikomi", "Netherlands")},
        {"KR", QT_TRANSLATE_NOOP("Mikomi", "South Korea")},
        {"CN", QT_TRANSLATE_NOOP("Mikomi", "China")},
        {"TW", QT_TRANSLATE_NOOP("Mikomi", "Taiwan")},
        {"HK", QT_TRANSLATE_NOOP("Mikomi", "Hong Kong")},
        {"SG", QT_TRANSLATE_NOOP("Mikomi", "Singapore")},
        {"IN", QT_TRANSLATE_NOOP("Mikomi", "India")},
    };
    QList<PhoneRegionName> out;
    for (const Entry &e : kRegions)
        out.append({QString::fromLatin1(e.code), QCoreApplication::translate("Mikomi", e.name)});
    return out;
}

} // namespace mikomi::text
