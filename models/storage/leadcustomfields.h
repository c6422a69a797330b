#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// A lead's custom fields (Lead::customFields): values of columns the user kept under a name of
// their own, in lead_custom_fields (migration_v12.cpp), deleted with the lead.
namespace mikomi::storage {

// How addCustomFields() treats a name the lead already has with another value.
enum class CustomFieldMerge {
    Keep,      // the lead's value stays (an import's merge: only empty fields are filled)
    Overwrite, // the new value replaces it (an import's update)
    Join,      // both are kept, one line each (two duplicate leads merged into one)
};
// Adds `more` to lead.customFields: a name the lead does not have yet is appended; one it has
// is treated as `mode` says. Names are compared trimmed and case-insensitively. Empty values
// add nothing. Returns how many fields changed.
int addCustomFields(Lead &lead, const QList<CustomField> &more, CustomFieldMerge mode);

// What is wrong with the lead's custom fields, as a translated reason (an empty name with a
// value, a name twice, a forbidden character); empty when nothing.
QString customFieldProblem(const Lead &lead);

// The names of the custom fields any lead has, each once, in the order they first appeared: the
// CSV export's columns.
Result<QStringList> customFieldNames(const Database &db);

// --- internal to models/storage ---

// Replaces the stored custom fields of lead `leadId` (part of the caller's transaction). Rows
// with an empty name or value are no field and are not stored.
Status writeCustomFields(Database &db, qint64 leadId, const QList<CustomField> &fields);
// The stored custom fields of one lead, in order.
Result<QList<CustomField>> readCustomFields(const Database &db, qint64 leadId);
// Of several leads (all leads when `ids` is empty), by lead id; leads without any are absent.
Result<QHash<qint64, QList<CustomField>>> readCustomFields(const Database &db,
                                                           const QList<qint64> &ids);

} // namespace mikomi::storage
