// The field rules of models/ocr/cardfields on text lines alone (no image, no tesseract): what a
// user sees prefilled when the OCR read the lines right.
#include "models/ocr/cardfields.h"
#include "models/ocr/cardscanner.h"
#include "models/text/phone.h"

#include <QTest>

using namespace mikomi::ocr;

namespace {

// Lines top to bottom, each `size` px high, read with `conf`.
Page page(const QList<std::pair<QString, int>> &lines, float conf = 95) {
    Page p;
    p.size = QSize(1075, 650);
    int y = 20;
    for (const auto &[text, size] : lines) {
        TextLine l;
        l.text = text;
        l.box = QRect(40, y, 600, size);
        l.confidence = conf;
        Word w;
        w.text = text;
        w.box = l.box;
        w.confidence = conf;
        l.words = {w};
        p.lines.append(l);
        y += size + 10;
    }
    return p;
}

} // namespace

class TestCardFields : public QObject {
    Q_OBJECT
private slots:
    void japaneseCard() {
        const CardFields f = extractFields(
            page({{QStringLiteral("株式会社サンプル商会"), 40},
                  {QStringLiteral("営業本部 第二営業部 部長代理"), 28},
                  {QStringLiteral("岡田 健一"), 72},
                  {QStringLiteral("おかだ けんいち"), 24},
                  {QStringLiteral("〒530-0001 大阪府大阪市北区梅田3-1-1 サンプルタワー12階"), 24},
                  {QStringLiteral("TEL:06-1111-2222 FAX:06-1111-2223"), 24},
                  {QStringLiteral("携帯 080-3333-4444"), 24},
                  {QStringLiteral("Mail k.okada@sample.example.jp"), 24},
                  {QStringLiteral("URL sample.example.jp"), 24}}));
        QCOMPARE(f.value(QStringLiteral("company")), QStringLiteral("株式会社サンプル商会"));
        QCOMPARE(f.value(QStringLiteral("department")), QStringLiteral("営業本部第二営業部"));
        QCOMPARE(f.value(QStringLiteral("title")), QStringLiteral("部長代理"));
        QCOMPARE(f.value(QStringLiteral("family_name")), QStringLiteral("岡田"));
        QCOMPARE(f.value(QStringLiteral("given_name")), QStringLiteral("健一"));
        QCOMPARE(f.value(QStringLiteral("family_reading")), QStringLiteral("おかだ"));
        QCOMPARE(f.value(QStringLiteral("given_reading")), QStringLiteral("けんいち"));
        QCOMPARE(f.value(QStringLiteral("postal_code")), QStringLiteral("530-0001"));
        QCOMPARE(f.value(QStringLiteral("prefecture")), QStringLiteral("大阪府"));
        QCOMPARE(f.value(QStringLiteral("city")), QStringLiteral("大阪市北区"));
        QCOMPARE(f.value(QStringLiteral("street")), QStringLiteral("梅田3-1-1"));
        QCOMPARE(f.value(QStringLiteral("building")), QStringLiteral("サンプルタワー12階"));
        QCOMPARE(f.value(QStringLiteral("phone")), QStringLiteral("06-1111-2222"));
        QCOMPARE(f.value(QStringLiteral("fax")), QStringLiteral("06-1111-2223"));
        QCOMPARE(f.value(QStringLiteral("mobile")), QStringLiteral("080-3333-4444"));
        QCOMPARE(f.value(QStringLiteral("email")), QStringLiteral("k.okada@sample.example.jp"));
        QCOMPARE(f.value(QStringLiteral("website")), QStringLiteral("sample.example.jp"));
        QCOMPARE(f.certainty(QStringLiteral("email")), Certainty::Confident);
        QCOMPARE(f.certainty(QStringLiteral("company_reading")), Certainty::Empty);
    }

