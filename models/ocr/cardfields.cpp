#include "models/ocr/cardfields.h"

#include "models/text/phone.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace mikomi::ocr {

namespace {

using RE = QRegularExpression;

const QString kCompany = QStringLiteral("company");
const QString kDepartment = QStringLiteral("department");
const QString kTitle = QStringLiteral("title");
const QString kFamily = QStringLiteral("family_name");
const QString kGiven = QStringLiteral("given_name");
const QString kFamilyReading = QStringLiteral("family_reading");
const QString kGivenReading = QStringLiteral("given_reading");
const QString kEmail = QStringLiteral("email");
const QString kPhone = QStringLiteral("phone");
const QString kMobile = QStringLiteral("mobile");
const QString kFax = QStringLiteral("fax");
const QString kPostal = QStringLiteral("postal_code");
const QString kPrefecture = QStringLiteral("prefecture");
const QString kCity = QStringLiteral("city");
const QString kStreet = QStringLiteral("street");
const QString kBuilding = QStringLiteral("building");
const QString kWebsite = QStringLiteral("website");
const QString kCountry = QStringLiteral("country");
const QString kCountryAsWritten = QStringLiteral("country_as_written");

struct Work {
    QString text; // NFKC, trimmed
    const TextLine *line;
    int index;
    bool used = false;
};

bool isKana(QChar c) {
    const ushort u = c.unicode();
    return (u >= 0x3041 && u <= 0x30ff) || u == 0x30fc;
}

bool allKana(const QString &s) {
    int n = 0;
    for (const QChar c : s) {
        if (c.isSpace() || c == QChar(0x30fb))
            continue;
        if (!isKana(c))
            return false;
        ++n;
    }
    return n >= 2;
}

bool allLatinWords(const QString &s) {
    static const RE re(QStringLiteral("^[A-Za-z][A-Za-z'\\-]*( +[A-Za-z][A-Za-z'\\-]*)+$"));
    return re.match(s).hasMatch();
}

bool hasCjk(const QString &s) {
    return std::any_of(s.begin(), s.end(), [](QChar c) { return isCjk(c); });
}

// Spaces between two CJK characters removed (OCR gaps inside a word); others kept.
QString glueCjk(const QString &s) {
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char(' ') && i > 0 && i + 1 < s.size() && isCjk(s.at(i - 1)) &&
            isCjk(s.at(i + 1)))
            continue;
        out += s.at(i);
    }
    return out;
}

int digitCount(const QString &s) {
    return int(std::count_if(s.begin(), s.end(), [](QChar c) { return c.isDigit(); }));
}

// Hyphen look-alikes (and the ・ of vertical numbers) as '-'.
QString hyphens(QString s) {
    static const RE re(QStringLiteral("[‐‑‒–—―−ー－・]"));
    s.replace(re, QStringLiteral("-"));
    return s;
}

void put(CardFields &f, const QString &key, const QString &value, const Work &w, double cap = 1.0) {
    const QString v = value.trimmed();
    if (v.isEmpty() || f.fields.contains(key))
        return;
    Field field;
    field.value = v;
    field.confidence = std::min(cap, w.line->confidence / 100.0);
    field.box = w.line->box;
    field.line = w.index;
    f.fields.insert(key, field);
}

// "Kenichi Okada" → given first; an all-capitals word is the family name ("OKADA Kenichi").
std::pair<QString, QString> splitLatinName(const QString &s) {
    QStringList parts = s.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {s, QString()};
    for (int i = 0; i < parts.size(); ++i) {
        const QString &p = parts.at(i);
        if (p.size() > 1 && p == p.toUpper() && p != p.toLower()) {
            const QString family = p;
            parts.removeAt(i);
            return {family, parts.join(QLatin1Char(' '))};
        }
    }
    const QString family = parts.takeLast();
    return {family, parts.join(QLatin1Char(' '))};
}

// A company's legal form, anywhere in a line.
const QRegularExpression &legalForm() {
    static const RE re(QStringLiteral(
        "株式会社|\\(株\\)|有限会社|\\(有\\)|合同会社|合資会社|合名会社|一般社団法人|"
        "\\bInc\\b\\.?|\\bCo\\.,?\\s*Ltd\\b|\\bLtd\\b|\\bGmbH\\b|\\bLLC\\b|\\bCorp\\b|"
        "\\bCorporation\\b|\\bK\\.K\\.|\\bAG\\b|\\bS\\.A\\.|\\bB\\.V\\.|\\bPLC\\b|\\bLLP\\b"));
    return re;
}

