#include "models/text/normalize.h"

#include <QRandomGenerator>
#include <QRegularExpression>
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
    // isValidEmail checks the address pattern by hand: the same answer as the regular expression
    // it replaces, over edge cases and many random texts.
    void emailPatternByHand() {
        static const QRegularExpression re(QStringLiteral(
            R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)"));
        const auto reference = [](const QString &email) {
            const QString e = normalizeEmail(email);
            if (e.isEmpty() || e.size() > 254)
                return false;
            if (e.contains(QLatin1String("..")) || e.startsWith(QLatin1Char('.')))
                return false;
            const qsizetype at = e.indexOf(QLatin1Char('@'));
            if (at <= 0 || at > 64 || e.at(at - 1) == QLatin1Char('.'))
                return false;
            return re.match(e).hasMatch();
        };
        const QString l63(63, u'a');
        QStringList texts{QStringLiteral("a@b.c"),
                          QStringLiteral("a@b"),
                          QStringLiteral("a@-b.c"),
                          QStringLiteral("a@b-.c"),
                          QStringLiteral("a@b--c.d"),
                          QStringLiteral("a@b.c."),
                          QStringLiteral("a@.b.c"),
                          QStringLiteral("a@b..c"),
                          QStringLiteral("a@@b.c"),
                          QStringLiteral("a@b@c.d"),
                          QStringLiteral("x@") + l63 + QStringLiteral(".jp"),
                          QStringLiteral("x@") + l63 + QStringLiteral("a.jp"),
                          QStringLiteral("{}|~^`!#$%&'*+/=?-_@x.y"),
                          QStringLiteral("a b@x.y"),
                          QStringLiteral("mailto:a@x.y"),
                          QStringLiteral("é@x.y"),
                          QStringLiteral("a@é.jp"),
                          QStringLiteral("a@x.y\n"),
                          QStringLiteral("ａ＠ｘ．ｊｐ"),
                          QStringLiteral("a@x_y.jp")};
        QRandomGenerator rng(3);
        const QString alphabet = QStringLiteral("ab9Z.-@_+ é@..aa");
        for (int i = 0; i < 30000; ++i) {
            QString t;
            const int n = int(rng.bounded(12));
            for (int k = 0; k < n; ++k)
                t += alphabet.at(rng.bounded(int(alphabet.size())));
            texts << t;
        }
        for (const QString &t : std::as_const(texts))
            QVERIFY2(isValidEmail(t) == reference(t), qPrintable(t));
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
