#include "models/storage/assignment.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/leadsourcequery.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

namespace {
const QTimeZone kJst(9 * 3600);
}

class TestPipelineStore final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

    qint64 addLead(const QString &source, Stage stage, std::optional<Money> deal, int day,
                   const QString &owner = QString(), const QString &title = QString()) {
        LeadRepository repo(*m_db);
        Lead l;
        l.company = QStringLiteral("会社%1").arg(day);
        l.familyName = QStringLiteral("佐藤");
        l.title = title;
        l.source = source;
        l.owner = owner;
        l.stage = stage;
        l.furthestStage = stage;
        l.dealValue = deal;
        l.createdAt = QDateTime(QDate(2026, 5, day), QTime(10, 0), kJst);
        l.updatedAt = l.createdAt;
        auto id = repo.insert(l);
        return id ? *id : -1;
    }

    // Sets a lead's stored score (the scoring rules are not under test here).
    bool setScore(qint64 id, int score) {
        LeadRepository repo(*m_db);
        auto l = repo.get(id);
        if (!l)
            return false;
        l->score = score;
        return bool(repo.update(*l));
    }

private slots:
    void init() {
        m_db.reset();
        auto db = Database::open(m_dir.filePath(QStringLiteral("p%1.mikomi").arg(++m_n)));
        QVERIFY(db);
        m_db = std::move(db).value();
    }

    void totalsAndCards() {
        addLead(QStringLiteral("SEO"), Stage::Inquiry, 100, 1, QStringLiteral("鈴木"));
        addLead(QStringLiteral("SEO"), Stage::Inquiry, std::nullopt, 2);
        const qint64 newest = addLead(QStringLiteral("Webinar"), Stage::Inquiry, 50, 3);
        addLead(QStringLiteral("Webinar"), Stage::Opportunity, 1000, 4, QStringLiteral("鈴木"));
        const qint64 lost = addLead(QStringLiteral("SEO"), Stage::Sql, 700, 5);
        LeadRepository repo(*m_db);
        QVERIFY(repo.markLost(lost, QStringLiteral("予算"), QStringLiteral("me"),
                              QDateTime(QDate(2026, 5, 6), QTime(9, 0), kJst)));
        PipelineQuery q(*m_db);
        auto t = q.totals({});
        QVERIFY(t);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].count, 3);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].value, 150);
        QCOMPARE((*t)[int(PipelineColumn::Opportunity)].value, 1000);
        QCOMPARE((*t)[int(PipelineColumn::Sql)].count, 0); // lost leads are in the Lost column
        QCOMPARE((*t)[int(PipelineColumn::Lost)].count, 1);
        QCOMPARE((*t)[int(PipelineColumn::Lost)].value, 700);
        auto cards = q.cards(PipelineColumn::Inquiry, {}, 2);
        QVERIFY(cards);
        QCOMPARE(cards->size(), 2); // top N only
        QCOMPARE(cards->first().id, newest);
        auto lostCards = q.cards(PipelineColumn::Lost, {}, 10);
        QCOMPARE(lostCards->first().lostReason, QStringLiteral("予算"));
        // The Lost column merges stages, newest first, and keeps the limit.
        const qint64 first = addLead(QStringLiteral("SEO"), Stage::Mql, {}, 9);
        QVERIFY(repo.markLost(first, QStringLiteral("時期"), {}, QDateTime::currentDateTime()));
        QVERIFY(repo.markLost(newest, QStringLiteral("競合"), {}, QDateTime::currentDateTime()));
        lostCards = q.cards(PipelineColumn::Lost, {}, 2);
        QCOMPARE(lostCards->size(), 2);
        QCOMPARE(lostCards->at(0).id, first);
        QCOMPARE(lostCards->at(1).id, lost);
        QVERIFY(repo.recycle(first, {}, QDateTime::currentDateTime()));
        QVERIFY(repo.recycle(newest, {}, QDateTime::currentDateTime()));
        QVERIFY(repo.changeStage(newest, Stage::Inquiry, SqlKind::None, {},
                                 QDateTime::currentDateTime()));
        // Filters by owner and source.
        PipelineFilter f;
        f.ownerId = *UserRepository(*m_db).resolve(QStringLiteral("鈴木"));
        t = q.totals(f);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].count, 1);
        QCOMPARE((*t)[int(PipelineColumn::Opportunity)].count, 1);
        f = {};
        f.sourceId = *SourceRepository(*m_db).resolve(QStringLiteral("webinar"), false);
        t = q.totals(f);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].count, 1);
        QCOMPARE(q.cards(PipelineColumn::Inquiry, f, 10)->size(), 1);
    }

    void scoringStoreRoundTripAndRecompute() {
        ScoringStore store(*m_db);
        auto rules = store.load();
        QVERIFY(rules);
        QCOMPARE(*rules, scoring::Rules::defaults()); // the migration's rows
        const qint64 boss =
            addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 1, {}, QStringLiteral("営業部長"));
        const qint64 other = addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 2);
        LeadRepository repo(*m_db);
        Activity a;
        a.leadId = other;
        a.kind = ActivityKind::DocumentDownload;
        a.occurredAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0), kJst);
        QVERIFY(repo.addActivity(a));
        const QDateTime now(QDate(2026, 5, 31), QTime(10, 0), kJst); // 30 days: half-life
        auto changed = store.recomputeAll(now);
        QVERIFY(changed);
        QCOMPARE(*changed, 2);
        QCOMPARE(repo.get(boss)->score, 15);
        QCOMPARE(repo.get(other)->score, 5); // 10 points halved

        scoring::Rules r = *rules;
        r.attributes.first().points = 40;
        r.thresholds.mqlScore = 35;
        QVERIFY(store.save(r));
        QCOMPARE(*store.load(), r);
        QCOMPARE(*store.recomputeAll(now), 1);
        QCOMPARE(repo.get(boss)->score, 40);
        // Per lead, after a new activity.
        a.kind = ActivityKind::WebInquiry;
        a.occurredAt = now;
        a.leadId = boss;
        QVERIFY(repo.addActivity(a));
        QCOMPARE(*store.recompute(boss, now), 65);
        QCOMPARE(repo.get(boss)->score, 65);
    }

    void followUpsDueByRule() {
        // Webinar is an event source: 4 h; created Friday 2026-05-08 17:00 → Monday 12:00.
        QVERIFY(SourceRepository(*m_db).resolve(QStringLiteral("Webinar"), true,
                                                SourceCategory::Event));
        LeadRepository repo(*m_db);
        Lead l;
        l.familyName = QStringLiteral("田中");
        l.source = QStringLiteral("webinar");
        l.owner = QStringLiteral("鈴木");
        l.createdAt = QDateTime(QDate(2026, 5, 8), QTime(17, 0), kJst);
        l.updatedAt = l.createdAt;
        QVERIFY(repo.insert(l));
        FollowUpRepository tasks(*m_db);
        auto rules = tasks.rules();
        QCOMPARE(*rules, sla::defaultRules());
        auto id = tasks.createForLead(l.id);
        QVERIFY2(id, qPrintable(id ? QString() : id.error()));
        auto open = tasks.open(QString(), 10);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().dueAt, QDateTime(QDate(2026, 5, 11), QTime(12, 0), kJst));
        QCOMPARE(open->first().owner, QStringLiteral("鈴木"));
        QCOMPARE(tasks.open(QStringLiteral("other"), 10)->size(), 0);
        // Completing logs the contact as an activity.
        auto act = tasks.complete(*id, ActivityKind::Call, QStringLiteral("鈴木"),
                                  QDateTime(QDate(2026, 5, 11), QTime(11, 0), kJst));
        QVERIFY(act);
        QCOMPARE(tasks.open(QString(), 10)->size(), 0);
        auto acts = repo.activities(l.id);
        QCOMPARE(acts->size(), 1);
        QCOMPARE(acts->first().kind, ActivityKind::Call);
        QVERIFY(!tasks.complete(*id, ActivityKind::Call, {}, QDateTime::currentDateTime()));
        QVERIFY(tasks.reopen(*id, *act));
        QCOMPARE(tasks.open(QString(), 10)->size(), 1);
        QCOMPARE(repo.activities(l.id)->size(), 0);
        // Editable rules.
        QVERIFY(tasks.setRules({{QStringLiteral("WEBINAR"), std::nullopt, 2}}));
        QCOMPARE(tasks.rules()->size(), 1);
        QVERIFY(!tasks.setRules({{QString(), std::nullopt, 0}}));
    }

    void assignmentFirstMatchThenRoundRobin() {
        UserRepository users(*m_db);
        for (const char16_t *n : {u"佐藤", u"鈴木", u"高橋", u"田中"})
            QVERIFY(users.resolve(QString::fromUtf16(n)));
        QVERIFY(users.setActive(QStringLiteral("鈴木"), false));
        QVERIFY(
            SourceRepository(*m_db).resolve(QStringLiteral("展示会"), true, SourceCategory::Event));
        QVERIFY(SourceRepository(*m_db).resolve(QStringLiteral("Google Ads"), true,
                                                SourceCategory::Paid));
        AssignmentRules rules(*m_db);
        AssignmentRule byPref;
        byPref.prefecture = QStringLiteral("大阪府");
        byPref.owner = QStringLiteral("田中");
        AssignmentRule byCategory;
        byCategory.category = SourceCategory::Event;
        byCategory.minScore = 30;
        byCategory.owner = QStringLiteral("高橋");
        QVERIFY(rules.setRules({byPref, byCategory}));
        QCOMPARE(rules.rules()->size(), 2);

        Lead l;
        l.prefecture = QStringLiteral("大阪府");
        l.source = QStringLiteral("展示会");
        l.score = 50;
        QCOMPARE(*rules.ownerFor(l), QStringLiteral("田中")); // first match wins
        l.prefecture = QStringLiteral("東京都");
        QCOMPARE(*rules.ownerFor(l), QStringLiteral("高橋"));
        l.score = 10; // below the range: round-robin, skipping inactive 鈴木
        QStringList got;
        for (int i = 0; i < 4; ++i)
            got.append(*rules.ownerFor(l));
        QCOMPARE(got, (QStringList{QStringLiteral("佐藤"), QStringLiteral("高橋"),
                                   QStringLiteral("田中"), QStringLiteral("佐藤")}));
        // Bulk reassign.
        const qint64 a =
            addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 1, QStringLiteral("佐藤"));
        const qint64 b = addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 2);
        auto before = rules.reassign({a, b}, QStringLiteral("高橋"));
        QVERIFY(before);
        QCOMPARE(before->at(1), 0);
        QCOMPARE(LeadRepository(*m_db).get(a)->owner, QStringLiteral("高橋"));
        QCOMPARE(LeadRepository(*m_db).get(b)->owner, QStringLiteral("高橋"));
    }

    void originalAndLatestFromDatabase() {
        const qint64 id = addLead(QString(), Stage::Inquiry, {}, 1);
        LeadRepository repo(*m_db);
        Touchpoint t;
        t.leadId = id;
        t.source = QStringLiteral("Google Ads");
        t.occurredAt = QDateTime(QDate(2026, 5, 20), QTime(10, 0), kJst);
        QVERIFY(repo.addTouchpoint(t));
        t.source = QStringLiteral("SEO"); // recorded later, happened earlier
        t.occurredAt = QDateTime(QDate(2026, 5, 2), QTime(10, 0), kJst);
        QVERIFY(repo.addTouchpoint(t));
        auto s = leadSources(*m_db, id);
        QVERIFY(s);
        QCOMPARE(s->original, QStringLiteral("SEO"));
        QCOMPARE(s->latest, QStringLiteral("Google Ads"));
    }

    // "Ready for MQL / SQL": open leads whose score passed the threshold while still at an
    // earlier stage; the filter agrees with scoring::readiness() lead by lead.
    void readyFilter() {
        struct Spec {
            Stage stage;
            int score;
            bool lost;
        };
        const QList<Spec> specs{
            {Stage::Inquiry, 35, false}, // ready for MQL
            {Stage::Inquiry, 70, false}, // ready for MQL and SQL
            {Stage::Mql, 45, false},     // nothing
            {Stage::Mql, 65, false},     // ready for SQL
            {Stage::Sql, 90, false},     // already there
            {Stage::Inquiry, 10, false}, // too low
            {Stage::Inquiry, 80, true},  // lost
        };
        LeadRepository repo(*m_db);
        QList<qint64> ids;
        for (int i = 0; i < specs.size(); ++i) {
            const qint64 id = addLead(QStringLiteral("SEO"), specs[i].stage, {}, i + 1);
            QVERIFY(setScore(id, specs[i].score));
            if (specs[i].lost)
                QVERIFY(repo.markLost(id, QStringLiteral("予算"), QStringLiteral("me"),
                                      QDateTime::currentDateTime()));
            ids.append(id);
        }
        PipelineQuery q(*m_db);
        PipelineFilter f; // thresholds 30 / 60
        f.ready = scoring::Readiness::Mql;
        auto t = q.totals(f);
        QVERIFY(t);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].count, 2);
        QCOMPARE((*t)[int(PipelineColumn::Mql)].count, 0);
        QCOMPARE((*t)[int(PipelineColumn::Lost)].count, 0);
        auto cards = q.cards(PipelineColumn::Inquiry, f, 10);
        QVERIFY(cards);
        QCOMPARE(cards->size(), 2);
        QCOMPARE(cards->at(0).id, ids[1]); // newest first
        QCOMPARE(cards->at(1).id, ids[0]);
        QVERIFY(q.cards(PipelineColumn::Lost, f, 10)->isEmpty());

        f.ready = scoring::Readiness::Sql;
        t = q.totals(f);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].count, 1);
        QCOMPARE((*t)[int(PipelineColumn::Mql)].count, 1);
        QCOMPARE((*t)[int(PipelineColumn::Sql)].count, 0);
        QCOMPARE(q.cards(PipelineColumn::Mql, f, 10)->first().id, ids[3]);

        // The thresholds come from the scoring settings: raise MQL to 40.
        f.ready = scoring::Readiness::Mql;
        f.mqlScore = 40;
        t = q.totals(f);
        QCOMPARE((*t)[int(PipelineColumn::Inquiry)].count, 1);
        QCOMPARE(q.cards(PipelineColumn::Inquiry, f, 10)->first().id, ids[1]);

        // Same answer as the badge's rule, lead by lead; and nothing moved.
        scoring::Thresholds th;
        for (int i = 0; i < specs.size(); ++i) {
            const auto r = scoring::readiness(th, specs[i].stage, specs[i].lost, specs[i].score);
            const bool inMql =
                specs[i].stage == Stage::Inquiry && !specs[i].lost && specs[i].score >= th.mqlScore;
            const bool inSql =
                specs[i].stage <= Stage::Mql && !specs[i].lost && specs[i].score >= th.sqlScore;
            QCOMPARE(r == scoring::Readiness::Sql, inSql);
            QCOMPARE(r != scoring::Readiness::None, inMql || inSql);
            QCOMPARE(repo.get(ids[i])->stage, specs[i].stage);
        }
    }

    void temperatureOverride() {
        ScoringStore store(*m_db);
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 1);
        const qint64 b = addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 2);
        QVERIFY(setScore(a, 55));
        QVERIFY(setScore(b, 25));
        LeadRepository repo(*m_db);
        // Derived: score 55 ≥ hot 50 but created 2026-05-01, nothing since: on 05-10 it is 9 days
        // old (≤ 14): Hot; on 06-30 (60 days, > warm 45): Cold.
        QCOMPARE(*store.derivedTemperature(a, QDateTime(QDate(2026, 5, 10), QTime(12, 0), kJst)),
                 Temperature::Hot);
        QCOMPARE(*store.derivedTemperature(a, QDateTime(QDate(2026, 6, 30), QTime(12, 0), kJst)),
                 Temperature::Cold);
        QCOMPARE(*store.derivedTemperature(b, QDateTime(QDate(2026, 5, 10), QTime(12, 0), kJst)),
                 Temperature::Warm);
        // An activity resets recency.
        Activity act;
        act.leadId = a;
        act.kind = ActivityKind::Call;
        act.occurredAt = QDateTime(QDate(2026, 6, 25), QTime(10, 0), kJst);
        QVERIFY(repo.addActivity(act));
        QCOMPARE(*store.derivedTemperature(a, QDateTime(QDate(2026, 6, 30), QTime(12, 0), kJst)),
                 Temperature::Hot);
        QVERIFY(!store.derivedTemperature(9999, QDateTime::currentDateTime()));

        QVERIFY(store.setTemperatureOverride({a}, Temperature::Cold));
        auto before = store.setTemperatureOverride({a, b}, Temperature::Hot);
        QVERIFY(before);
        QCOMPARE(before->size(), 2);
        QCOMPARE(before->at(0), std::optional(Temperature::Cold));
        QCOMPARE(before->at(1), std::optional<Temperature>());
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional(Temperature::Hot));
        QCOMPARE(repo.get(b)->temperatureOverride, std::optional(Temperature::Hot));
        QVERIFY(store.restoreTemperatureOverrides({a, b}, *before));
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional(Temperature::Cold));
        QCOMPARE(repo.get(b)->temperatureOverride, std::optional<Temperature>());
        QVERIFY(store.setTemperatureOverride({a}, std::nullopt)); // back to Automatic
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional<Temperature>());
        QVERIFY(!store.restoreTemperatureOverrides({a, b}, {}));
        QVERIFY(!store.setTemperatureOverride({a, 9999}, Temperature::Hot)); // all or nothing
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional<Temperature>());
    }

    void reassignUndoRestoresOwners() {
        const qint64 a =
            addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 1, QStringLiteral("佐藤"));
        const qint64 b = addLead(QStringLiteral("SEO"), Stage::Inquiry, {}, 2);
        AssignmentRules rules(*m_db);
        auto before = rules.reassign({a, b}, QStringLiteral("高橋"));
        QVERIFY(before);
        QVERIFY(rules.restoreOwners({a, b}, *before));
        LeadRepository repo(*m_db);
        QCOMPARE(repo.get(a)->owner, QStringLiteral("佐藤"));
        QCOMPARE(repo.get(b)->owner, QString());
        QVERIFY(!rules.restoreOwners({a}, {}));
    }
};

QTEST_GUILESS_MAIN(TestPipelineStore)
#include "tst_pipelinestore.moc"
