#include "app/cli.h"

#include "app/commands.h"
#include "app/startup.h"
#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace mikomi::cli {
namespace {
// The first argument that is not a global option or its value.
QString commandOf(const QStringList &args, qsizetype *index = nullptr) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--db") || a == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')))
            continue;
        if (index)
            *index = i;
        return a;
    }
    return {};
}

} // namespace

int runDemo(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("leads"), tr("Number of leads to generate."), QStringLiteral("N"),
                 QStringLiteral("2000")});
    p.addOption({QStringLiteral("seed"), tr("Random seed (same seed, same data)."),
                 QStringLiteral("S"), QStringLiteral("1")});
    p.addOption({QStringLiteral("today"), tr("The date the demo data ends on (YYYY-MM-DD)."),
                 QStringLiteral("DATE")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    if (p.positionalArguments().size() != 1)
        return fail(UsageError, tr("Usage: mikomi demo [--leads N] [--seed S]"));
    bool ok = false;
    const qint64 leads = p.value(QStringLiteral("leads")).toLongLong(&ok);
    if (!ok || leads < 0 || leads > 10'000'000)
        return fail(UsageError, tr("--leads needs a whole number from 0 to 10000000."));
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return fail(UsageError, tr("--seed needs a whole number."));
    QDate today = QDate::currentDate();
    if (p.isSet(QStringLiteral("today"))) {
        today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!today.isValid())
            return fail(UsageError, tr("--today needs a date as YYYY-MM-DD."));
    }
    auto db = openDatabase(args);
    if (!db)
        return fail(DataError, db.error());
    QElapsedTimer timer;
    timer.start();
    auto written = services::writeDemo(**db, leads, seed, today);
    if (!written)
        return fail(DataError, written.error());
    err() << tr("Added %1 demo leads to %2 in %3 s.")
                 .arg(*written)
                 .arg((*db)->path())
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
          << Qt::endl;
    makePendingServerSearchIndex(**db);
    return Ok;
}

namespace {

QString usage() {
    return tr("Usage: mikomi [--db PATH] [--lang ja|en] [COMMAND]\n"
              "Without a command, opens the window. Commands:\n"
              "  demo [--leads N] [--seed S]        fill the database with sample data\n"
              "  import FILE …                      import leads, spend, touchpoints or vCards\n"
              "  export FILE …                      export leads as CSV or vCard (2.1, 3.0, 4.0)\n"
              "  sources [list|set|alias|merge] …   manage lead sources\n"
              "  report sources …                   compare sources\n"
              "  budget --total AMOUNT …            70-20-10 budget\n"
              "  plan (--revenue-target A | --growth F) …   leads needed for a revenue goal\n"
              "  person export EMAIL|--id N [--output FILE]   everything held about one person\n"
              "  person erase EMAIL|--id N --yes       erase one person completely\n"
              "  merge SOURCE [--dry-run] [--prefer source|target] [--format table|json]\n"
              "                                     merge another database's leads into --db\n"
              "  scan IMAGE… [--format json] [--import --source NAME]   read business cards");
}

} // namespace

bool isCommand(const QStringList &args) {
    const QString c = commandOf(args);
    return !c.isEmpty() || args.contains(QStringLiteral("--help")) ||
           args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--version"));
}

bool needsGui(const QStringList &args) {
    if (commandOf(args) != QLatin1String("report"))
        return false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--format=pdf") ||
            (args.at(i) == QLatin1String("--format") && i + 1 < args.size() &&
             args.at(i + 1) == QLatin1String("pdf")))
            return true;
    }
    return false;
}

int run(const QStringList &args) {
    const startup::GlobalOptions g = startup::parseGlobal(args);
    LanguageManager language;
    language.apply(g.error.isEmpty() ? startup::language(g) : LanguageManager::systemLanguage());
    if (!g.error.isEmpty())
        return fail(UsageError, g.error);

    const QString command = commandOf(args);
    if (command.isEmpty() && args.contains(QStringLiteral("--version"))) {
        out() << QStringLiteral("mikomi ") << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }
    if (command.isEmpty()) {
        out() << usage() << Qt::endl;
        return Ok;
    }
    if (command == QLatin1String("demo"))
        return runDemo(args);
    if (command == QLatin1String("sources"))
        return runSources(args);
    if (command == QLatin1String("import"))
        return runImport(args);
    if (command == QLatin1String("export"))
        return runExport(args);
    if (command == QLatin1String("report"))
        return runReport(args);
    if (command == QLatin1String("budget"))
        return runBudget(args);
    if (command == QLatin1String("plan"))
        return runPlan(args);
    if (command == QLatin1String("scan"))
        return runScan(args);
    if (command == QLatin1String("person"))
        return runPerson(args);
    if (command == QLatin1String("merge"))
        return runMerge(args);
    return fail(UsageError,
                tr("Unknown command \"%1\".").arg(command) + QLatin1Char('\n') + usage());
}

} // namespace mikomi::cli
