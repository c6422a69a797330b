// A source name that cannot be looked up because the database fails is shown as an error, never
// taken for a source nobody has (SourceRepository::canonicalName tells the two apart).
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/touchpointdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mikomi;
using namespace mikomi::storage;

class TestSourceLookup final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    // The aliases' table gone: every lookup of a name fails from now on.
    void breakLookups() {
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE source_aliases RENAME TO aliases_gone")),
                 qPrintable(q.lastError().text()));
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("s.mikomi")));
        auto db = Database::open(m_dir.filePath(QStringLiteral("s.mikomi")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        m_db = std::move(db).value();
        SourceRepository sources(*m_db);
        auto google = sources.resolve(QStringLiteral("Google"));
        QVERIFY(google.ok());
        QVERIFY(sources.addAlias(QStringLiteral("adwords"), *google).ok());
    }
    void cleanup() { m_db.reset(); }

    void unknownIsNotAnError() {
        SourceRepository sources(*m_db);
        auto known = sources.canonicalName(QStringLiteral("ＡＤＷＯＲＤＳ"));
        QVERIFY(known.ok());
        QCOMPARE(*known, std::optional<QString>(QStringLiteral("Google")));
        auto unknown = sources.canonicalName(QStringLiteral("Facebook"));
        QVERIFY(unknown.ok());
        QCOMPARE(*unknown, std::optional<QString>());
        breakLookups();
        auto failed = sources.canonicalName(QStringLiteral("Facebook"));
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().contains(QStringLiteral("source_aliases")));
    }

    void touchpointUrlSaysTheLookupFailed() {
        ui::TouchpointDialog d(*m_db, 0);
        auto *status = d.findChild<QLabel *>(QStringLiteral("urlStatus"));
        QVERIFY(status);
        auto *source = d.findChild<QComboBox *>();
        QVERIFY(source);
        QVERIFY(d.readUrl(QStringLiteral("https://example.jp/?utm_source=adwords&utm_medium=cpc")));
        QCOMPARE(source->currentText(), QStringLiteral("Google"));
        QCOMPARE(status->text(), QStringLiteral("Read from the URL."));
        breakLookups();
        QVERIFY(d.readUrl(QStringLiteral("https://example.jp/?utm_source=bing&utm_medium=cpc")));
        QCOMPARE(source->currentText(), QStringLiteral("bing")); // as written, and said so:
        QVERIFY2(status->text().contains(QStringLiteral("could not be looked up")),
                 qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("source_aliases")),
                 qPrintable(status->text()));
    }

    void cardModeSaysTheLookupFailed() {
        ui::CardEntryDialog d(*m_db, nullptr);
        d.setSource(QStringLiteral("adwords"));
        QCOMPARE(d.source(), QStringLiteral("Google"));
        QVERIFY(d.statusText().isEmpty());
        breakLookups();
        d.setSource(QStringLiteral("Tokyo Expo"));
        QCOMPARE(d.source(), QStringLiteral("Google")); // the event stays as it was
        QVERIFY2(d.statusText().contains(QStringLiteral("source_aliases")),
                 qPrintable(d.statusText()));
    }
};

QTEST_MAIN(TestSourceLookup)
#include "tst_sourcelookup.moc"
