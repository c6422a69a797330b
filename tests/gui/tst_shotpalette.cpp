// The guide's screenshots reduced to 256 colours (shotpalette.h, png8, scripts/guide-shots.sh).
#include "shotpalette.h"

#include <QPainter>
#include <QSet>
#include <QTest>

class TestShotPalette final : public QObject {
    Q_OBJECT

private slots:
    // A window's picture with few colours keeps every pixel exactly.
    void fewColoursAreKept() {
        QImage window(120, 80, QImage::Format_RGB32);
        window.fill(qRgb(240, 240, 240));
        QPainter p(&window);
        p.fillRect(10, 10, 50, 20, qRgb(0, 120, 215));
        p.fillRect(70, 40, 30, 30, qRgb(255, 255, 255));
        p.end();
        const QImage reduced = shots::toPalette(window);
        QCOMPARE(reduced.format(), QImage::Format_Indexed8);
        QCOMPARE(reduced.colorCount(), 3);
        QCOMPARE(reduced.convertToFormat(QImage::Format_RGB32), window);
    }

    // Every other colour of a 256×256 gradient (16,384): 256 entries at most, each pixel close to
    // its colour; the background that covers most of the picture stays exact; the same palette on
    // every run.
    void manyColoursAreNear() {
        QImage shot(256, 128, QImage::Format_RGB32);
        shot.fill(qRgb(250, 250, 250));
        for (int y = 0; y < 128; ++y) {
            for (int x = 0; x < 128; ++x)
                shot.setPixel(x, y, qRgb(2 * x, 2 * y, x + y));
        }
        const QImage reduced = shots::toPalette(shot);
        QCOMPARE(reduced.format(), QImage::Format_Indexed8);
        QVERIFY(reduced.colorCount() <= 256);
        QVERIFY(reduced.colorCount() > 200);
        const QImage back = reduced.convertToFormat(QImage::Format_RGB32);
        int worst = 0;
        for (int y = 0; y < 128; ++y) {
            for (int x = 0; x < 128; ++x) {
                const QRgb a = shot.pixel(x, y), b = back.pixel(x, y);
                worst = std::max({worst, std::abs(qRed(a) - qRed(b)),
                                  std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
            }
        }
        QVERIFY2(worst <= 24, qPrintable(QString::number(worst)));
        QCOMPARE(back.pixel(200, 100), qRgb(250, 250, 250));
        QCOMPARE(shots::toPalette(shot), reduced);
    }
};

QTEST_APPLESS_MAIN(TestShotPalette)
#include "tst_shotpalette.moc"
