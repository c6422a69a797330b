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
    // normalizeEmail lower-cases an ASCII address by hand: the same text as NFKC, trimming and
    // QString::toLower, for any ASCII text (control characters, spaces, mailto:) and others.
    void emailFoldByHand() {
        const auto reference = [](const QString &email) {
            QString e = email.normalized(QString::NormalizationForm_KC).trimmed().toLower();
            if (e.startsWith(QLatin1String("mailto:")))
                e = e.mid(7);
            return e;
        };
        QStringList texts{QString(),
                          QStringLiteral(" "),
                          QStringLiteral("MAILTO:A@B.C"),
                          QStringLiteral("mailto:a@b.c "),
                          QStringLiteral("\t\v\f\r\n\x1f a@B.c \x1c"),
                          QStringLiteral("Ａ@b.c"),
                          QStringLiteral("a@b.c\u00a0")};
        QRandomGenerator rng(4);
        for (int i = 0; i < 20000; ++i) {
            QString t;
            const int n = int(rng.bounded(10));
            for (int k = 0; k < n; ++k)
                t += QChar(char16_t(i % 4 == 0 ? rng.bounded(0x100) : rng.bounded(0x80)));
            texts << (i % 3 == 0 ? QStringLiteral("mailto:") + t : t);
        }
        for (const QString &t : std::as_const(texts))
            QCOMPARE(normalizeEmail(t), reference(t));
    }
    // NFKC and case folding by hand for ASCII, kana and kanji: the same keys as Qt's
    // normalisation and folding, for every character of those ranges alone, and for many texts
    // mixing them with characters that do change (full-width, half-width kana, voiced sound
    // marks that compose, ligatures, upper case) and with white space.
    void caseFoldByHand() {
        const auto reference = [](const QString &s) {
            return s.normalized(QString::NormalizationForm_KC).toCaseFolded();
        };
        for (char16_t c : {char16_t(0x0), char16_t(0x7f), char16_t(0x3040), char16_t(0x3097),
                           char16_t(0x30a0), char16_t(0x30f7), char16_t(0x30fb), char16_t(0x30fd),
                           char16_t(0x4dff), char16_t(0xa000)})
            QCOMPARE(personKey(QString(QChar(c)), QString()),
                     reference(QString(QChar(c))).remove(u' '));
        for (char32_t c = 0; c <= 0xffff; ++c) {
            const QString one{QChar(char16_t(c))};
            if (!QChar(char16_t(c)).isSurrogate())
                QCOMPARE(foldKey(one), reference(one).simplified());
        }
        static const char16_t *pieces[] = {
            u"a",      u"Z",      u"Smith",  u" ",  u"\u3000",  u"\t",     u"山田", u"髙橋",
            u"たなか", u"ヤマダ", u"ー",     u"か", u"\u3099",  u"\u309a", u"ｶﾞ",   u"ﾞ",
            u"ｶ",      u"Ａ",     u"ﬁ",      u"ß",  u"İ",       u"ゔ",     u"ヴ",   u"ゟ",
            u"㈱",     u"①",      u"\u00a0", u"é",  u"e\u0301", u"ヷ"};
        QRandomGenerator rng(6);
        for (int i = 0; i < 30000; ++i) {
            QString a;
            QString b;
            const int n = int(rng.bounded(1, 6));
            for (int k = 0; k < n; ++k)
                (k % 2 ? b : a) += QString::fromUtf16(pieces[rng.bounded(int(std::size(pieces)))]);
            QCOMPARE(foldKey(a + b), reference(a + b).simplified());
            QCOMPARE(personKey(a, b), reference(a + b).remove(u' '));
            QCOMPARE(readingKey(a + b), toHiragana(reference(a + b).simplified()));
        }
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
    // companyKey drops the legal forms by hand: the same keys as the regular expression it
    // replaces (QRegularExpression's \b: ASCII word characters only), over edge cases and many
    // texts made of forms, near-forms, word characters and non-ASCII letters next to them.
    void companyKeyByHand() {
        static const QRegularExpression legal(QStringLiteral(
            R"(株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\(株\)|\(有\)|\(同\)|)"
            R"(\b(?:inc|corp|corporation|co|ltd|llc|gmbh|kk|k\.k|plc|limited|company)\b\.?)"));
        const auto reference = [](const QString &company) {
            QString c = company.normalized(QString::NormalizationForm_KC).toCaseFolded();
            c.replace(legal, QString());
            QString out;
            for (const QChar ch : std::as_const(c)) {
                if (ch.isLetterOrNumber())
                    out.append(ch);
            }
            return out;
        };
        QStringList texts{QStringLiteral("Acme Inc."),
                          QStringLiteral("Acme Inc.."),
                          QStringLiteral("Acme Incorporated"),
                          QStringLiteral("Acme_Inc"),
                          QStringLiteral("Acme-Inc"),
                          QStringLiteral("AcmeInc"),
                          QStringLiteral("Inc2"),
                          QStringLiteral("Café Co."),
                          QStringLiteral("éco"),
                          QStringLiteral("coéco"),
                          QStringLiteral("K.K."),
                          QStringLiteral("k.kk"),
                          QStringLiteral("kk.k"),
                          QStringLiteral("Corp.Corporation Company co"),
                          QStringLiteral("ＡＣＭＥ　ＬＴＤ．"),
                          QStringLiteral("㈱㈲サンプル"),
                          QStringLiteral("((株))"),
                          QStringLiteral("株式会社株式会社"),
                          QStringLiteral("株式会社サンプル123"),
                          QStringLiteral("一般社団法人一般"),
                          QStringLiteral("\u212A.\u212A."), // KELVIN SIGN: NFKC K
                          QStringLiteral("ﬁnc ﬀ co"),
                          QStringLiteral("𝐈𝐍𝐂 𝐂𝐨"),
                          QString(),
                          QStringLiteral(" ")};
        static const char16_t *pieces[] = {u"inc",
                                           u"Inc.",
                                           u"INC",
                                           u"co",
                                           u"Co.",
                                           u"corp",
                                           u"corporation",
                                           u"comp",
                                           u"company",
                                           u"k.k",
                                           u"K.K.",
                                           u"kk",
                                           u"ltd",
                                           u"LTD.",
                                           u"llc",
                                           u"gmbh",
                                           u"GmbH",
                                           u"plc",
                                           u"limited",
                                           u"株式会社",
                                           u"㈱",
                                           u"（株）",
                                           u"(有)",
                                           u"(同)",
                                           u"(株",
                                           u"株)",
                                           u"有限会社",
                                           u"合同会社",
                                           u"合資会社",
                                           u"合名会社",
                                           u"一般社団法人",
                                           u"一般財団法人",
                                           u"一般",
                                           u"株",
                                           u"会社",
                                           u"(",
                                           u")",
                                           u".",
                                           u" ",
                                           u",",
                                           u"_",
                                           u"-",
                                           u"0",
                                           u"9",
                                           u"a",
                                           u"x",
                                           u"é",
                                           u"É",
                                           u"ß",
                                           u"µ",
                                           u"ª",
                                           u"ｉｎｃ",
                                           u"Ｉ",
                                           u"İ",
                                           u"ǅ",
                                           u"𝐀",
                                           u"ｶ",
                                           u"サンプル",
                                           u"\u00A0",
                                           u"\u3000",
                                           u"\u212A",
                                           u"ﬁ",
                                           u"&"};
        QRandomGenerator rng(5);
        for (int i = 0; i < 40000; ++i) {
            QString t;
            const int n = int(rng.bounded(1, 7));
            for (int k = 0; k < n; ++k)
                t += QString::fromUtf16(pieces[rng.bounded(int(std::size(pieces)))]);
            texts << t;
        }
        for (const QString &t : std::as_const(texts))
            QCOMPARE(companyKey(t), reference(t));
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