const QStringList &jaTitles() {
    static const QStringList t = [] {
        QStringList l{
            QStringLiteral("代表取締役社長"), QStringLiteral("代表取締役"),
            QStringLiteral("取締役"),         QStringLiteral("執行役員"),
            QStringLiteral("社長"),           QStringLiteral("副社長"),
            QStringLiteral("専務"),           QStringLiteral("常務"),
            QStringLiteral("本部長"),         QStringLiteral("部長代理"),
            QStringLiteral("部長"),           QStringLiteral("次長"),
            QStringLiteral("課長代理"),       QStringLiteral("課長"),
            QStringLiteral("係長"),           QStringLiteral("主任"),
            QStringLiteral("室長"),           QStringLiteral("所長"),
            QStringLiteral("支店長"),         QStringLiteral("店長"),
            QStringLiteral("マネージャー"),   QStringLiteral("マネジャー"),
            QStringLiteral("リーダー"),       QStringLiteral("エンジニア"),
            QStringLiteral("主査"),           QStringLiteral("担当"),
        };
        std::stable_sort(l.begin(), l.end(),
                         [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return l;
    }();
    return t;
}

} // namespace

const QStringList &fieldNames() {
    static const QStringList names{kCompany,
                                   QStringLiteral("company_reading"),
                                   kDepartment,
                                   kTitle,
                                   kFamily,
                                   kGiven,
                                   kFamilyReading,
                                   kGivenReading,
                                   kEmail,
                                   kPhone,
                                   kMobile,
                                   kFax,
                                   kPostal,
                                   kPrefecture,
                                   kCity,
                                   kStreet,
                                   kBuilding,
                                   kCountry,
                                   kCountryAsWritten,
                                   kWebsite};
    return names;
}

Certainty CardFields::certainty(const QString &key) const {
    const auto it = fields.constFind(key);
    if (it == fields.constEnd() || it->value.isEmpty())
        return Certainty::Empty;
    return it->confidence >= confidentFrom ? Certainty::Confident : Certainty::Check;
}

void CardFields::fillFrom(const CardFields &other) {
    const bool cjkName = hasCjk(value(kFamily) + value(kGiven));
    const bool latinBack =
        !other.value(kFamily).isEmpty() && !hasCjk(other.value(kFamily) + other.value(kGiven));
    for (auto it = other.fields.constBegin(); it != other.fields.constEnd(); ++it) {
        const QString &key = it.key();
        if (cjkName && latinBack && (key == kFamily || key == kGiven)) {
            // The back in English: the name in Latin letters is how the front's name is read.
            const QString reading = key == kFamily ? kFamilyReading : kGivenReading;
            if (!fields.contains(reading))
                fields.insert(reading, it.value());
            continue;
        }
        if (!fields.contains(key))
            fields.insert(key, it.value());
    }
}

QString CardFields::phoneRegion(const QString &fileRegion) const {
    const QString code = value(kCountry);
    return code.size() == 2 && text::isPhoneRegion(code) ? code : fileRegion;
}

void CardFields::addCountryCodes(const QString &fileRegion) {
    const QString region = phoneRegion(fileRegion);
    if (region == fileRegion)
        return;
    for (const QString &key : {kPhone, kMobile, kFax}) {
        const auto it = fields.find(key);
        if (it == fields.end())
            continue;
        const QString written = it->value.normalized(QString::NormalizationForm_KC).trimmed();
        if (written.startsWith(u'+') || written.startsWith(QLatin1String("00")))
            continue;
        const text::PhoneNumber n = text::parsePhone(it->value, region);
        if (n.valid)
            it->value = n.international;
    }
}

bool hasLatin(const QString &text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
    });
}

QString asciiDigits(const QString &text) {
    static const QString kanji = QStringLiteral("〇一二三四五六七八九");
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const int k = kanji.indexOf(c);
        if (k >= 0)
            out += QChar(u'0' + k);
        else if (c.unicode() >= 0xff10 && c.unicode() <= 0xff19)
            out += QChar(u'0' + (c.unicode() - 0xff10));
        else
            out += c;
    }
    return out;
}

QString trimStrayTrailing(const QString &company) {
    // Never part of a company name, attached or not (NFKC has made ™ "TM" and ｜ "|").
    static const QString logoMarks = QStringLiteral("®©|¦‖•●■□◆◇★☆▲△▼▽○◎*~_^`\\");
    // What a logo's bar or a trademark sign reads as, after a legal form only.
    static const RE afterLegalForm(QStringLiteral(
        "(?:\\bInc\\.?|\\bIncorporated|\\bCo\\.?|\\bCompany|\\bLtd\\.?|\\bLimited|\\bGmbH|"
        "\\bLLC|\\bCorp\\.?|\\bCorporation|\\bK\\.K\\.|\\bAG|\\bS\\.A\\.|\\bB\\.V\\.|"
        "\\bPLC|\\bLLP|株式会社|有限会社|合同会社|\\(株\\)|\\(有\\))"
        "\\s+(I|l|1|TM|SM)$"));
    QString s = company.trimmed();
    for (int round = 0; round < 3 && s.size() > 1; ++round) {
        const QChar last = s.back();
        const bool lone = s.at(s.size() - 2).isSpace();
        if (logoMarks.contains(last) || (lone && !last.isLetterOrNumber())) {
            s.chop(1);
        } else if (const QRegularExpressionMatch m = afterLegalForm.match(s); m.hasMatch()) {
            s.truncate(m.capturedStart(1));
        } else {
            break;
        }
        s = s.trimmed();
    }
    return s.isEmpty() ? company.trimmed() : s;
}

