#include "ui/reportbuilder.h"

#include "models/analytics/budget.h"
#include "models/analytics/monthly.h"
#include "models/analytics/planner.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/stagefunnel.h"
#include "models/budgetmodel.h"
#include "models/plannermodel.h"
#include "models/plansourcemodel.h"
#include "models/sourcereportmodel.h"
#include "ui/chartbuilder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <memory>

namespace mikomi::ui::report {
namespace {

QString monthLabel(qint32 month) {
    return QStringLiteral("%1/%2").arg(month / 12).arg(month % 12 + 1, 2, 10, QLatin1Char('0'));
}

QString money(double minor, Currency c) {
    return formatMoney(Money(std::llround(minor)), c);
}

QString count(qint64 n) {
    return QLocale().toString(n);
}

QString metricText(std::optional<double> v, analytics::TrendMetric m, Currency c) {
    if (!v)
        return QStringLiteral("—");
    switch (m) {
    case analytics::TrendMetric::Spend:
    case analytics::TrendMetric::Cpl:
    case analytics::TrendMetric::Cac:
        return money(*v, c);
    default:
        return count(qint64(std::llround(*v)));
    }
}

QString trendRowName(const analytics::TrendRow &row) {
    if (row.category)
        return categoryLabel(*row.category);
    if (row.isUnknown)
        return QCoreApplication::translate("mikomi::ui::report::Report", "Unknown");
    return row.name;
}

QString headline(const analytics::SourceReport &r, Currency c) {
    const analytics::ReportTotals &t = r.totals;
    const auto opt = [&](const std::optional<double> &v) {
        return v ? money(*v, c) : QStringLiteral("—");
    };
    const auto pct = [](const std::optional<double> &v) {
        return v ? QLocale().toString(*v * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
    };
    return QCoreApplication::translate(
               "mikomi::ui::report::Report",
               "Leads %1 · MQL %2 · SQL %3 · opportunities %4 · customers %5 · spend %6 · "
               "revenue %7 · CPL %8 · CAC %9 · lead to customer %10 · ROI %11")
        .arg(count(t.leads), count(t.mql), count(t.sql), count(t.opportunity), count(t.customer),
             formatMoney(t.spend, c), formatMoney(t.revenue, c), opt(t.metrics.cpl),
             opt(t.metrics.cac))
        .arg(pct(t.metrics.leadToCustomer), pct(t.metrics.roi));
}

TextBlock text(const QString &s, TextBlock::Style style = TextBlock::Style::Body) {
    return TextBlock{s, style};
}

} // namespace

QString databaseLabel(const QString &pathOrUrl) {
    if (pathOrUrl.startsWith(QLatin1String("postgresql://"))) {
        QUrl url(pathOrUrl);
        url.setPassword(QString());
        return url.toString(QUrl::RemovePassword);
    }
    return QFileInfo(pathOrUrl).fileName();
}

QString windowLabel(const analytics::Window &w) {
    const auto iso = [](const QDate &d) { return d.toString(Qt::ISODate); };
    if (w.from && w.to)
        return QCoreApplication::translate("mikomi::ui::report::Report", "%1 – %2",
                                           "a period: first and last day")
            .arg(iso(*w.from), iso(*w.to));
    if (w.from)
        return QCoreApplication::translate("mikomi::ui::report::Report", "from %1")
            .arg(iso(*w.from));
    if (w.to)
        return QCoreApplication::translate("mikomi::ui::report::Report", "until %1")
            .arg(iso(*w.to));
    return QCoreApplication::translate("mikomi::ui::report::Report", "all dates");
}

QString changeText(std::optional<double> change) {
    if (!change)
        return QStringLiteral("—");
    const QString pct = QLocale().toString(std::abs(*change) * 100, 'f', 1) + QLatin1Char('%');
    if (*change > 0)
        return QStringLiteral("▲ ") + pct;
    if (*change < 0)
        return QStringLiteral("▼ ") + pct;
    return QStringLiteral("±") + pct;
}

analytics::TrendOptions reportTrendPeriod(const analytics::Facts &facts,
                                          const analytics::Window &window,
                                          analytics::TrendGrouping grouping, const QDate &today) {
    analytics::TrendOptions o = analytics::trendMonthsOf(facts, window);
    const qint32 start = o.firstMonth;
    o.firstMonth = std::max(o.firstMonth, o.lastMonth - 2);
    // Moved back to whole months, it starts no earlier than the window unless nothing of the
    // window is over yet.
    if (analytics::endAtCompleteMonth(o, today))
        o.firstMonth = std::max(o.firstMonth, std::min(start, o.lastMonth));
    o.grouping = grouping;
    return o;
}

TableBlock trendTable(const analytics::Trends &t, analytics::TrendMetric metric,
                      Currency currency) {
    TableBlock table;
    table.title = QCoreApplication::translate("mikomi::ui::report::Report", "%1 per month, %2 – %3")
                      .arg(analytics::trendMetricLabel(metric), monthLabel(t.firstMonth),
                           monthLabel(t.lastMonth));
    table.header << (t.grouping == analytics::TrendGrouping::Category
                         ? QCoreApplication::translate("mikomi::ui::report::Report", "Category")
                         : QCoreApplication::translate("mikomi::ui::report::Report", "Source"));
    for (qint32 m = t.firstMonth; m <= t.lastMonth; ++m)
        table.header << monthLabel(m);
    table.header << QCoreApplication::translate("mikomi::ui::report::Report", "This period")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Previous period")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Change")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "A year ago")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Change",
                                                "against a year ago");
    table.numeric.assign(std::size_t(table.header.size()), true);
    table.numeric[0] = false;
    const auto addRow = [&](const analytics::TrendRow &row, const QString &name) {
        QStringList cells{name};
        for (const analytics::TrendValues &v : row.months)
            cells << metricText(analytics::trendValue(v, metric), metric, currency);
        const auto now = analytics::trendValue(row.current, metric);
        const auto prev = analytics::trendValue(row.previous, metric);
        const auto year = analytics::trendValue(row.yearAgo, metric);
        cells << metricText(now, metric, currency) << metricText(prev, metric, currency)
              << changeText(analytics::percentChange(now, prev))
              << metricText(year, metric, currency)
              << changeText(analytics::percentChange(now, year));
        table.rows.push_back(cells);
    };
    for (const analytics::TrendRow &row : t.rows)
        addRow(row, trendRowName(row));
    addRow(t.total, QCoreApplication::translate("mikomi::ui::report::Report", "Total"));
    table.boldRows = 1;
    return table;
}

