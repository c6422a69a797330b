#include "factsbuilder.h"

#include "models/analytics/planner.h"

#include <QTest>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

const QDate kDay(2025, 6, 1);

// The cli.md example: 1000 leads, 400 MQL, 200 SQL, 100 opportunities, 30 customers of 400000.
//   展示会: 30 customers, 70 opportunity, 100 SQL, 100 MQL (300 leads)
//   Google Ads: 100 MQL, 400 inquiry (500 leads) · SEO: 200 inquiry (200 leads)
// A 2026 lead (outside a 2025 reference window) must not count.
Facts cliExample() {
    FactsBuilder b;
    const qint32 tenji = b.source(QStringLiteral("展示会"), SourceCategory::Event, Tier::Core);
    const qint32 google =
        b.source(QStringLiteral("Google Ads"), SourceCategory::Paid, Tier::Growth);
    const qint32 seo = b.source(QStringLiteral("SEO"), SourceCategory::Inbound, Tier::Core);
    for (int i = 0; i < 30; ++i)
        b.customer(tenji, kDay, kDay.addDays(30), 400000);
    b.leads(tenji, kDay, Stage::Opportunity, 70);
    b.leads(tenji, kDay, Stage::Sql, 100);
    b.leads(tenji, kDay, Stage::Mql, 100);
    b.leads(google, kDay, Stage::Mql, 100);
    b.leads(google, kDay, Stage::Inquiry, 400);
    b.leads(seo, kDay, Stage::Inquiry, 200);
    b.customer(seo, QDate(2026, 1, 1), QDate(2026, 1, 2), 99999999);
    return b.facts;
}

PlanOptions reference2025() {
    PlanOptions o;
    o.reference.from = QDate(2025, 1, 1);
    o.reference.to = QDate(2025, 12, 31);
    return o;
}

} // namespace

