#include "models/io/vcard.h"

#include "models/io/encoding.h"
#include "models/io/leadrow.h"
#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

#include <optional>

namespace mikomi::io {
namespace {

struct PhysicalLine {
    int number;
    QByteArrayView bytes;
};

QList<PhysicalLine> splitLines(QByteArrayView data) {
    QList<PhysicalLine> lines;
    int number = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        lines.append({number++, data.sliced(start, i - start)});
        if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    if (start < data.size())
        lines.append({number, data.sliced(start)});
    return lines;
}

// Index of the first ':' that is not inside double quotes, or -1.
qsizetype valueColon(QByteArrayView line) {
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ':' && !quoted)
            return i;
    }
    return -1;
}

QList<QByteArray> splitParams(QByteArrayView head) {
    QList<QByteArray> parts;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head[i] == '"')
            quoted = !quoted;
        else if (head[i] == ';' && !quoted) {
            parts.append(head.sliced(start, i - start).toByteArray());
            start = i + 1;
        }
    }
    parts.append(head.sliced(start).toByteArray());
    return parts;
}

bool headSays(QByteArrayView line, const char *what) {
    const qsizetype colon = valueColon(line);
    const QByteArray head = (colon < 0 ? line : line.first(colon)).toByteArray().toUpper();
    return head.contains(what);
}

bool isQuotedPrintable(QByteArrayView line) {
    return headSays(line, "QUOTED-PRINTABLE");
}

bool isBase64(QByteArrayView line) {
    if (headSays(line, "BASE64"))
        return true;
    const qsizetype colon = valueColon(line);
    const QByteArray head = (colon < 0 ? line : line.first(colon)).toByteArray().toUpper();
    return head.contains("ENCODING=B;") || head.endsWith("ENCODING=B");
}

bool looksLikeBase64(QByteArrayView line) {
    for (const char c : line) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == ' ' ||
                        c == '\t';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray decodeQuotedPrintable(QByteArrayView in) {
    QByteArray out;
    out.reserve(in.size());
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '=' && i + 2 < in.size()) {
            const int hi = hex(in[i + 1]);
            const int lo = hex(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        if (c == '=' && i == in.size() - 1)
            break; // dangling soft break
        out.append(c);
    }
    return out;
}

struct Property {
    int line = 0;
    QByteArray name;         // upper case, group removed
    QByteArray group;        // upper case ("ITEM1" of item1.TEL), empty when none
    QList<QByteArray> types; // upper case: TYPE=… values and bare 2.1 parameters
    QString sortAs;
    QString value; // decoded text, still escaped
};

// Unescapes a text value; splits on unescaped ';' when `structured`.
QStringList unescape(const QString &raw, bool v21, bool structured) {
    QStringList parts;
    QString cur;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'\\' && i + 1 < raw.size()) {
            const QChar n = raw.at(i + 1);
            ++i;
            if (n == u';' || n == u'\\' || n == u',') {
                cur.append(n);
            } else if (!v21 && (n == u'n' || n == u'N')) {
                cur.append(u'\n');
            } else if (v21) {
                cur.append(c);
                cur.append(n);
            } else {
                cur.append(n);
            }
            continue;
        }
        if (structured && c == u';') {
            parts.append(std::exchange(cur, QString()));
            continue;
        }
        cur.append(c);
    }
    parts.append(cur);
    return parts;
}

QString part(const QStringList &parts, qsizetype i) {
    return i < parts.size() ? parts.at(i).trimmed() : QString();
}

QString reading(const QString &s) {
    return text::nfkcSimplified(s);
}

// The TYPE values of a TEL or EMAIL that say what it is ("work", "home", "fax"), lower-case;
// PREF, VOICE, INTERNET and X400 say nothing a person reads.
QString typeLabel(const Property &p) {
    QStringList out;
    for (const QByteArray &t : p.types) {
        if (t == "PREF" || t == "VOICE" || t == "INTERNET" || t == "X400" || t.isEmpty())
            continue;
        out << QString::fromLatin1(t).toLower();
    }
    return out.join(u',');
}

