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
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>

#include <array>
#include <memory>
#include <optional>

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
                errors.append(io::RowError{
                    rec.line, map.headers.at(lc),
                    QCoreApplication::translate("mikomi::services::Exporter",
                                                "The label \"%1\" has no value in column \"%2\".")
                        .arg(label, map.headers.at(c))});
            continue;
        }
        const QString problem =
            kind == ContactKind::Email
                ? (text::isValidEmail(value)
                       ? QString()
                       : QCoreApplication::translate("mikomi::services::Exporter",
                                                     "\"%1\" is not a valid email address.")
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
        auto sources =
            storage::SourceRepository(db).list(storage::SourceRepository::LeadCounts::NotCounted);
        if (!sources)
            return Error{sources.error()};
        for (const Source &src : *sources)
            categories.insert(src.name, src.category);
    }
    const auto cannotWrite = [&o](const QString &why) {
        return Error{
            QCoreApplication::translate("mikomi::services::Exporter", "Cannot write \"%1\": %2")
                .arg(o.path, why)};
    };
    const auto exported = [&o, &s](const Lead &l) {
        if (!o.includeOptedOut && (l.optOut || l.anonymous)) {
            ++s.leftOut;
            return false;
        }
        return true;
    };

    // The lossless alternative is written beside the file while it is written (the same leads in
    // the same order) and kept only when a cell needed 〓.
    const bool cp932 = o.format == ExportFormat::VCard ? o.vcardVersion == io::VCardVersion::V21
                                                       : o.encoding == io::Encoding::Cp932;
    const QString losslessPath = losslessExportPath(o.path);
    if (cp932) {
        if (Status live = storage::LiveFiles::refuseLiveDatabase(losslessPath); !live)
            return live.failure();
    }
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file.errorString());
    std::unique_ptr<QSaveFile> lossless;
    if (cp932) {
        lossless = std::make_unique<QSaveFile>(losslessPath);
        if (!lossless->open(QIODevice::WriteOnly))
            return Error{
                QCoreApplication::translate("mikomi::services::Exporter", "Cannot write \"%1\": %2")
                    .arg(losslessPath, lossless->errorString())};
    }
    const auto cancelBoth = [&] {
        file.cancelWriting();
        if (lossless)
            lossless->cancelWriting();
    };
    // A cell as the CP932 file gets it: each character CP932 lacks becomes 〓, and is reported.
    const auto forCp932 = [&s](const Lead &l, const QString &value, const QString &column,
                               bool csv) {
        if (value.isEmpty())
            return value;
        QList<char32_t> missing;
        QString out = io::replaceUnrepresentable(value, io::Encoding::Cp932, &missing);
        if (!missing.isEmpty())
            s.replaced.append(ExportReplacement{l.id, l.displayName(true), column, csv, missing});
        return out;
    };

    qint64 written = 0;
    Status writeError;
    std::function<bool(Lead &&)> visit;

    // CSV: the header row, then each lead as it is read.
    io::CsvWriteOptions wo;
    wo.encoding = o.encoding;
    io::CsvWriter writer(&file, wo);
    io::CsvWriteOptions losslessOptions = wo;
    losslessOptions.encoding = io::Encoding::Utf8Bom; // Excel opens UTF-8 only with a BOM
    std::optional<io::CsvWriter> losslessWriter;
    if (lossless && o.format == ExportFormat::Csv)
        losslessWriter.emplace(lossless.get(), losslessOptions);
    const QList<io::LeadField> &fields = exportFields();
    QList<std::pair<ContactKind, int>> extraColumns;
    QStringList row, losslessRow;
    QStringList customNames;

    if (o.format == ExportFormat::VCard) {
        visit = [&](Lead &&l) {
            if (!goOn())
                return false;
            if (!exported(l))
                return true;
            QByteArray card;
            if (cp932) {
                const QByteArray exact = io::writeVCard(l, o.vcardVersion, io::Encoding::Utf8);
                if (lossless->write(exact) != exact.size()) {
                    writeError = Error{lossless->errorString()};
                    return false;
                }
                // Every text a card holds, checked and replaced field by field so that the
                // report names the field.
                Lead safe = l;
                using F = io::LeadField;
                const std::pair<QString Lead::*, F> texts[] = {
                    {&Lead::familyName, F::FamilyName},
                    {&Lead::givenName, F::GivenName},
                    {&Lead::familyReading, F::FamilyReading},
                    {&Lead::givenReading, F::GivenReading},
                    {&Lead::company, F::Company},
                    {&Lead::companyReading, F::CompanyReading},
                    {&Lead::department, F::Department},
                    {&Lead::title, F::Title},
                    {&Lead::email, F::Email},
                    {&Lead::phone, F::Phone},
                    {&Lead::mobile, F::Mobile},
                    {&Lead::postalCode, F::PostalCode},
                    {&Lead::prefecture, F::Prefecture},
                    {&Lead::city, F::City},
                    {&Lead::street, F::Street},
                    {&Lead::building, F::Building},
                    {&Lead::country, F::Country},
                    {&Lead::website, F::Website},
                    {&Lead::notes, F::Notes},
                };
                for (const auto &[member, field] : texts)
                    safe.*member = forCp932(l, l.*member, io::leadFieldLabel(field), false);
                std::array<int, 4> n{};
                for (ContactPoint &c : safe.extraContacts)
                    c.value =
                        forCp932(l, c.value,
                                 contactColumnName(c.kind, ++n[std::size_t(c.kind)], false), false);
                card = io::writeVCard(safe, o.vcardVersion, io::Encoding::Cp932);
            } else {
                card = io::writeVCard(l, o.vcardVersion);
            }
            if (file.write(card) != card.size()) {
                writeError = Error{file.errorString()};
                return false;
            }
            ++written;
            return true;
        };
    } else {
        for (io::LeadField f : fields)
            row << io::leadFieldKey(f);
        // Then the extra emails and numbers, as many columns of each kind as the lead with the
        // most of that kind needs.
        auto most = storage::mostContactsPerKind(db);
        if (!most) {
            cancelBoth();
            return Error{most.error()};
        }
        extraColumns = contactColumns(*most);
        for (const auto &[kind, n] : extraColumns)
            row << contactColumnName(kind, n, false) << contactColumnName(kind, n, true);
        // Then a "custom:NAME" column per custom field name any lead has (the import maps them
        // back).
        auto names = storage::customFieldNames(db);
        if (!names) {
            cancelBoth();
            return Error{names.error()};
        }
        customNames = std::move(*names);
        for (const QString &name : std::as_const(customNames))
            row << io::customColumnHeader(name);
        // A custom field's name may hold what CP932 lacks too: its header is written with 〓
        // (reported with lead 0) and exactly in the UTF-8 copy.
        QStringList header = row;
        if (cp932) {
            for (QString &h : header) {
                QList<char32_t> missing;
                QString written = io::replaceUnrepresentable(h, io::Encoding::Cp932, &missing);
                if (!missing.isEmpty())
                    s.replaced.append(ExportReplacement{0, QString(), h, true, missing});
                h = std::move(written);
            }
        }
        writeError = writer.writeRow(header);
        if (writeError && losslessWriter)
            writeError = losslessWriter->writeRow(row);
        if (!writeError) {
            cancelBoth();
            return Error{writeError.error()};
        }
        visit = [&](Lead &&l) {
            if (!goOn())
                return false;
            if (!exported(l))
                return true;
            row.clear();
            losslessRow.clear();
            for (io::LeadField f : fields) {
                QString v = leadFieldText(l, f, o.minorUnitsPerMajor);
                if (f == io::LeadField::SourceCategory && !l.source.isEmpty())
                    v = categoryKey(categories.value(l.source, SourceCategory::Unknown));
                if (cp932) {
                    row << forCp932(l, v, io::leadFieldKey(f), true);
                    losslessRow << std::move(v);
                } else {
                    row << std::move(v);
                }
            }
            std::array<QList<const ContactPoint *>, 4> byKind;
            for (const ContactPoint &c : l.extraContacts)
                byKind[std::size_t(c.kind)].append(&c);
            for (const auto &[kind, n] : extraColumns) {
                const ContactPoint *c = byKind[std::size_t(kind)].value(n - 1, nullptr);
                for (bool label : {false, true}) {
                    const QString v = !c ? QString() : label ? c->label : c->value;
                    if (cp932) {
                        row << forCp932(l, v, contactColumnName(kind, n, label), true);
                        losslessRow << v;
                    } else {
                        row << v;
                    }
                }
            }
            for (const QString &name : std::as_const(customNames)) {
                QString v;
                for (const CustomField &f : l.customFields)
                    if (f.name.compare(name, Qt::CaseInsensitive) == 0)
                        v = f.value;
                if (cp932) {
                    row << forCp932(l, v, io::customColumnHeader(name), true);
                    losslessRow << v;
                } else {
                    row << v;
                }
            }
            writeError = writer.writeRow(row);
            if (writeError && losslessWriter)
                writeError = losslessWriter->writeRow(losslessRow);
            if (writeError)
                ++written;
            return bool(writeError);
        };
    }

    Status reading = forEachLead(db, o.leadIds, visit);
    if (!reading || !writeError || s.cancelled) {
        const QString why = writeError ? file.errorString() : writeError.error();
        cancelBoth();
        if (!reading)
            return Error{reading.error()};
        if (s.cancelled) {
            s.replaced.clear();
            return s;
        }
        return cannotWrite(why);
    }
    if (lossless && !s.replaced.isEmpty()) {
        if (!lossless->commit())
            return Error{
                QCoreApplication::translate("mikomi::services::Exporter", "Cannot write \"%1\": %2")
                    .arg(losslessPath, lossless->errorString())};
        s.losslessPath = losslessPath;
    } else if (lossless) {
        lossless->cancelWriting(); // nothing was replaced: the file itself is complete
    }
    if (!file.commit())
        return cannotWrite(file.errorString());
    s.written = written;
    return s;
}

