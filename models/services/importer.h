#pragma once

#include "models/domain/dates.h"
#include "models/domain/result.h"
#include "models/io/csv.h"
#include "models/io/encoding.h"
#include "models/io/headermap.h"
#include "models/io/leadrow.h"
#include "models/storage/database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

// The import pipeline (product.md §Capabilities 9, cli.md "Import"), shared by `mikomi import` and
// the import wizard: analyse a file (encoding, delimiter, kind, header mapping, preview), then run
// it in ONE transaction (a dry run is the same code rolled back; Cancel rolls back too), so the
// database is never left half-imported. Rows match existing leads — and earlier rows of the same
// file — by normalised email, else normalised phone + family name, else company + person.
namespace mikomi::services {

enum class ImportKind { Leads = 0, Spend, Touchpoints, VCard };
QString importKindKey(ImportKind k); // "leads", "spend", "touchpoints", "vcard"
std::optional<ImportKind> importKindFromKey(const QString &key);
QString importKindLabel(ImportKind k);

// What to do when a row matches a lead that already exists.
enum class OnMatch {
    Merge = 0, // fill the fields of the existing lead that are empty
    Skip,      // leave the existing lead alone
    Update,    // overwrite with the row's non-empty values (stage too)
};
QString onMatchKey(OnMatch m); // "merge", "skip", "update"
std::optional<OnMatch> onMatchFromKey(const QString &key);

struct ImportOptions {
    QString path;
    std::optional<ImportKind> kind;       // none = from the file (.vcf, headers)
    std::optional<io::Encoding> encoding; // none = detect
    std::optional<QChar> delimiter;       // none = detect
    std::optional<io::HeaderMap> mapping; // none = automatic (io::map*Headers)
    // --map "HEADER=TARGET" rules applied over the mapping (io::applyColumnRule), in order.
    QList<std::pair<QString, QString>> columnRules;
    // How year-last numeric dates are read (--date-order); none = detected from the file when a
    // value decides it (13/5/2026 is day first), else such dates are row errors asking for it.
    std::optional<dates::DateOrder> dateOrder;
    OnMatch onMatch = OnMatch::Merge;
    bool dryRun = false;
    QString defaultSource;      // source for rows that name none (--source)
    int minorUnitsPerMajor = 1; // 1 = JPY, 100 = USD
    // Region of phone numbers without a country code ("US"); empty = the database's country
    // (storage/countrystore.h).
    QString phoneRegion;
    QString user;  // written to stage history
    QDateTime now; // created_at of rows without one (default: now)
    // New open leads (at Inquiry, not lost) created this many days before `now` or later get
    // their first follow-up task by the response-time rules, as if typed in; older rows are
    // history and get none. 0 = no follow-ups.
    int followUpDays = 14;
};

// What analyse() found: enough to show the wizard's mapping page.
struct ImportAnalysis {
    ImportKind kind = ImportKind::Leads;
    io::Encoding encoding = io::Encoding::Utf8;
    QChar delimiter = u',';
    io::HeaderMap mapping;                     // empty for vCard
    std::optional<dates::DateOrder> dateOrder; // given, or detected from the preview rows
    QList<io::CsvRecord> previewRecords;       // first data rows as read
    QList<Lead> previewLeads;                  // vCard: the first cards
    qint64 cardCount = 0;                      // vCard: cards in the file
    qint64 fileSize = 0;
};

// Reads the header and the first `previewRows` records. An error when the file cannot be read or
// decoded at all.
Result<ImportAnalysis> analyseImport(const ImportOptions &options, int previewRows = 20);

// The preview: the first rows of `analysis` as they will be stored (one string per field of the
// kind, in field order; errors of the row in `errors`).
struct PreviewRow {
    int line = 0;
    QStringList values;
    QList<io::RowError> errors;
};
// `phoneRegion`: the region of phone numbers without a country code (the database's country).
QList<PreviewRow> previewRows(const ImportAnalysis &analysis, int minorUnitsPerMajor,
                              const QString &phoneRegion);
// Field labels of a kind (the preview's columns and the mapping combo boxes).
QStringList fieldLabels(ImportKind kind);
int fieldCount(ImportKind kind);

struct RejectedRow {
    int line = 0;
    QStringList fields; // the record as read (empty for vCard)
    QList<io::RowError> errors;
};

// One field of an existing lead changed by an import row (merge fills, update overwrites; a
// stage that advanced and a creation date learnt from the file count too).
struct FieldChange {
    int line = 0;
    qint64 leadId = 0;
    QString field; // a lead field key (io::leadFieldKey), "stage" or "created_at"
    QString before;
    QString after;
    bool operator==(const FieldChange &) const = default;
};

struct ImportSummary {
    ImportKind kind = ImportKind::Leads;
    io::Encoding encoding = io::Encoding::Utf8;
    qint64 rowsRead = 0;
    qint64 created = 0; // leads (or spend months, touchpoints) added
    qint64 merged = 0;
    qint64 updated = 0;
    qint64 skipped = 0; // matched with on-match skip, or already present
    qint64 rejected = 0;
    qint64 followUps = 0; // first follow-up tasks created for new leads
    bool dryRun = false;
    bool cancelled = false;
    QList<io::RowError> errors;   // every error of every rejected row
    QList<io::RowError> warnings; // not fatal (vCard lines that could not be read)
    QStringList headers;          // of the CSV, for the report
    QList<RejectedRow> rejectedRows;
    // What matched rows changed in existing leads, field by field (re-importing a newer export).
    QList<FieldChange> changes;

