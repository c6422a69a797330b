#include "models/services/exporter.h"

#include "models/domain/dates.h"
#include "models/io/csv.h"
#include "models/storage/repositories.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>

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

Result<ExportSummary> exportLeads(storage::Database &db, const ExportOptions &o) {
    ExportSummary s;
    storage::LeadRepository repo(db);
    QList<qint64> ids;
    if (o.leadIds.isEmpty()) {
        auto q = storage::exec(db, QStringLiteral("SELECT id FROM leads ORDER BY id"));
        if (!q)
            return Error{q.error()};
        while (q->next())
            ids << q->value(0).toLongLong();
    } else {
        ids = o.leadIds;
    }
    QHash<QString, SourceCategory> categories;
    {
        auto sources = repo.sources().list();
        if (!sources)
            return Error{sources.error()};
        for (const Source &src : *sources)
            categories.insert(src.name, src.category);
    }
    QList<Lead> leads;
    leads.reserve(ids.size());
    for (qint64 id : ids) {
        auto l = repo.get(id);
        if (!l)
            return Error{l.error()};
        if (!o.includeOptedOut && (l->optOut || l->anonymous)) {
            ++s.leftOut;
            continue;
        }
        leads.append(std::move(*l));
    }

    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("Mikomi", "Cannot write \"%1\": %2")
                         .arg(o.path, file.errorString())};

    if (o.format == ExportFormat::VCard) {
        const QByteArray data = io::writeVCards(leads, o.vcardVersion);
        if (file.write(data) != data.size() || !file.commit())
            return Error{QCoreApplication::translate("Mikomi", "Cannot write \"%1\": %2")
                             .arg(o.path, file.errorString())};
        s.written = leads.size();
        return s;
    }

    const QList<io::LeadField> &fields = exportFields();
    QList<QStringList> rows;
    rows.reserve(leads.size() + 1);
    QStringList header;
    for (io::LeadField f : fields)
        header << io::leadFieldKey(f);
    rows << header;
    const bool checkCp932 = o.encoding == io::Encoding::Cp932;
    for (const Lead &l : leads) {
        QStringList row;
        row.reserve(fields.size());
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
            row << v;
        }
        rows << row;
    }
    if (!s.errors.isEmpty()) {
        file.cancelWriting();
        return s;
    }
    io::CsvWriteOptions wo;
    wo.encoding = o.encoding;
    io::CsvWriter writer(&file, wo);
    for (const QStringList &row : rows) {
        if (Status st = writer.writeRow(row); !st) {
            file.cancelWriting();
            return Error{st.error()};
        }
    }
    if (!file.commit())
        return Error{QCoreApplication::translate("Mikomi", "Cannot write \"%1\": %2")
                         .arg(o.path, file.errorString())};
    s.written = leads.size();
    return s;
}

QString describeExportError(const ExportError &e) {
    return QCoreApplication::translate("Mikomi", "Lead \"%1\" (#%2), field \"%3\": %4")
        .arg(e.lead)
        .arg(e.leadId)
        .arg(e.field, e.reason);
}

} // namespace mikomi::services
