// The log file (models/applog.h): messages of every category land in the app data folder's
// mikomi.log with time, level and category; the file is rotated at its size limit, one older
// file kept, so it never grows without bound.
#include "models/applog.h"
#include "models/domain/log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace mikomi;

class TestAppLog final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QDir(applog::folder()).removeRecursively();
        QVERIFY(applog::install(4096));
        QVERIFY(!QDir(applog::folder()).exists()); // nothing written yet: no folder
    }

    void messagesAreWrittenWithCategoryAndLevel() {
        qCWarning(log::storage, "PRAGMA foreign_keys was refused: %s", "test reason");
        qCInfo(log::import, "imported %d rows", 12);
        qCDebug(log::ui, "not shown: debug is off by default");
        QFile f(applog::filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(QStringLiteral(
                     "warning mikomi.storage: PRAGMA foreign_keys was refused: test reason")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("info mikomi.import: imported 12 rows")));
        QVERIFY(!text.contains(QStringLiteral("not shown")));
    }

    void theFileIsRotatedAtItsLimit() {
        for (int i = 0; i < 200; ++i)
            qCWarning(log::storage, "line %d of a long run of warnings", i);
        QVERIFY(QFile::exists(applog::filePath() + QStringLiteral(".1")));
        QVERIFY(QFileInfo(applog::filePath()).size() <= 4096);
        QVERIFY(QFileInfo(applog::filePath() + QStringLiteral(".1")).size() <= 4096);
        QFile f(applog::filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("line 199 of a long run"));
    }

    void cleanupTestCase() { QDir(applog::folder()).removeRecursively(); }
};

QTEST_GUILESS_MAIN(TestAppLog)
#include "tst_applog.moc"