TableBlock goalTable(const analytics::Goals &goals, Currency currency,
                     const std::vector<analytics::GoalMetric> &metrics, bool gapBelow) {
    std::vector<analytics::GoalMetric> columns = metrics;
    if (columns.empty()) {
        for (int m = 0; m < analytics::GoalMetricCount; ++m)
            columns.push_back(analytics::GoalMetric(m));
    }
    TableBlock table;
    table.title = QCoreApplication::translate("mikomi::ui::report::Report",
                                              "Goals against actuals (actual / target, gap)");
    table.header << QCoreApplication::translate("mikomi::ui::report::Report", "Month");
    for (const analytics::GoalMetric m : columns)
        table.header << analytics::goalMetricLabel(m);
    table.numeric.assign(std::size_t(table.header.size()), true);
    table.numeric[0] = false;
    const auto cell = [&](analytics::GoalMetric m, qint64 actual, qint64 target, bool future) {
        const bool isMoney = m == analytics::GoalMetric::Revenue;
        const auto f = [&](qint64 v) { return isMoney ? formatMoney(v, currency) : count(v); };
        if (future)
            return QCoreApplication::translate("mikomi::ui::report::Report", "— / %1")
                .arg(f(target));
        const qint64 gap = actual - target;
        const QString sign = gap > 0   ? QStringLiteral("+")
                             : gap < 0 ? QStringLiteral("-")
                                       : QStringLiteral("±");
        return (gapBelow
                    ? QCoreApplication::translate("mikomi::ui::report::Report", "%1 / %2\n(%3)",
                                                  "actual / target, (gap) on the line below")
                    : QCoreApplication::translate("mikomi::ui::report::Report", "%1 / %2 (%3)",
                                                  "actual / target (gap)"))
            .arg(f(actual), f(target), sign + f(gap < 0 ? -gap : gap));
    };
    for (const analytics::GoalMonth &g : goals.months) {
        QStringList row{monthLabel(g.month)};
        for (const analytics::GoalMetric metric : columns)
            row << cell(metric, g.actual.at(metric), g.target.at(metric), g.isFuture);
        table.rows.push_back(row);
    }
    QStringList total{QCoreApplication::translate("mikomi::ui::report::Report", "To date")};
    for (const analytics::GoalMetric metric : columns)
        total << cell(metric, goals.actualToDate.at(metric), goals.targetToDate.at(metric), false);
    table.rows.push_back(total);
    table.boldRows = 1;
    return table;
}

