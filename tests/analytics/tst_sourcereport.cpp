#include "factsbuilder.h"

#include "models/analytics/sourcereport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

constexpr double kEps = 1e-9;

const SourceRow *row(const SourceReport &r, const QString &name) {
    for (const SourceRow &s : r.sources) {
        if (!s.isUnknown && s.name == name)
            return &s;
    }
    return nullptr;
}

const SourceRow *unknownRow(const SourceReport &r) {
    for (const SourceRow &s : r.sources) {
        if (s.isUnknown)
            return &s;
    }
    return nullptr;
}

bool near(const std::optional<double> &a, double b) {
    return a.has_value() && std::fabs(*a - b) < kEps;
}

// Dataset A (window 2026-01-05 … 2026-03-15):
//   Google Ads (paid, growth): L0 customer (created 01-10, won 02-09 = 30 days, deal 100000,
//     LTV 300000), L1 opportunity lost, L2 SQL, L3 MQL lost, L4 inquiry (03-01).
//   展示会 (event, core): L5 customer (01-15 → 01-25 = 10 days, deal 200000), L6 customer
//     (02-01 → 03-03 = 30 days, deal 400000), L7 inquiry.
//   Unknown: L8 no source (01-05, on the window's first day), L9 source "unknown" MQL.
//   Outside the window: a Google Ads customer created 2025-12-31, a 展示会 lead of 2026-04-01.
//   Spend: Google Ads 2025-12 50000 (out), 01 100000, 03 60000, 04 70000 (out) → 160000;
//     展示会 02 300000; Webinar (event, experiment, no leads) 02 20000; Blog (no data at all).
struct DatasetA {
    FactsBuilder b;
    DatasetA() {
        const qint32 google =
            b.source(QStringLiteral("Google Ads"), SourceCategory::Paid, Tier::Growth);
        const qint32 tenji = b.source(QStringLiteral("展示会"), SourceCategory::Event, Tier::Core);
        const qint32 webinar =
            b.source(QStringLiteral("Webinar"), SourceCategory::Event, Tier::Experiment);
        const qint32 unknown =
            b.source(QStringLiteral("Unknown"), SourceCategory::Unknown, Tier::Experiment);
        b.source(QStringLiteral("Blog"), SourceCategory::Inbound, Tier::Core);

        b.customer(google, QDate(2026, 1, 10), QDate(2026, 2, 9), 100000, 300000);
        b.lead(google, QDate(2026, 1, 20), Stage::Opportunity, true);
        b.lead(google, QDate(2026, 2, 5), Stage::Sql);
        b.lead(google, QDate(2026, 2, 15), Stage::Mql, true);
        b.lead(google, QDate(2026, 3, 1), Stage::Inquiry);
        b.customer(tenji, QDate(2026, 1, 15), QDate(2026, 1, 25), 200000);
        b.customer(tenji, QDate(2026, 2, 1), QDate(2026, 3, 3), 400000);
        b.lead(tenji, QDate(2026, 2, 10), Stage::Inquiry);
        b.lead(NoSource, QDate(2026, 1, 5), Stage::Inquiry);
        b.lead(unknown, QDate(2026, 2, 20), Stage::Mql);
        b.customer(google, QDate(2025, 12, 31), QDate(2026, 1, 5), 999);
        b.lead(tenji, QDate(2026, 4, 1), Stage::Inquiry);

        b.spend(google, 2025, 12, 50000);
        b.spend(google, 2026, 1, 100000);
        b.spend(google, 2026, 3, 60000);
        b.spend(google, 2026, 4, 70000);
        b.spend(tenji, 2026, 2, 300000);
        b.spend(webinar, 2026, 2, 20000);
    }
    static ReportOptions options() {
        ReportOptions o;
        o.window.from = QDate(2026, 1, 5);
        o.window.to = QDate(2026, 3, 15);
        return o;
    }
};

