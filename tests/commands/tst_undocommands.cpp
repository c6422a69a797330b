#include "models/commands/leadcommands.h"
#include "models/commands/pipelinecommands.h"
#include "models/commands/stagecommands.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/leadimages.h"
#include "models/storage/repositories.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace mikomi;
using namespace mikomi::commands;

// The undo commands without a window (they link no widgets): each undo puts back everything a
// step changed, the lead with its further contacts, tasks, stage history, activities and
// touchpoints, and each redo does the step again.
class TestUndoCommands final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    QUndoStack m_stack;
    QStringList m_errors;
    int m_applied = 0;
    int m_n = 0;

    AppliedFn applied() {
        return [this] { ++m_applied; };
    }
    ErrorFn error() {
        return [this](const QString &m) { m_errors << m; };
    }

    static Lead sample(const QString &company, const QString &email) {
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("山田");
        l.givenName = QStringLiteral("太郎");
        l.email = email;
        l.source = QStringLiteral("展示会");
        l.extraContacts = {
            {ContactKind::Email, email + QStringLiteral(".jp"), QStringLiteral("私用")},
            {ContactKind::Phone, QStringLiteral("03-1234-5678"), QStringLiteral("直通")}};
        return l;
    }

    // A lead created through the command (owner, score, history, first follow-up), then given
    // an activity and a touchpoint.
    qint64 create(const QString &company, const QString &email) {
        auto *cmd = new SaveLeadCommand(*m_db, sample(company, email), std::nullopt,
                                        QStringLiteral("tester"), applied(), error());
        m_stack.push(cmd);
        const qint64 id = cmd->leadId();
        storage::LeadRepository repo(*m_db);
        Activity a;
        a.leadId = id;
        a.kind = ActivityKind::Call;
        a.occurredAt = QDateTime(QDate(2026, 4, 1), QTime(10, 0));
        a.user = QStringLiteral("tester");
        Touchpoint tp;
        tp.leadId = id;
        tp.occurredAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0));
        tp.source = QStringLiteral("展示会");
        tp.medium = QStringLiteral("event");
        if (!repo.addActivity(a) || !repo.addTouchpoint(tp))
            return 0;
        return id;
    }

    // Everything stored about a lead ("" when it does not exist).
    QString state(qint64 id) const {
        storage::LeadRepository repo(*m_db);
        auto l = repo.get(id);
        if (!l)
            return QString();
        QStringList out;
        out << QStringLiteral("lead %1 %2 %3 %4 owner=%5 score=%6 stage=%7 lost=%8 title=%9")
                   .arg(l->id)
                   .arg(l->company, l->familyName, l->email, l->owner)
                   .arg(l->score)
                   .arg(stageKey(l->stage))
                   .arg(l->lost)
                   .arg(l->title);
        for (const ContactPoint &c : l->extraContacts)
            out << QStringLiteral("contact %1 %2 %3").arg(int(c.kind)).arg(c.value, c.label);
        const auto history = repo.history(id).value();
        for (const StageChange &c : history)
            out << QStringLiteral("history %1 %2>%3 lost=%4 %5 %6")
                       .arg(c.id)
                       .arg(c.fromStage ? stageKey(*c.fromStage) : QString(), stageKey(c.toStage))
                       .arg(c.lost)
                       .arg(c.changedAt.toString(Qt::ISODateWithMs), c.user);
        const auto activities = repo.activities(id).value();
        for (const Activity &a : activities)
            out << QStringLiteral("activity %1 %2 %3")
                       .arg(a.id)
                       .arg(int(a.kind))
                       .arg(a.occurredAt.toString(Qt::ISODate));
        const auto touchpoints = repo.touchpoints(id).value();
        for (const Touchpoint &t : touchpoints)
            out << QStringLiteral("touchpoint %1 %2 %3")
                       .arg(t.id)
                       .arg(t.source, t.occurredAt.toString(Qt::ISODate));
        const auto tasks = storage::FollowUpRepository(*m_db).open(QString(), 100).value();
        for (const storage::FollowUp &t : tasks) {
            if (t.leadId == id)
                out << QStringLiteral("task %1 %2 %3 %4")
                           .arg(t.id)
                           .arg(t.title, t.owner, t.dueAt.toString(Qt::ISODate));
        }
        return out.join(u'\n');
    }

