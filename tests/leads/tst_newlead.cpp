#include "models/commands/leadcommands.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mikomi;

// A lead created in the window (editor or business-card mode) gets an owner from the
// assignment rules when it has none, and its first follow-up task.
class TestNewLead final : public QObject {
    Q_OBJECT
private slots:
    void newLeadsAreAssignedAndFollowedUp() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("n.mikomi")));
        QVERIFY(db.ok());
        storage::LeadRepository repo(**db);
        for (const char *name : {"Aoki", "Baba", "Chiba"})
            QVERIFY(repo.users().resolve(QLatin1String(name)).ok());
        QVERIFY(repo.users().setActive(QStringLiteral("Baba"), false).ok());

        QUndoStack stack;
        QStringList errors;
        QList<qint64> ids;
        QStringList owners;
        for (int i = 0; i < 3; ++i) {
            Lead l;
            l.company = QStringLiteral("株式会社テスト%1").arg(i);
            l.familyName = QStringLiteral("山田");
            l.source = QStringLiteral("展示会");
            auto *cmd = new commands::SaveLeadCommand(
                **db, l, std::nullopt, QStringLiteral("tester"), [] {},
                [&errors](const QString &e) { errors << e; });
            stack.push(cmd);
            QVERIFY(!cmd->failed());
            ids << cmd->leadId();
            owners << repo.get(cmd->leadId())->owner;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        // Round-robin over the active users only.
        QVERIFY(!owners.contains(QStringLiteral("Baba")));
        QVERIFY(owners.contains(QStringLiteral("Aoki")));
        QVERIFY(owners.contains(QStringLiteral("Chiba")));
        QVERIFY(owners.at(0) != owners.at(1));
        QCOMPARE(owners.at(0), owners.at(2));

        storage::FollowUpRepository tasks(**db);
        auto open = tasks.open(QString(), 100);
        QVERIFY(open.ok());
        QCOMPARE(open->size(), 3);
        for (const storage::FollowUp &t : *open) {
            QVERIFY(ids.contains(t.leadId));
            QVERIFY(t.dueAt.isValid());
        }

        // Editing a field the scoring rules look at (the default rules give points for titles
        // like 部長) recomputes the score.
        Lead before = *repo.get(ids.first());
        Lead after = before;
        after.title = QStringLiteral("営業部長");
        const int oldScore = before.score;
        auto *edit = new commands::SaveLeadCommand(
            **db, after, before, QStringLiteral("tester"), [] {},
            [&errors](const QString &e) { errors << e; });
        stack.push(edit);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QVERIFY2(
            repo.get(ids.first())->score > oldScore,
            qPrintable(QStringLiteral("%1 -> %2").arg(oldScore).arg(repo.get(ids.first())->score)));
        stack.undo();

        // Undo removes the lead and, with it, its task.
        stack.undo();
        QVERIFY(!repo.get(ids.last()).ok());
        QCOMPARE(tasks.open(QString(), 100)->size(), 2);
    }
};

QTEST_MAIN(TestNewLead)
#include "tst_newlead.moc"
