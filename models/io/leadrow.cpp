#include "models/io/leadrow.h"

#include "models/domain/dates.h"
#include "models/domain/money.h"
#include "models/domain/textcheck.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QVarLengthArray>

#include <string_view>

namespace mikomi::io {
namespace {

// QChar::isSpace, answered inline for ASCII and for everything above U+3000 (no space or line
// separator is there; tst_leadrow::noSpaceAboveIdeographicSpace checks Qt's tables), so the
// kana and kanji that end most Japanese cells are not looked up in the Unicode tables.
bool isSpace(QChar c) {
    const char16_t u = c.unicode();
    if (u < 0x80)
        return u == u' ' || (u >= u'\t' && u <= u'\r');
    return u <= 0x3000 && c.isSpace();
}

// QStringView::trimmed, without a call into Qt for a cell that has nothing to trim (most).
QStringView trimmedView(QStringView v) {
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isSpace(v[b]))
        ++b;
    while (e > b && isSpace(v[e - 1]))
        --e;
    return v.sliced(b, e - b);
}

// QString::contains for a short cell and a short needle, without Qt's search set-up (which was
// dearer than the search: the cell of every email and number of a row is looked at).
bool contains(QStringView s, std::u16string_view needle) {
    return std::u16string_view(s.utf16(), std::size_t(s.size())).find(needle) !=
           std::u16string_view::npos;
}

// QString::trimmed: the cell itself (shared, no copy) when it has nothing to trim, a null
// string when it is all space.
QString trimmedCell(const QString &s) {
    const QStringView t = trimmedView(s);
    if (t.size() == s.size())
        return s;
    return t.isEmpty() ? QString() : t.toString();
}

QString cell(const HeaderMap &map, const CsvRecord &record, int field) {
    const int c = map.column(field);
    if (c < 0 || c >= record.fields.size())
        return {};
    return trimmedCell(record.fields.at(c));
}

class Errors {
public:
    Errors(const HeaderMap &map, const CsvRecord &record)
        : m_map(map)
        , m_record(record) {}
    void add(int field, const QString &reason) {
        list.append(RowError{m_record.line, field >= 0 ? m_map.header(field) : QString(), reason});
    }
    void addColumn(int column, const QString &reason) {
        list.append(RowError{m_record.line, m_map.headers.value(column), reason});
    }
    QList<RowError> list;

private:
    const HeaderMap &m_map;
    const CsvRecord &m_record;
};

QString badDate(const QString &v) {
    return QCoreApplication::translate(
               "mikomi::io::LeadRow",
               "\"%1\" is not a valid date; use YYYY-MM-DD, YYYY/MM/DD or YYYY-MM-DD HH:MM.")
        .arg(v);
}

// A date that does not parse: ambiguous year-last dates ask for the order.
QString dateError(const QString &v, const std::optional<dates::DateOrder> &order) {
    const auto evidence = dates::dateOrderEvidence(v);
    if (!order && evidence != dates::DateOrderEvidence::None &&
        evidence != dates::DateOrderEvidence::Impossible)
        return QCoreApplication::translate(
                   "mikomi::io::LeadRow",
                   "\"%1\" could be month/day/year or day/month/year and the file does "
                   "not say which; give --date-order mdy or --date-order dmy.")
            .arg(v);
    if (order && *order != dates::DateOrder::Ymd && evidence != dates::DateOrderEvidence::None)
        return QCoreApplication::translate(
                   "mikomi::io::LeadRow",
                   "\"%1\" is not a valid date in the order %2 of this file.")
            .arg(v, dates::dateOrderKey(*order));
    return badDate(v);
}

std::optional<QDateTime> parseDateTime(const QString &v,
                                       const std::optional<dates::DateOrder> &order) {
    return dates::parseUserDateTime(v, order.value_or(dates::DateOrder::Ymd));
}

std::optional<QDate> parseDate(const QString &v, const std::optional<dates::DateOrder> &order) {
    return dates::parseUserDate(v, order.value_or(dates::DateOrder::Ymd));
}

QString cellAt(const CsvRecord &record, int column) {
    if (column < 0 || column >= record.fields.size())
        return {};
    return trimmedCell(record.fields.at(column));
}

// Google writes several values of one kind in one cell: "a@x.example ::: b@y.example".
QStringList splitValues(const QString &v, bool email) {
    QStringList out;
    for (QString part : v.split(QStringLiteral(" ::: "))) {
        if (email) {
            part.replace(u',', u';');
            for (const QString &e : part.split(u';')) {
                if (!e.trimmed().isEmpty())
                    out << e.trimmed();
            }
        } else if (!part.trimmed().isEmpty()) {
            out << part.trimmed();
        }
    }
    return out;
}

// "* Work" (Google marks the primary value with '*'), "SMTP" (Outlook's address type) → label.
QString cleanLabel(const QString &label) {
    QString l = label.trimmed();
    if (l.startsWith(u'*'))
        l = l.mid(1).trimmed();
    if (l.compare(QLatin1String("SMTP"), Qt::CaseInsensitive) == 0 ||
        l.compare(QLatin1String("EX"), Qt::CaseInsensitive) == 0)
        return {};
    return l;
}

// A phone's kind by its label: mobile/cell/携帯 → mobile, fax/ファックス → fax.
std::optional<ContactKind> kindFromLabel(const QString &label) {
    const QString k = text::foldKey(label);
    if (k.contains(QLatin1String("fax")) || k.contains(QStringLiteral("ファックス")) ||
        k.contains(QStringLiteral("ファクス")))
        return ContactKind::Fax;
    if (k.contains(QLatin1String("mobile")) || k.contains(QLatin1String("cell")) ||
        k.contains(QStringLiteral("携帯")) || k == u"iphone")
        return ContactKind::Mobile;
    return std::nullopt;
}

// The strict parse of an amount in the currency of `minorUnitsPerMajor` (1 = JPY, 100 = USD).
Result<Money> money(const QString &text, int minorUnitsPerMajor) {
    const auto currency = currencyOfMinorUnits(minorUnitsPerMajor);
    if (!currency)
        return Error{QCoreApplication::translate("mikomi::io::LeadRow",
                                                 "The currency of amounts is unknown.")};
    return mikomi::parseMoney(text, *currency);
}

// A control character in any mapped cell is an error naming its column; TAB, LF and CR only in
// the fields listed in `multiLine` (notes).
void checkControls(const HeaderMap &map, const CsvRecord &record, int fieldCount, Errors &errors,
                   std::initializer_list<int> multiLine = {}) {
    for (int f = 0; f < fieldCount; ++f) {
        // The cell as cell() gives it, looked at in place (no string per field and row).
        const int c = map.column(f);
        if (c < 0 || c >= record.fields.size())
            continue;
        const QStringView v = trimmedView(record.fields.at(c));
        const bool multi = std::find(multiLine.begin(), multiLine.end(), f) != multiLine.end();
        for (qsizetype i = 0; i < v.size(); ++i) {
            const char16_t ch = v[i].unicode();
            if (ch >= 0x20 && (ch < 0x7F || ch > 0x9F))
                continue;
            if (multi && (ch == u'\t' || ch == u'\n' || ch == u'\r'))
                continue;
            // As forbiddenCharacter() finds it (textcheck.h).
            errors.add(f, forbiddenCharacterMessage(v.toString(), i));
            break;
        }
    }
}

QString missing() {
    return QCoreApplication::translate("mikomi::io::LeadRow",
                                       "A value is required in this column.");
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

QList<std::pair<int, dates::DateOrderEvidence>> dateEvidence(const HeaderMap &map,
                                                             const CsvRecord &record) {
    QList<std::pair<int, dates::DateOrderEvidence>> out;
    for (const LeadField f :
         {LeadField::CreatedAt, LeadField::WonAt, LeadField::LostAt, LeadField::ConsentDate}) {
        const int c = map.column(int(f));
        if (c < 0)
            continue;
        const auto e = dates::dateOrderEvidence(cellAt(record, c));
        if (e != dates::DateOrderEvidence::None)
            out.append({c, e});
    }
    return out;
}

RowResult<LeadRow> leadFromRow(const HeaderMap &map, const CsvRecord &record,
                               const RowOptions &options) {
    Errors errors(map, record);
    checkControls(map, record, LeadFieldCount, errors,
                  {int(LeadField::Notes), int(LeadField::LostReason)});
    // The columns with a role, found once (most files have none).
    QVarLengthArray<int, 16> roleColumns;
    for (qsizetype c = 0; c < map.columnRole.size(); ++c)
        if (map.columnRole.at(c) != ColumnRole::None)
            roleColumns.append(int(c));
    const auto withRole = [&](ColumnRole r) {
        QVarLengthArray<int, 4> out;
        for (const int c : roleColumns)
            if (map.columnRole.at(c) == r)
                out.append(c);
        return out;
    };
    for (const int c : roleColumns) {
        const ColumnRole r = map.columnRole.at(c);
        if (r == ColumnRole::Covered)
            continue;
        const bool multi =
            r == ColumnRole::Note || r == ColumnRole::FormattedAddress || r == ColumnRole::Custom;
        const QString v = cellAt(record, c);
        if (const qsizetype i = forbiddenCharacter(v, multi); i >= 0)
            errors.addColumn(c, forbiddenCharacterMessage(v, i));
    }
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
    for (const int c : withRole(ColumnRole::MiddleName)) {
        const QString middle = cellAt(record, c);
        if (!middle.isEmpty())
            lead.givenName = lead.givenName.isEmpty() ? middle : lead.givenName + u' ' + middle;
    }
    for (const int c : withRole(ColumnRole::Honorific)) {
        if (const QString v = cellAt(record, c); !v.isEmpty()) {
            lead.honorific = v;
            break;
        }
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
    if (lead.prefecture.isEmpty() && lead.city.isEmpty() && lead.street.isEmpty() &&
        lead.building.isEmpty()) {
        // A whole address in one cell (Google "Address 1 - Formatted", Sansan 住所(1)［全て］)
        // is the street when no split column (but the postal code or country) has a value;
        // otherwise it repeats them.
        for (const int c : withRole(ColumnRole::FormattedAddress)) {
            QStringList lines;
            for (const QString &l : cellAt(record, c).split(u'\n'))
                if (!l.trimmed().isEmpty())
                    lines << l.trimmed();
            if (!lines.isEmpty()) {
                lead.street = lines.join(QStringLiteral(", "));
                break;
            }
        }
    }
    lead.notes = get(LeadField::Notes);
    for (const int c : withRole(ColumnRole::Note)) {
        const QString v = cellAt(record, c);
        if (v.isEmpty())
            continue;
        const QString line = map.headers.value(c).trimmed() + QStringLiteral(": ") + v;
        lead.notes = lead.notes.isEmpty() ? line : lead.notes + u'\n' + line;
    }
    lead.lostReason = get(LeadField::LostReason);
    // Columns kept in custom fields; two columns kept under one name give one line each.
    for (const int c : withRole(ColumnRole::Custom)) {
        const QString name = map.columnCustomName.value(c);
        const QString v = cellAt(record, c);
        if (name.isEmpty() || v.isEmpty())
            continue;
        auto it = std::find_if(lead.customFields.begin(), lead.customFields.end(),
                               [&name](const CustomField &f) {
                                   return f.name.compare(name, Qt::CaseInsensitive) == 0;
                               });
        if (it == lead.customFields.end())
            lead.customFields.append(CustomField{name, v});
        else
            it->value += u'\n' + v;
    }

    // Every email and number of the row, mapped columns first, then the role columns in file
    // order; each fills the lead's own field when empty, else becomes an extra contact.
    struct Source {
        int column;
        ContactKind kind;
    };
    QVarLengthArray<Source, 8> sources;
    if (const int c = map.column(int(LeadField::Email)); c >= 0)
        sources.append({c, ContactKind::Email});
    if (const int c = map.column(int(LeadField::Phone)); c >= 0)
        sources.append({c, ContactKind::Phone});
    if (const int c = map.column(int(LeadField::Mobile)); c >= 0)
        sources.append({c, ContactKind::Mobile});
    for (const int c : roleColumns) {
        switch (map.columnRole.at(c)) {
        case ColumnRole::ExtraEmail:
            sources.append({c, ContactKind::Email});
            break;
        case ColumnRole::ExtraPhone:
            sources.append({c, ContactKind::Phone});
            break;
        case ColumnRole::ExtraMobile:
            sources.append({c, ContactKind::Mobile});
            break;
        case ColumnRole::Fax:
            sources.append({c, ContactKind::Fax});
            break;
        default:
            break;
        }
    }
    const auto known = [&lead, &options](ContactKind kind, const QString &v) {
        if (kind == ContactKind::Email) {
            const QString n = text::normalizeEmail(v);
            if (text::normalizeEmail(lead.email) == n)
                return true;
            return std::any_of(
                lead.extraContacts.cbegin(), lead.extraContacts.cend(), [&](const ContactPoint &p) {
                    return p.kind == ContactKind::Email && text::normalizeEmail(p.value) == n;
                });
        }
        const QString n = text::phoneKey(v, options.phoneRegion);
        if (n == text::phoneKey(lead.phone, options.phoneRegion) ||
            n == text::phoneKey(lead.mobile, options.phoneRegion))
            return true;
        return std::any_of(
            lead.extraContacts.cbegin(), lead.extraContacts.cend(), [&](const ContactPoint &p) {
                return p.kind == kind && text::phoneKey(p.value, options.phoneRegion) == n;
            });
    };
    bool anyContact = false; // an email or number, valid or not (then it is the row's error)
    for (const Source &src : sources) {
        const QString cellText = cellAt(record, src.column);
        if (cellText.isEmpty())
            continue;
        const bool email = src.kind == ContactKind::Email;
        const int labelColumn = map.columnLabel.value(src.column, -1);
        const QStringList labels = labelColumn >= 0
                                       ? cellAt(record, labelColumn).split(QStringLiteral(" ::: "))
                                       : QStringList();
        const bool roleColumn = map.role(src.column) != ColumnRole::None;
        const auto take = [&](const QString &v, qsizetype i) {
            QString label =
                labels.isEmpty() ? QString() : cleanLabel(labels.value(i, labels.at(0)));
            ContactKind kind = src.kind;
            if (!label.isEmpty() && (kind == ContactKind::Phone || kind == ContactKind::Mobile)) {
                if (const auto byLabel = kindFromLabel(label))
                    kind = *byLabel;
            }
            if (label.isEmpty() && roleColumn)
                label = map.headers.value(src.column).trimmed();
            anyContact = true;
            if (email ? !text::isValidEmail(v)
                      : !text::phoneError(v, options.phoneRegion).isEmpty()) {
                errors.addColumn(src.column, email ? QCoreApplication::translate(
                                                         "mikomi::io::LeadRow",
                                                         "\"%1\" is not a valid email address.")
                                                         .arg(v)
                                                   : text::phoneError(v, options.phoneRegion));
                return;
            }
            if (kind == ContactKind::Email && lead.email.isEmpty()) {
                lead.email = v;
            } else if (kind == ContactKind::Phone && lead.phone.isEmpty()) {
                lead.phone = v;
            } else if (kind == ContactKind::Mobile && lead.mobile.isEmpty()) {
                lead.mobile = v;
            } else if (!known(kind, v)) {
                lead.extraContacts.append(ContactPoint{kind, v, label});
            }
        };
        // Most cells hold one value: no list is made for them.
        const bool several = contains(cellText, u" ::: ") ||
                             (email && (cellText.contains(u';') || cellText.contains(u',')));
        if (!several) {
            take(cellText, 0);
            continue;
        }
        const QStringList values = splitValues(cellText, email);
        for (qsizetype i = 0; i < values.size(); ++i)
            take(values.at(i), i);
    }

    if (const QString v = get(LeadField::SourceCategory); !v.isEmpty()) {
        row.sourceCategory = parseSourceCategory(v);
        if (!row.sourceCategory)
            errors.add(int(LeadField::SourceCategory),
                       QCoreApplication::translate(
                           "mikomi::io::LeadRow",
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
                           "mikomi::io::LeadRow",
                           "\"%1\" is not a known stage; use inquiry, mql, sql, sal, sgl, "
                           "opportunity, customer or lost (or a lifecycle stage or lead status "
                           "of HubSpot, Salesforce or Zoho).")
                           .arg(v));
        }
    }
    if (const QString v = get(LeadField::CreatedAt); !v.isEmpty()) {
        if (const auto t = parseDateTime(v, options.dateOrder))
            lead.createdAt = *t;
        else
            errors.add(int(LeadField::CreatedAt), dateError(v, options.dateOrder));
    }
    for (const LeadField f : {LeadField::WonAt, LeadField::LostAt}) {
        const QString v = get(f);
        if (v.isEmpty())
            continue;
        const auto d = parseDate(v, options.dateOrder);
        if (!d)
            errors.add(int(f), dateError(v, options.dateOrder));
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
                           "mikomi::io::LeadRow",
                           "\"%1\" is not a valid opt-out value; use yes or no, 1 or 0, true or "
                           "false, はい or いいえ.")
                           .arg(v));
    }