namespace {
// A country name as a key: NFKC, case-folded, letters only ("U.S.A." and "usa" alike).
QString countryKey(const QString &name) {
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_KC).toCaseFolded())
        if (c.isLetter())
            out += c;
    return out;
}
} // namespace

QString countryCode(const QString &written) {
    static const QHash<QString, QString> codes = [] {
        QHash<QString, QString> h;
        // Every territory Qt knows, by its English name and by its name in each of its
        // languages (CLDR: Deutschland, 日本, España, 中国, 대한민국 …).
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() == 2)
                h.insert(countryKey(QLocale::territoryToString(territory)), code);
        }
        for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                         QLocale::AnyTerritory)) {
            const QString code = QLocale::territoryToCode(l.territory());
            if (code.size() == 2 && !l.nativeTerritoryName().isEmpty())
                h.insert(countryKey(l.nativeTerritoryName()), code);
        }
        // As cards write them besides.
        const std::pair<const char *, const char *> aliases[] = {
            {"USA", "US"},
            {"US", "US"},
            {"America", "US"},
            {"United States of America", "US"},
            {"UK", "GB"},
            {"Great Britain", "GB"},
            {"Britain", "GB"},
            {"England", "GB"},
            {"Scotland", "GB"},
            {"Wales", "GB"},
            {"Northern Ireland", "GB"},
            {"Nippon", "JP"},
            {"Nihon", "JP"},
            {"日本国", "JP"},
            {"Korea", "KR"},
            {"Republic of Korea", "KR"},
            {"Holland", "NL"},
            {"Vietnam", "VN"},
            {"PRC", "CN"},
            {"P.R. China", "CN"},
            {"米国", "US"},
            {"アメリカ", "US"},
            {"アメリカ合衆国", "US"},
            {"英国", "GB"},
            {"イギリス", "GB"},
            {"ドイツ", "DE"},
            {"フランス", "FR"},
            {"中国", "CN"},
            {"韓国", "KR"},
            {"台湾", "TW"},
            {"シンガポール", "SG"},
        };
        for (const auto &[name, code] : aliases)
            h.insert(countryKey(QString::fromUtf8(name)), QString::fromLatin1(code));
        return h;
    }();
    const QString key = countryKey(written);
    return key.isEmpty() ? QString() : codes.value(key);
}

AddressParts splitJapaneseAddress(const QString &address) {
    AddressParts a;
    QString rest = glueCjk(address.trimmed());
    static const RE pref(QStringLiteral("^(東京都|北海道|京都府|大阪府|.{2,3}?県)"));
    if (const auto m = pref.match(rest); m.hasMatch()) {
        a.prefecture = m.captured(1);
        rest = rest.mid(m.capturedLength(1)).trimmed();
    }
    // 市区町村: a county's town, a designated city with its ward, or one city, ward, town, village.
    static const RE city(
        QStringLiteral("^([^\\d\\s]+?郡[^\\d\\s]+?[町村]|[^\\d\\s]+?市[^\\d\\s]+?区|"
                       "[^\\d\\s]+?[市区町村])"));
    static const RE designated(QStringLiteral("^[^\\d\\s]+?市[^\\d\\s]+?区"));
    if (auto m = city.match(rest); m.hasMatch()) {
        QString c = m.captured(1);
        // A ward after a city only for the designated cities: 大阪市中央区, not 府中市…区….
        if (c.endsWith(QChar(u'区')) && c.contains(QChar(u'市'))) {
            const int cut = int(c.indexOf(QChar(u'市'))) + 1;
            const QString after = c.mid(cut);
            if (after.size() > 4)
                c = c.left(cut);
        }
        (void)designated;
        a.city = c;
        rest = rest.mid(c.size()).trimmed();
    }
    // The building: after a space, or what follows the last block number when it names one.
    const int space = int(rest.indexOf(QRegularExpression(QStringLiteral("\\s"))));
    if (space > 0) {
        a.street = rest.left(space).trimmed();
        a.building = rest.mid(space).trimmed();
    } else {
        static const RE num(QStringLiteral(
            "^(.*?\\d+(?:[-‐−ー－]\\d+)*(?:番地|番|号)?)(\\D.*(?:ビル|タワー|館|棟|階|F|センター|"
            "マンション|ハイツ|プラザ|ヒルズ).*)$"));
        if (const auto m = num.match(rest); m.hasMatch()) {
            a.street = m.captured(1);
            a.building = m.captured(2);
        } else {
            a.street = rest;
        }
    }
    return a;
}