TableBlock ownerTable(const std::vector<analytics::OwnerFigures> &owners, Currency currency) {
    TableBlock table;
    table.title = QCoreApplication::translate("mikomi::ui::report::Report",
                                              "By owner (all dates, as the leads stand now)");
    table.header << QCoreApplication::translate("mikomi::ui::report::Report", "Owner")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Leads worked")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Open leads")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Customers")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Conversion")
                 << QCoreApplication::translate("mikomi::ui::report::Report", "Won revenue")
                 << QCoreApplication::translate("mikomi::ui::report::Report",
                                                "Open pipeline value");
    table.numeric = {false, true, true, true, true, true, true};
    for (const analytics::OwnerFigures &o : owners) {
        table.rows.push_back(
            {o.owner.isEmpty()
                 ? QCoreApplication::translate("mikomi::ui::report::Report", "(no owner)")
                 : o.owner,
             count(o.leadsWorked), count(o.openLeads), count(o.customers),
             o.conversion ? QLocale().toString(*o.conversion * 100, 'f', 1) + QLatin1Char('%')
                          : QStringLiteral("—"),
             formatMoney(o.wonRevenue, currency), formatMoney(o.openPipeline, currency)});
    }
    return table;
}

YearGoals yearGoals(const analytics::Facts &facts, int year, double growth, qint32 asOfMonth) {
    analytics::PlanOptions options;
    options.growthFactor = growth;
    options.reference.from = QDate(year - 1, 1, 1);
    options.reference.to = QDate(year - 1, 12, 31);
    options.months = 12;
    YearGoals out{analytics::computePlan(facts, options), std::nullopt};
    if (out.plan) {
        auto goals = analytics::computeGoals(facts, out.plan.value(),
                                             {analytics::monthNumber(year, 1), asOfMonth});
        if (goals)
            out.goals = std::move(*goals);
    }
    return out;
}