private slots:
    void init() {
        m_stack.clear();
        m_errors.clear();
        m_applied = 0;
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("u%1.mikomi").arg(++m_n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::UserRepository(*m_db).resolve(QStringLiteral("青木")).ok());
    }
    void cleanup() {
        m_stack.clear(); // before the database goes
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
        m_db.reset();
    }

    // Create: undo deletes the lead with its contacts and first task; redo brings it back under
    // the same id, with the same contacts, task and history.
    void createUndoRedo() {
        auto *cmd = new SaveLeadCommand(
            *m_db, sample(QStringLiteral("一番"), QStringLiteral("a@example.jp")), std::nullopt,
            QStringLiteral("tester"), applied(), error());
        m_stack.push(cmd);
        const qint64 id = cmd->leadId();
        QVERIFY(id > 0);
        QCOMPARE(m_applied, 1);
        const QString created = state(id);
        QVERIFY2(created.contains(QStringLiteral("owner=青木")), qPrintable(created));
        QVERIFY(created.contains(QStringLiteral("contact 1 03-1234-5678 直通")));
        QVERIFY(created.contains(QStringLiteral("\ntask ")));
        QVERIFY(created.contains(QStringLiteral("\nhistory ")));
        QCOMPARE(m_stack.text(0), QStringLiteral("Add lead 一番"));

        m_stack.undo();
        QCOMPARE(state(id), QString());
        QCOMPARE(storage::LeadRepository(*m_db).count().value(), 0);
        QVERIFY(storage::FollowUpRepository(*m_db).open(QString(), 10)->isEmpty());
        m_stack.redo();
        QCOMPARE(state(id), created);
        QCOMPARE(m_applied, 3);
    }

    // Edit: undo writes back every field and the further contacts as they were.
    void editUndoRedo() {
        const qint64 id = create(QStringLiteral("二番"), QStringLiteral("b@example.jp"));
        QVERIFY(id > 0);
        const QString before = state(id);
        const Lead stored = storage::LeadRepository(*m_db).get(id).value();
        Lead after = stored;
        after.title = QStringLiteral("営業部長");
        after.extraContacts = {{ContactKind::Mobile, QStringLiteral("090-1111-2222"), QString()}};
        m_stack.push(new SaveLeadCommand(*m_db, after, stored, QStringLiteral("tester"), applied(),
                                         error()));
        const QString edited = state(id);
        QVERIFY(edited.contains(QStringLiteral("title=営業部長")));
        QVERIFY(edited.contains(QStringLiteral("090-1111-2222")));
        QVERIFY(!edited.contains(QStringLiteral("直通")));
        m_stack.undo();
        // The score follows the title back (the default rules give 部長 points).
        QCOMPARE(state(id), before);
        m_stack.redo();
        QCOMPARE(state(id), edited);
    }

    // A stage move: undo restores the stage and removes the history it wrote.
    void stageMoveUndoRedo() {
        const qint64 id = create(QStringLiteral("三番"), QStringLiteral("c@example.jp"));
        const QString before = state(id);
        m_stack.push(new StageCommand(*m_db, id, StageCommand::Kind::Move, Stage::Sql, SqlKind::Sal,
                                      QString(), QStringLiteral("tester"), applied(), error()));
        const QString moved = state(id);
        QVERIFY(moved.contains(QStringLiteral("stage=sql")));
        QCOMPARE(moved.count(QStringLiteral("\nhistory ")),
                 before.count(QStringLiteral("\nhistory ")) + 1);
        m_stack.undo();
        QCOMPARE(state(id), before);
        m_stack.redo();
        QVERIFY(state(id).contains(QStringLiteral("stage=sql")));
    }

    // Delete: undo puts back the leads with everything attached, under their ids.
    void deleteUndoRedo() {
        const qint64 a = create(QStringLiteral("四番"), QStringLiteral("d@example.jp"));
        const qint64 b = create(QStringLiteral("五番"), QStringLiteral("e@example.jp"));
        const QString stateA = state(a);
        const QString stateB = state(b);
        m_stack.push(new DeleteLeadsCommand(*m_db, {a, b}, applied(), error()));
        QCOMPARE(state(a), QString());
        QCOMPARE(state(b), QString());
        QVERIFY(storage::FollowUpRepository(*m_db).open(QString(), 10)->isEmpty());
        m_stack.undo();
        QCOMPARE(state(a), stateA);
        QCOMPARE(state(b), stateB);
        m_stack.redo();
        QCOMPARE(storage::LeadRepository(*m_db).count().value(), 0);
    }

    // Merge: the other lead's contacts, tasks, history, activities and touchpoints move to the
    // kept one; undo separates them again, each with its own.
    void mergeUndoRedo() {
        const qint64 keep = create(QStringLiteral("六番"), QStringLiteral("f@example.jp"));
        const qint64 other = create(QStringLiteral("六番"), QStringLiteral("g@example.jp"));
        const QString keepBefore = state(keep);
        const QString otherBefore = state(other);
        m_stack.push(new MergeLeadsCommand(*m_db, keep, other, applied(), error()));
        QCOMPARE(state(other), QString());
        const QString merged = state(keep);
        QVERIFY2(merged.count(QStringLiteral("\ntask ")) == 2, qPrintable(merged));
        QVERIFY(merged.contains(QStringLiteral("g@example.jp")));
        m_stack.undo();
        QCOMPARE(state(keep), keepBefore);
        QCOMPARE(state(other), otherBefore);
        m_stack.redo();
        QCOMPARE(state(keep), merged);
        QCOMPARE(state(other), QString());
    }

    // The business-card images of a lead (issue 16) come back with it when its delete is
    // undone, go again on redo, and follow it through a merge and its undo.
    void cardImagesThroughUndo() {
        const qint64 a = create(QStringLiteral("九番"), QStringLiteral("j@example.jp"));
        const qint64 b = create(QStringLiteral("九番"), QStringLiteral("k@example.jp"));
        storage::LeadImageStore images(*m_db);
        const QByteArray front("front-jpeg"), back("back-png");
        const qint64 f =
            images.add(a, QStringLiteral("front"), front, QStringLiteral("jpeg")).value();
        QVERIFY(images.add(a, QStringLiteral("back"), back, QStringLiteral("png")).ok());
        QVERIFY(images.add(b, QStringLiteral("front"), front, QStringLiteral("jpeg")).ok());

        m_stack.push(new DeleteLeadsCommand(*m_db, {a}, applied(), error()));
        QCOMPARE(images.count(a).value(), 0);
        m_stack.undo();
        auto kept = images.list(a);
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), 2);
        QCOMPARE(kept->at(0).id, f);
        QCOMPARE(kept->at(0).data, front);
        QCOMPARE(kept->at(1).data, back);
        QCOMPARE(kept->at(1).format, QStringLiteral("png"));
        m_stack.redo();
        QCOMPARE(images.count(a).value(), 0);
        m_stack.undo();
        QCOMPARE(images.count(a).value(), 2);

        // Merged into b: b holds all three; undo gives a its two back.
        m_stack.push(new MergeLeadsCommand(*m_db, b, a, applied(), error()));
        QCOMPARE(images.count(b).value(), 3);
        m_stack.undo();
        QCOMPARE(images.count(a).value(), 2);
        QCOMPARE(images.count(b).value(), 1);
        QVERIFY(m_errors.isEmpty());
    }

    // A step the store refuses is reported, changes nothing and leaves no undo step.
    void failedStepLeavesNothing() {
        const qint64 id = create(QStringLiteral("七番"), QStringLiteral("h@example.jp"));
        m_stack.push(new DeleteLeadsCommand(*m_db, {id}, applied(), error()));
        const int steps = m_stack.count();
        const int index = m_stack.index();
        m_stack.push(new StageCommand(*m_db, id, StageCommand::Kind::Lost, Stage::Inquiry,
                                      SqlKind::None, QStringLiteral("予算なし"),
                                      QStringLiteral("tester"), applied(), error()));
        QCOMPARE(m_errors.size(), 1);
        m_errors.clear();
        QCOMPARE(m_stack.count(), steps);
        QCOMPARE(m_stack.index(), index);
    }

    // The temperature override and the follow-up's completion round-trip too.
    void taskAndTemperatureUndo() {
        const qint64 id = create(QStringLiteral("八番"), QStringLiteral("i@example.jp"));
        const QString before = state(id);
        const qint64 task = storage::FollowUpRepository(*m_db).open(QString(), 10)->first().id;
        m_stack.push(new CompleteTaskCommand(*m_db, task, id, ActivityKind::Call,
                                             QStringLiteral("tester"), applied(), error()));
        QVERIFY(!state(id).contains(QStringLiteral("\ntask ")));
        m_stack.push(new TemperatureCommand(*m_db, {id}, Temperature::Hot, applied(), error()));
        QCOMPARE(storage::LeadRepository(*m_db).get(id)->temperatureOverride,
                 std::optional<Temperature>(Temperature::Hot));
        m_stack.undo();
        QCOMPARE(storage::LeadRepository(*m_db).get(id)->temperatureOverride,
                 std::optional<Temperature>());
        m_stack.undo();
        QCOMPARE(state(id), before);
    }
};

QTEST_MAIN(TestUndoCommands)
#include "tst_undocommands.moc"
