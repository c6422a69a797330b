// Recomputing every lead's score after the rules change: the one-pass recompute gives exactly the
// scores of the per-lead computation Mikomi has always used (a verbatim copy of it is below),
// on demo leads with varied rules and odd stored times; apply() is all or nothing.
#include "models/domain/dates.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/schema.h"
#include "models/storage/scorepass.h"
#include "models/storage/scoringstore.h"
#include "models/text/normalize.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

const QDate kToday(2026, 6, 30);

// The scoring of one lead as it was before the one-pass recompute (scoring.cpp at ae850c6):
// the oracle. Kept here on purpose, so a change to scoring.cpp cannot change both sides.
namespace reference {

bool matchesRule(const scoring::AttributeRule &rule, const Lead &lead) {
    const QString value = text::foldKey(scoring::fieldValue(lead, rule.field));
    if (value.isEmpty())
        return false;
    switch (rule.op) {
    case scoring::AttributeRule::Op::Contains: {
        const QString needle = text::foldKey(rule.value);
        return !needle.isEmpty() && value.contains(needle);
    }
    case scoring::AttributeRule::Op::Equals:
        return value == text::foldKey(rule.value);
    case scoring::AttributeRule::Op::InList: {
        static const QRegularExpression sep(QStringLiteral("[,、\\n]"));
        const QStringList items = rule.value.split(sep, Qt::SkipEmptyParts);
        for (const QString &item : items) {
            if (text::foldKey(item) == value)
                return true;
        }
        return false;
    }
    }
    return false;
}

int score(const scoring::Rules &rules, const Lead &lead, const QList<scoring::Event> &events,
          const QDateTime &now) {
    int attr = 0;
    for (const scoring::AttributeRule &r : rules.attributes) {
        if (matchesRule(r, lead))
            attr += r.points;
    }
    double total = 0;
    for (const scoring::Event &e : events) {
        for (const scoring::BehaviourRule &r : rules.behaviours) {
            if (r.kind != e.kind)
                continue;
            double pts = r.points;
            if (r.halfLifeDays > 0 && e.at.isValid() && e.at < now) {
                const double days = double(e.at.msecsTo(now)) / (24.0 * 3600.0 * 1000.0);
                pts *= std::exp2(-days / r.halfLifeDays);
            }
            total += pts;
        }
    }
    return int(std::lround(attr + total));
}

} // namespace reference

QSqlQuery query(Database &db) {
    return QSqlQuery(QSqlDatabase::database(db.connectionName()));
}

// Every lead's expected score: its fields as the repository reads them, its activities in the
// order of the activities_lead index (lead, time, id), as the recompute has always read them.
QHash<qint64, int> expectedScores(Database &db, const scoring::Rules &rules, const QDateTime &now) {
    QHash<qint64, QList<scoring::Event>> events;
    QSqlQuery q = query(db);
    if (!q.exec(QStringLiteral(
            "SELECT lead_id, kind, occurred_at FROM activities ORDER BY lead_id, occurred_at, id")))
        qFatal("activities: %s", qPrintable(q.lastError().text()));
    while (q.next()) {
        const auto kind = activityKindFromKey(q.value(1).toString());
        if (!kind)
            continue;
        events[q.value(0).toLongLong()].append(
            {*kind, dates::fromIsoDateTime(q.value(2).toString()).value_or(QDateTime())});
    }
    QHash<qint64, int> out;
    const Status s = LeadRepository(db).forEach({}, [&](Lead &&l) {
        out.insert(l.id, reference::score(rules, l, events.value(l.id), now));
        return true;
    });
    if (!s)
        qFatal("leads: %s", qPrintable(s.error()));
    return out;
}

QStringList leadIndexes(Database &db) {
    QStringList out;
    QSqlQuery q = query(db);
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                               "tbl_name IN ('leads', 'lead_scores') ORDER BY name")))
        qFatal("indexes: %s", qPrintable(q.lastError().text()));
    while (q.next())
        out << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
    return out;
}

QHash<qint64, int> storedScores(Database &db) {
    QHash<qint64, int> out;
    QSqlQuery q = query(db);
    if (!q.exec(QStringLiteral("SELECT lead_id, score FROM lead_scores")))
        qFatal("scores: %s", qPrintable(q.lastError().text()));
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return out;
}