    if (const QString v = get(LeadField::ConsentDate); !v.isEmpty()) {
        if (const auto d = parseDate(v, options.dateOrder))
            lead.consentAt = *d;
        else
            errors.add(int(LeadField::ConsentDate), dateError(v, options.dateOrder));
    }
    if (const QString v = get(LeadField::ConsentBasis); !v.isEmpty()) {
        if (const auto b = consentBasisFromKey(v))
            lead.consentBasis = *b;
        else
            errors.add(int(LeadField::ConsentBasis),
                       QCoreApplication::translate(
                           "mikomi::io::LeadRow",
                           "\"%1\" is not a known consent basis; use consent, contract, "
                           "legitimate_interest or other.")
                           .arg(v));
    }

    const bool personal = !lead.familyName.isEmpty() || !lead.givenName.isEmpty() ||
                          !lead.email.isEmpty() || !lead.phone.isEmpty() || !lead.mobile.isEmpty();
    if (lead.company.isEmpty() && lead.familyName.isEmpty() && lead.email.isEmpty() &&
        lead.phone.isEmpty() && lead.mobile.isEmpty() && !anyContact)
        errors.add(-1, QCoreApplication::translate(
                           "mikomi::io::LeadRow",
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
        errors.add(
            int(SpendField::Month),
            QCoreApplication::translate("mikomi::io::LeadRow",
                                        "\"%1\" is not a valid month; use YYYY-MM or YYYY/MM.")
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
                   QCoreApplication::translate("mikomi::io::LeadRow",
                                               "\"%1\" is not a valid email address.")
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
