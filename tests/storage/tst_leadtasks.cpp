#include "models/storage/changefeed.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/followups.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/livefiles.h"
#include "models/storage/repositories.h"
#include "models/storage/sql.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

// A lead's follow-up tasks are never lost by a merge or by a delete that is undone, and the
// writes that change a task or a won deal reach the pages through the change feed.
class TestLeadTasks final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    qint64 addLead(const QString &company, const QString &email) {
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("佐藤");
        l.email = email;
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        auto id = LeadRepository(*m_db).insert(l);
        return id ? *id : 0;
    }
    qint64 addTask(qint64 leadId, const QString &title) {
        FollowUp t;
        t.leadId = leadId;
        t.title = title;
        t.dueAt = QDateTime(QDate(2026, 4, 2), QTime(10, 0));
        auto id = FollowUpRepository(*m_db).add(t);
        return id ? *id : 0;
    }
    QStringList tasksOf(qint64 leadId) {
        QStringList out;
        auto q =
            exec(*m_db, QStringLiteral("SELECT title FROM tasks WHERE lead_id = ? ORDER BY id"),
                 {leadId});
        while (q && q->next())
            out << q->value(0).toString();
        return out;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("tasks.db")));
        QVERIFY(db.ok());
        m_db = std::move(db.value());
    }
    void cleanup() { m_db.reset(); }

    void mergeKeepsTheOtherLeadsTasksAndUndoGivesThemBack() {
        const qint64 keep = addLead(QStringLiteral("A社"), QStringLiteral("a@a.jp"));
        const qint64 other = addLead(QStringLiteral("A社"), QStringLiteral("a2@a.jp"));
        QVERIFY(keep > 0 && other > 0);
        QVERIFY(addTask(keep, QStringLiteral("keep call")) > 0);
        QVERIFY(addTask(other, QStringLiteral("other call")) > 0);
        auto snapshot = snapshotLead(*m_db, other);
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->tasks.size(), 1);
        QVERIFY(mergeLeads(*m_db, keep, other).ok());
        QCOMPARE(tasksOf(keep),
                 (QStringList{QStringLiteral("keep call"), QStringLiteral("other call")}));
        // Undo of the merge: the merged-in lead comes back with its own task.
        if (Status r = restoreLead(*m_db, *snapshot); !r)
            QFAIL(qPrintable(r.error()));
        QCOMPARE(tasksOf(other), QStringList{QStringLiteral("other call")});
        QCOMPARE(tasksOf(keep), QStringList{QStringLiteral("keep call")});
    }

    void deleteAndUndoKeepsTasks() {
        const qint64 id = addLead(QStringLiteral("B社"), QStringLiteral("b@b.jp"));
        QVERIFY(addTask(id, QStringLiteral("first contact")) > 0);
        auto snapshot = snapshotLead(*m_db, id);
        QVERIFY(snapshot.ok());
        QVERIFY(deleteLeads(*m_db, {id}).ok());
        QVERIFY(tasksOf(id).isEmpty());
        if (Status r = restoreLead(*m_db, *snapshot); !r)
            QFAIL(qPrintable(r.error()));
        QCOMPARE(tasksOf(id), QStringList{QStringLiteral("first contact")});
    }

    void rescheduleAndWonDealAreAnnounced() {
        const qint64 id = addLead(QStringLiteral("C社"), QStringLiteral("c@c.jp"));
        const qint64 task = addTask(id, QStringLiteral("call"));
        QVERIFY(task > 0);
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        QVERIFY(FollowUpRepository(*m_db)
                    .reschedule(task, QDateTime(QDate(2026, 4, 3), QTime(11, 0)))
                    .ok());
        QCOMPARE(spy.size(), 1);
        auto c = spy.takeFirst().at(0).value<DataChange>();
        QVERIFY(c.touches(DataKind::Tasks));
        QCOMPARE(c.leadIds, QList<qint64>{id});

        // Already a customer: only the deal value and won date change, and that is announced.
        QVERIFY(LeadRepository(*m_db)
                    .markWon(id, Money(100000), QDate(2026, 4, 5), QString(),
                             QDateTime::currentDateTime())
                    .ok());
        spy.clear();
        QVERIFY(LeadRepository(*m_db)
                    .markWon(id, Money(250000), QDate(2026, 4, 6), QString(),
                             QDateTime::currentDateTime())
                    .ok());
        QCOMPARE(spy.size(), 1);
        c = spy.takeFirst().at(0).value<DataChange>();
        QVERIFY(c.touches(DataKind::Leads));
        QCOMPARE(c.leadIds, QList<qint64>{id});
    }

    void theOpenDatabaseIsNeverAnExportTarget() {
        QVERIFY(!LiveFiles::refuseLiveDatabase(m_db->path()).ok());
        QVERIFY(!LiveFiles::refuseLiveDatabase(m_db->path() + QStringLiteral("-wal")).ok());
        QVERIFY(LiveFiles::refuseLiveDatabase(m_dir.filePath(QStringLiteral("person.json"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestLeadTasks)
#include "tst_leadtasks.moc"