// Rules that read every field, repeat an activity kind, decay fast and slow, and give fractions.
scoring::Rules variedRules(const QStringList &sources) {
    using Op = scoring::AttributeRule::Op;
    scoring::Rules r;
    r.attributes = {
        {QStringLiteral("title"), Op::Contains, QStringLiteral("部長"), 15},
        {QStringLiteral("title"), Op::InList, QStringLiteral("社長、代表取締役, CEO\nManager"), 9},
        {QStringLiteral("department"), Op::Contains, QStringLiteral("営業"), -3},
        {QStringLiteral("company"), Op::Contains, QStringLiteral("株式会社"), 5},
        {QStringLiteral("company"), Op::Contains, QStringLiteral("ｔｅｃｈ"), 4}, // width, case
        {QStringLiteral("prefecture"), Op::InList, QStringLiteral("東京都、大阪府, 神奈川県"), 7},
        {QStringLiteral("city"), Op::Equals, QStringLiteral("横浜市"), 4},
        {QStringLiteral("country"), Op::Equals, QStringLiteral("JP"), 1},
        {QStringLiteral("email"), Op::Contains, QStringLiteral(".co.jp"), 2},
        {QStringLiteral("source"), Op::Equals, sources.value(0), 12},
        {QStringLiteral("source"), Op::InList, sources.mid(1, 3).join(QLatin1Char(',')), 6},
        {QStringLiteral("no_such_field"), Op::Contains, QStringLiteral("x"), 100},
    };
    r.behaviours = {
        {ActivityKind::DocumentDownload, 7, 10},
        {ActivityKind::DocumentDownload, 3, 0},
        {ActivityKind::Seminar, 11, 45},
        {ActivityKind::EmailClick, 1, 3},
        {ActivityKind::WebInquiry, 25, 0},
        {ActivityKind::PricingPageVisit, 9, 21},
        {ActivityKind::Meeting, 13, 7},
        {ActivityKind::Call, 5, 365},
        {ActivityKind::Visit, 4, 1},
    };
    r.thresholds.mqlScore = 25;
    return r;
}

} // namespace