    void ocrSlips() {
        // 〒 read as 7, spaces around the dots of an email, a comma for a dot, an unlabelled
        // mobile, (株), a low confidence.
        const CardFields f =
            extractFields(page({{QStringLiteral("(株)テスト"), 40},
                                {QStringLiteral("開発室"), 28},
                                {QStringLiteral("田中 誠"), 72},
                                {QStringLiteral("7100-0001 東京都千代田区千代田1-1"), 24},
                                {QStringLiteral("090-1234-0000"), 24},
                                {QStringLiteral("m. tanaka@test,example.jp"), 24}},
                               80));
        QCOMPARE(f.value(QStringLiteral("company")), QStringLiteral("(株)テスト"));
        QCOMPARE(f.value(QStringLiteral("department")), QStringLiteral("開発室"));
        QCOMPARE(f.value(QStringLiteral("postal_code")), QStringLiteral("100-0001"));
        QCOMPARE(f.value(QStringLiteral("city")), QStringLiteral("千代田区"));
        QCOMPARE(f.value(QStringLiteral("mobile")), QStringLiteral("090-1234-0000"));
        QVERIFY(!f.has(QStringLiteral("phone")));
        QCOMPARE(f.value(QStringLiteral("email")), QStringLiteral("m.tanaka@test.example.jp"));
        QCOMPARE(f.certainty(QStringLiteral("email")), Certainty::Check);
    }

    void directLineFirst() {
        const CardFields f = extractFields(page({{QStringLiteral("合同会社みらい"), 40},
                                                 {QStringLiteral("森 花"), 72},
                                                 {QStringLiteral("TEL 03-0000-1111"), 24},
                                                 {QStringLiteral("直通 03-0000-1199"), 24}}));
        QCOMPARE(f.value(QStringLiteral("phone")), QStringLiteral("03-0000-1199"));
    }

    void englishCard() {
        const CardFields f =
            extractFields(page({{QStringLiteral("Acme Widgets, Inc."), 40},
                                {QStringLiteral("KELLY Morgan"), 60},
                                {QStringLiteral("Vice President, Sales"), 26},
                                {QStringLiteral("500 Main Street, Springfield, IL 62701"), 24},
                                {QStringLiteral("T +1 217 555 0100"), 24},
                                {QStringLiteral("M +1 217 555 0199"), 24},
                                {QStringLiteral("morgan@acme.example.com"), 24}}));
        QCOMPARE(f.value(QStringLiteral("company")), QStringLiteral("Acme Widgets, Inc."));
        QCOMPARE(f.value(QStringLiteral("title")), QStringLiteral("Vice President, Sales"));
        // An all-capitals word is the family name.
        QCOMPARE(f.value(QStringLiteral("family_name")), QStringLiteral("KELLY"));
        QCOMPARE(f.value(QStringLiteral("given_name")), QStringLiteral("Morgan"));
        QCOMPARE(f.value(QStringLiteral("postal_code")), QStringLiteral("62701"));
        QCOMPARE(f.value(QStringLiteral("phone")), QStringLiteral("+1 217 555 0100"));
        QCOMPARE(f.value(QStringLiteral("mobile")), QStringLiteral("+1 217 555 0199"));
        QVERIFY(!f.has(QStringLiteral("fax")));
        QVERIFY(!f.has(QStringLiteral("family_reading")));
    }

    void romajiReading() {
        // Mixed case: given name first.
        const CardFields f = extractFields(page({{QStringLiteral("有限会社ABC"), 40},
                                                 {QStringLiteral("佐藤 花子"), 72},
                                                 {QStringLiteral("Hanako Sato"), 24}}));
        QCOMPARE(f.value(QStringLiteral("family_reading")), QStringLiteral("Sato"));
        QCOMPARE(f.value(QStringLiteral("given_reading")), QStringLiteral("Hanako"));
    }

