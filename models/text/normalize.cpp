#include "models/text/normalize.h"

#include <QRegularExpression>

#include <string>

namespace mikomi::text {

QString nfkcSimplified(const QString &s) {
    return s.normalized(QString::NormalizationForm_KC).simplified();
}

QString foldKey(const QString &s) {
    return nfkcSimplified(s).toCaseFolded();
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
    if (e.contains(QLatin1String("..")) || e.startsWith(QLatin1Char('.')))
        return false;
    const qsizetype at = e.indexOf(QLatin1Char('@'));
    if (at <= 0 || at > 64 || e.at(at - 1) == QLatin1Char('.'))
        return false;
    return matchesEmailPattern(e);
}

QString companyKey(const QString &company) {
    QString c = company.normalized(QString::NormalizationForm_KC).toCaseFolded();
    static const QRegularExpression legal(QStringLiteral(
        R"(株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\(株\)|\(有\)|\(同\)|)"
        R"(\b(?:inc|corp|corporation|co|ltd|llc|gmbh|kk|k\.k|plc|limited|company)\b\.?)"));
    c.replace(legal, QString());
    QString out;
    out.reserve(c.size());
    for (const QChar ch : c) {
        if (ch.isLetterOrNumber())
            out.append(ch);
    }
    return out;
}

QString personKey(const QString &family, const QString &given) {
    QString k = QString(family + given).normalized(QString::NormalizationForm_KC).toCaseFolded();
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
