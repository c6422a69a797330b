#include "models/text/normalize.h"

#include <QTest>

using namespace mikomi::text;

class TestNormalize final : public QObject {
    Q_OBJECT
private slots:
    void sourceNamesFold() {
        QCOMPARE(sourceKey(QStringLiteral("LinkedIn")), sourceKey(QStringLiteral("linkedin ")));
        QCOMPARE(sourceKey(QStringLiteral("ＬｉｎｋｅｄＩｎ")),
                 sourceKey(QStringLiteral("LinkedIn")));
        QCOMPARE(sourceKey(QStringLiteral("Google   Ads")), QStringLiteral("google ads"));
        QVERIFY(sourceKey(QStringLiteral("LinkedIn Ads")) != sourceKey(QStringLiteral("LinkedIn")));
    }
    void emails_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "taro@example.co.jp"
                               << "taro@example.co.jp" << true;
        QTest::newRow("full-width") << "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ"
                                    << "taro@example.co.jp" << true;
        QTest::newRow("case") << " Taro.Yamada@Example.COM "
                              << "taro.yamada@example.com" << true;
        QTest::newRow("no at") << "taro.example.com"
                               << "taro.example.com" << false;
        QTest::newRow("no tld") << "taro@example"
                                << "taro@example" << false;
        QTest::newRow("space") << "ta ro@example.com"
                               << "ta ro@example.com" << false;
        QTest::newRow("double dot") << "taro..y@example.com"
                                    << "taro..y@example.com" << false;
    }
    void emails() {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        QFETCH(bool, valid);
        QCOMPARE(normalizeEmail(input), normalised);
        QCOMPARE(isValidEmail(input), valid);
    }
    void companies() {
        const QString k = companyKey(QStringLiteral("株式会社サンプル"));
        QCOMPARE(k, QStringLiteral("サンプル"));
        QCOMPARE(companyKey(QStringLiteral("㈱サンプル")), k);
        QCOMPARE(companyKey(QStringLiteral("サンプル株式会社")), k);
        QCOMPARE(companyKey(QStringLiteral("（株）サンプル")), k);
        QCOMPARE(companyKey(QStringLiteral("Acme, Inc.")), companyKey(QStringLiteral("ACME Inc")));
        QVERIFY(companyKey(QStringLiteral("サンプル商事")) != k);
    }
    void kana() {
        QCOMPARE(toHiragana(QStringLiteral("ヤマダ タロウ")), QStringLiteral("やまだ たろう"));
        QCOMPARE(toKatakana(QStringLiteral("やまだ")), QStringLiteral("ヤマダ"));
        QCOMPARE(readingKey(QStringLiteral("ﾔﾏﾀﾞ")), QStringLiteral("やまだ"));
    }
    void likeEscape() {
        QCOMPARE(escapeLike(QStringLiteral("100%_a\\b")), QStringLiteral("100\\%\\_a\\\\b"));
    }
};

QTEST_GUILESS_MAIN(TestNormalize)
#include "tst_normalize.moc"
