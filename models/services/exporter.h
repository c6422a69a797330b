#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/io/csv.h"
#include "models/io/encoding.h"
#include "models/io/headermap.h"
#include "models/io/leadrow.h"
#include "models/io/vcard.h"
#include "models/storage/database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

// Export of leads to CSV and vCard (product.md §Capabilities 9, §Reliability): CSV cells that a
// spreadsheet would run are neutralised, characters CP932 cannot hold are errors naming the lead
// and the field (never '?'), opted-out and anonymous leads are left out unless asked. The CSV uses
// the field keys of cli.md as headers, so it imports back to the same data.
namespace mikomi::services {

// The lead fields an export writes, in column order (every field but the full-name ones).
const QList<io::LeadField> &exportFields();
// One field of a lead as text, as export writes it and the import preview shows it: dates ISO
// ("2026-04-01", created_at "2026-04-01 09:30:00" local time), money in major units ("1200.50"
// for USD), stage as its key ("sal" for an SQL of that kind, "lost" for a lost lead without a lost
// date), opt-out "yes"/"no", consent date ISO and basis as its key ("legitimate_interest").
QString leadFieldText(const Lead &lead, io::LeadField field, int minorUnitsPerMajor = 1);

// Money in major units as export writes it ("1200", "1200.50").
QString moneyText(Money amount, int minorUnitsPerMajor);

// The CSV export's columns for a lead's extra contacts (Lead::extraContacts), after the field
// columns: per kind "email2", "email3"… (the lead's own is "email"), "phone2"…, "mobile2"…, then
// "fax", "fax2"…, each followed by its label ("email2_label", "fax_label"). `n` counts the
// lead's extras of that kind from 1.
QString contactColumnName(ContactKind kind, int n, bool label);
// The extra contacts a record carries in such columns (only columns `map` left unmapped count),
// appended to lead.extraContacts in column order. A value that is no valid email address or
// phone number (as the lead's own are checked) is an error naming its column; nothing is dropped.
// True for a header readContactColumns() reads when no field claims it ("email2", "Fax_Label"…):
// for reports of the columns an import leaves unused.
bool isContactColumn(const QString &header);
// `phoneRegion`: the database's country, for numbers without a country code.
QList<io::RowError> readContactColumns(const io::HeaderMap &map, const io::CsvRecord &record,
                                       Lead &lead, const QString &phoneRegion);

enum class ExportFormat { Csv = 0, VCard };

struct ExportOptions {
    QString path;
    ExportFormat format = ExportFormat::Csv;
    io::Encoding encoding = io::Encoding::Utf8Bom; // CSV only (vCard is UTF-8)
    io::VCardVersion vcardVersion = io::VCardVersion::V30;
    bool includeOptedOut = false; // also opted-out and anonymous leads
    QList<qint64> leadIds;        // empty = all leads
    int minorUnitsPerMajor = 1;
};

struct ExportError {
    qint64 leadId = 0;
    QString lead;   // display name of the lead
    QString field;  // field label
    QString reason; // translated
};

struct ExportSummary {
    qint64 written = 0;
    qint64 leftOut = 0; // opted-out / anonymous leads not written
    QList<ExportError> errors;
    bool cancelled = false; // stopped through `cancel`: no file written
};

// storage::LeadRepository::forEach(): the leads (as get() gives them) with one query, or one per
// 500 ids when `ids` is given, and hands each to `visit` in id order (or in the order of `ids`);
// `visit` returns false to stop. An Error when the database fails or a given id does not exist.
Status forEachLead(storage::Database &db, const QList<qint64> &ids,
                   const std::function<bool(Lead &&)> &visit);

// Writes the file (atomically: QSaveFile), streaming the leads from the database. When a lead
// cannot be encoded the file is not written and the summary lists every such lead and field; an
// Error only for I/O or database failures.
// `progress` (optional) hears how many leads have been read, every thousand; `cancel` (optional)
// is polled as often and stops the export without writing the file (an existing one is kept).
Result<ExportSummary> exportLeads(storage::Database &db, const ExportOptions &options,
                                  const std::function<void(qint64 read)> &progress = {},
                                  const std::atomic<bool> *cancel = nullptr);

// "Lead "山田 太郎", field "Company": …" (translated).
QString describeExportError(const ExportError &e);

} // namespace mikomi::services
