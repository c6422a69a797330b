// Team mode (issue 14): undo and redo of one person's change are refused, as a stale save is,
// once someone else has saved the lead since; they are never written over the other person's
// version. Two connections (two people) on the same file and on the same server database (a
// throwaway PostgreSQL server, tests/storage/pgserver.h). The people are synthetic.

#include "../storage/pgserver.h"
#include "models/commands/leadcommands.h"
#include "models/commands/stagecommands.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "tests/support/testshard.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

#include <memory>

using namespace mikomi;
using namespace mikomi::commands;
using storage::Database;
using storage::LeadRepository;

class TestTeamUndo final : public QObject {
    Q_OBJECT
private:
    pgtest::Server m_server;
    bool m_started = false;
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<Database> m_mine, m_theirs; // two people's windows on one database
    std::unique_ptr<QUndoStack> m_stack;        // mine
    QStringList m_errors;

    ErrorFn error() {
        return [this](const QString &m) { m_errors << m; };
    }

    static std::unique_ptr<Database> open(const QString &where) {
        auto db = Database::open(where);
        if (!db)
            qWarning("%s", qPrintable(db.error()));
        return db ? std::move(db).value() : nullptr;
    }

    qint64 newLead() {
        Lead l;
        l.company = QStringLiteral("株式会社みなと精機");
        l.familyName = QStringLiteral("小林");
        l.givenName = QStringLiteral("直子");
        l.email = QStringLiteral("naoko.kobayashi@minato-seiki.example");
        l.source = QStringLiteral("展示会");
        l.createdAt = QDateTime(QDate(2026, 11, 5), QTime(14, 0), QTimeZone(9 * 3600));
        l.updatedAt = l.createdAt;
        if (!LeadRepository(*m_mine).insert(l))
            return 0;
        return l.id;
    }

    Lead mine(qint64 id) { return LeadRepository(*m_mine).get(id).value(); }
    Lead theirs(qint64 id) { return LeadRepository(*m_theirs).get(id).value(); }

    // My edit through the editor's command: the title.
    void editTitle(qint64 id, const QString &title) {
        const Lead before = mine(id);
        Lead after = before;
        after.title = title;
        m_stack->push(
            new SaveLeadCommand(*m_mine, after, before, QStringLiteral("小林"), {}, error()));
    }

    // They save the lead (notes) in their window.
    void theySave(qint64 id, const QString &notes) {
        Lead l = theirs(id);
        l.notes = notes;
        QVERIFY(LeadRepository(*m_theirs).update(l).ok());
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (!pgtest::Server::binDir().isEmpty())
            m_started = m_server.start();
    }

    void cleanupTestCase() {
        m_stack.reset();
        m_mine.reset();
        m_theirs.reset();
        m_server.stop();
    }

    void init() {
        QFETCH_GLOBAL(QString, backend);
        QString where;
        if (backend == QLatin1String("postgres")) {
            if (pgtest::Server::binDir().isEmpty())
                QSKIP("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install "
                      "postgresql libqt6sql6-psql");
            QVERIFY2(m_started, qPrintable(m_server.reason()));
            where = m_server.createMigratedDatabase(); // the current schema, nothing else
        } else {
            where = m_dir.filePath(QStringLiteral("team%1.mikomi").arg(++m_files));
        }
        m_mine = open(where);
        QVERIFY(m_mine);
        m_theirs = open(where);
        QVERIFY(m_theirs);
        m_stack = std::make_unique<QUndoStack>();
        m_errors.clear();
    }

    void cleanup() {
        m_stack.reset();
        m_mine.reset();
        m_theirs.reset();
    }