namespace {

bool isCountry(const QString &part) {
    return !countryCode(part).isEmpty();
}

// Japan's prefectures in Latin letters, with or without -to/-fu/-ken or " Prefecture".
bool isJapanesePrefecture(const QString &part) {
    static const QStringList names{
        QStringLiteral("hokkaido"),  QStringLiteral("aomori"),    QStringLiteral("iwate"),
        QStringLiteral("miyagi"),    QStringLiteral("akita"),     QStringLiteral("yamagata"),
        QStringLiteral("fukushima"), QStringLiteral("ibaraki"),   QStringLiteral("tochigi"),
        QStringLiteral("gunma"),     QStringLiteral("saitama"),   QStringLiteral("chiba"),
        QStringLiteral("tokyo"),     QStringLiteral("kanagawa"),  QStringLiteral("niigata"),
        QStringLiteral("toyama"),    QStringLiteral("ishikawa"),  QStringLiteral("fukui"),
        QStringLiteral("yamanashi"), QStringLiteral("nagano"),    QStringLiteral("gifu"),
        QStringLiteral("shizuoka"),  QStringLiteral("aichi"),     QStringLiteral("mie"),
        QStringLiteral("shiga"),     QStringLiteral("kyoto"),     QStringLiteral("osaka"),
        QStringLiteral("hyogo"),     QStringLiteral("nara"),      QStringLiteral("wakayama"),
        QStringLiteral("tottori"),   QStringLiteral("shimane"),   QStringLiteral("okayama"),
        QStringLiteral("hiroshima"), QStringLiteral("yamaguchi"), QStringLiteral("tokushima"),
        QStringLiteral("kagawa"),    QStringLiteral("ehime"),     QStringLiteral("kochi"),
        QStringLiteral("fukuoka"),   QStringLiteral("saga"),      QStringLiteral("nagasaki"),
        QStringLiteral("kumamoto"),  QStringLiteral("oita"),      QStringLiteral("miyazaki"),
        QStringLiteral("kagoshima"), QStringLiteral("okinawa"),
    };
    static const RE suffix(QStringLiteral("(?:[- ](?:to|fu|ken|prefecture))$"),
                           RE::CaseInsensitiveOption);
    QString p = part.trimmed().toLower();
    p.remove(suffix);
    return names.contains(p);
}

// A part of an address that names a building, suite, floor or room.
bool isBuildingPart(const QString &part) {
    static const RE re(
        QStringLiteral("\\b(?:suite|ste\\.?|floor|fl\\.?|bldg\\.?|building|tower|house|unit|room|"
                       "rm\\.?|apt\\.?|centre|center|plaza|court)\\b|^#\\s*\\d|\\b\\d+(?:f|st|nd|"
                       "rd|th)\\s*(?:floor|fl\\.?)?$|^\\d+f\\b"),
        RE::CaseInsensitiveOption);
    return re.match(part).hasMatch();
}

// A part that names a Japanese city or ward in Latin letters (Chiyoda-ku, Yokohama-shi, Kita-ku).
bool isJapaneseCityPart(const QString &part) {
    static const RE re(QStringLiteral("[- ](?:ku|shi|cho|machi|mura|son|gun|city|ward)$"),
                       RE::CaseInsensitiveOption);
    return re.match(part.trimmed()).hasMatch();
}

} // namespace