class CardBuilder {
public:
    QString version;
    QList<VCardWarning> warnings;
    QList<VCardWarning> errors;
    QHash<QString, int> lines; // Lead member name → line of the property it came from

    bool v21() const { return version.isEmpty() || version == u"2.1"; }

    void add(const Property &p) {
        const auto has = [&p](const char *t) { return p.types.contains(QByteArray(t)); };
        const bool pref = has("PREF");
        const auto structured = [&] { return unescape(p.value, v21(), true); };
        const auto text = [&] { return unescape(p.value, v21(), false).join(QString()).trimmed(); };
        const QByteArray &n = p.name;
        if (n == "N") {
            const QStringList parts = structured();
            m_family = part(parts, 0);
            m_given = part(parts, 1);
            mark({"familyName", "givenName"}, p.line);
            if (!p.sortAs.isEmpty()) {
                const QStringList s = splitSortAs(p.sortAs);
                m_sortFamily = part(s, 0);
                m_sortGiven = part(s, 1);
            }
        } else if (n == "X-ABSHOWAS") {
            m_showAsCompany = text().compare(QLatin1String("COMPANY"), Qt::CaseInsensitive) == 0;
        } else if (n == "FN") {
            m_fn = text();
            if (!lines.contains(QStringLiteral("familyName")))
                mark({"familyName", "givenName"}, p.line);
        } else if (n == "X-PHONETIC-LAST-NAME") {
            m_phoneticFamily = text();
        } else if (n == "X-PHONETIC-FIRST-NAME") {
            m_phoneticGiven = text();
        } else if (n == "X-PHONETIC-ORG") {
            m_phoneticOrg = text();
        } else if (n == "X-MS-N-YOMI") {
            // Outlook's reading of the name: family;given, like N.
            const QStringList parts = structured();
            m_msFamily = part(parts, 0);
            m_msGiven = part(parts, 1);
        } else if (n == "X-MS-ORG-YOMI") {
            m_msOrg = text();
        } else if (n == "SOUND" && has("X-IRMC-N")) {
            const QStringList parts = structured();
            m_irmcFamily = part(parts, 0);
            m_irmcGiven = part(parts, 1);
            // DoCoMo's form puts the whole reading in the first column, family first
            // ("ﾔﾏﾀﾞ ﾀﾛｳ;;;;", see VCard21Writer): split it at its first space.
            if (m_irmcGiven.isEmpty()) {
                const QString whole = reading(m_irmcFamily);
                if (const qsizetype space = whole.indexOf(u' '); space > 0) {
                    m_irmcFamily = whole.left(space);
                    m_irmcGiven = whole.mid(space + 1).trimmed();
                }
            }
        } else if (n == "SORT-STRING") {
            m_sortString = text();
        } else if (n == "ORG") {
            if (m_orgSet)
                return;
            m_orgSet = true;
            const QStringList parts = structured();
            lead.company = part(parts, 0);
            QStringList rest;
            for (qsizetype i = 1; i < parts.size(); ++i)
                if (!parts.at(i).trimmed().isEmpty())
                    rest.append(parts.at(i).trimmed());
            lead.department = rest.join(u' ');
            mark({"company", "department"}, p.line);
            if (!p.sortAs.isEmpty())
                m_orgSort = part(splitSortAs(p.sortAs), 0);
        } else if (n == "TITLE") {
            if (lead.title.isEmpty()) {
                lead.title = text();
                mark({"title"}, p.line);
            }
        } else if (n == "X-ABLABEL") {
            // Apple's and Google's label of the TEL or EMAIL in the same group
            // ("item1.X-ABLabel:直通"); Apple writes its own labels as "_$!<Mobile>!$_".
            QString label = text();
            if (label.startsWith(QLatin1String("_$!<")) && label.endsWith(QLatin1String(">!$_")))
                label = label.mid(4, label.size() - 8);
            if (!p.group.isEmpty() && !label.isEmpty())
                m_groupLabels.insert(p.group, label);
        } else if (n == "TEL") {
            QString v = text();
            if (v.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                v = v.mid(4); // 4.0 URI value
            if (v.isEmpty() || v.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
                return;
            if (!p.group.isEmpty())
                m_groupValues.insert(p.group, v);
            // Every number is kept: the first (or preferred) phone and mobile on the lead, the
            // others, faxes and pagers as extra contacts labelled with their types.
            if (has("FAX")) {
                lead.extraContacts.append(ContactPoint{ContactKind::Fax, v, typeLabel(p)});
                return;
            }
            if (has("CELL")) {
                if (lead.mobile.isEmpty() || (pref && !m_mobilePref)) {
                    if (!lead.mobile.isEmpty())
                        lead.extraContacts.append(
                            ContactPoint{ContactKind::Mobile, lead.mobile, m_mobileLabel});
                    lead.mobile = v;
                    m_mobileLabel = typeLabel(p);
                    m_mobilePref = pref;
                    mark({"mobile"}, p.line);
                } else {
                    lead.extraContacts.append(ContactPoint{ContactKind::Mobile, v, typeLabel(p)});
                }
            } else if (!has("PAGER") && (lead.phone.isEmpty() || (pref && !m_phonePref))) {
                if (!lead.phone.isEmpty())
                    lead.extraContacts.append(
                        ContactPoint{ContactKind::Phone, lead.phone, m_phoneLabel});
                lead.phone = v;
                m_phoneLabel = typeLabel(p);
                m_phonePref = pref;
                mark({"phone"}, p.line);
            } else {
                lead.extraContacts.append(ContactPoint{ContactKind::Phone, v, typeLabel(p)});
            }
        } else if (n == "EMAIL") {
            const QString v = text();
            if (v.isEmpty())
                return;
            if (!p.group.isEmpty())
                m_groupValues.insert(p.group, v);
            if (lead.email.isEmpty() || (pref && !m_emailPref)) {
                if (!lead.email.isEmpty())
                    lead.extraContacts.append(
                        ContactPoint{ContactKind::Email, lead.email, m_emailLabel});
                lead.email = v;
                m_emailLabel = typeLabel(p);
                m_emailPref = pref;
                mark({"email"}, p.line);
            } else {
                lead.extraContacts.append(ContactPoint{ContactKind::Email, v, typeLabel(p)});
            }
        } else if (n == "ADR") {
            if (m_adrSet && !(pref && !m_adrPref))
                return;
            const QStringList parts = structured();
            m_adrSet = true;
            m_adrPref = pref;
            const QString ext = part(parts, 1);
            lead.street = part(parts, 2);
            lead.building = ext;
            if (lead.street.isEmpty()) {
                lead.street = ext;
                lead.building.clear();
            }
            lead.city = part(parts, 3);
            lead.prefecture = part(parts, 4);
            lead.postalCode = part(parts, 5);
            lead.country = part(parts, 6);
            mark({"street", "building", "city", "prefecture", "postalCode", "country"}, p.line);
        } else if (n == "URL") {
            if (lead.website.isEmpty()) {
                lead.website = text();
                mark({"website"}, p.line);
            }
        } else if (n == "NOTE") {
            const QString v = text();
            if (!v.isEmpty()) {
                lead.notes = lead.notes.isEmpty() ? v : lead.notes + u'\n' + v;
                if (!lines.contains(QStringLiteral("notes")))
                    mark({"notes"}, p.line);
            }
        }
    }

    Lead finish() {
        lead.familyName = m_family;
        lead.givenName = m_given;
        // A company's card (no N, FN = the ORG name, or Apple's X-ABShowAs:COMPANY) is a
        // company lead, not a person named after the company.
        const bool companyCard =
            m_showAsCompany ||
            (!lead.company.isEmpty() && text::foldKey(m_fn) == text::foldKey(lead.company));
        // Nor is a card whose FN only repeats its email or number (what a writer puts there when
        // it knows no name, as ours does) a person of that name.
        bool fnIsContact = m_fn.trimmed() == QLatin1String("-");
        for (const QString &v : {lead.email, lead.phone, lead.mobile})
            fnIsContact = fnIsContact || (!v.isEmpty() && m_fn.trimmed() == v);
        for (const ContactPoint &c : lead.extraContacts)
            fnIsContact = fnIsContact || m_fn.trimmed() == c.value;
        if (lead.familyName.isEmpty() && lead.givenName.isEmpty() && !companyCard && !fnIsContact) {
            const auto [f, g] = splitFullName(m_fn);
            lead.familyName = f;
            lead.givenName = g;
        }
        // Most specific first: X-PHONETIC-*, SOUND;X-IRMC-N, SORT-AS, then SORT-STRING.
        const std::pair<QString, QString> sources[] = {
            {m_phoneticFamily, m_phoneticGiven},
            {m_msFamily, m_msGiven},
            {m_irmcFamily, m_irmcGiven},
            {m_sortFamily, m_sortGiven},
        };
        for (const auto &[f, g] : sources) {
            if (!f.isEmpty() || !g.isEmpty()) {
                lead.familyReading = reading(f);
                lead.givenReading = reading(g);
                break;
            }
        }
        if (lead.familyReading.isEmpty() && lead.givenReading.isEmpty() &&
            !m_sortString.isEmpty()) {
            const auto [f, g] = splitFullName(m_sortString);
            lead.familyReading = reading(f);
            lead.givenReading = reading(g);
        }
        // A further email or number labelled in its group takes that label (the lead's own email,
        // phone and mobile have none).
        for (auto it = m_groupLabels.cbegin(); it != m_groupLabels.cend(); ++it) {
            const QString value = m_groupValues.value(it.key());
            for (ContactPoint &c : lead.extraContacts) {
                if (!value.isEmpty() && c.value == value) {
                    c.label = it.value();
                    break;
                }
            }
        }
        lead.companyReading = reading(!m_phoneticOrg.isEmpty() ? m_phoneticOrg
                                      : !m_msOrg.isEmpty()     ? m_msOrg
                                                               : m_orgSort);
        return lead;
    }

    Lead lead;

private:
    void mark(std::initializer_list<const char *> keys, int line) {
        for (const char *k : keys)
            lines.insert(QString::fromLatin1(k), line);
    }
    static QStringList splitSortAs(const QString &s) {
        return s.contains(u';') ? s.split(u';') : s.split(u',');
    }

    QString m_family, m_given, m_fn;
    bool m_showAsCompany = false;
    QString m_phoneticFamily, m_phoneticGiven, m_phoneticOrg;
    QString m_msFamily, m_msGiven, m_msOrg; // Outlook's X-MS-N-YOMI, X-MS-ORG-YOMI
    QString m_phoneLabel, m_mobileLabel, m_emailLabel;
    QString m_irmcFamily, m_irmcGiven;
    QString m_sortFamily, m_sortGiven, m_sortString, m_orgSort;
    bool m_phonePref = false, m_mobilePref = false, m_emailPref = false;
    bool m_adrSet = false, m_adrPref = false, m_orgSet = false;
    QHash<QByteArray, QString> m_groupLabels, m_groupValues; // item group → X-ABLabel, value
};

QString warnMalformed() {
    return QCoreApplication::translate("mikomi::io::VCard",
                                       "This line is not a vCard property and was skipped.");
}

// Decodes a property value: the CHARSET parameter, else the file's encoding, else UTF-8 or CP932,
// whichever is valid; Latin-1 as the last resort (with a warning).
QString decodeValue(const QByteArray &bytes, const QByteArray &charset,
                    std::optional<Encoding> fileEncoding, int line, QList<VCardWarning> &errors) {
    if (!charset.isEmpty()) {
        const auto known = encodingFromName(QString::fromLatin1(charset));
        if (known) {
            if (auto s = decode(bytes, *known))
                return *s;
        } else {
            QStringDecoder dec(charset.constData(), QStringConverter::Flag::Stateless);
            if (dec.isValid()) {
                QString s = dec.decode(bytes);
                if (!dec.hasError())
                    return s;
            }
        }
    }
    if (fileEncoding) {
        if (auto s = decode(bytes, *fileEncoding))
            return *s;
    }
    for (const Encoding e : {Encoding::Utf8, Encoding::Cp932}) {
        if (auto s = decode(bytes, e))
            return *s;
    }
    errors.append({line, QCoreApplication::translate(
                             "mikomi::io::VCard",
                             "The text of this line is not valid UTF-8, Shift_JIS or "
                             "its CHARSET; save the file as UTF-8 and import it again.")});
    return QString::fromLatin1(bytes);
}

} // namespace

VCardReadResult readVCards(QByteArrayView data) {
    VCardReadResult result;
    // A UTF-16 file is turned into UTF-8 first; otherwise the file's own encoding (UTF-8 or
    // Shift_JIS as a whole) is the default for values without a CHARSET.
    QByteArray utf8;
    std::optional<Encoding> fileEncoding;
    if (const auto e = detectEncoding(data)) {
        fileEncoding = *e;
        if (*e == Encoding::Utf16Le || *e == Encoding::Utf16Be) {
            if (const auto s = decode(data, *e)) {
                utf8 = s->toUtf8();
                data = utf8;
                fileEncoding = Encoding::Utf8;
            }
        } else if (*e == Encoding::Utf8Bom) {
            data = data.sliced(3);
            fileEncoding = Encoding::Utf8;
        }
    }

    // Unfold into logical lines.
    struct Logical {
        int line;
        QByteArray bytes;
        bool qp;
        bool base64;
    };
    QList<Logical> logical;
    for (const PhysicalLine &pl : splitLines(data)) {
        const QByteArrayView b = pl.bytes;
        Logical *last = logical.isEmpty() ? nullptr : &logical.last();
        if (b.isEmpty()) {
            if (last)
                last->base64 = false; // a blank line ends 2.1 base64 data
            continue;
        }
        if (last && (b[0] == ' ' || b[0] == '\t')) {
            last->bytes.append(b.sliced(1));
            continue;
        }
        if (last && last->qp && last->bytes.endsWith('=')) {
            last->bytes.chop(1); // soft line break
            last->bytes.append(b);
            continue;
        }
        if (last && last->base64 && valueColon(b) < 0 && looksLikeBase64(b)) {
            last->bytes.append(b); // 2.1 base64 continued without indentation
            continue;
        }
        logical.append({pl.number, b.toByteArray(), isQuotedPrintable(b), isBase64(b)});
    }

    std::optional<CardBuilder> card;
    int cardLine = 0;
    int nested = 0;
    const auto finishCard = [&] {
        VCardEntry entry;
        entry.version = card->version;
        entry.line = cardLine;
        entry.warnings = card->warnings;
        entry.errors = card->errors;
        entry.lines = card->lines;
        entry.lead = card->finish();
        result.cards.append(std::move(entry));
        card.reset();
    };
    for (const Logical &l : logical) {
        QList<VCardWarning> &warnings = card ? card->warnings : result.warnings;
        const qsizetype colon = valueColon(l.bytes);
        if (colon <= 0) {
            warnings.append({l.line, warnMalformed()});
            continue;
        }
        const QList<QByteArray> head = splitParams(QByteArrayView(l.bytes).first(colon));
        QByteArray name = head.first().trimmed().toUpper();
        QByteArray group;
        if (const qsizetype dot = name.lastIndexOf('.'); dot >= 0) {
            group = name.left(dot);
            name = name.mid(dot + 1); // item1.EMAIL
        }
        const QByteArrayView rawValue = QByteArrayView(l.bytes).sliced(colon + 1);
        if (name == "BEGIN" || name == "END") {
            const bool isCard = rawValue.trimmed().toByteArray().toUpper() == "VCARD";
            if (!isCard) {
                warnings.append({l.line, warnMalformed()});
                continue;
            }
            if (name == "BEGIN") {
                if (card) {
                    ++nested;
                    warnings.append(
                        {l.line, QCoreApplication::translate("mikomi::io::VCard",
                                                             "A card nested inside another card "
                                                             "was skipped.")});
                } else {
                    card.emplace();
                    cardLine = l.line;
                }
            } else if (nested > 0) {
                --nested;
            } else if (card) {
                finishCard();
            } else {
                warnings.append(
                    {l.line, QCoreApplication::translate("mikomi::io::VCard",
                                                         "END:VCARD without BEGIN:VCARD.")});
            }
            continue;
        }
        if (nested > 0)
            continue;
        if (!card) {
            warnings.append(
                {l.line, QCoreApplication::translate("mikomi::io::VCard",
                                                     "This line is outside any card and was "
                                                     "skipped.")});
            continue;
        }
        if (l.base64)
            continue; // photos, logos, keys: not kept
        Property p;
        p.line = l.line;
        p.name = name;
        p.group = group;
        QByteArray charset;
        for (qsizetype i = 1; i < head.size(); ++i) {
            const QByteArray param = head.at(i).trimmed();
            const qsizetype eq = param.indexOf('=');
            const QByteArray key = (eq < 0 ? param : param.left(eq)).trimmed().toUpper();
            QByteArray value = eq < 0 ? QByteArray() : param.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            if (eq < 0) {
                p.types.append(key); // 2.1: TEL;CELL;VOICE
            } else if (key == "TYPE") {
                for (const QByteArray &t : value.split(','))
                    p.types.append(t.trimmed().toUpper());
            } else if (key == "CHARSET") {
                charset = value;
            } else if (key == "SORT-AS") {
                p.sortAs = decodeValue(value, QByteArray(), fileEncoding, l.line, card->errors);
            }
        }
        QByteArray bytes = rawValue.toByteArray();
        if (l.qp)
            bytes = decodeQuotedPrintable(bytes);
        p.value = decodeValue(bytes, charset, fileEncoding, l.line, card->errors);
        if (l.qp) {
            // A line break in quoted-printable is CRLF (=0D=0A); the lead keeps "\n".
            p.value.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            p.value.replace(u'\r', u'\n');
        }
        if (name == "VERSION") {
            card->version = p.value.trimmed();
            continue;
        }
        card->add(p);
    }
    if (card) {
        card->warnings.append(
            {cardLine, QCoreApplication::translate("mikomi::io::VCard",
                                                   "The card that starts on this line has no "
                                                   "END:VCARD.")});
        finishCard();
    }
    return result;
}

Result<VCardReadResult> readVCardFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("mikomi::io::VCard", "Cannot open the file %1: %2")
                         .arg(path, f.errorString())};
    return readVCards(f.readAll());
}

