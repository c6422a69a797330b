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
// spreadsheet would run are neutralised; opted-out and anonymous leads are left out unless asked.
// The CSV uses the field keys of cli.md as headers, so it imports back to the same data.
// A character Shift_JIS (CP932) cannot hold (é, 𠮷, emoji) in a CP932 CSV or a vCard 2.1 does not
// stop the export: the file is written for every lead with 〓 (U+3013 GETA MARK, the Japanese
// sign for a missing glyph) in its place, never a silent '?'; each such cell is reported by lead
// and column; and the same export in UTF-8 is written beside it (losslessExportPath()), so
// nothing is lost.
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
    io::Encoding encoding = io::Encoding::Utf8Bom; // CSV only (vCard 3.0/4.0 is UTF-8, 2.1 CP932)
    io::VCardVersion vcardVersion = io::VCardVersion::V30;
    bool includeOptedOut = false; // also opted-out and anonymous leads
    QList<qint64> leadIds;        // empty = all leads
    int minorUnitsPerMajor = 1;
};

// A cell the file's encoding cannot hold: written with 〓 in place of each of `characters`.
struct ExportReplacement {
    qint64 leadId = 0;
    QString lead;   // display name of the lead
    QString column; // the CSV column ("notes", "email2"), or the field's label for a vCard
    bool csv = true;
    QList<char32_t> characters; // in order, each as often as it occurs
};

struct ExportSummary {
    qint64 written = 0;
    qint64 leftOut = 0; // opted-out / anonymous leads not written
    // Cells written with 〓; when there are any, the same export in UTF-8 was written to
    // `losslessPath` (a CSV: UTF-8 with BOM; a vCard 2.1: CHARSET=UTF-8).
    QList<ExportReplacement> replaced;
    QString losslessPath;
    bool cancelled = false; // stopped through `cancel`: no file written
};

// Where the lossless alternative of an export to `path` goes: beside it, ".utf8" before the
// suffix ("leads.csv" → "leads.utf8.csv", "cards.vcf" → "cards.utf8.vcf", "out" → "out.utf8").
QString losslessExportPath(const QString &path);

// storage::LeadRepository::forEach(): the leads (as get() gives them) with one query, or one per
// 500 ids when `ids` is given, and hands each to `visit` in id order (or in the order of `ids`);
// `visit` returns false to stop. An Error when the database fails or a given id does not exist.
Status forEachLead(storage::Database &db, const QList<qint64> &ids,
                   const std::function<bool(Lead &&)> &visit);

// Writes the file (atomically: QSaveFile), streaming the leads from the database, and the
// lossless alternative beside it when a cell had to be written with 〓 (see above); an Error only
// for I/O or database failures (then neither file is written).
// `progress` (optional) hears how many leads have been read, every thousand; `cancel` (optional)
// is polled as often and stops the export without writing the file (an existing one is kept).
Result<ExportSummary> exportLeads(storage::Database &db, const ExportOptions &options,
                                  const std::function<void(qint64 read)> &progress = {},
                                  const std::atomic<bool> *cancel = nullptr);

// "é (U+00E9), 𠮷 (U+20BB7)".
QString describeCharacters(const QList<char32_t> &characters);
// "Lead "山田 太郎" (#12), column "notes": 😀 (U+1F600) is not in Shift_JIS (CP932) and was
// written as 〓." (translated).
QString describeExportReplacement(const ExportReplacement &r);

} // namespace mikomi::services
