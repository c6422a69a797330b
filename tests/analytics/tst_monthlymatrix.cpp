// Leads per month by category, the funnel of a chosen source and the source comparison matrix
// (analytics/monthly.h, stagefunnel.h, matrix.h) on a small hand-computed dataset.
#include "factsbuilder.h"

#include "models/analytics/matrix.h"
#include "models/analytics/monthly.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/stagefunnel.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

// Window 2026-01-01 … 2026-03-31 (W):
//   Blog (inbound):        01-05 inquiry; 01-20 customer won 03-01 (40 days); 03-10 MQL
//   Google Ads (paid):     2025-12-31 inquiry (before W); 01-31 SQL; 02-01 inquiry;
//                          02-15 customer won 02-25 (10 days), touches Google 02-15, Referral 02-20
//   Referral (partnership): 02-10 customer won 02-20 (10 days)
//   (no source) 01-25 inquiry, touches Webinar 01-25, Google Ads 01-28 → original Webinar (event)
//   "unknown" (an unknown name, category outbound on purpose) 03-31 inquiry → Unknown
//   (no source, no touches) 2026-04-01 inquiry (after W) → Unknown
//   Cold call (outbound): no leads.
// Spend: Google Ads 2026-01 90,000; Webinar 2026-02 45,000; Google Ads 2025-12 7 (before W).
struct Dataset {
    FactsBuilder b;
    qint32 blog, google, referral, webinar, unknownName, cold;
    Dataset() {
        blog = b.source(QStringLiteral("Blog"), SourceCategory::Inbound, Tier::Core);
        google = b.source(QStringLiteral("Google Ads"), SourceCategory::Paid, Tier::Growth);
        referral = b.source(QStringLiteral("Referral"), SourceCategory::Partnership, Tier::Growth);
        webinar = b.source(QStringLiteral("Webinar"), SourceCategory::Event, Tier::Experiment);
        unknownName =
            b.source(QStringLiteral("unknown"), SourceCategory::Outbound, Tier::Experiment);
        cold = b.source(QStringLiteral("Cold call"), SourceCategory::Outbound, Tier::Experiment);

        b.lead(blog, QDate(2026, 1, 5), Stage::Inquiry);
        b.customer(blog, QDate(2026, 1, 20), QDate(2026, 3, 1), 100000);
        b.lead(blog, QDate(2026, 3, 10), Stage::Mql);
        b.lead(google, QDate(2025, 12, 31), Stage::Inquiry);
        b.lead(google, QDate(2026, 1, 31), Stage::Sql);
        b.lead(google, QDate(2026, 2, 1), Stage::Inquiry);
        const qint32 g = b.customer(google, QDate(2026, 2, 15), QDate(2026, 2, 25), 50000);
        b.touch(g, QDate(2026, 2, 15), google);
        b.touch(g, QDate(2026, 2, 20), referral);
        b.customer(referral, QDate(2026, 2, 10), QDate(2026, 2, 20), 300000);
        const qint32 anon = b.lead(NoSource, QDate(2026, 1, 25), Stage::Inquiry);
        b.touch(anon, QDate(2026, 1, 28), google); // added first: order must not matter
        b.touch(anon, QDate(2026, 1, 25), webinar);
        b.lead(unknownName, QDate(2026, 3, 31), Stage::Inquiry);
        b.lead(NoSource, QDate(2026, 4, 1), Stage::Inquiry);
        b.spend(google, 2026, 1, 90000);
        b.spend(webinar, 2026, 2, 45000);
        b.spend(google, 2025, 12, 7);
    }
};

Window quarter() {
    return Window{QDate(2026, 1, 1), QDate(2026, 3, 31)};
}

SourceReport report(const Facts &f, Window w, Attribution a = Attribution::First) {
    auto r = computeSourceReport(f, {w, a});
    if (!r)
        qFatal("report failed: %s", qPrintable(r.error()));
    return *r;
}

const SourceRow *row(const SourceReport &r, const QString &name) {
    for (const SourceRow &s : r.sources) {
        if (!s.isUnknown && s.name == name)
            return &s;
    }
    return nullptr;
}

const MatrixRow *categoryRow(const SourceMatrix &m, SourceCategory c) {
    for (const MatrixRow &r : m.categories) {
        if (r.category == c)
            return &r;
    }
    return nullptr;
}

bool same(const std::optional<double> &a, const std::optional<double> &b) {
    if (a.has_value() != b.has_value())
        return false;
    return !a || std::fabs(*a - *b) < 1e-12;
}

} // namespace

