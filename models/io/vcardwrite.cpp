#include "models/io/vcard.h"

#include "models/io/vcardwrite.h"

#include <QStringList>

#include <algorithm>

// Writing vCard 3.0 and 4.0 (2.1 is in vcardwrite21.cpp), folding lines, and the versions' names.
namespace mikomi::io {
namespace {

using vcard::formattedName;
using vcard::writeVCard21;

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

} // namespace

QString vcard::formattedName(const Lead &lead) {
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
