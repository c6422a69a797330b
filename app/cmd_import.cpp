#include "app/commands.h"

#include "models/appsettings.h"
#include "models/domain/dates.h"
#include "models/services/exporter.h"
#include "models/services/importer.h"

#include <QFileInfo>

namespace mikomi::cli {

// mikomi import FILE [--kind …] [--encoding …] [--on-match …] [--dry-run] [--source NAME]
//                    [--report FILE] [--map "HEADER=FIELD"]… [--date-order ymd|mdy|dmy]
// Exit 0 when every row went in, 1 when some rows were rejected (the others are imported) or the
// file cannot be read, 2 on a usage error.
int runImport(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("kind"),
                 tr("What the file holds: leads, spend, touchpoints or vcard."),
                 QStringLiteral("KIND")});
    p.addOption({QStringLiteral("encoding"), tr("Text encoding: auto, utf-8 or cp932."),
                 QStringLiteral("ENC"), QStringLiteral("auto")});
    p.addOption({QStringLiteral("on-match"),
                 tr("When a row matches an existing lead: merge, skip or update."),
                 QStringLiteral("MODE"), QStringLiteral("merge")});
    p.addOption({QStringLiteral("dry-run"), tr("Check the file and report, but change nothing.")});
    p.addOption(
        {QStringLiteral("source"), tr("Source for rows that name none."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("report"), tr("Write the rejected rows to this CSV file."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("map"),
                 tr("Map or override one column: \"HEADER=FIELD\" (a field key such as title or "
                    "family_name, notes to keep it in the notes, custom:NAME to keep it in the "
                    "custom field NAME, or ignore). Repeatable."),
                 QStringLiteral("HEADER=FIELD")});
    p.addOption({QStringLiteral("date-order"),
                 tr("How numeric dates with the year last are read: ymd, mdy or dmy (default: "
                    "detected from the file when a value decides it)."),
                 QStringLiteral("ORDER")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    const QStringList pos = p.positionalArguments(); // "import", FILE
    if (pos.size() != 2)
        return fail(UsageError,
                    tr("Usage: mikomi import FILE [--kind leads|spend|touchpoints|vcard] "
                       "[--encoding auto|utf-8|cp932] [--on-match merge|skip|update] "
                       "[--dry-run] [--source NAME] [--report FILE] [--map \"HEADER=FIELD\"] "
                       "[--date-order ymd|mdy|dmy]"));
    services::ImportOptions o;
    o.path = pos.at(1);
    if (p.isSet(QStringLiteral("kind"))) {
        o.kind = services::importKindFromKey(p.value(QStringLiteral("kind")));
        if (!o.kind)
            return fail(UsageError,
                        tr("--kind must be leads, spend, touchpoints or vcard, not \"%1\".")
                            .arg(p.value(QStringLiteral("kind"))));
    }
    const QString enc = p.value(QStringLiteral("encoding")).trimmed().toLower();
    if (enc != QLatin1String("auto")) {
        o.encoding = io::encodingFromName(enc);
        if (!o.encoding)
            return fail(UsageError,
                        tr("--encoding must be auto, utf-8 or cp932, not \"%1\".").arg(enc));
    }
    const auto onMatch = services::onMatchFromKey(p.value(QStringLiteral("on-match")));
    if (!onMatch)
        return fail(UsageError, tr("--on-match must be merge, skip or update, not \"%1\".")
                                    .arg(p.value(QStringLiteral("on-match"))));
    o.onMatch = *onMatch;
    o.dryRun = p.isSet(QStringLiteral("dry-run"));
    for (const QString &rule : p.values(QStringLiteral("map"))) {
        const qsizetype eq = rule.lastIndexOf(u'=');
        if (eq <= 0 || eq == rule.size() - 1)
            return fail(UsageError, tr("--map takes \"HEADER=FIELD\", not \"%1\".").arg(rule));
        o.columnRules.append({rule.left(eq).trimmed(), rule.mid(eq + 1).trimmed()});
    }
    if (p.isSet(QStringLiteral("date-order"))) {
        o.dateOrder = dates::dateOrderFromKey(p.value(QStringLiteral("date-order")));
        if (!o.dateOrder)
            return fail(UsageError, tr("--date-order must be ymd, mdy or dmy, not \"%1\".")
                                        .arg(p.value(QStringLiteral("date-order"))));
    }
    o.defaultSource = p.value(QStringLiteral("source"));
    if (!QFileInfo(o.path).isFile())
        return fail(DataError, tr("The file \"%1\" does not exist.").arg(o.path));

    auto db = openDatabase(args);
    if (!db)
        return fail(DataError, db.error());
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency()); // the database's
    auto summary = services::runImport(**db, o);
    if (!summary)
        return fail(DataError, summary.error());
    for (const QString &line : services::summaryLines(*summary))
        err() << line << Qt::endl;
    for (const io::RowError &w : summary->warnings)
        err() << tr("Warning: %1").arg(services::describeRowError(w)) << Qt::endl;
    for (const io::RowError &e : summary->errors)
        err() << services::describeRowError(e) << Qt::endl;
    if (p.isSet(QStringLiteral("report"))) {
        if (Status st = services::writeRejectedReport(*summary, p.value(QStringLiteral("report")));
            !st)
            return fail(DataError, st.error());
    }
    return summary->rejected > 0 ? DataError : Ok;
}

// mikomi export FILE [--format csv|vcard] [--encoding utf-8|utf-8-bom|cp932] [--include-opted-out]
int runExport(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), tr("File format: csv or vcard."),
                 QStringLiteral("FORMAT"), QStringLiteral("csv")});
    p.addOption({QStringLiteral("encoding"), tr("Text encoding: utf-8, utf-8-bom or cp932."),
                 QStringLiteral("ENC"), QStringLiteral("utf-8-bom")});
    p.addOption({QStringLiteral("include-opted-out"),
                 tr("Also export leads that opted out and anonymous leads.")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2)
        return fail(UsageError, tr("Usage: mikomi export FILE [--format csv|vcard] "
                                   "[--encoding utf-8|utf-8-bom|cp932] [--include-opted-out]"));
    services::ExportOptions o;
    o.path = pos.at(1);
    const QString format = p.value(QStringLiteral("format")).trimmed().toLower();
    if (format == QLatin1String("csv"))
        o.format = services::ExportFormat::Csv;
    else if (format == QLatin1String("vcard") || format == QLatin1String("vcf"))
        o.format = services::ExportFormat::VCard;
    else
        return fail(UsageError, tr("--format must be csv or vcard, not \"%1\".").arg(format));
    const QString enc = p.value(QStringLiteral("encoding")).trimmed().toLower();
    const auto encoding = io::encodingFromName(enc);
    if (!encoding || (*encoding != io::Encoding::Utf8 && *encoding != io::Encoding::Utf8Bom &&
                      *encoding != io::Encoding::Cp932))
        return fail(UsageError,
                    tr("--encoding must be utf-8, utf-8-bom or cp932, not \"%1\".").arg(enc));
    o.encoding = *encoding;
    o.includeOptedOut = p.isSet(QStringLiteral("include-opted-out"));

    auto db = openDatabase(args);
    if (!db)
        return fail(DataError, db.error());
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency()); // the database's
    auto summary = services::exportLeads(**db, o);
    if (!summary)
        return fail(DataError, summary.error());
    if (!summary->errors.isEmpty()) {
        for (const services::ExportError &e : summary->errors)
            err() << services::describeExportError(e) << Qt::endl;
        return fail(
            DataError,
            QCoreApplication::translate(
                "Mikomi",
                "Nothing was written: %n value(s) have characters the encoding cannot hold.",
                nullptr, int(summary->errors.size())));
    }
    err() << tr("Leads exported: %1").arg(summary->written) << Qt::endl;
    if (summary->leftOut > 0)
        err() << tr("Left out (opted out or anonymous): %1").arg(summary->leftOut) << Qt::endl;
    return Ok;
}

} // namespace mikomi::cli