class TstMonthlyMatrix final : public QObject {
    Q_OBJECT
private slots:
    void monthlyInWindow() {
        Dataset d;
        auto m = computeMonthlyByCategory(d.b.facts, quarter());
        QVERIFY(m);
        QCOMPARE(m->months, (std::vector<qint32>{monthNumber(2026, 1), monthNumber(2026, 2),
                                                 monthNumber(2026, 3)}));
        using C = SourceCategory;
        const auto counts = [&](C c) { return m->counts[std::size_t(c)]; };
        QCOMPARE(counts(C::Inbound), (std::vector<qint64>{2, 0, 1}));
        QCOMPARE(counts(C::Paid), (std::vector<qint64>{1, 2, 0}));
        QCOMPARE(counts(C::Partnership), (std::vector<qint64>{0, 1, 0}));
        QCOMPARE(counts(C::Event), (std::vector<qint64>{1, 0, 0}));   // earliest touch: Webinar
        QCOMPARE(counts(C::Unknown), (std::vector<qint64>{0, 0, 1})); // "unknown" is Unknown
        QCOMPARE(counts(C::Outbound), (std::vector<qint64>{0, 0, 0}));
        QCOMPARE(m->monthTotal(0), 4);
        QCOMPARE(m->monthTotal(1), 3);
        QCOMPARE(m->monthTotal(2), 2);
        QCOMPARE(m->categoriesWithLeads(),
                 (std::vector<C>{C::Inbound, C::Paid, C::Partnership, C::Event, C::Unknown}));

        // Every category adds up to the report's leads of that category.
        const SourceReport r = report(d.b.facts, quarter());
        for (const GroupRow &g : r.byCategory)
            QCOMPARE(m->total(*g.category), g.funnel.leads);
    }

    void monthlyWindows() {
        Dataset d;
        // Open window: from the first to the last month with a lead.
        auto all = computeMonthlyByCategory(d.b.facts, {});
        QVERIFY(all);
        QCOMPARE(all->months.size(), std::size_t(5)); // 2025-12 … 2026-04
        QCOMPARE(all->months.front(), monthNumber(2025, 12));
        QCOMPARE(all->count(SourceCategory::Paid, 0), 1);
        QCOMPARE(all->count(SourceCategory::Unknown, 4), 1);
        // A window that cuts February and runs past the data: Feb … May, May empty.
        auto cut = computeMonthlyByCategory(d.b.facts, {QDate(2026, 2, 15), QDate(2026, 5, 31)});
        QVERIFY(cut);
        QCOMPARE(cut->months.size(), std::size_t(4));
        QCOMPARE(cut->count(SourceCategory::Paid, 0), 1); // only the 02-15 lead
        QCOMPARE(cut->count(SourceCategory::Partnership, 0), 0);
        QCOMPARE(cut->count(SourceCategory::Inbound, 1), 1);
        QCOMPARE(cut->count(SourceCategory::Unknown, 2), 1);
        QCOMPARE(cut->monthTotal(3), 0);
        // Nothing at all: no months.
        auto none = computeMonthlyByCategory(Facts{}, {});
        QVERIFY(none);
        QVERIFY(none->months.empty());
        // A reversed window fails like the report.
        QVERIFY(!computeMonthlyByCategory(d.b.facts, {QDate(2026, 3, 1), QDate(2026, 2, 1)}));
    }

