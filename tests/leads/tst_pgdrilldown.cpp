// The goals' drill-down on a team server (PostgreSQL, docs/team.md): the customers and revenue
// of every month (by won date, else created date) and the leads nobody owns, counted by the
// Leads list's filter in the server's SQL, equal the goal figures computed from the same
// server's facts. A throwaway server (tests/storage/pgserver.h); skipped without PostgreSQL.
#include "models/analytics/goals.h"
#include "models/services/demowriter.h"
#include "models/services/drilldown.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "models/storage/leadquery.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/repositories.h"
#include "tests/storage/pgserver.h"

#include <QTest>

using namespace mikomi;

class TstPgDrillDown final : public QObject {
    Q_OBJECT
private:
    pgtest::Server m_server;
    std::unique_ptr<storage::Database> m_db;
    analytics::Facts m_facts;

    qint64 count(const storage::LeadFilter &filter) {
        auto n = storage::LeadQuery(*m_db).count(filter);
        if (!n)
            qFatal("count failed: %s", qPrintable(n.error()));
        return *n;
    }

private slots:
    void initTestCase() {
        if (pgtest::Server::binDir().isEmpty())
            QSKIP("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install "
                  "postgresql libqt6sql6-psql");
        QVERIFY2(m_server.start(), qPrintable(m_server.reason()));
        const QString url = m_server.createMigratedDatabase(QStringLiteral("drill"));
        QVERIFY2(!url.isEmpty(), qPrintable(m_server.reason()));
        auto db = storage::Database::open(url);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        m_db = std::move(db).value();
        QVERIFY(services::writeDemo(*m_db, 600, 11, QDate(2026, 11, 1)).ok());
        // Customers without a won date (their created month counts), one with a time on its won
        // date, and leads nobody owns.
        const QString name = url.section(QLatin1Char('/'), -1);
        QVERIFY2(m_server.admin(
                     QStringLiteral("UPDATE leads SET won_at = NULL WHERE id IN (SELECT id FROM "
                                    "leads WHERE furthest_stage = 'customer' AND won_at IS NOT "
                                    "NULL ORDER BY id LIMIT 5)"),
                     name),
                 qPrintable(m_server.reason()));
        QVERIFY2(m_server.admin(
                     QStringLiteral("UPDATE leads SET won_at = won_at || 'T23:30:00+09:00' WHERE "
                                    "id IN (SELECT id FROM leads WHERE furthest_stage = "
                                    "'customer' AND won_at IS NOT NULL ORDER BY id DESC LIMIT 2)"),
                     name),
                 qPrintable(m_server.reason()));
        QVERIFY2(m_server.admin(
                     QStringLiteral("UPDATE leads SET owner_id = NULL WHERE id % 11 = 0"), name),
                 qPrintable(m_server.reason()));
        auto facts = services::loadFacts(*m_db);
        QVERIFY2(facts, qPrintable(facts ? QString() : facts.error()));
        m_facts = std::move(*facts);
    }

    void goalCustomersAndRevenue() {
        analytics::Plan plan;
        plan.months = 24; // two years, up to October 2026
        auto goals = analytics::computeGoals(
            m_facts, plan, {analytics::monthNumber(2025, 1), analytics::monthNumber(2026, 10)});
        QVERIFY(goals);
        qint64 customers = 0;
        for (const analytics::GoalMonth &g : goals->months) {
            if (g.isFuture)
                continue;
            const analytics::Window w = services::monthsWindow(g.month, g.month);
            QCOMPARE(
                count(services::goalDrillDownFilter(m_facts, analytics::GoalMetric::Customers, w)),
                g.actual.at(analytics::GoalMetric::Customers));
            auto rows = storage::LeadQuery(*m_db).rows(
                services::goalDrillDownFilter(m_facts, analytics::GoalMetric::Revenue, w),
                storage::LeadSort::Created, true, 0, 100000);
            QVERIFY(rows);
            qint64 sum = 0;
            for (const storage::LeadRow &r : *rows) {
                auto lead = storage::LeadRepository(*m_db).get(r.id);
                QVERIFY(lead && lead->dealValue);
                sum += *lead->dealValue;
            }
            QCOMPARE(sum, g.actual.at(analytics::GoalMetric::Revenue));
            customers += g.actual.at(analytics::GoalMetric::Customers);
        }
        qInfo("%lld customers in 22 months", static_cast<long long>(customers));
        QVERIFY(customers > 10);
    }

    void noOwner() {
        auto all = storage::PipelineQuery(*m_db).totals(storage::PipelineFilter());
        QVERIFY(all);
        qint64 unowned = 0;
        for (const auto &c : *all)
            unowned += c.count;
        auto users = storage::UserRepository(*m_db).list();
        QVERIFY(users);
        for (const User &u : *users) {
            storage::PipelineFilter pf;
            pf.ownerId = u.id;
            auto totals = storage::PipelineQuery(*m_db).totals(pf);
            QVERIFY(totals);
            for (const auto &c : *totals)
                unowned -= c.count;
        }
        QVERIFY(unowned > 0);
        storage::LeadFilter f;
        f.ownerless = true;
        QCOMPARE(count(f), unowned);
    }

    void cleanupTestCase() {
        m_db.reset();
        m_server.stop();
    }
};

QTEST_GUILESS_MAIN(TstPgDrillDown)
#include "tst_pgdrilldown.moc"
