#include "models/io/leadrow.h"

#include "models/domain/dates.h"
#include "models/domain/money.h"
#include "models/domain/textcheck.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mikomi::io {
namespace {

QString cell(const HeaderMap &map, const CsvRecord &record, int field) {
    const int c = map.column(field);
    if (c < 0 || c >= record.fields.size())
        return {};
    return record.fields.at(c).trimmed();
}

class Errors {
public:
    Errors(const HeaderMap &map, const CsvRecord &record)
        : m_map(map)
        , m_record(record) {}
    void add(int field, const QString &reason) {
        list.append(RowError{m_record.line, field >= 0 ? m_map.header(field) : QString(), reason});
    }
    QList<RowError> list;

private:
    const HeaderMap &m_map;
    const CsvRecord &m_record;
};

QString badDate(const QString &v) {
    return QCoreApplication::translate(
               "Mikomi",
               "\"%1\" is not a valid date; use YYYY-MM-DD, YYYY/MM/DD or YYYY-MM-DD HH:MM.")
        .arg(v);
}

// The strict parse of an amount in the currency of `minorUnitsPerMajor` (1 = JPY, 100 = USD).
Result<Money> money(const QString &text, int minorUnitsPerMajor) {
    const auto currency = currencyOfMinorUnits(minorUnitsPerMajor);
    if (!currency)
        return Error{QCoreApplication::translate("Mikomi", "The currency of amounts is unknown.")};
    return mikomi::parseMoney(text, *currency);
}

// A control character in any mapped cell is an error naming its column; TAB, LF and CR only in
// the fields listed in `multiLine` (notes).
void checkControls(const HeaderMap &map, const CsvRecord &record, int fieldCount, Errors &errors,
                   std::initializer_list<int> multiLine = {}) {
    for (int f = 0; f < fieldCount; ++f) {
        const QString v = cell(map, record, f);
        const bool multi = std::find(multiLine.begin(), multiLine.end(), f) != multiLine.end();
        if (const qsizetype i = forbiddenCharacter(v, multi); i >= 0)
            errors.add(f, forbiddenCharacterMessage(v, i));
    }
}

QString missing() {
    return QCoreApplication::translate("Mikomi", "A value is required in this column.");
}

bool isCjk(QChar c) {
    const char16_t u = c.unicode();
    return (u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) ||
           (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF66 && u <= 0xFF9F) || c.isSurrogate();
}

} // namespace

std::optional<Money> parseMoney(const QString &text, int minorUnitsPerMajor) {
    auto m = money(text, minorUnitsPerMajor);
    if (!m)
        return std::nullopt;
    return *m;
}

