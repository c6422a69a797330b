// Local times in a zone with daylight saving time: dates::localDateTime() keeps UTC offsets per
// day (or per quarter hour on the day of a transition) and must agree with QDateTime, which asks
// the C library every time, at every quarter hour of ordinary days and of both transition days.
#include "models/domain/dates.h"

#include <QFileInfo>
#include <QTest>

#include <ctime>

using namespace mikomi;

class TestLocalTime final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
#ifndef Q_OS_UNIX
        QSKIP("the zone is set through TZ and tzset() here");
#endif
        if (!QFileInfo::exists(QStringLiteral("/usr/share/zoneinfo/America/New_York")) ||
            !QFileInfo::exists(QStringLiteral("/usr/share/zoneinfo/Atlantic/Azores")))
            QSKIP("no time zone data (tzdata) on this machine");
        qputenv("TZ", "America/New_York");
        tzset();
        // The zone must really be in effect for the test to mean anything.
        QCOMPARE(QDateTime(QDate(2026, 1, 15), QTime(12, 0)).offsetFromUtc(), -5 * 3600);
        QCOMPARE(QDateTime(QDate(2026, 7, 15), QTime(12, 0)).offsetFromUtc(), -4 * 3600);
    }

    void offsetsMatchQtAroundTransitions() {
        // An ordinary day first (kept per day), then the two transition days and their
        // neighbours, in an order that mixes cached and new days.
        const QList<QDate> days{QDate(2026, 1, 15), QDate(2026, 3, 8),  QDate(2026, 3, 7),
                                QDate(2026, 3, 9),  QDate(2026, 11, 1), QDate(2026, 10, 31),
                                QDate(2026, 11, 2), QDate(2026, 3, 8),  QDate(2026, 7, 15)};
        int checked = 0, skipped = 0;
        for (const QDate &d : days) {
            for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
                for (int extra : {0, 7, 14}) {
                    const QTime at = QTime(0, 0).addSecs((minutes + extra) * 60);
                    const QDateTime expected(d, at);
                    const QDateTime ours = dates::localDateTime(d, at);
                    QVERIFY(ours.isValid());
                    if (!expected.isValid()) {
                        // Skipped by the spring transition: the offset from before it, -05:00.
                        QVERIFY(d == QDate(2026, 3, 8) && at.hour() == 2);
                        QCOMPARE(ours.offsetFromUtc(), -5 * 3600);
                        ++skipped;
                    } else {
                        QCOMPARE(ours.offsetFromUtc(), expected.offsetFromUtc());
                        QCOMPARE(ours.toSecsSinceEpoch(), expected.toSecsSinceEpoch());
                        QCOMPARE(dates::toIsoDateTime(expected),
                                 expected.toOffsetFromUtc(expected.offsetFromUtc())
                                     .toString(Qt::ISODate));
                    }
                    ++checked;
                }
            }
        }
        QCOMPARE(checked, 9 * 96 * 3);
        QCOMPARE(skipped, 2 * 4 * 3); // 02:00–02:59 on 8 March, seen twice
        // The two days really have transitions: 02:30 on 8 March does not exist (Qt moves
        // it), and the offsets before and after differ.
        QVERIFY(dates::localDateTime(QDate(2026, 3, 8), QTime(1, 0)).offsetFromUtc() !=
                dates::localDateTime(QDate(2026, 3, 8), QTime(4, 0)).offsetFromUtc());
        QVERIFY(dates::localDateTime(QDate(2026, 11, 1), QTime(0, 0)).offsetFromUtc() !=
                dates::localDateTime(QDate(2026, 11, 1), QTime(3, 0)).offsetFromUtc());
    }

    // A zone whose spring transition skips midnight (00:00 → 01:00, the Azores on 29 March
    // 2026): the day is not taken as one offset, and the skipped hour gets the offset from
    // before the gap. Run last: the offsets are cached per day, and this day is new here.
    void midnightTransition() {
        qputenv("TZ", "Atlantic/Azores");
        tzset();
        const QDate d(2026, 3, 29);
        QVERIFY(!QDateTime(d, QTime(0, 30)).isValid()); // the zone data says so
        int skipped = 0;
        for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
            const QTime at = QTime(0, 0).addSecs(minutes * 60);
            const QDateTime expected(d, at);
            const QDateTime ours = dates::localDateTime(d, at);
            if (!expected.isValid()) {
                QCOMPARE(ours.offsetFromUtc(), -3600);
                ++skipped;
            } else {
                QCOMPARE(ours.offsetFromUtc(), expected.offsetFromUtc());
            }
        }
        QCOMPARE(skipped, 4);
    }
};

QTEST_GUILESS_MAIN(TestLocalTime)
#include "tst_localtime.moc"
