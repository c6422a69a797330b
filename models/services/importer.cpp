#include "models/services/importer.h"

#include "models/services/exporter.h"
#include "models/services/importrun.h"
#include "models/storage/livefiles.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace mikomi::services {

namespace detail {

void unneutralise(io::CsvRecord &rec) {
    // Read through a const reference: the list is shared with the row's original cells, and
    // a non-const loop copied it for every row.
    for (qsizetype i = 0; i < rec.fields.size(); ++i) {
        const QString &f = rec.fields.at(i);
        if (f.size() >= 2 && f.at(0) == u'\'' && io::startsLikeFormula(f.mid(1)))
            rec.fields[i].remove(0, 1);
    }
}

} // namespace detail

QString importKindKey(ImportKind k) {
    switch (k) {
    case ImportKind::Leads:
        return QStringLiteral("leads");
    case ImportKind::Spend:
        return QStringLiteral("spend");
    case ImportKind::Touchpoints:
        return QStringLiteral("touchpoints");
    case ImportKind::VCard:
        return QStringLiteral("vcard");
    }
    return {};
}

std::optional<ImportKind> importKindFromKey(const QString &key) {
    for (ImportKind k :
         {ImportKind::Leads, ImportKind::Spend, ImportKind::Touchpoints, ImportKind::VCard}) {
        if (importKindKey(k) == key.trimmed().toLower())
            return k;
    }
    return std::nullopt;
}

QString importKindLabel(ImportKind k) {
    switch (k) {
    case ImportKind::Leads:
        return QCoreApplication::translate("mikomi::services::Importer", "Leads");
    case ImportKind::Spend:
        return QCoreApplication::translate("mikomi::services::Importer",
                                           "Spend per source and month");
    case ImportKind::Touchpoints:
        return QCoreApplication::translate("mikomi::services::Importer", "Touchpoints");
    case ImportKind::VCard:
        return QCoreApplication::translate("mikomi::services::Importer", "Business cards (vCard)");
    }
    return {};
}

QString onMatchKey(OnMatch m) {
    switch (m) {
    case OnMatch::Merge:
        return QStringLiteral("merge");
    case OnMatch::Skip:
        return QStringLiteral("skip");
    case OnMatch::Update:
        return QStringLiteral("update");
    }
    return {};
}

std::optional<OnMatch> onMatchFromKey(const QString &key) {
    for (OnMatch m : {OnMatch::Merge, OnMatch::Skip, OnMatch::Update}) {
        if (onMatchKey(m) == key.trimmed().toLower())
            return m;
    }
    return std::nullopt;
}

int fieldCount(ImportKind kind) {
    switch (kind) {
    case ImportKind::Spend:
        return io::SpendFieldCount;
    case ImportKind::Touchpoints:
        return io::TouchpointFieldCount;
    case ImportKind::Leads:
    case ImportKind::VCard:
        break;
    }
    return io::LeadFieldCount;
}

QStringList fieldLabels(ImportKind kind) {
    QStringList out;
    for (int f = 0; f < fieldCount(kind); ++f) {
        if (kind == ImportKind::Spend)
            out << io::spendFieldLabel(io::SpendField(f));
        else if (kind == ImportKind::Touchpoints)
            out << io::touchpointFieldLabel(io::TouchpointField(f));
        else
            out << io::leadFieldLabel(io::LeadField(f));
    }
    return out;
}

Result<ImportAnalysis> analyseImport(const ImportOptions &options, int previewRows) {
    // Reading an open database would drop its locks (see storage/livefiles.h).
    if (Status live = storage::LiveFiles::refuseLiveDatabase(options.path); !live)
        return live.failure();
    ImportAnalysis a;
    QFileInfo info(options.path);
    a.fileSize = info.size();
    const bool vcard = options.kind ? *options.kind == ImportKind::VCard
                                    : info.suffix().compare(u"vcf", Qt::CaseInsensitive) == 0;
    if (vcard) {
        auto read = io::readVCardFile(options.path);
        if (!read)
            return Error{read.error()};
        a.kind = ImportKind::VCard;
        for (const io::VCardEntry &c : read->cards) {
            if (a.previewLeads.size() >= previewRows)
                break;
            a.previewLeads.append(c.lead);
        }
        a.cardCount = read->cards.size();
        return a;
    }
    detail::CsvInput in;
    if (Status st = detail::openCsv(options, in); !st)
        return st.failure();
    io::CsvReader &reader = *in.reader;
    io::CsvRecord rec;
    a.encoding = reader.encoding();
    a.delimiter = reader.delimiter();
    a.kind = in.kind;
    a.mapping = std::move(in.mapping);
    a.dateOrder = options.dateOrder;
    while (a.previewRecords.size() < previewRows && reader.next(rec)) {
        detail::unneutralise(rec);
        if (a.mapping.headers.size() > 1 && rec.fields.size() == 1 && isReportFooterMarker(rec)) {
            // The report's footer: its title or totals read just before are not data either.
            while (!a.previewRecords.isEmpty() && a.previewRecords.last().fields.size() == 1)
                a.previewRecords.removeLast();
            break;
        }
        if (!a.dateOrder && a.kind == ImportKind::Leads) {
            for (const auto &[column, evidence] : io::dateEvidence(a.mapping, rec)) {
                if (evidence == dates::DateOrderEvidence::Mdy)
                    a.dateOrder = dates::DateOrder::Mdy;
                else if (evidence == dates::DateOrderEvidence::Dmy)
                    a.dateOrder = dates::DateOrder::Dmy;
                if (a.dateOrder)
                    break;
            }
        }
        a.previewRecords.append(rec);
    }
    if (!reader.error().isEmpty())
        return Error{reader.error()};
    return a;
}

