// The one parser of amounts (models/domain/money.h) and the text checks of a lead
// (models/domain/textcheck.h).

#include "models/domain/money.h"
#include "models/domain/textcheck.h"

#include <QTest>

using namespace mikomi;

class TestMoney final : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qlonglong>("expected"); // -1 = error
        QTest::addColumn<QString>("reason");     // a word of the error
        const auto row = [](const char *name, const QString &text, const char *currency,
                            qlonglong expected, const char *reason = "") {
            QTest::newRow(name) << text << QString::fromLatin1(currency) << expected
                                << QString::fromLatin1(reason);
        };
        row("plain", QStringLiteral("1500000"), "JPY", 1500000);
        row("grouped", QStringLiteral("1,500,000"), "JPY", 1500000);
        row("yen sign", QStringLiteral("¥1,500,000"), "JPY", 1500000);
        row("full-width yen sign", QStringLiteral("￥1,500,000"), "JPY", 1500000);
        row("yen sign and 円", QStringLiteral("¥1,500,000円"), "JPY", 1500000);
        row("円 after a space", QStringLiteral("1,500 円"), "JPY", 1500);
        row("full-width", QStringLiteral("１，５００，０００円"), "JPY", 1500000);
        row("JPY code", QStringLiteral("JPY 2,000"), "JPY", 2000);
        row("zero", QStringLiteral("0"), "JPY", 0);
        row("dollars", QStringLiteral("$1,234.56"), "USD", 123456);
        row("full-width dollar", QStringLiteral("＄12"), "USD", 1200);
        row("one decimal", QStringLiteral("12.5"), "USD", 1250);
        row("USD code", QStringLiteral("12.50 USD"), "USD", 1250);
        row("US$", QStringLiteral("US$5"), "USD", 500);
        row("1.000 in yen", QStringLiteral("1.000"), "JPY", -1, "ambiguous");
        row("1.000.000 in yen", QStringLiteral("1.000.000"), "JPY", -1, "ambiguous");
        row("yen decimals", QStringLiteral("1.5"), "JPY", -1, "decimals");
        row("yen .00", QStringLiteral("1000.00"), "JPY", -1, "decimals");
        row("cents too fine", QStringLiteral("1.005"), "USD", -1, "two decimals");
        row("dollar in yen", QStringLiteral("$1,000"), "JPY", -1, "another currency");
        row("euro in yen", QStringLiteral("€1,000"), "JPY", -1, "another currency");
        row("EUR in yen", QStringLiteral("EUR 1,000"), "JPY", -1, "another currency");
        row("yen in dollars", QStringLiteral("¥1,000"), "USD", -1, "another currency");
        row("円 in dollars", QStringLiteral("1000円"), "USD", -1, "another currency");
        row("negative", QStringLiteral("-5"), "JPY", -1, "negative");
        row("negative after sign", QStringLiteral("¥-5"), "JPY", -1, "negative");
        row("triangle", QStringLiteral("▲5"), "JPY", -1, "negative");
        row("accounting", QStringLiteral("(5)"), "JPY", -1, "negative");
        row("bad groups", QStringLiteral("1,20,0"), "JPY", -1, "not a valid amount");
        row("space inside", QStringLiteral("1 000"), "JPY", -1, "not a valid amount");
        row("letters", QStringLiteral("12abc"), "JPY", -1, "not a valid amount");
        row("exponent", QStringLiteral("1e3"), "JPY", -1, "not a valid amount");
        row("trailing point", QStringLiteral("12."), "USD", -1, "not a valid amount");
        row("empty", QString(), "JPY", -1, "Enter an amount");
        row("too large", QStringLiteral("9999999999999999"), "JPY", -1, "too large");
        // Plain digits are read by a short path: the same answers.
        row("plain dollars", QStringLiteral("12"), "USD", 1200);
        row("leading zeros", QStringLiteral(" 007 "), "JPY", 7);
        row("fifteen digits", QStringLiteral("999999999999999"), "JPY", 999999999999999);
        row("fifteen digits after zeros", QStringLiteral("0000999999999999999"), "JPY",
            999999999999999);
        row("zeros only", QStringLiteral("0000000000000000000"), "JPY", 0);
    }
    void parse() {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(qlonglong, expected);
        QFETCH(QString, reason);
        const auto m = parseMoney(text, *currencyFromKey(currency));
        if (expected >= 0) {
            QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error()));
            QCOMPARE(qlonglong(*m), expected);
        } else {
            QVERIFY2(!m.ok(), qPrintable(text));
            QVERIFY2(m.error().contains(reason), qPrintable(m.error()));
            if (!text.isEmpty())
                QVERIFY2(m.error().contains(text.trimmed()), qPrintable(m.error()));
        }
    }

    void controlCharacters() {
        QCOMPARE(forbiddenCharacter(QStringLiteral("plain text 日本語"), false), -1);
        QCOMPARE(forbiddenCharacter(QStringLiteral("a") + QChar(0) + QStringLiteral("b"), false),
                 1);
        QCOMPARE(forbiddenCharacter(QStringLiteral("a\tb"), false), 1);
        QCOMPARE(forbiddenCharacter(QStringLiteral("a\tb\r\nc"), true), -1);
        QCOMPARE(forbiddenCharacter(QStringLiteral("x\x7f"), true), 1);
        QVERIFY(forbiddenCharacterMessage(QStringLiteral("ab\x1b"), 2).contains(u"U+001B"));
        Lead l;
        l.company = QStringLiteral("ACME");
        l.notes = QStringLiteral("line\nline");
        QVERIFY(leadTextProblem(l).first.isEmpty());
        l.city = QStringLiteral("To") + QChar(0) + QStringLiteral("kyo");
        QCOMPARE(leadTextProblem(l).first, QStringLiteral("city"));
    }

    void contactTidying() {
        QCOMPARE(tidyEmail(QStringLiteral(" ａ＠ｂ．ｃｏｍ ")), QStringLiteral("a@b.com"));
        QCOMPARE(tidyEmail(QStringLiteral("Taro@EXAMPLE.JP")), QStringLiteral("Taro@example.jp"));
        QCOMPARE(tidyPhone(QStringLiteral("０３－６４５５－１２１２")),
                 QStringLiteral("03-6455-1212"));
        QCOMPARE(tidyPhone(QStringLiteral("03ー6455ー1212")), QStringLiteral("03-6455-1212"));
        QCOMPARE(tidyPhone(QStringLiteral("（０３）６４５５‐１２１２")),
                 QStringLiteral("(03)6455-1212"));
        QCOMPARE(tidyEmail(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
