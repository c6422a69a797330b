// The currency belongs to the database file (models/storage/currencystore.h): an older file takes
// the user's currency once; a file with amounts cannot switch (¥1,000 would read as $10.00).

#include "models/storage/currencystore.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

class TestCurrency final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Database> fresh() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("c%1.mikomi").arg(++m_n)));
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        return std::move(db).value();
    }

private slots:
    void olderFileTakesTheUsersCurrencyOnce() {
        auto db = fresh();
        QCOMPARE(storedCurrency(*db).value(), std::optional<Currency>());
        QCOMPARE(adoptCurrency(*db, Currency::USD).value(), Currency::USD);
        QCOMPARE(storedCurrency(*db).value(), std::optional<Currency>(Currency::USD));
        // The user's later default does not change the file.
        QCOMPARE(adoptCurrency(*db, Currency::JPY).value(), Currency::USD);
        const QString path = db->path();
        db.reset();
        auto again = Database::open(path);
        QVERIFY(again.ok());
        QCOMPARE(adoptCurrency(**again, Currency::JPY).value(), Currency::USD);
    }

    void changeRefusedOnceAmountsAreStored() {
        auto db = fresh();
        QCOMPARE(adoptCurrency(*db, Currency::JPY).value(), Currency::JPY);
        QVERIFY(!hasAmounts(*db).value());
        QVERIFY(changeCurrency(*db, Currency::USD).ok()); // nothing stored yet
        QCOMPARE(storedCurrency(*db).value(), std::optional<Currency>(Currency::USD));
        QVERIFY(changeCurrency(*db, Currency::JPY).ok());

        LeadRepository repo(*db);
        Lead l;
        l.company = QStringLiteral("ACME");
        l.dealValue = 1000;
        QVERIFY(repo.insert(l).ok());
        QVERIFY(hasAmounts(*db).value());
        const Status refused = changeCurrency(*db, Currency::USD);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("cannot be changed")),
                 qPrintable(refused.error()));
        QCOMPARE(storedCurrency(*db).value(), std::optional<Currency>(Currency::JPY));
        QVERIFY(changeCurrency(*db, Currency::JPY).ok()); // the same currency: nothing to do

        auto spendOnly = fresh();
        QVERIFY(adoptCurrency(*spendOnly, Currency::JPY).ok());
        QVERIFY(LeadRepository(*spendOnly)
                    .setSpend(SpendRow{QStringLiteral("Ads"), QStringLiteral("2026-01"), 500})
                    .ok());
        QVERIFY(!changeCurrency(*spendOnly, Currency::USD).ok());
    }

    void unknownCurrencyIsAnError() {
        auto db = fresh();
        QVERIFY(SettingsRepository(*db)
                    .setValue(QStringLiteral("currency"), QStringLiteral("XYZ"))
                    .ok());
        const auto c = adoptCurrency(*db, Currency::JPY);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(QStringLiteral("XYZ")), qPrintable(c.error()));
    }
};

QTEST_GUILESS_MAIN(TestCurrency)
#include "tst_currency.moc"
