// The Dashboard's drill-down (services/drilldown.h): for every figure of the source report on a
// demo database (every source row, the Unknown row, every category, all sources; every stage;
// all dates and a quarter), the Leads list filtered to it counts exactly that many leads; so
// do the Dashboard's tier rows (70-20-10), every count of the Trends & Goals page (a month's
// leads, MQL and customers of a source or category, the period columns, the goals' monthly
// actuals) and the owners' leads worked and customers.
#include "models/analytics/goals.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/trends.h"
#include "models/services/demowriter.h"
#include "models/services/drilldown.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "models/storage/leadquery.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/repositories.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mikomi;

class TstDrillDown final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    analytics::Facts m_facts;

    qint64 count(const storage::LeadFilter &filter) {
        auto n = storage::LeadQuery(*m_db).count(filter);
        if (!n)
            qFatal("count failed: %s", qPrintable(n.error()));
        return *n;
    }
    qint64 count(const analytics::Window &w, const analytics::FunnelSelection &sel, Stage s) {
        return count(services::drillDownFilter(m_facts, w, sel, s));
    }

    // Every stage of `sel` against the report's funnel; returns the checks made.
    int compare(const analytics::SourceReport &r, const analytics::Window &w,
                const analytics::FunnelSelection &sel, const QString &what) {
        const analytics::StageFunnel f = analytics::stageFunnel(r, sel);
        int checks = 0;
        for (int s = 0; s < StageCount; ++s) {
            const double expected = f.at(Stage(s));
            const qint64 got = count(w, sel, Stage(s));
            if (std::abs(double(got) - expected) > 1e-9) {
                QTest::qFail(qPrintable(QStringLiteral("%1, %2: list %3, report %4")
                                            .arg(what, stageKey(Stage(s)))
                                            .arg(got)
                                            .arg(expected)),
                             __FILE__, __LINE__);
                return -1;
            }
            ++checks;
        }
        return checks;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("drill.mikomi")));
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(services::writeDemo(*m_db, 1500, 7, QDate(2026, 11, 1)).ok());
        // The rules beyond "the recorded source": leads with touchpoints lose their source (the
        // earliest touchpoint's counts), and others get a source named like "unknown" (不明:
        // the Unknown row, unless a touchpoint names one).
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE leads SET source_id = NULL WHERE id IN (SELECT lead_id FROM touchpoints "
            "GROUP BY lead_id HAVING count(*) > 1 LIMIT 60)")));
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO sources (name, name_key, category, tier, "
                                       "created_at) VALUES ('その他', 'drill-test-other', "
                                       "'event', 'core', '2026-01-01T00:00:00Z')")),
                 qPrintable(q.lastError().text()));
        const qint64 unknownId = q.lastInsertId().toLongLong();
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET source_id = %1 WHERE id IN (SELECT id "
                                      "FROM leads WHERE source_id IS NOT NULL ORDER BY id DESC "
                                      "LIMIT 30)")
                           .arg(unknownId)));
        // Leads nobody owns (the owner table's "(no owner)" row).
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET owner_id = NULL WHERE id % 23 = 0")));
        QVERIFY(q.numRowsAffected() > 40);
        // Customers without a won date count in their created month (goals.h); and one whose
        // won date has a time, as an import may leave it.
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET won_at = NULL WHERE id IN (SELECT id FROM "
                                      "leads WHERE furthest_stage = 'customer' AND won_at IS "
                                      "NOT NULL ORDER BY id LIMIT 8)")));
        QCOMPARE(q.numRowsAffected(), 8);
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE leads SET won_at = won_at || 'T23:30:00+09:00' WHERE id IN (SELECT id FROM "
            "leads WHERE furthest_stage = 'customer' AND won_at IS NOT NULL ORDER BY id DESC "
            "LIMIT 3)")));
        auto facts = services::loadFacts(*m_db);
        QVERIFY(facts);
        m_facts = std::move(*facts);
    }

    void countsEqualTheReport_data() {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("all dates") << QDate() << QDate();
        QTest::newRow("a quarter") << QDate(2026, 4, 1) << QDate(2026, 6, 30);
        QTest::newRow("one day") << QDate(2026, 5, 12) << QDate(2026, 5, 12);
    }
    void countsEqualTheReport() {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        analytics::Window w;
        if (from.isValid())
            w = {from, to};
        auto report = analytics::computeSourceReport(m_facts, {w, analytics::Attribution::First});
        QVERIFY(report);
        int checks =
            compare(*report, w, analytics::FunnelSelection::allSources(), QStringLiteral("all"));
        QVERIFY(checks > 0);
        for (const analytics::SourceRow &row : report->sources) {
            const auto sel = row.isUnknown ? analytics::FunnelSelection::unknownSource()
                                           : analytics::FunnelSelection::source(row.sourceIndex);
            const int c =
                compare(*report, w, sel, row.isUnknown ? QStringLiteral("unknown") : row.name);
            QVERIFY(c > 0);
            checks += c;
        }
        for (int c = 0; c < SourceCategoryCount; ++c) {
            const int n =
                compare(*report, w, analytics::FunnelSelection::ofCategory(SourceCategory(c)),
                        categoryKey(SourceCategory(c)));
            QVERIFY(n > 0);
            checks += n;
        }
        qInfo("%d figures checked", checks);
    }

    // The Dashboard's tier rows: every stage of every tier (and the tier-less Unknown row).
    void tierRowsEqualTheReport() {
        for (const analytics::Window &w :
             {analytics::Window(), analytics::Window{QDate(2026, 4, 1), QDate(2026, 6, 30)}}) {
            auto report =
                analytics::computeSourceReport(m_facts, {w, analytics::Attribution::First});
            QVERIFY(report);
            QVERIFY(report->byTier.size() >= 3);
            bool unknownRow = false;
            for (const analytics::GroupRow &g : report->byTier) {
                unknownRow = unknownRow || !g.tier;
                const Stage stages[] = {Stage::Inquiry, Stage::Mql, Stage::Sql, Stage::Opportunity,
                                        Stage::Customer};
                const qint64 expected[] = {g.funnel.leads, g.funnel.mql, g.funnel.sql,
                                           g.funnel.opportunity, qint64(g.funnel.customer)};
                for (int i = 0; i < 5; ++i)
                    QCOMPARE(count(services::tierDrillDownFilter(m_facts, w, g.tier, stages[i])),
                             expected[i]);
            }
            QVERIFY(unknownRow); // the demo has leads of unknown source
        }
    }

    // Trends & Goals: every month's leads, MQL and customers of every source and category row
    // and the total, and the period, previous-period and year-ago columns.
    void trendCellsEqualTheTrends() {
        int checks = 0;
        for (const auto grouping :
             {analytics::TrendGrouping::Source, analytics::TrendGrouping::Category}) {
            analytics::TrendOptions o;
            o.firstMonth = analytics::monthNumber(2026, 7);
            o.lastMonth = analytics::monthNumber(2026, 9);
            o.grouping = grouping;
            auto trends = analytics::computeTrends(m_facts, o);
            QVERIFY(trends);
            std::vector<analytics::TrendRow> rows = trends->rows;
            rows.push_back(trends->total);
            for (const analytics::TrendRow &row : rows) {
                const analytics::FunnelSelection sel = services::trendSelection(row);
                for (const auto metric :
                     {analytics::TrendMetric::Leads, analytics::TrendMetric::Mql,
                      analytics::TrendMetric::Customers}) {
                    const Stage stage = *services::trendStage(metric);
                    for (qint32 m = trends->firstMonth; m <= trends->lastMonth; ++m) {
                        const auto &v = row.months[std::size_t(m - trends->firstMonth)];
                        QCOMPARE(double(count(services::monthsWindow(m, m), sel, stage)),
                                 *analytics::trendValue(v, metric));
                        ++checks;
                    }
                    QCOMPARE(
                        double(count(services::monthsWindow(trends->firstMonth, trends->lastMonth),
                                     sel, stage)),
                        *analytics::trendValue(row.current, metric));
                    QCOMPARE(double(count(services::monthsWindow(trends->previousFirst,
                                                                 trends->previousLast),
                                          sel, stage)),
                             *analytics::trendValue(row.previous, metric));
                    QCOMPARE(double(count(services::monthsWindow(trends->firstMonth - 12,
                                                                 trends->lastMonth - 12),
                                          sel, stage)),
                             *analytics::trendValue(row.yearAgo, metric));
                    checks += 3;
                }
            }
            QVERIFY(!services::trendStage(analytics::TrendMetric::Spend));
        }
        qInfo("%d trend cells checked", checks);
    }

    // The goals' actuals by created month (leads, MQL, SQL, opportunities).
    void goalActualsEqualTheGoals() {
        analytics::Plan plan;
        plan.months = 12;
        auto goals = analytics::computeGoals(
            m_facts, plan, {analytics::monthNumber(2026, 1), analytics::monthNumber(2026, 11)});
        QVERIFY(goals);
        for (const analytics::GoalMonth &g : goals->months) {
            for (int m = 0; m < analytics::GoalMetricCount; ++m) {
                const auto stage = services::goalStage(analytics::GoalMetric(m));
                if (!stage || g.isFuture)
                    continue;
                QCOMPARE(count(services::drillDownFilter(
                             m_facts, services::monthsWindow(g.month, g.month),
                             analytics::FunnelSelection::allSources(), *stage)),
                         g.actual.at(analytics::GoalMetric(m)));
            }
        }
    }

    // The goals' customers and revenue, by won month (else created month), every month and the
    // to-date row: the list counts the customers, and the deal values of the leads listed for
    // revenue add up to the month's revenue.
    void goalCustomersAndRevenueEqualTheGoals() {
        analytics::Plan plan;
        plan.months = 24; // two years, up to October 2026
        auto goals = analytics::computeGoals(
            m_facts, plan, {analytics::monthNumber(2025, 1), analytics::monthNumber(2026, 10)});
        QVERIFY(goals);
        std::vector<analytics::Window> windows;
        std::vector<const analytics::GoalFigures *> actuals;
        for (const analytics::GoalMonth &g : goals->months) {
            if (g.isFuture)
                continue;
            windows.push_back(services::monthsWindow(g.month, g.month));
            actuals.push_back(&g.actual);
        }
        windows.push_back(services::monthsWindow(analytics::monthNumber(2025, 1),
                                                 analytics::monthNumber(2026, 10)));
        actuals.push_back(&goals->actualToDate);
        QCOMPARE(windows.size(), std::size_t(23));
        int differentMonth = 0; // customers whose won month is not their created month
        for (const analytics::LeadFact &l : m_facts.leads) {
            if (l.isCustomer() && l.wonDay != analytics::NoDay &&
                analytics::monthNumber(analytics::dateFromDay(l.wonDay)) !=
                    analytics::monthNumber(analytics::dateFromDay(l.createdDay)))
                ++differentMonth;
        }
        QVERIFY2(differentMonth > 10, "the won month must differ from the created month");
        qint64 customers = 0;
        for (std::size_t i = 0; i < windows.size(); ++i) {
            const analytics::Window &w = windows[i];
            const storage::LeadFilter won =
                services::goalDrillDownFilter(m_facts, analytics::GoalMetric::Customers, w);
            QCOMPARE(count(won), actuals[i]->at(analytics::GoalMetric::Customers));
            // Revenue: the customers with a deal value; their values add up to the figure.
            const storage::LeadFilter revenue =
                services::goalDrillDownFilter(m_facts, analytics::GoalMetric::Revenue, w);
            auto rows = storage::LeadQuery(*m_db).rows(revenue, storage::LeadSort::Created, true, 0,
                                                       100000);
            QVERIFY(rows);
            QCOMPARE(qint64(rows->size()), count(revenue));
            qint64 sum = 0;
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            QVERIFY(q.prepare(QStringLiteral("SELECT deal_value FROM leads WHERE id = ?")));
            for (const storage::LeadRow &r : *rows) {
                q.addBindValue(r.id);
                QVERIFY(q.exec() && q.next());
                QVERIFY(!q.isNull(0));
                sum += q.value(0).toLongLong();
            }
            QCOMPARE(sum, actuals[i]->at(analytics::GoalMetric::Revenue));
            if (i + 1 < windows.size())
                customers += actuals[i]->at(analytics::GoalMetric::Customers);
        }
        qInfo("%lld customers in 22 months", static_cast<long long>(customers));
        QVERIFY(customers > 20); // the months are not empty
        QCOMPARE(customers, goals->actualToDate.at(analytics::GoalMetric::Customers));
    }

    // Per owner: leads worked and customers, as the pipeline totals them.
    void ownersEqualThePipeline() {
        auto users = storage::UserRepository(*m_db).list();
        QVERIFY(users);
        QVERIFY(!users->isEmpty());
        for (const User &u : *users) {
            storage::PipelineFilter pf;
            pf.ownerId = u.id;
            auto totals = storage::PipelineQuery(*m_db).totals(pf);
            QVERIFY(totals);
            qint64 worked = 0;
            for (const auto &c : *totals)
                worked += c.count;
            storage::LeadFilter f;
            f.ownerId = u.id;
            QCOMPARE(count(f), worked);
            f.stage = Stage::Customer;
            QCOMPARE(count(f), (*totals)[std::size_t(storage::PipelineColumn::Customer)].count);
        }
    }

    // The "(no owner)" row: every lead less each user's (ui/reportactions.cpp), by column.
    void noOwnerEqualsThePipeline() {
        auto users = storage::UserRepository(*m_db).list();
        QVERIFY(users);
        const storage::PipelineQuery query(*m_db);
        auto all = query.totals(storage::PipelineFilter());
        QVERIFY(all);
        std::vector<qint64> unowned;
        for (const auto &c : *all)
            unowned.push_back(c.count);
        for (const User &u : *users) {
            storage::PipelineFilter pf;
            pf.ownerId = u.id;
            auto totals = query.totals(pf);
            QVERIFY(totals);
            for (std::size_t c = 0; c < totals->size(); ++c)
                unowned[c] -= (*totals)[c].count;
        }
        qint64 worked = 0;
        for (qint64 n : unowned)
            worked += n;
        QVERIFY(worked > 40);
        storage::LeadFilter f;
        f.ownerless = true;
        QCOMPARE(count(f), worked);
        f.stage = Stage::Customer;
        QCOMPARE(count(f), unowned[std::size_t(storage::PipelineColumn::Customer)]);
        QVERIFY(count(f) > 0);
    }

    // The demo has leads whose original source comes from a touchpoint or is unknown, so the
    // rules beyond "the recorded source" are exercised.
    void demoCoversTheRules() {
        int fromTouch = 0;
        for (const analytics::TouchFact &t : m_facts.touches) {
            const analytics::LeadFact &l = m_facts.leads[std::size_t(t.leadIndex)];
            const bool named =
                l.sourceIndex >= 0 && !m_facts.sources[std::size_t(l.sourceIndex)].isUnknown;
            if (!named)
                ++fromTouch;
        }
        QVERIFY2(fromTouch > 0, "no lead without a named source");
    }
};

QTEST_GUILESS_MAIN(TstDrillDown)
#include "tst_drilldown.moc"
