// Importing phone numbers from anywhere (issue 12): a CSV of American numbers written the way
// Americans write them ("(212) 555-0188", "415-555-0110 ext. 201") into a dollar database keeps
// every row, stores the numbers as written with E.164 keys, and a second file writing the same
// numbers in international form merges into the same people. A number that is not one is a row
// error naming the line, column and reason. The people and numbers are made up (555-01xx numbers
// are reserved for fiction).

#include "models/services/importer.h"
#include "models/storage/countrystore.h"
#include "models/storage/currencystore.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::services;

namespace {

bool writeFile(const QString &path, const QString &text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(text.toUtf8()) > 0;
}

QStringList keys(const storage::Database &db) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.exec(QStringLiteral("SELECT phone_key || '|' || mobile_key FROM leads ORDER BY id"));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

class TestPhoneImport final : public QObject {
    Q_OBJECT
private slots:
    void usNumbersKeepEveryRow() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("us.mikomi")));
        QVERIFY(db.ok());
        QCOMPARE(*storage::adoptCurrency(**db, Currency::USD), Currency::USD); // country: US
        const QString csv = dir.filePath(QStringLiteral("us.csv"));
        QVERIFY(
            writeFile(csv, QStringLiteral("Company,Last Name,First Name,Email,Phone,Mobile\n"
                                          "Acme,Smith,Anna,,(212) 555-0188,\n"
                                          "Brightline,Jones,Ben,,415-555-0110 ext. 201,\n"
                                          "Copper Co,Brown,Cara,,+44 131 635 4287,(646) 555-0142\n"
                                          "Delta,Wilson,Dan,,212.555.0199,1 (917) 555-0123\n"
                                          "Evergreen,Lee,Eve,,+81 3-1234-5678,\n")));
        ImportOptions o;
        o.path = csv;
        o.minorUnitsPerMajor = 100;
        auto s = runImport(**db, o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error()));
        QVERIFY2(s->errors.isEmpty(),
                 qPrintable(s->errors.isEmpty() ? QString() : s->errors.first().reason));
        QCOMPARE(s->rejected, 0);
        QCOMPARE(s->created, 5);
        QCOMPARE(keys(**db), (QStringList{
                                 QStringLiteral("+12125550188|"),
                                 QStringLiteral("+14155550110|"),
                                 QStringLiteral("+441316354287|+16465550142"),
                                 QStringLiteral("+12125550199|+19175550123"),
                                 QStringLiteral("+81312345678|"),
                             }));
        // Stored as written, extension and all.
        storage::LeadRepository leads(**db);
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        q.exec(QStringLiteral("SELECT phone FROM leads WHERE family_name = 'Jones'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("415-555-0110 ext. 201"));

        // The same people from another system, numbers in international form: merged, not added.
        const QString again = dir.filePath(QStringLiteral("again.csv"));
        QVERIFY(writeFile(again, QStringLiteral("Last Name,First Name,Phone,Mobile\n"
                                                "Smith,Anna,+1 212 555 0188,\n"
                                                "Jones,Ben,+1-415-555-0110,\n"
                                                "Brown,Cara,,+1 646 555 0142\n")));
        o.path = again;
        auto s2 = runImport(**db, o);
        QVERIFY(s2.ok());
        QCOMPARE(s2->rejected, 0);
        QCOMPARE(s2->created, 0);
        QCOMPARE(s2->merged, 3);
    }

    void explicitRegionAndErrors() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("jp.mikomi")));
        QVERIFY(db.ok());
        QCOMPARE(*storage::phoneRegion(**db), QStringLiteral("JP"));
        const QString csv = dir.filePath(QStringLiteral("mixed.csv"));
        QVERIFY(writeFile(csv, QStringLiteral("Last Name,Phone\n"
                                              "Smith,(212) 555-0188\n"
                                              "Jones,call me\n"
                                              "Brown,555-0188\n")));
        ImportOptions o;
        o.path = csv;
        o.phoneRegion = QStringLiteral("US"); // this file's numbers are American
        auto s = runImport(**db, o);
        QVERIFY(s.ok());
        QCOMPARE(s->created, 1);
        QCOMPARE(s->rejected, 2);
        QCOMPARE(s->errors.size(), 2);
        QCOMPARE(s->errors.at(0).line, 3);
        QCOMPARE(s->errors.at(0).column, QStringLiteral("Phone"));
        QVERIFY2(s->errors.at(0).reason.contains(QStringLiteral("call me")),
                 qPrintable(s->errors.at(0).reason));
        QCOMPARE(s->errors.at(1).line, 4);
        QVERIFY2(s->errors.at(1).reason.contains(QStringLiteral("area code")),
                 qPrintable(s->errors.at(1).reason));
        QCOMPARE(keys(**db), QStringList{QStringLiteral("+12125550188|")});

        // The same American number in this Japanese database, without the option: an error that
        // says a foreign number needs its country code (never read as a Japanese number).
        const QString one = dir.filePath(QStringLiteral("one.csv"));
        QVERIFY(writeFile(one, QStringLiteral("Last Name,Phone\nLee,(415) 555-0100\n")));
        ImportOptions jp;
        jp.path = one;
        auto s2 = runImport(**db, jp);
        QVERIFY(s2.ok());
        QCOMPARE(s2->rejected, 1);
        QVERIFY2(s2->errors.first().reason.contains(QStringLiteral("country code")),
                 qPrintable(s2->errors.first().reason));
    }

    // Numbers in kanji numerals (as on vertical cards and formal letters) are imported, and the
    // error for a number that is not one lists them among the forms it accepts, with an example
    // that is itself accepted.
    void kanjiNumeralsAreAcceptedAndSaidSo() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("kanji.mikomi")));
        QVERIFY(db.ok());
        const QString csv = dir.filePath(QStringLiteral("kanji.csv"));
        QVERIFY(writeFile(csv, QStringLiteral("Last Name,Phone\n"
                                              "佐藤,03-CALL-NOW\n"
                                              "加藤,〇三―一二三四―五六七八\n"
                                              "伊藤,〇三・一二三四・五六七九 内線 二〇一\n")));
        ImportOptions o;
        o.path = csv;
        auto s = runImport(**db, o);
        QVERIFY(s.ok());
        QCOMPARE(s->created, 2);
        QCOMPARE(s->rejected, 1);
        QCOMPARE(s->errors.size(), 1);
        QCOMPARE(s->errors.at(0).line, 2);
        const QString reason = s->errors.at(0).reason;
        QVERIFY2(reason.contains(QStringLiteral("kanji numerals")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("〇三―一二三四―五六七八")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("・")), qPrintable(reason));
        QCOMPARE(keys(**db),
                 (QStringList{QStringLiteral("+81312345678|"), QStringLiteral("+81312345679|")}));
    }
};

QTEST_GUILESS_MAIN(TestPhoneImport)
#include "tst_phoneimport.moc"
