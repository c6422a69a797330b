// The larger synthetic card set of the scanning benchmark (tests/bench/bench_scan.cpp): 24 cards
// of our own invented people and companies (Japanese horizontal in three layouts, Japanese
// vertical, English with US, UK, German and Japanese-in-English addresses, and two-sided cards
// with a Japanese front and an English back), each drawn as a flat 300 dpi scan and as a phone
// photo (tilt, perspective, blur, uneven light, JPEG quality). Deterministic: the same files on
// every run. Regenerate with scripts/make_cards.sh (it builds `makecards` and runs
// `makecards --set DIR`). The layouts and label variants follow the synthetic cards of the
// measurements behind issue 16 (TEL / Tel. / T, FAX / Fax. / F, 携帯 / Mobile / M, E-mail / Mail
// / none, a reading in hiragana, Romaji or ROMAJI), modelled on common card layouts.
#include "cardset.h"

#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QTransform>

#include <cstdio>
#include <functional>
#include <utility>

namespace {

constexpr int W = 1075; // 91 x 55 mm at 300 dpi
constexpr int H = 650;

struct JaName {
    const char *family, *given, *familyKana, *givenKana, *familyRomaji, *givenRomaji;
};
const JaName kJaNames[] = {
    {"山田", "太郎", "やまだ", "たろう", "Yamada", "Taro"},
    {"佐藤", "花子", "さとう", "はなこ", "Sato", "Hanako"},
    {"高橋", "健一", "たかはし", "けんいち", "Takahashi", "Kenichi"},
    {"田中", "美咲", "たなか", "みさき", "Tanaka", "Misaki"},
    {"伊藤", "大輔", "いとう", "だいすけ", "Ito", "Daisuke"},
    {"渡辺", "由美", "わたなべ", "ゆみ", "Watanabe", "Yumi"},
    {"中村", "翔太", "なかむら", "しょうた", "Nakamura", "Shota"},
    {"小林", "直樹", "こばやし", "なおき", "Kobayashi", "Naoki"},
    {"加藤", "陽子", "かとう", "ようこ", "Kato", "Yoko"},
    {"吉田", "拓也", "よしだ", "たくや", "Yoshida", "Takuya"},
    {"松本", "裕子", "まつもと", "ゆうこ", "Matsumoto", "Yuko"},
    {"井上", "誠", "いのうえ", "まこと", "Inoue", "Makoto"},
    {"木村", "一郎", "きむら", "いちろう", "Kimura", "Ichiro"},
    {"清水", "恵", "しみず", "めぐみ", "Shimizu", "Megumi"},
    {"鈴木", "正人", "すずき", "まさと", "Suzuki", "Masato"},
    {"林", "千尋", "はやし", "ちひろ", "Hayashi", "Chihiro"},
};

struct JaCompany {
    const char *name, *domain;
};
const JaCompany kJaCompanies[] = {
    {"株式会社ミコミ精機", "mikomi-seiki"},
    {"ひかり物産株式会社", "hikari-bussan"},
    {"有限会社さくら商事", "sakura-shoji"},
    {"株式会社青葉システム", "aoba-system"},
    {"東和テクノ株式会社", "towa-techno"},
    {"合同会社北斗電子", "hokuto-denshi"},
    {"株式会社大和ソリューションズ", "yamato-sol"},
    {"光和工業株式会社", "kowa-kogyo"},
    {"株式会社みなと情報サービス", "minato-is"},
    {"有限会社つばさ設計", "tsubasa-sekkei"},
    {"株式会社新星フーズ", "shinsei-foods"},
    {"白山化学株式会社", "hakusan-chem"},
    {"株式会社あおい不動産", "aoi-fudosan"},
    {"株式会社富士見ロジスティクス", "fujimi-logi"},
    {"中央電機株式会社", "chuo-denki"},
    {"株式会社ことり出版", "kotori-pub"},
};

struct JaAddress {
    const char *postal, *prefecture, *city, *street, *building, *area;
};
const JaAddress kJaAddresses[] = {
    {"100-0005", "東京都", "千代田区", "丸の内1-2-3", "丸の内テストビル5F", "03"},
    {"530-0001", "大阪府", "大阪市北区", "梅田3-1-1", "サンプルタワー12階", "06"},
    {"460-0008", "愛知県", "名古屋市中区", "栄2-3-4", "", "052"},
    {"812-0011", "福岡県", "福岡市博多区", "博多駅前1-1-1", "博多ビル3階", "092"},
    {"220-0012", "神奈川県", "横浜市西区", "みなとみらい2-2-1", "", "045"},
    {"060-0001", "北海道", "札幌市中央区", "北一条西4-2-2", "札幌テストビル8F", "011"},
    {"980-0021", "宮城県", "仙台市青葉区", "中央1-6-35", "", "022"},
    {"105-0011", "東京都", "港区", "芝公園4-2-8", "芝パークビル2F", "03"},
    {"330-0854", "埼玉県", "さいたま市大宮区", "桜木町1-7-5", "", "048"},
    {"150-0002", "東京都", "渋谷区", "渋谷2-21-1", "渋谷テストタワー20F", "03"},
    {"650-0021", "兵庫県", "神戸市中央区", "三宮町1-5-1", "", "078"},
    {"730-0011", "広島県", "広島市中区", "基町6-78", "", "082"},
};

struct Dept {
    const char *department, *title;
};
const Dept kJaDepts[] = {
    {"営業本部 第一営業部", "部長"}, {"開発課", "課長"},         {"総務部", "係長"},
    {"マーケティング部", "主任"},    {"技術本部", "部長代理"},   {"経営企画室", "室長"},
    {"人事部", "マネージャー"},      {"システム開発部", "課長"}, {"", "代表取締役社長"},
    {"海外事業部", "部長"},          {"品質保証課", "主任"},     {"営業部", "課長代理"},
};

const QString kGothic = QStringLiteral("IPAGothic");
const QString kPGothic = QStringLiteral("IPAPGothic");
const QString kSans = QStringLiteral("DejaVu Sans");
const QString kSerif = QStringLiteral("DejaVu Serif");

QString u8(const char *s) {
    return QString::fromUtf8(s);
}

// Kanji numerals for a vertical card's phone number: 03-5555-1234 → 〇三・五五五五・一二三四.
QString kanjiNumber(const QString &number) {
    static const QString digits = QStringLiteral("〇一二三四五六七八九");
    QString out;
    for (const QChar c : number)
        out += c.isDigit() ? digits.at(c.digitValue()) : QChar(u'・');
    return out;
}

// A street as a vertical card writes it: 北一条西4-2-2 → 北一条西四丁目二番二号 (kanji numerals,
// digit by digit: 35 → 三五).
QString kanjiStreet(const QString &street) {
    static const QString digits = QStringLiteral("〇一二三四五六七八九");
    static const QStringList units{QStringLiteral("丁目"), QStringLiteral("番"),
                                   QStringLiteral("号")};
    QString out;
    int part = 0;
    bool inNumber = false;
    for (const QChar c : street) {
        if (c.isDigit()) {
            out += digits.at(c.digitValue());
            inNumber = true;
        } else if (c == u'-' && inNumber) {
            out += units.value(part++);
            inNumber = false;
        } else {
            out += c;
        }
    }
    if (inNumber)
        out += units.value(part);
    return out;
}

struct Text {
    QString text;
    int px = 28;
    bool bold = false;
    bool accent = false;
};

struct Card {
    QString id;
    QImage front, back; // back: two-sided cards only
    QJsonObject truth;
};

QFont font(const QString &family, int px, bool bold) {
    QFont f(family);
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

// Lines from the top (or centred), a logo mark in the accent colour.
QImage drawHorizontal(const QString &family, const QList<Text> &lines, QColor accent, bool centred,
                      int logo, int top = 60) {
    QImage img(W, H, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    switch (logo % 3) {
    case 0:
        p.fillRect(QRect(W - 150, 50, 70, 70), accent);
        break;
    case 1:
        p.setBrush(accent);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRect(W - 150, 50, 70, 70));
        break;
    default:
        p.fillRect(QRect(0, H - 24, W, 24), accent);
        break;
    }
    int y = top;
    for (const Text &l : lines) {
        if (l.text.isEmpty()) {
            y += l.px;
            continue;
        }
        p.setFont(font(family, l.px, l.bold));
        p.setPen(l.accent ? accent : QColor(30, 30, 30));
        const QFontMetrics fm(p.font());
        y += fm.ascent();
        const int x = centred ? (W - fm.horizontalAdvance(l.text)) / 2 : 80;
        p.drawText(x, y, l.text);
        y += fm.descent() + l.px / 3;
    }
    return img;
}

// Columns from the right, characters top to bottom (a portrait card).
QImage drawVertical(const QList<Text> &columns, const QList<int> &offsets) {
    QImage img(H, W, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(QColor(20, 20, 20));
    int x = H - 80;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const Text &c = columns.at(i);
        p.setFont(font(kGothic, c.px, c.bold));
        x -= c.px;
        int y = 70 + offsets.value(i);
        for (const QChar ch : c.text) {
            if (ch != QChar(u'　') && ch != QLatin1Char(' '))
                p.drawText(QRect(x, y, c.px, c.px), Qt::AlignCenter, QString(ch));
            y += c.px + c.px / 10;
        }
        x -= c.px / 2 + 8;
    }
    return img;
}

// The card on a desk, photographed: tilted, its corners moved (perspective), lit unevenly with a
// warm cast, blurred (scaled down by `blur` and up again), later saved as JPEG.
QImage photograph(const QImage &card, QRandomGenerator &rng) {
    const int fw = std::max(card.width(), card.height()) + 330;
    const int fh = std::min(card.width(), card.height()) + 350 +
                   (card.height() > card.width() ? card.height() - card.width() : 0);
    QImage out(fw, fh, QImage::Format_RGB32);
    const int desk = rng.bounded(3);
    const QColor deskColour = desk == 0   ? QColor(92, 78, 64)
                              : desk == 1 ? QColor(60, 62, 70)
                                          : QColor(120, 96, 70);
    out.fill(deskColour);
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 60; ++i) {
        p.setPen(deskColour.darker(100 + rng.bounded(25)));
        const int y = rng.bounded(fh);
        p.drawLine(0, y, fw, y + rng.bounded(-40, 41));
    }
    const QPolygonF src({QPointF(0, 0), QPointF(card.width(), 0),
                         QPointF(card.width(), card.height()), QPointF(0, card.height())});
    const double angle = (2.0 + rng.bounded(3.0)) * (rng.bounded(2) ? 1 : -1);
    QTransform rot;
    rot.translate(fw / 2.0, fh / 2.0);
    rot.rotate(angle);
    rot.translate(-card.width() / 2.0, -card.height() / 2.0);
    QPolygonF dst = rot.map(src);
    for (QPointF &pt : dst)
        pt += QPointF(rng.bounded(-45, 46), rng.bounded(-30, 31));
    QTransform t;
    if (QTransform::quadToQuad(src, dst, t)) {
        p.setTransform(t);
        p.drawImage(0, 0, card);
        p.resetTransform();
    }
    QRadialGradient g(QPointF(fw * (0.2 + rng.bounded(0.6)), fh * (0.2 + rng.bounded(0.6))),
                      fw * 0.9);
    g.setColorAt(0, QColor(255, 250, 240));
    const int dark = 110 + rng.bounded(35);
    g.setColorAt(1, QColor(dark, dark - 10, dark - 20));
    p.setCompositionMode(QPainter::CompositionMode_Multiply);
    p.fillRect(out.rect(), g);
    p.end();
    const double blur = 0.55 + rng.bounded(0.2);
    return out
        .scaled(int(fw * blur), int(fh * blur), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(fw, fh, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void set(QJsonObject &o, const char *key, const QString &value) {
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

// The known values of a card, field by field (an empty value is not on the card).
void set(QJsonObject &o, std::initializer_list<std::pair<const char *, QString>> fields) {
    for (const auto &[key, value] : fields)
        set(o, key, value);
}

// How a Japanese card writes the reading of a name: hiragana (family first, an ideographic
// space between), Romaji given name first, or the family name in capitals first.
struct ReadingStyle {
    const char *JaName::*family;
    const char *JaName::*given;
    bool upperFamily;
    bool givenFirst;
    char16_t space;
};
const ReadingStyle kReadingStyles[] = {
    {&JaName::familyKana, &JaName::givenKana, false, false, u'　'},
    {&JaName::familyRomaji, &JaName::givenRomaji, false, true, u' '},
    {&JaName::familyRomaji, &JaName::givenRomaji, true, false, u' '},
};

// The labels in front of a number or address, in the variants cards use.
struct Labels {
    const char *tel, *fax, *mobile, *mail;
};

// A Japanese horizontal card (layout 0 classic, 1 centred, 2 name on top and company below).
Card japanese(int n, QRandomGenerator &rng, bool withReading = true) {
    const JaName &nm = kJaNames[n % std::size(kJaNames)];
    const JaCompany &co = kJaCompanies[n % std::size(kJaCompanies)];
    const JaAddress &ad = kJaAddresses[n % std::size(kJaAddresses)];
    const Dept &dp = kJaDepts[n % std::size(kJaDepts)];
    const int layout = n % 3;
    Card c;
    c.id = QStringLiteral("ja%1").arg(n + 1, 2, 10, QLatin1Char('0'));
    QJsonObject &t = c.truth;
    set(t, {{"company", u8(co.name)},
            {"department", u8(dp.department)},
            {"title", u8(dp.title)},
            {"family_name", u8(nm.family)},
            {"given_name", u8(nm.given)}});
    QString reading;
    if (withReading) {
        const ReadingStyle &style = kReadingStyles[n % std::size(kReadingStyles)];
        QString family = u8(nm.*style.family);
        if (style.upperFamily)
            family = family.toUpper();
        const QString given = u8(nm.*style.given);
        reading = style.givenFirst ? given + QChar(style.space) + family
                                   : family + QChar(style.space) + given;
        set(t, {{"family_reading", family}, {"given_reading", given}});
    }
    const QString area = u8(ad.area);
    const QString local =
        QString::number(area.size() == 2 ? rng.bounded(1000, 10000) : rng.bounded(100, 1000));
    const QString phone = area + u'-' + local + u'-' + QString::number(rng.bounded(1000, 10000));
    const QString fax =
        phone.left(phone.size() - 1) + QString::number((phone.back().digitValue() + 1) % 10);
    const bool hasFax = n % 4 != 1;
    const bool hasMobile = n % 3 != 2;
    const QString mobile =
        QStringLiteral("0%1-%2-%3")
            .arg(QStringList{QStringLiteral("90"), QStringLiteral("80"), QStringLiteral("70")}.at(
                n % 3))
            .arg(rng.bounded(1000, 9999))
            .arg(rng.bounded(1000, 9999));
    const QString email = QStringLiteral("%1.%2@%3.example.jp")
                              .arg(u8(nm.givenRomaji).left(1).toLower(),
                                   u8(nm.familyRomaji).toLower(), QString::fromLatin1(co.domain));
    const QString url = (n % 2 ? QStringLiteral("https://www.") : QStringLiteral("www.")) +
                        QString::fromLatin1(co.domain) + QStringLiteral(".example.jp");
    set(t, {{"postal_code", u8(ad.postal)},
            {"prefecture", u8(ad.prefecture)},
            {"city", u8(ad.city)},
            {"street", u8(ad.street)},
            {"building", u8(ad.building)},
            {"phone", phone},
            {"fax", hasFax ? fax : QString()},
            {"mobile", hasMobile ? mobile : QString()},
            {"email", email},
            {"website", url}});

    // Phone and fax labels in four variants, mobile and mail in three.
    static const Labels labels[] = {{"TEL ", "FAX ", "携帯 ", "E-mail: "},
                                    {"Tel. ", "Fax. ", "Mobile ", "Mail "},
                                    {"T ", "F ", "M ", ""},
                                    {"TEL:", "FAX:", nullptr, nullptr}};
    const Labels &numberLabels = labels[n % 4];
    const Labels &otherLabels = labels[n % 3];
    QString telLine = u8(numberLabels.tel) + phone;
    if (hasFax)
        telLine += QStringLiteral("　") + u8(numberLabels.fax) + fax;
    QString address = u'〒' + u8(ad.postal) + QStringLiteral("　") + u8(ad.prefecture) +
                      u8(ad.city) + u8(ad.street);
    if (*ad.building)
        address += QStringLiteral("　") + u8(ad.building);
    QList<Text> person;
    QString dept = u8(dp.department);
    dept.replace(u' ', QStringLiteral("　"));
    if (dept.isEmpty())
        person << Text{u8(dp.title), 30};
    else if (n % 2)
        person << Text{dept + QStringLiteral("　") + u8(dp.title), 30};
    else
        person << Text{dept, 30} << Text{u8(dp.title), 30};
    const int namePx = 72 + (n % 3) * 6;
    person << Text{u8(nm.family) + QStringLiteral("　") + u8(nm.given), namePx, true};
    if (!reading.isEmpty())
        person << Text{reading, 26};
    QList<Text> contact{{address, 26}, {telLine, 26}};
    if (hasMobile)
        contact << Text{u8(otherLabels.mobile) + mobile, 26};
    contact << Text{u8(otherLabels.mail) + email, 26} << Text{url, 26};
    const Text company{u8(co.name), 42, true, true};
    QList<Text> lines;
    if (layout == 2)
        lines << person << Text{QString(), 14} << company << contact;
    else
        lines << company << Text{QString(), 16} << person << Text{QString(), 10} << contact;
    static const QColor accents[] = {QColor(0, 70, 140), QColor(180, 40, 90), QColor(20, 120, 60),
                                     QColor(200, 100, 0)};
    c.front = drawHorizontal(n % 2 ? kPGothic : kGothic, lines, accents[n % 4], layout == 1, n,
                             layout == 2 ? 40 : 50);
    return c;
}

// A vertical (tategaki) Japanese card: company, department and title, the name, the address
// without a postal code, the phone in kanji numerals.
Card vertical(int n, QRandomGenerator &rng) {
    const JaName &nm = kJaNames[(n + 5) % std::size(kJaNames)];
    const JaCompany &co = kJaCompanies[(n + 3) % std::size(kJaCompanies)];
    const JaAddress &ad = kJaAddresses[(n + 4) % std::size(kJaAddresses)];
    const Dept &dp = kJaDepts[(n + 1) % std::size(kJaDepts)];
    Card c;
    c.id = QStringLiteral("javert%1").arg(n + 1, 2, 10, QLatin1Char('0'));
    const QString area = u8(ad.area);
    const QString phone = area +
                          (area.size() == 2 ? QStringLiteral("-%1-").arg(rng.bounded(1000, 9999))
                                            : QStringLiteral("-%1-").arg(rng.bounded(100, 999))) +
                          QString::number(rng.bounded(1000, 9999));
    const QString dept = u8(dp.department).section(u' ', -1);
    set(c.truth, {{"company", u8(co.name)},
                  {"department", dept},
                  {"title", u8(dp.title)},
                  {"family_name", u8(nm.family)},
                  {"given_name", u8(nm.given)},
                  {"prefecture", u8(ad.prefecture)},
                  {"city", u8(ad.city)},
                  {"street", kanjiStreet(u8(ad.street))},
                  {"phone", phone}});
    QList<Text> cols{{u8(co.name), 38, true}};
    cols << Text{dept.isEmpty() ? u8(dp.title) : dept + QStringLiteral("　") + u8(dp.title), 28};
    cols << Text{u8(nm.family) + QStringLiteral("　") + u8(nm.given), 68 + (n % 2) * 6, true};
    cols << Text{u8(ad.prefecture) + u8(ad.city) + kanjiStreet(u8(ad.street)), 26};
    cols << Text{QStringLiteral("電話　") + kanjiNumber(phone), 26};
    c.front = drawVertical(cols, {0, 60, 120, 40, 40});
    return c;
}

struct EnCard {
    const char *company, *given, *family, *title, *street, *building, *city, *state, *postal,
        *country, *addressLine, *phone, *fax, *mobile, *domain;
};
const EnCard kEnCards[] = {
    {"Northwind Analytics GmbH", "Anna", "Keller", "Director of Marketing", "Friedrichstrasse 12",
     "", "Berlin", "", "10117", "Germany", "Friedrichstrasse 12, 10117 Berlin, Germany",
     "+49 30 1234567", "+49 30 1234568", "", "northwind.example.de"},
    {"Acme Widgets, Inc.", "Kelly", "Morgan", "Vice President, Sales", "500 Main Street",
     "Suite 200", "Springfield", "IL", "62701", "USA",
     "500 Main Street, Suite 200, Springfield, IL 62701, USA", "+1 217 555 0100", "",
     "+1 217 555 0199", "acme.example.com"},
    {"Blue Harbor Ltd", "Oliver", "Hughes", "Senior Engineer", "221B Baker Street", "", "London",
     "", "NW1 6XE", "United Kingdom", "221B Baker Street, London NW1 6XE, United Kingdom",
     "+44 20 7946 0018", "", "+44 7700 900123", "blueharbor.example.co.uk"},
    {"Mikomi Seiki Co., Ltd.", "Taro", "Yamada", "Sales Manager", "1-2-3 Marunouchi", "",
     "Chiyoda-ku", "Tokyo", "100-0005", "Japan",
     "1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan", "+81-3-1234-5678", "+81-3-1234-5679",
     "+81-90-1234-5678", "mikomi-seiki.example.jp"},
    {"Contoso Systems Corp.", "Emily", "Clark", "Product Manager", "77 Elm Avenue", "", "Austin",
     "TX", "78701", "United States", "77 Elm Avenue, Austin, TX 78701, United States",
     "+1 512 555 0142", "+1 512 555 0143", "", "contoso.example.com"},
    {"Riverside Trading Ltd", "Laura", "Evans", "Account Director", "12 Kings Court", "",
     "Manchester", "", "M1 4BT", "UK", "12 Kings Court, Manchester M1 4BT, UK", "+44 161 496 0123",
     "", "+44 7700 900456", "riverside.example.co.uk"},
};

Card english(int n) {
    const EnCard &e = kEnCards[n % std::size(kEnCards)];
    Card c;
    c.id = QStringLiteral("en%1").arg(n + 1, 2, 10, QLatin1Char('0'));
    // The known values straight from the table (the state is the address's prefecture field).
    static const std::pair<const char *, const char * EnCard::*> fields[] = {
        {"company", &EnCard::company},    {"title", &EnCard::title},
        {"family_name", &EnCard::family}, {"given_name", &EnCard::given},
        {"street", &EnCard::street},      {"building", &EnCard::building},
        {"city", &EnCard::city},          {"prefecture", &EnCard::state},
        {"postal_code", &EnCard::postal}, {"country", &EnCard::country},
        {"phone", &EnCard::phone},        {"fax", &EnCard::fax},
        {"mobile", &EnCard::mobile}};
    for (const auto &[key, field] : fields)
        set(c.truth, key, u8(e.*field));
    const QString email =
        u8(e.given).toLower() + u'.' + u8(e.family).toLower() + u'@' + u8(e.domain);
    const QString url =
        (n % 2 ? QStringLiteral("https://") : QStringLiteral("www.")) + u8(e.domain);
    set(c.truth, {{"email", email}, {"website", url}});
    static const Labels labels[] = {{"Tel: ", "Fax: ", "Mobile: ", nullptr},
                                    {"Phone ", "Fax ", "Mobile ", nullptr},
                                    {"T ", "F ", "M ", nullptr}};
    const Labels &label = labels[n % 3];
    QList<Text> lines{{u8(e.company), 42, true, true},
                      {QString(), 26},
                      {u8(e.given) + u' ' + u8(e.family), 62, true},
                      {u8(e.title), 30},
                      {QString(), 20},
                      {u8(e.addressLine), 25},
                      {u8(label.tel) + u8(e.phone), 25}};
    // A number the card has, behind its label.
    for (const auto &[prefix, number] : {std::pair{label.fax, e.fax}, {label.mobile, e.mobile}}) {
        if (*number)
            lines << Text{u8(prefix) + u8(number), 25};
    }
    lines << Text{email, 25} << Text{url, 25};
    static const QColor accents[] = {QColor(20, 120, 60), QColor(150, 30, 30), QColor(0, 70, 140)};
    c.front = drawHorizontal(n % 2 ? kSerif : kSans, lines, accents[n % 3], false, n + 1);
    return c;
}

// A two-sided card: the Japanese front without a reading line, the back in English with the
// name in Latin letters (the reading) and a mobile the front does not show.
Card twoSided(int n, QRandomGenerator &rng) {
    Card c = japanese(n + 20, rng, false);
    const JaName &nm = kJaNames[(n + 20) % std::size(kJaNames)];
    c.id = QStringLiteral("pair%1").arg(n + 1, 2, 10, QLatin1Char('0'));
    const QString mobile =
        QStringLiteral("+81-90-%1-%2").arg(rng.bounded(1000, 9999)).arg(rng.bounded(1000, 9999));
    QJsonObject &t = c.truth;
    t.insert(QStringLiteral("family_reading"), QString::fromUtf8(nm.familyRomaji));
    t.insert(QStringLiteral("given_reading"), QString::fromUtf8(nm.givenRomaji));
    if (!t.contains(QStringLiteral("mobile")))
        t.insert(QStringLiteral("mobile"), mobile);
    const QString email = t.value(QStringLiteral("email")).toString();
    const JaCompany &co = kJaCompanies[(n + 20) % std::size(kJaCompanies)];
    QString english = QString::fromLatin1(co.domain);
    english[0] = english.at(0).toUpper();
    QList<Text> back{
        {english + QStringLiteral(" Co., Ltd."), 40, true, true},
        {QString(), 26},
        {QString::fromUtf8(nm.givenRomaji) + u' ' + QString::fromUtf8(nm.familyRomaji), 62, true},
        {QStringLiteral("Manager"), 30},
        {QString(), 20},
        {QStringLiteral("Mobile: ") + t.value(QStringLiteral("mobile")).toString(), 25},
        {email, 25}};
    c.back = drawHorizontal(kSans, back, QColor(0, 70, 140), false, 2);
    return c;
}

bool save(const QImage &img, const QString &path, int quality) {
    const bool jpeg = path.endsWith(QLatin1String(".jpg"));
    const QImage out = jpeg ? img : img.convertToFormat(QImage::Format_Grayscale8);
    if (!out.save(path, nullptr, quality)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

bool makeCardSet(const QString &dirPath) {
    for (const QString &family : {kGothic, kPGothic, kSans, kSerif}) {
        if (!QFontDatabase::hasFamily(family)) {
            std::fprintf(stderr,
                         "the font %s is not installed (Debian: fonts-ipafont-gothic, "
                         "fonts-dejavu-core); the cards would be drawn in another font\n",
                         qPrintable(family));
            return false;
        }
    }
    const QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("scan")) || !dir.mkpath(QStringLiteral("photo"))) {
        std::fprintf(stderr, "cannot create %s/scan and %s/photo\n", qPrintable(dirPath),
                     qPrintable(dirPath));
        return false;
    }
    QRandomGenerator rng(20261203);
    // The kinds of card and how many of each, in this order (it is the random numbers' order).
    const std::pair<int, std::function<Card(int)>> kinds[] = {
        {12, [&rng](int i) { return japanese(i, rng); }},
        {4, [&rng](int i) { return vertical(i, rng); }},
        {6, [](int i) { return english(i); }},
        {2, [&rng](int i) { return twoSided(i, rng); }},
    };
    QList<Card> cards;
    for (const auto &[count, make] : kinds) {
        for (int i = 0; i < count; ++i)
            cards << make(i);
    }
    bool ok = true;
    for (const Card &c : std::as_const(cards)) {
        QJsonObject truth = c.truth;
        QJsonArray images{c.id};
        if (!c.back.isNull())
            images << QString(c.id + QStringLiteral("-back"));
        truth.insert(QStringLiteral("images"), images);
        QFile f(dir.filePath(c.id + QStringLiteral(".json")));
        if (!f.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
            return false;
        }
        f.write(QJsonDocument(truth).toJson());
        const QList<std::pair<QString, QImage>> sides{{c.id, c.front},
                                                      {c.id + QStringLiteral("-back"), c.back}};
        for (const auto &[name, image] : sides) {
            if (image.isNull())
                continue;
            ok &= save(image, dir.filePath(QStringLiteral("scan/") + name + QStringLiteral(".png")),
                       -1);
            ok &= save(photograph(image, rng),
                       dir.filePath(QStringLiteral("photo/") + name + QStringLiteral(".jpg")),
                       50 + rng.bounded(26));
        }
    }
    std::printf("%lld cards (%lld images per condition) in %s\n", qlonglong(cards.size()),
                qlonglong(cards.size() + 2), qPrintable(dirPath));
    return ok;
}
