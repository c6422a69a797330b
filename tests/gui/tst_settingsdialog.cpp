// Preferences: the currency is the open database's; a database with amounts cannot switch it
// (the box is disabled and says why). The database's country (the region of phone numbers
// without a country code) is set there too, and the users' email addresses. Screenshots in Japanese
// and English go to $MIKOMI_SHOTS.

#include "models/appsettings.h"
#include "models/language.h"
#include "models/storage/countrystore.h"
#include "models/storage/currencystore.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/messagebox.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;

namespace {

void shot(QWidget *w, const QString &name, const QString &lang) {
    const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(QStringLiteral("%1/%2_%3.png").arg(dir, name, lang)));
}

} // namespace

class TestSettingsDialog final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        // The user's settings of this test, not of the person running it.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MikomiTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SettingsDialog"));
    }
    void cleanup() { AppSettings::setDatabaseCurrency(std::nullopt); }

    void lockedWhenTheDatabaseHoldsAmounts_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void lockedWhenTheDatabaseHoldsAmounts() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        auto db = storage::Database::open(m_dir.filePath(lang + QStringLiteral(".mikomi"))).value();
        QCOMPARE(storage::adoptCurrency(*db, Currency::JPY).value(), Currency::JPY);
        AppSettings::setDatabaseCurrency(Currency::JPY);
        Lead l;
        l.company = QStringLiteral("ACME");
        l.dealValue = 1500000;
        QVERIFY(storage::LeadRepository(*db).insert(l).ok());
        ui::SettingsDialog dialog(&language, db.get());
        dialog.show();
        auto *box = dialog.findChildren<QComboBox *>().at(1);
        QVERIFY(!box->isEnabled());
        bool explained = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            explained =
                explained || label->text().contains(lang == QLatin1String("ja")
                                                        ? QStringLiteral("変更できません")
                                                        : QStringLiteral("cannot be changed"));
        QVERIFY(explained);
        shot(&dialog, QStringLiteral("settings_currency_locked"), lang);
    }

    void setsTheDatabasesCountry_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void setsTheDatabasesCountry() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        auto db =
            storage::Database::open(m_dir.filePath(QStringLiteral("country_") + lang)).value();
        QCOMPARE(storage::adoptCurrency(*db, Currency::JPY).value(), Currency::JPY);
        AppSettings::setDatabaseCurrency(Currency::JPY);
        QCOMPARE(storage::phoneRegion(*db).value(), QStringLiteral("JP")); // from the currency
        ui::SettingsDialog dialog(&language, db.get());
        dialog.show();
        auto *box = dialog.findChild<QComboBox *>(QStringLiteral("country"));
        QVERIFY(box);
        QCOMPARE(box->currentData().toString(), QStringLiteral("JP"));
        QVERIFY2(box->currentText().contains(lang == QLatin1String("ja") ? QStringLiteral("日本")
                                                                         : QStringLiteral("Japan")),
                 qPrintable(box->currentText()));
        box->setCurrentIndex(box->findData(QStringLiteral("US")));
        shot(&dialog, QStringLiteral("settings_country"), lang);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(storage::phoneRegion(*db).value(), QStringLiteral("US"));
        QCOMPARE(storage::storedCountry(*db).value(), std::optional<QString>(QStringLiteral("US")));
    }
    // Issue 12: the users (owners) with their email addresses, set here; an import whose owner
    // column holds an address assigns the user who has it (tst_owneremails).
    void setsTheUsersEmailAddresses_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void setsTheUsersEmailAddresses() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("users_") + lang)).value();
        storage::UserRepository users(*db);
        QVERIFY(users.resolve(QStringLiteral("佐藤 花")));
        const qint64 ken = users.resolve(QStringLiteral("Ken Ito")).value();
        QVERIFY(users.setEmail(ken, QStringLiteral("ken@mikomi-demo.example")));
        ui::SettingsDialog dialog(&language, db.get());
        dialog.show();
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("users"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), lang == QLatin1String("ja")
                                                             ? QStringLiteral("メールアドレス")
                                                             : QStringLiteral("Email address"));
        int hana = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == QStringLiteral("佐藤 花"))
                hana = r;
            else
                QCOMPARE(table->item(r, 1)->text(), QStringLiteral("ken@mikomi-demo.example"));
        }
        QVERIFY(hana >= 0);
        QVERIFY(!(table->item(hana, 0)->flags() & Qt::ItemIsEditable)); // the name is not
        table->item(hana, 1)->setText(QStringLiteral("Hana.Sato@Mikomi-Demo.example"));
        shot(&dialog, QStringLiteral("settings_users"), lang);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(users.nameForEmail(QStringLiteral("hana.sato@mikomi-demo.example")).value(),
                 QStringLiteral("佐藤 花"));
        QCOMPARE(users.nameForEmail(QStringLiteral("ken@mikomi-demo.example")).value(),
                 QStringLiteral("Ken Ito"));
    }

    // An address another user has is refused with a message naming that user; the dialog stays
    // open and nothing changes.
    void refusesAnAddressAnotherUserHas() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("users_dup"))).value();
        storage::UserRepository users(*db);
        const qint64 ken = users.resolve(QStringLiteral("Ken Ito")).value();
        QVERIFY(users.setEmail(ken, QStringLiteral("ken@mikomi-demo.example")));
        QVERIFY(users.resolve(QStringLiteral("Mia Cole")));
        ui::SettingsDialog dialog(&language, db.get());
        dialog.show();
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("users"));
        QVERIFY(table);
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == QStringLiteral("Mia Cole"))
                table->item(r, 1)->setText(QStringLiteral("KEN@mikomi-demo.example"));
        ui::MessageBox::clear();
        ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        dialog.accept();
        const QStringList shown = ui::MessageBox::takeShown();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().contains(QStringLiteral("Ken Ito")), qPrintable(shown.first()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(users.nameForEmail(QStringLiteral("ken@mikomi-demo.example")).value(),
                 QStringLiteral("Ken Ito"));
    }

    void noCountryWithoutADatabase() {
        LanguageManager language;
        ui::SettingsDialog dialog(&language);
        QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("country")));
    }

    void changesAnEmptyDatabasesCurrency() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("empty.mikomi"))).value();
        QCOMPARE(storage::adoptCurrency(*db, Currency::JPY).value(), Currency::JPY);
        AppSettings::setDatabaseCurrency(Currency::JPY);
        ui::SettingsDialog dialog(&language, db.get());
        dialog.show();
        auto *box = dialog.findChildren<QComboBox *>().at(1);
        QVERIFY(box->isEnabled());
        shot(&dialog, QStringLiteral("settings_currency_free"), QStringLiteral("en"));
        box->setCurrentIndex(box->findData(QStringLiteral("USD")));
        dialog.accept();
        QCOMPARE(storage::storedCurrency(*db).value(), std::optional<Currency>(Currency::USD));
        QCOMPARE(AppSettings().currency(), Currency::USD);
        QCOMPARE(AppSettings().defaultCurrency(), Currency::USD);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
