#include "models/storage/leadcontacts.h"

#include "models/domain/textcheck.h"
#include "models/storage/countrystore.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QSet>

namespace mikomi::storage {

QString contactKindKey(ContactKind kind) {
    switch (kind) {
    case ContactKind::Email:
        return QStringLiteral("email");
    case ContactKind::Phone:
        return QStringLiteral("phone");
    case ContactKind::Mobile:
        return QStringLiteral("mobile");
    case ContactKind::Fax:
        return QStringLiteral("fax");
    }
    return QStringLiteral("phone");
}

std::optional<ContactKind> contactKindFromKey(const QString &key) {
    for (ContactKind k :
         {ContactKind::Email, ContactKind::Phone, ContactKind::Mobile, ContactKind::Fax}) {
        if (key == contactKindKey(k))
            return k;
    }
    return std::nullopt;
}

QString contactKey(const ContactPoint &c, const QString &phoneRegion) {
    if (c.kind == ContactKind::Email)
        return text::normalizeEmail(c.value);
    const QString key = text::phoneKey(c.value, phoneRegion);
    const QString raw = c.value.trimmed();
    return key.isEmpty() && !raw.isEmpty() ? QStringLiteral("raw:") + raw : key;
}

ContactPoint tidiedContact(const ContactPoint &c) {
    ContactPoint out = c;
    out.value = c.kind == ContactKind::Email ? tidyEmail(c.value) : tidyPhone(c.value);
    out.label = c.label.trimmed();
    return out;
}

int addContacts(Lead &lead, const QList<ContactPoint> &more, const QString &phoneRegion) {
    QSet<QString> seen;
    for (const QString &k :
         {text::normalizeEmail(lead.email), text::phoneKey(lead.phone, phoneRegion),
          text::phoneKey(lead.mobile, phoneRegion)}) {
        if (!k.isEmpty())
            seen.insert(k);
    }
    for (const ContactPoint &c : std::as_const(lead.extraContacts))
        seen.insert(contactKey(c, phoneRegion));
    int added = 0;
    for (const ContactPoint &c : more) {
        const QString key = contactKey(c, phoneRegion);
        if (key.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        lead.extraContacts.append(c);
        ++added;
    }
    return added;
}

QString contactTextProblem(const Lead &lead) {
    for (const ContactPoint &c : lead.extraContacts) {
        for (const QString &s : {c.value, c.label}) {
            if (const qsizetype i = forbiddenCharacter(s, false); i >= 0)
                return forbiddenCharacterMessage(s, i);
        }
    }
    return {};
}

Result<std::array<int, 4>> mostContactsPerKind(const Database &db) {
    auto q =
        exec(db, QStringLiteral("SELECT kind, max(n) AS most FROM (SELECT kind, count(*) AS n FROM "
                                "lead_contacts GROUP BY lead_id, kind) per_lead GROUP BY kind"));
    if (!q)
        return q.failure();
    std::array<int, 4> out{};
    const int kindColumn = q->record().indexOf(QLatin1String("kind"));
    const int mostColumn = q->record().indexOf(QLatin1String("most"));
    while (q->next()) {
        if (const auto kind = contactKindFromKey(q->value(kindColumn).toString()))
            out[std::size_t(*kind)] = q->value(mostColumn).toInt();
    }
    return out;
}

Status writeContacts(Database &db, qint64 leadId, const QList<ContactPoint> &contacts) {
    if (auto q = exec(db, QStringLiteral("DELETE FROM lead_contacts WHERE lead_id = ?"), {leadId});
        !q)
        return q.failure();
    QString region;
    if (!contacts.isEmpty()) {
        auto r = phoneRegion(db);
        if (!r)
            return r.failure();
        region = *r;
    }
    int position = 0;
    for (const ContactPoint &given : contacts) {
        const ContactPoint c = tidiedContact(given);
        if (c.value.isEmpty())
            continue; // an empty row of the editor's list is no contact
        auto q = exec(
            db,
            QStringLiteral("INSERT INTO lead_contacts(lead_id, position, kind, value, "
                           "label, key) VALUES (?, ?, ?, ?, ?, ?)"),
            {leadId, position++, contactKindKey(c.kind), c.value, c.label, contactKey(c, region)});
        if (!q)
            return q.failure();
    }
    return {};
}

namespace {

// A contact of some lead: lead_id is read only by the queries that select it.
struct LeadContact {
    qint64 leadId = 0;
    ContactPoint contact;
};

using V = QVariant;

const RowMapper<LeadContact> kContactRow{
    {"kind",
     [](LeadContact &c, const V &v) {
         c.contact.kind = contactKindFromKey(v.toString()).value_or(ContactKind::Phone);
     }},
    {"value", [](LeadContact &c, const V &v) { c.contact.value = v.toString(); }},
    {"label", [](LeadContact &c, const V &v) { c.contact.label = v.toString(); }},
};

const RowMapper<LeadContact> kLeadIdRow{
    {"lead_id", [](LeadContact &c, const V &v) { c.leadId = v.toLongLong(); }},
};

} // namespace

Result<QList<ContactPoint>> readContacts(const Database &db, qint64 leadId) {
    auto q = exec(db,
                  QStringLiteral("SELECT kind, value, label FROM lead_contacts WHERE lead_id = ? "
                                 "ORDER BY position, id"),
                  {leadId});
    if (!q)
        return q.failure();
    QList<ContactPoint> out;
    const auto row = kContactRow.bind(*q);
    while (q->next())
        out.append(row.read().contact);
    return out;
}

Result<QHash<qint64, QList<ContactPoint>>> readContacts(const Database &db,
                                                        const QList<qint64> &ids) {
    QHash<qint64, QList<ContactPoint>> out;
    const auto collect = [&out](Result<QSqlQuery> &q) -> Status {
        const auto row = kContactRow.bind(*q);
        const auto lead = kLeadIdRow.bind(*q);
        while (q->next()) {
            LeadContact c = row.read();
            lead.readInto(c);
            out[c.leadId].append(std::move(c.contact));
        }
        if (q->lastError().isValid())
            return Error{sqlErrorMessage(q->lastError())};
        return {};
    };
    const QString select =
        QStringLiteral("SELECT lead_id, kind, value, label FROM lead_contacts %1 ORDER BY "
                       "lead_id, position, id");
    if (ids.isEmpty()) {
        auto q = exec(db, select.arg(QString()));
        if (!q)
            return q.failure();
        if (Status s = collect(q); !s)
            return s.failure();
        return out;
    }
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        QStringList marks;
        QVariantList binds;
        for (qint64 id : ids.mid(from, chunk)) {
            marks << QStringLiteral("?");
            binds << id;
        }
        auto q = exec(db, select.arg(QStringLiteral("WHERE lead_id IN (%1)").arg(marks.join(u','))),
                      binds);
        if (!q)
            return q.failure();
        if (Status s = collect(q); !s)
            return s.failure();
    }
    return out;
}

} // namespace mikomi::storage
