// The Dashboard's drill-down (services/drilldown.h): for every figure of the source report on a
// demo database (every source row, the Unknown row, every category, all sources; every stage;
// all dates and a quarter), the Leads list filtered to it counts exactly that many leads.
#include "models/analytics/sourcereport.h"
#include "models/services/demowriter.h"
#include "models/services/drilldown.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "models/storage/leadquery.h"

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

    qint64 count(const analytics::Window &w, const analytics::FunnelSelection &sel, Stage s) {
        auto n = storage::LeadQuery(*m_db).count(services::drillDownFilter(m_facts, w, sel, s));
        if (!n)
            qFatal("count failed: %s", qPrintable(n.error()));
        return *n;
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
