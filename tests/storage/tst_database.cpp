#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/rowuuid.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

QByteArray fileHash(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A lead written into a file of an older schema version, where today's LeadRepository (which
// writes every current column) cannot be used. Returns its id, 0 on failure.
qint64 insertOldLead(const Database &db, const QString &company, const QString &familyName) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.prepare(QStringLiteral("INSERT INTO leads(company, family_name, created_at, updated_at) "
                             "VALUES (?, ?, '2026-04-01T09:00:00+09:00', "
                             "'2026-04-01T09:00:00+09:00')"));
    q.addBindValue(company);
    q.addBindValue(familyName);
    if (!q.exec()) {
        qWarning("%s", qPrintable(q.lastError().text()));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

} // namespace

class TestDatabase final : public QObject {
    Q_OBJECT
private slots:
    void createsFreshDatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/new.mikomi"));
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        QVERIFY((*db)->backupPath().isEmpty()); // nothing to back up
        QVERIFY((*db)->integrityOk());
        LeadRepository leads(**db);
        QCOMPARE(*leads.count(), 0);
    }

    // The rows without a UUID (what `mikomi merge` asks every table for first) are found
    // through an index of those rows alone (schema 19), not by reading the table.
    void rowsWithoutUuidAreFoundThroughAnIndex() {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("uuid.mikomi")));
        QVERIFY(db.ok());
        for (const QString &table : uuidTables()) {
            QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
            QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM %1 WHERE uuid = '' "
                                          "ORDER BY id")
                               .arg(table)));
            QStringList plan;
            while (q.next())
                plan << q.value(3).toString();
            QVERIFY2(plan.join(u' ').contains(table + QStringLiteral("_uuid_missing")),
                     qPrintable(table + QStringLiteral(": ") + plan.join(u' ')));
        }
    }

    // Every older version migrates forward to the current one, keeping its data.
    void migratesFromEveryOlderVersion() {
        for (int v = 1; v < currentSchemaVersion(); ++v) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("old.mikomi"));
            {
                OpenOptions old;
                old.targetVersion = v;
                auto db = Database::open(path, old);
                QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
                QCOMPARE((*db)->schemaVersion(), v);
                QVERIFY(insertOldLead(**db, QStringLiteral("株式会社サンプル"),
                                      QStringLiteral("山田")) > 0);
            }
            auto db = Database::open(path);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
            QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
            QVERIFY(QFile::exists((*db)->backupPath()));
            QVERIFY((*db)->integrityOk());
            LeadRepository leads(**db);
            QCOMPARE(*leads.count(), 1);
        }
    }

    // Version 6 fills leads.last_activity_at from the activities already there.
    void migrationFillsLastActivity() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.mikomi"));
        qint64 with = 0, without = 0;
        {
            OpenOptions old;
            old.targetVersion = 5;
            auto db = Database::open(path, old);
            QVERIFY(db.ok());
            with = insertOldLead(**db, QStringLiteral(""), QStringLiteral("山田"));
            QVERIFY(with > 0);
            without = insertOldLead(**db, QStringLiteral(""), QStringLiteral("佐藤"));
            QVERIFY(without > 0);
            // Plain SQL, as for the leads: the repository writes columns of later versions.
            for (int day : {3, 9, 5}) {
                QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
                q.prepare(QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at) "
                                         "VALUES (?, 'call', ?)"));
                q.addBindValue(with);
                q.addBindValue(
                    QStringLiteral("2026-04-%1T09:00:00+09:00").arg(day, 2, 10, QLatin1Char('0')));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT id, last_activity_at FROM leads ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), with);
        QCOMPARE(q.value(1).toString(), QStringLiteral("2026-04-09T09:00:00+09:00"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), without);
        QVERIFY(q.value(1).isNull());
    }

    // A bulk transaction uses the rollback journal when it has the file to itself, WAL comes
    // back afterwards, and a rollback in that mode leaves the data as it was.
    void bulkJournalSwitchesOnlyWhenAlone() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bulk.mikomi"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        const auto mode = [&]() {
            QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
            return q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next() ? q.value(0).toString()
                                                                             : QString();
        };
        QCOMPARE(mode(), QStringLiteral("wal"));
        LeadRepository leads(**db);
        {
            BulkJournal journal(**db);
            QVERIFY(journal.active());
            QCOMPARE(mode(), QStringLiteral("delete"));
            Transaction tx(**db);
            Lead l;
            l.familyName = QStringLiteral("山田");
            QVERIFY(leads.insert(l).ok());
            // Another program opening the file meanwhile is not refused for the journal mode.
            auto reader = Database::open(path);
            QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error()));
            QCOMPARE(LeadRepository(**reader).count().value(), 0);
            // destroyed without commit: rolled back
        }
        QCOMPARE(mode(), QStringLiteral("wal"));
        QCOMPARE(leads.count().value(), 0);
        {
            auto other = Database::open(path); // a second connection (the search indexer's)
            QVERIFY(other.ok());
            BulkJournal journal(**db);
            QVERIFY(!journal.active());
            QCOMPARE(mode(), QStringLiteral("wal"));
        }
        {
            Transaction tx(**db);
            BulkJournal journal(**db); // inside a transaction: no change
            QVERIFY(!journal.active());
        }
        QCOMPARE(mode(), QStringLiteral("wal"));
        QVERIFY((*db)->integrityOk());
    }

    void failedMigrationLeavesFileByteIdentical() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.mikomi"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            LeadRepository leads(**db);
            Lead l;
            l.familyName = QStringLiteral("佐藤");
            QVERIFY(leads.insert(l).ok());
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        std::vector<Migration> broken = builtinMigrations();
        broken.push_back(Migration{currentSchemaVersion() + 1,
                                   {QStringLiteral("CREATE TABLE will_vanish (x INTEGER)"),
                                    QStringLiteral("ALTER TABLE leads ADD COLUMN extra TEXT"),
                                    QStringLiteral("THIS IS NOT SQL")}});
        OpenOptions opts;
        opts.migrations = &broken;
        auto db = Database::open(path, opts);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QString::number(currentSchemaVersion() + 1)),
                 qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);

        // And it still opens normally afterwards, data intact.
        auto again = Database::open(path);
        QVERIFY(again.ok());
        QCOMPARE(*LeadRepository(**again).count(), 1);
    }

    void refusesNewerSchema() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.mikomi"));
        std::vector<Migration> future = builtinMigrations();
        future.push_back(Migration{currentSchemaVersion() + 1,
                                   {QStringLiteral("CREATE TABLE from_the_future (x)")}});
        {
            OpenOptions opts;
            opts.migrations = &future;
            QVERIFY(Database::open(path, opts).ok());
        }
        const QByteArray before = fileHash(path);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("newer version")), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
    }

    void refusesFileThatIsNotADatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,email\nTaro,taro@example.com\n");
        f.close();
        const QByteArray before = fileHash(path);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("not a Mikomi database")),
                 qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
    }

    void reportsDamagedDatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.mikomi"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            LeadRepository leads(**db);
            for (int i = 0; i < 50; ++i) {
                Lead l;
                l.company = QStringLiteral("Company %1").arg(i);
                QVERIFY(leads.insert(l).ok());
            }
        }
        // Keep the SQLite header but overwrite the schema page and beyond with garbage.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write(QByteArray(8192, '\xA5'));
        f.close();
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        auto db = Database::open(path);
        QVERIFY(!db.ok()); // a clear error, not a crash
        QVERIFY(!db.error().isEmpty());
    }

    void nestedTransactionsRollBackInner() {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("tx.mikomi")));
        QVERIFY(db.ok());
        LeadRepository leads(**db);
        {
            Transaction outer(**db);
            QVERIFY(outer.started());
            Lead a;
            a.company = QStringLiteral("A");
            QVERIFY(leads.insert(a).ok());
            {
                Transaction inner(**db);
                Lead b;
                b.company = QStringLiteral("B");
                QVERIFY(leads.insert(b).ok());
                // inner destroyed without commit: B is rolled back
            }
            QVERIFY(outer.commit().ok());
        }
        QCOMPARE(*leads.count(), 1);
        {
            Transaction outer(**db);
            Lead c;
            c.company = QStringLiteral("C");
            QVERIFY(leads.insert(c).ok());
        } // rolled back
        QCOMPARE(*leads.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
