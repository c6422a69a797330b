#include "models/io/vcardwrite.h"

#include <QStringList>

#include <algorithm>

namespace mikomi::io::vcard {
namespace {

// vCard 2.1 as older Japanese phones (docomo, au, SoftBank feature phones) and the address-book
// tools of their time read and write it. Where the layout was learned:
// - a docomo phone's own export, quoted at fine.ap.teacup.com/applet/hepo/msgcate2/archive:
//   "N;CHARSET=SHIFT_JIS:…;;;;", "SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:カナ読み;;;;", "TEL;VOICE:",
//   "EMAIL;INTERNET:", "ORG:;", "TITLE:", CRLF lines, the whole card in Shift_JIS;
// - SoftBank V601T's vCard notes (blog.tomoattori.info/article/2575263.html): FN, N and
//   SOUND;X-IRMC-N with CHARSET=Shift_JIS, "TEL;CELL", "TEL;VOICE", QUOTED-PRINTABLE values;
// - Android's VCardBuilder (AOSP frameworks/opt/vcard, appendPhoneticNameFields): "DoCoMo's
//   specification requires vCard composer to use just the first column", i.e.
//   "SOUND;X-IRMC-N:Miyakawa Daisuke;;;;", not "Miyakawa;Daisuke;;;"; CHARSET only on values that
//   are not plain ASCII; QUOTED-PRINTABLE for values with line breaks, with "=" CRLF soft line
//   breaks before 76 characters; ';' escaped as "\;", ',' left alone in 2.1;
// - Android's test cards from Japanese phones (tests/data/vcard/android/v21_japanese_*.vcf);
// - the vCard 2.1 specification (versit, 1996) for QUOTED-PRINTABLE and CHARSET.
// Plain lines are not folded: 2.1 folds only at white space and keeps it when unfolding.
// The reading is also written as X-PHONETIC-LAST-NAME / -FIRST-NAME (Android reads those; a phone
// ignores X- properties it does not know), so family and given reading come back exactly.
class VCard21Writer {
public:
    explicit VCard21Writer(Encoding charset)
        : m_charset(charset) {}

    // One property: `head` is its name and parameters (ASCII), `value` its escaped text.
    void add(const char *head, QString value) {
        if (m_charset == Encoding::Cp932)
            value = replaceUnrepresentable(value, Encoding::Cp932);
        const bool lineBreaks = value.contains(u'\n') || value.contains(u'\r');
        if (lineBreaks) {
            value.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            value.replace(u'\r', u'\n');
            value.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        }
        const bool ascii =
            std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() < 0x80; });
        QByteArray line(head);
        if (!ascii)
            line += m_charset == Encoding::Cp932 ? ";CHARSET=SHIFT_JIS" : ";CHARSET=UTF-8";
        QByteArray bytes;
        if (m_charset == Encoding::Cp932) {
            auto encoded = encode(value, Encoding::Cp932);
            bytes = encoded ? *encoded : QByteArray(); // cannot fail after the replacement
        } else {
            bytes = value.toUtf8();
        }
        if (lineBreaks) {
            line += ";ENCODING=QUOTED-PRINTABLE:";
            line += quotedPrintable(bytes, line.size());
        } else {
            line += ':';
            line += bytes;
        }
        m_out += line;
        m_out += "\r\n";
    }
    QByteArray take() { return std::move(m_out); }

private:
    // Bytes of the character that starts at `i`, so that a soft line break never splits one.
    qsizetype charLength(const QByteArray &b, qsizetype i) const {
        const uchar c = uchar(b[i]);
        qsizetype len = 1;
        if (m_charset == Encoding::Cp932)
            len = ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) ? 2 : 1;
        else if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        return std::min(len, b.size() - i);
    }
    // Printable ASCII but '=' stays as it is; everything else is =XX: spaces, so that no line
    // starts with one and looks folded, and every byte of a multi-byte character, so that a
    // Shift_JIS trail byte such as 0x5C (the second byte of 表 and ソ) is never read as a
    // backslash. Lines end before 76 characters with a soft break "=".
    QByteArray quotedPrintable(const QByteArray &bytes, qsizetype used) const {
        constexpr qsizetype kMaxLine = 76;
        static const char hex[] = "0123456789ABCDEF";
        QByteArray out;
        qsizetype column = used;
        for (qsizetype i = 0; i < bytes.size();) {
            const qsizetype len = charLength(bytes, i);
            QByteArray piece;
            for (qsizetype k = i; k < i + len; ++k) {
                const uchar c = uchar(bytes[k]);
                if (len == 1 && c > 0x20 && c < 0x7F && c != '=') {
                    piece += char(c);
                } else {
                    piece += '=';
                    piece += hex[c >> 4];
                    piece += hex[c & 0xF];
                }
            }
            if (column + piece.size() > kMaxLine - 1) {
                out += "=\r\n";
                column = 0;
            }
            out += piece;
            column += piece.size();
            i += len;
        }
        return out;
    }

    Encoding m_charset;
    QByteArray m_out;
};

