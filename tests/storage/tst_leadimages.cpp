// The business-card images kept with a lead (lead_images, migration_v14.cpp; issue 16).
#include "models/storage/database.h"
#include "models/storage/leadimages.h"
#include "models/storage/repositories.h"
#include "models/storage/schema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

class TestLeadImages final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static qint64 addLead(Database &db) {
        Lead l;
        l.company = QStringLiteral("株式会社ミコミ精機");
        l.familyName = QStringLiteral("山田");
        l.createdAt = QDateTime::currentDateTime();
        l.updatedAt = l.createdAt;
        auto id = LeadRepository(db).insert(l);
        return id ? *id : 0;
    }

private slots:
    void keptAndDeletedWithTheLead() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("a.mikomi")));
        QVERIFY(db.ok());
        const qint64 id = addLead(**db);
        QVERIFY(id > 0);
        LeadImageStore store(**db);
        QCOMPARE(store.count(id).value(), 0);
        const QByteArray back("back-bytes"), front("front-bytes");
        QVERIFY(store.add(id, QStringLiteral("back"), back, QStringLiteral("jpeg")).ok());
        QVERIFY(store.add(id, QStringLiteral("front"), front, QStringLiteral("jpeg")).ok());
        // A side that is neither, and no bytes: refused with a reason.
        QVERIFY(!store.add(id, QStringLiteral("left"), front, QStringLiteral("jpeg")).ok());
        QVERIFY(!store.add(id, QStringLiteral("front"), {}, QStringLiteral("jpeg")).ok());
        const auto images = store.list(id);
        QVERIFY(images.ok());
        QCOMPARE(images->size(), 2);
        QCOMPARE(images->at(0).side, QStringLiteral("front")); // front first
        QCOMPARE(images->at(0).data, front);
        QCOMPARE(images->at(1).data, back);
        QVERIFY(images->at(0).createdAt.isValid());
        QCOMPARE(store.count(id).value(), 2);
        // Deleting the lead deletes its images.
        QVERIFY(LeadRepository(**db).remove(id).ok());
        QCOMPARE(store.count(id).value(), 0);
    }

    void removeOne() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("r.mikomi")));
        QVERIFY(db.ok());
        const qint64 id = addLead(**db);
        LeadImageStore store(**db);
        const qint64 front =
            store.add(id, QStringLiteral("front"), QByteArray("f"), QStringLiteral("jpeg")).value();
        QVERIFY(
            store.add(id, QStringLiteral("back"), QByteArray("b"), QStringLiteral("jpeg")).ok());
        QVERIFY(store.remove(front).ok());
        const auto left = store.list(id);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().side, QStringLiteral("back"));
        // Gone already: said so, not silently ignored.
        const Status again = store.remove(front);
        QVERIFY(!again.ok());
        QVERIFY(again.error().contains(QStringLiteral("no longer exists")));
    }

    void migratesAVersion13File() {
        const QString path = m_dir.filePath(QStringLiteral("v13.mikomi"));
        {
            OpenOptions o;
            o.targetVersion = 13;
            auto old = Database::open(path, o);
            QVERIFY(old.ok());
            QCOMPARE((*old)->schemaVersion(), 13);
            QVERIFY(addLead(**old) > 0);
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        QVERIFY(currentSchemaVersion() >= 14);
        QVERIFY(LeadImageStore(**db)
                    .add(1, QStringLiteral("front"), QByteArray("x"), QStringLiteral("png"))
                    .ok());
        QCOMPARE(LeadRepository(**db).count().value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLeadImages)
#include "tst_leadimages.moc"