AddressParts splitEnglishAddress(const QString &address) {
    AddressParts a;
    QStringList parts;
    for (const QString &p : address.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            parts << p.simplified();
    if (parts.isEmpty())
        return a;
    if (parts.size() > 1 && isCountry(parts.last()))
        a.country = parts.takeLast();

    // The postal code, from the end; what shares its part is the city, state or prefecture.
    static const RE jp(QStringLiteral("^(.*?)\\s*〒?\\s*(?<![\\d-])(\\d{3}-\\d{4})$"));
    static const RE us(QStringLiteral("^(?:(.*?)\\s+)?([A-Z]{2})\\s+(\\d{5}(?:-\\d{4})?)$"));
    static const RE uk(QStringLiteral("^(.*?)\\s*\\b([A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})$"));
    static const RE ca(
        QStringLiteral("^(?:(.*?)\\s+)?([A-Z]{2})\\s+([A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)$"));
    static const RE eu(QStringLiteral("^(?:[A-Z]{1,2}-)?(\\d{4,5})\\s+(\\D+)$"));
    enum class Kind { None, Japan, Us, Uk, Europe } kind = Kind::None;
    int at = -1;
    for (int i = int(parts.size()) - 1; i >= 0 && kind == Kind::None; --i) {
        const QString &p = parts.at(i);
        if (const auto m = jp.match(p); m.hasMatch()) {
            kind = Kind::Japan;
            a.postalCode = m.captured(2);
            a.prefecture = m.captured(1);
        } else if (const auto m = us.match(p); m.hasMatch()) {
            kind = Kind::Us;
            a.city = m.captured(1);
            a.prefecture = m.captured(2);
            a.postalCode = m.captured(3);
        } else if (const auto m = ca.match(p); m.hasMatch()) {
            kind = Kind::Us;
            a.city = m.captured(1);
            a.prefecture = m.captured(2);
            a.postalCode = m.captured(3);
        } else if (const auto m = uk.match(p); m.hasMatch()) {
            kind = Kind::Uk;
            a.city = m.captured(1);
            a.postalCode = m.captured(2);
        } else if (const auto m = eu.match(p); m.hasMatch() && i > 0) {
            kind = Kind::Europe;
            a.postalCode = m.captured(1);
            a.city = m.captured(2).trimmed();
        } else {
            continue;
        }
        at = i;
    }
    if (kind == Kind::None) {
        a.country.clear();
        a.street = address.simplified();
        return a;
    }
    // Parts after the postal code's (a country not in the list, a county): kept in the street
    // rather than lost.
    QStringList after = parts.mid(at + 1);
    parts = parts.mid(0, at);

    if (kind == Kind::Japan) {
        if (!a.prefecture.isEmpty() && !isJapanesePrefecture(a.prefecture)) {
            // "Osaka-shi 530-0001": a city, no prefecture.
            a.city = a.prefecture;
            a.prefecture.clear();
        }
        if (a.prefecture.isEmpty() && !parts.isEmpty() && isJapanesePrefecture(parts.last()))
            a.prefecture = parts.takeLast();
        QStringList cities;
        while (!parts.isEmpty() && isJapaneseCityPart(parts.last()))
            cities.prepend(parts.takeLast());
        if (!cities.isEmpty())
            a.city = a.city.isEmpty()
                         ? cities.join(QStringLiteral(", "))
                         : cities.join(QStringLiteral(", ")) + QStringLiteral(", ") + a.city;
    } else if (a.city.isEmpty() && !parts.isEmpty()) {
        // "Springfield, IL 62701" / "London, SW1A 2AA"
        a.city = parts.takeLast();
    }

    // "Suite 200", "Marunouchi Bldg. 5F" are the building; "221B Baker Street", "12 Kings
    // Court" (a house number first) the street.
    static const RE houseNumber(QStringLiteral("^\\d+[A-Za-z]?\\s+[A-Za-z]"));
    QStringList street, building;
    for (const QString &p : std::as_const(parts))
        (parts.size() > 1 && isBuildingPart(p) && !houseNumber.match(p).hasMatch() ? building
                                                                                   : street)
            << p;
    street << after;
    a.street = street.join(QStringLiteral(", "));
    a.building = building.join(QStringLiteral(", "));
    return a;
}

CardFields extractFields(const Page &page) {
    CardFields f;
    QList<Work> lines;
    for (int i = 0; i < page.lines.size(); ++i) {
        const TextLine &l = page.lines.at(i);
        const QString t = l.text.normalized(QString::NormalizationForm_KC).simplified();
        if (!t.isEmpty())
            lines.append(Work{t, &l, i});
    }

    // Email: spaces the OCR put around . @ - removed, a comma read for a dot.
    static const RE emailLabel(QStringLiteral("^(?:e-?mail|mail|email)\\s*[:.]?\\s*"),
                               RE::CaseInsensitiveOption);
    static const RE emailRe(
        QStringLiteral("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+"));
    for (Work &w : lines) {
        if (!w.text.contains(QLatin1Char('@')))
            continue;
        QString c = w.text;
        c.replace(emailLabel, QString());
        c.remove(QLatin1Char(' '));
        c.replace(QLatin1Char(','), QLatin1Char('.'));
        if (const auto m = emailRe.match(c); m.hasMatch()) {
            put(f, kEmail, m.captured(0), w);
            w.used = true;
        }
    }

    // URL: a line with www. or http, or a bare domain on a line of its own.
    static const RE urlLabel(QStringLiteral("^(?:url|web|hp)\\s*[:.]?\\s*"),
                             RE::CaseInsensitiveOption);
    static const RE urlRe(QStringLiteral(
        "(?:https?://)?(?:www\\.)?[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+(?:/[^\\s]*)?"));
    for (Work &w : lines) {
        if (w.used)
            continue;
        QString c = w.text;
        c.replace(urlLabel, QString());
        const bool marked = c.contains(QLatin1String("www"), Qt::CaseInsensitive) ||
                            c.contains(QLatin1String("http"), Qt::CaseInsensitive);
        c.remove(QLatin1Char(' '));
        c.replace(QLatin1Char(','), QLatin1Char('.'));
        const auto m = urlRe.match(c);
        if (!m.hasMatch())
            continue;
        // Not a company's words run together ("Acme Widgets, Inc. TM" is no
        // AcmeWidgets.Inc.TM).
        const bool alone =
            m.capturedLength(0) == c.size() && digitCount(c) < 3 &&
            c.count(QLatin1Char('.')) >= 2 && !hasCjk(c) &&
            !(w.text.contains(QLatin1Char(' ')) && legalForm().match(w.text).hasMatch());
        if (marked || alone) {
            put(f, kWebsite, m.captured(0), w);
            w.used = true;
        }
    }

    // Telephone numbers with their labels; unlabelled 070/080/090 numbers are mobiles.
    static const RE labelled(
        QStringLiteral("(?<![A-Za-z])(TEL|Tel|tel|Phone|PHONE|phone|T|電話|代表|FAX|Fax|fax|PAX|F|"
                       "携帯|Mobile|MOBILE|mobile|Mob|Cell|M|直通|Direct|DIRECT|D)\\.?\\s*[:.]?\\s*"
                       "(\\+?\\(?\\d[\\d\\-\\s().]{6,}\\d)"
                       "(?:\\s*(?:内線|ext\\.?|Ext\\.?|EXT\\.?|x)\\s*(\\d{1,5}))?"));
    static const RE bare(QStringLiteral("(?<![\\d])(\\+?\\(?\\d[\\d\\-\\s().]{7,}\\d)"));
    QString direct;
    const Work *directLine = nullptr;
    for (Work &w : lines) {
        if (w.used)
            continue;
        QString src = w.text;
        // On a vertical card the numbers are kanji numerals between ・, and 一 (one) is read as
        // a dash: there a dash is a one.
        if (page.vertical)
            src.replace(QRegularExpression(QStringLiteral("[-ー－‐]")), QStringLiteral("一"));
        // Matched on ASCII digits and hyphens (one character for one, so a match's place is
        // its place in src), kept as the card writes it: 〇三―一二三四―五六七八 内線 二〇一 stays
        // so (libphonenumber's key for it is +81312345678, models/text/phone.cpp), with the
        // extension.
        const QString t = hyphens(asciiDigits(src));
        bool any = false;
        auto it = labelled.globalMatch(t);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString label = m.captured(1).toLower();
            if (digitCount(m.captured(2)) < 9)
                continue;
            const int last = m.capturedLength(3) > 0 ? 3 : 2;
            QString number =
                src.mid(m.capturedStart(2), m.capturedEnd(last) - m.capturedStart(2)).trimmed();
            if (page.vertical)
                number.remove(QLatin1Char(' '));
            any = true;
            if (label == QLatin1String("fax") || label == QLatin1String("f") ||
                label == QLatin1String("pax"))
                put(f, kFax, number, w);
            else if (label == QStringLiteral("携帯") || label.startsWith(QLatin1String("mob")) ||
                     label == QLatin1String("m") || label == QLatin1String("cell"))
                put(f, kMobile, number, w);
            else if (label == QStringLiteral("直通") || label == QLatin1String("direct") ||
                     label == QLatin1String("d")) {
                direct = number;
                directLine = &w;
            } else
                put(f, kPhone, number, w);
        }
        if (!any && !t.contains(QStringLiteral("〒"))) {
            auto b = bare.globalMatch(t);
            while (b.hasNext()) {
                const auto m = b.next();
                const QString number = src.mid(m.capturedStart(1), m.capturedLength(1)).trimmed();
                const QString digits =
                    asciiDigits(number).remove(QRegularExpression(QStringLiteral("\\D")));
                if (digits.size() < 10 || digits.size() > 13)
                    continue;
                any = true;
                if (QRegularExpression(QStringLiteral("^0[789]0")).match(digits).hasMatch())
                    put(f, kMobile, number, w);
                else
                    put(f, kPhone, number, w);
            }
        }
        if (any)
            w.used = true;
    }
    if (directLine) {
        // The direct line is the person's own: it goes first, the switchboard is dropped.
        f.fields.remove(kPhone);
        put(f, kPhone, direct, *directLine);
    }

    // Postal code and address. 〒 is often read as 7, T or F at the start of a line.
    static const RE jpPostal(QStringLiteral("(?:〒\\s*|^[T7F]?\\s*)(\\d{3})\\s*-\\s*(\\d{4})"));
    static const RE enJpPostal(QStringLiteral("\\b(\\d{3}-\\d{4})\\b"));
    static const RE dePostal(QStringLiteral("\\b(\\d{5})\\s+[A-Z][a-zäöüß]+"));
    static const RE usPostal(QStringLiteral("\\b[A-Z]{2}\\s+(\\d{5}(?:-\\d{4})?)\\b"));
    static const RE ukPostal(QStringLiteral("\\b([A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})\\b"));
    static const RE prefStart(QStringLiteral("^(東京都|北海道|京都府|大阪府|.{2,3}県)"));
    for (int i = 0; i < lines.size(); ++i) {
        Work &w = lines[i];
        if (w.used)
            continue;
        const QString t = hyphens(w.text);
        if (const auto m = jpPostal.match(t);
            m.hasMatch() && (hasCjk(t) || m.capturedStart() == 0)) {
            put(f, kPostal, m.captured(1) + QLatin1Char('-') + m.captured(2), w);
            w.used = true;
            // From the line as read: hyphens() maps one character to one, so the positions hold
            // (and ー stays ー in the building's name).
            QString address = w.text.mid(m.capturedEnd()).trimmed();
            const Work *from = &w;
            if (address.isEmpty() && i + 1 < lines.size() && !lines.at(i + 1).used) {
                from = &lines.at(i + 1);
                address = lines.at(i + 1).text;
                lines[i + 1].used = true;
            }
            if (hasCjk(address)) {
                const AddressParts a = splitJapaneseAddress(address);
                put(f, kPrefecture, a.prefecture, *from);
                put(f, kCity, a.city, *from);
                put(f, kStreet, a.street, *from);
                put(f, kBuilding, a.building, *from);
            } else {
                put(f, kStreet, address, *from);
            }
            break;
        }
        if (!hasCjk(t)) {
            bool postal = false;
            for (const RE *re : {&enJpPostal, &usPostal, &ukPostal, &dePostal})
                postal = postal || re->match(t).hasMatch();
            if (!postal)
                continue;
            // The address in Latin letters, split at its commas. A street on the line above
            // ("500 Main Street, Suite 200" / "Springfield, IL 62701") and a country alone on
            // the line below belong to it.
            QString address = t;
            static const RE streetStart(QStringLiteral("^\\d+[A-Za-z]?(?:[-\\s]|$)"));
            if (i > 0 && !lines.at(i - 1).used && !hasCjk(lines.at(i - 1).text) &&
                streetStart.match(lines.at(i - 1).text).hasMatch() &&
                !streetStart.match(address).hasMatch()) {
                address = lines.at(i - 1).text + QStringLiteral(", ") + address;
                lines[i - 1].used = true;
            }
            if (i + 1 < lines.size() && !lines.at(i + 1).used && isCountry(lines.at(i + 1).text)) {
                address += QStringLiteral(", ") + lines.at(i + 1).text;
                lines[i + 1].used = true;
            }
            const AddressParts a = splitEnglishAddress(address);
            put(f, kPostal, a.postalCode, w);
            put(f, kPrefecture, a.prefecture, w);
            put(f, kCity, a.city, w);
            put(f, kStreet, a.street, w);
            put(f, kBuilding, a.building, w);
            // The country as the card writes it; Japan when a Japanese prefecture and 〒 code
            // say so without it (to check).
            // As the rest of the app keeps countries (the file's country, the phone region):
            // the ISO 3166 code ("Deutschland" → DE, "USA" → US); the card's own words beside it.
            if (!a.country.isEmpty()) {
                const QString code = countryCode(a.country);
                put(f, kCountry, code.isEmpty() ? a.country : code, w);
                put(f, kCountryAsWritten, a.country, w);
            } else if (isJapanesePrefecture(a.prefecture) &&
                       enJpPostal.match(a.postalCode).hasMatch()) {
                put(f, kCountry, QStringLiteral("JP"), w, 0.6);
            }
            w.used = true;
            break;
        }
    }
    if (!f.has(kPrefecture) && !f.has(kStreet)) {
        // An address without a postal code (vertical cards often have none).
        for (Work &w : lines) {
            if (w.used || !prefStart.match(w.text).hasMatch())
                continue;
            const AddressParts a = splitJapaneseAddress(w.text);
            if (a.city.isEmpty())
                continue;
            put(f, kPrefecture, a.prefecture, w);
            put(f, kCity, a.city, w);
            put(f, kStreet, a.street, w);
            put(f, kBuilding, a.building, w);
            w.used = true;
            break;
        }
    }

    // Company: a legal form.
    for (Work &w : lines) {
        const QString c = glueCjk(w.text);
        if (w.used || !legalForm().match(c).hasMatch())
            continue;
        put(f, kCompany, trimStrayTrailing(c), w);
        w.used = true;
        break;
    }

    // Department and title (Japanese keywords at the end of a line; an English title line).
    static const RE enTitle(
        QStringLiteral("\\b(Manager|Director|Engineer|President|CEO|CTO|CFO|COO|CMO|VP|Officer|"
                       "Consultant|Specialist|Representative|Executive|Head|Lead|Designer|"
                       "Developer|Partner|Founder|Chairman|Analyst|Architect|Coordinator|"
                       "Administrator|Supervisor|Associate|Chief)\\b"),
        RE::CaseInsensitiveOption);
    static const RE deptEnd(QStringLiteral(
        "(部|課|室|本部|グループ|センター|チーム|事業部|Department|Dept\\.?|Division|Group)$"));
    for (Work &w : lines) {
        if (w.used || f.has(kTitle) || digitCount(w.text) > 2)
            continue;
        if (hasCjk(w.text)) {
            const QString t = glueCjk(w.text);
            int bestEnd = -1, bestStart = -1;
            for (const QString &k : jaTitles()) {
                const int at = int(t.lastIndexOf(k));
                if (at < 0 || at + k.size() != t.size())
                    continue;
                if (at + int(k.size()) > bestEnd || (at + k.size() == bestEnd && at < bestStart)) {
                    bestEnd = int(at + k.size());
                    bestStart = at;
                }
            }
            if (bestStart >= 0) {
                put(f, kTitle, t.mid(bestStart), w);
                put(f, kDepartment, t.left(bestStart).trimmed(), w);
                w.used = true;
            }
        } else if (enTitle.match(w.text).hasMatch() && !w.text.contains(QLatin1Char('@'))) {
            put(f, kTitle, w.text, w);
            w.used = true;
        }
    }
    if (!f.has(kDepartment)) {
        for (Work &w : lines) {
            if (w.used || digitCount(w.text) > 0 || !deptEnd.match(w.text).hasMatch())
                continue;
            put(f, kDepartment, w.text, w);
            w.used = true;
            break;
        }
    }

    // The name: the line of the largest type left over; its reading is the kana or romaji line
    // closest above or below it.
    Work *name = nullptr;
    for (Work &w : lines) {
        if (w.used || digitCount(w.text) > 0 || w.text.size() < 2)
            continue;
        if (!name || w.line->glyphSize() > name->line->glyphSize())
            name = &w;
    }
    if (name) {
        name->used = true;
        const QString t = name->text;
        if (hasCjk(t)) {
            const QStringList parts = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() >= 2) {
                put(f, kFamily, parts.first(), *name);
                put(f, kGiven, parts.mid(1).join(QString()), *name);
            } else if (t.size() >= 2) {
                // No gap to split at: a guess (most family names have two characters).
                const int cut = t.size() >= 4 ? 2 : 1;
                put(f, kFamily, t.left(cut), *name, 0.6);
                put(f, kGiven, t.mid(cut), *name, 0.6);
            }
            Work *reading = nullptr;
            int bestGap = std::numeric_limits<int>::max();
            const QRect nb = name->line->box;
            for (Work &w : lines) {
                if (w.used || !(allKana(w.text) || allLatinWords(w.text)))
                    continue;
                const QRect b = w.line->box;
                const int gap = page.vertical ? std::min(std::abs(b.left() - nb.right()),
                                                         std::abs(nb.left() - b.right()))
                                              : std::min(std::abs(b.top() - nb.bottom()),
                                                         std::abs(nb.top() - b.bottom()));
                if (gap < bestGap && gap < 2 * name->line->glyphSize()) {
                    bestGap = gap;
                    reading = &w;
                }
            }
            if (reading) {
                reading->used = true;
                const QString r = reading->text;
                if (allKana(r)) {
                    const QStringList rp = r.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                    if (rp.size() >= 2) {
                        put(f, kFamilyReading, rp.first(), *reading);
                        put(f, kGivenReading, rp.mid(1).join(QString()), *reading);
                    }
                } else {
                    const auto [family, given] = splitLatinName(r);
                    put(f, kFamilyReading, family, *reading);
                    put(f, kGivenReading, given, *reading);
                }
            }
        } else {
            // A name in Latin letters on a card written in Japanese is most often its reading
            // line, the name above it having been missed (WATANABE Yumi read at 95% while 渡辺
            // 由美 was not read at all): to check, however surely it was read.
            const bool japaneseCard = std::any_of(lines.cbegin(), lines.cend(),
                                                  [](const Work &w) { return hasCjk(w.text); });
            const auto [family, given] = splitLatinName(t);
            put(f, kFamily, family, *name, japaneseCard ? 0.6 : 1.0);
            put(f, kGiven, given, *name, japaneseCard ? 0.6 : 1.0);
        }
    }
    return f;
}

} // namespace mikomi::ocr
