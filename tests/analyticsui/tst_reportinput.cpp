#include "models/services/reportinput.h"

#include <QtTest>

using namespace mikomi;

class TstReportInput final : public QObject {
    Q_OBJECT
private slots:
    void amounts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<qint64>("expected"); // -1 = rejected
        QTest::newRow("yen") << QStringLiteral("1000000") << 0 << qint64(1000000);
        QTest::newRow("grouped") << QStringLiteral("1,000,000") << 0 << qint64(1000000);
        QTest::newRow("full width") << QStringLiteral("１２３") << 0 << qint64(123);
        QTest::newRow("zero") << QStringLiteral("0") << 0 << qint64(0);
        QTest::newRow("dollars") << QStringLiteral("1234.5") << 2 << qint64(123450);
        QTest::newRow("cents") << QStringLiteral("0.05") << 2 << qint64(5);
        QTest::newRow("whole dollars") << QStringLiteral("12") << 2 << qint64(1200);
        QTest::newRow("yen with point") << QStringLiteral("12.5") << 0 << qint64(-1);
        QTest::newRow("three decimals") << QStringLiteral("1.005") << 2 << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5") << 0 << qint64(-1);
        QTest::newRow("letters") << QStringLiteral("12abc") << 0 << qint64(-1);
        QTest::newRow("empty") << QString() << 0 << qint64(-1);
        QTest::newRow("leading comma") << QStringLiteral(",5") << 0 << qint64(-1);
        QTest::newRow("yen sign and 円") << QStringLiteral("¥1,500,000円") << 0 << qint64(1500000);
        QTest::newRow("dollar sign in yen") << QStringLiteral("$1,000") << 0 << qint64(-1);
        QTest::newRow("1.000 in yen") << QStringLiteral("1.000") << 0 << qint64(-1);
        QTest::newRow("too large") << QStringLiteral("99999999999999999999") << 0 << qint64(-1);
    }
    void amounts() {
        QFETCH(QString, text);
        QFETCH(int, decimals);
        QFETCH(qint64, expected);
        const auto v = services::parseAmount(text, decimals);
        QCOMPARE(v.value_or(-1), expected);
    }

    void dates() {
        QCOMPARE(services::parseReportDate(QStringLiteral("2026-02-28")), QDate(2026, 2, 28));
        QVERIFY(!services::parseReportDate(QStringLiteral("2026-02-30")));
        QVERIFY(!services::parseReportDate(QStringLiteral("2026/02/01")));
        QVERIFY(!services::parseReportDate(QStringLiteral("2026-2-1")));
    }

    void growth() {
        QCOMPARE(services::parseGrowthFactor(QStringLiteral("1.2")).value_or(0), 1.2);
        QCOMPARE(services::parseGrowthFactor(QStringLiteral("120%")).value_or(0), 1.2);
        QVERIFY(!services::parseGrowthFactor(QStringLiteral("0")));
        QVERIFY(!services::parseGrowthFactor(QStringLiteral("-1")));
        QVERIFY(!services::parseGrowthFactor(QStringLiteral("inf")));
        QVERIFY(!services::parseGrowthFactor(QStringLiteral("abc")));
    }

    void decimals() {
        QCOMPARE(services::currencyDecimals(Currency::JPY), 0);
        QCOMPARE(services::currencyDecimals(Currency::USD), 2);
    }
};

QTEST_GUILESS_MAIN(TstReportInput)
#include "tst_reportinput.moc"