    void addresses_data() {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("tokyo ward")
            << QStringLiteral("東京都千代田区丸の内1-2-3 丸の内ビル5F")
            << QStringList{QStringLiteral("東京都"), QStringLiteral("千代田区"),
                           QStringLiteral("丸の内1-2-3"), QStringLiteral("丸の内ビル5F")};
        QTest::newRow("designated city")
            << QStringLiteral("大阪府大阪市中央区北浜2-6-18")
            << QStringList{QStringLiteral("大阪府"), QStringLiteral("大阪市中央区"),
                           QStringLiteral("北浜2-6-18"), QString()};
        QTest::newRow("county") << QStringLiteral("神奈川県足柄下郡箱根町湯本1-1")
                                << QStringList{QStringLiteral("神奈川県"),
                                               QStringLiteral("足柄下郡箱根町"),
                                               QStringLiteral("湯本1-1"), QString()};
        QTest::newRow("building glued")
            << QStringLiteral("福岡県福岡市博多区博多駅前1-1-1博多ビル3階")
            << QStringList{QStringLiteral("福岡県"), QStringLiteral("福岡市博多区"),
                           QStringLiteral("博多駅前1-1-1"), QStringLiteral("博多ビル3階")};
    }
    void addresses() {
        QFETCH(QString, address);
        QFETCH(QStringList, parts);
        const AddressParts a = splitJapaneseAddress(address);
        QCOMPARE(a.prefecture, parts.at(0));
        QCOMPARE(a.city, parts.at(1));
        QCOMPARE(a.street, parts.at(2));
        QCOMPARE(a.building, parts.at(3));
    }

    void englishAddresses_data() {
        QTest::addColumn<QString>("address");
        // street, building, city, state or prefecture, postal code, country
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("us") << QStringLiteral("500 Main Street, Springfield, IL 62701")
                            << QStringList{QStringLiteral("500 Main Street"), QString(),
                                           QStringLiteral("Springfield"),     QStringLiteral("IL"),
                                           QStringLiteral("62701"),           QString()};
        QTest::newRow("us suite country")
            << QStringLiteral("1200 Market St, Suite 400, San Francisco, CA 94103-1234, USA")
            << QStringList{QStringLiteral("1200 Market St"), QStringLiteral("Suite 400"),
                           QStringLiteral("San Francisco"),  QStringLiteral("CA"),
                           QStringLiteral("94103-1234"),     QStringLiteral("USA")};
        QTest::newRow("us no comma before state")
            << QStringLiteral("77 Elm Avenue, Austin TX 78701, United States")
            << QStringList{QStringLiteral("77 Elm Avenue"), QString(),
                           QStringLiteral("Austin"),        QStringLiteral("TX"),
                           QStringLiteral("78701"),         QStringLiteral("United States")};
        QTest::newRow("uk") << QStringLiteral("221B Baker Street, London NW1 6XE, United Kingdom")
                            << QStringList{QStringLiteral("221B Baker Street"),
                                           QString(),
                                           QStringLiteral("London"),
                                           QString(),
                                           QStringLiteral("NW1 6XE"),
                                           QStringLiteral("United Kingdom")};
        QTest::newRow("uk floor, postcode alone")
            << QStringLiteral("3rd Floor, 12 Kings Court, Manchester, M1 4BT, UK")
            << QStringList{QStringLiteral("12 Kings Court"), QStringLiteral("3rd Floor"),
                           QStringLiteral("Manchester"),     QString(),
                           QStringLiteral("M1 4BT"),         QStringLiteral("UK")};
        QTest::newRow("japan in english")
            << QStringLiteral("1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005")
            << QStringList{QStringLiteral("1-2-3 Marunouchi"), QString(),
                           QStringLiteral("Chiyoda-ku"),       QStringLiteral("Tokyo"),
                           QStringLiteral("100-0005"),         QString()};
        QTest::newRow("japan building country")
            << QStringLiteral("Umeda Test Bldg. 12F, 3-1-1 Umeda, Kita-ku, Osaka-shi, Osaka "
                              "530-0001, Japan")
            << QStringList{
                   QStringLiteral("3-1-1 Umeda"),        QStringLiteral("Umeda Test Bldg. 12F"),
                   QStringLiteral("Kita-ku, Osaka-shi"), QStringLiteral("Osaka"),
                   QStringLiteral("530-0001"),           QStringLiteral("Japan")};
        QTest::newRow("germany") << QStringLiteral("Friedrichstrasse 12, 10117 Berlin, Germany")
                                 << QStringList{QStringLiteral("Friedrichstrasse 12"),
                                                QString(),
                                                QStringLiteral("Berlin"),
                                                QString(),
                                                QStringLiteral("10117"),
                                                QStringLiteral("Germany")};
        QTest::newRow("no postal code: not split")
            << QStringLiteral("Somewhere Road, Springfield")
            << QStringList{QStringLiteral("Somewhere Road, Springfield"),
                           QString(),
                           QString(),
                           QString(),
                           QString(),
                           QString()};
    }
    void englishAddresses() {
        QFETCH(QString, address);
        QFETCH(QStringList, parts);
        const AddressParts a = splitEnglishAddress(address);
        QCOMPARE(a.street, parts.at(0));
        QCOMPARE(a.building, parts.at(1));
        QCOMPARE(a.city, parts.at(2));
        QCOMPARE(a.prefecture, parts.at(3));
        QCOMPARE(a.postalCode, parts.at(4));
        QCOMPARE(a.country, parts.at(5));
    }

