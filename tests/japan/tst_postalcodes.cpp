#include "models/japan/postalcodes.h"

#include <QTest>

#include <zlib.h>

using namespace mikomi::japan;

class TstPostalCodes : public QObject {
    Q_OBJECT
private slots:
    void digits_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("digits");
        QTest::newRow("plain") << QStringLiteral("1000005") << QStringLiteral("1000005");
        QTest::newRow("dash") << QStringLiteral("100-0005") << QStringLiteral("1000005");
        QTest::newRow("mark") << QStringLiteral("〒100-0005") << QStringLiteral("1000005");
        QTest::newRow("mark space") << QStringLiteral("〒 1000005") << QStringLiteral("1000005");
        QTest::newRow("full width")
            << QStringLiteral("１００－０００５") << QStringLiteral("1000005");
        QTest::newRow("short") << QStringLiteral("100-000") << QString();
        QTest::newRow("letters") << QStringLiteral("SW1A 1AA") << QString();
    }
    void digits() {
        QFETCH(QString, typed);
        QFETCH(QString, digits);
        QCOMPARE(postalDigits(typed), digits);
    }

    void builtInTable() {
        const PostalCodes &t = PostalCodes::builtIn();
        QVERIFY2(t.error().isEmpty(), qPrintable(t.error()));
        QVERIFY(t.size() > 120000);
        QCOMPARE(t.dataDate(), QStringLiteral("2022-11-02"));
        QCOMPARE(t.dataDate(), QLatin1String(kBuiltInPostalDate));
    }

    void marunouchi() {
        const QList<PostalAddress> a = PostalCodes::builtIn().lookup(QStringLiteral("〒 1000005"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first(), (PostalAddress{QStringLiteral("100-0005"), QStringLiteral("東京都"),
                                           QStringLiteral("千代田区"), QStringLiteral("丸の内")}));
    }

    // KEN_ALL's quirks as the table has them.
    void wholeCity() {
        // 以下に掲載がない場合 → empty town
        const QList<PostalAddress> a = PostalCodes::builtIn().lookup(QStringLiteral("060-0000"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().prefecture, QStringLiteral("北海道"));
        QCOMPARE(a.first().city, QStringLiteral("札幌市中央区"));
        QCOMPARE(a.first().town, QString());
    }
    void severalTowns() {
        const QList<PostalAddress> a = PostalCodes::builtIn().lookup(QStringLiteral("452-0961"));
        QVERIFY2(a.size() > 50, qPrintable(QString::number(a.size())));
        for (const PostalAddress &x : a)
            QCOMPARE(x.city, QStringLiteral("清須市"));
        // Two prefectures under one code.
        const QList<PostalAddress> b = PostalCodes::builtIn().lookup(QStringLiteral("4980000"));
        QCOMPARE(b.size(), 2);
        QCOMPARE(b.at(0).prefecture, QStringLiteral("愛知県"));
        QCOMPARE(b.at(1).prefecture, QStringLiteral("三重県"));
        // 大桑町（ア）, 大桑町（イ)… are one town once the parentheses go.
        const QList<PostalAddress> c = PostalCodes::builtIn().lookup(QStringLiteral("921-8046"));
        QCOMPARE(c.size(), 2);
    }
    void parenthesesDropped() {
        // 岩手郡葛巻町葛巻（第４０地割「５７番地１２５、１７６を除く」〜第４５地割）: split over
        // lines in KEN_ALL.
        const QList<PostalAddress> a = PostalCodes::builtIn().lookup(QStringLiteral("0285102"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().city, QStringLiteral("岩手郡葛巻町"));
        QCOMPARE(a.first().town, QStringLiteral("葛巻"));
    }
    void unknownCode() {
        QVERIFY(PostalCodes::builtIn().lookup(QStringLiteral("0000001")).isEmpty());
        QVERIFY(PostalCodes::builtIn().lookup(QStringLiteral("12")).isEmpty());
    }

    void reverse() {
        const PostalCodes &t = PostalCodes::builtIn();
        QList<PostalAddress> a =
            t.reverseLookup(QStringLiteral("東京都"), QStringLiteral("千代田区"),
                            QStringLiteral("丸の内１－９－１"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().code, QStringLiteral("100-0005"));
        // Without the prefecture: the city is unique.
        a = t.reverseLookup(QString(), QStringLiteral("千代田区"), QStringLiteral("丸の内2-7-2"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().code, QStringLiteral("100-0005"));
        // A street the table does not know: the city's own code.
        a = t.reverseLookup(QStringLiteral("北海道"), QStringLiteral("札幌市中央区"),
                            QStringLiteral("どこか1-1"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().code, QStringLiteral("060-0000"));
        // Wrong prefecture for the city: nothing.
        QVERIFY(t.reverseLookup(QStringLiteral("大阪府"), QStringLiteral("千代田区"),
                                QStringLiteral("丸の内1"))
                    .isEmpty());
    }

    // A table that is not one: a clear error, no crash.
    void damaged() {
        QVERIFY(!PostalCodes(QByteArray("junk")).error().isEmpty());
        QByteArray text = "#mikomi-postal 1 2020-01-01\n1000005\t13\t千代田区\t丸の内\nbad line\n";
        const PostalCodes t(qCompress(text));
        QVERIFY(t.error().contains(QLatin1String("3")));
        QCOMPARE(t.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstPostalCodes)
#include "tst_postalcodes.moc"