// ---------------------------------------------------------------------------------------------
// Writer

namespace {

QString escapeText(const QString &s) {
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'\\' || c == u',' || c == u';') {
            out.append(u'\\');
            out.append(c);
        } else if (c == u'\r') {
            out.append(QStringLiteral("\\n"));
            if (i + 1 < s.size() && s.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\n') {
            out.append(QStringLiteral("\\n"));
        } else {
            out.append(c);
        }
    }
    return out;
}

QString structured(std::initializer_list<QString> parts) {
    QStringList escaped;
    for (const QString &p : parts)
        escaped.append(escapeText(p));
    return escaped.join(u';');
}

// Parameter values cannot hold '"'; ',' and ';' separate components inside SORT-AS.
QString paramValue(const QString &s) {
    QString v = s;
    v.remove(u'"');
    v.replace(u',', u' ');
    v.replace(u';', u' ');
    return v;
}

bool hasCjk(const QString &s) {
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) ||
               (u >= 0xF900 && u <= 0xFAFF);
    });
}

// FN is required and never empty: the name, else the company, else a way to reach them.
QString formattedName(const Lead &lead) {
    const bool japanese = hasCjk(lead.familyName + lead.givenName);
    QString fn = lead.displayName(japanese).trimmed();
    for (const QString &alt : {lead.company, lead.email, lead.phone, lead.mobile}) {
        if (fn.isEmpty())
            fn = alt.trimmed();
    }
    if (fn.isEmpty())
        fn = QStringLiteral("-");
    return fn;
}

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

} // namespace

