#include "app/commands.h"

#include "models/analytics/budget.h"
#include "models/analytics/json.h"
#include "models/analytics/planner.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/textreport.h"
#include "models/appsettings.h"
#include "models/services/reportinput.h"
#include "models/services/reportloader.h"
#include "ui/reportactions.h"
#include "ui/reportbuilder.h"
#include "ui/reportwriter.h"

#include <QJsonDocument>

namespace mikomi::cli {
namespace {

void printJson(const QJsonObject &o) {
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    out().flush();
}

// Reads --NAME as a DATE into `date`; false with a usage message naming the option.
bool readDate(const QCommandLineParser &p, const QString &name, std::optional<QDate> *date,
              QString *error) {
    if (!p.isSet(name))
        return true;
    const QString value = p.value(name);
    *date = services::parseReportDate(value);
    if (!*date) {
        *error = tr("--%1 must be a date written YYYY-MM-DD, not \"%2\".").arg(name, value);
        return false;
    }
    return true;
}

bool readWindow(const QCommandLineParser &p, const QString &fromName, const QString &toName,
                analytics::Window *window, QString *error) {
    if (!readDate(p, fromName, &window->from, error) || !readDate(p, toName, &window->to, error))
        return false;
    if (window->from && window->to && *window->from > *window->to) {
        *error = tr("--%1 must not be after --%2.").arg(fromName, toName);
        return false;
    }
    return true;
}

void addWindowOptions(QCommandLineParser &p, const QString &from, const QString &to) {
    p.addOption({from, tr("First day of the window (YYYY-MM-DD)."), QStringLiteral("DATE")});
    p.addOption({to, tr("Last day of the window (YYYY-MM-DD)."), QStringLiteral("DATE")});
}

Result<analytics::Facts> loadFacts(const QStringList &args) {
    auto db = openDatabase(args);
    if (!db)
        return Error{db.error()};
    return services::loadFacts(**db);
}

} // namespace

int runReport(const QStringList &args) {
    QCommandLineParser p;
    addWindowOptions(p, QStringLiteral("from"), QStringLiteral("to"));
    p.addOption({QStringLiteral("attribution"),
                 tr("Attribution model: first, last, linear, time_decay or position."),
                 QStringLiteral("MODEL"), QStringLiteral("first")});
    p.addOption({QStringLiteral("format"), tr("Output format: table, csv, json or pdf."),
                 QStringLiteral("FORMAT"), QStringLiteral("table")});
    p.addOption({QStringLiteral("output"), tr("The PDF file to write (with --format pdf)."),
                 QStringLiteral("FILE")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    const QStringList pos = p.positionalArguments(); // "report", "sources"
    if (pos.size() != 2 || pos.at(1) != QLatin1String("sources"))
        return fail(UsageError,
                    tr("Usage: mikomi report sources [--from DATE] [--to DATE] [--attribution "
                       "first|last|linear|time_decay|position] [--format table|csv|json|pdf] "
                       "[--output FILE]"));
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("csv") &&
        format != QLatin1String("json") && format != QLatin1String("pdf"))
        return fail(UsageError, tr("--format must be table, csv, json or pdf."));
    const bool pdf = format == QLatin1String("pdf");
    if (pdf && !p.isSet(QStringLiteral("output")))
        return fail(UsageError, tr("--format pdf needs --output FILE: the PDF file to write."));
    if (!pdf && p.isSet(QStringLiteral("output")))
        return fail(UsageError, tr("--output is for --format pdf; the other formats are printed."));
    analytics::ReportOptions options;
    if (!readWindow(p, QStringLiteral("from"), QStringLiteral("to"), &options.window, &error))
        return fail(UsageError, error);
    const auto model = analytics::attributionFromKey(p.value(QStringLiteral("attribution")));
    if (!model)
        return fail(UsageError, tr("--attribution must be first, last, linear, time_decay or "
                                   "position, not \"%1\".")
                                    .arg(p.value(QStringLiteral("attribution"))));
    options.attribution = *model;

    if (pdf) {
        auto db = openDatabase(args);
        if (!db)
            return fail(DataError, db.error());
        ui::report::ReportSettings settings = ui::report::defaultSettings();
        settings.window = options.window;
        settings.attribution = options.attribution;
        auto doc = ui::report::documentFor(**db, settings);
        if (!doc)
            return fail(DataError, doc.error());
        if (Status s = ui::report::writePdf(*doc, p.value(QStringLiteral("output"))); !s)
            return fail(DataError, s.error());
        return Ok;
    }
    auto facts = loadFacts(args);
    if (!facts)
        return fail(DataError, facts.error());
    auto report = analytics::computeSourceReport(*facts, options);
    if (!report)
        return fail(DataError, report.error());
    const int decimals = services::currencyDecimals(AppSettings().currency());
    if (format == QLatin1String("json"))
        printJson(analytics::sourceReportJson(*report, decimals));
    else if (format == QLatin1String("csv"))
        out() << analytics::sourceReportCsv(*report, decimals);
    else
        out() << analytics::sourceReportTable(*report, decimals);
    out().flush();
    return Ok;
}

int runBudget(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("total"), tr("Total budget to split."), QStringLiteral("AMOUNT")});
    addWindowOptions(p, QStringLiteral("from"), QStringLiteral("to"));
    p.addOption({QStringLiteral("format"), tr("Output format: table or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("table")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    if (p.positionalArguments().size() != 1)
        return fail(UsageError, tr("Usage: mikomi budget --total AMOUNT [--from DATE] [--to "
                                   "DATE] [--format table|json]"));
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(UsageError, tr("--format must be table or json."));
    if (!p.isSet(QStringLiteral("total")))
        return fail(UsageError, tr("--total is required: the budget to split, e.g. --total "
                                   "1000000."));
    auto facts = loadFacts(args); // opens the database: amounts are in its currency
    if (!facts)
        return fail(DataError, facts.error());
    const Currency currency = AppSettings().currency();
    const int decimals = services::currencyDecimals(currency);
    analytics::BudgetOptions options;
    const auto total = services::parseAmount(p.value(QStringLiteral("total")), decimals);
    if (!total)
        return fail(UsageError,
                    QCoreApplication::translate("mikomi::cli",
                                                "--total must be an amount of money of zero or "
                                                "more (at most %n decimal place(s)), not \"%1\".",
                                                nullptr, decimals)
                        .arg(p.value(QStringLiteral("total"))));
    options.total = *total;
    if (!readWindow(p, QStringLiteral("from"), QStringLiteral("to"), &options.window, &error))
        return fail(UsageError, error);

    auto plan = analytics::computeBudget(*facts, options);
    if (!plan)
        return fail(DataError, plan.error());
    if (format == QLatin1String("json"))
        printJson(analytics::budgetJson(*plan, decimals));
    else
        out() << analytics::budgetTable(*plan, decimals);
    out().flush();
    return Ok;
}

int runPlan(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("revenue-target"), tr("Revenue goal."), QStringLiteral("AMOUNT")});
    p.addOption({QStringLiteral("growth"),
                 tr("Revenue goal as a factor of the reference revenue (1.2 = 120%)."),
                 QStringLiteral("FACTOR")});
    addWindowOptions(p, QStringLiteral("reference-from"), QStringLiteral("reference-to"));
    p.addOption({QStringLiteral("months"), tr("Months to reach the goal in."), QStringLiteral("N"),
                 QStringLiteral("12")});
    p.addOption({QStringLiteral("format"), tr("Output format: table or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("table")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    const QString usage = tr("Usage: mikomi plan (--revenue-target AMOUNT | --growth FACTOR) "
                             "[--reference-from DATE] [--reference-to DATE] [--months N] "
                             "[--format table|json]");
    if (p.positionalArguments().size() != 1)
        return fail(UsageError, usage);
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(UsageError, tr("--format must be table or json."));
    const bool hasTarget = p.isSet(QStringLiteral("revenue-target"));
    const bool hasGrowth = p.isSet(QStringLiteral("growth"));
    if (hasTarget == hasGrowth)
        return fail(UsageError, tr("Give either --revenue-target or --growth (one of them).") +
                                    QLatin1Char('\n') + usage);
    auto facts = loadFacts(args); // opens the database: amounts are in its currency
    if (!facts)
        return fail(DataError, facts.error());
    const int decimals = services::currencyDecimals(AppSettings().currency());
    analytics::PlanOptions options;
    if (hasTarget) {
        const QString v = p.value(QStringLiteral("revenue-target"));
        options.revenueTarget = services::parseAmount(v, decimals);
        if (!options.revenueTarget || *options.revenueTarget <= 0)
            return fail(UsageError,
                        QCoreApplication::translate(
                            "mikomi::cli",
                            "--revenue-target must be an amount of money above zero (at most %n "
                            "decimal place(s)), not \"%1\".",
                            nullptr, decimals)
                            .arg(v));
    } else {
        const QString v = p.value(QStringLiteral("growth"));
        options.growthFactor = services::parseGrowthFactor(v);
        if (!options.growthFactor)
            return fail(
                UsageError,
                tr("--growth must be a number above zero such as 1.2 (120%), not \"%1\".").arg(v));
    }
    bool monthsOk = false;
    options.months = p.value(QStringLiteral("months")).toInt(&monthsOk);
    if (!monthsOk || options.months < 1 || options.months > 1200)
        return fail(UsageError, tr("--months must be a whole number from 1 to 1200, not \"%1\".")
                                    .arg(p.value(QStringLiteral("months"))));
    if (!readWindow(p, QStringLiteral("reference-from"), QStringLiteral("reference-to"),
                    &options.reference, &error))
        return fail(UsageError, error);

    const analytics::PlanResult plan = analytics::computePlan(*facts, options);
    if (!plan) {
        if (format == QLatin1String("json"))
            printJson(analytics::planErrorJson(plan.error()));
        return fail(DataError, plan.error().message);
    }
    if (format == QLatin1String("json"))
        printJson(analytics::planJson(plan.value(), decimals));
    else
        out() << analytics::planTable(plan.value(), decimals);
    out().flush();
    return Ok;
}

} // namespace mikomi::cli
