#include "models/domain/scoring.h"

#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::scoring;

namespace {
const QTimeZone kJst(9 * 3600);
QDateTime at(int y, int m, int d, int h = 10) {
    return QDateTime(QDate(y, m, d), QTime(h, 0), kJst);
}
} // namespace

class TestScoring final : public QObject {
    Q_OBJECT
private slots:
    void attributes() {
        Rules r;
        r.attributes = {
            {QStringLiteral("title"), AttributeRule::Op::Contains, QStringLiteral("部長"), 15},
            {QStringLiteral("title"), AttributeRule::Op::Contains, QStringLiteral("director"), 15},
            {QStringLiteral("prefecture"), AttributeRule::Op::InList,
             QStringLiteral("東京都、大阪府, 愛知県"), 5},
            {QStringLiteral("department"), AttributeRule::Op::Equals, QStringLiteral("営業部"), 3}};
        Lead l;
        l.title = QStringLiteral("営業部長");
        l.prefecture = QStringLiteral("大阪府");
        l.department = QStringLiteral("営業部");
        QCOMPARE(attributePoints(r, l), 15 + 5 + 3);
        l.title = QStringLiteral("Sales ＤＩＲＥＣＴＯＲ"); // width and case folded
        l.prefecture = QStringLiteral("北海道");
        l.department = QStringLiteral("営業部 第一課"); // equals is not contains
        QCOMPARE(attributePoints(r, l), 15);
        l.title.clear();
        QCOMPARE(attributePoints(r, l), 0);
    }

    void decayAtFixedDates() {
        Rules r;
        r.behaviours = {{ActivityKind::DocumentDownload, 20, 30},
                        {ActivityKind::WebInquiry, 25, 0}};
        const QDateTime now = at(2026, 5, 31);
        // 30 days before: half of 20; no decay rule: full 25; 60 days before: a quarter.
        const QList<Event> events{{ActivityKind::DocumentDownload, at(2026, 5, 1)},
                                  {ActivityKind::WebInquiry, at(2026, 1, 1)},
                                  {ActivityKind::DocumentDownload, at(2026, 4, 1)},
                                  {ActivityKind::Call, at(2026, 5, 30)}};
        QCOMPARE(behaviourPoints(r, events, now), 10.0 + 25.0 + 5.0);
        Lead l;
        QCOMPARE(score(r, l, events, now), 40);
        // Same events one half-life later: 5 + 25 + 2.5 = 32.5 → 33 (rounded half away).
        QCOMPARE(score(r, l, events, now.addDays(30)), 33);
        // An event in the future counts in full.
        QCOMPARE(behaviourPoints(r, {{ActivityKind::DocumentDownload, now.addDays(1)}}, now), 20.0);
    }

    void temperatureThresholds() {
        Thresholds t; // hot ≥50 within 14 days, warm ≥20 within 45 days
        QCOMPARE(temperature(t, 50, 14), Temperature::Hot);
        QCOMPARE(temperature(t, 50, 15), Temperature::Warm);
        QCOMPARE(temperature(t, 49, 0), Temperature::Warm);
        QCOMPARE(temperature(t, 20, 45), Temperature::Warm);
        QCOMPARE(temperature(t, 20, 46), Temperature::Cold);
        QCOMPARE(temperature(t, 19, 0), Temperature::Cold);
        QCOMPARE(temperature(t, 90, std::nullopt), Temperature::Cold);
        t.hotScore = 80;
        QCOMPARE(temperature(t, 70, 1), Temperature::Warm);
        QCOMPARE(effectiveTemperature(t, 0, 100, Temperature::Hot), Temperature::Hot);
    }

    void readinessSuggestsNeverMoves() {
        Thresholds t; // mql 30, sql 60
        QCOMPARE(readiness(t, Stage::Inquiry, false, 29), Readiness::None);
        QCOMPARE(readiness(t, Stage::Inquiry, false, 30), Readiness::Mql);
        QCOMPARE(readiness(t, Stage::Inquiry, false, 60), Readiness::Sql);
        QCOMPARE(readiness(t, Stage::Mql, false, 45), Readiness::None);
        QCOMPARE(readiness(t, Stage::Mql, false, 60), Readiness::Sql);
        QCOMPARE(readiness(t, Stage::Sql, false, 99), Readiness::None);
        QCOMPARE(readiness(t, Stage::Mql, true, 99), Readiness::None);
    }

    void preparedScorerMatches() {
        Rules r = Rules::defaults();
        r.attributes.append(
            {QStringLiteral("prefecture"), AttributeRule::Op::Equals, QStringLiteral("東京都"), 4});
        const Scorer scorer(r);
        const QDateTime now = at(2026, 5, 31);
        const QList<Event> events{{ActivityKind::Seminar, at(2026, 4, 1)},
                                  {ActivityKind::EmailClick, at(2026, 5, 30)}};
        for (const char16_t *title : {u"営業部長", u"ＣＥＯ", u"Sales Manager", u"", u"社長"}) {
            Lead l;
            l.title = QString::fromUtf16(title);
            l.prefecture = QStringLiteral("東京都");
            QCOMPARE(scorer.score(l, events, now), score(r, l, events, now));
        }
        Lead ceo;
        ceo.title = QStringLiteral("ＣＥＯ");
        QCOMPARE(scorer.score(ceo, {}, now), 20);
    }

    void defaultsMatchMigration() {
        const Rules d = Rules::defaults();
        QCOMPARE(d.attributes.size(), 5);
        QCOMPARE(d.behaviours.size(), 6);
        Lead l;
        l.title = QStringLiteral("代表取締役");
        QCOMPARE(attributePoints(d, l), 20);
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
