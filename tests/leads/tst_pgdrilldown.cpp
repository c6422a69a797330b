// The goals' drill-down on a team server (PostgreSQL, docs/team.md): the customers and revenue
// of every month (by won date, else created date) and the leads nobody owns, counted by the
// Leads list's filter in the server's SQL, equal the goal figures computed from the same
// server's facts. A throwaway server (tests/storage/pgserver.h); skipped without PostgreSQL.
#include "models/analytics/goals.h"
#include "models/analytics/json.h"
#include "models/analytics/sourcereport.h"
#include "models/services/demowriter.h"
#include "models/services/drilldown.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "models/storage/factreader.h"
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

    // Every lead's facts but its id, sorted: two readings hold the same leads when these are equal.
    // Every lead's fact, a group's (LeadFact::count) once per lead it stands for.
    static auto sortedFacts(const analytics::Facts &facts) {
        const auto key = [](const analytics::LeadFact &l) {
            return std::tuple(l.sourceIndex, int(l.furthestStage), l.lost, l.createdDay, l.wonDay,
                              l.hasDealValue, l.dealValue, l.hasLifetimeValue, l.lifetimeValue);
        };
        std::vector<decltype(key(analytics::LeadFact{}))> out;
        out.reserve(facts.leads.size());
        for (const auto &l : facts.leads) {
            for (qint32 i = 0; i < l.count; ++i)
                out.push_back(key(l));
        }
        std::sort(out.begin(), out.end());
        return out;
    }

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

    // The server hands over the leads whose touchpoints no report reads grouped by their facts
    // (factreader.h): the same facts, lead for lead, as the per-lead portable reading, and the
    // same source report under every attribution model and window.
    void groupedLeadsGiveTheSameFacts() {
        // A source with an unknown name (its leads are read one by one, with their touchpoints),
        // and leads with no source or a stage the server cannot tell.
        const QString name = m_db->path().section(QLatin1Char('/'), -1);
        QVERIFY2(m_server.admin(QStringLiteral("UPDATE sources SET name = '不明' WHERE id = "
                                               "(SELECT min(id) FROM sources)"),
                                name),
                 qPrintable(m_server.reason()));
        QVERIFY2(m_server.admin(
                     QStringLiteral("UPDATE leads SET source_id = NULL WHERE id % 13 = 0"), name),
                 qPrintable(m_server.reason()));

        struct Counting final : storage::FactSink {
            std::vector<qint64> groupable;
            qint64 one = 0, groups = 0, grouped = 0, touches = 0;
            void source(const storage::FactSourceRow &row) override {
                if (row.name != QStringLiteral("不明"))
                    groupable.push_back(row.id);
            }
            std::optional<std::vector<qint64>> groupableSources() override { return groupable; }
            void lead(const storage::FactLeadRow &row) override {
                QVERIFY(row.id > 0);
                ++one;
            }
            void leads(const storage::FactLeadRow &row, qint64 count) override {
                QVERIFY(row.sourceId && row.furthestStage != Stage::Customer && count > 0);
                ++groups;
                grouped += count;
            }
            void touch(const storage::FactTouchRow &) override { ++touches; }
            void spend(const storage::FactSpendRow &) override {}
        } counting;
        QVERIFY(storage::readFacts(*m_db, counting).ok());
        qInfo("%lld leads one by one, %lld in %lld groups, %lld touchpoints",
              static_cast<long long>(counting.one), static_cast<long long>(counting.grouped),
              static_cast<long long>(counting.groups), static_cast<long long>(counting.touches));
        QVERIFY(counting.one > 0 && counting.groups > 0 && counting.groups < counting.grouped);

        auto fast = services::loadFacts(*m_db);
        QVERIFY2(fast, qPrintable(fast ? QString() : fast.error()));
        services::FactsLoadOptions perLead;
        perLead.portable = true;
        auto portable = services::loadFacts(*m_db, perLead);
        QVERIFY2(portable, qPrintable(portable ? QString() : portable.error()));
        // A group is one fact counted for each of its leads.
        QCOMPARE(qint64(fast->leads.size()), counting.one + counting.groups);
        QCOMPARE(qint64(sortedFacts(*fast).size()), counting.one + counting.grouped);
        QCOMPARE(sortedFacts(*fast).size(), portable->leads.size());
        QCOMPARE(fast->touches.size(), portable->touches.size());
        QCOMPARE(fast->spend.size(), portable->spend.size());

        const auto a = sortedFacts(*fast);
        QVERIFY(a == sortedFacts(*portable));

        // Read in two halves at once, the upper on a second connection in the same snapshot
        // (from 200,000 leads; here from 1): the same facts.
        storage::setServerSplitLeads(1);
        const qint64 splitBefore = storage::serverSplitReads();
        auto halves = services::loadFacts(*m_db);
        storage::setServerSplitLeads(200000);
        QVERIFY2(halves, qPrintable(halves ? QString() : halves.error()));
        QCOMPARE(storage::serverSplitReads(), splitBefore + 1);
        QVERIFY(sortedFacts(*halves) == a);
        QCOMPARE(halves->touches.size(), fast->touches.size());

        for (int m = 0; m < analytics::AttributionCount; ++m) {
            for (const analytics::Window &w :
                 {analytics::Window{}, analytics::Window{QDate(2025, 6, 1), QDate(2026, 3, 31)}}) {
                analytics::ReportOptions options;
                options.attribution = static_cast<analytics::Attribution>(m);
                options.window = w;
                auto x = analytics::computeSourceReport(*fast, options);
                auto y = analytics::computeSourceReport(*portable, options);
                auto z = analytics::computeSourceReport(*halves, options);
                QVERIFY(x && y && z);
                QCOMPARE(analytics::sourceReportJson(*x, 0), analytics::sourceReportJson(*y, 0));
                QCOMPARE(analytics::sourceReportJson(*z, 0), analytics::sourceReportJson(*y, 0));
                QVERIFY(x->totals.customer > 0);
            }
        }
    }

    // lead_groups (schema 22) follows every write to leads, in the writer's transaction: the
    // counted facts equal the per-lead reading after leads move in and out of the groups (a lead
    // becoming a customer and back, a new owner, source, deal, lost), after multi-row inserts
    // and deletes, after a write rolled back, and after the rows are compacted to their sums.
    void countedFactsFollowEveryWrite() {
        const QString name = m_db->path().section(QLatin1Char('/'), -1);
        const auto sameAsPerLead = [this](const char *step) {
            auto counted = services::loadFacts(*m_db);
            services::FactsLoadOptions perLead;
            perLead.portable = true;
            auto portable = services::loadFacts(*m_db, perLead);
            if (!counted || !portable) {
                qWarning("%s: a load failed", step);
                return false;
            }
            const auto a = sortedFacts(*counted), b = sortedFacts(*portable);
            if (a != b) {
                qWarning("%s: %zu counted leads, %zu read one by one", step, a.size(), b.size());
                return false;
            }
            analytics::ReportOptions options;
            auto x = analytics::computeSourceReport(*counted, options);
            auto y = analytics::computeSourceReport(*portable, options);
            return x && y &&
                   analytics::sourceReportJson(*x, 0) == analytics::sourceReportJson(*y, 0);
        };
        const auto write = [&](const QString &sql) {
            if (!m_server.admin(sql, name))
                qFatal("%s: %s", qPrintable(sql), qPrintable(m_server.reason()));
        };
        QVERIFY(sameAsPerLead("as written"));
        write(QStringLiteral("UPDATE leads SET furthest_stage = 'customer', stage = 'customer', "
                             "won_at = '2026-10-02', lifetime_value = 90000 WHERE id % 7 = 1 "
                             "AND furthest_stage <> 'customer'"));
        QVERIFY(sameAsPerLead("made customers"));
        write(QStringLiteral("UPDATE leads SET furthest_stage = 'opportunity', stage = "
                             "'opportunity', won_at = NULL WHERE id % 7 = 1 AND id % 2 = 0"));
        QVERIFY(sameAsPerLead("customers no more"));
        write(QStringLiteral("UPDATE leads SET owner_id = (SELECT max(id) FROM users), deal_value "
                             "= 123400, lost = 1 - lost WHERE id % 5 = 2"));
        write(QStringLiteral("UPDATE leads SET source_id = (SELECT max(id) FROM sources) WHERE "
                             "id % 9 = 4"));
        write(QStringLiteral("UPDATE leads SET created_at = '2025-01-0' || (id % 9 + 1) || "
                             "'T10:00:00+09:00' WHERE id % 6 = 3"));
        write(QStringLiteral("UPDATE leads SET notes = 'no fact changes' WHERE id % 4 = 0"));
        QVERIFY(sameAsPerLead("owners, deals, sources and days changed"));
        write(QStringLiteral("INSERT INTO leads(company, owner_id, source_id, stage, "
                             "furthest_stage, lost, deal_value, created_at, updated_at, won_at) "
                             "SELECT company || ' (2)', owner_id, source_id, stage, "
                             "furthest_stage, lost, deal_value, created_at, updated_at, won_at "
                             "FROM leads WHERE id % 3 = 0"));
        QVERIFY(sameAsPerLead("copied"));
        write(QStringLiteral("DELETE FROM leads WHERE id % 8 = 5"));
        QVERIFY(sameAsPerLead("deleted"));
        write(QStringLiteral("BEGIN; DELETE FROM leads WHERE id % 2 = 0; UPDATE leads SET "
                             "source_id = NULL; ROLLBACK"));
        QVERIFY(sameAsPerLead("rolled back"));

        // Compacted after a read that summed more rows than twice its sums: the same facts from
        // fewer rows.
        const qint64 before = storage::leadGroupsCompactions();
        storage::setLeadGroupsSlack(0);
        const bool read = sameAsPerLead("compacting");
        storage::setLeadGroupsSlack(20000);
        QVERIFY(read);
        QCOMPARE(storage::leadGroupsCompactions(), before + 1);
        QVERIFY(sameAsPerLead("compacted"));
        storage::setLeadGroupsSlack(0);
        QVERIFY(sameAsPerLead("compacted again"));
        storage::setLeadGroupsSlack(20000);
        QCOMPARE(storage::leadGroupsCompactions(), before + 1); // nothing more to gain
        write(QStringLiteral("DELETE FROM leads"));
        QVERIFY(sameAsPerLead("none left"));
    }

    // A bulk write of at least the slack's leads (an import, a merge, the demo) sums lead_groups'
    // rows up at its end, in its transaction, so the first report after it has nothing left to
    // compact; a smaller one leaves them to the reads. The same facts either way.
    void largeBulkWriteCompactsItsGroups() {
        const QString url = m_server.createMigratedDatabase(QStringLiteral("compacted"));
        QVERIFY2(!url.isEmpty(), qPrintable(m_server.reason()));
        auto opened = storage::Database::open(url);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        std::unique_ptr<storage::Database> db = std::move(opened).value();
        const auto samePerLead = [&db]() {
            auto counted = services::loadFacts(*db);
            services::FactsLoadOptions perLead;
            perLead.portable = true;
            auto portable = services::loadFacts(*db, perLead);
            return counted && portable && sortedFacts(*counted) == sortedFacts(*portable) &&
                   !counted->leads.empty();
        };
        const qint64 before = storage::leadGroupsCompactions();
        storage::setLeadGroupsSlack(50);
        const bool small = services::writeDemo(*db, 40, 21, QDate(2026, 11, 1)).ok();
        const qint64 afterSmall = storage::leadGroupsCompactions();
        const bool large = services::writeDemo(*db, 400, 22, QDate(2026, 11, 1)).ok();
        const qint64 afterLarge = storage::leadGroupsCompactions();
        storage::setLeadGroupsSlack(0);
        const bool same = samePerLead(); // a read compacts what is more than its sums
        storage::setLeadGroupsSlack(20000);
        QVERIFY(small && large);
        QCOMPARE(afterSmall, before);
        QCOMPARE(afterLarge, before + 1);
        QVERIFY(same);
        QCOMPARE(storage::leadGroupsCompactions(), afterLarge); // nothing left to sum
    }

    void cleanupTestCase() {
        m_db.reset();
        m_server.stop();
    }
};

QTEST_GUILESS_MAIN(TstPgDrillDown)
#include "tst_pgdrilldown.moc"
