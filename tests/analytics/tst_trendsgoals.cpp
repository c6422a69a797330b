// Trends (analytics/trends.h) and goals against actuals (analytics/goals.h) on a small
// hand-computed dataset.
#include "factsbuilder.h"

#include "models/analytics/goals.h"
#include "models/analytics/json.h"
#include "models/analytics/monthly.h"
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
    void countedFactsCountAsManyLeads();
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

// A server's report reads the leads that are not customers and have no touchpoint to read as
// groups, one fact counted LeadFact::count times (services/reportloader.cpp): every computation
// gives what the same leads one by one give.
void TestTrendsGoals::countedFactsCountAsManyLeads() {
    Dataset d;
    for (int i = 0; i < 4; ++i) // more alike leads: groups of 7 and of 4 with the ones above
        d.b.leads(d.ads, QDate(2026, 3, 1), Stage::Inquiry, 1);
    d.b.leads(d.blog, QDate(2026, 5, 3), Stage::Inquiry, 2);
    const Facts &one = d.b.facts;
    Facts counted;
    counted.sources = one.sources;
    counted.spend = one.spend;
    std::vector<bool> touched(one.leads.size());
    for (const TouchFact &t : one.touches)
        touched[std::size_t(t.leadIndex)] = true;
    // Leads with touchpoints and customers one by one (their touchpoints renumbered), then the
    // others as groups.
    std::vector<qint32> moved(one.leads.size(), -1);
    std::vector<LeadFact> groups;
    for (std::size_t i = 0; i < one.leads.size(); ++i) {
        const LeadFact &l = one.leads[i];
        if (touched[i] || l.isCustomer()) {
            moved[i] = qint32(counted.leads.size());
            counted.leads.push_back(l);
            continue;
        }
        const auto same = [&l](const LeadFact &g) {
            return g.sourceIndex == l.sourceIndex && g.createdDay == l.createdDay &&
                   g.wonDay == l.wonDay && g.furthestStage == l.furthestStage && g.lost == l.lost &&
                   g.hasDealValue == l.hasDealValue && g.dealValue == l.dealValue &&
                   g.hasLifetimeValue == l.hasLifetimeValue && g.lifetimeValue == l.lifetimeValue;
        };
        auto it = std::find_if(groups.begin(), groups.end(), same);
        if (it == groups.end())
            groups.push_back(l);
        else
            ++it->count;
    }
    QVERIFY(
        std::any_of(groups.begin(), groups.end(), [](const LeadFact &g) { return g.count >= 7; }));
    counted.leads.insert(counted.leads.end(), groups.begin(), groups.end());
    for (TouchFact t : one.touches) {
        t.leadIndex = moved[std::size_t(t.leadIndex)];
        counted.touches.push_back(t);
    }

    for (int m = 0; m < AttributionCount; ++m) {
        for (const Window &w : {Window{}, Window{QDate(2026, 3, 1), QDate(2026, 5, 31)}}) {
            ReportOptions options;
            options.attribution = static_cast<Attribution>(m);
            options.window = w;
            auto x = computeSourceReport(one, options);
            auto y = computeSourceReport(counted, options);
            QVERIFY(x && y);
            QCOMPARE(sourceReportJson(*y, 0), sourceReportJson(*x, 0));
            QVERIFY(x->totals.leads > 10);
        }
    }
    const auto sameValues = [](const TrendValues &a, const TrendValues &b) {
        return a.leads == b.leads && a.mql == b.mql && a.customers == b.customers &&
               a.spend == b.spend;
    };
    for (const TrendGrouping g : {TrendGrouping::Source, TrendGrouping::Category}) {
        const TrendOptions o{monthNumber(2026, 3), monthNumber(2026, 6), g};
        auto x = computeTrends(one, o);
        auto y = computeTrends(counted, o);
        QVERIFY(x && y);
        QCOMPARE(y->rows.size(), x->rows.size());
        for (std::size_t r = 0; r <= x->rows.size(); ++r) {
            const TrendRow &a = r < x->rows.size() ? x->rows[r] : x->total;
            const TrendRow &b = r < y->rows.size() ? y->rows[r] : y->total;
            QCOMPARE(b.name, a.name);
            QVERIFY(sameValues(a.current, b.current) && sameValues(a.previous, b.previous) &&
                    sameValues(a.yearAgo, b.yearAgo));
            QCOMPARE(b.months.size(), a.months.size());
            for (std::size_t i = 0; i < a.months.size(); ++i)
                QVERIFY(sameValues(a.months[i], b.months[i]));
        }
        QCOMPARE(x->total.current.leads, 18);
    }
    auto mx = computeMonthlyByCategory(one, Window{});
    auto my = computeMonthlyByCategory(counted, Window{});
    QVERIFY(mx && my);
    QCOMPARE(my->months, mx->months);
    QVERIFY(my->counts == mx->counts);
    Plan plan;
    plan.months = 4;
    plan.revenueTarget = 100;
    plan.perMonth = {1, 2, 3, 4, 5};
    const GoalOptions o{monthNumber(2026, 3), monthNumber(2026, 6)};
    auto gx = computeGoals(one, plan, o);
    auto gy = computeGoals(counted, plan, o);
    QVERIFY(gx && gy);
    QCOMPARE(gy->months.size(), gx->months.size());
    for (std::size_t i = 0; i < gx->months.size(); ++i) {
        for (int m = 0; m < GoalMetricCount; ++m)
            QCOMPARE(gy->months[i].actual.at(GoalMetric(m)),
                     gx->months[i].actual.at(GoalMetric(m)));
    }
    QCOMPARE(gx->months[0].actual.at(GoalMetric::Leads), 8); // March: 1 of Blog's, 7 of Ads'
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