// 2.1 escapes only ';' and '\' (',' is plain text there, as Android writes it).
QString escape21(const QString &s) {
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c == u'\\' || c == u';')
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

QString structured21(std::initializer_list<QString> parts) {
    QStringList escaped;
    for (const QString &p : parts)
        escaped.append(escape21(p));
    return escaped.join(u';');
}

} // namespace

QByteArray writeVCard21(const Lead &lead, Encoding charset) {
    VCard21Writer w(charset);
    w.add("BEGIN", QStringLiteral("VCARD"));
    w.add("VERSION", QStringLiteral("2.1"));
    w.add("N", structured21({lead.familyName, lead.givenName, {}, {}, {}}));
    w.add("FN", escape21(formattedName(lead)));
    if (!lead.familyReading.isEmpty() || !lead.givenReading.isEmpty()) {
        // DoCoMo's form: the whole reading in the first column ("ヤマダ タロウ;;;;").
        const QString first =
            !lead.familyReading.isEmpty()
                ? QStringList{lead.familyReading, lead.givenReading}.join(u' ').trimmed()
                : QString();
        const QString second = lead.familyReading.isEmpty() ? lead.givenReading : QString();
        w.add("SOUND;X-IRMC-N", structured21({first, second, {}, {}, {}}));
        if (!lead.familyReading.isEmpty())
            w.add("X-PHONETIC-LAST-NAME", escape21(lead.familyReading));
        if (!lead.givenReading.isEmpty())
            w.add("X-PHONETIC-FIRST-NAME", escape21(lead.givenReading));
    }
    if (!lead.company.isEmpty() || !lead.department.isEmpty())
        w.add("ORG", structured21({lead.company, lead.department}));
    if (!lead.companyReading.isEmpty())
        w.add("X-PHONETIC-ORG", escape21(lead.companyReading));
    if (!lead.title.isEmpty())
        w.add("TITLE", escape21(lead.title));
    if (!lead.phone.isEmpty())
        w.add("TEL;WORK;VOICE", escape21(lead.phone));
    if (!lead.mobile.isEmpty())
        w.add("TEL;CELL", escape21(lead.mobile));
    if (!lead.email.isEmpty())
        w.add("EMAIL;INTERNET", escape21(lead.email));
    // The further emails and numbers in the lead's order (their labels are not written).
    for (const ContactPoint &c : lead.extraContacts) {
        if (c.value.isEmpty())
            continue;
        switch (c.kind) {
        case ContactKind::Email:
            w.add("EMAIL;INTERNET", escape21(c.value));
            break;
        case ContactKind::Phone:
            w.add("TEL;WORK;VOICE", escape21(c.value));
            break;
        case ContactKind::Mobile:
            w.add("TEL;CELL", escape21(c.value));
            break;
        case ContactKind::Fax:
            w.add("TEL;FAX", escape21(c.value));
            break;
        }
    }
    if (!lead.street.isEmpty() || !lead.building.isEmpty() || !lead.city.isEmpty() ||
        !lead.prefecture.isEmpty() || !lead.postalCode.isEmpty() || !lead.country.isEmpty())
        w.add("ADR;WORK", structured21({QString(), lead.building, lead.street, lead.city,
                                        lead.prefecture, lead.postalCode, lead.country}));
    if (!lead.website.isEmpty())
        w.add("URL", escape21(lead.website));
    if (!lead.notes.isEmpty())
        w.add("NOTE", escape21(lead.notes));
    w.add("END", QStringLiteral("VCARD"));
    return w.take();
}

} // namespace mikomi::io::vcard