    // Nothing dropped without a word (issue 12): the columns not imported and how many values
    // they held, the columns kept as lines of the notes, the footer of a report export that was
    // recognised and left out, how year-last dates were read, and owners written as email
    // addresses no user has (kept as written; one a user has assigns that user).
    struct Column {
        QString header;
        qint64 values = 0; // non-empty cells in the data rows
        bool operator==(const Column &) const = default;
    };
    QList<Column> notImported;
    QList<Column> keptInNotes;
    QList<std::pair<QString, Column>> keptInCustom; // custom field name, column
    int footerLine = 0;  // first line of a Salesforce report footer (0 = none)
    int footerLines = 0; // records in it
    QString footerText;  // its first cell ("Grand Totals (3 records)", the report title)
    std::optional<dates::DateOrder> dateOrder; // the order year-last dates were read in
    bool dateOrderDetected = false;
    int dateOrderLine = 0; // the line whose value decided it
    QString dateOrderValue;
    QStringList ownerEmails; // distinct owners given as email addresses no user has
};

// Progress: rows handled so far, bytes read of the file, file size. Called every few hundred rows
// and at the end, from the calling thread.
using ImportProgress = std::function<void(qint64 rows, qint64 bytesRead, qint64 totalBytes)>;

// Runs the import. `cancel` is polled between rows; when it becomes true the transaction is
// rolled back and the summary says cancelled. An Error only when the file cannot be read at all or
// the database fails (then nothing was changed).
Result<ImportSummary> runImport(storage::Database &db, const ImportOptions &options,
                                const ImportProgress &progress = {},
                                const std::atomic<bool> *cancel = nullptr);

// The rejected rows as a CSV to fix and import again: the original columns plus "import_line",
// "import_column" and "import_error" (ignored by the header mapping). UTF-8 with BOM.
Status writeRejectedReport(const ImportSummary &summary, const QString &path);

// The field-by-field changes to existing leads: a heading, then one line per field with the
// number of leads and a first example (translated). Empty when nothing changed.
QStringList changeLines(const QList<FieldChange> &changes);
// Applies options.columnRules to `map` (an error names the rule that does not fit the file).
Status applyColumnRules(io::HeaderMap &map, const ImportOptions &options);
// True for a record of a Salesforce report's footer that proves it is one: the copyright line
// ("Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."), "Confidential
// Information - Do Not Distribute" or "Generated By: …".
bool isReportFooterMarker(const io::CsvRecord &record);

// One line per count, translated ("Rows read: 120" …), then changeLines, the columns not
// imported, the columns kept in the notes, a footer left out, the date order and owners given as
// emails.
QStringList summaryLines(const ImportSummary &summary);
// "Line 12, column "Email": reason" (translated).
QString describeRowError(const io::RowError &e);

} // namespace mikomi::services
