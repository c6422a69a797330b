// Trends (analytics/trends.h) and goals against actuals (analytics/goals.h) on a small
// hand-computed dataset.
#include "factsbuilder.h"

#include "models/analytics/goals.h"
#include "models/analytics/owners.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/trends.h"

#include <QTest>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

// Period P = 2026-04 … 2026-06; previous = 2026-01 … 03; a year ago = 2025-04 … 06.
//   Blog (inbound):  P: 04-05 MQL, 04-20 customer won 05-10 (100,000), 05-03, 06-01 inquiries;
//                    previous: 02-10 inquiry, 03-31 MQL; a year ago: 2025-05-05 inquiry;
//                    after P: 07-01 inquiry.
//   Ads (paid):      P: 04-01 customer won 04-15 (50,000), 06-30 SQL; spend 04 30,000,
//                    05 30,000, 06 60,000; previous: three inquiries 03-01, spend 03 60,000.
//   (no source) 05-15, earliest touch Fair (event) → Fair; (no source, no touch) 05-20 → Unknown.
//   Outbound call (outbound): no leads, no spend.
struct Dataset {
    FactsBuilder b;
    qint32 blog, ads, fair, call;
    Dataset() {
        blog = b.source(QStringLiteral("Blog"), SourceCategory::Inbound, Tier::Core);
        ads = b.source(QStringLiteral("Ads"), SourceCategory::Paid, Tier::Growth);
        fair = b.source(QStringLiteral("Fair"), SourceCategory::Event, Tier::Experiment);
        call = b.source(QStringLiteral("Outbound call"), SourceCategory::Outbound, Tier::Growth);
        b.lead(blog, QDate(2026, 4, 5), Stage::Mql);
        b.customer(blog, QDate(2026, 4, 20), QDate(2026, 5, 10), 100000);
        b.lead(blog, QDate(2026, 5, 3), Stage::Inquiry);
        b.lead(blog, QDate(2026, 6, 1), Stage::Inquiry);
        b.lead(blog, QDate(2026, 2, 10), Stage::Inquiry);
        b.lead(blog, QDate(2026, 3, 31), Stage::Mql);
        b.lead(blog, QDate(2025, 5, 5), Stage::Inquiry);
        b.lead(blog, QDate(2026, 7, 1), Stage::Inquiry);
        b.customer(ads, QDate(2026, 4, 1), QDate(2026, 4, 15), 50000);
        b.lead(ads, QDate(2026, 6, 30), Stage::Sql);
        b.spend(ads, 2026, 4, 30000);
        b.spend(ads, 2026, 5, 30000);
        b.spend(ads, 2026, 6, 60000);
        b.leads(ads, QDate(2026, 3, 1), Stage::Inquiry, 3);
        b.spend(ads, 2026, 3, 60000);
        const qint32 anon = b.lead(NoSource, QDate(2026, 5, 15), Stage::Inquiry);
        b.touch(anon, QDate(2026, 5, 16), ads);
        b.touch(anon, QDate(2026, 5, 15), fair);
        b.lead(NoSource, QDate(2026, 5, 20), Stage::Inquiry);
    }
};

TrendOptions period(TrendGrouping g) {
    return {monthNumber(2026, 4), monthNumber(2026, 6), g};
}

} // namespace

class TestTrendsGoals : public QObject {
    Q_OBJECT
private slots:
    void trendsBySource();
    void trendsByCategory();
    void trendsAgreeWithTheSourceReport();
    void percentChanges();
    void badPeriods();
    void goalsAgainstActuals();
    void owners();
};

