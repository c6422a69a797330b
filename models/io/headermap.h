#pragma once

#include "models/domain/enums.h"
#include "models/domain/result.h"
#include "models/io/stagevalue.h" // parseStageValue, read with the headers it maps

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Maps the header row of an imported CSV to the fields Mikomi knows (cli.md "Import": the
// auto-mapping table, plus HubSpot, Salesforce and Japanese business-card exports such as Eight
// and Sansan). Matching is case-, width- and space-insensitive (mikomi::text::foldKey with spaces,
// '_' and '-' removed), so "E-Mail", "ｅｍａｉｌ" and "email_address" all match.
namespace mikomi::io {

enum class LeadField {
    Company = 0,
    CompanyReading,
    Department,
    Title,
    FamilyName,
    GivenName,
    FullName, // split into family/given
    FamilyReading,
    GivenReading,
    FullReading, // split like FullName
    Email,
    Phone,
    Mobile,
    PostalCode,
    Prefecture,
    City,
    Street,
    Building,
    Country,
    Website,
    Source,
    SourceCategory,
    Stage,
    CreatedAt,
    WonAt,
    LostAt,
    LostReason,
    DealValue,
    LifetimeValue,
    Owner,
    Notes,
    OptOut,
    ConsentDate,  // the date the person opted in (consent_at)
    ConsentBasis, // the legal basis (models/domain/consent.h keys)
};
inline constexpr int LeadFieldCount = int(LeadField::ConsentBasis) + 1;

enum class SpendField { Source = 0, Month, Amount };
inline constexpr int SpendFieldCount = 3;

enum class TouchpointField { Email = 0, OccurredAt, Source, Medium, Campaign, Content, Url };
inline constexpr int TouchpointFieldCount = 7;

enum class CsvKind { Leads = 0, Spend, Touchpoints };

// Stable keys ("family_name", "occurred_at"…) as in cli.md, and translated labels.
QString leadFieldKey(LeadField f);
std::optional<LeadField> leadFieldFromKey(const QString &key);
QString leadFieldLabel(LeadField f);
QString spendFieldKey(SpendField f);
QString spendFieldLabel(SpendField f);
QString touchpointFieldKey(TouchpointField f);
QString touchpointFieldLabel(TouchpointField f);

// The key headers are compared by: foldKey, then spaces, '_', '-' and a trailing '*' removed.
QString headerKey(const QString &header);

// The field one header names, if any (a field key such as "family_name" always matches too).
std::optional<LeadField> matchLeadHeader(const QString &header);

// What a lead column holds beyond the one-column-per-field mapping (issue 12: real exports carry
// several emails and phones, labels in their own columns, values Mikomi has no field for). Nothing
// a column holds is dropped without a word: it is a field, one of these roles, or reported as not
// mapped by the import summary.
enum class ColumnRole {
    None = 0,
    ExtraEmail,       // a further email address (E-mail 2 Address, Secondary Email, email2…)
    ExtraPhone,       // a further phone number (Business Phone 2, TEL直通, Home Phone…)
    ExtraMobile,      // a further mobile number
    Fax,              // a fax number (Business Fax, FAX, FAX(1))
    Note,             // kept in the notes as "HEADER: value" (Birthday, Labels, Lead Status beside
                      // Lifecycle Stage, OWNERID…)
    MiddleName,       // appended to the given name ("Anna" + "Maria")
    Honorific,        // Mr./Dr./様 (Outlook's Title beside Job Title, Salutation, Name Prefix)
    FormattedAddress, // a whole address in one cell: the street when no split column has a value
    Label,            // the label of another column's value (Google "Phone 1 - Label")
    Covered,          // repeats what other columns hold (Outlook "E-mail Display Name")
    Custom,           // kept in a custom field the user named (HeaderMap::columnCustomName);
                      // Mikomi's own export writes these as "custom:NAME" columns
};
QString columnRoleKey(ColumnRole r); // "extra_email", "notes", "middle_name"…
QString columnRoleLabel(ColumnRole r);

// Result of mapping a header row. Columns are 0-based; a field mapped by two columns keeps the
// first, except that weak aliases (HubSpot's "Lead Status" for the stage, "Title" beside "Job
// Title") give way to a strong one anywhere in the row. The column that gives way is listed in
// `duplicates` and gets a role: a further email or number, or a line in the notes (or the
// honorific, for Outlook's Title).
struct HeaderMap {
    QStringList headers;
    QList<int> columnField;       // per column: field index, -1 = not mapped
    QList<int> fieldColumn;       // per field: column index, -1 = absent
    QList<ColumnRole> columnRole; // per column: its role when it maps no field (None otherwise)
    QList<int> columnLabel;       // per column: the column that labels its values, -1 = none
    QList<int> unmapped;          // columns with no field and no role: reported, not imported
    QList<int> duplicates;        // columns whose field was already mapped
    QStringList columnCustomName; // per column: the custom field's name (role Custom), else ""

    int column(int field) const {
        return field >= 0 && field < fieldColumn.size() ? fieldColumn.at(field) : -1;
    }
    bool has(int field) const { return column(field) >= 0; }
    // Header text of a field's column (empty when absent).
    QString header(int field) const {
        const int c = column(field);
        return c >= 0 && c < headers.size() ? headers.at(c) : QString();
    }
    ColumnRole role(int column) const {
        return column >= 0 && column < columnRole.size() ? columnRole.at(column) : ColumnRole::None;
    }
    // Columns with this role, in file order.
    QList<int> columnsWith(ColumnRole r) const;
};

HeaderMap mapLeadHeaders(const QStringList &headers);
HeaderMap mapSpendHeaders(const QStringList &headers);
HeaderMap mapTouchpointHeaders(const QStringList &headers);
// Sets (or clears, with field = -1) the mapping of one column by hand (the preview's combo box).
void setColumnField(HeaderMap &map, int column, int field);
// Gives one column a role by hand (--map "HEADER=notes", the wizard's "Keep in notes"); its field,
// if any, is unmapped. ColumnRole::None leaves the column not mapped (and reported).
void setColumnRole(HeaderMap &map, int column, ColumnRole role);
// Keeps one column in the custom field `name` (--map "HEADER=custom:NAME", the wizard's "Custom
// field…"); an empty name leaves the column not mapped.
void setColumnCustom(HeaderMap &map, int column, const QString &name);
// The header Mikomi's CSV export gives a custom field's column ("custom:NAME"), and the name such
// a header holds (empty when it is no such header). The header map maps these columns back.
QString customColumnHeader(const QString &name);
QString customNameOfHeader(const QString &header);
// Applies one "--map HEADER=TARGET" rule: TARGET is a lead field key (cli.md, "title",
// "family_name"…), a role key ("notes", "extra_email", "extra_phone", "extra_mobile", "fax",
// "middle_name", "honorific", "formatted_address"), "custom:NAME" (kept in the custom field NAME)
// or "ignore"/"-" (not imported, still reported).
// HEADER is compared as headers are (case-, width- and space-insensitive). An error names what
// is unknown.
Result<int> applyColumnRule(HeaderMap &map, const QString &header, const QString &target);

// What kind of file a header row belongs to: spend when it has source, month and amount and no
// person fields; touchpoints when it has email, occurred_at and source (or utm_source) and no
// other lead field; leads otherwise.
CsvKind detectCsvKind(const QStringList &headers);

} // namespace mikomi::io