    void funnelOfSource() {
        Dataset d;
        const SourceReport r = report(d.b.facts, quarter());
        const StageFunnel all = stageFunnel(r, FunnelSelection::allSources());
        QCOMPARE(all.at(Stage::Inquiry), 9.0);
        QCOMPARE(all.at(Stage::Mql), 5.0);
        QCOMPARE(all.at(Stage::Sql), 4.0);
        QCOMPARE(all.at(Stage::Opportunity), 3.0);
        QCOMPARE(all.at(Stage::Customer), 3.0);

        const StageFunnel g = stageFunnel(r, FunnelSelection::source(d.google));
        const SourceRow *gr = row(r, QStringLiteral("Google Ads"));
        QVERIFY(gr);
        QCOMPARE(g.at(Stage::Inquiry), double(gr->funnel.leads));
        QCOMPARE(g.at(Stage::Mql), double(gr->funnel.mql));
        QCOMPARE(g.at(Stage::Sql), double(gr->funnel.sql));
        QCOMPARE(g.at(Stage::Opportunity), double(gr->funnel.opportunity));
        QCOMPARE(g.at(Stage::Customer), gr->funnel.customer);
        // … and by hand: 3 leads (SQL, inquiry, customer); lost or not, the furthest stage counts.
        QCOMPARE(g.at(Stage::Inquiry), 3.0);
        QCOMPARE(g.at(Stage::Mql), 2.0);
        QCOMPARE(g.at(Stage::Sql), 2.0);
        QCOMPARE(g.at(Stage::Opportunity), 1.0);
        QCOMPARE(g.at(Stage::Customer), 1.0);

        const StageFunnel u = stageFunnel(r, FunnelSelection::unknownSource());
        QCOMPARE(u.at(Stage::Inquiry), 1.0);
        // A source without a row (Cold call): zeros, and no row.
        QVERIFY(!selectedRow(r, FunnelSelection::source(d.cold)));
        QCOMPARE(stageFunnel(r, FunnelSelection::source(d.cold)).at(Stage::Inquiry), 0.0);

        // Linear attribution: the Google customer shares its credit with Referral.
        const SourceReport lin = report(d.b.facts, quarter(), Attribution::Linear);
        QCOMPARE(stageFunnel(lin, FunnelSelection::source(d.google)).at(Stage::Customer), 0.5);
        QCOMPARE(stageFunnel(lin, FunnelSelection::source(d.referral)).at(Stage::Customer), 1.5);
        QCOMPARE(stageFunnel(lin, FunnelSelection::allSources()).at(Stage::Customer), 3.0);
    }

    // The rates written on the funnel: each step over the one before, lead → customer over
    // leads; a category's funnel is its row of the report.
    void funnelRates() {
        Dataset d;
        const SourceReport r = report(d.b.facts, quarter());
        const StageFunnel all = stageFunnel(r, FunnelSelection::allSources());
        // 9 → 5 → 4 → 3 → 3
        QVERIFY(!all.stepRate(Stage::Inquiry));
        QCOMPARE(*all.stepRate(Stage::Mql), 5.0 / 9);
        QCOMPARE(*all.stepRate(Stage::Sql), 4.0 / 5);
        QCOMPARE(*all.stepRate(Stage::Opportunity), 3.0 / 4);
        QCOMPARE(*all.stepRate(Stage::Customer), 1.0);
        QCOMPARE(*all.leadToCustomer(), 3.0 / 9);
        // Google Ads: 3 → 2 → 2 → 1 → 1.
        const StageFunnel g = stageFunnel(r, FunnelSelection::source(d.google));
        QCOMPARE(*g.stepRate(Stage::Mql), 2.0 / 3);
        QCOMPARE(*g.stepRate(Stage::Opportunity), 0.5);
        QCOMPARE(*g.leadToCustomer(), 1.0 / 3);
        // Inbound (Blog): 01-05 inquiry, 01-20 customer, 03-10 MQL: 3 → 2 → 1 → 1 → 1.
        const StageFunnel in = stageFunnel(r, FunnelSelection::ofCategory(SourceCategory::Inbound));
        QCOMPARE(in.at(Stage::Inquiry), 3.0);
        QCOMPARE(in.at(Stage::Mql), 2.0);
        QCOMPARE(in.at(Stage::Sql), 1.0);
        QCOMPARE(in.at(Stage::Customer), 1.0);
        QCOMPARE(*in.stepRate(Stage::Sql), 0.5);
        QCOMPARE(*in.leadToCustomer(), 1.0 / 3);
        QVERIFY(!selectedRow(r, FunnelSelection::ofCategory(SourceCategory::Inbound)));
        // Outbound has no leads: no rates, not 0 %.
        const StageFunnel out =
            stageFunnel(r, FunnelSelection::ofCategory(SourceCategory::Outbound));
        QCOMPARE(out.at(Stage::Inquiry), 0.0);
        QVERIFY(!out.stepRate(Stage::Mql));
        QVERIFY(!out.leadToCustomer());
    }

