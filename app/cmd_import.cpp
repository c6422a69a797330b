#include "app/commands.h"

#include "models/appsettings.h"
#include "models/domain/dates.h"
#include "models/services/exporter.h"
#include "models/services/importer.h"
#include "models/storage/searchindex.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

namespace mikomi::cli {

// A large import (or demo fill) into a team server leaves the search's trigram index to be made
// after its commit (storage/serversearch.h), as a file's search index catches up in the window
// after an import: made here, with the leads already in and readable by everyone.
void makePendingServerSearchIndex(storage::Database &db) {
    if (db.backend() != storage::Backend::Postgres)
        return;
    storage::SearchIndex index(db);
    auto pending = index.pending();
    if (!pending || pending->isEmpty())
        return;
    err() << tr("Making the search index on the team server…") << Qt::endl;
    QElapsedTimer t;
    t.start();
    auto built = index.catchUp();
    if (!built)
        err() << tr("The search index could not be made: %1").arg(built.error()) << Qt::endl;
    else if (!*built)
        err() << tr("The search index is left to the administrator who made the database (their "
                    "window or command line makes it); until then searching is slower.")
              << Qt::endl;
    else
        err() << tr("Search index made in %1 s.")
                     .arg(QLocale().toString(double(t.elapsed()) / 1000.0, 'f', 1))
              << Qt::endl;
}

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
    o.user = AppSettings::databaseUser(); // on a server, the signed-in user; "" on a file
    auto summary = services::runImport(**db, o);
    if (!summary)
        return fail(DataError, summary.error());
    for (const QString &line : services::summaryLines(*summary))
        err() << line << Qt::endl;
    for (const io::RowError &w : summary->warnings)
        err() << tr("Warning: %1").arg(services::describeRowError(w)) << Qt::endl;
    for (const io::RowError &e : summary->errors)
        err() << services::describeRowError(e) << Qt::endl;
    if (!o.dryRun)
        makePendingServerSearchIndex(**db);
    if (p.isSet(QStringLiteral("report"))) {
        if (Status st = services::writeRejectedReport(*summary, p.value(QStringLiteral("report")));
            !st)
            return fail(DataError, st.error());
    }
    return summary->rejected > 0 ? DataError : Ok;
}

// mikomi export FILE [--format csv|vcard] [--encoding utf-8|utf-8-bom|cp932]
//                    [--vcard-version 2.1|3.0|4.0] [--include-opted-out]
int runExport(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), tr("File format: csv or vcard."),
                 QStringLiteral("FORMAT"), QStringLiteral("csv")});
    p.addOption({QStringLiteral("encoding"),
                 tr("Text encoding of a CSV: utf-8, utf-8-bom (the default, Excel opens it) or "
                    "cp932 (Shift_JIS)."),
                 QStringLiteral("ENC"), QStringLiteral("utf-8-bom")});
    p.addOption({QStringLiteral("vcard-version"),
                 tr("vCard version: 3.0 (the default; UTF-8, most address books and phones), 4.0 "
                    "(UTF-8) or 2.1 (Shift_JIS with SOUND;X-IRMC-N readings, for older Japanese "
                    "phones)."),
                 QStringLiteral("VERSION"), QStringLiteral("3.0")});
    p.addOption({QStringLiteral("include-opted-out"),
                 tr("Also export leads that opted out and anonymous leads.")});
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")});
    const QString usage = tr("Usage: mikomi export FILE [--format csv|vcard] "
                             "[--encoding utf-8|utf-8-bom|cp932] "
                             "[--vcard-version 2.1|3.0|4.0] [--include-opted-out]");
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    if (p.isSet(QStringLiteral("help"))) {
        // Qt's help text without its own usage line (which knows no subcommand).
        const QString options = p.helpText();
        const qsizetype blank = options.indexOf(QStringLiteral("\n\n"));
        out() << usage << Qt::endl
              << tr("A CP932 CSV or a vCard 2.1 writes a character Shift_JIS lacks (é, 𠮷, "
                    "emoji) as 〓, names each such value on stderr, writes the complete export "
                    "in UTF-8 beside the file (FILE.utf8.csv, FILE.utf8.vcf) and exits with 1.")
              << Qt::endl
              << (blank < 0 ? options : options.mid(blank + 1)) << Qt::flush;
        return Ok;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2)
        return fail(UsageError, usage);
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
    const QString version = p.value(QStringLiteral("vcard-version")).trimmed();
    const auto vcardVersion = io::vcardVersionFromName(version);
    if (!vcardVersion)
        return fail(UsageError,
                    tr("--vcard-version must be 2.1, 3.0 or 4.0, not \"%1\".").arg(version));
    o.vcardVersion = *vcardVersion;
    if (o.format == services::ExportFormat::Csv && p.isSet(QStringLiteral("vcard-version")))
        return fail(UsageError, tr("--vcard-version is for --format vcard."));
    if (o.format == services::ExportFormat::VCard && p.isSet(QStringLiteral("encoding")))
        return fail(UsageError, tr("--encoding is for --format csv: a vCard 3.0 or 4.0 is UTF-8, "
                                   "a vCard 2.1 Shift_JIS."));
    o.includeOptedOut = p.isSet(QStringLiteral("include-opted-out"));

    auto db = openDatabase(args);
    if (!db)
        return fail(DataError, db.error());
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency()); // the database's
    auto summary = services::exportLeads(**db, o);
    if (!summary)
        return fail(DataError, summary.error());
    for (const services::ExportReplacement &r : summary->replaced)
        err() << services::describeExportReplacement(r) << Qt::endl;
    err() << tr("Leads exported: %1").arg(summary->written) << Qt::endl;
    if (summary->leftOut > 0)
        err() << tr("Left out (opted out or anonymous): %1").arg(summary->leftOut) << Qt::endl;
    if (!summary->replaced.isEmpty()) {
        qsizetype characters = 0;
        for (const services::ExportReplacement &r : summary->replaced)
            characters += r.characters.size();
        // Exit 1 (a data problem, cli.md): the file is there but not exact.
        return fail(DataError,
                    QCoreApplication::translate(
                        "mikomi::cli",
                        "%1 was written with 〓 in place of %n character(s) that Shift_JIS "
                        "(CP932) cannot hold; the complete export, in UTF-8, is %2.",
                        nullptr, int(characters))
                        .arg(o.path, summary->losslessPath));
    }
    return Ok;
}

} // namespace mikomi::cli
