// The native report loader (SQLite's API over the covering indexes, dates parsed from bytes)
// against the portable one (Qt SQL, SQLite computing the dates) on a demo database of a few
// thousand leads, and on values the fast parsers must leave to SQLite. And: leaving out the
// touchpoints no report reads changes no report.
#include "models/analytics/json.h"
#include "models/analytics/monthly.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/textreport.h"
#include "models/services/demowriter.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace mikomi;

namespace {

// The first difference between two Facts, or an empty string.
QString difference(const analytics::Facts &a, const analytics::Facts &b) {
    if (a.sources.size() != b.sources.size())
        return QStringLiteral("sources: %1 vs %2").arg(a.sources.size()).arg(b.sources.size());
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        const auto &x = a.sources[i];
        const auto &y = b.sources[i];
        if (x.name != y.name || x.category != y.category || x.tier != y.tier ||
            x.isUnknown != y.isUnknown)
            return QStringLiteral("source %1: %2 vs %3").arg(i).arg(x.name, y.name);
    }
    if (a.leads.size() != b.leads.size())
        return QStringLiteral("leads: %1 vs %2").arg(a.leads.size()).arg(b.leads.size());
    for (std::size_t i = 0; i < a.leads.size(); ++i) {
        const auto &x = a.leads[i];
        const auto &y = b.leads[i];
        if (x.sourceIndex != y.sourceIndex || x.createdDay != y.createdDay ||
            x.wonDay != y.wonDay || x.furthestStage != y.furthestStage || x.lost != y.lost ||
            x.hasDealValue != y.hasDealValue || x.dealValue != y.dealValue ||
            x.hasLifetimeValue != y.hasLifetimeValue || x.lifetimeValue != y.lifetimeValue)
            return QStringLiteral("lead %1: source %2/%3 created %4/%5 won %6/%7 stage %8/%9")
                .arg(i)
                .arg(x.sourceIndex)
                .arg(y.sourceIndex)
                .arg(x.createdDay)
                .arg(y.createdDay)
                .arg(x.wonDay)
                .arg(y.wonDay)
                .arg(int(x.furthestStage))
                .arg(int(y.furthestStage));
    }
    if (a.touches.size() != b.touches.size())
        return QStringLiteral("touches: %1 vs %2").arg(a.touches.size()).arg(b.touches.size());
    for (std::size_t i = 0; i < a.touches.size(); ++i) {
        const auto &x = a.touches[i];
        const auto &y = b.touches[i];
        if (x.leadIndex != y.leadIndex || x.occurredAt != y.occurredAt || x.day != y.day ||
            x.sourceIndex != y.sourceIndex)
            return QStringLiteral("touch %1: lead %2/%3 at %4/%5 day %6/%7 source %8/%9")
                .arg(i)
                .arg(x.leadIndex)
                .arg(y.leadIndex)
                .arg(x.occurredAt)
                .arg(y.occurredAt)
                .arg(x.day)
                .arg(y.day)
                .arg(x.sourceIndex)
                .arg(y.sourceIndex);
    }
    if (a.spend.size() != b.spend.size())
        return QStringLiteral("spend: %1 vs %2").arg(a.spend.size()).arg(b.spend.size());
    for (std::size_t i = 0; i < a.spend.size(); ++i) {
        const auto &x = a.spend[i];
        const auto &y = b.spend[i];
        if (x.amount != y.amount || x.sourceIndex != y.sourceIndex || x.month != y.month)
            return QStringLiteral("spend %1").arg(i);
    }
    return {};
}

analytics::Facts load(const storage::Database &db, bool allTouchpoints, bool portable) {
    auto f = services::loadFacts(db, {allTouchpoints, portable});
    if (!f)
        qFatal("load failed: %s", qPrintable(f.error()));
    return std::move(*f);
}

void exec(const storage::Database &db, const QString &sql) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    if (!q.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
}

QString queryPlan(const storage::Database &db, const QString &sql) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
        return q.lastError().text();
    QString plan;
    while (q.next())
        plan += q.value(3).toString() + u'\n';
    return plan;
}

} // namespace

