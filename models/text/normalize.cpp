#include "models/text/normalize.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace mikomi::text {

QString nfkcSimplified(const QString &s) {
    return s.normalized(QString::NormalizationForm_KC).simplified();
}

namespace {

// Characters that NFKC and case folding leave as they are, alone and in any sequence, but for
// ASCII's A-Z, which fold to a-z: ASCII, hiragana (ぁ-ゖ), katakana (ァ-ヶ) with the prolonged
// sound mark ー, and the CJK unified ideographs. None has a decomposition or a case, none
// composes with another (the combining voiced sound marks U+3099-U+309C are not among them).
// tst_normalize::caseFoldByHand compares every one of them, and mixed texts, with Qt.
bool foldsByHand(char16_t c) {
    return c < 0x80 || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30F6) ||
           c == 0x30FC || (c >= 0x4E00 && c <= 0x9FFF);
}

// NFKC, then case folding (QString::toCaseFolded).
QString nfkcCaseFolded(const QString &s) {
    const QStringView v(s);
    if (!std::all_of(v.begin(), v.end(), [](QChar c) { return foldsByHand(c.unicode()); }))
        return s.normalized(QString::NormalizationForm_KC).toCaseFolded();
    // Most names and companies: no Unicode tables, and no copy when nothing is upper case.
    QString out = s;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t c = out.at(i).unicode();
        if (c >= u'A' && c <= u'Z')
            out[i] = QChar(char16_t(c + (u'a' - u'A')));
    }
    return out;
}

} // namespace

QString foldKey(const QString &s) {
    // Case folding does not touch white space, so it may come before simplified().
    return nfkcCaseFolded(s).simplified();
}

QString foldPhoneText(const QString &s) {
    QString out = s.normalized(QString::NormalizationForm_KC).trimmed();
    for (QChar &c : out) {
        switch (c.unicode()) {
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
        case 0x30FC:
        case 0xFF70:
            c = u'-';
            break;
        default:
            break;
        }
    }
    return out;
}

QString sourceKey(const QString &name) {
    return foldKey(name);
}

