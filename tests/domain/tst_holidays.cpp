#include "models/domain/holidays.h"

#include <QTest>

using namespace mikomi;
using holidays::Kind;

namespace {
QDate d(int y, int m, int day) {
    return QDate(y, m, day);
}
QList<QDate> dates(int y, const QList<std::pair<int, int>> &monthDays) {
    QList<QDate> out;
    for (const auto &[m, day] : monthDays)
        out.append(QDate(y, m, day));
    return out;
}
} // namespace

class TestHolidays final : public QObject {
    Q_OBJECT
private slots:
    void kinds_data() {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("kind");
        QTest::newRow("2026 成人の日") << d(2026, 1, 12) << int(Kind::National);
        QTest::newRow("2026 春分の日") << d(2026, 3, 20) << int(Kind::National);
        QTest::newRow("2026 敬老の日") << d(2026, 9, 21) << int(Kind::National);
        QTest::newRow("2026 国民の休日") << d(2026, 9, 22) << int(Kind::Citizens);
        QTest::newRow("2026 秋分の日") << d(2026, 9, 23) << int(Kind::National);
        QTest::newRow("2026 振替 5/6") << d(2026, 5, 6) << int(Kind::Substitute);
        QTest::newRow("2025 振替 5/6") << d(2025, 5, 6) << int(Kind::Substitute);
        QTest::newRow("2025 振替 2/24") << d(2025, 2, 24) << int(Kind::Substitute);
        QTest::newRow("2027 春分 on Sunday") << d(2027, 3, 21) << int(Kind::National);
        QTest::newRow("2027 振替 3/22") << d(2027, 3, 22) << int(Kind::Substitute);
        QTest::newRow("2027 海の日") << d(2027, 7, 19) << int(Kind::National);
        QTest::newRow("2027 ordinary 9/21") << d(2027, 9, 21) << int(Kind::None);
        QTest::newRow("2019 即位の日") << d(2019, 5, 1) << int(Kind::National);
        QTest::newRow("2019 4/30 国民の休日") << d(2019, 4, 30) << int(Kind::Citizens);
        QTest::newRow("2019 5/2 国民の休日") << d(2019, 5, 2) << int(Kind::Citizens);
        QTest::newRow("2019 5/6 振替") << d(2019, 5, 6) << int(Kind::Substitute);
        QTest::newRow("2019 即位礼正殿の儀") << d(2019, 10, 22) << int(Kind::National);
        QTest::newRow("2019 no 天皇誕生日") << d(2019, 12, 23) << int(Kind::None);
        QTest::newRow("2018 天皇誕生日") << d(2018, 12, 23) << int(Kind::National);
        QTest::newRow("2020 スポーツの日 7/24") << d(2020, 7, 24) << int(Kind::National);
        QTest::newRow("2020 no 10/12") << d(2020, 10, 12) << int(Kind::None);
        QTest::newRow("2021 山の日 8/8") << d(2021, 8, 8) << int(Kind::National);
        QTest::newRow("2021 振替 8/9") << d(2021, 8, 9) << int(Kind::Substitute);
        QTest::newRow("2015 国民の休日") << d(2015, 9, 22) << int(Kind::Citizens);
        QTest::newRow("2032 国民の休日") << d(2032, 9, 21) << int(Kind::Citizens);
        QTest::newRow("2037 国民の休日") << d(2037, 9, 22) << int(Kind::Citizens);
        QTest::newRow("2002 海の日 7/20") << d(2002, 7, 20) << int(Kind::National);
        QTest::newRow("2003 海の日 Monday") << d(2003, 7, 21) << int(Kind::National);
        QTest::newRow("2006 5/4 国民の休日") << d(2006, 5, 4) << int(Kind::Citizens);
        QTest::newRow("2007 5/6 plain Sunday") << d(2007, 5, 6) << int(Kind::None);
        QTest::newRow("2009 5/6 振替 after 5/3 Sunday") << d(2009, 5, 6) << int(Kind::Substitute);
        QTest::newRow("2000 成人の日") << d(2000, 1, 10) << int(Kind::National);
        QTest::newRow("2015 no 山の日") << d(2015, 8, 11) << int(Kind::None);
        QTest::newRow("ordinary Tuesday") << d(2026, 6, 2) << int(Kind::None);
        QTest::newRow("Sunday is no holiday") << d(2026, 6, 7) << int(Kind::None);
    }
    void kinds() {
        QFETCH(QDate, date);
        QFETCH(int, kind);
        QCOMPARE(int(holidays::kindOf(date)), kind);
    }

