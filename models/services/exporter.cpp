#include "models/services/exporter.h"

#include "models/domain/dates.h"
#include "models/io/csv.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/livefiles.h"
#include "models/storage/repositories.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>

#include <array>

namespace mikomi::services {
namespace {

QString dateText(const std::optional<QDate> &d) {
    return d ? dates::toIsoDate(*d) : QString();
}

constexpr std::array<ContactKind, 4> kContactKinds{ContactKind::Email, ContactKind::Phone,
                                                   ContactKind::Mobile, ContactKind::Fax};

// The extra-contact columns for the most contacts of each kind any lead has, in order:
// {kind, n} for each value column (its label column follows it).
QList<std::pair<ContactKind, int>> contactColumns(const std::array<int, 4> &most) {
    QList<std::pair<ContactKind, int>> out;
    for (ContactKind k : kContactKinds)
        for (int n = 1; n <= most[std::size_t(k)]; ++n)
            out.append({k, n});
    return out;
}

// A header of an extra-contact column: kind, number, "label". io::headerKey folds case, width,
// '_' and '-': "email2_label", "Email2 Label" alike.
QRegularExpressionMatch contactColumnMatch(const QString &header) {
    static const QRegularExpression re(QStringLiteral("^(email|phone|mobile|fax)(\\d*)(label)?$"));
    return re.match(io::headerKey(header));
}

} // namespace

QString contactColumnName(ContactKind kind, int n, bool label) {
    // Fax has no column of its own in the lead: its first extra is plain "fax".
    const int number = kind == ContactKind::Fax ? n : n + 1;
    QString name = storage::contactKindKey(kind);
    if (number > 1)
        name += QString::number(number);
    if (label)
        name += QStringLiteral("_label");
    return name;
}

bool isContactColumn(const QString &header) {
    const auto m = contactColumnMatch(header);
    // A plain "email", "phone" or "mobile" is the lead's own column (and has no label column).
    return m.hasMatch() && (m.captured(1) == QLatin1String("fax") || !m.captured(2).isEmpty());
}

QList<io::RowError> readContactColumns(const io::HeaderMap &map, const io::CsvRecord &rec,
                                       Lead &lead, const QString &phoneRegion) {
    QList<io::RowError> errors;
    QHash<QString, int> labelColumn; // "fax2" → column of "fax2_label"
    struct ValueColumn {
        int column;
        QString base; // "fax2"
        ContactKind kind;
    };
    QList<ValueColumn> valueColumns;
    QList<std::pair<int, QString>> rolesRead; // column, its base name ("email2")
    for (int c = 0; c < map.headers.size(); ++c) {
        if (map.columnField.value(c, -1) >= 0)
            continue;
        const auto m = contactColumnMatch(map.headers.at(c));
        if (!m.hasMatch())
            continue;
        const QString base = m.captured(1) + m.captured(2);
        if (!m.captured(3).isEmpty()) {
            labelColumn.insert(base, c);
            continue;
        }
        // A value column the header map gave a role (further email, phone, fax) is read by
        // io::leadFromRow, labelled with its header: only its label is taken from here.
        if (map.role(c) != io::ColumnRole::None) {
            rolesRead.append({c, base});
            continue;
        } else if (m.captured(1) == QLatin1String("fax") || !m.captured(2).isEmpty())
            valueColumns.append(ValueColumn{
                c, base, storage::contactKindFromKey(m.captured(1)).value_or(ContactKind::Phone)});
        // (a plain "email", "phone" or "mobile" is the lead's own column)
    }
    for (const auto &[c, base] : std::as_const(rolesRead)) {
        const int lc = labelColumn.value(base, -1);
        const QString value = rec.fields.value(c).trimmed();
        if (lc < 0 || value.isEmpty())
            continue;
        const QString header = map.headers.at(c).trimmed();
        for (ContactPoint &p : lead.extraContacts) {
            if (p.value == value && p.label == header) {
                p.label = rec.fields.value(lc).trimmed();
                break;
            }
        }
    }
    for (const auto &[c, base, kind] : std::as_const(valueColumns)) {
        const QString value = rec.fields.value(c).trimmed();
        const int lc = labelColumn.value(base, -1);
        const QString label = lc >= 0 ? rec.fields.value(lc).trimmed() : QString();
        if (value.isEmpty()) {
            if (!label.isEmpty())
                errors.append(
                    io::RowError{rec.line, map.headers.at(lc),
                                 QCoreApplication::translate(
                                     "Mikomi", "The label \"%1\" has no value in column \"%2\".")
                                     .arg(label, map.headers.at(c))});
            continue;
        }
        const QString problem =
            kind == ContactKind::Email
                ? (text::isValidEmail(value) ? QString()
                                             : QCoreApplication::translate(
                                                   "Mikomi", "\"%1\" is not a valid email address.")
                                                   .arg(value))
                : text::phoneError(value, phoneRegion);
        if (!problem.isEmpty()) {
            errors.append(io::RowError{rec.line, map.headers.at(c), problem});
            continue;
        }
        lead.extraContacts.append(ContactPoint{kind, value, label});
    }
    return errors;
}

const QList<io::LeadField> &exportFields() {
    static const QList<io::LeadField> fields = [] {
        QList<io::LeadField> f;
        for (int i = 0; i < io::LeadFieldCount; ++i) {
            const auto field = io::LeadField(i);
            if (field != io::LeadField::FullName && field != io::LeadField::FullReading)
                f << field;
        }
        return f;
    }();
    return fields;
}

QString moneyText(Money amount, int minorUnitsPerMajor) {
    if (minorUnitsPerMajor <= 1)
        return QString::number(amount);
    int decimals = 0;
    for (int m = minorUnitsPerMajor; m > 1; m /= 10)
        ++decimals;
    return QStringLiteral("%1.%2")
        .arg(amount / minorUnitsPerMajor)
        .arg(amount % minorUnitsPerMajor, decimals, 10, QLatin1Char('0'));
}

QString leadFieldText(const Lead &l, io::LeadField field, int minorUnitsPerMajor) {
    using F = io::LeadField;
    switch (field) {
    case F::Company:
        return l.company;
    case F::CompanyReading:
        return l.companyReading;
    case F::Department:
        return l.department;
    case F::Title:
        return l.title;
    case F::FamilyName:
        return l.familyName;
    case F::GivenName:
        return l.givenName;
    case F::FullName:
        return l.displayName(true);
    case F::FamilyReading:
        return l.familyReading;
    case F::GivenReading:
        return l.givenReading;
    case F::FullReading:
        return l.displayReading();
    case F::Email:
        return l.email;
    case F::Phone:
        return l.phone;
    case F::Mobile:
        return l.mobile;
    case F::PostalCode:
        return l.postalCode;
    case F::Prefecture:
        return l.prefecture;
    case F::City:
        return l.city;
    case F::Street:
        return l.street;
    case F::Building:
        return l.building;
    case F::Country:
        return l.country;
    case F::Website:
        return l.website;
    case F::Source:
        return l.source;
    case F::SourceCategory:
        return QString(); // the source's, filled in by the caller
    case F::Stage:
        if (l.lost && !l.lostAt)
            return QStringLiteral("lost");
        if (l.stage == Stage::Sql && l.sqlKind != SqlKind::None)
            return sqlKindKey(l.sqlKind);
        return stageKey(l.stage);
    case F::CreatedAt:
        // The time as stored, in the offset it was stored with: converted to this machine's
        // zone, a date-only value (midnight) moved back a day west of where it was typed.
        return l.createdAt.isValid() ? l.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                     : QString();
    case F::WonAt:
        return dateText(l.wonAt);
    case F::LostAt:
        return dateText(l.lostAt);
    case F::LostReason:
        return l.lostReason;
    case F::DealValue:
        return l.dealValue ? moneyText(*l.dealValue, minorUnitsPerMajor) : QString();
    case F::LifetimeValue:
        return l.lifetimeValue ? moneyText(*l.lifetimeValue, minorUnitsPerMajor) : QString();
    case F::Owner:
        return l.owner;
    case F::Notes:
        return l.notes;
    case F::OptOut:
        return l.optOut ? QStringLiteral("yes") : QStringLiteral("no");
    case F::ConsentDate:
        return dateText(l.consentAt);
    case F::ConsentBasis:
        return consentBasisKey(l.consentBasis);
    }
    return {};
}

Status forEachLead(storage::Database &db, const QList<qint64> &ids,
                   const std::function<bool(Lead &&)> &visit) {
    return storage::LeadRepository(db).forEach(ids, visit);
}

Result<ExportSummary> exportLeads(storage::Database &db, const ExportOptions &o,
                                  const std::function<void(qint64)> &progress,
                                  const std::atomic<bool> *cancel) {
    // Writing over an open database would destroy it (see storage/livefiles.h).
    if (Status live = storage::LiveFiles::refuseLiveDatabase(o.path); !live)
        return live.failure();
    ExportSummary s;
    // Every thousand leads read: report, and stop when asked to.
    qint64 read = 0;
    const auto goOn = [&]() {
        if (++read % 1000 != 0)
            return true;
        if (progress)
            progress(read);
        if (cancel && cancel->load())
            s.cancelled = true;
        return !s.cancelled;
    };
    QHash<QString, SourceCategory> categories;
    {
        auto sources = storage::SourceRepository(db).list();
        if (!sources)
            return Error{sources.error()};
        for (const Source &src : *sources)
            categories.insert(src.name, src.category);
    }
    const auto cannotWrite = [&o](const QString &why) {
        return Error{
            QCoreApplication::translate("Mikomi", "Cannot write \"%1\": %2").arg(o.path, why)};
    };
    const auto exported = [&o, &s](const Lead &l) {
        if (!o.includeOptedOut && (l.optOut || l.anonymous)) {
            ++s.leftOut;
            return false;
        }
        return true;
    };

    if (o.format == ExportFormat::VCard) {
        // One card after the other, as io::writeVCards() joins them.
        QSaveFile file(o.path);
        if (!file.open(QIODevice::WriteOnly))
            return cannotWrite(file.errorString());
        qint64 written = 0;
        bool writeFailed = false;
        Status reading = forEachLead(db, o.leadIds, [&](Lead &&l) {
            if (!goOn())
                return false;
            if (!exported(l))
                return true;
            const QByteArray card = io::writeVCard(l, o.vcardVersion);
            if (file.write(card) != card.size()) {
                writeFailed = true;
                return false;
            }
            ++written;
            return true;
        });
        if (!reading || writeFailed || s.cancelled) {
            const QString why = file.errorString();
            file.cancelWriting();
            if (!reading)
                return Error{reading.error()};
            if (s.cancelled)
                return s;
            return cannotWrite(why);
        }
        if (!file.commit())
            return cannotWrite(file.errorString());
        s.written = written;
        return s;
    }

    // CSV: each lead is written as it is read. When a value cannot be encoded, writing stops but
    // the check goes on, so every such lead and field is listed; the file is then not written.
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file.errorString());
    io::CsvWriteOptions wo;
    wo.encoding = o.encoding;
    io::CsvWriter writer(&file, wo);
    const QList<io::LeadField> &fields = exportFields();
    QStringList row;
    row.reserve(fields.size());
    for (io::LeadField f : fields)
        row << io::leadFieldKey(f);
    // Then the extra emails and numbers, as many columns of each kind as the lead with the most
    // of that kind needs.
    auto most = storage::mostContactsPerKind(db);
    if (!most) {
        file.cancelWriting();
        return Error{most.error()};
    }
    const QList<std::pair<ContactKind, int>> extraColumns = contactColumns(*most);
    for (const auto &[kind, n] : extraColumns)
        row << contactColumnName(kind, n, false) << contactColumnName(kind, n, true);
    // Then a "custom:NAME" column per custom field name any lead has (the import maps them back).
    auto customNames = storage::customFieldNames(db);
    if (!customNames) {
        file.cancelWriting();
        return Error{customNames.error()};
    }
    for (const QString &name : std::as_const(*customNames))
        row << io::customColumnHeader(name);
    if (Status st = writer.writeRow(row); !st) {
        file.cancelWriting();
        return Error{st.error()};
    }
    const bool checkCp932 = o.encoding == io::Encoding::Cp932;
    qint64 written = 0;
    Status writeError;
    Status reading = forEachLead(db, o.leadIds, [&](Lead &&l) {
        if (!goOn())
            return false;
        if (!exported(l))
            return true;
        row.clear();
        for (io::LeadField f : fields) {
            QString v = leadFieldText(l, f, o.minorUnitsPerMajor);
            if (f == io::LeadField::SourceCategory && !l.source.isEmpty())
                v = categoryKey(categories.value(l.source, SourceCategory::Unknown));
            if (checkCp932 && !v.isEmpty()) {
                const auto bad = io::findUnrepresentable(v, io::Encoding::Cp932);
                if (!bad.isEmpty()) {
                    QStringList chars;
                    for (const io::Unrepresentable &u : bad)
                        chars << QString::fromUcs4(&u.codePoint, 1);
                    s.errors.append(ExportError{
                        l.id, l.displayName(true), io::leadFieldLabel(f),
                        QCoreApplication::translate(
                            "Mikomi",
                            "Shift_JIS (CP932) cannot hold %1; export in UTF-8 instead or change "
                            "the text.")
                            .arg(chars.join(u' '))});
                }
            }
            row << std::move(v);
        }
        std::array<QList<const ContactPoint *>, 4> byKind;
        for (const ContactPoint &c : l.extraContacts)
            byKind[std::size_t(c.kind)].append(&c);
        for (const auto &[kind, n] : extraColumns) {
            const ContactPoint *c = byKind[std::size_t(kind)].value(n - 1, nullptr);
            for (bool label : {false, true}) {
                const QString v = !c ? QString() : label ? c->label : c->value;
                if (checkCp932 && !v.isEmpty()) {
                    const auto bad = io::findUnrepresentable(v, io::Encoding::Cp932);
                    if (!bad.isEmpty()) {
                        QStringList chars;
                        for (const io::Unrepresentable &u : bad)
                            chars << QString::fromUcs4(&u.codePoint, 1);
                        s.errors.append(ExportError{
                            l.id, l.displayName(true), contactColumnName(kind, n, label),
                            QCoreApplication::translate(
                                "Mikomi",
                                "Shift_JIS (CP932) cannot hold %1; export in UTF-8 instead or "
                                "change the text.")
                                .arg(chars.join(u' '))});
                    }
                }
                row << v;
            }
        }
        for (const QString &name : std::as_const(*customNames)) {
            QString v;
            for (const CustomField &f : l.customFields)
                if (f.name.compare(name, Qt::CaseInsensitive) == 0)
                    v = f.value;
            if (checkCp932 && !v.isEmpty()) {
                const auto bad = io::findUnrepresentable(v, io::Encoding::Cp932);
                if (!bad.isEmpty()) {
                    QStringList chars;
                    for (const io::Unrepresentable &u : bad)
                        chars << QString::fromUcs4(&u.codePoint, 1);
                    s.errors.append(ExportError{
                        l.id, l.displayName(true), name,
                        QCoreApplication::translate("Mikomi",
                                                    "Shift_JIS (CP932) cannot hold %1; export in "
                                                    "UTF-8 instead or change the text.")
                            .arg(chars.join(u' '))});
                }
            }
            row << v;
        }
        if (s.errors.isEmpty()) {
            writeError = writer.writeRow(row);
            ++written;
        }
        return bool(writeError);
    });
    if (!reading || !writeError || !s.errors.isEmpty() || s.cancelled)
        file.cancelWriting();
    if (!reading)
        return Error{reading.error()};
    if (s.cancelled) {
        s.errors.clear();
        return s;
    }
    if (!writeError)
        return Error{writeError.error()};
    if (!s.errors.isEmpty())
        return s;
    if (!file.commit())
        return cannotWrite(file.errorString());
    s.written = written;
    return s;
}

QString describeExportError(const ExportError &e) {
    return QCoreApplication::translate("Mikomi", "Lead \"%1\" (#%2), field \"%3\": %4")
        .arg(e.lead)
        .arg(e.leadId)
        .arg(e.field, e.reason);
}

} // namespace mikomi::services