class TstReportLoaderFast final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!services::reportLoaderIsNative())
            QSKIP("built without SQLite's own API: there is one path only");
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.db"));
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        auto n = services::writeDemo(**db, 3000, 11, QDate(2026, 6, 30));
        QVERIFY2(n, qPrintable(n ? QString() : n.error()));
    }

    // The native loader reads the covering indexes of schema v5 (and later), not the wide rows.
    void readsCoveringIndexes() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        QVERIFY((*db)->schemaVersion() >= 5);
        QVERIFY2(queryPlan(**db, QStringLiteral("SELECT id, source_id, furthest_stage, lost, "
                                                "created_at, won_at, deal_value, lifetime_value "
                                                "FROM leads"))
                     .contains(QStringLiteral("COVERING INDEX leads_report")),
                 "leads");
        QVERIFY2(queryPlan(**db, QStringLiteral("SELECT t.lead_id, t.occurred_at, t.source_id "
                                                "FROM json_each('[1]') AS j CROSS JOIN "
                                                "touchpoints AS t ON t.lead_id = j.value"))
                     .contains(QStringLiteral("COVERING INDEX touchpoints_lead")),
                 "touchpoints");
    }

    void sameFactsAsPortable_data() {
        QTest::addColumn<bool>("allTouchpoints");
        QTest::newRow("report touchpoints") << false;
        QTest::newRow("every touchpoint") << true;
    }
    void sameFactsAsPortable() {
        QFETCH(bool, allTouchpoints);
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        const auto fast = load(**db, allTouchpoints, false);
        const auto portable = load(**db, allTouchpoints, true);
        QVERIFY(fast.leads.size() == 3000);
        QVERIFY(fast.touches.size() > 300);
        QVERIFY(fast.spend.size() > 10);
        const QString d = difference(fast, portable);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // Only the touchpoints of customers and of leads without a named source are loaded, and
    // every report (each attribution model, windows, the monthly chart) is the same as with all.
    void reportTouchpointsChangeNoReport() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        const auto all = load(**db, true, false);
        const auto some = load(**db, false, false);
        QVERIFY(some.touches.size() < all.touches.size() / 2);
        std::vector<int> keptPerLead(all.leads.size());
        std::vector<int> allPerLead(all.leads.size());
        for (const auto &t : some.touches)
            ++keptPerLead[std::size_t(t.leadIndex)];
        for (const auto &t : all.touches)
            ++allPerLead[std::size_t(t.leadIndex)];
        int unknownLeadsWithTouches = 0;
        for (std::size_t l = 0; l < all.leads.size(); ++l) {
            const bool read = analytics::reportsReadTouches(all.sources, all.leads[l]);
            QCOMPARE(keptPerLead[l], read ? allPerLead[l] : 0);
            if (read && !all.leads[l].isCustomer() && allPerLead[l] > 0)
                ++unknownLeadsWithTouches;
        }
        QVERIFY(unknownLeadsWithTouches > 10); // the demo has leads without a named source

        const std::vector<analytics::Window> windows{
            {}, {QDate(2025, 7, 1), QDate(2026, 3, 31)}, {QDate(2026, 1, 15), std::nullopt}};
        for (const auto &w : windows) {
            for (int a = 0; a < analytics::AttributionCount; ++a) {
                analytics::ReportOptions o;
                o.window = w;
                o.attribution = static_cast<analytics::Attribution>(a);
                const auto ra = analytics::computeSourceReport(all, o);
                const auto rs = analytics::computeSourceReport(some, o);
                QVERIFY(ra && rs);
                QCOMPARE(analytics::sourceReportJson(*rs, 0), analytics::sourceReportJson(*ra, 0));
                QCOMPARE(analytics::sourceReportCsv(*rs, 0), analytics::sourceReportCsv(*ra, 0));
                QCOMPARE(rs->sources.size(), ra->sources.size());
                for (std::size_t i = 0; i < ra->sources.size(); ++i) {
                    QCOMPARE(rs->sources[i].funnel.customer, ra->sources[i].funnel.customer);
                    QCOMPARE(rs->sources[i].funnel.revenue, ra->sources[i].funnel.revenue);
                }
            }
            const auto ma = analytics::computeMonthlyByCategory(all, w);
            const auto ms = analytics::computeMonthlyByCategory(some, w);
            QVERIFY(ma && ms);
            QCOMPARE(ms->months, ma->months);
            QCOMPARE(ms->counts, ma->counts);
        }
    }

    // Dates in forms the fast parsers do not take (or dates SQLite rolls over), touchpoints at
    // the same time, orphans and sparse ids: still exactly the portable facts.
    void unusualValuesAsPortable() {
        const QString path = m_dir.filePath(QStringLiteral("odd.db"));
        QVERIFY(QFile::copy(m_path, path));
        auto db = storage::Database::open(path);
        QVERIFY(db);
        const auto ids = [](std::initializer_list<int> l) {
            QStringList s;
            for (int i : l)
                s << QString::number(i);
            return s.join(u',');
        };
        exec(**db, QStringLiteral("UPDATE leads SET created_at = '2026-02-30T10:00:00+09:00' "
                                  "WHERE id IN (%1)")
                       .arg(ids({1, 2})));
        exec(**db, QStringLiteral("UPDATE leads SET created_at = '2026-01-05 23:30' WHERE id = 3"));
        exec(**db, QStringLiteral("UPDATE leads SET created_at = 'soon' WHERE id = 4"));
        exec(**db, QStringLiteral("UPDATE leads SET created_at = '2026-1-5' WHERE id = 5"));
        exec(**db, QStringLiteral("UPDATE leads SET won_at = '2024-02-29', furthest_stage = "
                                  "'customer' WHERE id = 6"));
        exec(**db, QStringLiteral("UPDATE leads SET won_at = '2023-02-29', furthest_stage = "
                                  "'customer' WHERE id = 7"));
        exec(**db, QStringLiteral("UPDATE leads SET won_at = '' WHERE id = 8"));
        // Touchpoint times in other forms, and two at the same moment (ids decide the order).
        exec(**db, QStringLiteral("UPDATE leads SET source_id = NULL, furthest_stage = 'customer' "
                                  "WHERE id BETWEEN 9 AND 20"));
        exec(**db, QStringLiteral("DELETE FROM touchpoints WHERE lead_id BETWEEN 9 AND 20"));
        const QStringList times{QStringLiteral("2026-01-05T10:00:00.250+09:00"),
                                QStringLiteral("2026-01-05T01:00:00Z"),
                                QStringLiteral("2026-01-05 10:00:00"),
                                QStringLiteral("not a time"),
                                QStringLiteral("2026-01-05T10:00:00-05:30"),
                                QStringLiteral("2026-01-05T10:00"),
                                QStringLiteral("2026-02-30T10:00:00+09:00"),
                                QStringLiteral("2026-01-05T10:00:00"),
                                QStringLiteral("2026-01-05T23:59:59+14:00"),
                                QStringLiteral("2026-01-05T10:00:00z")};
        for (int i = 0; i < times.size(); ++i) {
            exec(**db, QStringLiteral("INSERT INTO touchpoints (lead_id, occurred_at, source_id) "
                                      "VALUES (%1, '%2', %3)")
                           .arg(9 + i)
                           .arg(times.at(i))
                           .arg(1 + i % 5));
        }
        for (int source : {4, 2, 3}) // the same time: source order is not id order
            exec(**db, QStringLiteral("INSERT INTO touchpoints (lead_id, occurred_at, source_id) "
                                      "VALUES (20, '2026-01-06T09:00:00+09:00', %1)")
                           .arg(source));
        // An orphan touchpoint, and ids with gaps. Few leads whose touchpoints are read: those are
        // fetched lead by lead (every touchpoint: one pass).
        exec(**db, QStringLiteral("PRAGMA foreign_keys = OFF"));
        exec(**db, QStringLiteral("INSERT INTO touchpoints (lead_id, occurred_at, source_id) "
                                  "VALUES (999999, '2026-01-05T10:00:00+09:00', 1)"));
        exec(**db, QStringLiteral("PRAGMA foreign_keys = ON"));
        exec(**db, QStringLiteral("DELETE FROM leads WHERE id > 20 AND id % 10 <> 0"));
        exec(**db, QStringLiteral("INSERT INTO leads (id, family_name, source_id, created_at, "
                                  "updated_at) VALUES (5000000, 'Far', 3, "
                                  "'2026-01-07T09:00:00+09:00', '2026-01-07T09:00:00+09:00')"));

        for (bool all : {false, true}) {
            const auto fast = load(**db, all, false);
            const auto portable = load(**db, all, true);
            const QString d = difference(fast, portable);
            QVERIFY2(d.isEmpty(), qPrintable(d));
            QVERIFY(fast.leads.size() < 400);
        }
        const auto fast = load(**db, false, false);
        QCOMPARE(fast.leads[3].createdDay, analytics::NoDay);                        // "soon"
        QCOMPARE(fast.leads[0].createdDay, analytics::dayNumber(QDate(2026, 3, 2))); // 02-30
        QCOMPARE(fast.leads[2].createdDay, analytics::dayNumber(QDate(2026, 1, 5)));
        QCOMPARE(fast.leads[5].wonDay, analytics::dayNumber(QDate(2024, 2, 29)));
        QCOMPARE(fast.leads[6].wonDay, analytics::dayNumber(QDate(2023, 3, 1)));
        QCOMPARE(fast.leads[7].wonDay, analytics::NoDay);
        // Lead 10: "…T01:00:00Z" is 10:00 in Tokyo, and its day is the written one.
        const auto touchesOf = [&](qint32 lead) {
            std::vector<analytics::TouchFact> out;
            for (const auto &t : fast.touches) {
                if (t.leadIndex == lead)
                    out.push_back(t);
            }
            return out;
        };
        QCOMPARE(touchesOf(9).size(), std::size_t(1));
        QCOMPARE(touchesOf(9).front().occurredAt,
                 QDateTime(QDate(2026, 1, 5), QTime(1, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        QCOMPARE(touchesOf(8).front().occurredAt,
                 QDateTime(QDate(2026, 1, 5), QTime(1, 0, 0, 250), QTimeZone::utc())
                     .toMSecsSinceEpoch());
        QVERIFY(touchesOf(11).empty()); // "not a time" is skipped
        const auto tie = touchesOf(19);
        QCOMPARE(tie.size(), std::size_t(3));
        QCOMPARE(tie[0].sourceIndex, 3); // source id 4, inserted first
        QCOMPARE(tie[1].sourceIndex, 1);
        QCOMPARE(tie[2].sourceIndex, 2);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TstReportLoaderFast)
#include "tst_reportloaderfast.moc"