QList<PreviewRow> previewRows(const ImportAnalysis &a, int minorUnitsPerMajor,
                              const QString &phoneRegion) {
    QList<PreviewRow> out;
    io::RowOptions ro;
    ro.minorUnitsPerMajor = minorUnitsPerMajor;
    ro.phoneRegion = phoneRegion;
    ro.dateOrder = a.dateOrder;
    const auto leadValues = [&](const Lead &l) {
        QStringList v;
        for (int f = 0; f < io::LeadFieldCount; ++f)
            v << leadFieldText(l, io::LeadField(f), minorUnitsPerMajor);
        return v;
    };
    if (a.kind == ImportKind::VCard) {
        for (const Lead &l : a.previewLeads)
            out.append(PreviewRow{0, leadValues(l), {}});
        return out;
    }
    for (const io::CsvRecord &rec : a.previewRecords) {
        PreviewRow p;
        p.line = rec.line;
        if (a.kind == ImportKind::Spend) {
            auto r = io::spendFromRow(a.mapping, rec, ro);
            p.errors = r.errors;
            if (r.value) {
                p.values << r.value->source << r.value->month
                         << moneyText(r.value->amount, minorUnitsPerMajor);
            }
        } else if (a.kind == ImportKind::Touchpoints) {
            auto r = io::touchpointFromRow(a.mapping, rec);
            p.errors = r.errors;
            if (r.value) {
                const Touchpoint &t = r.value->touchpoint;
                p.values << r.value->email
                         << t.occurredAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << t.source
                         << t.medium << t.campaign << t.content << t.url;
            }
        } else {
            auto r = io::leadFromRow(a.mapping, rec, ro);
            p.errors = r.errors;
            if (r.value) {
                p.errors << readContactColumns(a.mapping, rec, r.value->lead, phoneRegion);
                Lead l = r.value->lead;
                if (l.lostAt)
                    l.lost = true;
                p.values = leadValues(l);
                if (r.value->sourceCategory)
                    p.values[int(io::LeadField::SourceCategory)] =
                        categoryLabel(*r.value->sourceCategory);
            }
        }
        while (p.values.size() < fieldCount(a.kind))
            p.values << QString();
        if (!p.errors.isEmpty()) {
            // A rejected row shows what the file says, so the user sees what to fix.
            for (int f = 0; f < p.values.size(); ++f)
                p.values[f] = rec.fields.value(a.mapping.column(f));
        }
        out.append(p);
    }
    return out;
}

Result<ImportSummary> runImport(storage::Database &db, const ImportOptions &options,
                                const ImportProgress &progress, const std::atomic<bool> *cancel) {
    if (Status live = storage::LiveFiles::refuseLiveDatabase(options.path); !live)
        return live.failure();
    detail::Run run(db, options, progress, cancel);
    return run.exec();
}

Status applyColumnRules(io::HeaderMap &map, const ImportOptions &options) {
    for (const auto &[header, target] : options.columnRules) {
        if (auto r = io::applyColumnRule(map, header, target); !r)
            return Error{
                QCoreApplication::translate("mikomi::services::Importer", "--map \"%1=%2\": %3")
                    .arg(header, target, r.error())};
    }
    return {};
}

bool isReportFooterMarker(const io::CsvRecord &record) {
    if (record.fields.size() != 1)
        return false;
    const QString v = record.fields.at(0).trimmed();
    return (v.startsWith(QLatin1String("Copyright"), Qt::CaseInsensitive) &&
            v.contains(QLatin1String("salesforce.com"), Qt::CaseInsensitive)) ||
           v.compare(QLatin1String("Confidential Information - Do Not Distribute"),
                     Qt::CaseInsensitive) == 0 ||
           v.startsWith(QLatin1String("Generated By:"), Qt::CaseInsensitive);
}

} // namespace mikomi::services
