// File > Connect to Team Server… (ui/serverdialog.h, docs/team.md): the address it makes, what
// it is filled with, and that a server is remembered without its password. Screenshots in
// Japanese and English go to $MIKOMI_SHOTS.

#include "models/appsettings.h"
#include "models/language.h"
#include "ui/serverdialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;

class TestServerDialog final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MikomiTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ServerDialog"));
        for (const char *v : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER"})
            qunsetenv(v);
        qputenv("USER", "hanako");
    }

    void urlIsEncoded() {
        QCOMPARE(ui::ServerDialog::url(QStringLiteral("crm.example"), 5433, QStringLiteral("営業"),
                                       QStringLiteral("taro yamada")),
                 QStringLiteral("postgresql://taro%20yamada@crm.example:5433/"
                                "%E5%96%B6%E6%A5%AD"));
    }

    void filledFromDefaultsAndARecentServer() {
        ui::ServerDialog fresh{QString()};
        QCOMPARE(fresh.host()->text(), QStringLiteral("localhost"));
        QCOMPARE(fresh.port()->value(), 5432);
        QCOMPARE(fresh.database()->text(), QStringLiteral("mikomi"));
        QCOMPARE(fresh.user()->text(), QStringLiteral("hanako"));
        QCOMPARE(fresh.url(), QStringLiteral("postgresql://hanako@localhost:5432/mikomi"));
        ui::ServerDialog recent(QStringLiteral("postgresql://taro@db.example:6543/team"));
        QCOMPARE(recent.url(), QStringLiteral("postgresql://taro@db.example:6543/team"));
        // Nothing to connect to without a server, a database and a user.
        auto *ok = recent.findChild<QPushButton *>(QStringLiteral("connect"));
        QVERIFY(ok);
        QVERIFY(ok->isEnabled());
        recent.host()->clear();
        QVERIFY(!ok->isEnabled());
        recent.host()->setText(QStringLiteral("db.example"));
        recent.user()->setText(QStringLiteral("  "));
        QVERIFY(!ok->isEnabled());
    }

    void rememberedWithoutThePassword() {
        AppSettings().addRecentDatabase(
            QStringLiteral("postgresql://taro:secret@db.example:6543/team"));
        const QStringList recent = AppSettings().recentDatabases();
        QCOMPARE(recent.first(), QStringLiteral("postgresql://taro@db.example:6543/team"));
        QVERIFY(!recent.join(u' ').contains(QLatin1String("secret")));
    }

    void looksRight_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void looksRight() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        ui::ServerDialog d(QStringLiteral("postgresql://hanako@crm.example:5432/mikomi"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // Every label fits: the dialog is at least as wide as its layout wants.
        QVERIFY(d.width() >= d.minimumSizeHint().width());
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (!dir.isEmpty())
            QVERIFY(d.grab().save(QStringLiteral("%1/serverdialog_%2.png").arg(dir, lang)));
    }
};

QTEST_MAIN(TestServerDialog)
#include "tst_serverdialog.moc"