QString normalizeEmail(const QString &email) {
    // An address in ASCII (most are) is lower-cased by hand: NFKC leaves ASCII as it is, and
    // lower case of ASCII is A-Z to a-z. No copy when nothing changes (Unicode case conversion
    // and normalisation of every address were a tenth of the keys of an imported lead).
    const QStringView v(email);
    if (std::all_of(v.begin(), v.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        const QStringView t = v.trimmed();
        QString e = t.size() == v.size() ? email : t.toString();
        for (qsizetype i = 0; i < e.size(); ++i) {
            const char16_t c = e.at(i).unicode();
            if (c >= u'A' && c <= u'Z')
                e[i] = QChar(char16_t(c + (u'a' - u'A')));
        }
        if (e.startsWith(QLatin1String("mailto:")))
            e = e.mid(7);
        return e;
    }
    QString e = email.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    // Full-width at sign and dots are already folded by NFKC; strip a mailto: prefix.
    if (e.startsWith(QLatin1String("mailto:")))
        e = e.mid(7);
    return e;
}

namespace {

bool isAsciiAlnum(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// The address pattern ^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@LABEL(\.LABEL)+$, a LABEL being
// [A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?, checked by hand: neither part has an '@' and a
// label no '.', so the text splits one way only (the regular expression was a tenth of reading
// a row). tst_normalize::emailPatternByHand compares both.
bool matchesEmailPattern(QStringView e) {
    static constexpr char16_t local[] = u".!#$%&'*+/=?^_`{|}~-";
    const qsizetype at = e.indexOf(u'@');
    if (at <= 0)
        return false;
    for (qsizetype i = 0; i < at; ++i) {
        const char16_t c = e[i].unicode();
        if (!isAsciiAlnum(c) && std::char_traits<char16_t>::find(local, 20, c) == nullptr)
            return false;
    }
    int labels = 0;
    qsizetype start = at + 1;
    for (;;) {
        qsizetype end = start;
        while (end < e.size() && e[end] != u'.')
            ++end;
        const qsizetype n = end - start;
        if (n < 1 || n > 63 || !isAsciiAlnum(e[start].unicode()) ||
            !isAsciiAlnum(e[end - 1].unicode()))
            return false;
        for (qsizetype i = start + 1; i < end - 1; ++i) {
            if (!isAsciiAlnum(e[i].unicode()) && e[i] != u'-')
                return false;
        }
        ++labels;
        if (end == e.size())
            return labels >= 2;
        start = end + 1;
    }
}

} // namespace

bool isValidEmail(const QString &email) {
    const QString e = normalizeEmail(email);
    if (e.isEmpty() || e.size() > 254)
        return false;
    // "..": searched as a std::u16string_view (QString::contains' set-up cost more than the
    // search in an address).
    if (std::u16string_view(QStringView(e).utf16(), std::size_t(e.size())).find(u"..") !=
            std::u16string_view::npos ||
        e.startsWith(QLatin1Char('.')))
        return false;
    const qsizetype at = e.indexOf(QLatin1Char('@'));
    if (at <= 0 || at > 64 || e.at(at - 1) == QLatin1Char('.'))
        return false;
    return matchesEmailPattern(e);
}

namespace {

// PCRE's \b without Unicode properties (QRegularExpression's default): ASCII letters, digits and
// '_' are word characters, nothing else is.
bool isWordChar(QChar c) {
    return isAsciiAlnum(c.unicode()) || c == u'_';
}

// The legal forms companyKey drops, as the regular expression
//   株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\(株\)|\(有\)|\(同\)|
//   \b(?:inc|corp|corporation|co|ltd|llc|gmbh|kk|k\.k|plc|limited|company)\b\.?
// matched them (it was three quarters of a company key): the length of the form that starts at
// `i`, 0 when none does. At most one form can match at a position (none is a prefix of another
// that could also end at a word boundary), so their order does not matter.
// tst_normalize::companyKeyByHand compares both.
qsizetype legalFormAt(QStringView s, qsizetype i) {
    static constexpr std::u16string_view japanese[] = {
        u"株式会社",     u"有限会社",     u"合同会社", u"合資会社", u"合名会社",
        u"一般社団法人", u"一般財団法人", u"(株)",     u"(有)",     u"(同)"};
    static constexpr std::u16string_view latin[] = {u"inc", u"corp", u"corporation", u"co",
                                                    u"ltd", u"llc",  u"gmbh",        u"kk",
                                                    u"k.k", u"plc",  u"limited",     u"company"};
    const char16_t first = s[i].unicode();
    const QStringView rest = s.mid(i);
    if (first >= 0x80 || first == u'(') {
        for (const std::u16string_view f : japanese) {
            if (f.front() == first && rest.startsWith(QStringView(f.data(), qsizetype(f.size()))))
                return qsizetype(f.size());
        }
        return 0;
    }
    if (first < u'a' || first > u'p' || (i > 0 && isWordChar(s[i - 1])))
        return 0;
    for (const std::u16string_view f : latin) {
        if (f.front() != first || !rest.startsWith(QStringView(f.data(), qsizetype(f.size()))))
            continue;
        const qsizetype end = i + qsizetype(f.size());
        if (end < s.size() && isWordChar(s[end]))
            continue;
        return qsizetype(f.size()) + (end < s.size() && s[end] == u'.' ? 1 : 0);
    }
    return 0;
}

} // namespace

QString companyKey(const QString &company) {
    const QString c = nfkcCaseFolded(company);
    QString out;
    out.reserve(c.size());
    for (qsizetype i = 0; i < c.size();) {
        if (const qsizetype n = legalFormAt(c, i); n > 0) {
            i += n;
            continue;
        }
        if (c[i].isLetterOrNumber())
            out.append(c[i]);
        ++i;
    }
    return out;
}

QString personKey(const QString &family, const QString &given) {
    QString k = nfkcCaseFolded(family + given);
    k.remove(QLatin1Char(' '));
    return k;
}

QString toHiragana(const QString &s) {
    QString out = s;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0x30A1 && u <= 0x30F6)
            c = QChar(char16_t(u - 0x60));
    }
    return out;
}

QString toKatakana(const QString &s) {
    QString out = s;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0x3041 && u <= 0x3096)
            c = QChar(char16_t(u + 0x60));
    }
    return out;
}

QString readingKey(const QString &s) {
    return toHiragana(foldKey(s));
}

QString escapeLike(const QString &s) {
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out.append(QLatin1Char('\\'));
        out.append(c);
    }
    return out;
}

} // namespace mikomi::text
