#include "models/domain/sla.h"

#include <QTest>
#include <QTimeZone>

using namespace mikomi;

namespace {
const QTimeZone kJst(9 * 3600);
// 2026-06-01 is a Monday … 2026-06-05 Friday, 06 Saturday, 07 Sunday, 08 Monday; a week with
// no public holiday.
QDateTime at(int d, int h, int m = 0) {
    return QDateTime(QDate(2026, 6, d), QTime(h, m), kJst);
}
QDateTime on(int y, int mo, int d, int h, int m = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, m), kJst);
}
} // namespace

class TestSla final : public QObject {
    Q_OBJECT
private slots:
    void due_data() {
        QTest::addColumn<QDateTime>("arrived");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("inside a day") << at(2, 10) << 4 << at(2, 14);
        QTest::newRow("ends at closing") << at(2, 14) << 4 << at(2, 18);
        QTest::newRow("over the evening") << at(2, 16) << 4 << at(3, 11);
        QTest::newRow("across midnight") << at(2, 23, 30) << 4 << at(3, 13);
        QTest::newRow("early morning") << at(3, 2) << 4 << at(3, 13);
        QTest::newRow("friday evening to monday") << at(5, 17) << 4 << at(8, 12);
        QTest::newRow("saturday") << at(6, 10) << 4 << at(8, 13);
        QTest::newRow("sunday night") << at(7, 23) << 4 << at(8, 13);
        QTest::newRow("24h is next working day") << at(2, 15) << 24 << at(3, 15);
        QTest::newRow("24h friday to monday") << at(5, 15) << 24 << at(8, 15);
        QTest::newRow("24h saturday") << at(6, 10) << 24 << at(9, 9);
        QTest::newRow("72h thursday to tuesday") << at(4, 10) << 72 << at(9, 10);
        QTest::newRow("24h at night") << at(2, 20) << 24 << at(4, 9);
        // Japanese public holidays and the year-end break are not business days.
        QTest::newRow("golden week 4h")
            << on(2026, 5, 1, 17) << 4 << on(2026, 5, 7, 12); // 5/4, 5/5, 5/6 振替休日
        QTest::newRow("golden week 24h") << on(2026, 5, 1, 15) << 24 << on(2026, 5, 7, 15);
        QTest::newRow("silver week 24h")
            << on(2026, 9, 18, 15) << 24 << on(2026, 9, 24, 15); // 9/21, 国民の休日 9/22, 9/23
        QTest::newRow("arrives on 春分の日") << on(2026, 3, 20, 10) << 4 << on(2026, 3, 23, 13);
        QTest::newRow("before 成人の日") << on(2026, 1, 9, 16) << 4 << on(2026, 1, 13, 11);
        QTest::newRow("year-end break")
            << on(2026, 12, 28, 17) << 4 << on(2027, 1, 4, 12); // closed 12/29–1/3
        QTest::newRow("72h over the new year")
            << on(2026, 12, 25, 10) << 72 << on(2027, 1, 5, 10); // 12/28, 1/4, 1/5
    }
    void due() {
        QFETCH(QDateTime, arrived);
        QFETCH(int, hours);
        QFETCH(QDateTime, due);
        QCOMPARE(sla::dueAt(arrived, hours), due);
    }

    void invalidArrival() { QVERIFY(!sla::dueAt(QDateTime(), 4).isValid()); }

    void rules() {
        const auto r = sla::defaultRules();
        QCOMPARE(sla::hoursFor(r, QStringLiteral("Webinar"), SourceCategory::Event), 4);
        QCOMPARE(sla::hoursFor(r, QStringLiteral("顧客紹介"), SourceCategory::Partnership), 24);
        QCOMPARE(sla::hoursFor(r, QStringLiteral("SEO"), SourceCategory::Inbound), 24);
        QCOMPARE(sla::hoursFor(r, QStringLiteral("Google Ads"), SourceCategory::Paid), 72);
        QList<sla::ResponseRule> custom{{QStringLiteral("ｗｅｂｉｎａｒ"), std::nullopt, 2}};
        custom += r;
        QCOMPARE(sla::hoursFor(custom, QStringLiteral("Webinar"), SourceCategory::Event), 2);
        QCOMPARE(sla::hoursFor({}, QStringLiteral("x"), SourceCategory::Event), 72);
    }
};

QTEST_GUILESS_MAIN(TestSla)
#include "tst_sla.moc"
