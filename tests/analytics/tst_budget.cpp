#include "factsbuilder.h"

#include "models/analytics/budget.h"

#include <QTest>

#include <numeric>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

// Sources: core 展示会 (3 customers), Google Ads (1 customer), SEO (2 leads, no customer);
// growth LinkedIn (2 leads), Podcast (1 lead), no customers; an Unknown source in core with 5
// customers (must get nothing); no experiment source.
// Spend in 2026-01: 展示会 300000, Google Ads 100000, LinkedIn 100000, unknown 100000.
struct Dataset {
    FactsBuilder b;
    Dataset() {
        const QDate d(2026, 1, 10);
        const qint32 tenji = b.source(QStringLiteral("展示会"), SourceCategory::Event, Tier::Core);
        const qint32 google =
            b.source(QStringLiteral("Google Ads"), SourceCategory::Paid, Tier::Core);
        const qint32 seo = b.source(QStringLiteral("SEO"), SourceCategory::Inbound, Tier::Core);
        const qint32 linkedin =
            b.source(QStringLiteral("LinkedIn"), SourceCategory::Paid, Tier::Growth);
        const qint32 podcast =
            b.source(QStringLiteral("Podcast"), SourceCategory::Inbound, Tier::Growth);
        const qint32 unknown =
            b.source(QStringLiteral("不明"), SourceCategory::Unknown, Tier::Core);
        for (int i = 0; i < 3; ++i)
            b.customer(tenji, d, d, 1000);
        b.customer(google, d, d, 1000);
        b.leads(seo, d, Stage::Mql, 2);
        b.leads(linkedin, d, Stage::Sql, 2);
        b.lead(podcast, d, Stage::Inquiry);
        for (int i = 0; i < 5; ++i)
            b.customer(unknown, d, d, 1000);
        b.spend(tenji, 2026, 1, 300000);
        b.spend(google, 2026, 1, 100000);
        b.spend(linkedin, 2026, 1, 100000);
        b.spend(unknown, 2026, 1, 100000);
    }
};

Money amountOf(const BudgetPlan &p, const QString &source) {
    for (const Allocation &a : p.allocations) {
        if (a.source == source)
            return a.amount;
    }
    return -1;
}

} // namespace

class TestBudget final : public QObject {
    Q_OBJECT
private slots:
    void split702010() {
        Dataset d;
        BudgetOptions o;
        o.total = 1000001;
        const auto r = computeBudget(d.b.facts, o);
        QVERIFY(r.ok());
        const BudgetPlan &p = r.value();
        // Tiers: 700000.7, 200000.2, 100000.1 → 700001, 200000, 100000.
        QCOMPARE(p.tiers.size(), std::size_t(3));
        QCOMPARE(p.tiers[0].amount, 700001);
        QCOMPARE(p.tiers[1].amount, 200000);
        QCOMPARE(p.tiers[2].amount, 100000);
        QCOMPARE(p.tiers[0].targetShare, 0.7);
        // Core by customers 3:1:0 → 525000.75, 175000.25, 0 → +1 to 展示会.
        QCOMPARE(p.tiers[0].basis, BudgetBasis::Customers);
        QCOMPARE(amountOf(p, QStringLiteral("展示会")), 525001);
        QCOMPARE(amountOf(p, QStringLiteral("Google Ads")), 175000);
        QCOMPARE(amountOf(p, QStringLiteral("SEO")), 0);
        // Growth: no customers → leads 2:1 → 133333.33, 66666.67 → +1 to Podcast.
        QCOMPARE(p.tiers[1].basis, BudgetBasis::Leads);
        QCOMPARE(amountOf(p, QStringLiteral("LinkedIn")), 133333);
        QCOMPARE(amountOf(p, QStringLiteral("Podcast")), 66667);
        // The Unknown source gets nothing, not even a row.
        QCOMPARE(amountOf(p, QStringLiteral("不明")), -1);
        // Experiment is empty: reported unallocated with a warning, never moved.
        QCOMPARE(p.tiers[2].unallocated, 100000);
        QCOMPARE(p.warnings.size(), std::size_t(1));
        QCOMPARE(p.warnings[0].kind, BudgetWarning::Kind::TierEmpty);
        QCOMPARE(p.warnings[0].tier, Tier::Experiment);
        QVERIFY(!budgetWarningText(p.warnings[0]).isEmpty());
        const Money allocated =
            std::accumulate(p.allocations.begin(), p.allocations.end(), Money(0),
                            [](Money s, const Allocation &a) { return s + a.amount; });
        QCOMPARE(allocated + p.tiers[2].unallocated, o.total);
        // Order: tier, then amount descending.
        QCOMPARE(p.allocations[0].source, QStringLiteral("展示会"));
        QCOMPARE(p.allocations[2].source, QStringLiteral("SEO"));
        QCOMPARE(p.allocations[3].source, QStringLiteral("LinkedIn"));
        // Actual split: core 400000 / 600000, growth 100000 / 600000, experiment 0 / 600000
        // (the unknown spend counts in the total only).
        QCOMPARE(p.totalSpend, 600000);
        QVERIFY(qFuzzyCompare(*p.tiers[0].actualShare, 2.0 / 3.0));
        QVERIFY(qFuzzyCompare(*p.tiers[1].actualShare, 1.0 / 6.0));
        QCOMPARE(*p.tiers[2].actualShare, 0.0);
    }