// Dataset B, for attribution. Sources A, B, C, D.
//   X: original A, created 01-01, won 01-29, deal 1000. Touches: 01-01 A (28 days before won),
//      01-15 B (14), 01-22 C (7), 01-29 D (0, on the won date: counts), 02-05 A (after: ignored).
//   Y: original B, created 01-10, won 01-20, deal 500, no touchpoints.
//   Z: original C, created 01-04, won 01-10, deal 200. Touches 01-05 A (5 days), 01-06 B (4).
//   W: original D, created 01-01, won 01-02, deal 100. One touch, B on 01-03 (after won).
//   V: no source, inquiry; touches 01-02 C, 01-03 A → original source C.
// Leads by original source: A 1, B 1, C 2 (Z, V), D 1.
struct DatasetB {
    FactsBuilder b;
    qint32 a, bb, c, d;
    DatasetB() {
        a = b.source(QStringLiteral("A"), SourceCategory::Paid, Tier::Core);
        bb = b.source(QStringLiteral("B"), SourceCategory::Inbound, Tier::Growth);
        c = b.source(QStringLiteral("C"), SourceCategory::Event, Tier::Core);
        d = b.source(QStringLiteral("D"), SourceCategory::Outbound, Tier::Experiment);
        const qint32 x = b.customer(a, QDate(2026, 1, 1), QDate(2026, 1, 29), 1000);
        b.touch(x, QDate(2026, 1, 1), a);
        b.touch(x, QDate(2026, 1, 15), bb);
        b.touch(x, QDate(2026, 1, 22), c);
        b.touch(x, QDate(2026, 1, 29), d, QTime(23, 0));
        b.touch(x, QDate(2026, 2, 5), a);
        b.customer(bb, QDate(2026, 1, 10), QDate(2026, 1, 20), 500);
        const qint32 z = b.customer(c, QDate(2026, 1, 4), QDate(2026, 1, 10), 200);
        b.touch(z, QDate(2026, 1, 5), a);
        b.touch(z, QDate(2026, 1, 6), bb);
        const qint32 w = b.customer(d, QDate(2026, 1, 1), QDate(2026, 1, 2), 100);
        b.touch(w, QDate(2026, 1, 3), bb);
        const qint32 v = b.lead(NoSource, QDate(2026, 1, 2), Stage::Inquiry);
        b.touch(v, QDate(2026, 1, 2), c);
        b.touch(v, QDate(2026, 1, 3), a);
    }
};

SourceReport report(const Facts &facts, const ReportOptions &options) {
    const auto r = computeSourceReport(facts, options);
    if (!r)
        qFatal("report failed");
    return r.value();
}

SourceReport report(const Facts &facts, Attribution model) {
    ReportOptions o;
    o.attribution = model;
    return report(facts, o);
}

} // namespace

class TestSourceReport final : public QObject {
    Q_OBJECT
private slots:
    void unknownSourceNames() {
        for (const char *s : {"", "  ", "unknown", "Unknown", "ＵＮＫＮＯＷＮ", "other", "None",
                              "N/A", "n/a", "不明", "その他", "なし", " 不明 "})
            QVERIFY2(isUnknownSourceName(QString::fromUtf8(s)), s);
        for (const char *s : {"Google Ads", "展示会", "n/a ads", "unknowns", "NA"})
            QVERIFY2(!isUnknownSourceName(QString::fromUtf8(s)), s);
        QVERIFY(
            SourceInfo::make(QStringLiteral("その他"), SourceCategory::Paid, Tier::Core).isUnknown);
    }

    void monthsAndDays() {
        QCOMPARE(monthFromKey(QStringLiteral("2026-02")), monthNumber(2026, 2));
        QCOMPARE(monthNumber(2026, 1) - monthNumber(2025, 12), 1);
        QVERIFY(!monthFromKey(QStringLiteral("2026-13")));
        QVERIFY(!monthFromKey(QStringLiteral("2026/02")));
        QCOMPARE(monthKey(monthNumber(2026, 2)), QStringLiteral("2026-02"));
        QCOMPARE(dayNumber(QDate(2026, 3, 3)) - dayNumber(QDate(2026, 2, 1)), 30);
        QCOMPARE(dateFromDay(dayNumber(QDate(2026, 3, 3))), QDate(2026, 3, 3));
    }