void TestTrendsGoals::trendsBySource() {
    Dataset d;
    auto t = computeTrends(d.b.facts, period(TrendGrouping::Source));
    QVERIFY(t);
    QCOMPARE(t->previousFirst, monthNumber(2026, 1));
    QCOMPARE(t->previousLast, monthNumber(2026, 3));
    QCOMPARE(t->rows.size(), std::size_t(4)); // Blog, Ads, Fair, Unknown (no Outbound call)
    const TrendRow &blog = t->rows[0];
    QCOMPARE(blog.name, QStringLiteral("Blog"));
    QCOMPARE(blog.current.leads, 4);
    QCOMPARE(blog.current.mql, 2);
    QCOMPARE(blog.current.customers, 1);
    QCOMPARE(blog.previous.leads, 2);
    QCOMPARE(blog.previous.mql, 1);
    QCOMPARE(blog.yearAgo.leads, 1);
    QCOMPARE(blog.months.size(), std::size_t(3));
    QCOMPARE(blog.months[0].leads, 2);
    QCOMPARE(blog.months[1].leads, 1);
    QCOMPARE(blog.months[2].leads, 1);
    const TrendRow &ads = t->rows[1];
    QCOMPARE(ads.name, QStringLiteral("Ads"));
    QCOMPARE(ads.current.leads, 2);
    QCOMPARE(ads.current.mql, 2);
    QCOMPARE(ads.current.customers, 1);
    QCOMPARE(ads.current.spend, Money(120000));
    QCOMPARE(*ads.current.cpl(), 60000.0);
    QCOMPARE(*ads.current.cac(), 120000.0);
    QCOMPARE(ads.months[0].spend, Money(30000));
    QCOMPARE(ads.months[2].spend, Money(60000));
    QCOMPARE(ads.previous.leads, 3);
    QCOMPARE(*ads.previous.cpl(), 20000.0);
    QVERIFY(!ads.previous.cac());
    QCOMPARE(t->rows[2].name, QStringLiteral("Fair"));
    QCOMPARE(t->rows[2].current.leads, 1);
    QVERIFY(t->rows[3].isUnknown);
    QCOMPARE(t->rows[3].current.leads, 1);
    QCOMPARE(t->total.current.leads, 8);
    QCOMPARE(t->total.current.mql, 4);
    QCOMPARE(t->total.current.customers, 2);
    QCOMPARE(t->total.current.spend, Money(120000));
    QCOMPARE(t->total.previous.leads, 5);
    QCOMPARE(t->total.previous.spend, Money(60000));
    QCOMPARE(t->total.yearAgo.leads, 1);
    QCOMPARE(t->total.months[1].leads, 3); // May: Blog 05-03, Fair, Unknown
}

void TestTrendsGoals::trendsByCategory() {
    Dataset d;
    auto t = computeTrends(d.b.facts, period(TrendGrouping::Category));
    QVERIFY(t);
    QCOMPARE(t->rows.size(), std::size_t(4));
    QCOMPARE(*t->rows[0].category, SourceCategory::Inbound);
    QCOMPARE(t->rows[0].current.leads, 4);
    QCOMPARE(*t->rows[1].category, SourceCategory::Paid);
    QCOMPARE(t->rows[1].current.spend, Money(120000));
    QCOMPARE(*t->rows[2].category, SourceCategory::Event);
    QCOMPARE(*t->rows[3].category, SourceCategory::Unknown);
    QVERIFY(t->rows[3].isUnknown);
}

void TestTrendsGoals::trendsAgreeWithTheSourceReport() {
    Dataset d;
    auto t = computeTrends(d.b.facts, period(TrendGrouping::Source));
    QVERIFY(t);
    ReportOptions o;
    o.window.from = QDate(2026, 4, 1);
    o.window.to = QDate(2026, 6, 30);
    auto r = computeSourceReport(d.b.facts, o);
    QVERIFY(r);
    QCOMPARE(t->total.current.leads, r->totals.leads);
    QCOMPARE(t->total.current.mql, r->totals.mql);
    QCOMPARE(t->total.current.customers, r->totals.customer);
    QCOMPARE(t->total.current.spend, r->totals.spend);
    for (const TrendRow &row : t->rows) {
        const auto it = std::find_if(r->sources.begin(), r->sources.end(), [&](const SourceRow &s) {
            return s.isUnknown == row.isUnknown && s.name == row.name;
        });
        QVERIFY2(it != r->sources.end(), qPrintable(row.name));
        QCOMPARE(row.current.leads, it->funnel.leads);
        QCOMPARE(row.current.mql, it->funnel.mql);
        QCOMPARE(double(row.current.customers), it->funnel.customer);
        QCOMPARE(row.current.spend, it->funnel.spend);
    }
}

void TestTrendsGoals::percentChanges() {
    QCOMPARE(*percentChange(4.0, 2.0), 1.0);
    QCOMPARE(*percentChange(1.0, 4.0), -0.75);
    QVERIFY(!percentChange(4.0, 0.0));
    QVERIFY(!percentChange(std::nullopt, 2.0));
    Dataset d;
    auto t = computeTrends(d.b.facts, period(TrendGrouping::Source));
    QVERIFY(t);
    const TrendRow &ads = t->rows[1];
    QCOMPARE(*percentChange(trendValue(ads.current, TrendMetric::Cpl),
                            trendValue(ads.previous, TrendMetric::Cpl)),
             2.0);
    QVERIFY(!percentChange(trendValue(ads.current, TrendMetric::Cac),
                           trendValue(ads.previous, TrendMetric::Cac)));
    QCOMPARE(*percentChange(trendValue(t->rows[0].current, TrendMetric::Leads),
                            trendValue(t->rows[0].yearAgo, TrendMetric::Leads)),
             3.0);
}

