// Phone numbers from anywhere (models/text/phone.h, issue 12): numbers as people write them in
// the United States, the United Kingdom and Japan are valid in their region, keyed as E.164 with
// the extension kept apart; text that is not a number is an error with a reason. The numbers are
// fictional (US 555-01xx) or made up.

#include "models/text/phone.h"

#include <QRandomGenerator>
#include <QTest>

#include <thread>
#include <vector>

using namespace mikomi::text;

class TestPhone final : public QObject {
    Q_OBJECT
private slots:
    void valid_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("national");
        QTest::newRow("us brackets") << "(212) 555-0188"
                                     << "US"
                                     << "+12125550188"
                                     << ""
                                     << "(212) 555-0188";
        QTest::newRow("uk from us") << "+44 131 635 4287"
                                    << "US"
                                    << "+441316354287"
                                    << ""
                                    << "0131 635 4287";
        QTest::newRow("uk in gb") << "+44 131 635 4287"
                                  << "GB"
                                  << "+441316354287"
                                  << ""
                                  << "0131 635 4287";
        QTest::newRow("uk national") << "0131 635 4287"
                                     << "GB"
                                     << "+441316354287"
                                     << ""
                                     << "0131 635 4287";
        QTest::newRow("us ext.") << "415-555-0110 ext. 201"
                                 << "US"
                                 << "+14155550110"
                                 << "201"
                                 << "(415) 555-0110 ext. 201";
        QTest::newRow("us x") << "415.555.0110 x201"
                              << "US"
                              << "+14155550110"
                              << "201"
                              << "(415) 555-0110 ext. 201";
        QTest::newRow("us from jp") << "+1 415 555 0100"
                                    << "JP"
                                    << "+14155550100"
                                    << ""
                                    << "(415) 555-0100";
        QTest::newRow("tokyo") << "03-1234-5678"
                               << "JP"
                               << "+81312345678"
                               << ""
                               << "03-1234-5678";
        QTest::newRow("tokyo plain") << "0312345678"
                                     << "JP"
                                     << "+81312345678"
                                     << ""
                                     << "03-1234-5678";
        QTest::newRow("full-width") << "０３（１２３４）５６７８"
                                    << "JP"
                                    << "+81312345678"
                                    << ""
                                    << "03-1234-5678";
        QTest::newRow("katakana dash") << "03ー1234ー5678"
                                       << "JP"
                                       << "+81312345678"
                                       << ""
                                       << "03-1234-5678";
        QTest::newRow("minus and hyphen") << "03−1234‐5678"
                                          << "JP"
                                          << "+81312345678"
                                          << ""
                                          << "03-1234-5678";
        QTest::newRow("mobile") << "090-1234-5678"
                                << "JP"
                                << "+819012345678"
                                << ""
                                << "090-1234-5678";
        QTest::newRow("+81 mobile") << "+81 90 1234 5678"
                                    << "US"
                                    << "+819012345678"
                                    << ""
                                    << "090-1234-5678";
        QTest::newRow("+81(0)") << "+81 (0)3 1234 5678"
                                << "JP"
                                << "+81312345678"
                                << ""
                                << "03-1234-5678";
        QTest::newRow("free dial") << "0120-123-456"
                                   << "JP"
                                   << "+81120123456"
                                   << ""
                                   << "0120-123-456";
        QTest::newRow("内線") << "03-1234-5678 内線 201"
                              << "JP"
                              << "+81312345678"
                              << "201"
                              << "03-1234-5678 ext. 201";
        QTest::newRow("全角内線") << "０３－１２３４－５６７８　内線２０１"
                                  << "JP"
                                  << "+81312345678"
                                  << "201"
                                  << "03-1234-5678 ext. 201";
        // Kanji numerals, digit by digit, as vertical business cards write them.
        QTest::newRow("漢数字") << "〇三―一二三四―五六七八"
                                << "JP"
                                << "+81312345678"
                                << ""
                                << "03-1234-5678";
        QTest::newRow("漢数字内線") << "〇三―一二三四―五六七八 内線 二〇一"
                                    << "JP"
                                    << "+81312345678"
                                    << "201"
                                    << "03-1234-5678 ext. 201";
        QTest::newRow("漢数字・") << "〇九〇・一二三四・五六七八"
                                  << "JP"
                                  << "+819012345678"
                                  << ""
                                  << "090-1234-5678";
    }
    void valid() {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        QFETCH(QString, extension);
        QFETCH(QString, national);
        const PhoneNumber p = parsePhone(input, region);
        QVERIFY2(p.valid, qPrintable(p.error));
        QVERIFY(p.error.isEmpty());
        QCOMPARE(p.e164, e164);
        QCOMPARE(p.extension, extension);
        QCOMPARE(p.national, national);
        QVERIFY(p.international.startsWith(QLatin1Char('+')));
        QCOMPARE(phoneError(input, region), QString());
        QCOMPARE(phoneKey(input, region), e164); // the extension is not in the key
    }

    void invalid_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("reasonHas"); // a word the reason must contain
        QTest::newRow("letters") << "03-CALL-NOW"
                                 << "JP"
                                 << "digits";
        QTest::newRow("a name") << "Yamada"
                                << "JP"
                                << "digits";
        QTest::newRow("too short jp") << "03-1234"
                                      << "JP"
                                      << "short";
        QTest::newRow("no area code us") << "555-0188"
                                         << "US"
                                         << "area code";
        QTest::newRow("japanese number in us") << "03-1234-5678"
                                               << "US"
                                               << "country code";
        QTest::newRow("no region") << "03-1234-5678"
                                   << ""
                                   << "country code";
        QTest::newRow("no such country") << "+999 1234 5678"
                                         << "JP"
                                         << "country code";
        QTest::newRow("two digits") << "12"
                                    << "JP"
                                    << "short";
        QTest::newRow("too long") << "+1 212 555 01889 9"
                                  << "JP"
                                  << "too long for a number in United States";
        QTest::newRow("no such number") << "+81 3 1234 5678 9012 3456"
                                        << "US"
                                        << "in Japan";
    }
    void invalid() {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, reasonHas);
        const PhoneNumber p = parsePhone(input, region);
        QVERIFY2(!p.valid, qPrintable(p.e164));
        QVERIFY(p.e164.isEmpty());
        QVERIFY2(p.error.contains(reasonHas), qPrintable(p.error));
        QVERIFY2(p.error.contains(input), qPrintable(p.error)); // names what was written
        QCOMPARE(phoneError(input, region), p.error);
        // The key of a number kept from before numbers were checked: its digits, never E.164.
        QVERIFY(!phoneKey(input, region).startsWith(QLatin1Char('+')));
    }

    void emptyIsNoError() {
        QCOMPARE(phoneError(QString(), QStringLiteral("JP")), QString());
        QCOMPARE(phoneError(QStringLiteral("  "), QStringLiteral("US")), QString());
        QCOMPARE(phoneKey(QString(), QStringLiteral("JP")), QString());
        QVERIFY(!parsePhone(QString(), QStringLiteral("JP")).valid);
    }

    void sameNumberSameKey() {
        const QString jp = QStringLiteral("JP");
        const QString key = phoneKey(QStringLiteral("090-1234-5678"), jp);
        QCOMPARE(phoneKey(QStringLiteral("+81 90 1234 5678"), jp), key);
        QCOMPARE(phoneKey(QStringLiteral("+81 90 1234 5678"), QStringLiteral("US")), key);
        QCOMPARE(phoneKey(QStringLiteral("０９０ー１２３４ー５６７８"), jp), key);
        QCOMPARE(phoneKey(QStringLiteral("090-1234-5678 内線 3"), jp), key);
        QCOMPARE(phoneKey(QStringLiteral("〇九〇・一二三四・五六七八"), jp), key);
        QCOMPARE(phoneError(QStringLiteral("〇三―一二三四―五六七八 内線 二〇一"), jp), QString());
        // Kanji that are not numerals are still not a number.
        QVERIFY(!phoneError(QStringLiteral("〇三―一二三四―五六七八 営業部"), jp).isEmpty());
        QCOMPARE(phoneKey(QStringLiteral("(212) 555-0188"), QStringLiteral("US")),
                 phoneKey(QStringLiteral("+1 212 555 0188"), jp));
    }

    void regions() {
        QVERIFY(isPhoneRegion(QStringLiteral("JP")));
        QVERIFY(isPhoneRegion(QStringLiteral("US")));
        QVERIFY(isPhoneRegion(QStringLiteral("GB")));
        QVERIFY(!isPhoneRegion(QStringLiteral("ZZ")));
        QVERIFY(!isPhoneRegion(QStringLiteral("XX")));
        QVERIFY(!isPhoneRegion(QString()));
        const auto names = phoneRegionNames();
        QCOMPARE(names.first().code, QStringLiteral("JP"));
        for (const PhoneRegionName &r : names) {
            QVERIFY2(isPhoneRegion(r.code), qPrintable(r.code));
            QVERIFY(!r.name.isEmpty());
        }
    }

    // The fast path of phoneError/phoneKey (phone.cpp) gives what libphonenumber's parser gives,
    // whenever it answers: numbers of several countries in the usual national and international
    // forms, with the digits made up at random (most of them are not valid numbers), with
    // calls abroad (IDD), the country code without +, separators, too few and too many digits.
    void fastPathEqualsParse() {
        struct Country {
            const char *region;
            const char *code;
            const char *idd;
        };
        const Country countries[] = {{"JP", "81", "010"}, {"US", "1", "011"}, {"GB", "44", "00"},
                                     {"DE", "49", "00"},  {"FR", "33", "00"}, {"IN", "91", "00"}};
        const QString separators[] = {QStringLiteral("-"), QStringLiteral(" "), QStringLiteral("."),
                                      QString()};
        QRandomGenerator rng(12);
        const auto digits = [&rng](int n) {
            QString out;
            for (int i = 0; i < n; ++i)
                out += QChar(u'0' + int(rng.bounded(10)));
            return out;
        };
        // "0312345678" → "03-1234-5678", "(03) 1234 5678", …
        const auto written = [&](const QString &d) -> QString {
            const QString sep = separators[rng.bounded(4)];
            if (d.size() < 6)
                return d;
            const int a = 2 + int(rng.bounded(3));
            const int b = a + 3 + int(rng.bounded(2));
            const QString head = rng.bounded(5) == 0 ? u'(' + d.left(a) + u')' : d.left(a);
            return head + sep + d.mid(a, b - a) + sep + d.mid(b);
        };
        int answered = 0;
        int checked = 0;
        for (const Country &c : countries) {
            const QString region = QString::fromLatin1(c.region);
            const QString code = QString::fromLatin1(c.code);
            for (int i = 0; i < 6000; ++i) {
                QString d;
                switch (rng.bounded(8)) {
                case 0: // national, any length
                    d = digits(4 + int(rng.bounded(10)));
                    break;
                case 1:
                case 2:
                case 3: // with the national prefix (US: none, 1 is its prefix)
                    d = (region == u"US" ? QString() : QStringLiteral("0")) +
                        digits(9 + int(rng.bounded(3)));
                    break;
                case 4: // a call abroad from the region
                    d = QString::fromLatin1(c.idd) + digits(8 + int(rng.bounded(6)));
                    break;
                case 5: // the country code without +
                    d = code + digits(8 + int(rng.bounded(4)));
                    break;
                default: // international, sometimes with the national prefix kept
                    d = code + (rng.bounded(4) == 0 ? QStringLiteral("0") : QString()) +
                        digits(8 + int(rng.bounded(4)));
                    break;
                }
                QString text = written(d);
                if (rng.bounded(8) >= 6 || (d.startsWith(code) && rng.bounded(2) == 0))
                    text = u'+' + text;
                const QString fast = fastPhoneE164(text, region);
                ++checked;
                if (fast.isEmpty())
                    continue;
                ++answered;
                const PhoneNumber slow = parsePhone(text, region);
                QVERIFY2(slow.valid, qPrintable(text + u' ' + region + u' ' + fast));
                QCOMPARE(slow.e164, fast);
                QVERIFY(slow.extension.isEmpty());
                QCOMPARE(phoneKey(text, region), fast);
            }
        }
        // The usual forms take the fast path.
        QCOMPARE(fastPhoneE164(QStringLiteral("03-1234-5678"), QStringLiteral("JP")),
                 QStringLiteral("+81312345678"));
        QCOMPARE(fastPhoneE164(QStringLiteral("０９０ー１２３４ー５６７８"), QStringLiteral("JP")),
                 QStringLiteral("+819012345678"));
        QCOMPARE(fastPhoneE164(QStringLiteral("(212) 555-0188"), QStringLiteral("US")),
                 QStringLiteral("+12125550188"));
        QCOMPARE(fastPhoneE164(QStringLiteral("+44 131 635 4287"), QStringLiteral("JP")),
                 QStringLiteral("+441316354287"));
        // Extensions, other countries' numbers and errors are the parser's.
        QCOMPARE(fastPhoneE164(QStringLiteral("415-555-0110 ext. 201"), QStringLiteral("US")),
                 QString());
        QCOMPARE(fastPhoneE164(QStringLiteral("03-1234-5678"), QStringLiteral("US")), QString());
        QCOMPARE(fastPhoneE164(QStringLiteral("03-1234"), QStringLiteral("JP")), QString());
        QVERIFY2(answered > checked / 10, qPrintable(QString::number(answered)));
    }

    // The fast path's regions (which region of a country code is its main one, which codes
    // are shared) are read from libphonenumber's metadata by phone.cpp itself: for every
    // country code and every region, what the fast path answers is what the parser answers.
    void fastPathEveryRegion() {
        QRandomGenerator rng(13);
        const auto digits = [&rng](int n) {
            QString out;
            for (int i = 0; i < n; ++i)
                out += QChar(u'0' + int(rng.bounded(10)));
            return out;
        };
        int answered = 0;
        const auto same = [&](const QString &text, const QString &region) {
            const QString fast = fastPhoneE164(text, region);
            if (fast.isEmpty())
                return;
            ++answered;
            const PhoneNumber slow = parsePhone(text, region);
            QVERIFY2(slow.valid, qPrintable(text + u' ' + region + u' ' + fast));
            QCOMPARE(slow.e164, fast);
        };
        for (int code = 1; code <= 999; ++code) {
            for (int i = 0; i < 6; ++i)
                same(u'+' + QString::number(code) + u' ' + digits(6 + int(rng.bounded(7))),
                     QStringLiteral("JP"));
        }
        for (char16_t a = u'A'; a <= u'Z'; ++a) {
            for (char16_t b = u'A'; b <= u'Z'; ++b) {
                const QString region = QString(QChar(a)) + QChar(b);
                if (!isPhoneRegion(region))
                    continue;
                for (int i = 0; i < 6; ++i)
                    same((i % 2 ? QStringLiteral("0") : QString()) +
                             digits(7 + int(rng.bounded(5))),
                         region);
            }
        }
        QVERIFY2(answered > 200, qPrintable(QString::number(answered)));
    }

    // Imports parse on a worker thread while the window validates on its own.
    void threadSafe() {
        std::vector<std::thread> threads;
        std::vector<int> good(4, 0);
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([t, &good] {
                for (int i = 0; i < 500; ++i) {
                    const bool us = (i + t) % 2;
                    const PhoneNumber p =
                        us ? parsePhone(QStringLiteral("(212) 555-0188"), QStringLiteral("US"))
                           : parsePhone(QStringLiteral("03-1234-5678"), QStringLiteral("JP"));
                    if (p.valid && p.e164 == (us ? QStringLiteral("+12125550188")
                                                 : QStringLiteral("+81312345678")))
                        ++good[std::size_t(t)];
                }
            });
        }
        for (std::thread &th : threads)
            th.join();
        for (int g : good)
            QCOMPARE(g, 500);
    }
};

QTEST_GUILESS_MAIN(TestPhone)
#include "tst_phone.moc"
