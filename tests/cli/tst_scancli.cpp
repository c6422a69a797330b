// `mikomi scan` (cli.md): business cards read from the command line, as a table or JSON, and
// imported as leads through the same lead creation as card mode.
#include "clirun.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using clitest::Run;
static Run run(const QStringList &args) {
    return clitest::mikomi(args);
}

class TestScanCli final : public QObject {
    Q_OBJECT
private:
    static QString card(const char *name) {
        return QStringLiteral(MIKOMI_CORPUS "/cards/") + QString::fromLatin1(name);
    }

private slots:
    void json() {
        const auto r = run({QStringLiteral("scan"), card("ja-scan.png"), QStringLiteral("--format"),
                            QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray cards = doc.value(QStringLiteral("cards")).toArray();
        QCOMPARE(cards.size(), 1);
        const QJsonObject c = cards.first().toObject();
        QCOMPARE(c.value(QStringLiteral("file")).toString(), card("ja-scan.png"));
        QVERIFY(c.value(QStringLiteral("seconds")).toDouble() > 0);
        const QJsonObject f = c.value(QStringLiteral("fields")).toObject();
        QCOMPARE(f.value(QStringLiteral("company")).toObject().value(QStringLiteral("value")),
                 QStringLiteral("株式会社ミコミ精機"));
        QCOMPARE(f.value(QStringLiteral("postal_code")).toObject().value(QStringLiteral("value")),
                 QStringLiteral("100-0005"));
        const double conf = f.value(QStringLiteral("email"))
                                .toObject()
                                .value(QStringLiteral("confidence"))
                                .toDouble();
        QVERIFY(conf > 0 && conf <= 1);
        // Not on the card: absent, not guessed.
        QVERIFY(!f.contains(QStringLiteral("company_reading")));
    }

    void importTwice() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("leads.mikomi"));
        const QStringList args{QStringLiteral("--db"),     db,
                               QStringLiteral("scan"),     card("en-back.png"),
                               card("en-photo.jpg"),       QStringLiteral("--import"),
                               QStringLiteral("--source"), QStringLiteral("展示会")};
        auto r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        {
            auto opened = mikomi::storage::Database::open(db);
            QVERIFY(opened.ok());
            mikomi::storage::LeadRepository leads(**opened);
            QCOMPARE(leads.count().value(), 2);
            const auto lead = leads.get(1);
            QVERIFY(lead.ok());
            QCOMPARE(lead->source, QStringLiteral("展示会"));
            QCOMPARE(lead->familyName, QStringLiteral("Yamada"));
        }
        // Again: the same people are reported, not stored twice.
        r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("#1")), qPrintable(r.err));
        auto opened = mikomi::storage::Database::open(db);
        QVERIFY(opened.ok());
        QCOMPARE(mikomi::storage::LeadRepository(**opened).count().value(), 2);
    }

    void errors() {
        auto r = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("scan")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("scan"),
                 card("ja-scan.png"), QStringLiteral("--source"), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("scan"),
                 card("README.md"), card("en-back.png")});
        QCOMPARE(r.code, 1); // the good card is still read and printed, as a table
        QVERIFY(r.err.contains(QStringLiteral("README.md")));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("t.yamada@mikomi-seiki.example.jp")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("confident")) || out.contains(QStringLiteral("check")));
    }
};

QTEST_GUILESS_MAIN(TestScanCli)
#include "tst_scancli.moc"