    void englishAddressOnCard() {
        // A US address on two lines, the country on a third: all of it split into the fields.
        const CardFields us =
            extractFields(page({{QStringLiteral("Acme Widgets, Inc."), 40},
                                {QStringLiteral("Kelly Morgan"), 60},
                                {QStringLiteral("Sales Director"), 26},
                                {QStringLiteral("500 Main Street, Suite 200"), 24},
                                {QStringLiteral("Springfield, IL 62701"), 24},
                                {QStringLiteral("USA"), 24},
                                {QStringLiteral("T +1 217 555 0100"), 24}}));
        QCOMPARE(us.value(QStringLiteral("street")), QStringLiteral("500 Main Street"));
        QCOMPARE(us.value(QStringLiteral("building")), QStringLiteral("Suite 200"));
        QCOMPARE(us.value(QStringLiteral("city")), QStringLiteral("Springfield"));
        QCOMPARE(us.value(QStringLiteral("prefecture")), QStringLiteral("IL"));
        QCOMPARE(us.value(QStringLiteral("postal_code")), QStringLiteral("62701"));
        QCOMPARE(us.value(QStringLiteral("country")), QStringLiteral("US"));
        QCOMPARE(us.value(QStringLiteral("country_as_written")), QStringLiteral("USA"));
        QCOMPARE(us.value(QStringLiteral("family_name")), QStringLiteral("Morgan"));
        QCOMPARE(us.value(QStringLiteral("phone")), QStringLiteral("+1 217 555 0100"));

        const CardFields uk =
            extractFields(page({{QStringLiteral("Baker & Sons Ltd"), 40},
                                {QStringLiteral("Oliver Hughes"), 60},
                                {QStringLiteral("221B Baker Street, London NW1 6XE"), 24},
                                {QStringLiteral("oliver@baker.example.co.uk"), 24}}));
        QCOMPARE(uk.value(QStringLiteral("street")), QStringLiteral("221B Baker Street"));
        QCOMPARE(uk.value(QStringLiteral("city")), QStringLiteral("London"));
        QCOMPARE(uk.value(QStringLiteral("postal_code")), QStringLiteral("NW1 6XE"));
        QVERIFY(!uk.has(QStringLiteral("prefecture")));
        QVERIFY(!uk.has(QStringLiteral("country")));

        // Japan in English without the country: Tokyo is the prefecture, and the country Japan
        // is prefilled to check (the card does not say it).
        const CardFields jp = extractFields(
            page({{QStringLiteral("Mikomi Seiki Co., Ltd."), 40},
                  {QStringLiteral("Taro Yamada"), 60},
                  {QStringLiteral("1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005"), 24}}));
        QCOMPARE(jp.value(QStringLiteral("street")), QStringLiteral("1-2-3 Marunouchi"));
        QCOMPARE(jp.value(QStringLiteral("city")), QStringLiteral("Chiyoda-ku"));
        QCOMPARE(jp.value(QStringLiteral("prefecture")), QStringLiteral("Tokyo"));
        QCOMPARE(jp.value(QStringLiteral("postal_code")), QStringLiteral("100-0005"));
        QCOMPARE(jp.value(QStringLiteral("country")), QStringLiteral("JP"));
        QVERIFY(!jp.has(QStringLiteral("country_as_written")));
        QCOMPARE(jp.certainty(QStringLiteral("country")), Certainty::Check);
        QCOMPARE(leadFromCard(jp).country, QStringLiteral("JP"));
    }