Result<Document> buildReport(const analytics::Facts &facts, const ReportSettings &s) {
    analytics::ReportOptions options;
    options.window = s.window;
    options.attribution = s.attribution;
    auto computed = analytics::computeSourceReport(facts, options);
    if (!computed)
        return Error{computed.error()};
    auto report = std::make_shared<const analytics::SourceReport>(std::move(*computed));
    const Currency c = s.currency;

    Document doc;
    doc.title = QCoreApplication::translate("mikomi::ui::report::Report", "Lead source report");
    auto &b = doc.blocks;
    b.push_back(text(doc.title, TextBlock::Style::Title));
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Database: %1")
                         .arg(s.databaseName)));
    const bool named =
        s.period && *s.period != analytics::Period::All && *s.period != analytics::Period::Custom;
    b.push_back(
        text(named ? QCoreApplication::translate("mikomi::ui::report::Report", "Period: %1 (%2)",
                                                 "a quick window (its dates)")
                         .arg(analytics::periodLabel(*s.period), windowLabel(s.window))
                   : QCoreApplication::translate("mikomi::ui::report::Report", "Period: %1")
                         .arg(windowLabel(s.window))));
    b.push_back(
        text(QCoreApplication::translate("mikomi::ui::report::Report", "Attribution model: %1")
                 .arg(analytics::attributionLabel(s.attribution))));
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Made on %1")
                         .arg(s.made.toString(Qt::ISODate))));
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Headline figures"),
                     TextBlock::Style::Heading));
    b.push_back(text(headline(*report, c)));
    for (const analytics::ReportWarning &w : report->warnings)
        b.push_back(
            text(QStringLiteral("⚠ ") + analytics::warningText(w), TextBlock::Style::Warning));
    if (report->warnings.empty())
        b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "No warnings."),
                         TextBlock::Style::Small));

    // Charts: the Dashboard's builders, drawn as vectors by the writer.
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Charts"),
                     TextBlock::Style::Heading));
    // The charts with two bars per source grow with the sources, as on the Dashboard: ~19 of the
    // writer's 800 logical pixels per bar, so that a source's two figures do not overlap.
    const double twoBars =
        std::max(0.62, (170.0 + 2.0 * double(report->sources.size()) * 19.0) / 800.0);
    b.push_back(ChartBlock{[report] { return charts::leadsAndCustomers(*report); }, twoBars});
    auto monthlyResult = analytics::computeMonthlyByCategory(facts, s.window);
    auto monthly = std::make_shared<const analytics::MonthlyByCategory>(
        monthlyResult ? *monthlyResult : analytics::MonthlyByCategory());
    b.push_back(ChartBlock{[monthly] { return charts::leadsPerMonth(*monthly); }, 0.62});
    b.push_back(ChartBlock{[report] { return charts::funnel(*report); }, 0.55});
    b.push_back(ChartBlock{[report] { return charts::shareOfLeads(*report); }, 0.62});
    b.push_back(ChartBlock{[report, c] { return charts::costPerSource(*report, c); }, twoBars});
    b.push_back(ChartBlock{[report] { return charts::ltvCac(*report); }, 0.62});

    // The full tables, split over pages with their headers repeated.
    b.push_back(PageBreak{});
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Sources"),
                     TextBlock::Style::Heading));
    SourceReportModel model;
    model.setReport(*report, c);
    using Col = SourceReportModel::Column;
    b.push_back(tableFromModel(
        model, QCoreApplication::translate("mikomi::ui::report::Report", "Funnel by source"),
        {Col::Name, Col::Category, Col::Tier, Col::Leads, Col::Mql, Col::Sql, Col::Opportunity,
         Col::Customer, Col::LeadToCustomer, Col::Share}));
    b.push_back(tableFromModel(
        model, QCoreApplication::translate("mikomi::ui::report::Report", "Economics by source"),
        {Col::Name, Col::Spend, Col::Cpl, Col::Cac, Col::Revenue, Col::Ltv, Col::LtvCac, Col::Roi,
         Col::MedianDays}));
    model.setGrouping(SourceReportModel::Grouping::Category);
    b.push_back(tableFromModel(
        model, QCoreApplication::translate("mikomi::ui::report::Report", "By category"),
        {Col::Name, Col::Leads, Col::Mql, Col::Sql, Col::Opportunity, Col::Customer, Col::Spend,
         Col::Cpl, Col::Cac, Col::Revenue}));
    model.setGrouping(SourceReportModel::Grouping::Tier);
    b.push_back(tableFromModel(model,
                               QCoreApplication::translate("mikomi::ui::report::Report", "By tier"),
                               {Col::Name, Col::Leads, Col::Mql, Col::Sql, Col::Opportunity,
                                Col::Customer, Col::Spend, Col::Cpl, Col::Cac, Col::Revenue}));

    // Trends: the window's last quarter against the one before and a year before.
    b.push_back(PageBreak{});
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Trends"),
                     TextBlock::Style::Heading));
    if (analytics::trendMonthsOf(facts, s.window).lastMonth >
        analytics::lastCompleteMonth(s.made)) {
        const qint32 current = analytics::monthNumber(s.made);
        b.push_back(text(QCoreApplication::translate(
                             "mikomi::ui::report::Report",
                             "Whole months only: %1 is not over on %2, so the trends end with "
                             "%3 and compare it with whole months.")
                             .arg(monthLabel(current), s.made.toString(Qt::ISODate),
                                  monthLabel(analytics::lastCompleteMonth(s.made))),
                         TextBlock::Style::Small));
    }
    for (const auto grouping : {analytics::TrendGrouping::Category}) {
        auto trends =
            analytics::computeTrends(facts, reportTrendPeriod(facts, s.window, grouping, s.made));
        if (!trends) {
            b.push_back(text(trends.error(), TextBlock::Style::Warning));
            continue;
        }
        for (int m = 0; m < analytics::TrendMetricCount; ++m)
            b.push_back(trendTable(*trends, analytics::TrendMetric(m), c));
    }
    {
        auto trends = analytics::computeTrends(
            facts, reportTrendPeriod(facts, s.window, analytics::TrendGrouping::Source, s.made));
        if (trends) {
            b.push_back(trendTable(*trends, analytics::TrendMetric::Leads, c));
            b.push_back(trendTable(*trends, analytics::TrendMetric::Customers, c));
            b.push_back(trendTable(*trends, analytics::TrendMetric::Cpl, c));
        }
    }

    // The 70-20-10 budget: the window's spend split again by the rule.
    b.push_back(PageBreak{});
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Budget 70-20-10"),
                     TextBlock::Style::Heading));
    analytics::BudgetOptions budgetOptions;
    budgetOptions.total = report->totals.spend;
    budgetOptions.window = s.window;
    auto budget = analytics::computeBudget(facts, budgetOptions);
    if (budget) {
        b.push_back(text(QCoreApplication::translate(
                             "mikomi::ui::report::Report",
                             "The spend of the period, %1, split 70-20-10 over the tiers by the "
                             "customers of each source.")
                             .arg(formatMoney(budget->total, c))));
        for (const analytics::BudgetWarning &w : budget->warnings)
            b.push_back(text(QStringLiteral("⚠ ") + analytics::budgetWarningText(w),
                             TextBlock::Style::Warning));
        BudgetTierModel tiers;
        tiers.setPlan(*budget, c);
        b.push_back(tableFromModel(
            tiers, QCoreApplication::translate("mikomi::ui::report::Report", "Tiers")));
        BudgetModel allocations;
        allocations.setPlan(*budget, c);
        b.push_back(
            tableFromModel(allocations, QCoreApplication::translate("mikomi::ui::report::Report",
                                                                    "Allocation by source")));
    } else {
        b.push_back(text(budget.error(), TextBlock::Style::Warning));
    }

    // The plan: growth × the window's revenue.
    b.push_back(PageBreak{});
    b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Plan"),
                     TextBlock::Style::Heading));
    analytics::PlanOptions planOptions;
    planOptions.growthFactor = s.growth;
    planOptions.reference = s.window;
    planOptions.months = s.planMonths;
    const analytics::PlanResult plan = analytics::computePlan(facts, planOptions);
    if (plan) {
        const analytics::Plan &p = plan.value();
        b.push_back(
            text(QCoreApplication::translate(
                     "mikomi::ui::report::Report",
                     "Revenue goal %1 (%2 × the period's revenue %3) in %n month(s); "
                     "average deal %4.",
                     nullptr, p.months)
                     .arg(formatMoney(p.revenueTarget, c), QLocale().toString(s.growth, 'f', 2),
                          formatMoney(p.referenceRevenue, c),
                          formatMoney(Money(std::llround(p.avgDeal)), c))));
        PlannerModel stages;
        stages.setPlan(&p);
        b.push_back(tableFromModel(stages, QCoreApplication::translate("mikomi::ui::report::Report",
                                                                       "Funnel to the goal")));
        PlanSourceModel perSource;
        perSource.setPlan(&p);
        b.push_back(
            tableFromModel(perSource, QCoreApplication::translate("mikomi::ui::report::Report",
                                                                  "Leads needed by source")));
    } else {
        b.push_back(text(QStringLiteral("⚠ ") + plan.error().message, TextBlock::Style::Warning));
    }

    // Goals against actuals for the year of the report.
    const int year = s.made.year();
    b.push_back(text(
        QCoreApplication::translate("mikomi::ui::report::Report", "Goals for %1 against actuals")
            .arg(year),
        TextBlock::Style::Heading));
    const YearGoals goals = yearGoals(facts, year, s.growth, analytics::monthNumber(s.made));
    if (goals.goals) {
        b.push_back(text(QCoreApplication::translate(
                             "mikomi::ui::report::Report",
                             "Targets: a plan of %1 × the revenue of %2, month by month; actuals "
                             "up to %3.")
                             .arg(QLocale().toString(s.growth, 'f', 2))
                             .arg(year - 1)
                             .arg(monthLabel(analytics::monthNumber(s.made)))));
        using M = analytics::GoalMetric;
        b.push_back(goalTable(*goals.goals, c, {M::Leads, M::Mql, M::Sql, M::Opportunities}));
        b.push_back(goalTable(*goals.goals, c, {M::Customers, M::Revenue}));
    } else if (!goals.plan) {
        b.push_back(
            text(QStringLiteral("⚠ ") + goals.plan.error().message, TextBlock::Style::Warning));
    }
    if (s.owners) {
        b.push_back(text(QCoreApplication::translate("mikomi::ui::report::Report", "Owners"),
                         TextBlock::Style::Heading));
        b.push_back(ownerTable(*s.owners, c));
    }
    return doc;
}

} // namespace mikomi::ui::report
