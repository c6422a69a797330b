// Phone numbers from anywhere (models/text/phone.h, issue 12): numbers as people write them in
// the United States, the United Kingdom and Japan are valid in their region, keyed as E.164 with
// the extension kept apart; text that is not a number is an error with a reason. The numbers are
// fictional (US 555-01xx) or made up.

#include "models/text/phone.h"

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