    void twoSided() {
        // Front in Japanese, back in English: the back fills what the front lacks, and its
        // Latin name becomes the reading.
        CardFields front = extractFields(page({{QStringLiteral("株式会社ミコミ"), 40},
                                               {QStringLiteral("山田 太郎"), 72},
                                               {QStringLiteral("TEL 03-1234-5678"), 24}}));
        const CardFields back =
            extractFields(page({{QStringLiteral("Mikomi Co., Ltd."), 40},
                                {QStringLiteral("Taro Yamada"), 60},
                                {QStringLiteral("Mobile +81-90-1234-5678"), 24},
                                {QStringLiteral("t.yamada@mikomi.example.jp"), 24}}));
        front.fillFrom(back);
        QCOMPARE(front.value(QStringLiteral("company")), QStringLiteral("株式会社ミコミ"));
        QCOMPARE(front.value(QStringLiteral("family_name")), QStringLiteral("山田"));
        QCOMPARE(front.value(QStringLiteral("family_reading")), QStringLiteral("Yamada"));
        QCOMPARE(front.value(QStringLiteral("given_reading")), QStringLiteral("Taro"));
        QCOMPARE(front.value(QStringLiteral("mobile")), QStringLiteral("+81-90-1234-5678"));
        QCOMPARE(front.value(QStringLiteral("email")),
                 QStringLiteral("t.yamada@mikomi.example.jp"));
    }

    void kanjiNumerals() {
        QCOMPARE(asciiDigits(QStringLiteral("〇三・五五五五・一二三四")),
                 QStringLiteral("03・5555・1234"));
    }

    void latinNameOnJapaneseCard() {
        // The big kanji name missed by the OCR, its romaji reading line taken for the name: shown
        // to check, however surely that line was read. On an English card it is the name.
        const CardFields ja =
            extractFields(page({{QStringLiteral("WATANABE Yumi"), 20},
                                {QStringLiteral("合同会社北斗電子"), 59},
                                {QStringLiteral("〒060-0001 北海道札幌市中央区北一条西4-2-2"), 39},
                                {QStringLiteral("Tel. 011-575-6696"), 20}}));
        QCOMPARE(ja.value(QStringLiteral("family_name")), QStringLiteral("WATANABE"));
        QCOMPARE(ja.certainty(QStringLiteral("family_name")), Certainty::Check);
        QCOMPARE(ja.certainty(QStringLiteral("given_name")), Certainty::Check);
        QCOMPARE(ja.certainty(QStringLiteral("company")), Certainty::Confident);
        const CardFields en = extractFields(page({{QStringLiteral("Northwind Analytics GmbH"), 40},
                                                  {QStringLiteral("Anna Keller"), 72},
                                                  {QStringLiteral("Tel. +49 30 1234567"), 24}}));
        QCOMPARE(en.value(QStringLiteral("family_name")), QStringLiteral("Keller"));
        QCOMPARE(en.certainty(QStringLiteral("family_name")), Certainty::Confident);
    }