    void sourceRowsFirstTouch() {
        DatasetA a;
        const SourceReport r = report(a.b.facts, DatasetA::options());

        // Totals: 10 leads in the window (L0–L9), 3 customers, spend 160000 + 300000 + 20000.
        QCOMPARE(r.totals.leads, 10);
        QCOMPARE(r.totals.customer, 3);
        QCOMPARE(r.totals.spend, 480000);
        QCOMPARE(r.totals.revenue, 700000);
        QCOMPARE(r.totals.mql, 7); // Google 4, 展示会 2, unknown 1

        // Row order: leads desc (Google 5, 展示会 3, Webinar 0); Unknown last; Blog has nothing.
        QCOMPARE(r.sources.size(), std::size_t(4));
        QCOMPARE(r.sources[0].name, QStringLiteral("Google Ads"));
        QCOMPARE(r.sources[1].name, QStringLiteral("展示会"));
        QCOMPARE(r.sources[2].name, QStringLiteral("Webinar"));
        QVERIFY(r.sources[3].isUnknown);
        QVERIFY(!row(r, QStringLiteral("Blog")));

        // Google Ads: lost leads count at their furthest stage (L1 opportunity, L3 MQL).
        const SourceRow *g = row(r, QStringLiteral("Google Ads"));
        QCOMPARE(g->funnel.leads, 5);
        QCOMPARE(g->funnel.mql, 4);
        QCOMPARE(g->funnel.sql, 3);
        QCOMPARE(g->funnel.opportunity, 2);
        QCOMPARE(g->funnel.customer, 1.0);
        QCOMPARE(g->funnel.spend, 160000); // months 2026-01 and 2026-03 overlap; 12 and 04 not
        QCOMPARE(g->funnel.revenue, 100000.0);
        QVERIFY(near(g->metrics.cpl, 32000));    // 160000 / 5
        QVERIFY(near(g->metrics.cac, 160000));   // 160000 / 1
        QVERIFY(near(g->metrics.ltv, 300000));   // lifetime value preferred over deal value
        QVERIFY(near(g->metrics.ltvCac, 1.875)); // 300000 / 160000
        QVERIFY(near(g->metrics.roi, -0.375));   // (100000 − 160000) / 160000
        QVERIFY(near(g->metrics.leadToCustomer, 0.2));
        QVERIFY(near(g->metrics.leadToMql, 0.8));
        QVERIFY(near(g->metrics.mqlToSql, 0.75));
        QVERIFY(near(g->metrics.sqlToOpportunity, 2.0 / 3.0));
        QVERIFY(near(g->metrics.opportunityToCustomer, 0.5));
        QVERIFY(near(g->metrics.share, 0.5));
        QVERIFY(near(g->metrics.medianDaysToClose, 30));
        QCOMPARE(g->category, SourceCategory::Paid);
        QCOMPARE(g->tier, Tier::Growth);

        // 展示会: ltv = mean deal value (no lifetime values) = (200000 + 400000) / 2.
        const SourceRow *t = row(r, QStringLiteral("展示会"));
        QCOMPARE(t->funnel.leads, 3);
        QCOMPARE(t->funnel.customer, 2.0);
        QCOMPARE(t->funnel.spend, 300000);
        QVERIFY(near(t->metrics.cpl, 100000));
        QVERIFY(near(t->metrics.cac, 150000));
        QVERIFY(near(t->metrics.ltv, 300000));
        QVERIFY(near(t->metrics.ltvCac, 2.0));
        QVERIFY(near(t->metrics.roi, 1.0)); // (600000 − 300000) / 300000
        QVERIFY(near(t->metrics.leadToCustomer, 2.0 / 3.0));
        QVERIFY(near(t->metrics.share, 0.3));
        QVERIFY(near(t->metrics.medianDaysToClose, 20)); // median of 10 and 30

        // Webinar: spend, no leads → every ratio with a lead or customer denominator is null.
        const SourceRow *w = row(r, QStringLiteral("Webinar"));
        QCOMPARE(w->funnel.leads, 0);
        QCOMPARE(w->funnel.spend, 20000);
        QVERIFY(!w->metrics.cpl);
        QVERIFY(!w->metrics.cac);
        QVERIFY(!w->metrics.ltv);
        QVERIFY(!w->metrics.ltvCac);
        QVERIFY(!w->metrics.leadToCustomer);
        QVERIFY(!w->metrics.leadToMql);
        QVERIFY(!w->metrics.mqlToSql);
        QVERIFY(!w->metrics.medianDaysToClose);
        QVERIFY(near(w->metrics.roi, -1.0));
        QVERIFY(near(w->metrics.share, 0.0));

        // Unknown: the lead without source and the one named "unknown" share one row.
        const SourceRow *u = unknownRow(r);
        QCOMPARE(u->funnel.leads, 2);
        QCOMPARE(u->funnel.mql, 1);
        QCOMPARE(u->category, SourceCategory::Unknown);
        QVERIFY(!u->tier);
        QVERIFY(!u->metrics.roi); // no spend
        QVERIFY(near(u->metrics.share, 0.2));
    }

