#include "models/services/exporter.h"

#include "models/domain/dates.h"
#include "models/io/csv.h"
#include "models/storage/repositories.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>
#include <QSqlQuery>

namespace mikomi::services {
namespace {

QString dateText(const std::optional<QDate> &d) {
    return d ? dates::toIsoDate(*d) : QString();
}

} // namespace

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
        return l.createdAt.isValid()
                   ? l.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
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
    }
    return {};
}

Status forEachLead(storage::Database &db, const QList<qint64> &ids,
                   const std::function<bool(Lead &&)> &visit) {
    // The columns and their meaning are those of storage::LeadRepository::get().
    static const QString select = QStringLiteral(
        "SELECT l.id, l.company, l.company_reading, l.department, l.title, l.family_name, "
        "l.given_name, l.family_reading, l.given_reading, l.honorific, l.email, l.phone, "
        "l.mobile, l.postal_code, l.prefecture, l.city, l.street, l.building, l.country, "
        "l.website, coalesce(u.name, ''), coalesce(s.name, ''), l.notes, l.stage, l.sql_kind, "
        "l.furthest_stage, l.lost, l.lost_reason, l.anonymous, l.opt_out, "
        "l.temperature_override, l.score, l.deal_value, l.lifetime_value, l.created_at, "
        "l.updated_at, l.won_at, l.lost_at "
        "FROM leads l LEFT JOIN users u ON u.id = l.owner_id "
        "LEFT JOIN sources s ON s.id = l.source_id ");
    const auto read = [](const QSqlQuery &q) {
        Lead l;
        int i = 0;
        l.id = q.value(i++).toLongLong();
        l.company = q.value(i++).toString();
        l.companyReading = q.value(i++).toString();
        l.department = q.value(i++).toString();
        l.title = q.value(i++).toString();
        l.familyName = q.value(i++).toString();
        l.givenName = q.value(i++).toString();
        l.familyReading = q.value(i++).toString();
        l.givenReading = q.value(i++).toString();
        l.honorific = q.value(i++).toString();
        l.email = q.value(i++).toString();
        l.phone = q.value(i++).toString();
        l.mobile = q.value(i++).toString();
        l.postalCode = q.value(i++).toString();
        l.prefecture = q.value(i++).toString();
        l.city = q.value(i++).toString();
        l.street = q.value(i++).toString();
        l.building = q.value(i++).toString();
        l.country = q.value(i++).toString();
        l.website = q.value(i++).toString();
        l.owner = q.value(i++).toString();
        l.source = q.value(i++).toString();
        l.notes = q.value(i++).toString();
        l.stage = stageFromKey(q.value(i++).toString()).value_or(Stage::Inquiry);
        l.sqlKind = sqlKindFromKey(q.value(i++).toString()).value_or(SqlKind::None);
        l.furthestStage = stageFromKey(q.value(i++).toString()).value_or(Stage::Inquiry);
        l.lost = q.value(i++).toInt() != 0;
        l.lostReason = q.value(i++).toString();
        l.anonymous = q.value(i++).toInt() != 0;
        l.optOut = q.value(i++).toInt() != 0;
        if (const QVariant temp = q.value(i++); !temp.isNull())
            l.temperatureOverride = temperatureFromKey(temp.toString());
        l.score = q.value(i++).toInt();
        if (const QVariant deal = q.value(i++); !deal.isNull())
            l.dealValue = deal.toLongLong();
        if (const QVariant ltv = q.value(i++); !ltv.isNull())
            l.lifetimeValue = ltv.toLongLong();
        l.createdAt = dates::fromIsoDateTime(q.value(i++).toString()).value_or(QDateTime());
        l.updatedAt = dates::fromIsoDateTime(q.value(i++).toString()).value_or(QDateTime());
        if (const QVariant won = q.value(i++); !won.isNull())
            l.wonAt = dates::fromIsoDate(won.toString());
        if (const QVariant lostAt = q.value(i++); !lostAt.isNull())
            l.lostAt = dates::fromIsoDate(lostAt.toString());
        return l;
    };

    if (ids.isEmpty()) {
        auto q = storage::exec(db, select + QStringLiteral("ORDER BY l.id"));
        if (!q)
            return Error{q.error()};
        while (q->next())
            if (!visit(read(*q)))
                break;
        if (q->lastError().isValid())
            return Error{storage::sqlErrorMessage(q->lastError())};
        return {};
    }

    // Given ids: read in chunks (one query each), hand out in the order given.
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const QList<qint64> part = ids.mid(from, chunk);
        QStringList marks;
        QVariantList binds;
        for (qint64 id : part) {
            marks << QStringLiteral("?");
            binds << id;
        }
        auto q = storage::exec(
            db, select + QStringLiteral("WHERE l.id IN (%1)").arg(marks.join(u',')), binds);
        if (!q)
            return Error{q.error()};
        QHash<qint64, Lead> found;
        found.reserve(part.size());
        while (q->next()) {
            Lead l = read(*q);
            found.insert(l.id, std::move(l));
        }
        if (q->lastError().isValid())
            return Error{storage::sqlErrorMessage(q->lastError())};
        for (qint64 id : part) {
            const auto it = found.constFind(id);
            if (it == found.cend())
                return Error{QCoreApplication::translate(
                    "Mikomi", "The lead no longer exists; it may have been deleted.")};
            if (!visit(Lead(*it)))
                return {};
        }
    }
    return {};
}

Result<ExportSummary> exportLeads(storage::Database &db, const ExportOptions &o) {
    ExportSummary s;
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
        Status read = forEachLead(db, o.leadIds, [&](Lead &&l) {
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
        if (!read || writeFailed) {
            const QString why = file.errorString();
            file.cancelWriting();
            if (!read)
                return Error{read.error()};
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
    if (Status st = writer.writeRow(row); !st) {
        file.cancelWriting();
        return Error{st.error()};
    }
    const bool checkCp932 = o.encoding == io::Encoding::Cp932;
    qint64 written = 0;
    Status writeError;
    Status read = forEachLead(db, o.leadIds, [&](Lead &&l) {
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
        if (s.errors.isEmpty()) {
            writeError = writer.writeRow(row);
            ++written;
        }
        return bool(writeError);
    });
    if (!read || !writeError || !s.errors.isEmpty())
        file.cancelWriting();
    if (!read)
        return Error{read.error()};
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
