#include "models/io/leadrow.h"

#include <QTest>

using namespace mikomi;
using namespace mikomi::io;

namespace {

QStringList list(std::initializer_list<const char16_t *> l) {
    QStringList out;
    for (const char16_t *s : l)
        out.append(QString::fromUtf16(s));
    return out;
}

RowResult<LeadRow> convert(const QStringList &headers, const QStringList &values, int minor = 1) {
    return leadFromRow(mapLeadHeaders(headers), CsvRecord{7, values}, RowOptions{minor});
}

} // namespace

class TestLeadRow final : public QObject {
    Q_OBJECT
private slots:
    void money_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("minor");
        QTest::addColumn<qlonglong>("expected"); // -1 = rejected
        QTest::newRow("plain") << "1200" << 1 << 1200LL;
        QTest::newRow("thousands") << "1,200,000" << 1 << 1200000LL;
        QTest::newRow("yen sign") << "¥1,200" << 1 << 1200LL;
        QTest::newRow("full-width yen") << "￥１，２００" << 1 << 1200LL;
        QTest::newRow("円") << "3000円" << 1 << 3000LL;
        QTest::newRow("dollars") << "$12.34" << 100 << 1234LL;
        QTest::newRow("dollars one decimal") << "12.3" << 100 << 1230LL;
        QTest::newRow("dollars whole") << "1,000" << 100 << 100000LL;
        QTest::newRow("yen .00") << "1000.00" << 1 << -1LL; // yen has no decimals, not even zeros
        // Review F5: "1.000" is European grouping as often as a decimal; a foreign sign is never
        // dropped; a currency's own code is fine.
        QTest::newRow("yen 1.000 ambiguous") << "1.000" << 1 << -1LL;
        QTest::newRow("yen 1.000.000 ambiguous") << "1.000.000" << 1 << -1LL;
        QTest::newRow("dollar sign in yen") << "$1,000" << 1 << -1LL;
        QTest::newRow("euro in yen") << "€1,000" << 1 << -1LL;
        QTest::newRow("EUR code in yen") << "1000 EUR" << 1 << -1LL;
        QTest::newRow("yen sign in dollars") << "¥1,000" << 100 << -1LL;
        QTest::newRow("円 in dollars") << "1000円" << 100 << -1LL;
        QTest::newRow("yen sign and 円") << "¥1,500,000円" << 1 << 1500000LL;
        QTest::newRow("JPY code") << "JPY 1,500" << 1 << 1500LL;
        QTest::newRow("USD code after") << "1,500.25 USD" << 100 << 150025LL;
        QTest::newRow("full-width grouping") << "１，５００，０００" << 1 << 1500000LL;
        QTest::newRow("backslash yen (Shift_JIS)") << "\\1,000" << 1 << 1000LL;
        QTest::newRow("space inside") << "1 000" << 1 << -1LL;
        QTest::newRow("triangle negative") << "▲500" << 1 << -1LL;
        QTest::newRow("yen decimals") << "1000.5" << 1 << -1LL;
        QTest::newRow("cents too fine") << "1.234" << 100 << -1LL;
        QTest::newRow("abc") << "abc" << 1 << -1LL;
        QTest::newRow("1.2.3") << "1.2.3" << 1 << -1LL;
        QTest::newRow("bad groups") << "1,20,0" << 1 << -1LL;
        QTest::newRow("negative") << "-5" << 1 << -1LL;
        QTest::newRow("empty") << "" << 1 << -1LL;
        QTest::newRow("huge") << "99999999999999999999" << 1 << -1LL;
    }
    void money() {
        QFETCH(QString, text);
        QFETCH(int, minor);
        QFETCH(qlonglong, expected);
        const auto m = parseMoney(text, minor);
        if (expected < 0)
            QVERIFY2(!m.has_value(), qPrintable(text));
        else
            QCOMPARE(m.value_or(-1), expected);
    }
    void names_data() {
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("given");
        QTest::newRow("jp space") << "山田 太郎"
                                  << "山田"
                                  << "太郎";
        QTest::newRow("jp ideographic space") << "山田\u3000太郎"
                                              << "山田"
                                              << "太郎";
        QTest::newRow("jp no space") << "山田太郎"
                                     << "山田太郎"
                                     << "";
        QTest::newRow("kana") << "やまだ たろう"
                              << "やまだ"
                              << "たろう";
        QTest::newRow("latin") << "Anna Smith"
                               << "Smith"
                               << "Anna";
        QTest::newRow("latin middle") << "Anna Maria Smith"
                                      << "Smith"
                                      << "Anna Maria";
        QTest::newRow("latin comma") << "Smith, Anna"
                                     << "Smith"
                                     << "Anna";
        QTest::newRow("single") << "Madonna"
                                << "Madonna"
                                << "";
    }
    void names() {
        QFETCH(QString, full);
        QFETCH(QString, family);
        QFETCH(QString, given);
        const auto [f, g] = splitFullName(full);
        QCOMPARE(f, family);
        QCOMPARE(g, given);
    }
    void fullJapaneseRow() {
        const QStringList h = list({u"会社名", u"姓", u"名", u"セイ", u"メイ", u"メールアドレス",
                                    u"電話番号", u"携帯電話", u"ステージ", u"登録日", u"受注金額",
                                    u"配信停止", u"流入元", u"ソース種別", u"受注日"});
        const QStringList v = list({u" 株式会社髙橋 ", u"髙橋", u"一郎", u"タカハシ", u"イチロウ",
                                    u"ichiro@example.co.jp", u"03-1234-5678",
                                    u"０９０－１２３４－５６７８", u"受注", u"2026/03/04 09:30",
                                    u"¥1,200,000", u"はい", u"展示会", u"イベント", u"2026-04-01"});
        const auto r = convert(h, v);
        QVERIFY(r.ok());
        const Lead &l = r.value->lead;
        QCOMPARE(l.company, QStringLiteral("株式会社髙橋"));
        QCOMPARE(l.familyName, QStringLiteral("髙橋"));
        QCOMPARE(l.givenName, QStringLiteral("一郎"));
        QCOMPARE(l.familyReading, QStringLiteral("タカハシ"));
        QCOMPARE(l.givenReading, QStringLiteral("イチロウ"));
        QCOMPARE(l.email, QStringLiteral("ichiro@example.co.jp"));
        QCOMPARE(l.phone, QStringLiteral("03-1234-5678"));
        QCOMPARE(l.mobile, QStringLiteral("０９０－１２３４－５６７８")); // kept as typed
        QCOMPARE(l.stage, Stage::Customer);
        QCOMPARE(l.createdAt, QDateTime(QDate(2026, 3, 4), QTime(9, 30)));
        QCOMPARE(l.dealValue, std::optional<Money>(1200000));
        QCOMPARE(l.wonAt, std::optional<QDate>(QDate(2026, 4, 1)));
        QVERIFY(l.optOut);
        QCOMPARE(l.source, QStringLiteral("展示会"));
        QCOMPARE(r.value->sourceCategory, std::optional<SourceCategory>(SourceCategory::Event));
        QVERIFY(!l.anonymous);
    }
    // Cells are trimmed of every kind of space Qt knows (QChar::isSpace), answered without
    // Qt's tables for ASCII and above U+3000; a cell of spaces alone is empty.
    void cellsTrimmed() {
        const auto r = convert(
            list({u"会社名", u"姓", u"名", u"部署", u"役職", u"メールアドレス"}),
            list({u"\u3000株式会社サンプル\u00a0", u"\u2003山田\u0085", u"\t太郎\r\v\f ",
                  u"\u3000\u2029 ", u"\u1680営業\u205f部長\u202f", u" a@example.jp\u2028"}));
        QVERIFY(r.ok());
        const Lead &l = r.value->lead;
        QCOMPARE(l.company, QStringLiteral("株式会社サンプル"));
        QCOMPARE(l.familyName, QStringLiteral("山田"));
        QCOMPARE(l.givenName, QStringLiteral("太郎"));
        QVERIFY(l.department.isEmpty());
        QCOMPARE(l.title, QStringLiteral("営業\u205f部長"));
        QCOMPARE(l.email, QStringLiteral("a@example.jp"));
    }
    void noSpaceAboveIdeographicSpace() {
        for (char32_t u = 0x3001; u <= 0x10FFFF; ++u)
            QVERIFY2(!QChar::isSpace(u), qPrintable(QString::number(uint(u), 16)));
    }
    void fullNameColumn() {
        const auto r = convert(list({u"name", u"email"}), list({u"Anna Smith", u"anna@x.com"}));
        QVERIFY(r.ok());
        QCOMPARE(r.value->lead.familyName, QStringLiteral("Smith"));
        QCOMPARE(r.value->lead.givenName, QStringLiteral("Anna"));
        const auto jp =
            convert(list({u"氏名", u"フリガナ"}), list({u"佐藤\u3000花子", u"サトウ ハナコ"}));
        QVERIFY(jp.ok());
        QCOMPARE(jp.value->lead.familyName, QStringLiteral("佐藤"));
        QCOMPARE(jp.value->lead.givenName, QStringLiteral("花子"));
        QCOMPARE(jp.value->lead.familyReading, QStringLiteral("サトウ"));
        QCOMPARE(jp.value->lead.givenReading, QStringLiteral("ハナコ"));
    }
    void errorsNameColumnAndLine_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("value");
        QTest::newRow("bad date") << "作成日"
                                  << "2026-02-30";
        QTest::newRow("us date") << "Create Date"
                                 << "03/04/2026";
        QTest::newRow("bad money") << "Amount"
                                   << "abc";
        QTest::newRow("money 1.2.3") << "Amount"
                                     << "1.2.3";
        QTest::newRow("yen decimals") << "Amount"
                                      << "10.5";
        QTest::newRow("bad email") << "Email"
                                   << "taro@@example";
        QTest::newRow("bad phone") << "Phone"
                                   << "call me";
        QTest::newRow("bad mobile") << "携帯"
                                    << "12";
        QTest::newRow("bad opt out") << "Opt Out"
                                     << "maybe";
        QTest::newRow("bad stage") << "Lifecycle Stage"
                                   << "purple";
        QTest::newRow("bad category") << "source category"
                                      << "radio";
        QTest::newRow("bad won date") << "won date"
                                      << "tomorrow";
    }
    void errorsNameColumnAndLine() {
        QFETCH(QString, header);
        QFETCH(QString, value);
        const auto r =
            convert({QStringLiteral("company"), header}, {QStringLiteral("ACME"), value});
        QVERIFY(!r.ok());
        QVERIFY(!r.value.has_value());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].line, 7);
        QCOMPARE(r.errors[0].column, header);
        QVERIFY2(r.errors[0].reason.contains(value), qPrintable(r.errors[0].reason));
    }
    void moneyErrorsSayWhy() {
        const auto reason = [](const char16_t *value, int minor = 1) {
            const auto r = convert(list({u"company", u"amount"}), list({u"ACME", value}), minor);
            return r.errors.isEmpty() ? QString() : r.errors.constFirst().reason;
        };
        QVERIFY2(reason(u"1.000").contains(QLatin1String("ambiguous")),
                 qPrintable(reason(u"1.000")));
        QVERIFY2(reason(u"$1,000").contains(QLatin1String("another currency")),
                 qPrintable(reason(u"$1,000")));
        QVERIFY2(reason(u"1.5").contains(QLatin1String("decimals")), qPrintable(reason(u"1.5")));
        QVERIFY2(reason(u"1.555", 100).contains(QLatin1String("two decimals")),
                 qPrintable(reason(u"1.555", 100)));
        QVERIFY2(reason(u"-5").contains(QLatin1String("negative")), qPrintable(reason(u"-5")));
    }
    // Review F9: a NUL (or another control character) is a row error naming the column and the
    // position; notes may hold TAB and line breaks, other fields not.
    void controlCharactersAreErrors() {
        const QString nul = QStringLiteral("Nul") + QChar(0) + QStringLiteral("Co");
        auto r = convert(list({u"company", u"last name", u"notes"}),
                         {nul, QStringLiteral("Nul\aName"), QStringLiteral("before\0after")});
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors[0].line, 7);
        QCOMPARE(r.errors[0].column, QStringLiteral("company"));
        QVERIFY2(r.errors[0].reason.contains(QLatin1String("U+0000")) &&
                     r.errors[0].reason.contains(QLatin1String("position 4")),
                 qPrintable(r.errors[0].reason));
        QCOMPARE(r.errors[1].column, QStringLiteral("last name"));
        QVERIFY(r.errors[1].reason.contains(QLatin1String("U+0007")));
        QCOMPARE(r.errors[2].column, QStringLiteral("notes"));
        r = convert(list({u"company", u"notes"}), list({u"ACME", u"line 1\n\tline 2\r\nend"}));
        QVERIFY(r.ok());
        r = convert(list({u"company", u"city"}), list({u"ACME", u"Tokyo\nOsaka"}));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].column, QStringLiteral("city"));
        r = convert(list({u"company", u"email"}), list({u"AC\x85ME", u"a@b.jp"})); // C1 NEL
        QCOMPARE(r.errors.size(), 1);
        const HeaderMap spend = mapSpendHeaders(list({u"source", u"month", u"amount"}));
        const auto s =
            spendFromRow(spend, CsvRecord{2,
                                          {QStringLiteral("Ads") + QChar(0),
                                           QStringLiteral("2026-01"), QStringLiteral("100")}});
        QCOMPARE(s.errors.size(), 1);
        QCOMPARE(s.errors[0].column, QStringLiteral("source"));
    }
    void severalErrorsInOneRow() {
        const auto r =
            convert(list({u"email", u"created", u"amount"}), list({u"bad", u"yesterday", u"x"}));
        QCOMPARE(r.errors.size(), 3);
    }
    void emptyRowIsAnError() {
        const auto r =
            convert(list({u"company", u"given name", u"notes"}), list({u"", u"Taro", u"hi"}));
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(r.errors[0].column.isEmpty());
        QVERIFY(r.errors[0].reason.contains(QLatin1String("identifying")));
        // Short record (fewer fields than headers) does not crash and is empty.
        QCOMPARE(convert(list({u"company", u"email"}), {}).errors.size(), 1);
    }
    void companyOnlyIsAnonymous() {
        const auto r = convert(list({u"company", u"email opt out"}), list({u"ACME", u"no"}));
        QVERIFY(r.ok());
        QVERIFY(r.value->lead.anonymous);
        QVERIFY(!r.value->lead.optOut);
    }
    void optOutValues() {
        for (const char16_t *t :
             {u"1", u"TRUE", u"Yes", u"y", u"x", u"○", u"はい", u"配信停止", u"１"})
            QCOMPARE(parseOptOut(QString::fromUtf16(t)), std::optional<bool>(true));
        for (const char16_t *f : {u"0", u"false", u"NO", u"", u"いいえ"})
            QCOMPARE(parseOptOut(QString::fromUtf16(f)), std::optional<bool>(false));
        QVERIFY(!parseOptOut(QStringLiteral("maybe")).has_value());
    }
    // Consent columns (product.md §Privacy): the export's keys and common headers.
    void consentColumns() {
        auto r = convert(list({u"company", u"consent_date", u"consent_basis"}),
                         list({u"ACME", u"2026/03/14", u"legitimate_interest"}));
        QVERIFY(r.ok());
        QCOMPARE(r.value->lead.consentAt, std::optional<QDate>(QDate(2026, 3, 14)));
        QCOMPARE(r.value->lead.consentBasis, ConsentBasis::LegitimateInterest);
        r = convert(list({u"company", u"同意日", u"同意の根拠"}),
                    list({u"ACME", u"2026-04-01", u"同意"}));
        QVERIFY(r.ok());
        QCOMPARE(r.value->lead.consentAt, std::optional<QDate>(QDate(2026, 4, 1)));
        QCOMPARE(r.value->lead.consentBasis, ConsentBasis::Consent);
        r = convert(list({u"company", u"consent_basis", u"consent_date"}),
                    list({u"ACME", u"maybe", u"not a date"}));
        QCOMPARE(r.errors.size(), 2);
        QVERIFY(r.errors[0].reason.contains(QStringLiteral("legitimate_interest")) ||
                r.errors[1].reason.contains(QStringLiteral("legitimate_interest")));
    }
    void crmStageValues() {
        auto r =
            convert(list({u"company", u"lead status"}), list({u"ACME", u"Closed - Converted"}));
        QVERIFY(r.ok());
        QCOMPARE(r.value->lead.stage, Stage::Opportunity);
        QCOMPARE(r.value->lead.furthestStage, Stage::Opportunity);
        QVERIFY(!r.value->lead.lost);
        r = convert(list({u"company", u"ライフサイクルステージ"}), list({u"ACME", u"失注"}));
        QVERIFY(r.ok());
        QVERIFY(r.value->lead.lost);
        // Unknown: the error names the value and the accepted ones.
        r = convert(list({u"company", u"stage"}), list({u"ACME", u"Sleeping"}));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].column, QStringLiteral("stage"));
        for (const char *word : {"\"Sleeping\"", "inquiry", "mql", "sql", "opportunity", "customer",
                                 "lost", "HubSpot", "Salesforce"})
            QVERIFY2(r.errors[0].reason.contains(QLatin1String(word)),
                     qPrintable(r.errors[0].reason));
    }
    void lostStage() {
        const auto r = convert(list({u"company", u"stage", u"lost reason", u"失注日"}),
                               list({u"ACME", u"Closed Lost", u"price", u"2026/05/01"}));
        QVERIFY(r.ok());
        QVERIFY(r.value->lead.lost);
        QCOMPARE(r.value->lead.stage, Stage::Inquiry);
        QCOMPARE(r.value->lead.lostReason, QStringLiteral("price"));
        QCOMPARE(r.value->lead.lostAt, std::optional<QDate>(QDate(2026, 5, 1)));
    }
    void usdCents() {
        const auto r = convert(list({u"company", u"deal value", u"ltv"}),
                               list({u"ACME", u"$1,234.50", u"99"}), 100);
        QVERIFY(r.ok());
        QCOMPARE(r.value->lead.dealValue, std::optional<Money>(123450));
        QCOMPARE(r.value->lead.lifetimeValue, std::optional<Money>(9900));
    }
    void spendRows() {
        const HeaderMap m = mapSpendHeaders(list({u"流入元", u"月", u"費用"}));
        auto ok = spendFromRow(m, CsvRecord{2, list({u"展示会", u"2026/3", u"１２０，０００"})});
        QVERIFY(ok.ok());
        QCOMPARE(ok.value->source, QStringLiteral("展示会"));
        QCOMPARE(ok.value->month, QStringLiteral("2026-03"));
        QCOMPARE(ok.value->amount, Money(120000));
        auto bad = spendFromRow(m, CsvRecord{3, list({u"", u"2026-13", u"12.5"})});
        QCOMPARE(bad.errors.size(), 3);
        QCOMPARE(bad.errors[0].column, QStringLiteral("流入元"));
        QCOMPARE(bad.errors[1].column, QStringLiteral("月"));
        QCOMPARE(bad.errors[2].line, 3);
        QVERIFY(!parseMonth(QStringLiteral("2026-03-01")).has_value());
        QCOMPARE(parseMonth(QStringLiteral("２０２６／０７")),
                 std::optional<QString>(QStringLiteral("2026-07")));
    }
    void touchpointRows() {
        const HeaderMap m =
            mapTouchpointHeaders(list({u"email", u"occurred_at", u"utm_source", u"utm_medium",
                                       u"utm_campaign", u"utm_content"}));
        auto ok = touchpointFromRow(m, CsvRecord{2, list({u"a@b.jp", u"2026-03-04 10:00", u"google",
                                                          u"cpc", u"spring", u"ad1"})});
        QVERIFY(ok.ok());
        QCOMPARE(ok.value->email, QStringLiteral("a@b.jp"));
        QCOMPARE(ok.value->touchpoint.source, QStringLiteral("google"));
        QCOMPARE(ok.value->touchpoint.medium, QStringLiteral("cpc"));
        QCOMPARE(ok.value->touchpoint.campaign, QStringLiteral("spring"));
        QCOMPARE(ok.value->touchpoint.content, QStringLiteral("ad1"));
        QCOMPARE(ok.value->touchpoint.occurredAt, QDateTime(QDate(2026, 3, 4), QTime(10, 0)));
        auto bad = touchpointFromRow(m, CsvRecord{5, list({u"nope", u"2026-3-4 25:00", u""})});
        QCOMPARE(bad.errors.size(), 3);
        QCOMPARE(bad.errors[1].column, QStringLiteral("occurred_at"));
    }
};

QTEST_GUILESS_MAIN(TestLeadRow)
#include "tst_leadrow.moc"