    void warningsDatasetA() {
        DatasetA a;
        const SourceReport r = report(a.b.facts, DatasetA::options());
        // Google Ads share is exactly 0.5: not > 0.5, no concentration warning.
        // Unknown 2/10 = 0.2 > 0.1. ltv_cac 1.875 and 2.0 < 3.
        QCOMPARE(r.warnings.size(), std::size_t(3));
        QCOMPARE(r.warnings[0].kind, ReportWarning::Kind::UnknownSources);
        QCOMPARE(r.warnings[0].value, 0.2);
        QCOMPARE(r.warnings[1].kind, ReportWarning::Kind::LtvCacLow);
        QCOMPARE(r.warnings[1].source, QStringLiteral("Google Ads"));
        QCOMPARE(r.warnings[1].value, 1.875);
        QCOMPARE(r.warnings[2].kind, ReportWarning::Kind::LtvCacLow);
        QCOMPARE(r.warnings[2].source, QStringLiteral("展示会"));
        QVERIFY(!warningText(r.warnings[1]).isEmpty());
    }

    void warningThresholds() {
        // 10 leads: A 6 (0.6 > 0.5), B 3, unknown 1 (exactly 0.1: no warning).
        // A: spend 100, one customer deal 300 → cac 100, ltv 300, ltv_cac exactly 3: no warning.
        // B: one customer deal 500, no spend → cac 0 (not null), ltv_cac = 500 / 0 → null.
        FactsBuilder b;
        const qint32 sa = b.source(QStringLiteral("A"), SourceCategory::Paid, Tier::Core);
        const qint32 sb = b.source(QStringLiteral("B"), SourceCategory::Paid, Tier::Core);
        const QDate day(2026, 1, 1);
        b.customer(sa, day, day, 300);
        b.leads(sa, day, Stage::Inquiry, 5);
        b.customer(sb, day, day, 500);
        b.leads(sb, day, Stage::Inquiry, 2);
        b.lead(NoSource, day, Stage::Inquiry);
        b.spend(sa, 2026, 1, 100);
        const SourceReport r = report(b.facts, Attribution::First);
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QCOMPARE(r.warnings[0].kind, ReportWarning::Kind::Concentration);
        QCOMPARE(r.warnings[0].source, QStringLiteral("A"));
        QCOMPARE(r.warnings[0].value, 0.6);
        QVERIFY(near(row(r, QStringLiteral("A"))->metrics.ltvCac, 3.0));
        QVERIFY(near(row(r, QStringLiteral("B"))->metrics.cac, 0.0));
        QVERIFY(!row(r, QStringLiteral("B"))->metrics.ltvCac);
        QCOMPARE(row(r, QStringLiteral("A"))->metrics.medianDaysToClose, 0.0);

        // One more unknown lead: 2 / 11 > 0.1.
        b.lead(NoSource, day, Stage::Inquiry);
        const SourceReport r2 = report(b.facts, Attribution::First);
        QVERIFY(std::any_of(r2.warnings.begin(), r2.warnings.end(), [](const ReportWarning &w) {
            return w.kind == ReportWarning::Kind::UnknownSources;
        }));
    }