    void noDataSplitsEquallyByName() {
        Dataset d;
        BudgetOptions o;
        o.total = 1000001;
        o.window.from = QDate(2030, 1, 1); // nothing in the window
        const auto r = computeBudget(d.b.facts, o);
        QVERIFY(r.ok());
        const BudgetPlan &p = r.value();
        QCOMPARE(p.tiers[0].basis, BudgetBasis::Equal);
        // 700001 / 3 = 233333.67 each: floors 699999, 2 units to the smallest names:
        // "Google Ads" < "SEO" < "展示会" (code points).
        QCOMPARE(amountOf(p, QStringLiteral("Google Ads")), 233334);
        QCOMPARE(amountOf(p, QStringLiteral("SEO")), 233334);
        QCOMPARE(amountOf(p, QStringLiteral("展示会")), 233333);
        QCOMPARE(amountOf(p, QStringLiteral("LinkedIn")), 100000);
        QCOMPARE(amountOf(p, QStringLiteral("Podcast")), 100000);
        // No spend in the window: actual share is null, not 0.
        QVERIFY(!p.tiers[0].actualShare);
        QVERIFY(!p.tiers[2].actualShare);
    }

    void experimentEquallyAndEmptyTiers() {
        // Experiment X has 5 customers, Y none: still equal. Core and growth are empty.
        FactsBuilder b;
        const QDate d(2026, 1, 1);
        const qint32 x = b.source(QStringLiteral("X"), SourceCategory::Paid, Tier::Experiment);
        b.source(QStringLiteral("Y"), SourceCategory::Paid, Tier::Experiment);
        for (int i = 0; i < 5; ++i)
            b.customer(x, d, d, 10);
        BudgetOptions o;
        o.total = 10; // 7, 2, 1
        const auto r = computeBudget(b.facts, o);
        QVERIFY(r.ok());
        const BudgetPlan &p = r.value();
        QCOMPARE(p.tiers[2].amount, 1);
        // 0.5 / 0.5: equal remainders and shares → name "X" first.
        QCOMPARE(amountOf(p, QStringLiteral("X")), 1);
        QCOMPARE(amountOf(p, QStringLiteral("Y")), 0);
        QCOMPARE(p.warnings.size(), std::size_t(2));
        QCOMPARE(p.warnings[0].tier, Tier::Core);
        QCOMPARE(p.warnings[1].tier, Tier::Growth);
        QCOMPARE(p.tiers[0].unallocated, 7);
        QCOMPARE(p.tiers[1].unallocated, 2);
    }

    void negativeTotalIsAnError() {
        Dataset d;
        BudgetOptions o;
        o.total = -1;
        const auto r = computeBudget(d.b.facts, o);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"
