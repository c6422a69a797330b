// The window on a team server (docs/team.md): a throwaway PostgreSQL (tests/storage/pgserver.h)
// filled by the demo writer, opened like a file; every page reads and shows its data in both
// languages without an error; the status bar says who is signed in; Settings has the Server
// login column. Skipped only when PostgreSQL is not installed. Screenshots go to
// $MIKOMI_SHOTS.

#include "models/appsettings.h"
#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/leadquery.h"
#include "models/storage/repositories.h"
#include "models/storage/rowsecurity.h"
#include "models/storage/serverlogin.h"
#include "models/storage/serversearch.h"
#include "tests/storage/pgserver.h"
#include "tests/support/testshard.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"
#include "ui/page.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace mikomi;

class TestServerWindow final : public QObject {
    Q_OBJECT
private:
    pgtest::Server m_server;
    QString m_url;

    static void shoot(QWidget &w, const QString &name) {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        if (pgtest::Server::binDir().isEmpty())
            QSKIP("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install "
                  "postgresql libqt6sql6-psql");
        QVERIFY2(m_server.start(), qPrintable(m_server.reason()));
        m_url = m_server.createMigratedDatabase();
        QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.reason()));
        auto db = storage::Database::open(m_url);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        auto n = services::writeDemo(**db, 400, 7, QDate(2026, 11, 1));
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error()));
        QCOMPARE(*n, 400);
    }
    void cleanupTestCase() { m_server.stop(); }

    void everyPageReadsFromTheServer_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void everyPageReadsFromTheServer() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang == QLatin1String("ja") ? QStringLiteral("en")
                                                           : QStringLiteral("ja")));
        ui::MainWindow w(&language);
        auto opened = w.openDatabase(m_url);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(language.apply(lang)); // switched at runtime
        w.resize(1024, 700);
        QCoreApplication::processEvents();
        // Who is signed in: the role (no user set for it), in the status bar.
        QCOMPARE(AppSettings::databaseUser(), QString::fromLatin1(pgtest::Server::kUser));
        bool said = false;
        for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
            said = said || l->text().contains(QString::fromLatin1(pgtest::Server::kUser));
        QVERIFY(said);
        for (int i = 0; i < w.pages().size(); ++i) {
            w.showPage(i);
            QCoreApplication::processEvents();
            QTRY_VERIFY_WITH_TIMEOUT(!w.pages().at(i)->loading(), 10000);
            QCoreApplication::processEvents();
            shoot(w, QStringLiteral("server_%1_%2").arg(lang).arg(i));
        }
        const QStringList shown = ui::MessageBox::takeShown();
        QVERIFY2(shown.isEmpty(), qPrintable(shown.join(u'\n')));
        // Settings: the users and the role that signs in as each (a column on a server only).
        auto db = storage::Database::open(m_url);
        QVERIFY(db.ok());
        ui::SettingsDialog settings(&language, db->get(), &w);
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        auto *users = settings.findChild<QTableWidget *>(QStringLiteral("users"));
        QVERIFY(users);
        QCOMPARE(users->columnCount(), 4); // user, email, server login, manager
        QVERIFY(users->rowCount() > 0);
        shoot(settings, QStringLiteral("server_settings_%1").arg(lang));
    }

    // Row-level security (docs/team.md): the owner turns it on in Settings; a rep's window then
    // shows only the rep's leads, a manager's every lead; both in Japanese and English.
    void repAndManagerWindows_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void repAndManagerWindows() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        const QString name = m_url.section(QLatin1Char('/'), -1);
        const QString rep = QStringLiteral("rep_%1").arg(lang);
        const QString boss = QStringLiteral("boss_%1").arg(lang);
        for (const QString &role : {rep, boss}) {
            QVERIFY2(m_server.admin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                                        .arg(role, QString::fromLatin1(pgtest::Server::kPassword))),
                     qPrintable(m_server.reason()));
            QVERIFY2(m_server.admin(QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL "
                                                   "TABLES IN SCHEMA public TO %1; GRANT USAGE, "
                                                   "SELECT ON ALL SEQUENCES IN SCHEMA public TO %1")
                                        .arg(role),
                                    name),
                     qPrintable(m_server.reason()));
        }
        auto admin = storage::Database::open(m_url);
        QVERIFY(admin.ok());
        auto users = storage::UserRepository(**admin).list();
        QVERIFY(users.ok() && !users->isEmpty());
        const QString repUser = users->first().name;
        QVERIFY(storage::setServerLogin(**admin, rep, repUser));
        QVERIFY(storage::setTeamManager(**admin, boss, true));
        const qint64 all = *storage::LeadQuery(**admin).count({});
        {
            // The owner (the test's superuser) turns it on in Settings.
            ui::SettingsDialog settings(&language, admin->get());
            settings.show();
            QVERIFY(QTest::qWaitForWindowExposed(&settings));
            auto *box = settings.findChild<QCheckBox *>(QStringLiteral("rowSecurity"));
            QVERIFY(box);
            QVERIFY(box->isEnabled());
            box->setChecked(true);
            shoot(settings, QStringLiteral("rls_settings_owner_%1").arg(lang));
            settings.accept();
        }
        QVERIFY(storage::rowSecurity(**admin)->on);
        for (const QString &role : {rep, boss}) {
            QString url = m_url;
            url.replace(QString::fromLatin1(pgtest::Server::kUser) + QLatin1Char('@'),
                        role + QLatin1Char('@'));
            auto db = storage::Database::open(url);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
            const qint64 seen = *storage::LeadQuery(**db).count({});
            if (role == rep) {
                storage::LeadFilter mine;
                mine.ownerId = *storage::UserRepository(**admin).resolve(repUser);
                QCOMPARE(seen, *storage::LeadQuery(**admin).count(mine));
                QVERIFY(seen < all);
            } else {
                QCOMPARE(seen, all);
            }
            ui::MainWindow w(&language);
            auto opened = w.openDatabase(url);
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1024, 700);
            for (int i : {0, 3}) { // the Leads list and the Dashboard
                w.showPage(i);
                QCoreApplication::processEvents();
                QTRY_VERIFY_WITH_TIMEOUT(!w.pages().at(i)->loading(), 10000);
                QCoreApplication::processEvents();
                shoot(w, QStringLiteral("rls_%1_%2_%3").arg(role.section(u'_', 0, 0), lang).arg(i));
            }
            ui::SettingsDialog settings(&language, db->get(), &w);
            settings.show();
            QVERIFY(QTest::qWaitForWindowExposed(&settings));
            auto *box = settings.findChild<QCheckBox *>(QStringLiteral("rowSecurity"));
            QVERIFY(box && box->isChecked() && !box->isEnabled());
            shoot(settings,
                  QStringLiteral("rls_settings_%1_%2").arg(role.section(u'_', 0, 0), lang));
            const QStringList shown = ui::MessageBox::takeShown();
            QVERIFY2(shown.isEmpty(), qPrintable(shown.join(u'\n')));
        }
        QVERIFY(storage::setRowSecurity(**admin, false));
    }

    // A server database whose role may not create pg_trgm (storage/serversearch.h): it opens,
    // and the window says once what an administrator should run.
    void slowSearchIsSaidOnce_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void slowSearchIsSaidOnce() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        const QString url = m_server.createDatabase();
        const QString name = url.section(QLatin1Char('/'), -1);
        const QString role = QStringLiteral("noext_%1").arg(lang);
        QVERIFY2(m_server.admin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                                    .arg(role, QString::fromLatin1(pgtest::Server::kPassword))),
                 qPrintable(m_server.reason()));
        QVERIFY2(m_server.admin(
                     QStringLiteral("GRANT CREATE, USAGE ON SCHEMA public TO %1").arg(role), name),
                 qPrintable(m_server.reason()));
        QString roleUrl = url;
        roleUrl.replace(QString::fromLatin1(pgtest::Server::kUser) + QLatin1Char('@'),
                        role + QLatin1Char('@'));
        ui::MessageBox::clear();
        ui::MainWindow w(&language);
        w.show();
        w.resize(1024, 700);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        bool seen = false;
        QTimer::singleShot(300, &w, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            seen = true;
            shoot(*box, QStringLiteral("slowsearch_%1").arg(lang));
            box->accept();
        });
        auto opened = w.openDatabase(roleUrl);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
        QVERIFY(seen);
        QStringList shown = ui::MessageBox::takeShown();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().contains(QLatin1String("CREATE EXTENSION IF NOT EXISTS pg_trgm;")),
                 qPrintable(shown.first()));
        // Once: opening it again says nothing.
        QVERIFY(w.openDatabase(roleUrl).ok());
        QVERIFY(ui::MessageBox::takeShown().isEmpty());
    }
};

MIKOMI_TEST_MAIN(TestServerWindow) // run as shares (CMakeLists.txt: SHARDS)
#include "tst_serverwindow.moc"