    void groupsByCategoryAndTier() {
        DatasetA a;
        const SourceReport r = report(a.b.facts, DatasetA::options());
        QCOMPARE(r.byCategory.size(), std::size_t(SourceCategoryCount));
        const GroupRow &event = r.byCategory[std::size_t(SourceCategory::Event)];
        QCOMPARE(event.funnel.leads, 3);      // 展示会 + Webinar
        QCOMPARE(event.funnel.spend, 320000); // 300000 + 20000
        QCOMPARE(event.funnel.customer, 2.0);
        QVERIFY(near(event.metrics.cac, 160000)); // 320000 / 2
        QVERIFY(near(event.metrics.medianDaysToClose, 20));
        const GroupRow &inbound = r.byCategory[std::size_t(SourceCategory::Inbound)];
        QCOMPARE(inbound.funnel.leads, 0); // Blog
        QVERIFY(!inbound.metrics.cpl);
        QVERIFY(near(inbound.metrics.share, 0));
        QCOMPARE(r.byCategory[std::size_t(SourceCategory::Unknown)].funnel.leads, 2);

        // Tiers: core (展示会, Blog), growth (Google Ads), experiment (Webinar), unknown row.
        QCOMPARE(r.byTier.size(), std::size_t(4));
        QCOMPARE(r.byTier[0].tier, Tier::Core);
        QCOMPARE(r.byTier[0].funnel.leads, 3);
        QCOMPARE(r.byTier[1].funnel.leads, 5);
        QCOMPARE(r.byTier[2].funnel.spend, 20000);
        QVERIFY(!r.byTier[3].tier);
        QCOMPARE(r.byTier[3].funnel.leads, 2);
        qint64 sum = 0;
        for (const GroupRow &g : r.byTier)
            sum += g.funnel.leads;
        QCOMPARE(sum, r.totals.leads);
    }

    void windowOpenEndsAndErrors() {
        DatasetA a;
        ReportOptions o;
        o.window.from = QDate(2026, 2, 1); // only a start: Feb, Mar, Apr spend and leads
        const SourceReport r = report(a.b.facts, o);
        // Leads created ≥ 02-01: L2, L3, L4 (Google), L6, L7, 2026-04-01 (展示会), L9 (unknown).
        QCOMPARE(r.totals.leads, 7);
        QCOMPARE(row(r, QStringLiteral("Google Ads"))->funnel.spend, 60000 + 70000);
        QCOMPARE(r.totals.spend, 130000 + 300000 + 20000);

        ReportOptions bad;
        bad.window.from = QDate(2026, 2, 1);
        bad.window.to = QDate(2026, 1, 31);
        const auto e = computeSourceReport(a.b.facts, bad);
        QVERIFY(!e.ok());
        QVERIFY(!e.error().isEmpty());

        Facts broken = a.b.facts;
        broken.leads[0].sourceIndex = 99;
        QVERIFY(!computeSourceReport(broken, {}).ok());
    }

    void emptyFacts() {
        Facts f;
        const SourceReport r = report(f, Attribution::Linear);
        QCOMPARE(r.totals.leads, 0);
        QVERIFY(r.sources.empty());
        QVERIFY(r.warnings.empty());
        QVERIFY(!r.totals.metrics.share);
        QVERIFY(!r.totals.metrics.cpl);
    }

    void attribution_data() {
        QTest::addColumn<int>("model");
        QTest::addColumn<QList<double>>("customer"); // A, B, C, D
        QTest::addColumn<QList<double>>("median");   // A, B, C, D; −1 = null
        // a = time decay share of Z's touch A: 2^(−5/7) / (2^(−5/7) + 2^(−4/7)) = 1/(1 + 2^(1/7)).
        const double a = 1.0 / (1.0 + std::exp2(1.0 / 7.0));
        // first: each customer to its original source. Days: X 28, Y 10, Z 6, W 1.
        QTest::newRow("first") << int(Attribution::First) << QList<double>{1, 1, 1, 1}
                               << QList<double>{28, 10, 6, 1};
        // last (on or before won): X → D (01-29, not A on 02-05), Y → B (none), Z → B,
        // W → D (its only touch is after the won date).
        QTest::newRow("last") << int(Attribution::Last) << QList<double>{0, 2, 0, 2}
                              << QList<double>{-1, 8, -1, 14.5};
        // linear: X ¼ each; Y B; Z ½ A ½ B; W D.
        QTest::newRow("linear") << int(Attribution::Linear) << QList<double>{0.75, 1.75, 0.25, 1.25}
                                << QList<double>{17, 10, 28, 14.5};
        // time decay for X: weights 2^(−28/7), 2^(−14/7), 2^(−7/7), 2^0 = 1/16, 1/4, 1/2, 1
        // → 1/29, 4/29, 8/29, 16/29.
        QTest::newRow("time_decay")
            << int(Attribution::TimeDecay)
            << QList<double>{1.0 / 29 + a, 4.0 / 29 + 1 + (1 - a), 8.0 / 29, 16.0 / 29 + 1}
            << QList<double>{17, 10, 28, 14.5};
        // position: X 40/10/10/40; Z two touches 50/50; Y and W full.
        QTest::newRow("position") << int(Attribution::Position) << QList<double>{0.9, 1.6, 0.1, 1.4}
                                  << QList<double>{17, 10, 28, 14.5};
    }

