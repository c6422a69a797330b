#include "models/io/vcardlead.h"

#include "models/io/leadrow.h"
#include "models/text/normalize.h"

namespace mikomi::io::vcard {
namespace {

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

} // namespace

void CardBuilder::add(const Property &p) {
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

Lead CardBuilder::finish() {
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
    if (lead.familyReading.isEmpty() && lead.givenReading.isEmpty() && !m_sortString.isEmpty()) {
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

void CardBuilder::mark(std::initializer_list<const char *> keys, int line) {
    for (const char *k : keys)
        lines.insert(QString::fromLatin1(k), line);
}

QStringList CardBuilder::splitSortAs(const QString &s) {
    return s.contains(u';') ? s.split(u';') : s.split(u',');
}

} // namespace mikomi::io::vcard
