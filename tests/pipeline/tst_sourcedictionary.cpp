#include "models/domain/sourcedictionary.h"

#include <QTest>

using namespace mikomi;

class TestSourceDictionary final : public QObject {
    Q_OBJECT
private slots:
    void categories_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("category"); // -1 = no suggestion
        QTest::newRow("google ads") << QStringLiteral("Google Ads") << int(SourceCategory::Paid);
        QTest::newRow("full-width")
            << QStringLiteral("Ｇｏｏｇｌｅ　Ａｄｓ") << int(SourceCategory::Paid);
        QTest::newRow("google広告") << QStringLiteral("Google広告") << int(SourceCategory::Paid);
        QTest::newRow("linkedin ads")
            << QStringLiteral("LinkedIn Ads") << int(SourceCategory::Paid);
        QTest::newRow("linkedin") << QStringLiteral("LinkedIn") << int(SourceCategory::Outbound);
        QTest::newRow("展示会") << QStringLiteral("東京展示会2026") << int(SourceCategory::Event);
        QTest::newRow("trade show") << QStringLiteral("Trade Show") << int(SourceCategory::Event);
        QTest::newRow("webinar") << QStringLiteral("Webinar") << int(SourceCategory::Event);
        QTest::newRow("ウェビナー") << QStringLiteral("ウェビナー") << int(SourceCategory::Event);
        QTest::newRow("紹介") << QStringLiteral("顧客紹介") << int(SourceCategory::Partnership);
        QTest::newRow("referral") << QStringLiteral("Referral") << int(SourceCategory::Partnership);
        QTest::newRow("seo") << QStringLiteral("SEO") << int(SourceCategory::Inbound);
        QTest::newRow("organic") << QStringLiteral("Organic Search")
                                 << int(SourceCategory::Inbound);
        QTest::newRow("テレアポ") << QStringLiteral("テレアポ") << int(SourceCategory::Outbound);
        QTest::newRow("cold call") << QStringLiteral("Cold call") << int(SourceCategory::Outbound);
        QTest::newRow("不明") << QStringLiteral("不明") << int(SourceCategory::Unknown);
        QTest::newRow("no word inside") << QStringLiteral("Seoul office") << -1;
        QTest::newRow("nothing") << QStringLiteral("Acme") << -1;
        QTest::newRow("empty") << QString() << -1;
    }
    void categories() {
        QFETCH(QString, name);
        QFETCH(int, category);
        const auto s = sources::suggestCategory(name);
        QCOMPARE(s ? int(*s) : -1, category);
    }

    // The one definition of an unknown source (the audit in storage and the reports use it).
    void unknownNames() {
        for (const char *n :
             {"", " ", "Unknown", "ＯＴＨＥＲ", "none", "N/A", "不明", " その他 ", "なし"})
            QVERIFY2(sources::isUnknownSourceName(QString::fromUtf8(n)), n);
        for (const char *n : {"SEO", "Other Ads", "不明瞭", "NA", "unknown source"})
            QVERIFY2(!sources::isUnknownSourceName(QString::fromUtf8(n)), n);
    }

    void wellKnownSpellings() {
        QCOMPARE(sources::wellKnownSpelling(QStringLiteral("seo")),
                 std::optional<QString>(QStringLiteral("SEO")));
        QCOMPARE(sources::wellKnownSpelling(QStringLiteral("google ADS")),
                 std::optional<QString>(QStringLiteral("Google Ads")));
        QCOMPARE(sources::wellKnownSpelling(QStringLiteral("ｌｉｎｋｅｄｉｎ")),
                 std::optional<QString>(QStringLiteral("LinkedIn")));
        QCOMPARE(sources::wellKnownSpelling(QStringLiteral("Kumagaya Bookshelf")),
                 std::optional<QString>());
        QCOMPARE(sources::wellKnownSpelling(QString()), std::optional<QString>());
    }

    void stems() {
        QCOMPARE(sources::stemKey(QStringLiteral("LinkedIn Ads")), QStringLiteral("linkedin"));
        QCOMPARE(sources::stemKey(QStringLiteral("Google広告")), QStringLiteral("google"));
        QCOMPARE(sources::stemKey(QStringLiteral("Facebook Ad")), QStringLiteral("facebook"));
        QCOMPARE(sources::stemKey(QStringLiteral("Ads")), QStringLiteral("ads"));
    }

    void editDistance() {
        QCOMPARE(sources::editDistance(QStringLiteral("webinar"), QStringLiteral("webniar")), 2);
        QCOMPARE(sources::editDistance(QStringLiteral("kitten"), QStringLiteral("sitting")), 3);
        QCOMPARE(sources::editDistance(QString(), QStringLiteral("abc")), 3);
    }

    void duplicates() {
        auto src = [](qint64 id, const char16_t *name, qint64 leads) {
            Source s;
            s.id = id;
            s.name = QString::fromUtf16(name);
            s.leadCount = leads;
            return s;
        };
        const QList<Source> list{
            src(1, u"LinkedIn", 50),   src(2, u"LinkedIn Ads", 5), src(3, u"Google広告", 3),
            src(4, u"Google Ads", 40), src(5, u"Webinar", 20),     src(6, u"Webiner", 2),
            src(7, u"SEO", 30),        src(8, u"SMS", 3),          src(9, u"ＬｉｎｋｅｄＩｎ", 1)};
        const auto d = sources::suggestDuplicates(list);
        auto has = [&](qint64 from, qint64 into) {
            for (const auto &s : d) {
                if (s.fromId == from && s.intoId == into)
                    return true;
            }
            return false;
        };
        QVERIFY(has(2, 1)); // suffix Ads, kept: more leads
        QVERIFY(has(3, 4)); // 広告 vs Ads
        QVERIFY(has(6, 5)); // typo
        QVERIFY(has(9, 1)); // same after normalisation
        for (const auto &s : d) {
            QVERIFY2(!(s.fromId == 8 || s.intoId == 8), "SEO/SMS must not be suggested");
        }
        QCOMPARE(d.size(), 5); // + LinkedIn Ads ↔ ＬｉｎｋｅｄＩｎ (suffix)

        // Aliases count: "Webiner" is a typo of the alias "Webinar" of ウェビナー.
        Source jp = src(10, u"ウェビナー", 100);
        jp.aliases = {QStringLiteral("Webinar")};
        const auto e = sources::suggestDuplicates({jp, src(11, u"Webiner", 1), src(12, u"SEO", 9)});
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.first().fromId, 11);
        QCOMPARE(e.first().intoId, 10);
        QCOMPARE(e.first().reason, sources::DuplicateSuggestion::Reason::Typo);
    }
};

QTEST_GUILESS_MAIN(TestSourceDictionary)
#include "tst_sourcedictionary.moc"