    void countries() {
        // Countries as cards write them, as the ISO 3166 codes the rest of Mikomi keeps (the
        // file's country, the region its phone numbers are read in).
        QCOMPARE(countryCode(QStringLiteral("Deutschland")), QStringLiteral("DE"));
        QCOMPARE(countryCode(QStringLiteral("Germany")), QStringLiteral("DE"));
        QCOMPARE(countryCode(QStringLiteral("USA")), QStringLiteral("US"));
        QCOMPARE(countryCode(QStringLiteral("U.S.A.")), QStringLiteral("US"));
        QCOMPARE(countryCode(QStringLiteral("United States")), QStringLiteral("US"));
        QCOMPARE(countryCode(QStringLiteral("日本")), QStringLiteral("JP"));
        QCOMPARE(countryCode(QStringLiteral("JAPAN")), QStringLiteral("JP"));
        QCOMPARE(countryCode(QStringLiteral("United Kingdom")), QStringLiteral("GB"));
        QCOMPARE(countryCode(QStringLiteral("España")), QStringLiteral("ES"));
        QCOMPARE(countryCode(QStringLiteral("Atlantis")), QString());
        QCOMPARE(countryCode(QString()), QString());
        // A card: the code in the field the lead gets, the card's words kept beside it.
        const CardFields f = extractFields(
            page({{QStringLiteral("Northwind Analytics GmbH"), 40},
                  {QStringLiteral("Anna Keller"), 72},
                  {QStringLiteral("Friedrichstrasse 12, 10117 Berlin, Deutschland"), 24}}));
        QCOMPARE(f.value(QStringLiteral("country")), QStringLiteral("DE"));
        QCOMPARE(f.value(QStringLiteral("country_as_written")), QStringLiteral("Deutschland"));
        QCOMPARE(f.value(QStringLiteral("city")), QStringLiteral("Berlin"));
        QCOMPARE(leadFromCard(f).country, QStringLiteral("DE"));
        // Its phone numbers are read in its country: in a Japanese file a German number written
        // without +49 gets it; in a German file it stays as written.
        const CardFields card = extractFields(
            page({{QStringLiteral("Northwind Analytics GmbH"), 40},
                  {QStringLiteral("Anna Keller"), 72},
                  {QStringLiteral("Tel. 030 1234567"), 24},
                  {QStringLiteral("Mobile +49 151 23456789"), 24},
                  {QStringLiteral("Friedrichstrasse 12, 10117 Berlin, Deutschland"), 24}}));
        QCOMPARE(card.phoneRegion(QStringLiteral("JP")), QStringLiteral("DE"));
        CardFields inJapan = card;
        inJapan.addCountryCodes(QStringLiteral("JP"));
        QCOMPARE(inJapan.value(QStringLiteral("phone")), QStringLiteral("+49 30 1234567"));
        QCOMPARE(inJapan.value(QStringLiteral("mobile")), QStringLiteral("+49 151 23456789"));
        QCOMPARE(
            mikomi::text::phoneKey(inJapan.value(QStringLiteral("phone")), QStringLiteral("JP")),
            QStringLiteral("+49301234567"));
        CardFields inGermany = card;
        inGermany.addCountryCodes(QStringLiteral("DE"));
        QCOMPARE(inGermany.value(QStringLiteral("phone")), QStringLiteral("030 1234567"));
        // A Japanese card (no country, or Japan) in a Japanese file: nothing changes.
        CardFields jp = extractFields(page({{QStringLiteral("TEL 03-1234-5678"), 24}}));
        QCOMPARE(jp.phoneRegion(QStringLiteral("JP")), QStringLiteral("JP"));
        jp.addCountryCodes(QStringLiteral("JP"));
        QCOMPARE(jp.value(QStringLiteral("phone")), QStringLiteral("03-1234-5678"));
    }

    void kanjiNumeralPhones() {
        // Numbers in kanji numerals on a horizontal card, with 内線 (extension): kept as the card
        // writes them, and valid numbers to libphonenumber (the key the lead is stored and
        // matched with is E.164, as for an imported number).
        const CardFields f =
            extractFields(page({{QStringLiteral("株式会社サンプル商会"), 40},
                                {QStringLiteral("岡田 健一"), 72},
                                {QStringLiteral("〒530-0001 大阪府大阪市北区梅田3-1-1"), 24},
                                {QStringLiteral("TEL 〇三―一二三四―五六七八 内線 二〇一"), 24},
                                {QStringLiteral("FAX 〇三・一二三四・五六七九"), 24},
                                {QStringLiteral("携帯 〇九〇―八七六五―四三二一"), 24}}));
        const QString jp = QStringLiteral("JP");
        QCOMPARE(f.value(QStringLiteral("phone")),
                 QStringLiteral("〇三―一二三四―五六七八 内線 二〇一"));
        QCOMPARE(f.value(QStringLiteral("fax")), QStringLiteral("〇三・一二三四・五六七九"));
        QCOMPARE(f.value(QStringLiteral("mobile")), QStringLiteral("〇九〇―八七六五―四三二一"));
        const mikomi::text::PhoneNumber phone =
            mikomi::text::parsePhone(f.value(QStringLiteral("phone")), jp);
        QVERIFY2(phone.valid, qPrintable(phone.error));
        QCOMPARE(phone.e164, QStringLiteral("+81312345678"));
        QCOMPARE(phone.extension, QStringLiteral("201"));
        QCOMPARE(mikomi::text::phoneKey(f.value(QStringLiteral("fax")), jp),
                 QStringLiteral("+81312345679"));
        QCOMPARE(mikomi::text::phoneKey(f.value(QStringLiteral("mobile")), jp),
                 QStringLiteral("+819087654321"));
        // An extension in Latin letters is kept as well; a number in ASCII digits stays as it was.
        const CardFields g = extractFields(page({{QStringLiteral("Tel. 03-1111-2222 ext. 15"), 24},
                                                 {QStringLiteral("Mobile 090-1234-0000"), 24}}));
        QCOMPARE(g.value(QStringLiteral("phone")), QStringLiteral("03-1111-2222 ext. 15"));
        QCOMPARE(g.value(QStringLiteral("mobile")), QStringLiteral("090-1234-0000"));
        QCOMPARE(mikomi::text::parsePhone(g.value(QStringLiteral("phone")), jp).extension,
                 QStringLiteral("15"));
    }

