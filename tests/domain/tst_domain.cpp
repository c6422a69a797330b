#include "models/domain/dates.h"
#include "models/domain/enums.h"
#include "models/domain/lead.h"

#include <QTest>
#include <QTimeZone>

using namespace mikomi;

class TestDomain final : public QObject {
    Q_OBJECT
private slots:
    void enumKeysRoundTrip() {
        for (int i = 0; i < StageCount; ++i)
            QCOMPARE(stageFromKey(stageKey(Stage(i))), Stage(i));
        for (int i = 0; i < SourceCategoryCount; ++i)
            QCOMPARE(categoryFromKey(categoryKey(SourceCategory(i))), SourceCategory(i));
        for (int i = 0; i < TierCount; ++i)
            QCOMPARE(tierFromKey(tierKey(Tier(i))), Tier(i));
        for (int i = 0; i < ActivityKindCount; ++i)
            QCOMPARE(activityKindFromKey(activityKindKey(ActivityKind(i))), ActivityKind(i));
        QVERIFY(!stageFromKey(QStringLiteral("won")).has_value());
        QCOMPARE(stageFromKey(QStringLiteral(" MQL ")), Stage::Mql);
    }
    void strictDates_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = rejected
        QTest::newRow("iso") << "2026-03-04"
                             << "2026-03-04T00:00:00";
        QTest::newRow("slash") << "2026/3/4"
                               << "2026-03-04T00:00:00";
        QTest::newRow("time") << "2026-03-04 09:05"
                              << "2026-03-04T09:05:00";
        QTest::newRow("seconds") << "2026-03-04 09:05:07"
                                 << "2026-03-04T09:05:07";
        QTest::newRow("full-width") << "２０２６－０３－０４"
                                    << "2026-03-04T00:00:00";
        QTest::newRow("impossible") << "2026-02-30"
                                    << "";
        QTest::newRow("us order") << "03/04/2026"
                                  << "";
        QTest::newRow("words") << "yesterday"
                               << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("bad hour") << "2026-03-04 25:00"
                                  << "";
    }
    void strictDates() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto t = dates::parseUserDateTime(input);
        if (expected.isEmpty()) {
            QVERIFY2(!t.has_value(), qPrintable(input));
        } else {
            QVERIFY2(t.has_value(), qPrintable(input));
            // Local wall-clock time, carried with the local UTC offset of that moment.
            QCOMPARE(t->toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")), expected);
            QCOMPARE(t->offsetFromUtc(), QDateTime(t->date(), t->time()).offsetFromUtc());
        }
    }
    void isoRoundTrip() {
        const QDateTime t(QDate(2026, 5, 6), QTime(7, 8, 9), QTimeZone(9 * 3600));
        const QString s = dates::toIsoDateTime(t);
        QCOMPARE(s, QStringLiteral("2026-05-06T07:08:09+09:00"));
        QCOMPARE(dates::fromIsoDateTime(s)->toMSecsSinceEpoch(), t.toMSecsSinceEpoch());
    }
    void isoFormatMatchesQt() {
        const QDate d(987, 12, 31);
        const QTime tm(23, 59, 58);
        for (int offset : {9 * 3600, -5 * 3600 - 1800, 0, 14 * 3600}) {
            const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone(offset));
            QCOMPARE(dates::toIsoDateTime(t), t.toString(Qt::ISODate));
        }
        const QDateTime utc(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(dates::toIsoDateTime(utc), QStringLiteral("2026-01-02T03:04:05Z"));
        QCOMPARE(dates::toIsoDateTime(utc), utc.toString(Qt::ISODate));
        const QDateTime utcZone(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
        QCOMPARE(dates::fromIsoDateTime(dates::toIsoDateTime(utcZone))->toMSecsSinceEpoch(),
                 utcZone.toMSecsSinceEpoch());
        const QDateTime early(d, tm, QTimeZone(3600));
        QCOMPARE(dates::toIsoDateTime(early), QStringLiteral("0987-12-31T23:59:58+01:00"));
        // Local time is written with its offset, so the instant survives a change of zone.
        const QDateTime local(QDate(2026, 7, 1), QTime(12, 0));
        const QString s = dates::toIsoDateTime(local);
        QCOMPARE(s, local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate));
        QCOMPARE(dates::fromIsoDateTime(s)->toMSecsSinceEpoch(), local.toMSecsSinceEpoch());
    }
    void displayNameOrder() {
        Lead l;
        l.familyName = QStringLiteral("山田");
        l.givenName = QStringLiteral("太郎");
        QCOMPARE(l.displayName(true), QStringLiteral("山田\u3000太郎"));
        l.familyName = QStringLiteral("Smith");
        l.givenName = QStringLiteral("Anna");
        QCOMPARE(l.displayName(false), QStringLiteral("Anna Smith"));
        QCOMPARE(l.displayName(true), QStringLiteral("Smith Anna"));
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
