#include "reportdb.h"

#include "models/analytics/sourcereport.h"
#include "models/services/reportloader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mikomi;
using analytics::dayNumber;

class TstReportLoader final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("report.db"));
        reportdb::create(m_path);
    }

    void loadsEveryTable() {
        auto db = storage::Database::open(m_path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error()));
        auto facts = services::loadFacts(**db);
        QVERIFY2(facts, qPrintable(facts ? QString() : facts.error()));

        QCOMPARE(facts->sources.size(), std::size_t(3));
        const auto indexOf = [&](const QString &name) {
            for (std::size_t i = 0; i < facts->sources.size(); ++i) {
                if (facts->sources[i].name == name)
                    return qint32(i);
            }
            return analytics::NoSource;
        };
        const qint32 expo = indexOf(QStringLiteral("展示会"));
        const qint32 google = indexOf(QStringLiteral("Google Ads"));
        const qint32 linkedin = indexOf(QStringLiteral("LinkedIn Ads"));
        QVERIFY(expo >= 0 && google >= 0 && linkedin >= 0);
        QCOMPARE(facts->sources[std::size_t(expo)].category, SourceCategory::Event);
        QCOMPARE(facts->sources[std::size_t(expo)].tier, Tier::Core);
        QCOMPARE(facts->sources[std::size_t(linkedin)].tier, Tier::Experiment);

        QCOMPARE(facts->leads.size(), std::size_t(7));
        const analytics::LeadFact &a1 = facts->leads[0];
        QCOMPARE(a1.sourceIndex, expo);
        QCOMPARE(a1.createdDay, dayNumber(QDate(2026, 1, 10)));
        QCOMPARE(a1.wonDay, dayNumber(QDate(2026, 2, 9)));
        QCOMPARE(a1.furthestStage, Stage::Customer);
        QVERIFY(a1.hasDealValue && a1.hasLifetimeValue);
        QCOMPARE(a1.dealValue, Money(300000));
        QCOMPARE(a1.lifetimeValue, Money(900000));
        QCOMPARE(facts->leads[1].furthestStage, Stage::Opportunity);
        QCOMPARE(facts->leads[1].wonDay, analytics::NoDay);
        QVERIFY(!facts->leads[1].hasDealValue);
        QVERIFY(facts->leads[2].lost);
        QCOMPARE(facts->leads[2].furthestStage, Stage::Mql);
        QCOMPARE(facts->leads[3].sourceIndex, google);
        QVERIFY(!facts->leads[3].hasLifetimeValue);
        QCOMPARE(facts->leads[4].furthestStage, Stage::Sql);
        QCOMPARE(facts->leads[5].sourceIndex, analytics::NoSource);
        QCOMPARE(facts->leads[6].createdDay, dayNumber(QDate(2025, 12, 31)));

        // Touchpoints come per lead in time order, with exact times and local dates.
        QCOMPARE(facts->touches.size(), std::size_t(5));
        const auto &t = facts->touches;
        QCOMPARE(t[0].leadIndex, 0);
        QCOMPARE(t[0].sourceIndex, expo);
        QCOMPARE(t[0].occurredAt, reportdb::at(2026, 1, 10).toMSecsSinceEpoch());
        QCOMPARE(t[1].sourceIndex, google);
        QCOMPARE(t[2].leadIndex, 3);
        QCOMPARE(t[2].sourceIndex, google);
        QCOMPARE(t[2].day, dayNumber(QDate(2026, 1, 5)));
        QCOMPARE(t[3].sourceIndex, linkedin);
        QCOMPARE(t[4].sourceIndex, expo);
        QCOMPARE(t[4].occurredAt, reportdb::at(2026, 2, 1).toMSecsSinceEpoch());
        // 01:00 in Tokyo is still the day before in UTC: the day is the local one.
        QCOMPARE(analytics::TouchFact::make(0, reportdb::at(2026, 2, 1, 1), 0).day,
                 dayNumber(QDate(2026, 2, 1)));

        QCOMPARE(facts->spend.size(), std::size_t(4));
        Money expoJan = 0;
        Money total = 0;
        for (const auto &s : facts->spend) {
            total += s.amount;
            if (s.sourceIndex == expo && s.month == analytics::monthNumber(2026, 1))
                expoJan += s.amount;
        }
        QCOMPARE(expoJan, Money(200000));
        QCOMPARE(total, Money(350999));
    }

    // The loaded facts give the hand-computed report (first touch, Q1 2026).
    void reportFromLoadedFacts() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        auto facts = services::loadFacts(**db);
        QVERIFY(facts);
        analytics::ReportOptions o;
        o.window = {QDate(2026, 1, 1), QDate(2026, 3, 31)};
        auto r = analytics::computeSourceReport(*facts, o);
        QVERIFY(r);
        QCOMPARE(r->totals.leads, qint64(6));
        QCOMPARE(r->totals.customer, qint64(2));
        QCOMPARE(r->totals.spend, Money(350000));
        QCOMPARE(r->totals.revenue, Money(400000));
        QCOMPARE(r->sources.at(0).name, QStringLiteral("展示会"));
        QCOMPARE(r->sources.at(0).funnel.leads, qint64(3));
        QCOMPARE(*r->sources.at(0).metrics.medianDaysToClose, 30.0);
    }

    void emptyDatabase() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("empty.db")));
        QVERIFY(db);
        auto facts = services::loadFacts(**db);
        QVERIFY(facts);
        QVERIFY(facts->leads.empty());
        QVERIFY(facts->touches.empty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TstReportLoader)
#include "tst_reportloader.moc"