std::pair<QString, QString> splitFullName(const QString &fullName) {
    const QString s = fullName.trimmed();
    if (s.isEmpty())
        return {};
    for (const QChar comma : {QChar(u','), QChar(u'，'), QChar(u'、')}) {
        const qsizetype i = s.indexOf(comma);
        if (i > 0)
            return {s.left(i).trimmed(), s.mid(i + 1).trimmed()};
    }
    QStringList parts;
    QString current;
    for (const QChar c : s) {
        if (c.isSpace()) { // includes U+3000
            if (!current.isEmpty())
                parts.append(std::exchange(current, QString()));
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        parts.append(current);
    if (parts.size() <= 1)
        return {s, QString()};
    const bool cjk = std::any_of(s.cbegin(), s.cend(), isCjk);
    if (cjk)
        return {parts.first(), parts.mid(1).join(u' ')};
    return {parts.last(), parts.first(parts.size() - 1).join(u' ')};
}

std::optional<bool> parseOptOut(const QString &text) {
    const QString k = text::foldKey(text);
    static const QStringList truthy{
        QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("yes"),
        QStringLiteral("y"), QStringLiteral("x"),    QStringLiteral("○"),
        QStringLiteral("◯"), QStringLiteral("はい"), QStringLiteral("配信停止")};
    static const QStringList falsy{
        QStringLiteral("0"), QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("n"),
        QString(),           QStringLiteral("いいえ")};
    if (truthy.contains(k))
        return true;
    if (falsy.contains(k))
        return false;
    return std::nullopt;
}

std::optional<QString> parseMonth(const QString &text) {
    static const QRegularExpression re(QStringLiteral(R"(^([0-9]{4})[-/]([0-9]{1,2})$)"));
    const auto m = re.match(text.normalized(QString::NormalizationForm_KC).trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int month = m.captured(2).toInt();
    if (month < 1 || month > 12)
        return std::nullopt;
    return m.captured(1) + u'-' + QStringLiteral("%1").arg(month, 2, 10, QLatin1Char('0'));
}

std::optional<SourceCategory> parseSourceCategory(const QString &text) {
    const QString k = headerKey(text);
    if (const auto c = categoryFromKey(k))
        return c;
    static const QList<std::pair<const char *, SourceCategory>> names{
        {"events", SourceCategory::Event},
        {"インバウンド", SourceCategory::Inbound},
        {"アウトバウンド", SourceCategory::Outbound},
        {"有料広告", SourceCategory::Paid},
        {"広告", SourceCategory::Paid},
        {"パートナー・紹介", SourceCategory::Partnership},
        {"パートナー", SourceCategory::Partnership},
        {"紹介", SourceCategory::Partnership},
        {"イベント", SourceCategory::Event},
        {"不明", SourceCategory::Unknown},
    };
    for (const auto &[name, cat] : names)
        if (k == headerKey(QString::fromUtf8(name)))
            return cat;
    return std::nullopt;
}

RowResult<LeadRow> leadFromRow(const HeaderMap &map, const CsvRecord &record,
                               const RowOptions &options) {
    Errors errors(map, record);
    checkControls(map, record, LeadFieldCount, errors,
                  {int(LeadField::Notes), int(LeadField::LostReason)});
    LeadRow row;
    Lead &lead = row.lead;
    const auto get = [&](LeadField f) { return cell(map, record, int(f)); };

    lead.company = get(LeadField::Company);
    lead.companyReading = get(LeadField::CompanyReading);
    lead.department = get(LeadField::Department);
    lead.title = get(LeadField::Title);
    lead.familyName = get(LeadField::FamilyName);
    lead.givenName = get(LeadField::GivenName);
    if (lead.familyName.isEmpty() && lead.givenName.isEmpty()) {
        const auto [family, given] = splitFullName(get(LeadField::FullName));
        lead.familyName = family;
        lead.givenName = given;
    }
    lead.familyReading = get(LeadField::FamilyReading);
    lead.givenReading = get(LeadField::GivenReading);
    if (lead.familyReading.isEmpty() && lead.givenReading.isEmpty()) {
        const auto [family, given] = splitFullName(get(LeadField::FullReading));
        lead.familyReading = family;
        lead.givenReading = given;
    }
    lead.postalCode = get(LeadField::PostalCode);
    lead.prefecture = get(LeadField::Prefecture);
    lead.city = get(LeadField::City);
    lead.street = get(LeadField::Street);
    lead.building = get(LeadField::Building);
    lead.country = get(LeadField::Country);
    lead.website = get(LeadField::Website);
    lead.owner = get(LeadField::Owner);
    lead.source = get(LeadField::Source);
    lead.notes = get(LeadField::Notes);
    lead.lostReason = get(LeadField::LostReason);

    lead.email = get(LeadField::Email);
    if (!lead.email.isEmpty() && !text::isValidEmail(lead.email))
        errors.add(int(LeadField::Email),
                   QCoreApplication::translate("Mikomi", "\"%1\" is not a valid email address.")
                       .arg(lead.email));
    lead.phone = get(LeadField::Phone);
    if (const QString e = text::phoneError(lead.phone, options.phoneRegion); !e.isEmpty())
        errors.add(int(LeadField::Phone), e);
    lead.mobile = get(LeadField::Mobile);
    if (const QString e = text::phoneError(lead.mobile, options.phoneRegion); !e.isEmpty())
        errors.add(int(LeadField::Mobile), e);

    if (const QString v = get(LeadField::SourceCategory); !v.isEmpty()) {
        row.sourceCategory = parseSourceCategory(v);
        if (!row.sourceCategory)
            errors.add(int(LeadField::SourceCategory),
                       QCoreApplication::translate(
                           "Mikomi",
                           "\"%1\" is not a known source category; use inbound, outbound, paid, "
                           "partnership, event or unknown.")
                           .arg(v));
    }
    if (const QString v = get(LeadField::Stage); !v.isEmpty()) {
        if (const auto st = parseStageValue(v)) {
            lead.stage = st->stage;
            lead.furthestStage = st->stage;
            lead.sqlKind = st->sqlKind;
            lead.lost = st->lost;
        } else {
            errors.add(int(LeadField::Stage),
                       QCoreApplication::translate(
                           "Mikomi",
                           "\"%1\" is not a known stage; use inquiry, mql, sql, sal, sgl, "
                           "opportunity, customer or lost (or a lifecycle stage or lead status "
                           "of HubSpot, Salesforce or Zoho).")
                           .arg(v));
        }
    }
    if (const QString v = get(LeadField::CreatedAt); !v.isEmpty()) {
        if (const auto t = dates::parseUserDateTime(v))
            lead.createdAt = *t;
        else
            errors.add(int(LeadField::CreatedAt), badDate(v));
    }
    for (const LeadField f : {LeadField::WonAt, LeadField::LostAt}) {
        const QString v = get(f);
        if (v.isEmpty())
            continue;
        const auto d = dates::parseUserDate(v);
        if (!d)
            errors.add(int(f), badDate(v));
        else if (f == LeadField::WonAt)
            lead.wonAt = *d;
        else
            lead.lostAt = *d;
    }
    for (const LeadField f : {LeadField::DealValue, LeadField::LifetimeValue}) {
        const QString v = get(f);
        if (v.isEmpty())
            continue;
        const auto m = money(v, options.minorUnitsPerMajor);
        if (!m)
            errors.add(int(f), m.error());
        else if (f == LeadField::DealValue)
            lead.dealValue = *m;
        else
            lead.lifetimeValue = *m;
    }
    if (map.has(int(LeadField::OptOut))) {
        const QString v = get(LeadField::OptOut);
        if (const auto b = parseOptOut(v))
            lead.optOut = *b;
        else
            errors.add(int(LeadField::OptOut),
                       QCoreApplication::translate(
                           "Mikomi",
                           "\"%1\" is not a valid opt-out value; use yes or no, 1 or 0, true or "
                           "false, はい or いいえ.")
                           .arg(v));
    }

    if (const QString v = get(LeadField::ConsentDate); !v.isEmpty()) {
        if (const auto d = dates::parseUserDate(v))
            lead.consentAt = *d;
        else
            errors.add(int(LeadField::ConsentDate), badDate(v));
    }
    if (const QString v = get(LeadField::ConsentBasis); !v.isEmpty()) {
        if (const auto b = consentBasisFromKey(v))
            lead.consentBasis = *b;
        else
            errors.add(int(LeadField::ConsentBasis),
                       QCoreApplication::translate(
                           "Mikomi", "\"%1\" is not a known consent basis; use consent, contract, "
                                     "legitimate_interest or other.")
                           .arg(v));
    }

    const bool personal = !lead.familyName.isEmpty() || !lead.givenName.isEmpty() ||
                          !lead.email.isEmpty() || !lead.phone.isEmpty() || !lead.mobile.isEmpty();
    if (lead.company.isEmpty() && lead.familyName.isEmpty() && lead.email.isEmpty() &&
        lead.phone.isEmpty() && lead.mobile.isEmpty())
        errors.add(-1, QCoreApplication::translate(
                           "Mikomi",
                           "The row is empty or has no identifying field: it needs a company, a "
                           "family name, an email address or a phone number."));
    lead.anonymous = !personal;

    RowResult<LeadRow> result;
    result.errors = std::move(errors.list);
    if (result.errors.isEmpty())
        result.value = std::move(row);
    return result;
}

RowResult<SpendRow> spendFromRow(const HeaderMap &map, const CsvRecord &record,
                                 const RowOptions &options) {
    Errors errors(map, record);
    checkControls(map, record, SpendFieldCount, errors);
    SpendRow row;
    const auto get = [&](SpendField f) { return cell(map, record, int(f)); };
    row.source = get(SpendField::Source);
    if (row.source.isEmpty())
        errors.add(int(SpendField::Source), missing());
    const QString month = get(SpendField::Month);
    if (month.isEmpty())
        errors.add(int(SpendField::Month), missing());
    else if (const auto m = parseMonth(month))
        row.month = *m;
    else
        errors.add(int(SpendField::Month),
                   QCoreApplication::translate(
                       "Mikomi", "\"%1\" is not a valid month; use YYYY-MM or YYYY/MM.")
                       .arg(month));
    const QString amount = get(SpendField::Amount);
    if (amount.isEmpty())
        errors.add(int(SpendField::Amount), missing());
    else if (const auto a = money(amount, options.minorUnitsPerMajor))
        row.amount = *a;
    else
        errors.add(int(SpendField::Amount), a.error());

    RowResult<SpendRow> result;
    result.errors = std::move(errors.list);
    if (result.errors.isEmpty())
        result.value = std::move(row);
    return result;
}

RowResult<TouchpointRow> touchpointFromRow(const HeaderMap &map, const CsvRecord &record) {
    Errors errors(map, record);
    checkControls(map, record, TouchpointFieldCount, errors);
    TouchpointRow row;
    const auto get = [&](TouchpointField f) { return cell(map, record, int(f)); };
    row.email = get(TouchpointField::Email);
    if (row.email.isEmpty())
        errors.add(int(TouchpointField::Email), missing());
    else if (!text::isValidEmail(row.email))
        errors.add(int(TouchpointField::Email),
                   QCoreApplication::translate("Mikomi", "\"%1\" is not a valid email address.")
                       .arg(row.email));
    const QString when = get(TouchpointField::OccurredAt);
    if (when.isEmpty())
        errors.add(int(TouchpointField::OccurredAt), missing());
    else if (const auto t = dates::parseUserDateTime(when))
        row.touchpoint.occurredAt = *t;
    else
        errors.add(int(TouchpointField::OccurredAt), badDate(when));
    row.touchpoint.source = get(TouchpointField::Source);
    if (row.touchpoint.source.isEmpty())
        errors.add(int(TouchpointField::Source), missing());
    row.touchpoint.medium = get(TouchpointField::Medium);
    row.touchpoint.campaign = get(TouchpointField::Campaign);
    row.touchpoint.content = get(TouchpointField::Content);
    row.touchpoint.url = get(TouchpointField::Url);

    RowResult<TouchpointRow> result;
    result.errors = std::move(errors.list);
    if (result.errors.isEmpty())
        result.value = std::move(row);
    return result;
}

} // namespace mikomi::io