QByteArray foldVCardLine(const QByteArray &line) {
    constexpr qsizetype kMax = 75;
    QByteArray out;
    qsizetype pos = 0;
    bool first = true;
    while (pos < line.size()) {
        const qsizetype room = first ? kMax : kMax - 1;
        qsizetype end = std::min(line.size(), pos + room);
        // Never cut inside a UTF-8 sequence: back off over continuation bytes (10xxxxxx).
        while (end < line.size() && end > pos && (uchar(line[end]) & 0xC0) == 0x80)
            --end;
        if (!first)
            out.append("\r\n ");
        out.append(line.mid(pos, end - pos));
        pos = end;
        first = false;
    }
    return out;
}

QString vcardVersionKey(VCardVersion version) {
    switch (version) {
    case VCardVersion::V21:
        return QStringLiteral("2.1");
    case VCardVersion::V30:
        return QStringLiteral("3.0");
    case VCardVersion::V40:
        return QStringLiteral("4.0");
    }
    return {};
}

std::optional<VCardVersion> vcardVersionFromName(const QString &name) {
    const QString n = name.trimmed();
    for (const VCardVersion v : {VCardVersion::V21, VCardVersion::V30, VCardVersion::V40}) {
        const QString key = vcardVersionKey(v);
        if (n == key || n == key.left(1) || n == QString(key).remove(u'.'))
            return v;
    }
    return std::nullopt;
}

