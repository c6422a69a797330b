#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "ui/mainwindow.h"
#include "ui/page.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;

// Opens the main window on a small demo database in each language, switches language at
// runtime, and saves screenshots when MIKOMI_SHOTS names a folder.
class TestMainWindow final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

    static void shoot(QWidget &w, const QString &name) {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

    static QString navText(ui::MainWindow &w, int row) {
        return w.findChild<QListWidget *>(QStringLiteral("navigation"))->item(row)->text();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location
        m_path = m_dir.filePath(QStringLiteral("gui.mikomi"));
        auto db = storage::Database::open(m_path);
        QVERIFY(db.ok());
        auto n = services::writeDemo(**db, 300, 7, QDate(2026, 11, 1));
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error()));
        QCOMPARE(*n, 300);
    }

    void opensInBothLanguagesAndSwitchesAtRuntime() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(m_path).ok());
        w.resize(1200, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QCOMPARE(navText(w, 0), QStringLiteral("Leads"));
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        auto *count = w.findChild<QLabel *>(QStringLiteral("leadCount"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("300 leads"));
        QCOMPARE(w.pages().size(), 7);
        shoot(w, QStringLiteral("mainwindow_en"));

        // Switch to Japanese without re-creating the window.
        QVERIFY(language.apply(QStringLiteral("ja")));
        QCoreApplication::processEvents();
        QCOMPARE(navText(w, 0), QStringLiteral("リード"));
        QVERIFY(w.menuBar()->actions().first()->text().startsWith(QStringLiteral("ファイル")));
        QVERIFY2(count->text().contains(QStringLiteral("300")), qPrintable(count->text()));
        QVERIFY2(count->text() != QStringLiteral("300 leads"), qPrintable(count->text()));
        // Settings > Scoring rules and response-time/assignment rules, translated.
        QMenu *settings = w.menuBar()->actions().at(2)->menu();
        QVERIFY(settings);
        QStringList settingTexts;
        for (QAction *a : settings->actions())
            settingTexts << a->text();
        QVERIFY2(settingTexts.join(u'|').contains(QStringLiteral("スコアリング")),
                 qPrintable(settingTexts.join(u'|')));
        QVERIFY2(settingTexts.join(u'|').contains(QStringLiteral("担当割り当て")),
                 qPrintable(settingTexts.join(u'|')));
        settings->adjustSize();
        shoot(*settings, QStringLiteral("settings_menu_ja"));
        // Qt's own strings (standard buttons, dialogs) come from qtbase_ja.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("キャンセル"));
        for (int i = 0; i < w.pages().size(); ++i) {
            w.showPage(i);
            QCoreApplication::processEvents();
            QTRY_VERIFY(!w.pages().at(i)->loading()); // read in the background
            shoot(w, QStringLiteral("mainwindow_ja_%1").arg(i));
        }

        // And back.
        QVERIFY(language.apply(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(navText(w, 0), QStringLiteral("Leads"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        settings->adjustSize();
        shoot(*settings, QStringLiteral("settings_menu_en"));
        for (int i = 0; i < w.pages().size(); ++i) {
            w.showPage(i);
            QCoreApplication::processEvents();
            QTRY_VERIFY(!w.pages().at(i)->loading()); // read in the background
            shoot(w, QStringLiteral("mainwindow_en_%1").arg(i));
        }
    }

    void refusesUnknownLanguage() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        QVERIFY(!language.apply(QStringLiteral("fr")));
        QCOMPARE(language.language(), QStringLiteral("en"));
    }

    void badDatabaseKeepsCurrentOne() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(m_path).ok());
        const QString junk = m_dir.filePath(QStringLiteral("junk.mikomi"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database");
        f.close();
        const Status s = w.openDatabase(junk);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("not a Mikomi database")),
                 qPrintable(s.error()));
        QVERIFY(w.database());
        QCOMPARE(w.database()->path(), m_path);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