    // Whole years against the Cabinet Office calendar (内閣府「国民の祝日について」).
    void wholeYears() {
        QCOMPARE(holidays::holidaysOf(2025), dates(2025, {{1, 1},
                                                          {1, 13},
                                                          {2, 11},
                                                          {2, 23},
                                                          {2, 24},
                                                          {3, 20},
                                                          {4, 29},
                                                          {5, 3},
                                                          {5, 4},
                                                          {5, 5},
                                                          {5, 6},
                                                          {7, 21},
                                                          {8, 11},
                                                          {9, 15},
                                                          {9, 23},
                                                          {10, 13},
                                                          {11, 3},
                                                          {11, 23},
                                                          {11, 24}}));
        QCOMPARE(holidays::holidaysOf(2026), dates(2026, {{1, 1},
                                                          {1, 12},
                                                          {2, 11},
                                                          {2, 23},
                                                          {3, 20},
                                                          {4, 29},
                                                          {5, 3},
                                                          {5, 4},
                                                          {5, 5},
                                                          {5, 6},
                                                          {7, 20},
                                                          {8, 11},
                                                          {9, 21},
                                                          {9, 22},
                                                          {9, 23},
                                                          {10, 12},
                                                          {11, 3},
                                                          {11, 23}}));
        QCOMPARE(holidays::holidaysOf(2027), dates(2027, {{1, 1},
                                                          {1, 11},
                                                          {2, 11},
                                                          {2, 23},
                                                          {3, 21},
                                                          {3, 22},
                                                          {4, 29},
                                                          {5, 3},
                                                          {5, 4},
                                                          {5, 5},
                                                          {7, 19},
                                                          {8, 11},
                                                          {9, 20},
                                                          {9, 23},
                                                          {10, 11},
                                                          {11, 3},
                                                          {11, 23}}));
    }

    void equinoxes() {
        // Published dates (国立天文台 暦要項) for a few years.
        QCOMPARE(holidays::vernalEquinoxDay(2000), 20);
        QCOMPARE(holidays::autumnalEquinoxDay(2000), 23);
        QCOMPARE(holidays::vernalEquinoxDay(2024), 20);
        QCOMPARE(holidays::autumnalEquinoxDay(2024), 22);
        QCOMPARE(holidays::vernalEquinoxDay(2027), 21);
        QCOMPARE(holidays::autumnalEquinoxDay(2012), 22);
        QCOMPARE(holidays::vernalEquinoxDay(2030), 20);
    }

    void businessDays() {
        QVERIFY(holidays::isBusinessDay(d(2026, 6, 1)));   // Monday
        QVERIFY(!holidays::isBusinessDay(d(2026, 6, 6)));  // Saturday
        QVERIFY(!holidays::isBusinessDay(d(2026, 9, 22))); // 国民の休日
        QVERIFY(!holidays::isBusinessDay(d(2026, 12, 29)));
        QVERIFY(!holidays::isBusinessDay(d(2026, 12, 31)));
        QVERIFY(!holidays::isBusinessDay(d(2027, 1, 1)));
        QVERIFY(!holidays::isBusinessDay(d(2027, 1, 3)));
        QVERIFY(holidays::isBusinessDay(d(2026, 12, 28)));
        QVERIFY(holidays::isBusinessDay(d(2027, 1, 4)));
        QVERIFY(holidays::isYearEndBreak(d(2026, 1, 2)));
        QVERIFY(!holidays::isYearEndBreak(d(2026, 1, 4)));
        QVERIFY(!holidays::isBusinessDay(QDate()));
        // Alternating years use the per-thread cache correctly.
        QCOMPARE(holidays::kindOf(d(2026, 9, 22)), Kind::Citizens);
        QCOMPARE(holidays::kindOf(d(2027, 9, 22)), Kind::None);
        QCOMPARE(holidays::kindOf(d(2026, 9, 22)), Kind::Citizens);
    }

    // Every year 2000–2099 has 15–22 holidays, none on a Sunday except national holidays
    // (substitutes and citizens' holidays are weekdays), and each substitute follows a run of
    // holidays that started on a Sunday.
    void invariants() {
        for (int y = 2000; y <= 2099; ++y) {
            const QList<QDate> all = holidays::holidaysOf(y);
            QVERIFY2(all.size() >= 15 && all.size() <= 22, qPrintable(QString::number(y)));
            for (const QDate &h : all) {
                const Kind k = holidays::kindOf(h);
                if (k == Kind::Substitute) {
                    QVERIFY(h.dayOfWeek() != 7);
                    QDate back = h.addDays(-1);
                    while (holidays::kindOf(back) == Kind::National && back.dayOfWeek() != 7)
                        back = back.addDays(-1);
                    QVERIFY2(back.dayOfWeek() == 7 && holidays::kindOf(back) == Kind::National,
                             qPrintable(h.toString(Qt::ISODate)));
                }
                if (k == Kind::Citizens) {
                    QCOMPARE(holidays::kindOf(h.addDays(-1)), Kind::National);
                    QCOMPARE(holidays::kindOf(h.addDays(1)), Kind::National);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHolidays)
#include "tst_holidays.moc"
