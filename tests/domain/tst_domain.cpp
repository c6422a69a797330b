#include "models/domain/dates.h"
#include "models/domain/enums.h"
#include "models/domain/lead.h"
#include "models/domain/textcheck.h"

#include <QRandomGenerator>
#include <QRegularExpression>
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
    // parseUserDateTime reads "YYYY-MM-DD[ HH:MM[:SS]]" by hand before its regular expressions
    // (an import's dates): the same answer as the expression it replaces, over many texts.
    void commonDatesAsTheRegexSays() {
        static const QRegularExpression re(QStringLiteral(
            R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$)"));
        // The former first step of parseUserDateTime; "no match" when it did not apply.
        const auto reference = [](const QString &input) -> std::optional<std::optional<QDateTime>> {
            const QString s = input.normalized(QString::NormalizationForm_KC).trimmed();
            const auto m = re.match(s);
            if (!m.hasMatch())
                return std::nullopt;
            const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            if (!d.isValid())
                return std::optional<QDateTime>();
            QTime t(0, 0);
            if (m.hasCaptured(4) && !m.captured(4).isEmpty()) {
                t = QTime(m.captured(4).toInt(), m.captured(5).toInt(),
                          m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
                if (!t.isValid())
                    return std::optional<QDateTime>();
            }
            return std::optional<QDateTime>(dates::localDateTime(d, t));
        };
        QStringList texts{QStringLiteral("2026-05-12"),
                          QStringLiteral("2026/5/1"),
                          QStringLiteral(" 2026-05-12 10:30 "),
                          QStringLiteral("2026-05-12T10:30:59"),
                          QStringLiteral("2026-02-30"),
                          QStringLiteral("2026-05-12 24:00"),
                          QStringLiteral("2026-05-12 9:05"),
                          QStringLiteral("2026-05-12 10:3"),
                          QStringLiteral("2026-05-12 10:30:5"),
                          QStringLiteral("2026-05-12 10:30:60"),
                          QStringLiteral("20260-05-12"),
                          QStringLiteral("2026-005-12"),
                          QStringLiteral("2026-05-123"),
                          QStringLiteral("2026-05-12T"),
                          QStringLiteral("2026-05-12 10:30 "),
                          QStringLiteral("2026-05-12\n"),
                          QStringLiteral("2026-05-12  10:30"),
                          QStringLiteral("2026.05.12"),
                          QStringLiteral("２０２６-05-12"),
                          QStringLiteral("2026-05-12T08:30:00Z"),
                          QStringLiteral("5/12/2026"),
                          QStringLiteral("2026年5月12日"),
                          QString(),
                          QStringLiteral("2026-5-12 7:00:00")};
        // And random texts over the characters the pattern is made of.
        QRandomGenerator rng(7);
        const QString alphabet = QStringLiteral("0123456789-/ T:0123456789");
        for (int i = 0; i < 20000; ++i) {
            QString t = QStringLiteral("20%1").arg(rng.bounded(100), 2, 10, QLatin1Char('0'));
            const int n = int(rng.bounded(16));
            for (int k = 0; k < n; ++k)
                t += alphabet.at(rng.bounded(int(alphabet.size())));
            texts << t;
        }
        for (const QString &t : std::as_const(texts)) {
            const auto expected = reference(t);
            if (!expected)
                continue; // the other expressions, as before
            const auto got = dates::parseUserDateTime(t);
            QVERIFY2(got.has_value() == expected->has_value(), qPrintable(t));
            if (got)
                QVERIFY2(*got == **expected && got->offsetFromUtc() == (*expected)->offsetFromUtc(),
                         qPrintable(t));
        }
    }
    // dateOrderEvidence answers None for ASCII text that cannot start a year-last date, as its
    // expression did.
    void dateEvidenceAsTheRegexSays() {
        static const QRegularExpression yearLast(QStringLiteral(
            R"(^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$)"));
        QRandomGenerator rng(11);
        const QString alphabet = QStringLiteral("0123456789-/. T:APMapm");
        for (int i = 0; i < 20000; ++i) {
            QString t;
            const int n = int(rng.bounded(14));
            for (int k = 0; k < n; ++k)
                t += alphabet.at(rng.bounded(int(alphabet.size())));
            const bool matches = yearLast.match(t.trimmed()).hasMatch();
            const bool none = dates::dateOrderEvidence(t) == dates::DateOrderEvidence::None;
            if (!matches)
                QVERIFY2(none, qPrintable(t));
        }
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("13/5/2026")),
                 dates::DateOrderEvidence::Dmy);
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral(" 5/13/2026 ")),
                 dates::DateOrderEvidence::Mdy);
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("5.6.2026")),
                 dates::DateOrderEvidence::Ambiguous);
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("2026-05-13")),
                 dates::DateOrderEvidence::None);
    }
    // toIsoDateTime keeps the last two texts of fixed-offset times: never a stale one.
    void isoTextsOfRecentTimes() {
        const QDateTime a(QDate(2026, 5, 12), QTime(10, 30), Qt::OffsetFromUTC, 9 * 3600);
        const QDateTime b(QDate(2026, 5, 12), QTime(10, 30), Qt::OffsetFromUTC, -5 * 3600);
        const QDateTime c(QDate(2026, 5, 12), QTime(1, 30), Qt::UTC);
        const QDateTime sameInstantAsA = a.toOffsetFromUtc(3600);
        for (int round = 0; round < 3; ++round) {
            QCOMPARE(dates::toIsoDateTime(a), QStringLiteral("2026-05-12T10:30:00+09:00"));
            QCOMPARE(dates::toIsoDateTime(b), QStringLiteral("2026-05-12T10:30:00-05:00"));
            QCOMPARE(dates::toIsoDateTime(a), QStringLiteral("2026-05-12T10:30:00+09:00"));
            QCOMPARE(dates::toIsoDateTime(c), QStringLiteral("2026-05-12T01:30:00Z"));
            QCOMPARE(dates::toIsoDateTime(sameInstantAsA),
                     QStringLiteral("2026-05-12T02:30:00+01:00"));
        }
    }
    // tidyEmail returns a tidy address as it is, and tidies the others as before.
    void tidyEmailAsBefore() {
        const auto reference = [](const QString &email) {
            QString e = email.normalized(QString::NormalizationForm_KC).trimmed();
            if (e.isEmpty())
                return e;
            e.remove(u' ');
            const qsizetype at = e.lastIndexOf(u'@');
            if (at >= 0)
                e = e.left(at + 1) + e.mid(at + 1).toLower();
            return e;
        };
        QRandomGenerator rng(5);
        const QString alphabet = QStringLiteral("aZ@. \tＡ＠é\x7f-_");
        QStringList texts{QStringLiteral("Taro@Example.COM"),  QStringLiteral("taro@example.com"),
                          QStringLiteral(" taro@example.com"), QStringLiteral("TARO@x.jp"),
                          QStringLiteral("a@b@C.jp"),          QStringLiteral("no-at-SIGN")};
        for (int i = 0; i < 20000; ++i) {
            QString t;
            const int n = int(rng.bounded(10));
            for (int k = 0; k < n; ++k)
                t += alphabet.at(rng.bounded(int(alphabet.size())));
            texts << t;
        }
        for (const QString &t : std::as_const(texts))
            QVERIFY2(tidyEmail(t) == reference(t), qPrintable(t));
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