QByteArray writeVCard(const Lead &lead, VCardVersion version, Encoding charset) {
    if (version == VCardVersion::V21)
        return writeVCard21(lead, charset);
    const bool v4 = version == VCardVersion::V40;
    QList<QString> lines;
    lines << QStringLiteral("BEGIN:VCARD")
          << (v4 ? QStringLiteral("VERSION:4.0") : QStringLiteral("VERSION:3.0"));
    const QString fn = formattedName(lead);
    const bool hasReading = !lead.familyReading.isEmpty() || !lead.givenReading.isEmpty();
    QString n = QStringLiteral("N");
    if (v4 && hasReading)
        n += QStringLiteral(";SORT-AS=\"%1,%2\"")
                 .arg(paramValue(lead.familyReading), paramValue(lead.givenReading));
    lines << n + u':' + structured({lead.familyName, lead.givenName, {}, {}, {}});
    lines << QStringLiteral("FN:") + escapeText(fn);
    if (!lead.familyReading.isEmpty())
        lines << QStringLiteral("X-PHONETIC-LAST-NAME:") + escapeText(lead.familyReading);
    if (!lead.givenReading.isEmpty())
        lines << QStringLiteral("X-PHONETIC-FIRST-NAME:") + escapeText(lead.givenReading);
    if (!v4 && hasReading)
        lines << QStringLiteral("SORT-STRING:") +
                     escapeText(
                         QStringList{lead.familyReading, lead.givenReading}.join(u' ').trimmed());
    if (!lead.company.isEmpty() || !lead.department.isEmpty()) {
        QString org = QStringLiteral("ORG");
        if (v4 && !lead.companyReading.isEmpty())
            org += QStringLiteral(";SORT-AS=\"%1\"").arg(paramValue(lead.companyReading));
        lines << org + u':' + structured({lead.company, lead.department});
    }
    if (!lead.companyReading.isEmpty())
        lines << QStringLiteral("X-PHONETIC-ORG:") + escapeText(lead.companyReading);
    if (!lead.title.isEmpty())
        lines << QStringLiteral("TITLE:") + escapeText(lead.title);
    if (!lead.email.isEmpty())
        lines << (v4 ? QStringLiteral("EMAIL;TYPE=work:")
                     : QStringLiteral("EMAIL;TYPE=INTERNET:")) +
                     escapeText(lead.email);
    if (!lead.phone.isEmpty())
        lines << (v4 ? QStringLiteral("TEL;TYPE=work,voice:")
                     : QStringLiteral("TEL;TYPE=WORK,VOICE:")) +
                     escapeText(lead.phone);
    if (!lead.mobile.isEmpty())
        lines << (v4 ? QStringLiteral("TEL;TYPE=cell:") : QStringLiteral("TEL;TYPE=CELL:")) +
                     escapeText(lead.mobile);
    // The further emails and numbers, one line each. A label has no standard parameter: it goes
    // in Apple's X-ABLabel of the same item group ("item1.TEL…" + "item1.X-ABLabel:直通"), as
    // iPhone, macOS and Google Contacts write and read it (tests/data/vcard/ez-vcard).
    int item = 0;
    for (const ContactPoint &c : lead.extraContacts) {
        if (c.value.isEmpty())
            continue;
        QString property;
        switch (c.kind) {
        case ContactKind::Email:
            property =
                v4 ? QStringLiteral("EMAIL;TYPE=work:") : QStringLiteral("EMAIL;TYPE=INTERNET:");
            break;
        case ContactKind::Phone:
            property = v4 ? QStringLiteral("TEL;TYPE=work,voice:")
                          : QStringLiteral("TEL;TYPE=WORK,VOICE:");
            break;
        case ContactKind::Mobile:
            property = v4 ? QStringLiteral("TEL;TYPE=cell:") : QStringLiteral("TEL;TYPE=CELL:");
            break;
        case ContactKind::Fax:
            property =
                v4 ? QStringLiteral("TEL;TYPE=work,fax:") : QStringLiteral("TEL;TYPE=WORK,FAX:");
            break;
        }
        if (c.label.trimmed().isEmpty()) {
            lines << property + escapeText(c.value);
        } else {
            const QString group = QStringLiteral("item%1.").arg(++item);
            lines << group + property + escapeText(c.value);
            lines << group + QStringLiteral("X-ABLabel:") + escapeText(c.label.trimmed());
        }
    }
    if (!lead.street.isEmpty() || !lead.building.isEmpty() || !lead.city.isEmpty() ||
        !lead.prefecture.isEmpty() || !lead.postalCode.isEmpty() || !lead.country.isEmpty())
        lines << (v4 ? QStringLiteral("ADR;TYPE=work:") : QStringLiteral("ADR;TYPE=WORK:")) +
                     structured({QString(), lead.building, lead.street, lead.city, lead.prefecture,
                                 lead.postalCode, lead.country});
    if (!lead.website.isEmpty())
        lines << QStringLiteral("URL:") + escapeText(lead.website);
    if (!lead.notes.isEmpty())
        lines << QStringLiteral("NOTE:") + escapeText(lead.notes);
    lines << QStringLiteral("END:VCARD");
    QByteArray out;
    for (const QString &l : lines) {
        out.append(foldVCardLine(l.toUtf8()));
        out.append("\r\n");
    }
    return out;
}

QByteArray writeVCards(const QList<Lead> &leads, VCardVersion version, Encoding charset) {
    QByteArray out;
    for (const Lead &l : leads)
        out.append(writeVCard(l, version, charset));
    return out;
}

} // namespace mikomi::io
