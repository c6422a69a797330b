#include "models/domain/sla.h"

#include <QTest>
#include <QTimeZone>

using namespace mikomi;

namespace {
const QTimeZone kJst(9 * 3600);
// 2026-05-04 is a Monday … 2026-05-08 Friday, 09 Saturday, 10 Sunday, 11 Monday.
QDateTime at(int d, int h, int m = 0) {
    return QDateTime(QDate(2026, 5, d), QTime(h, m), kJst);
}
} // namespace

class TestSla final : public QObject {
    Q_OBJECT
private slots:
    void due_data() {
        QTest::addColumn<QDateTime>("arrived");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("inside a day") << at(5, 10) << 4 << at(5, 14);
        QTest::newRow("ends at closing") << at(5, 14) << 4 << at(5, 18);
        QTest::newRow("over the evening") << at(5, 16) << 4 << at(6, 11);
        QTest::newRow("across midnight") << at(5, 23, 30) << 4 << at(6, 13);
        QTest::newRow("early morning") << at(6, 2) << 4 << at(6, 13);
        QTest::newRow("friday evening to monday") << at(8, 17) << 4 << at(11, 12);
        QTest::newRow("saturday") << at(9, 10) << 4 << at(11, 13);
        QTest::newRow("sunday night") << at(10, 23) << 4 << at(11, 13);
        QTest::newRow("24h is next working day") << at(5, 15) << 24 << at(6, 15);
        QTest::newRow("24h friday to monday") << at(8, 15) << 24 << at(11, 15);
        QTest::newRow("24h saturday") << at(9, 10) << 24 << at(12, 9);
        QTest::newRow("72h thursday to tuesday")
            << at(7, 10) << 72 << QDateTime(QDate(2026, 5, 12), QTime(10, 0), kJst);
        QTest::newRow("24h at night") << at(5, 20) << 24 << at(7, 9);
    }
    void due() {
        QFETCH(QDateTime, arrived);
        QFETCH(int, hours);
        QFETCH(QDateTime, due);
        QCOMPARE(sla::dueAt(arrived, hours), due);
    }

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