class TestScoreRecompute final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QStringList m_sources;

    void verifyAllScores(const scoring::Rules &rules, const QDateTime &now) {
        const QHash<qint64, int> expected = expectedScores(*m_db, rules, now);
        const QHash<qint64, int> stored = storedScores(*m_db);
        QCOMPARE(stored.size(), expected.size());
        int differing = 0;
        QString first;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (stored.value(it.key()) != it.value() && differing++ == 0)
                first = QStringLiteral("lead %1: stored %2, expected %3")
                            .arg(it.key())
                            .arg(stored.value(it.key()))
                            .arg(it.value());
        }
        QVERIFY2(differing == 0,
                 qPrintable(QStringLiteral("%1 differ; %2").arg(differing).arg(first)));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("scores.mikomi")));
        QVERIFY2(db, qPrintable(db ? QString() : db.error()));
        m_db = std::move(db).value();
        auto n = services::writeDemo(*m_db, 3000, 7, kToday);
        QVERIFY2(n, qPrintable(n ? QString() : n.error()));
        auto sources = SourceRepository(*m_db).list();
        QVERIFY(sources && sources->size() >= 4);
        for (const Source &s : *sources)
            m_sources << s.name;
        // Times as other programs or older versions may have stored them: each must count as
        // the per-lead computation counts it (parsed, local, invalid = full points).
        const QStringList odd{QStringLiteral("2026-06-01"),
                              QStringLiteral("2026-06-01T10:00:00"),
                              QStringLiteral("2026-06-01T10:00:00Z"),
                              QStringLiteral("2026-06-01T10:00:00-05:00"),
                              QStringLiteral("2026-06-01T10:00:00.250+09:00"),
                              QStringLiteral("2026-06-01T10:00:00+0930"),
                              QStringLiteral("2026-06-01T24:00:00+09:00"),
                              QStringLiteral("2026-02-30T10:00:00+09:00"),
                              QStringLiteral("2026-06-30T12:00:00+09:00"),
                              QStringLiteral("2026-07-15T10:00:00+09:00"),
                              QStringLiteral("yesterday"),
                              QString()};
        QSqlQuery q = query(*m_db);
        QVERIFY(q.prepare(
            QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at) VALUES (?, ?, ?)")));
        for (int i = 0; i < odd.size() * 3; ++i) {
            q.bindValue(0, 1 + i * 97 % 3000);
            q.bindValue(1, activityKindKey(ActivityKind(i % 3 == 0 ? int(ActivityKind::Visit)
                                                                   : i % ActivityKindCount)));
            q.bindValue(2, odd.at(i % odd.size()).isNull() ? QStringLiteral("")
                                                           : odd.at(i % odd.size()));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
    }

    void sameScoresAsPerLeadComputation_data() {
        QTest::addColumn<int>("ruleSet");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("qtSql");
        QTest::addColumn<bool>("rebuild"); // the score indexes dropped and built again
        const QDateTime local(kToday, QTime(12, 0));
        const QDateTime jst(kToday.addDays(45), QTime(8, 30), QTimeZone(9 * 3600));
        for (bool qtSql : {false, true}) {
            // Qt SQL: the path of builds without SQLite's own API (Windows, macOS).
            const char *path = qtSql ? "Qt SQL" : "native";
            QTest::addRow("defaults, local noon, %s", path) << 0 << local << qtSql << false;
            QTest::addRow("varied, local noon, %s", path) << 1 << local << qtSql << qtSql;
            QTest::addRow("varied, 45 days later in JST, %s", path) << 1 << jst << qtSql << false;
            QTest::addRow("attributes only, %s", path) << 2 << local << qtSql << !qtSql;
            QTest::addRow("behaviour only, %s", path) << 3 << jst << qtSql << false;
            QTest::addRow("no rules, %s", path) << 4 << local << qtSql << true;
        }
    }

    void sameScoresAsPerLeadComputation() {
        QFETCH(int, ruleSet);
        QFETCH(QDateTime, now);
        QFETCH(bool, qtSql);
        QFETCH(bool, rebuild);
        setScorePassUsesQtSql(qtSql);
        setScorePassIndexRebuildFrom(rebuild ? 1 : 1000000);
        const auto restore = qScopeGuard([] {
            setScorePassUsesQtSql(false);
            setScorePassIndexRebuildFrom(50000);
        });
        const QStringList indexes = leadIndexes(*m_db);
        scoring::Rules rules = ruleSet == 0 ? scoring::Rules::defaults() : variedRules(m_sources);
        if (ruleSet == 2)
            rules.behaviours.clear();
        if (ruleSet == 3)
            rules.attributes.clear();
        if (ruleSet == 4)
            rules = {};
        ScoringStore store(*m_db);
        QVERIFY(store.save(rules));
        const QHash<qint64, int> before = storedScores(*m_db);
        const QHash<qint64, int> expected = expectedScores(*m_db, rules, now);
        qint64 differing = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            differing += before.value(it.key()) != it.value();
        auto changed = store.recomputeAll(now);
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error()));
        QCOMPARE(*changed, differing); // only the scores that changed are written
        verifyAllScores(rules, now);
        QCOMPARE(leadIndexes(*m_db), indexes);
        QCOMPARE(*store.recomputeAll(now), 0);
        // The per-lead recompute (after an edit or an activity) agrees lead by lead.
        for (qint64 id : {qint64(1), qint64(98), qint64(1500), qint64(2999)})
            QCOMPARE(*store.recompute(id, now), expected.value(id));
    }

    void applySavesRulesAndScoresTogether() {
        ScoringStore store(*m_db);
        const QDateTime now(kToday, QTime(12, 0));
        QVERIFY(store.save(scoring::Rules::defaults()));
        QVERIFY(store.recomputeAll(now));
        const scoring::Rules rules = variedRules(m_sources);
        QList<std::pair<qint64, qint64>> steps;
        auto applied = store.apply(rules, now, [&](qint64 done, qint64 total) {
            steps.append({done, total});
            return true;
        });
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error()));
        QVERIFY(!applied->cancelled);
        QVERIFY(applied->changed > 1000);
        QCOMPARE(*store.load(), rules);
        verifyAllScores(rules, now);
        // Progress only goes forward and ends at its total.
        QVERIFY(steps.size() >= 2);
        for (qsizetype i = 1; i < steps.size(); ++i) {
            QVERIFY(steps.at(i).first >= steps.at(i - 1).first);
            QCOMPARE(steps.at(i).second, steps.first().second);
        }
        QCOMPARE(steps.last().first, steps.last().second);
    }

    // A rule change rewrites scores only: the wide lead rows are not written at all (before
    // schema 8 each changed score rewrote its lead's row: 21.7 s for every row of a million).
    void rescoreLeavesLeadRowsAlone() {
        ScoringStore store(*m_db);
        const QDateTime now(kToday, QTime(12, 0));
        QVERIFY(store.save(scoring::Rules::defaults()));
        QVERIFY(store.recomputeAll(now));
        QSqlQuery q = query(*m_db);
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TABLE touched(id INTEGER)")));
        QVERIFY(
            q.exec(QStringLiteral("CREATE TEMP TRIGGER lead_written AFTER UPDATE ON "
                                  "main.leads BEGIN INSERT INTO touched VALUES (new.id); END")));
        const auto drop = qScopeGuard([this] {
            QSqlQuery d = query(*m_db);
            d.exec(QStringLiteral("DROP TRIGGER temp.lead_written"));
            d.exec(QStringLiteral("DROP TABLE temp.touched"));
        });
        auto applied = store.apply(variedRules(m_sources), now);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error()));
        QVERIFY(applied->changed > 1000);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM temp.touched")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        verifyAllScores(variedRules(m_sources), now);
        QVERIFY(store.save(scoring::Rules::defaults()));
    }

    // A file of schema 7 (score in the leads row) keeps every score when it is opened.
    void migrationKeepsScores() {
        const QString path = m_dir.filePath(QStringLiteral("v7.mikomi"));
        {
            OpenOptions o;
            o.targetVersion = 7;
            auto v7 = Database::open(path, o);
            QVERIFY2(v7, qPrintable(v7 ? QString() : v7.error()));
            QSqlQuery q = query(**v7);
            for (int i = 1; i <= 5; ++i)
                QVERIFY2(q.exec(QStringLiteral("INSERT INTO leads(id, family_name, score, "
                                               "created_at, updated_at) VALUES (%1, 'L%1', %2, "
                                               "'2026-04-01T10:00:00+09:00', "
                                               "'2026-04-01T10:00:00+09:00')")
                                    .arg(i)
                                    .arg(i * 10 - 25)),
                         qPrintable(q.lastError().text()));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        const QHash<qint64, int> expected{{1, -15}, {2, -5}, {3, 5}, {4, 15}, {5, 25}};
        QCOMPARE(storedScores(**db), expected);
        auto lead = LeadRepository(**db).get(4);
        QVERIFY(lead);
        QCOMPARE(lead->score, 15);
        QSqlQuery q = query(**db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('leads') WHERE "
                                      "name = 'score'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // Deleting a lead deletes its score.
        QVERIFY(LeadRepository(**db).remove(5));
        QCOMPARE(storedScores(**db).size(), 4);
    }

    void cancelledApplyChangesNothing_data() {
        QTest::addColumn<int>("stopAt"); // the progress call that says stop
        QTest::newRow("while reading") << 1;
        QTest::newRow("at the end") << -1;
        QTest::newRow("while rebuilding the score indexes") << -2;
    }

    void cancelledApplyChangesNothing() {
        QFETCH(int, stopAt);
        setScorePassIndexRebuildFrom(stopAt == -2 ? 1 : 1000000);
        const auto restore = qScopeGuard([] { setScorePassIndexRebuildFrom(50000); });
        const QStringList indexes = leadIndexes(*m_db);
        ScoringStore store(*m_db);
        const QDateTime now(kToday, QTime(12, 0));
        QVERIFY(store.save(scoring::Rules::defaults()));
        QVERIFY(store.recomputeAll(now));
        const QHash<qint64, int> before = storedScores(*m_db);
        scoring::Rules rules = variedRules(m_sources);
        int calls = 0;
        auto applied = store.apply(rules, now, [&](qint64 done, qint64 total) {
            ++calls;
            return stopAt < 0 ? done < total : calls < stopAt;
        });
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error()));
        QVERIFY(applied->cancelled);
        QCOMPARE(applied->changed, 0);
        QCOMPARE(*store.load(), scoring::Rules::defaults());
        QCOMPARE(storedScores(*m_db), before);
        QCOMPARE(leadIndexes(*m_db), indexes);
        // And the connection is usable: nothing left open.
        QVERIFY(store.save(scoring::Rules::defaults()));
    }
};

QTEST_GUILESS_MAIN(TestScoreRecompute)
#include "tst_scorerecompute.moc"