void TestTrendsGoals::badPeriods() {
    Dataset d;
    QVERIFY(!computeTrends(d.b.facts,
                           {monthNumber(2026, 5), monthNumber(2026, 4), TrendGrouping::Source}));
    QVERIFY(!computeTrends(d.b.facts,
                           {monthNumber(2000, 1), monthNumber(2026, 4), TrendGrouping::Source}));
    Window w;
    w.from = QDate(2026, 4, 3);
    w.to = QDate(2026, 6, 2);
    const TrendOptions o = trendMonthsOf(d.b.facts, w);
    QCOMPARE(o.firstMonth, monthNumber(2026, 4));
    QCOMPARE(o.lastMonth, monthNumber(2026, 6));
    const TrendOptions open = trendMonthsOf(d.b.facts, Window());
    QCOMPARE(open.firstMonth, monthNumber(2025, 5));
    QCOMPARE(open.lastMonth, monthNumber(2026, 7));
}

void TestTrendsGoals::goalsAgainstActuals() {
    Dataset d;
    Plan plan;
    plan.months = 3;
    plan.revenueTarget = 100;
    plan.perMonth = {1, 2, 3, 4, 5}; // customer, opportunity, sql, mql, lead
    GoalOptions o{monthNumber(2026, 4), monthNumber(2026, 5)};
    auto g = computeGoals(d.b.facts, plan, o);
    QVERIFY(g);
    QCOMPARE(g->months.size(), std::size_t(3));
    const GoalMonth &apr = g->months[0];
    QCOMPARE(apr.target.at(GoalMetric::Leads), 5);
    QCOMPARE(apr.target.at(GoalMetric::Revenue), 34); // 100 = 34 + 33 + 33
    QCOMPARE(g->months[2].target.at(GoalMetric::Revenue), 33);
    QCOMPARE(apr.actual.at(GoalMetric::Leads), 3);
    QCOMPARE(apr.actual.at(GoalMetric::Mql), 3);
    QCOMPARE(apr.actual.at(GoalMetric::Sql), 2);
    QCOMPARE(apr.actual.at(GoalMetric::Opportunities), 2);
    QCOMPARE(apr.actual.at(GoalMetric::Customers), 1); // Ads, won 04-15
    QCOMPARE(apr.actual.at(GoalMetric::Revenue), 50000);
    QCOMPARE(apr.gap(GoalMetric::Leads), -2);
    const GoalMonth &may = g->months[1];
    QCOMPARE(may.actual.at(GoalMetric::Leads), 3);
    QCOMPARE(may.actual.at(GoalMetric::Mql), 0);
    QCOMPARE(may.actual.at(GoalMetric::Customers), 1); // Blog, created April, won 05-10
    QCOMPARE(may.actual.at(GoalMetric::Revenue), 100000);
    QVERIFY(!may.isFuture);
    const GoalMonth &jun = g->months[2];
    QVERIFY(jun.isFuture);
    QCOMPARE(jun.actual.at(GoalMetric::Leads), 0); // two June leads, not counted yet
    QCOMPARE(g->targetToDate.at(GoalMetric::Leads), 10);
    QCOMPARE(g->actualToDate.at(GoalMetric::Leads), 6);
    QCOMPARE(g->gapToDate(GoalMetric::Leads), -4);
    QCOMPARE(g->gapToDate(GoalMetric::Customers), 0);
    QCOMPARE(g->targetTotal.at(GoalMetric::Revenue), 100);
    QCOMPARE(g->actualToDate.at(GoalMetric::Revenue), 150000);
}

void TestTrendsGoals::owners() {
    OwnerStageTotals sato{QStringLiteral("Sato"), {4, 3, 2, 1, 2, 3}, {0, 10, 20, 400, 900, 50}};
    OwnerStageTotals kim{QStringLiteral("Kim"), {1, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
    OwnerStageTotals none{QStringLiteral("Ito"), {}, {}};
    const auto rows = ownerFigures(std::vector<OwnerStageTotals>{kim, none, sato});
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0].owner, QStringLiteral("Sato")); // most won revenue first
    QCOMPARE(rows[0].leadsWorked, 15);
    QCOMPARE(rows[0].customers, 2);
    QCOMPARE(*rows[0].conversion, 2.0 / 15.0);
    QCOMPARE(rows[0].wonRevenue, Money(900));
    QCOMPARE(rows[0].openPipeline, Money(430)); // not the won, not the lost
    QCOMPARE(rows[0].openLeads, 10);
    QCOMPARE(rows[1].owner, QStringLiteral("Kim"));
    QCOMPARE(*rows[1].conversion, 0.0);
    QCOMPARE(rows[2].owner, QStringLiteral("Ito"));
    QVERIFY(!rows[2].conversion);
}

QTEST_GUILESS_MAIN(TestTrendsGoals)
#include "tst_trendsgoals.moc"
