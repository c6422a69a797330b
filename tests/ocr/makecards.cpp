// Draws the synthetic business cards of tests/data/cards/ (see the README there): our own
// invented people and companies, rendered with QPainter in IPAGothic (fonts-ipafont-gothic) and
// DejaVu Sans at 300 dpi (91 x 55 mm = 1075 x 650 px), then, for the "photo" ones, put on a desk,
// rotated, warped in perspective, lit unevenly, blurred and saved as JPEG quality 60.
// Not part of the test run: `ninja -C build makecards && build/tests/ocr/makecards DIR`.
// `makecards --set DIR` draws the benchmark's larger set instead (cardset.cpp,
// scripts/make_cards.sh).

#include "cardset.h"

#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRadialGradient>
#include <QTransform>

#include <cstdio>

namespace {

constexpr int W = 1075;
constexpr int H = 650;

QFont font(const QString &family, int px, bool bold = false) {
    QFont f(family);
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

struct Line {
    QString text;
    int px;
    bool bold = false;
    int x = 80;
};

// A horizontal card: lines from the top, with a coloured company line and a logo square.
QImage horizontal(const QString &family, const QList<Line> &lines, QColor accent) {
    QImage img(W, H, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRect(W - 150, 50, 70, 70), accent);
    int y = 70;
    for (int i = 0; i < lines.size(); ++i) {
        const Line &l = lines.at(i);
        if (l.text.isEmpty()) {
            y += l.px;
            continue;
        }
        p.setFont(font(family, l.px, l.bold));
        p.setPen(i == 0 ? accent : QColor(30, 30, 30));
        const QFontMetrics fm(p.font());
        y += fm.ascent();
        p.drawText(l.x, y, l.text);
        y += fm.descent() + l.px / 3;
    }
    return img;
}

// A vertical (tategaki) card: columns from the right, characters top to bottom.
QImage vertical(const QList<Line> &columns) {
    QImage img(H, W, QImage::Format_RGB32); // portrait
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(QColor(20, 20, 20));
    int x = H - 80;
    for (const Line &c : columns) {
        p.setFont(font(QStringLiteral("IPAGothic"), c.px, c.bold));
        x -= c.px;
        int y = 70 + c.x;
        for (const QChar ch : c.text) {
            if (ch != QLatin1Char(' '))
                p.drawText(QRect(x, y, c.px, c.px), Qt::AlignCenter, QString(ch));
            y += c.px + c.px / 10;
        }
        x -= c.px / 2 + 8;
    }
    return img;
}

// The card on a desk, photographed: rotated by `angle`, corners moved, light falling off from a
// spot, a little blur.
QImage photo(const QImage &card, double angle, int seed) {
    const int fw = card.width() + 330;
    const int fh = card.height() + 350;
    QImage out(fw, fh, QImage::Format_RGB32);
    out.fill(QColor(92, 78, 64)); // a wooden desk
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    // Grain on the desk.
    for (int i = 0; i < 60; ++i) {
        p.setPen(QColor(80 + (i * 7 + seed) % 30, 66 + (i * 5) % 20, 52));
        p.drawLine(0, (i * 37 + seed * 11) % fh, fw, (i * 37 + seed * 11 + 40) % fh);
    }
    const QPolygonF src({QPointF(0, 0), QPointF(card.width(), 0),
                         QPointF(card.width(), card.height()), QPointF(0, card.height())});
    QTransform rot;
    rot.translate(fw / 2.0, fh / 2.0);
    rot.rotate(angle);
    rot.translate(-card.width() / 2.0, -card.height() / 2.0);
    QPolygonF dst = rot.map(src);
    const double d = 30 + seed % 15;
    dst[0] += QPointF(d, 0);
    dst[1] += QPointF(-d / 2, d / 3);
    dst[2] += QPointF(d / 3, -d / 4);
    dst[3] += QPointF(-d / 3, -d / 5);
    QTransform t;
    if (!QTransform::quadToQuad(src, dst, t))
        std::fprintf(stderr, "no transform\n");
    p.setTransform(t);
    p.drawImage(0, 0, card);
    p.resetTransform();
    // Uneven light: dark towards one corner, a warm cast.
    QRadialGradient g(QPointF(fw * 0.3, fh * 0.3), fw * 0.9);
    g.setColorAt(0, QColor(255, 250, 240));
    g.setColorAt(1, QColor(120, 110, 100));
    p.setCompositionMode(QPainter::CompositionMode_Multiply);
    p.fillRect(out.rect(), g);
    p.end();
    // Blur: down and up again.
    return out.scaled(fw * 2 / 3, fh * 2 / 3, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(fw, fh, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
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

bool truth(const QString &path, const QJsonObject &o) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(o).toJson());
    return true;
}

} // namespace

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--set") == 0)
        return makeCardSet(QString::fromLocal8Bit(argv[2])) ? 0 : 1;
    if (argc < 2) {
        std::fprintf(stderr, "usage: makecards DIR | makecards --set DIR\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]) + QLatin1Char('/');
    const QString gothic = QStringLiteral("IPAGothic");
    const QString sans = QStringLiteral("DejaVu Sans");
    bool ok = true;

    // 1. Japanese, horizontal, a flat scan.
    const QImage ja1 = horizontal(
        gothic,
        {{QStringLiteral("株式会社ミコミ精機"), 46, true},
         {QString(), 30},
         {QStringLiteral("営業本部　第一営業部　部長"), 30},
         {QStringLiteral("山田　太郎"), 80, true},
         {QStringLiteral("やまだ　たろう"), 28},
         {QString(), 20},
         {QStringLiteral("〒100-0005　東京都千代田区丸の内1-2-3　丸の内テストビル5F"), 28},
         {QStringLiteral("TEL 03-1234-5678　FAX 03-1234-5679"), 28},
         {QStringLiteral("携帯 090-1234-5678"), 28},
         {QStringLiteral("E-mail: t.yamada@mikomi-seiki.example.jp"), 28},
         {QStringLiteral("https://www.mikomi-seiki.example.jp"), 28}},
        QColor(0, 70, 140));
    ok &= save(ja1, dir + QStringLiteral("ja-scan.png"), -1);
    ok &=
        truth(dir + QStringLiteral("ja-scan.json"),
              {{QStringLiteral("company"), QStringLiteral("株式会社ミコミ精機")},
               {QStringLiteral("department"), QStringLiteral("営業本部 第一営業部")},
               {QStringLiteral("title"), QStringLiteral("部長")},
               {QStringLiteral("family_name"), QStringLiteral("山田")},
               {QStringLiteral("given_name"), QStringLiteral("太郎")},
               {QStringLiteral("family_reading"), QStringLiteral("やまだ")},
               {QStringLiteral("given_reading"), QStringLiteral("たろう")},
               {QStringLiteral("postal_code"), QStringLiteral("100-0005")},
               {QStringLiteral("prefecture"), QStringLiteral("東京都")},
               {QStringLiteral("city"), QStringLiteral("千代田区")},
               {QStringLiteral("street"), QStringLiteral("丸の内1-2-3")},
               {QStringLiteral("building"), QStringLiteral("丸の内テストビル5F")},
               {QStringLiteral("phone"), QStringLiteral("03-1234-5678")},
               {QStringLiteral("fax"), QStringLiteral("03-1234-5679")},
               {QStringLiteral("mobile"), QStringLiteral("090-1234-5678")},
               {QStringLiteral("email"), QStringLiteral("t.yamada@mikomi-seiki.example.jp")},
               {QStringLiteral("website"), QStringLiteral("https://www.mikomi-seiki.example.jp")}});

    // 2. Japanese, another card, photographed on a desk.
    const QImage ja2 = horizontal(gothic,
                                  {{QStringLiteral("有限会社さくら商事"), 46, true},
                                   {QString(), 30},
                                   {QStringLiteral("開発課　課長"), 30},
                                   {QStringLiteral("佐藤　花子"), 80, true},
                                   {QStringLiteral("Hanako Sato"), 28},
                                   {QString(), 20},
                                   {QStringLiteral("〒541-0041　大阪府大阪市中央区北浜2-6-18"), 28},
                                   {QStringLiteral("TEL 06-6201-1234"), 28},
                                   {QStringLiteral("直通 06-6201-1299"), 28},
                                   {QStringLiteral("hanako.sato@sakura-shoji.example.com"), 28},
                                   {QStringLiteral("www.sakura-shoji.example.com"), 28}},
                                  QColor(180, 40, 90));
    ok &= save(photo(ja2, 4.0, 3), dir + QStringLiteral("ja-photo.jpg"), 60);
    ok &= truth(dir + QStringLiteral("ja-photo.json"),
                {{QStringLiteral("company"), QStringLiteral("有限会社さくら商事")},
                 {QStringLiteral("department"), QStringLiteral("開発課")},
                 {QStringLiteral("title"), QStringLiteral("課長")},
                 {QStringLiteral("family_name"), QStringLiteral("佐藤")},
                 {QStringLiteral("given_name"), QStringLiteral("花子")},
                 {QStringLiteral("family_reading"), QStringLiteral("Sato")},
                 {QStringLiteral("given_reading"), QStringLiteral("Hanako")},
                 {QStringLiteral("postal_code"), QStringLiteral("541-0041")},
                 {QStringLiteral("prefecture"), QStringLiteral("大阪府")},
                 {QStringLiteral("city"), QStringLiteral("大阪市中央区")},
                 {QStringLiteral("street"), QStringLiteral("北浜2-6-18")},
                 {QStringLiteral("phone"), QStringLiteral("06-6201-1299")},
                 {QStringLiteral("email"), QStringLiteral("hanako.sato@sakura-shoji.example.com")},
                 {QStringLiteral("website"), QStringLiteral("www.sakura-shoji.example.com")}});

    // 3. Japanese, vertical (tategaki), a scan.
    const QImage ja3 =
        vertical({{QStringLiteral("株式会社ひかり物産"), 40, true, 0},
                  {QStringLiteral("総務部　課長"), 30, false, 60},
                  {QStringLiteral("鈴木　一郎"), 72, true, 120},
                  {QStringLiteral("東京都港区芝公園四丁目二番"), 28, false, 40},
                  {QStringLiteral("電話　〇三・五五五五・一二三四"), 28, false, 40}});
    ok &= save(ja3, dir + QStringLiteral("ja-vertical.png"), -1);
    ok &= truth(dir + QStringLiteral("ja-vertical.json"),
                {{QStringLiteral("company"), QStringLiteral("株式会社ひかり物産")},
                 {QStringLiteral("department"), QStringLiteral("総務部")},
                 {QStringLiteral("title"), QStringLiteral("課長")},
                 {QStringLiteral("family_name"), QStringLiteral("鈴木")},
                 {QStringLiteral("given_name"), QStringLiteral("一郎")},
                 {QStringLiteral("prefecture"), QStringLiteral("東京都")},
                 {QStringLiteral("city"), QStringLiteral("港区")},
                 {QStringLiteral("street"), QStringLiteral("芝公園四丁目二番")},
                 {QStringLiteral("phone"), QStringLiteral("03-5555-1234")}});

    // 4. English, a flat scan (the back of card 1: the same person in English).
    const QImage en1 =
        horizontal(sans,
                   {{QStringLiteral("Mikomi Seiki Co., Ltd."), 44, true},
                    {QString(), 30},
                    {QStringLiteral("Taro Yamada"), 64, true},
                    {QStringLiteral("Sales Manager"), 30},
                    {QString(), 24},
                    {QStringLiteral("1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan"), 26},
                    {QStringLiteral("Tel: +81-3-1234-5678"), 26},
                    {QStringLiteral("Mobile: +81-90-1234-5678"), 26},
                    {QStringLiteral("t.yamada@mikomi-seiki.example.jp"), 26},
                    {QStringLiteral("www.mikomi-seiki.example.jp"), 26}},
                   QColor(0, 70, 140));
    ok &= save(en1, dir + QStringLiteral("en-back.png"), -1);
    ok &= truth(dir + QStringLiteral("en-back.json"),
                {{QStringLiteral("company"), QStringLiteral("Mikomi Seiki Co., Ltd.")},
                 {QStringLiteral("title"), QStringLiteral("Sales Manager")},
                 {QStringLiteral("family_name"), QStringLiteral("Yamada")},
                 {QStringLiteral("given_name"), QStringLiteral("Taro")},
                 {QStringLiteral("postal_code"), QStringLiteral("100-0005")},
                 {QStringLiteral("street"), QStringLiteral("1-2-3 Marunouchi")},
                 {QStringLiteral("city"), QStringLiteral("Chiyoda-ku")},
                 {QStringLiteral("prefecture"), QStringLiteral("Tokyo")},
                 {QStringLiteral("country"), QStringLiteral("Japan")},
                 {QStringLiteral("phone"), QStringLiteral("+81-3-1234-5678")},
                 {QStringLiteral("mobile"), QStringLiteral("+81-90-1234-5678")},
                 {QStringLiteral("email"), QStringLiteral("t.yamada@mikomi-seiki.example.jp")},
                 {QStringLiteral("website"), QStringLiteral("www.mikomi-seiki.example.jp")}});

    // 5. English, photographed.
    const QImage en2 =
        horizontal(sans,
                   {{QStringLiteral("Northwind Analytics GmbH"), 44, true},
                    {QString(), 30},
                    {QStringLiteral("Anna Keller"), 64, true},
                    {QStringLiteral("Director of Marketing"), 30},
                    {QString(), 24},
                    {QStringLiteral("Friedrichstrasse 12, 10117 Berlin, Germany"), 26},
                    {QStringLiteral("Phone +49 30 1234567"), 26},
                    {QStringLiteral("Fax +49 30 1234568"), 26},
                    {QStringLiteral("anna.keller@northwind.example.de"), 26},
                    {QStringLiteral("https://northwind.example.de"), 26}},
                   QColor(20, 120, 60));
    ok &= save(photo(en2, -3.0, 7), dir + QStringLiteral("en-photo.jpg"), 60);
    ok &= truth(dir + QStringLiteral("en-photo.json"),
                {{QStringLiteral("company"), QStringLiteral("Northwind Analytics GmbH")},
                 {QStringLiteral("title"), QStringLiteral("Director of Marketing")},
                 {QStringLiteral("family_name"), QStringLiteral("Keller")},
                 {QStringLiteral("given_name"), QStringLiteral("Anna")},
                 {QStringLiteral("postal_code"), QStringLiteral("10117")},
                 {QStringLiteral("street"), QStringLiteral("Friedrichstrasse 12")},
                 {QStringLiteral("city"), QStringLiteral("Berlin")},
                 {QStringLiteral("country"), QStringLiteral("Germany")},
                 {QStringLiteral("phone"), QStringLiteral("+49 30 1234567")},
                 {QStringLiteral("fax"), QStringLiteral("+49 30 1234568")},
                 {QStringLiteral("email"), QStringLiteral("anna.keller@northwind.example.de")},
                 {QStringLiteral("website"), QStringLiteral("https://northwind.example.de")}});
    return ok ? 0 : 1;
}
