// The Dashboard's quick windows (analytics/period.h) on fixed dates: month ends, leap years,
// quarters, the turn of the year.
#include "models/analytics/period.h"

#include <QTest>

using namespace mikomi::analytics;

namespace {

Window w(QDate from, QDate to) {
    return {from, to};
}

} // namespace

class TstPeriod final : public QObject {
    Q_OBJECT
private slots:
    void presets_data() {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("period");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        const auto row = [](const char *name, QDate today, Period p, QDate from, QDate to) {
            QTest::newRow(name) << today << int(p) << from << to;
        };
        const QDate dec3(2026, 12, 3);
        row("this month", dec3, Period::ThisMonth, {2026, 12, 1}, {2026, 12, 31});
        row("last month", dec3, Period::LastMonth, {2026, 11, 1}, {2026, 11, 30});
        row("this quarter", dec3, Period::ThisQuarter, {2026, 10, 1}, {2026, 12, 31});
        row("last 90 days", dec3, Period::Last90Days, {2026, 9, 5}, {2026, 12, 3});
        row("this year", dec3, Period::ThisYear, {2026, 1, 1}, {2026, 12, 31});
        row("last year", dec3, Period::LastYear, {2025, 1, 1}, {2025, 12, 31});
        // January: last month is December of last year; Q1.
        const QDate jan1(2027, 1, 1);
        row("last month over new year", jan1, Period::LastMonth, {2026, 12, 1}, {2026, 12, 31});
        row("Q1 on its first day", jan1, Period::ThisQuarter, {2027, 1, 1}, {2027, 3, 31});
        row("90 days over new year", jan1, Period::Last90Days, {2026, 10, 4}, {2027, 1, 1});
        // Leap year February, and a month end: March 31 → last month is all of February.
        row("leap February", QDate(2028, 2, 10), Period::ThisMonth, {2028, 2, 1}, {2028, 2, 29});
        row("after leap February", QDate(2028, 3, 31), Period::LastMonth, {2028, 2, 1},
            {2028, 2, 29});
        row("Q2 on its last day", QDate(2026, 6, 30), Period::ThisQuarter, {2026, 4, 1},
            {2026, 6, 30});
        row("Q3", QDate(2026, 8, 15), Period::ThisQuarter, {2026, 7, 1}, {2026, 9, 30});
    }
    void presets() {
        QFETCH(QDate, today);
        QFETCH(int, period);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const Window got = periodWindow(Period(period), today);
        QCOMPARE(got.from, std::optional<QDate>(from));
        QCOMPARE(got.to, std::optional<QDate>(to));
        // 90 days means 90 calendar days, today included.
        if (Period(period) == Period::Last90Days)
            QCOMPARE(got.from->daysTo(*got.to) + 1, 90);
    }

    void allAndCustom() {
        const Window all = periodWindow(Period::All, QDate(2026, 12, 3));
        QVERIFY(!all.from && !all.to);
        const Window custom = w({2026, 2, 3}, {2026, 4, 5});
        const Window got = periodWindow(Period::Custom, QDate(2026, 12, 3), custom);
        QCOMPARE(got.from, custom.from);
        QCOMPARE(got.to, custom.to);
    }

    void keysAndText() {
        for (int i = 0; i < PeriodCount; ++i) {
            QCOMPARE(periodFromKey(periodKey(Period(i))), std::optional<Period>(Period(i)));
            QVERIFY(!periodLabel(Period(i)).isEmpty());
        }
        QVERIFY(!periodFromKey(QStringLiteral("next_year")));
        QCOMPARE(windowText(w({2026, 10, 1}, {2026, 12, 31})),
                 QStringLiteral("2026/10/01 – 2026/12/31"));
        QCOMPARE(windowText({}), QStringLiteral("all dates"));
    }
};

QTEST_GUILESS_MAIN(TstPeriod)
#include "tst_period.moc"
