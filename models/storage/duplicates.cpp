#include "models/storage/duplicates.h"

#include "models/storage/countrystore.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QSet>

namespace mikomi::storage {
namespace {

using V = QVariant;

// A match (without its reason) from a row selecting kMatchCols.
const RowMapper<DuplicateMatch> kMatchRow{
    {"id", [](DuplicateMatch &m, const V &v) { m.id = v.toLongLong(); }},
    {"company", [](DuplicateMatch &m, const V &v) { m.company = v.toString(); }},
    {"family_name", [](DuplicateMatch &m, const V &v) { m.familyName = v.toString(); }},
    {"given_name", [](DuplicateMatch &m, const V &v) { m.givenName = v.toString(); }},
    {"email", [](DuplicateMatch &m, const V &v) { m.email = v.toString(); }},
};

const QString kMatchCols = QStringLiteral("id, company, family_name, given_name, email");

} // namespace

QString duplicateReasonLabel(DuplicateReason r) {
    switch (r) {
    case DuplicateReason::Email:
        return QCoreApplication::translate("mikomi::storage::Duplicates", "Same email");
    case DuplicateReason::Phone:
        return QCoreApplication::translate("mikomi::storage::Duplicates", "Same phone number");
    case DuplicateReason::CompanyPerson:
        return QCoreApplication::translate("mikomi::storage::Duplicates",
                                           "Same person at the same company");
    case DuplicateReason::Suggestion:
        return QCoreApplication::translate(
            "mikomi::storage::Duplicates",
            "Possibly the same person (company written differently)");
    }
    return {};
}

Result<QList<DuplicateMatch>> findDuplicates(Database &db, const Lead &lead) {
    QList<DuplicateMatch> out;
    QSet<qint64> seen{lead.id};
    const auto collect = [&](const QString &where, const QVariantList &binds,
                             DuplicateReason reason) -> Status {
        auto q = exec(db,
                      QStringLiteral("SELECT %1 FROM leads WHERE (%2) ORDER BY id LIMIT 50")
                          .arg(kMatchCols, where),
                      binds);
        if (!q)
            return q.failure();
        const auto row = kMatchRow.bind(*q);
        while (q->next()) {
            DuplicateMatch m = row.read();
            m.reason = reason;
            if (reason == DuplicateReason::CompanyPerson &&
                text::nfkcSimplified(m.company) != text::nfkcSimplified(lead.company))
                m.reason = DuplicateReason::Suggestion;
            if (!seen.contains(m.id)) {
                seen.insert(m.id);
                out << m;
            }
        }
        return {};
    };
    // Every email of the lead (its own and its extras) against every stored email, own or extra;
    // the same for the numbers (a fax is no person's own: a shared office fax names nobody).
    const QString byEmail = QStringLiteral(
        "email_key = ? OR id IN (SELECT lead_id FROM lead_contacts WHERE key = ? AND kind = "
        "'email')");
    const QString byPhone = QStringLiteral(
        "phone_key = ? OR mobile_key = ? OR id IN (SELECT lead_id FROM lead_contacts WHERE key = "
        "? AND kind IN ('phone', 'mobile'))");
    // E.164: 090-1234-5678 typed in a Japanese database and +81 90 1234 5678 imported are the
    // same number.
    auto region = phoneRegion(db);
    if (!region)
        return region.failure();
    QStringList emails{text::normalizeEmail(lead.email)};
    QStringList phones{text::phoneKey(lead.phone, *region), text::phoneKey(lead.mobile, *region)};
    for (const ContactPoint &c : lead.extraContacts) {
        if (c.kind == ContactKind::Email)
            emails << contactKey(c, *region);
        else if (c.kind != ContactKind::Fax)
            phones << contactKey(c, *region);
    }
    emails.removeDuplicates();
    phones.removeDuplicates();
    for (const QString &email : std::as_const(emails)) {
        if (email.isEmpty())
            continue;
        if (Status s = collect(byEmail, {email, email}, DuplicateReason::Email); !s)
            return s.failure();
    }
    for (const QString &phone : std::as_const(phones)) {
        if (phone.size() < 6)
            continue;
        if (Status s = collect(byPhone, {phone, phone, phone}, DuplicateReason::Phone); !s)
            return s.failure();
    }
    const QString company = text::companyKey(lead.company);
    const QString person = text::personKey(lead.familyName, lead.givenName);
    if (!company.isEmpty() && !person.isEmpty()) {
        if (Status s = collect(QStringLiteral("company_key = ? AND person_key = ?"),
                               {company, person}, DuplicateReason::CompanyPerson);
            !s)
            return s.failure();
    }
    std::stable_sort(out.begin(), out.end(), [](const DuplicateMatch &a, const DuplicateMatch &b) {
        return int(a.reason) < int(b.reason);
    });
    return out;
}

Result<QList<DuplicateGroup>> duplicateGroups(Database &db, int limit) {
    QList<DuplicateGroup> groups;
    struct Kind {
        QString sql; // one row per group: the ids joined (Dialect::joinedText); LIMIT bound
        DuplicateReason reason;
    };
    const QString ids =
        db.dialect().joinedText(QStringLiteral("CAST(id AS TEXT)"), QStringLiteral("id"));
    const QString byKey = QStringLiteral("SELECT %3 FROM (SELECT id, %1 FROM leads WHERE %2 "
                                         "ORDER BY id) AS d GROUP BY %1 HAVING count(*) > 1 "
                                         "LIMIT ?");
    const QList<Kind> kinds{
        {byKey.arg(QStringLiteral("email_key"), QStringLiteral("email_key <> ''"), ids),
         DuplicateReason::Email},
        // An extra email (lead_contacts) equal to another lead's email or extra email. (UNION
        // leaves each id once per key.)
        {QStringLiteral("SELECT %1 FROM (SELECT lead_id AS id, key FROM lead_contacts WHERE kind "
                        "= 'email' AND key <> '' UNION SELECT id, email_key FROM leads WHERE "
                        "email_key IN (SELECT key FROM lead_contacts WHERE kind = 'email' AND key "
                        "<> '') ORDER BY id) AS d GROUP BY key HAVING count(*) > 1 LIMIT ?")
             .arg(ids),
         DuplicateReason::Email},
        {byKey.arg(QStringLiteral("phone_key"), QStringLiteral("phone_key <> ''"), ids),
         DuplicateReason::Phone},
        {byKey.arg(QStringLiteral("company_key, person_key"),
                   QStringLiteral("company_key <> '' AND person_key <> ''"), ids),
         DuplicateReason::CompanyPerson},
    };
    QSet<QList<qint64>> seen;
    for (const Kind &k : kinds) {
        if (groups.size() >= limit)
            break;
        auto q = exec(db, k.sql, {limit - int(groups.size())});
        if (!q)
            return q.failure();
        QList<QList<qint64>> idLists;
        while (q->next()) {
            QList<qint64> ids;
            for (const QString &s : q->value(0).toString().split(QChar(0x1f)))
                ids << s.toLongLong();
            std::sort(ids.begin(), ids.end());
            if (!seen.contains(ids)) {
                seen.insert(ids);
                idLists << ids;
            }
        }
        for (const QList<qint64> &ids : std::as_const(idLists)) {
            DuplicateGroup g;
            g.reason = k.reason;
            for (qint64 id : ids) {
                auto m = exec(
                    db, QStringLiteral("SELECT %1 FROM leads WHERE id = ?").arg(kMatchCols), {id});
                if (!m)
                    return m.failure();
                if (m->next()) {
                    DuplicateMatch match = kMatchRow.bind(*m).read();
                    match.reason = k.reason;
                    g.leads << match;
                }
            }
            if (k.reason == DuplicateReason::CompanyPerson) {
                for (const DuplicateMatch &m : std::as_const(g.leads)) {
                    if (text::nfkcSimplified(m.company) !=
                        text::nfkcSimplified(g.leads.first().company))
                        g.reason = DuplicateReason::Suggestion;
                }
                for (DuplicateMatch &m : g.leads)
                    m.reason = g.reason;
            }
            groups << g;
        }
    }
    return groups;
}

Lead mergedLead(const Lead &keep, const Lead &other, const QString &phoneRegion) {
    Lead m = keep;
    const auto fill = [](QString &a, const QString &b) {
        if (a.trimmed().isEmpty())
            a = b;
    };
    fill(m.company, other.company);
    fill(m.companyReading, other.companyReading);
    fill(m.department, other.department);
    fill(m.title, other.title);
    fill(m.familyName, other.familyName);
    fill(m.givenName, other.givenName);
    fill(m.familyReading, other.familyReading);
    fill(m.givenReading, other.givenReading);
    fill(m.honorific, other.honorific);
    fill(m.email, other.email);
    fill(m.phone, other.phone);
    fill(m.mobile, other.mobile);
    fill(m.postalCode, other.postalCode);
    fill(m.prefecture, other.prefecture);
    fill(m.city, other.city);
    fill(m.street, other.street);
    fill(m.building, other.building);
    fill(m.country, other.country);
    fill(m.website, other.website);
    fill(m.owner, other.owner);
    fill(m.source, other.source);
    if (!other.notes.trimmed().isEmpty() && !m.notes.contains(other.notes))
        m.notes = m.notes.isEmpty() ? other.notes : m.notes + QLatin1Char('\n') + other.notes;
    // Every email and number of both is kept: the other's own ones that did not fill an empty
    // field, and its extras, join the kept lead's extras (each once, by normalised key).
    QList<ContactPoint> more;
    if (!other.email.isEmpty())
        more << ContactPoint{ContactKind::Email, other.email, QString()};
    if (!other.phone.isEmpty())
        more << ContactPoint{ContactKind::Phone, other.phone, QString()};
    if (!other.mobile.isEmpty())
        more << ContactPoint{ContactKind::Mobile, other.mobile, QString()};
    more << other.extraContacts;
    addContacts(m, more, phoneRegion);
    // Custom fields too: the other's join the kept lead's, a differing value beside its own.
    addCustomFields(m, other.customFields, CustomFieldMerge::Join);
    if (!m.dealValue)
        m.dealValue = other.dealValue;
    if (!m.lifetimeValue)
        m.lifetimeValue = other.lifetimeValue;
    m.optOut = keep.optOut || other.optOut; // an opt-out is never lost in a merge
    if (!m.consentAt && m.consentBasis == ConsentBasis::None) {
        m.consentAt = other.consentAt;
        m.consentBasis = other.consentBasis;
    }
    m.score = std::max(keep.score, other.score);
    if (other.createdAt.isValid() && other.createdAt < m.createdAt)
        m.createdAt = other.createdAt;
    return m;
}

Status mergeLeads(Database &db, qint64 keepId, qint64 otherId) {
    if (keepId == otherId)
        return Error{QCoreApplication::translate("mikomi::storage::Duplicates",
                                                 "A lead cannot be merged into itself.")};
    Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    LeadRepository repo(db);
    auto keep = repo.get(keepId);
    if (!keep)
        return keep.failure();
    auto other = repo.get(otherId);
    if (!other)
        return other.failure();
    auto region = phoneRegion(db);
    if (!region)
        return region.failure();
    if (Status s = repo.update(mergedLead(*keep, *other, *region)); !s)
        return s;
    // The merged-in lead's follow-ups and card images move too (a delete would cascade them
    // away).
    for (const QString &table :
         {QStringLiteral("stage_history"), QStringLiteral("touchpoints"),
          QStringLiteral("activities"), QStringLiteral("tasks"), QStringLiteral("lead_images")}) {
        if (auto q =
                exec(db, QStringLiteral("UPDATE %1 SET lead_id = ? WHERE lead_id = ?").arg(table),
                     {keepId, otherId});
            !q)
            return q.failure();
    }
    if (auto q = exec(db, QStringLiteral("DELETE FROM leads WHERE id = ?"), {otherId}); !q)
        return q.failure();
    db.changes().noteLeads({keepId, otherId}, DataKind::Tasks);
    return tx.commit();
}

} // namespace mikomi::storage
