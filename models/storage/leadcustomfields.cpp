#include "models/storage/leadcustomfields.h"

#include "models/domain/textcheck.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QSet>

namespace mikomi::storage {
namespace {

QString nameKey(const QString &name) {
    return name.trimmed().toCaseFolded();
}

} // namespace

int addCustomFields(Lead &lead, const QList<CustomField> &more, CustomFieldMerge mode) {
    int changed = 0;
    for (const CustomField &f : more) {
        const QString key = nameKey(f.name);
        if (key.isEmpty() || f.value.isEmpty())
            continue;
        auto it = std::find_if(lead.customFields.begin(), lead.customFields.end(),
                               [&key](const CustomField &c) { return nameKey(c.name) == key; });
        if (it == lead.customFields.end()) {
            lead.customFields.append(CustomField{f.name.trimmed(), f.value});
            ++changed;
        } else if (it->value == f.value) {
            continue;
        } else if (it->value.isEmpty() || mode == CustomFieldMerge::Overwrite) {
            it->value = f.value;
            ++changed;
        } else if (mode == CustomFieldMerge::Join && !it->value.split(u'\n').contains(f.value)) {
            it->value += u'\n' + f.value;
            ++changed;
        }
    }
    return changed;
}

QString customFieldProblem(const Lead &lead) {
    QSet<QString> seen;
    for (const CustomField &f : lead.customFields) {
        const QString key = nameKey(f.name);
        if (key.isEmpty()) {
            if (f.value.isEmpty())
                continue; // an empty row of the editor's list is no field
            return QCoreApplication::translate("mikomi::storage::LeadCustomFields",
                                               "The custom field value \"%1\" has no "
                                               "name.")
                .arg(f.value);
        }
        if (seen.contains(key))
            return QCoreApplication::translate("mikomi::storage::LeadCustomFields",
                                               "The custom field \"%1\" is there twice.")
                .arg(f.name.trimmed());
        seen.insert(key);
        if (const qsizetype i = forbiddenCharacter(f.name, false); i >= 0)
            return forbiddenCharacterMessage(f.name, i);
        if (const qsizetype i = forbiddenCharacter(f.value, true); i >= 0)
            return forbiddenCharacterMessage(f.value, i);
    }
    return {};
}

namespace {

// A custom field of some lead: lead_id is read only by the queries that select it.
struct LeadField {
    qint64 leadId = 0;
    CustomField field;
};

using V = QVariant;

const RowMapper<LeadField> kFieldRow{
    {"name", [](LeadField &f, const V &v) { f.field.name = v.toString(); }},
    {"value", [](LeadField &f, const V &v) { f.field.value = v.toString(); }},
};

const RowMapper<LeadField> kLeadIdRow{
    {"lead_id", [](LeadField &f, const V &v) { f.leadId = v.toLongLong(); }},
};

} // namespace

Result<QStringList> customFieldNames(const Database &db) {
    auto q = exec(db, QStringLiteral("SELECT name FROM lead_custom_fields GROUP BY name "
                                     "ORDER BY min(id)"));
    if (!q)
        return q.failure();
    QStringList out;
    QSet<QString> seen; // "Industry" and "industry" on two leads are one column
    while (q->next()) {
        const QString name = q->value(0).toString();
        if (!seen.contains(nameKey(name))) {
            seen.insert(nameKey(name));
            out << name;
        }
    }
    return out;
}

Status writeCustomFields(Database &db, qint64 leadId, const QList<CustomField> &fields) {
    if (auto q =
            exec(db, QStringLiteral("DELETE FROM lead_custom_fields WHERE lead_id = ?"), {leadId});
        !q)
        return q.failure();
    int position = 0;
    for (const CustomField &f : fields) {
        const QString name = f.name.trimmed();
        if (name.isEmpty() || f.value.isEmpty())
            continue;
        auto q = exec(db,
                      QStringLiteral("INSERT INTO lead_custom_fields(lead_id, position, name, "
                                     "value) VALUES (?, ?, ?, ?)"),
                      {leadId, position++, name, f.value});
        if (!q)
            return q.failure();
    }
    return {};
}

Result<QList<CustomField>> readCustomFields(const Database &db, qint64 leadId) {
    auto q = exec(db,
                  QStringLiteral("SELECT name, value FROM lead_custom_fields WHERE lead_id = ? "
                                 "ORDER BY position, id"),
                  {leadId});
    if (!q)
        return q.failure();
    QList<CustomField> out;
    const auto row = kFieldRow.bind(*q);
    while (q->next())
        out.append(row.read().field);
    return out;
}

Result<QHash<qint64, QList<CustomField>>> readCustomFields(const Database &db,
                                                           const QList<qint64> &ids) {
    QHash<qint64, QList<CustomField>> out;
    const QString select =
        QStringLiteral("SELECT lead_id, name, value FROM lead_custom_fields %1 ORDER BY lead_id, "
                       "position, id");
    const auto collect = [&out](Result<QSqlQuery> &q) -> Status {
        const auto row = kFieldRow.bind(*q);
        const auto lead = kLeadIdRow.bind(*q);
        while (q->next()) {
            LeadField f = row.read();
            lead.readInto(f);
            out[f.leadId].append(std::move(f.field));
        }
        if (q->lastError().isValid())
            return Error{sqlErrorMessage(q->lastError())};
        return {};
    };
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