    void attribution() {
        QFETCH(int, model);
        QFETCH(QList<double>, customer);
        QFETCH(QList<double>, median);
        DatasetB d;
        const SourceReport r = report(d.b.facts, Attribution(model));
        const QStringList names{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                QStringLiteral("D")};
        double sum = 0;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const SourceRow *s = row(r, names[i]);
            QVERIFY2(s, qPrintable(names[i]));
            QVERIFY2(std::fabs(s->funnel.customer - customer[i]) < kEps,
                     qPrintable(names[i] + QLatin1Char(' ') + QString::number(s->funnel.customer)));
            if (median[i] < 0)
                QVERIFY(!s->metrics.medianDaysToClose);
            else
                QVERIFY2(near(s->metrics.medianDaysToClose, median[i]), qPrintable(names[i]));
            sum += s->funnel.customer;
        }
        QVERIFY(std::fabs(sum - 4.0) < kEps);
        QCOMPARE(r.totals.customer, 4);
        // Leads count by original source whatever the model; V (no source) → C by its earliest
        // touchpoint.
        QCOMPARE(row(r, QStringLiteral("C"))->funnel.leads, 2);
        QCOMPARE(row(r, QStringLiteral("A"))->funnel.leads, 1);
        QVERIFY(!unknownRow(r));
        QCOMPARE(r.totals.revenue, 1800);
    }

    void creditWeightedRevenueAndLtv() {
        DatasetB d;
        // position: X 1000 → A 400, B 100, C 100, D 400; Y 500 → B; Z 200 → A 100, B 100;
        // W 100 → D.
        const SourceReport p = report(d.b.facts, Attribution::Position);
        QVERIFY(std::fabs(row(p, QStringLiteral("A"))->funnel.revenue - 500) < kEps);
        QVERIFY(std::fabs(row(p, QStringLiteral("B"))->funnel.revenue - 700) < kEps);
        QVERIFY(std::fabs(row(p, QStringLiteral("C"))->funnel.revenue - 100) < kEps);
        QVERIFY(std::fabs(row(p, QStringLiteral("D"))->funnel.revenue - 500) < kEps);
        // linear ltv of A: (¼ × 1000 + ½ × 200) / (¼ + ½) = 350 / 0.75.
        const SourceReport l = report(d.b.facts, Attribution::Linear);
        QVERIFY(near(row(l, QStringLiteral("A"))->metrics.ltv, 350.0 / 0.75));
        // opportunity is by original source, customer by credit: B has 1 opportunity (Y) and
        // 1.75 customers under linear.
        QVERIFY(near(row(l, QStringLiteral("B"))->metrics.opportunityToCustomer, 1.75));
    }

    void attributeCustomerDirect() {
        // Customer without touchpoints → original source; with only later touchpoints too.
        auto c = attributeCustomer(Attribution::Linear, 2, dayNumber(QDate(2026, 1, 1)), {});
        QCOMPARE(c.size(), std::size_t(1));
        QCOMPARE(c[0].sourceIndex, 2);
        QCOMPARE(c[0].credit, 1.0);
        const TouchFact later =
            TouchFact::make(0, QDateTime(QDate(2026, 1, 2), QTime(0, 0), QTimeZone(9 * 3600)), 5);
        c = attributeCustomer(Attribution::Last, 2, dayNumber(QDate(2026, 1, 1)), {later});
        QCOMPARE(c[0].sourceIndex, 2);
        // No won date: every touchpoint counts.
        c = attributeCustomer(Attribution::Last, 2, NoDay, {later});
        QCOMPARE(c[0].sourceIndex, 5);
        // Position over 5 touches: 0.4, 3 × 0.2/3, 0.4; the same source twice adds up.
        std::vector<TouchFact> t;
        for (int i = 0; i < 5; ++i) {
            t.push_back(TouchFact::make(
                0, QDateTime(QDate(2026, 1, 1 + i), QTime(0, 0), QTimeZone(9 * 3600)),
                i == 4 ? 0 : i));
        }
        c = attributeCustomer(Attribution::Position, 9, dayNumber(QDate(2026, 2, 1)), t);
        QCOMPARE(c.size(), std::size_t(4));
        QCOMPARE(c[0].sourceIndex, 0);
        QVERIFY(std::fabs(c[0].credit - (0.4 + 0.4)) < kEps);
        QVERIFY(std::fabs(c[1].credit - 0.2 / 3) < kEps);
    }

    void originalAndLatestSource() {
        std::vector<SourceInfo> sources{
            SourceInfo::make(QStringLiteral("A"), SourceCategory::Paid, Tier::Core),
            SourceInfo::make(QStringLiteral("なし"), SourceCategory::Unknown, Tier::Core),
            SourceInfo::make(QStringLiteral("C"), SourceCategory::Paid, Tier::Core)};
        const auto at = [](int day, qint32 source) {
            return TouchFact::make(
                0, QDateTime(QDate(2026, 1, day), QTime(9, 0), QTimeZone(9 * 3600)), source);
        };
        const std::vector<TouchFact> t{at(1, 2), at(5, 0), at(9, 2)};
        QCOMPARE(originalSource(sources, 0, t), 0); // recorded, named
        QCOMPARE(originalSource(sources, 1, t), 2); // "なし" → earliest touchpoint
        QCOMPARE(originalSource(sources, NoSource, t), 2);
        QCOMPARE(originalSource(sources, NoSource, {}), NoSource);
        QCOMPARE(latestSource(0, NoDay, t), 2);
        QCOMPARE(latestSource(0, dayNumber(QDate(2026, 1, 8)), t), 0);  // on or before won
        QCOMPARE(latestSource(1, dayNumber(QDate(2025, 12, 1)), t), 1); // none → original
    }

    void unsortedTouchesGiveTheSameReport() {
        DatasetB d;
        const SourceReport sorted = report(d.b.facts, Attribution::TimeDecay);
        Facts shuffled = d.b.facts;
        std::mt19937 rng(7);
        std::shuffle(shuffled.touches.begin(), shuffled.touches.end(), rng);
        const SourceReport r = report(shuffled, Attribution::TimeDecay);
        QCOMPARE(r.sources.size(), sorted.sources.size());
        for (std::size_t i = 0; i < r.sources.size(); ++i) {
            QCOMPARE(r.sources[i].name, sorted.sources[i].name);
            QVERIFY(std::fabs(r.sources[i].funnel.customer - sorted.sources[i].funnel.customer) <
                    kEps);
        }
    }

    void unknownNamedSourceFallsBackToTouchpoint() {
        // A lead recorded with source "不明" but a touchpoint from Seminar: original = Seminar.
        FactsBuilder b;
        const qint32 fumei = b.source(QStringLiteral("不明"), SourceCategory::Unknown, Tier::Core);
        const qint32 seminar =
            b.source(QStringLiteral("Seminar"), SourceCategory::Event, Tier::Core);
        const qint32 l = b.lead(fumei, QDate(2026, 1, 1), Stage::Mql);
        b.touch(l, QDate(2026, 1, 1), seminar);
        b.lead(fumei, QDate(2026, 1, 1), Stage::Mql);
        const SourceReport r = report(b.facts, Attribution::First);
        QCOMPARE(row(r, QStringLiteral("Seminar"))->funnel.leads, 1);
        QCOMPARE(unknownRow(r)->funnel.leads, 1);
        QVERIFY(!row(r, QStringLiteral("不明")));
    }
};

QTEST_GUILESS_MAIN(TestSourceReport)
#include "tst_sourcereport.moc"
