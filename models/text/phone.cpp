#include "models/text/phone.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <list>
#include <map>
#include <memory>
#include <mutex>

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// libphonenumber's compiled-in metadata (its src/phonenumbers/metadata.h, not installed by
// Debian's libphonenumber-dev but exported by the library): what PhoneNumberUtil loads itself.
namespace i18n::phonenumbers {
int metadata_size();
const void *metadata_get();
} // namespace i18n::phonenumbers

namespace mikomi::text {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil &util() {
    // GetInstance() builds the metadata once (thread-safe); every method used here is const.
    static const PhoneNumberUtil *const u = PhoneNumberUtil::GetInstance();
    return *u;
}

// foldPhoneText (normalize.h), 内線 ("extension") read as " ext. ", and a number written in kanji
// numerals as vertical cards and formal letters write it, digit by digit between ・ or ―
// (〇三・一二三四・五六七八, 〇三―一二三四―五六七八 内線 二〇一).
QString folded(const QString &s) {
    QString out = foldPhoneText(s);
    out.replace(QStringLiteral("内線"), QStringLiteral(" ext. "));
    static const QString kanji = QStringLiteral("〇一二三四五六七八九");
    for (QChar &c : out) {
        if (const qsizetype k = kanji.indexOf(c); k >= 0)
            c = QChar(u'0' + int(k));
        else if (c == u'・')
            c = u'-';
    }
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
        out.error =
            QCoreApplication::translate("mikomi::text::Phone", "The phone number is empty.");
        return out;
    }
    const QString shown = text.trimmed();
    if (!plausibleCharacters(s)) {
        out.error = QCoreApplication::translate(
                        "mikomi::text::Phone",
                        "\"%1\" is not a phone number: it may hold only digits (also full-width, "
                        "or kanji numerals digit by digit: 〇三―一二三四―五六七八), spaces, "
                        "- ― ・ ( ) . /, a leading + and an extension (ext. 201, x201, 内線 201).")
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
        out.error = region == QLatin1String("ZZ") || s.startsWith(u'+')
                        ? QCoreApplication::translate(
                              "mikomi::text::Phone",
                              "\"%1\" is not a valid phone number: it has no known country code "
                              "(write it with + and the country code, e.g. +81 3-1234-5678).")
                              .arg(shown)
                        : QCoreApplication::translate(
                              "mikomi::text::Phone",
                              "\"%1\" is not a valid phone number: unknown country code.")
                              .arg(shown);
        return out;
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        out.error = QCoreApplication::translate("mikomi::text::Phone",
                                                "\"%1\" is not a valid phone number: too short.")
                        .arg(shown);
        return out;
    case PhoneNumberUtil::TOO_LONG_NSN:
        out.error = QCoreApplication::translate("mikomi::text::Phone",
                                                "\"%1\" is not a valid phone number: too long.")
                        .arg(shown);
        return out;
    case PhoneNumberUtil::NOT_A_NUMBER:
    default:
        out.error =
            QCoreApplication::translate("mikomi::text::Phone", "\"%1\" is not a phone number.")
                .arg(shown);
        return out;
    }
    if (!u.IsValidNumber(n)) {
        std::string numberRegion;
        u.GetRegionCodeForCountryCode(n.country_code(), &numberRegion);
        const QString where = regionName(fromStd(numberRegion));
        switch (u.IsPossibleNumberWithReason(n)) {
        case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: // 555-0188: dialled within the area
        case PhoneNumberUtil::TOO_SHORT:
            out.error = QCoreApplication::translate(
                            "mikomi::text::Phone",
                            "\"%1\" is not a valid phone number: too short for a number in %2 "
                            "(is the area code missing?).")
                            .arg(shown, where);
            break;
        case PhoneNumberUtil::INVALID_LENGTH:
            out.error = QCoreApplication::translate(
                            "mikomi::text::Phone",
                            "\"%1\" is not a valid phone number: a number in %2 does "
                            "not have this many digits.")
                            .arg(shown, where);
            break;
        case PhoneNumberUtil::TOO_LONG:
            out.error = QCoreApplication::translate(
                            "mikomi::text::Phone",
                            "\"%1\" is not a valid phone number: too long for a number in %2.")
                            .arg(shown, where);
            break;
        default:
            out.error =
                s.startsWith(u'+')
                    ? QCoreApplication::translate("mikomi::text::Phone",
                                                  "\"%1\" is not a valid phone number in %2.")
                          .arg(shown, where)
                    : QCoreApplication::translate(
                          "mikomi::text::Phone",
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

// The fast path (measured: libphonenumber's Parse was a quarter of a 100,000-row import, its
// regular expressions run by ICU). For the common forms, a number written with digits and the
// separators " -.()" alone, with or without a leading "+" and country code, Parse's steps come
// down to a few string tests on the digits, taken here from the same metadata: no international
// (IDD) prefix, no country code at the start, the national prefix stripped, the rest the
// national number. Only a region whose metadata makes those steps plain strings qualifies
// (a digits-only IDD and national prefix for parsing, no transform rule, the main region of its
// country code: JP, US, GB, DE, FR and others); everything else, and anything the fast path is
// not sure of, goes through Parse. Validity is still libphonenumber's: IsValidNumber and
// IsPossibleNumberWithReason on the number built here, which is the one Parse builds (a valid,
// possible national number is one Parse strips the prefix for). tst_phone::fastPathEqualsParse
// compares both over many numbers of several countries.
// One number type of a region's metadata (PhoneNumberDesc): its lengths and its pattern, compiled
// once (libphonenumber builds an ICU matcher for every pattern it tries: measured, IsValidNumber
// was half of the reading thread of a 100,000-row import).
struct FastDesc {
    std::vector<int> lengths; // none: any length
    QRegularExpression pattern;
    bool empty = true; // no pattern: matches nothing

    // libphonenumber's IsNumberMatchingDesc: a possible length, and the whole number matching
    // the pattern (RegexBasedMatcher::MatchNationalNumber without prefix matches).
    bool matches(QStringView national) const {
        if (!lengths.empty() &&
            std::find(lengths.begin(), lengths.end(), int(national.size())) == lengths.end())
            return false;
        return !empty && pattern.match(national).hasMatch();
    }
};

// `ok` false when a pattern does not compile as PCRE (then the region keeps IsValidNumber).
FastDesc fastDesc(const i18n::phonenumbers::PhoneNumberDesc &d, bool *ok) {
    FastDesc out;
    out.lengths.assign(d.possible_length().begin(), d.possible_length().end());
    const std::string &p = d.national_number_pattern();
    out.empty = p.empty();
    if (!out.empty) {
        out.pattern.setPattern(QStringLiteral("\\A(?:") + QString::fromStdString(p) +
                               QStringLiteral(")\\z"));
        out.pattern.optimize();
        *ok = *ok && out.pattern.isValid();
    }
    return out;
}

// A region's general description and the types PhoneNumberUtil::GetNumberTypeHelper tries
// (premium rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed line,
// mobile), compiled the first time a number of the region is checked. A valid number matches
// the general description and one of the types; the order of the types does not change that,
// so the common ones come first.
struct FastPatterns {
    FastDesc general;
    std::vector<FastDesc> types; // empty: a pattern did not compile, IsValidNumber decides
    std::vector<int> localOnly;  // lengths IsPossibleNumber calls IS_POSSIBLE_LOCAL_ONLY

    explicit FastPatterns(const i18n::phonenumbers::PhoneMetadata &m) {
        bool ok = true;
        general = fastDesc(m.general_desc(), &ok);
        localOnly.assign(m.general_desc().possible_length_local_only().begin(),
                         m.general_desc().possible_length_local_only().end());
        for (const auto *d :
             {&m.fixed_line(), &m.mobile(), &m.toll_free(), &m.premium_rate(), &m.shared_cost(),
              &m.voip(), &m.personal_number(), &m.pager(), &m.uan(), &m.voicemail()})
            types.push_back(fastDesc(*d, &ok));
        if (!ok)
            types.clear();
    }
};

struct FastRegion {
    int countryCode = 0;
    std::string countryDigits;  // "81"
    std::string idd;            // "010"
    std::string nationalPrefix; // for parsing: "0", "1", "" (none)
    // For a country code of this region alone (JP, DE, FR, not US or GB, which share theirs):
    // its metadata, so a valid number needs no IsValidNumber. None: IsValidNumber decides.
    std::shared_ptr<const i18n::phonenumbers::PhoneMetadata> metadata;
    std::unique_ptr<std::once_flag> compiled = std::make_unique<std::once_flag>();
    mutable std::unique_ptr<const FastPatterns> patterns; // made once, under `compiled`

    // True when the national number (no leading zero) is a valid number of the region, as
    // IsValidNumber says (the same metadata, the same tests: libphonenumber builds an ICU
    // matcher for every pattern it tries, measured half of the reading thread of a 100,000-row
    // import). False also when unsure: then the caller asks libphonenumber. `possible`: also
    // true when IsPossibleNumberWithReason would say IS_POSSIBLE (PhoneNumberUtil's
    // TestNumberLength for an unknown type: the general description's lengths, the local-only
    // ones first), false when the caller must ask.
    bool surelyValid(QStringView national, bool *possible) const {
        *possible = false;
        if (!metadata)
            return false;
        std::call_once(*compiled,
                       [this] { patterns = std::make_unique<const FastPatterns>(*metadata); });
        if (patterns->types.empty() || !patterns->general.matches(national))
            return false;
        if (!std::any_of(patterns->types.begin(), patterns->types.end(),
                         [&](const FastDesc &d) { return d.matches(national); }))
            return false;
        // general.matches() found the length among the general description's lengths.
        const int length = int(national.size());
        *possible = !patterns->general.lengths.empty() &&
                    std::find(patterns->localOnly.begin(), patterns->localOnly.end(), length) ==
                        patterns->localOnly.end();
        return true;
    }
};

bool allDigits(const std::string &s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The regions that qualify, by region code.
const std::unordered_map<std::string, FastRegion> &fastRegions() {
    static const std::unordered_map<std::string, FastRegion> regions = [] {
        std::unordered_map<std::string, FastRegion> out;
        i18n::phonenumbers::PhoneMetadataCollection all;
        if (!all.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                i18n::phonenumbers::metadata_size()))
            return out; // no fast path
        // The regions of each country code in the order PhoneNumberUtil's constructor lists
        // them (GetRegionCodesForCountryCallingCode; its first is GetRegionCodeForCountryCode's
        // answer): the first one met, a later main country of the code put in front. Read here
        // from the same metadata, so a file whose numbers all take the fast path never builds
        // the PhoneNumberUtil (32 M instructions).
        std::map<int, std::list<std::string>> regionsOfCode;
        for (const i18n::phonenumbers::PhoneMetadata &m : all.metadata()) {
            if (m.id() == "ZZ")
                continue;
            auto [it, first] = regionsOfCode.try_emplace(m.country_code());
            if (!first && m.main_country_for_code())
                it->second.push_front(m.id());
            else
                it->second.push_back(m.id());
        }
        for (const i18n::phonenumbers::PhoneMetadata &m : all.metadata()) {
            const auto code = regionsOfCode.find(m.country_code());
            if (code == regionsOfCode.end() || code->second.front() != m.id() ||
                m.international_prefix().empty() || !allDigits(m.international_prefix()) ||
                !allDigits(m.national_prefix_for_parsing()) ||
                !m.national_prefix_transform_rule().empty())
                continue;
            FastRegion r;
            r.countryCode = m.country_code();
            r.countryDigits = std::to_string(m.country_code());
            r.idd = m.international_prefix();
            r.nationalPrefix = m.national_prefix_for_parsing();
            if (code->second.size() == 1)
                r.metadata = std::make_shared<const i18n::phonenumbers::PhoneMetadata>(m);
            out.emplace(m.id(), std::move(r));
        }
        return out;
    }();
    return regions;
}

// The region's entry, or null when it does not qualify. A region code is two letters; the lookup
// key is made without a conversion to UTF-8 (this runs for every number of an import).
const FastRegion *fastRegion(QStringView code) {
    if (code.size() != 2 || code[0].unicode() >= 0x80 || code[1].unicode() >= 0x80)
        return nullptr;
    const char key[2] = {char(code[0].unicode()), char(code[1].unicode())};
    const auto &regions = fastRegions();
    const auto it = regions.find(std::string(key, 2));
    return it == regions.end() ? nullptr : &it->second;
}

// The E.164 form of folded text `s` when the fast path reads it exactly as Parse would and
// libphonenumber finds the number valid; "" otherwise (then Parse decides, errors included).
QString fastE164(QStringView s, QStringView defaultRegion) {
    if (s.size() > 40)
        return {};
    char buf[24];
    std::size_t n = 0;
    bool plus = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c >= u'0' && c <= u'9') {
            if (n == sizeof buf)
                return {};
            buf[n++] = char(c);
        } else if (c == u'+' && i == 0) {
            plus = true;
        } else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')') {
            return {};
        }
    }
    if (n < 3)
        return {};
    std::string_view digits(buf, n);
    const auto &regions = fastRegions();
    const FastRegion *r = nullptr;
    if (plus) {
        // Parse's ExtractCountryCode: the first of the leading one, two or three digits that is
        // a country code (none starts with 0).
        if (digits.front() == '0')
            return {};
        for (std::size_t len = 1; len <= 3 && len < digits.size(); ++len) {
            std::string region;
            util().GetRegionCodeForCountryCode(std::stoi(std::string(digits.substr(0, len))),
                                               &region);
            if (region == "ZZ")
                continue;
            const auto it = regions.find(region);
            if (it == regions.end())
                return {};
            r = &it->second;
            digits.remove_prefix(len);
            break;
        }
        if (!r)
            return {};
    } else {
        r = fastRegion(defaultRegion);
        if (!r)
            return {};
        // Parse would read an IDD (a call abroad) or the region's own country code here.
        if (digits.substr(0, r->idd.size()) == r->idd ||
            digits.substr(0, r->countryDigits.size()) == r->countryDigits)
            return {};
    }
    if (!r->nationalPrefix.empty() &&
        digits.substr(0, r->nationalPrefix.size()) == r->nationalPrefix)
        digits.remove_prefix(r->nationalPrefix.size());
    // A national number with a leading zero (Italy's kind) is Parse's to read; 2..17 digits.
    if (digits.size() < 2 || digits.size() > 17 || digits.front() == '0')
        return {};
    // The national significant number is these digits (no leading zero, checked above), as
    // UTF-16 for the patterns.
    char16_t national[17];
    std::copy(digits.begin(), digits.end(), national);
    bool possible = false;
    const bool sure = r->surelyValid(QStringView(national, qsizetype(digits.size())), &possible);
    if (!sure || !possible) {
        // libphonenumber decides.
        i18n::phonenumbers::PhoneNumber number;
        number.set_country_code(r->countryCode);
        number.set_national_number(std::stoull(std::string(digits)));
        const PhoneNumberUtil &u = util();
        if (!sure && !u.IsValidNumber(number))
            return {};
        if (!possible && u.IsPossibleNumberWithReason(number) != PhoneNumberUtil::IS_POSSIBLE)
            return {};
    }
    QString out;
    out.reserve(qsizetype(1 + r->countryDigits.size() + digits.size()));
    out += u'+';
    out += QLatin1StringView(r->countryDigits.data(), qsizetype(r->countryDigits.size()));
    out += QLatin1StringView(digits.data(), qsizetype(digits.size()));
    return out;
}

// True when `s` has only ASCII characters: then folded(s) is s.trimmed() (NFKC leaves ASCII as it
// is, and the dashes, 内線 and kanji numerals folded() turns are not ASCII), and the fast path
// reads it in place.
bool isAscii(QStringView s) {
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Checks and keys of the same number come in pairs (an import checks a row's numbers in
// io::leadFromRow, then keys them in storage::LeadKeys, on the same thread): the second is a
// lookup. Only valid numbers are kept, as their E.164 form (an error's text depends on the
// language, which may change), by the text as written, for one region at a time (an import has
// one). Returns the E.164 form of a valid number; "" and `*error` otherwise.
QString leanE164(const QString &text, const QString &defaultRegion, QString *error) {
    struct Recent {
        QString region;
        QHash<QString, QString> e164; // by the text as written
    };
    thread_local Recent recent;
    if (recent.region != defaultRegion) {
        recent.e164.clear();
        recent.region = defaultRegion;
    }
    if (const auto it = recent.e164.constFind(text); it != recent.e164.cend())
        return *it;
    QString e164 = isAscii(text) ? fastE164(QStringView(text).trimmed(), defaultRegion)
                                 : fastE164(folded(text), defaultRegion);
    if (e164.isEmpty()) {
        PhoneNumber p = parseUncached(text, defaultRegion, false);
        if (!p.valid) {
            *error = std::move(p.error);
            return {};
        }
        e164 = std::move(p.e164);
    }
    if (recent.e164.size() >= 256)
        recent.e164.clear();
    recent.e164.insert(text, e164);
    return e164;
}

} // namespace

QString fastPhoneE164(const QString &text, const QString &defaultRegion) {
    return fastE164(folded(text), defaultRegion);
}

PhoneNumber parsePhone(const QString &text, const QString &defaultRegion) {
    return parseUncached(text, defaultRegion, true);
}

QString phoneError(const QString &text, const QString &defaultRegion) {
    if (QStringView(text).trimmed().isEmpty())
        return {};
    QString error;
    leanE164(text, defaultRegion, &error);
    return error;
}

QString phoneKey(const QString &text, const QString &defaultRegion) {
    if (QStringView(text).trimmed().isEmpty())
        return {};
    QString error;
    if (QString e164 = leanE164(text, defaultRegion, &error); !e164.isEmpty())
        return e164;
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
        {"JP", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Japan")},
        {"US", QT_TRANSLATE_NOOP("mikomi::text::Phone", "United States")},
        {"CA", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Canada")},
        {"GB", QT_TRANSLATE_NOOP("mikomi::text::Phone", "United Kingdom")},
        {"IE", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Ireland")},
        {"AU", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Australia")},
        {"NZ", QT_TRANSLATE_NOOP("mikomi::text::Phone", "New Zealand")},
        {"DE", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Germany")},
        {"FR", QT_TRANSLATE_NOOP("mikomi::text::Phone", "France")},
        {"NL", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Netherlands")},
        {"KR", QT_TRANSLATE_NOOP("mikomi::text::Phone", "South Korea")},
        {"CN", QT_TRANSLATE_NOOP("mikomi::text::Phone", "China")},
        {"TW", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Taiwan")},
        {"HK", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Hong Kong")},
        {"SG", QT_TRANSLATE_NOOP("mikomi::text::Phone", "Singapore")},
        {"IN", QT_TRANSLATE_NOOP("mikomi::text::Phone", "India")},
    };
    QList<PhoneRegionName> out;
    for (const Entry &e : kRegions)
        out.append({QString::fromLatin1(e.code),
                    QCoreApplication::translate("mikomi::text::Phone", e.name)});
    return out;
}

} // namespace mikomi::text