class TestPlanner final : public QObject {
    Q_OBJECT
private slots:
    void cliExample_() {
        PlanOptions o = reference2025();
        o.revenueTarget = 12000000;
        const PlanResult r = computePlan(cliExample(), o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const Plan &p = r.value();
        QCOMPARE(p.revenueTarget, 12000000);
        QCOMPARE(p.referenceRevenue, 12000000);
        QCOMPARE(p.avgDeal, 400000.0);
        QCOMPARE(p.rates.leadToMql, 0.4);
        QCOMPARE(p.rates.mqlToSql, 0.5);
        QCOMPARE(p.rates.sqlToOpportunity, 0.5);
        QCOMPARE(p.rates.opportunityToCustomer, 0.3);
        // customer 30; opportunity = ⌈30 × 100 / 30⌉ = 100 (not 101); sql 200; mql 400; lead 1000.
        QCOMPARE(p.required.customer, 30);
        QCOMPARE(p.required.opportunity, 100);
        QCOMPARE(p.required.sql, 200);
        QCOMPARE(p.required.mql, 400);
        QCOMPARE(p.required.lead, 1000);
        // per month ⌈x / 12⌉: 3, 9, 17, 34, 84.
        QCOMPARE(p.perMonth.customer, 3);
        QCOMPARE(p.perMonth.opportunity, 9);
        QCOMPARE(p.perMonth.sql, 17);
        QCOMPARE(p.perMonth.mql, 34);
        QCOMPARE(p.perMonth.lead, 84);
        // per source by reference share 5:3:2, ordered by leads.
        QCOMPARE(p.perSource.size(), std::size_t(3));
        QCOMPARE(p.perSource[0].source, QStringLiteral("Google Ads"));
        QCOMPARE(p.perSource[0].lead, 500);
        QCOMPARE(p.perSource[1].source, QStringLiteral("展示会"));
        QCOMPARE(p.perSource[1].lead, 300);
        QCOMPARE(p.perSource[2].lead, 200);
    }

    void growthFactorAndMonths() {
        PlanOptions o = reference2025();
        o.growthFactor = 1.2; // round(1.2 × 12000000) = 14400000
        o.months = 6;
        const PlanResult r = computePlan(cliExample(), o);
        QVERIFY(r.ok());
        const Plan &p = r.value();
        QCOMPARE(p.revenueTarget, 14400000);
        // customer ⌈14400000 × 30 / 12000000⌉ = 36; opportunity ⌈36 × 100 / 30⌉ = 120; 240; 480;
        // 1200. Per month over 6: 6, 20, 40, 80, 200.
        QCOMPARE(p.required.customer, 36);
        QCOMPARE(p.required.opportunity, 120);
        QCOMPARE(p.required.lead, 1200);
        QCOMPARE(p.perMonth.customer, 6);
        QCOMPARE(p.perMonth.lead, 200);
        QCOMPARE(p.months, 6);
    }

    void roundingUpAtEachStep() {
        PlanOptions o = reference2025();
        o.revenueTarget = 12000001; // customer ⌈30.0000025⌉ = 31
        const PlanResult r = computePlan(cliExample(), o);
        QVERIFY(r.ok());
        const Plan &p = r.value();
        QCOMPARE(p.required.customer, 31);
        QCOMPARE(p.required.opportunity, 104); // ⌈31 × 100 / 30⌉ = ⌈103.33⌉
        QCOMPARE(p.required.sql, 208);
        QCOMPARE(p.required.mql, 416);
        QCOMPARE(p.required.lead, 1040);
        qint64 sum = 0;
        for (const SourcePlan &s : p.perSource)
            sum += s.lead;
        QCOMPARE(sum, 1040);
    }

    void exactIntegersWhereFloatsOvershoot() {
        // 1 customer out of 49 opportunities: in doubles 1 / (1/49) = 49.00000000000001 → 50.
        FactsBuilder b;
        const qint32 s = b.source(QStringLiteral("S"), SourceCategory::Paid, Tier::Core);
        b.customer(s, kDay, kDay, 1000);
        b.leads(s, kDay, Stage::Opportunity, 48);
        PlanOptions o;
        o.revenueTarget = 1000;
        const PlanResult r = computePlan(b.facts, o);
        QVERIFY(r.ok());
        QCOMPARE(r->required.customer, 1);
        QCOMPARE(r->required.opportunity, 49);
        QCOMPARE(r->required.lead, 49);
        QCOMPARE(r->perMonth.lead, 5); // ⌈49 / 12⌉
    }

    void perSourceLargestRemainderWithoutUnknown() {
        // P: 1 customer (deal 100); Q, R: 1 inquiry each; one lead without source.
        // Target 100 → customer 1, opportunity 1, sql 1, mql 1, lead ⌈1 × 4 / 1⌉ = 4.
        // Split over P, Q, R (unknown left out) 1:1:1 → 1.33 each → the spare unit to "P".
        FactsBuilder b;
        const qint32 r_ = b.source(QStringLiteral("R"), SourceCategory::Paid, Tier::Core);
        const qint32 q = b.source(QStringLiteral("Q"), SourceCategory::Paid, Tier::Core);
        const qint32 p = b.source(QStringLiteral("P"), SourceCategory::Paid, Tier::Core);
        b.customer(p, kDay, kDay, 100);
        b.lead(q, kDay, Stage::Inquiry);
        b.lead(r_, kDay, Stage::Inquiry);
        b.lead(NoSource, kDay, Stage::Inquiry);
        PlanOptions o;
        o.revenueTarget = 100;
        const PlanResult r = computePlan(b.facts, o);
        QVERIFY(r.ok());
        QCOMPARE(r->required.lead, 4);
        QCOMPARE(r->perSource.size(), std::size_t(3));
        QCOMPARE(r->perSource[0].source, QStringLiteral("P"));
        QCOMPARE(r->perSource[0].lead, 2);
        QCOMPARE(r->perSource[1].source, QStringLiteral("Q"));
        QCOMPARE(r->perSource[1].lead, 1);
        QCOMPARE(r->perSource[2].lead, 1);
    }

    void impossiblePlans_data() {
        QTest::addColumn<QList<int>>("stages"); // furthest stage of each lead (4 = customer)
        QTest::addColumn<bool>("dealValues");
        QTest::addColumn<QString>("step");
        QTest::newRow("no leads") << QList<int>{} << true << "reference_empty";
        QTest::newRow("no mql") << QList<int>{0, 0} << true << "lead_to_mql";
        QTest::newRow("no sql") << QList<int>{0, 1} << true << "mql_to_sql";
        // The first zero step of the funnel is named, not the later ones.
        QTest::newRow("no opportunity") << QList<int>{2, 2, 1} << true << "sql_to_opportunity";
        QTest::newRow("none won") << QList<int>{3, 3, 0} << true << "opportunity_to_customer";
        QTest::newRow("no deal values") << QList<int>{4, 3} << false << "avg_deal";
    }

    void impossiblePlans() {
        QFETCH(QList<int>, stages);
        QFETCH(bool, dealValues);
        QFETCH(QString, step);
        FactsBuilder b;
        const qint32 s = b.source(QStringLiteral("S"), SourceCategory::Paid, Tier::Core);
        for (const int st : stages) {
            if (st == 4)
                b.customer(s, kDay, kDay, dealValues ? std::optional<Money>(500) : std::nullopt);
            else
                b.lead(s, kDay, Stage(st), true);
        }
        PlanOptions o;
        o.revenueTarget = 1000;
        const PlanResult r = computePlan(b.facts, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().step, step);
        QVERIFY(!r.error().message.isEmpty());
    }

    void badOptions() {
        PlanOptions o;
        QCOMPARE(computePlan(cliExample(), o).error().step, QStringLiteral("invalid_target"));
        o.revenueTarget = 1;
        o.growthFactor = 1.0;
        QCOMPARE(computePlan(cliExample(), o).error().step, QStringLiteral("invalid_target"));
        o.growthFactor.reset();
        o.revenueTarget = -5;
        QCOMPARE(computePlan(cliExample(), o).error().step, QStringLiteral("invalid_target"));
        o.revenueTarget = 5;
        o.months = 0;
        QCOMPARE(computePlan(cliExample(), o).error().step, QStringLiteral("invalid_months"));
        o.months = 12;
        o.reference.from = QDate(2026, 1, 2);
        o.reference.to = QDate(2026, 1, 1);
        QCOMPARE(computePlan(cliExample(), o).error().step, QStringLiteral("invalid_window"));
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
