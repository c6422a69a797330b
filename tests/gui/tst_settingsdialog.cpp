// Preferences: the currency is the open database's; a database with amounts cannot switch it
// (the box is disabled and says why). The database's country (the region of phone numbers
// without a country code) is set there too. Screenshots in Japanese and English go to
// $MIKOMI_SHOTS.

#include "models/appsettings.h"
#include "models/language.h"
#include "models/storage/countrystore.h"
#include "models/storage/currencystore.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
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