    // My own undo and redo work, with my other changes of the lead in between (a stage move,
    // a save outside the undo stack); after their save my undo is refused and theirs is kept.
    void undoOfAnEditIsRefusedAfterTheirSave() {
        const qint64 id = newLead();
        QVERIFY(id > 0);
        editTitle(id, QStringLiteral("課長"));
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
        m_stack->undo();
        QCOMPARE(mine(id).title, QString());
        m_stack->redo();
        QCOMPARE(mine(id).title, QStringLiteral("課長"));
        m_stack->push(new StageCommand(*m_mine, id, StageCommand::Kind::Move, Stage::Sql,
                                       SqlKind::Sal, QString(), QStringLiteral("小林"), {},
                                       error()));
        // A write of mine outside the stack (a score pass, an import) is mine too.
        Lead l = mine(id);
        l.department = QStringLiteral("購買部");
        QVERIFY(LeadRepository(*m_mine).update(l).ok());
        m_stack->undo(); // the move
        QCOMPARE(mine(id).stage, Stage::Inquiry);
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));

        theySave(id, QStringLiteral("先方から電話あり"));
        const qint64 version = theirs(id).version;
        const int commands = m_stack->count();
        m_stack->undo(); // my edit: refused
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.first().contains(QLatin1String("Someone else changed this lead")),
                 qPrintable(m_errors.first()));
        const Lead now = theirs(id);
        QCOMPARE(now.notes, QStringLiteral("先方から電話あり")); // theirs kept
        QCOMPARE(now.title, QStringLiteral("課長"));             // mine not taken back
        QCOMPARE(now.version, version);                          // nothing written
        QCOMPARE(m_stack->count(), commands - 1);                // the stack dropped it
    }

    // Undone, then they save, then redo: refused; their version stays.
    void redoIsRefusedAfterTheirSave() {
        const qint64 id = newLead();
        editTitle(id, QStringLiteral("部長"));
        m_stack->undo();
        QCOMPARE(mine(id).title, QString());
        theySave(id, QStringLiteral("見積依頼"));
        Lead l = theirs(id);
        l.title = QStringLiteral("主任");
        QVERIFY(LeadRepository(*m_theirs).update(l).ok());
        m_stack->redo();
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.first().contains(QLatin1String("not redone")),
                 qPrintable(m_errors.first()));
        QCOMPARE(theirs(id).title, QStringLiteral("主任"));
        QCOMPARE(theirs(id).notes, QStringLiteral("見積依頼"));
    }

    // A stage move (the pipeline's drag): its undo is refused after their save.
    void undoOfAStageMoveIsRefusedAfterTheirSave() {
        const qint64 id = newLead();
        m_stack->push(new StageCommand(*m_mine, id, StageCommand::Kind::Move, Stage::Sql,
                                       SqlKind::Sal, QString(), QStringLiteral("小林"), {},
                                       error()));
        QCOMPARE(mine(id).stage, Stage::Sql);
        theySave(id, QStringLiteral("商談化の見込み"));
        m_stack->undo();
        QCOMPARE(m_errors.size(), 1);
        QCOMPARE(theirs(id).stage, Stage::Sql);
        QCOMPARE(theirs(id).notes, QStringLiteral("商談化の見込み"));
    }

    // A new lead: undo would delete it with what they added; refused.
    void undoOfANewLeadIsRefusedAfterTheirSave() {
        Lead l;
        l.company = QStringLiteral("有限会社かもめ商会");
        l.familyName = QStringLiteral("森");
        l.email = QStringLiteral("mori@kamome.example");
        auto *cmd =
            new SaveLeadCommand(*m_mine, l, std::nullopt, QStringLiteral("小林"), {}, error());
        m_stack->push(cmd);
        const qint64 id = cmd->leadId();
        QVERIFY(id > 0);
        theySave(id, QStringLiteral("来月訪問"));
        m_stack->undo();
        QCOMPARE(m_errors.size(), 1);
        QCOMPARE(LeadRepository(*m_theirs).get(id).value().notes, QStringLiteral("来月訪問"));
    }

    // Deleted, undone (put back), they edit it, redo of the delete: refused.
    void redoOfADeleteIsRefusedAfterTheirSave() {
        const qint64 id = newLead();
        m_stack->push(new DeleteLeadsCommand(*m_mine, {id}, {}, error()));
        QVERIFY(!LeadRepository(*m_theirs).get(id).ok());
        m_stack->undo();
        QVERIFY(LeadRepository(*m_theirs).get(id).ok());
        theySave(id, QStringLiteral("削除しないでください"));
        m_stack->redo();
        QCOMPARE(m_errors.size(), 1);
        QCOMPARE(theirs(id).notes, QStringLiteral("削除しないでください"));
    }
};

MIKOMI_TEST_MAIN(TestTeamUndo) // run as shares (CMakeLists.txt: SHARDS)
#include "tst_teamundo.moc"
