#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/privacy.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

// `person export` (cli.md, product.md §Privacy): everything held about one person, for a subject
// access request. JSON holds it all; a vCard holds the contact fields only.
namespace mikomi::services {

enum class PersonExportFormat { Json, VCard };

// The format a file name asks for: ".vcf" (any case) → vCard, anything else → JSON.
PersonExportFormat personExportFormatFor(const QString &path);

// {"exported_at": "…", "people": [{"lead": {id, every field of the CSV export under its key,
// honorific, anonymous, score, "extra_contacts": [{kind, value, label}], …}, "consent": {"date",
// "basis", "opt_out"}, "stage_history": [...], "touchpoints": [...], "activities": [...], "tasks":
// [...], "card_images": [{"side", "format", "media_type", "created_at", "bytes", "data_base64"}]}]}
// (the business-card images as kept, base64). Times ISO-8601 with offset. Money in major units as
// the CSV export writes it
// (`minorUnitsPerMajor`: 1 for yen, 100 for USD); `sourceCategories`: source name → category key.
QByteArray personJson(const QList<storage::PersonRecord> &people, const QDateTime &exportedAt,
                      int minorUnitsPerMajor = 1,
                      const QHash<QString, QString> &sourceCategories = {});

// The export as bytes (JSON indented, or vCard 4.0 cards).
Result<QByteArray> exportPerson(storage::Database &db, const QList<qint64> &ids,
                                PersonExportFormat format, int minorUnitsPerMajor = 1);

// Writes exportPerson() to `path` atomically (the format from its name).
Status writePersonExport(storage::Database &db, const QList<qint64> &ids, const QString &path,
                         int minorUnitsPerMajor = 1);

// What an erase removes, one "Label: count" line each (leads, stage history entries,
// touchpoints, activities, follow-up tasks, business-card images), translated.
QStringList eraseContentLines(const storage::EraseSummary &summary);

} // namespace mikomi::services