QString losslessExportPath(const QString &path) {
    // The path as given, with ".utf8" before the suffix (QFileInfo's idea of it).
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    if (suffix.isEmpty() || info.completeBaseName().isEmpty())
        return path + QStringLiteral(".utf8");
    return path.chopped(suffix.size() + 1) + QStringLiteral(".utf8.") + suffix;
}

QString describeCharacters(const QList<char32_t> &characters) {
    QStringList shown;
    for (const char32_t c : characters)
        shown << QStringLiteral("%1 (U+%2)")
                     .arg(QString::fromUcs4(&c, 1),
                          QString::number(uint(c), 16).toUpper().rightJustified(4, u'0'));
    return shown.join(QStringLiteral(", "));
}

QString describeExportReplacement(const ExportReplacement &r) {
    if (r.leadId == 0) // a column's header (a custom field's name)
        return QCoreApplication::translate("mikomi::services::Exporter",
                                           "Header of column \"%1\": %2 is not in "
                                           "Shift_JIS (CP932) and was written as 〓.")
            .arg(r.column, describeCharacters(r.characters));
    return (r.csv ? QCoreApplication::translate(
                        "mikomi::services::Exporter",
                        "Lead \"%1\" (#%2), column \"%3\": %4 is not in Shift_JIS "
                        "(CP932) and was written as 〓.")
                  : QCoreApplication::translate(
                        "mikomi::services::Exporter",
                        "Lead \"%1\" (#%2), field \"%3\": %4 is not in Shift_JIS "
                        "(CP932) and was written as 〓."))
        .arg(r.lead)
        .arg(r.leadId)
        .arg(r.column, describeCharacters(r.characters));
}

} // namespace mikomi::services
