#pragma once

#include "models/domain/dates.h"
#include "models/domain/lead.h"
#include "models/io/csv.h"
#include "models/io/headermap.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// Turns one CSV record into a Lead, a spend row or a touchpoint, or into row errors. Nothing is
// guessed (product.md §Reliability): a bad date, amount, email, phone, opt-out or stage value is
// an error on that row naming its column, never today, 0 or a default.
namespace mikomi::io {

struct RowError {
    int line = 0;   // physical line of the record
    QString column; // header text of the column ("" when the error is about the whole row)
    QString reason; // translated sentence
    bool operator==(const RowError &) const = default;
};

template <typename T> struct RowResult {
    std::optional<T> value;
    QList<RowError> errors;
    bool ok() const { return value.has_value() && errors.isEmpty(); }
};

struct RowOptions {
    // Minor units per major unit of the money columns: 1 for JPY (no decimals), 100 for USD.
    int minorUnitsPerMajor = 1;
    // The region of phone numbers written without a country code ("JP", "US"). The importer
    // passes the database's country (storage/countrystore.h); JP is that of a database with
    // neither a country nor a currency. Empty: only numbers written with + are valid.
    QString phoneRegion = QStringLiteral("JP");
    // How year-last numeric dates (5/12/2026) are read: given by --date-order or detected from
    // the file by the import. None: such a date is a row error asking for --date-order.
    std::optional<dates::DateOrder> dateOrder = std::nullopt;
};

// mikomi::parseMoney (models/domain/money.h) in the currency of `minorUnitsPerMajor` (1 = JPY,
// 100 = USD); nullopt where that gives an error.
std::optional<Money> parseMoney(const QString &text, int minorUnitsPerMajor);

// Full name → {family, given}. Japanese (kana/kanji) names are family first: "山田 太郎" and
// "山田　太郎" → {山田, 太郎}; without a space all of it is the family name. Latin names are given
// first ("Anna Smith" → {Smith, Anna}; "Anna Maria Smith" → {Smith, Anna Maria}) unless written
// "Smith, Anna". A single Latin word is the family name.
std::pair<QString, QString> splitFullName(const QString &fullName);

// Opt-out flags: 1, true, yes, y, x, ○, はい, 配信停止 (and the full-width forms) → true;
// 0, false, no, n, empty, いいえ → false; anything else nullopt.
std::optional<bool> parseOptOut(const QString &text);

// The date columns of a lead row (created, won, lost, consent) whose value is a year-last date,
// with what each says about the order (dates::dateOrderEvidence), in column order.
QList<std::pair<int, dates::DateOrderEvidence>> dateEvidence(const HeaderMap &map,
                                                             const CsvRecord &record);

// Spend month: YYYY-MM or YYYY/MM (full-width digits too) → "YYYY-MM".
std::optional<QString> parseMonth(const QString &text);

// Source category values: the keys (inbound, outbound, paid, partnership, event, unknown),
// "events", and the Japanese names (インバウンド, アウトバウンド, 有料広告, パートナー・紹介,
// イベント, 不明).
std::optional<SourceCategory> parseSourceCategory(const QString &text);

// A lead as imported, plus what a lead does not hold itself (the category of its source).
struct LeadRow {
    Lead lead;
    std::optional<SourceCategory> sourceCategory;
};
// Lead fields are trimmed; phone and email are kept as typed once validated. A row with no
// company, family name, email, phone or mobile is an error. `lead.anonymous` is set when there is
// no personal data (company only). created_at left empty when the file has none.
// Columns with a role (HeaderMap::columnRole): every email and number of the row, in file order
// (the mapped email/phone/mobile columns first), fills lead.email, lead.phone and lead.mobile
// when empty, the rest goes to lead.extraContacts with its label (the label column's value, else
// the header); a fax is always an extra contact. A phone whose label says mobile/携帯 is a mobile,
// one that says fax a fax. Google's " ::: " separates several values in one cell; emails are also
// split at ';'. Note columns become "HEADER: value" lines after the notes.
// The year-last dates of a row (5/12/2026 8:30 AM) are read in `options.dateOrder`.
RowResult<LeadRow> leadFromRow(const HeaderMap &map, const CsvRecord &record,
                               const RowOptions &options = {});
RowResult<SpendRow> spendFromRow(const HeaderMap &map, const CsvRecord &record,
                                 const RowOptions &options = {});

// A touchpoint as imported: the lead is named by email, matched later by the import pipeline.
struct TouchpointRow {
    QString email;
    Touchpoint touchpoint;
};
RowResult<TouchpointRow> touchpointFromRow(const HeaderMap &map, const CsvRecord &record);

} // namespace mikomi::io