    // A logo beside the company name read as one more character (seen on English cards: the
    // registered mark, the bar of a logo as "|" or "I"): the prefilled company is the name alone.
    void strayCharacterAfterCompany_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("company");
        const auto row = [](const char *tag, const QString &line, const QString &company) {
            QTest::newRow(tag) << line << company;
        };
        row("registered", QStringLiteral("Acme Corp ®"), QStringLiteral("Acme Corp"));
        row("attached registered", QStringLiteral("Acme Corp®"), QStringLiteral("Acme Corp"));
        row("bar", QStringLiteral("Acme Corp |"), QStringLiteral("Acme Corp"));
        row("full-width bar", QStringLiteral("Acme Corp ｜"), QStringLiteral("Acme Corp"));
        row("bar read as I", QStringLiteral("Acme Corp I"), QStringLiteral("Acme Corp"));
        row("bar read as l", QStringLiteral("Northwind Analytics GmbH l"),
            QStringLiteral("Northwind Analytics GmbH"));
        // ™ is "TM" once read (NFKC); run together, the line once passed for a website
        // (BlueHarborLogistics.Inc.TM).
        row("trademark", QStringLiteral("Blue Harbor Logistics, Inc. ™"),
            QStringLiteral("Blue Harbor Logistics, Inc."));
        row("I after Inc.", QStringLiteral("Acme Widgets, Inc. I"),
            QStringLiteral("Acme Widgets, Inc."));
        row("two marks", QStringLiteral("Acme Widgets, Inc. ® |"),
            QStringLiteral("Acme Widgets, Inc."));
        row("dash", QStringLiteral("Acme Co., Ltd. -"), QStringLiteral("Acme Co., Ltd."));
        row("japanese mark", QStringLiteral("株式会社サンプル商会 ■"),
            QStringLiteral("株式会社サンプル商会"));
        // What belongs to the name stays.
        row("full stop", QStringLiteral("Acme Co., Ltd."), QStringLiteral("Acme Co., Ltd."));
        row("kabu", QStringLiteral("サンプル(株)"), QStringLiteral("サンプル(株)"));
        row("roman numeral", QStringLiteral("Apollo Fund I LLC"),
            QStringLiteral("Apollo Fund I LLC"));
        row("letter not after legal form", QStringLiteral("Acme Corp Division A"),
            QStringLiteral("Acme Corp Division A"));
        row("plain", QStringLiteral("Acme Widgets, Inc."), QStringLiteral("Acme Widgets, Inc."));
    }

    void strayCharacterAfterCompany() {
        QFETCH(QString, line);
        QFETCH(QString, company);
        const CardFields f = extractFields(page({{line, 40},
                                                 {QStringLiteral("KELLY Morgan"), 60},
                                                 {QStringLiteral("Sales Manager"), 26},
                                                 {QStringLiteral("morgan@acme.example.com"), 24}}));
        QCOMPARE(f.value(QStringLiteral("company")), company);
        QCOMPARE(trimStrayTrailing(line), company);
        // Nothing else moves: the name is still the name, and no website is made up.
        QCOMPARE(f.value(QStringLiteral("family_name")), QStringLiteral("KELLY"));
        QVERIFY(!f.has(QStringLiteral("website")));
    }
};

QTEST_GUILESS_MAIN(TestCardFields)
#include "tst_cardfields.moc"
