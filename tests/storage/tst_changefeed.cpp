#include "models/storage/bulkwriter.h"
#include "models/storage/changefeed.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/filelistener.h"
#include "models/storage/followups.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "models/storage/sourceadmin.h"
#include "models/storage/spendstore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

// The change feed: every write in models/storage is announced once its outermost transaction
// commits, once per commit, with what it changed; a rollback announces nothing.
class TestChangeFeed final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    static Lead lead(const QString &company, const QString &email) {
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("佐藤");
        l.email = email;
        l.owner = QStringLiteral("鈴木");
        l.source = QStringLiteral("展示会");
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        return l;
    }
    static DataChange only(const QSignalSpy &spy) {
        if (spy.size() != 1)
            return {};
        return spy.at(0).at(0).value<DataChange>();
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("feed.db")));
        QVERIFY(db.ok());
        m_db = std::move(db.value());
    }
    void cleanup() { m_db.reset(); }

    void oneWriteOutsideATransactionIsOneChange() {
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        Lead l = lead(QStringLiteral("A社"), QStringLiteral("a@a.jp"));
        auto id = LeadRepository(*m_db).insert(l);
        QVERIFY(id.ok());
        QCOMPARE(spy.size(), 1);
        const DataChange c = only(spy);
        QVERIFY(c.touches(DataKind::Leads));
        QVERIFY(c.touches(DataKind::Sources)); // 展示会 was new
        QVERIFY(c.touches(DataKind::Users));   // so was 鈴木
        QCOMPARE(c.leadIds, QList<qint64>{*id});
    }

    void publishedOnceAfterTheOutermostCommit() {
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        QList<qint64> ids;
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            LeadRepository repo(*m_db);
            for (int i = 0; i < 3; ++i) {
                Lead l = lead(QStringLiteral("社%1").arg(i), QStringLiteral("x%1@a.jp").arg(i));
                auto id = repo.insert(l); // a nested transaction each (savepoints)
                QVERIFY(id.ok());
                ids << *id;
            }
            QCOMPARE(spy.size(), 0); // nothing is announced before the commit
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(spy.size(), 1);
        QCOMPARE(only(spy).leadIds, ids);
    }

    void rollbackAnnouncesNothing() {
        Lead l = lead(QStringLiteral("A社"), QStringLiteral("a@a.jp"));
        QVERIFY(LeadRepository(*m_db).insert(l).ok());
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            Lead other = lead(QStringLiteral("B社"), QStringLiteral("b@b.jp"));
            other.source = QStringLiteral("ウェビナー");
            QVERIFY(LeadRepository(*m_db).insert(other).ok());
            QVERIFY(deleteLeads(*m_db, {l.id}).ok());
            // destroyed without commit: rolled back
        }
        QCOMPARE(spy.size(), 0);
        {
            Transaction tx(*m_db);
            QVERIFY(SourceRepository(*m_db).setTier(1, Tier::Core).ok());
            tx.rollback();
        }
        QCOMPARE(spy.size(), 0);
        // The next commit does not carry what was rolled back.
        QVERIFY(SpendStore(*m_db).write({SpendWrite{1, QStringLiteral("2026-04"), 1000}}).ok());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(only(spy).kinds, DataKinds(DataKind::Spend));
        QVERIFY(only(spy).leadIds.isEmpty());
    }

    void bulkWriteIsOneChangeWithoutIds() {
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        {
            Transaction tx(*m_db);
            BulkWriter writer(*m_db, true);
            for (int i = 0; i < 2000; ++i) {
                const Lead l =
                    lead(QStringLiteral("社%1").arg(i), QStringLiteral("m%1@a.jp").arg(i));
                auto id = writer.insertLead(l, {});
                QVERIFY(id.ok());
                StageChange c;
                c.toStage = Stage::Inquiry;
                c.changedAt = l.createdAt;
                QVERIFY(writer.insertStageChange(*id, c).ok());
            }
            QVERIFY(writer.finish().ok());
            QCOMPARE(spy.size(), 0);
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(spy.size(), 1);
        const DataChange c = only(spy);
        QVERIFY(c.touches(DataKind::Leads));
        QVERIFY(c.leadIds.isEmpty()); // any lead may have changed
        QCOMPARE(m_db->changes().publishedCount(), 1);
    }

    void everyKindOfWriteIsAnnounced() {
        LeadRepository repo(*m_db);
        Lead a = lead(QStringLiteral("A社"), QStringLiteral("a@a.jp"));
        Lead b = lead(QStringLiteral("A社"), QStringLiteral("a2@a.jp"));
        QVERIFY(repo.insert(a).ok());
        QVERIFY(repo.insert(b).ok());
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        const auto last = [&spy] { return spy.constLast().at(0).value<DataChange>(); };

        // An edit.
        a.company = QStringLiteral("A商事");
        QVERIFY(repo.update(a).ok());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(last().leadIds, QList<qint64>{a.id});
        // A stage change.
        QVERIFY(repo.changeStage(a.id, Stage::Mql, SqlKind::None, QString(),
                                 QDateTime::currentDateTime())
                    .ok());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(last().leadIds, QList<qint64>{a.id});
        // A follow-up.
        FollowUp t;
        t.leadId = b.id;
        t.title = QStringLiteral("電話");
        t.dueAt = QDateTime::currentDateTime();
        QVERIFY(FollowUpRepository(*m_db).add(t).ok());
        QCOMPARE(spy.size(), 3);
        QVERIFY(last().touches(DataKind::Tasks));
        QCOMPARE(last().leadIds, QList<qint64>{b.id});
        // A merge: both leads, and the tasks that moved or went.
        auto snapshot = snapshotLead(*m_db, b.id);
        QVERIFY(snapshot.ok());
        QVERIFY(mergeLeads(*m_db, a.id, b.id).ok());
        QCOMPARE(spy.size(), 4);
        QCOMPARE(last().leadIds, (QList<qint64>{a.id, b.id}));
        QVERIFY(last().touches(DataKind::Tasks));
        // Its undo restores the other lead.
        QVERIFY(restoreLead(*m_db, *snapshot).ok());
        QCOMPARE(spy.size(), 5);
        QCOMPARE(last().leadIds, QList<qint64>{b.id});
        // A delete.
        QVERIFY(deleteLeads(*m_db, {b.id}).ok());
        QCOMPARE(spy.size(), 6);
        QCOMPARE(last().leadIds, QList<qint64>{b.id});
        // Sources: tier, alias, merge.
        SourceRepository sources(*m_db);
        const qint64 fair = sources.resolve(QStringLiteral("展示会")).value();
        QVERIFY(sources.setTier(fair, Tier::Core).ok());
        QCOMPARE(spy.size(), 7);
        QCOMPARE(last().kinds, DataKinds(DataKind::Sources));
        const qint64 web = sources.resolve(QStringLiteral("ウェブ")).value();
        QCOMPARE(spy.size(), 8);
        QVERIFY(SourceAdmin(*m_db).merge(web, fair).ok());
        QCOMPARE(spy.size(), 9);
        QVERIFY(last().touches(DataKind::Sources));
        // Spend, campaigns, rules, temperature.
        QVERIFY(SpendStore(*m_db).write({SpendWrite{fair, QStringLiteral("2026-04"), 5}}).ok());
        QCOMPARE(spy.size(), 10);
        Campaign c;
        c.name = QStringLiteral("春の展示会");
        QVERIFY(CampaignStore(*m_db).insert(c).ok());
        QCOMPARE(spy.size(), 11);
        QCOMPARE(last().kinds, DataKinds(DataKind::Campaigns));
        ScoringStore scoring(*m_db);
        QVERIFY(scoring.save(scoring.load().value()).ok());
        QCOMPARE(spy.size(), 12);
        QVERIFY(last().touches(DataKind::Rules));
        QVERIFY(scoring.setTemperatureOverride({a.id}, Temperature::Hot).ok());
        QCOMPARE(spy.size(), 13);
        QCOMPARE(last().leadIds, QList<qint64>{a.id});
        // A read announces nothing.
        QVERIFY(repo.get(a.id).ok());
        QVERIFY(sources.list().ok());
        QCOMPARE(spy.size(), 13);
    }

    void publishCarriesOutsideChanges() {
        // Team mode: another user's change enters the same feed.
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        m_db->changes().publish(DataChange{DataKind::Leads, {42}});
        m_db->changes().publish(DataChange{}); // nothing: not published
        QCOMPARE(spy.size(), 1);
        QCOMPARE(only(spy).leadIds, QList<qint64>{42});
    }

    // Another program's commit to the file (here a connection this process's storage does not
    // know, as a second window's or `mikomi import`'s would be) reaches the window's feed at the
    // next look, once; the window's own writes do not come back through the listener.
    void anotherProgramsCommitIsPublished() {
        Lead a = lead(QStringLiteral("A社"), QStringLiteral("a@a.jp"));
        QVERIFY(LeadRepository(*m_db).insert(a).ok());
        FileListener listener(*m_db, 60'000);
        QVERIFY(listener.start().ok());
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        listener.poll();
        QCOMPARE(spy.size(), 0);
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(m_dir.filePath(QStringLiteral("feed.db")));
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("UPDATE leads SET notes = 'from another program'")));
            q.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        listener.poll();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(only(spy).kinds, kAllDataKinds);
        listener.poll();
        QCOMPARE(spy.size(), 1); // once
        // The window's own write: published by its own feed, not again by the listener.
        spy.clear();
        Lead l = lead(QStringLiteral("B社"), QStringLiteral("b@b.jp"));
        QVERIFY(LeadRepository(*m_db).insert(l).ok());
        QCOMPARE(spy.size(), 1);
        listener.poll();
        listener.poll();
        QCOMPARE(spy.size(), 1);
    }

    // This process's other connections (the import worker, the search indexer) tell their own
    // news; the listener re-reads once after they stopped, never once per commit.
    void thisProcessesOtherConnectionsAreReadOnceIdle() {
        FileListener listener(*m_db, 60'000);
        QVERIFY(listener.start().ok());
        QSignalSpy spy(&m_db->changes(), &ChangeFeed::changed);
        auto worker = Database::open(m_dir.filePath(QStringLiteral("feed.db")));
        QVERIFY(worker.ok());
        for (int i = 0; i < 3; ++i) {
            Lead w = lead(QStringLiteral("W%1社").arg(i), QStringLiteral("w%1@w.jp").arg(i));
            QVERIFY(LeadRepository(**worker).insert(w).ok());
            listener.poll(); // the worker is writing: not yet
            QCOMPARE(spy.size(), 0);
        }
        listener.poll(); // it stopped: one re-read
        QCOMPARE(spy.size(), 1);
        listener.poll();
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
