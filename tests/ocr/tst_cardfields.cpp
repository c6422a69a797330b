// The field rules of models/ocr/cardfields on text lines alone (no image, no tesseract): what a
// user sees prefilled when the OCR read the lines right.
#include "models/ocr/cardfields.h"

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
};

QTEST_GUILESS_MAIN(TestCardFields)
#include "tst_cardfields.moc"