    void defaultTable() {
        QCOMPARE(seedMatrix().size(), std::size_t(8));
        for (int c = 0; c < SourceCategoryCount; ++c) {
            const auto cat = SourceCategory(c);
            const auto def = categoryDefault(cat);
            QCOMPARE(def.has_value(), cat != SourceCategory::Unknown);
            if (cat == SourceCategory::Unknown)
                continue;
            QVERIFY2(std::any_of(seedMatrix().begin(), seedMatrix().end(),
                                 [cat](const SeedMatrixRow &r) { return r.category == cat; }),
                     qPrintable(categoryKey(cat)));
        }
        using L = Level;
        using S = Speed;
        // Inbound = organic search (high) + content (medium–high).
        const auto inbound = *categoryDefault(SourceCategory::Inbound);
        QCOMPARE(inbound.volume, (LevelRange{L::Medium, L::High}));
        QCOMPARE(inbound.quality, (LevelRange{L::High, L::High}));
        QCOMPARE(inbound.speed, (SpeedRange{S::Slow, S::Slow}));
        QCOMPARE(inbound.cost, (LevelRange{L::Low, L::Medium}));
        // Events: volume medium, quality medium–high, fast to follow up, cost high.
        const auto events = *categoryDefault(SourceCategory::Event);
        QCOMPARE(events.volume, (LevelRange{L::Medium, L::Medium}));
        QCOMPARE(events.quality, (LevelRange{L::Medium, L::High}));
        QCOMPARE(events.speed, (SpeedRange{S::Fast, S::Fast}));
        QCOMPARE(events.cost, (LevelRange{L::High, L::High}));
        // Partnership = referrals (very high, varies) + partnerships (high, slow).
        const auto partner = *categoryDefault(SourceCategory::Partnership);
        QCOMPARE(partner.quality, (LevelRange{L::High, L::VeryHigh}));
        QCOMPARE(partner.speed, (SpeedRange{S::Fast, S::Slow}));
        QCOMPARE(speedRangeLabel(partner.speed), QStringLiteral("Varies"));
        QCOMPARE(levelRangeLabel(inbound.volume), QStringLiteral("Medium–high"));
        const auto paid = *categoryDefault(SourceCategory::Paid);
        QCOMPARE(paid.cost, (LevelRange{L::Medium, L::High}));
        QCOMPARE(categoryDefault(SourceCategory::Outbound)->quality,
                 (LevelRange{L::Low, L::Medium}));

        // Each row names a row of the article's table (seed 004, quoted in tests/data/seed).
        QFile f(QStringLiteral(MIKOMI_CORPUS "/seed/004_source_matrix.md"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QString article = QString::fromUtf8(f.readAll());
        QVERIFY(!seedMatrix().empty());
        for (const SeedMatrixRow &r : seedMatrix())
            QVERIFY2(article.contains(QStringLiteral("| ") + QString::fromUtf8(r.seedJa) +
                                      QStringLiteral(" |")),
                     r.seedJa);
    }

    void levels() {
        QCOMPARE(levelOfRatio(Dimension::Quality, 0.5), int(Level::Low));
        QCOMPARE(levelOfRatio(Dimension::Quality, 2.0 / 3.0), int(Level::Medium));
        QCOMPARE(levelOfRatio(Dimension::Quality, 1.5), int(Level::Medium));
        QCOMPARE(levelOfRatio(Dimension::Quality, 1.51), int(Level::High));
        QCOMPARE(levelOfRatio(Dimension::Quality, 3.0), int(Level::High));
        QCOMPARE(levelOfRatio(Dimension::Quality, 3.01), int(Level::VeryHigh));
        QCOMPARE(levelOfRatio(Dimension::Speed, 0.5), int(Speed::Fast));
        QCOMPARE(levelOfRatio(Dimension::Speed, 1.5), int(Speed::Medium));
        QCOMPARE(levelOfRatio(Dimension::Speed, 4.0), int(Speed::Slow));
    }

    void matrixMeasured() {
        Dataset d;
        const SourceReport r = report(d.b.facts, quarter());
        const SourceMatrix m = computeSourceMatrix(r);
        QVERIFY(same(m.leadToCustomer, 1.0 / 3.0));
        QVERIFY(same(m.medianDays, 10.0));
        QVERIFY(same(m.cpl, 15000.0)); // 135,000 / 9

        // One row per category (Unknown has a lead), each equal to the report's values.
        QCOMPARE(m.categories.size(), std::size_t(SourceCategoryCount));
        for (const GroupRow &g : r.byCategory) {
            const MatrixRow *mr = categoryRow(m, *g.category);
            QVERIFY(mr);
            QCOMPARE(mr->leads, g.funnel.leads);
            QVERIFY(same(mr->cell(Dimension::Volume).value, g.metrics.share));
            QVERIFY(same(mr->cell(Dimension::Quality).value, g.metrics.leadToCustomer));
            QVERIFY(same(mr->cell(Dimension::Speed).value, g.metrics.medianDaysToClose));
            QVERIFY(same(mr->cell(Dimension::Cost).value, g.metrics.cpl));
        }
        QCOMPARE(m.sources.size(), r.sources.size());
        for (std::size_t i = 0; i < r.sources.size(); ++i) {
            QCOMPARE(m.sources[i].leads, r.sources[i].funnel.leads);
            QVERIFY(same(m.sources[i].cell(Dimension::Quality).value,
                         r.sources[i].metrics.leadToCustomer));
            QVERIFY(same(m.sources[i].cell(Dimension::Cost).value, r.sources[i].metrics.cpl));
        }

        using A = Agreement;
        const auto agreement = [&](SourceCategory c, Dimension dim) {
            return categoryRow(m, c)->cell(dim).agreement;
        };
        const auto level = [&](SourceCategory c, Dimension dim) {
            return categoryRow(m, c)->cell(dim).level;
        };
        // Inbound: 3 of 9 leads (high, agrees); 1/3 → customer = the average (medium, below the
        // article's high); 40 days vs 10 (slow, agrees); no spend (low, agrees).
        QCOMPARE(level(SourceCategory::Inbound, Dimension::Volume), int(Level::High));
        QCOMPARE(agreement(SourceCategory::Inbound, Dimension::Volume), A::Agrees);
        QCOMPARE(level(SourceCategory::Inbound, Dimension::Quality), int(Level::Medium));
        QCOMPARE(agreement(SourceCategory::Inbound, Dimension::Quality), A::Below);
        QCOMPARE(level(SourceCategory::Inbound, Dimension::Speed), int(Speed::Slow));
        QCOMPARE(agreement(SourceCategory::Inbound, Dimension::Speed), A::Agrees);
        QCOMPARE(level(SourceCategory::Inbound, Dimension::Cost), int(Level::Low));
        QCOMPARE(agreement(SourceCategory::Inbound, Dimension::Cost), A::Agrees);
        // Paid: 10 days = the median (medium): slower than the article's "fast".
        QCOMPARE(agreement(SourceCategory::Paid, Dimension::Speed), A::Above);
        QCOMPARE(level(SourceCategory::Paid, Dimension::Cost), int(Level::High)); // 30,000
        QCOMPARE(agreement(SourceCategory::Paid, Dimension::Cost), A::Agrees);
        // Partnership: quality 3× the average (high) within high–very high.
        QCOMPARE(level(SourceCategory::Partnership, Dimension::Quality), int(Level::High));
        QCOMPARE(agreement(SourceCategory::Partnership, Dimension::Quality), A::Agrees);
        QCOMPARE(agreement(SourceCategory::Partnership, Dimension::Speed), A::Agrees);
        // Events: one lead, no customer: low volume and quality below the article.
        QCOMPARE(agreement(SourceCategory::Event, Dimension::Volume), A::Below);
        QCOMPARE(agreement(SourceCategory::Event, Dimension::Quality), A::Below);
        QCOMPARE(agreement(SourceCategory::Event, Dimension::Speed), A::NoData);
        QCOMPARE(agreement(SourceCategory::Event, Dimension::Cost), A::Agrees); // 45,000: high
        // Outbound: no leads → null ratios, no level (volume 0 is measured: low).
        QCOMPARE(agreement(SourceCategory::Outbound, Dimension::Quality), A::NoData);
        QVERIFY(!level(SourceCategory::Outbound, Dimension::Cost));
        QCOMPARE(agreement(SourceCategory::Outbound, Dimension::Volume), A::Below);
        // Unknown: measured, but the article has no default.
        QCOMPARE(agreement(SourceCategory::Unknown, Dimension::Volume), A::NoDefault);
        QVERIFY(!categoryRow(m, SourceCategory::Unknown)->defaults);

        QVERIFY(categoryRow(m, SourceCategory::Inbound)->disagrees());
        QVERIFY(!categoryRow(m, SourceCategory::Partnership)->disagrees());
        QVERIFY(agreementText(*categoryRow(m, SourceCategory::Inbound), Dimension::Quality)
                    .contains(QStringLiteral("lower")));
        QVERIFY(agreementText(*categoryRow(m, SourceCategory::Paid), Dimension::Speed)
                    .contains(QStringLiteral("slower")));
        QVERIFY(
            agreementText(*categoryRow(m, SourceCategory::Inbound), Dimension::Volume).isEmpty());
    }

    void matrixEmpty() {
        // No data: every category row, every value null, Unknown left out.
        const SourceMatrix m = computeSourceMatrix(report(Facts{}, {}));
        QCOMPARE(m.categories.size(), std::size_t(SourceCategoryCount - 1));
        for (const MatrixRow &r : m.categories) {
            for (const MatrixCell &c : r.cells) {
                QVERIFY(!c.value);
                QCOMPARE(c.agreement, Agreement::NoData);
            }
        }
        QVERIFY(m.sources.empty());
    }
};

QTEST_GUILESS_MAIN(TstMonthlyMatrix)
#include "tst_monthlymatrix.moc"
