#include "models/ocr/cardimage.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>
#include <QTransform>

#include <leptonica/allheaders.h>

#include <array>
#include <cmath>
#include <vector>

namespace mikomi::ocr {

namespace {

struct PixDeleter {
    void operator()(PIX *p) const {
        if (p)
            pixDestroy(&p);
    }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

PixPtr toPix(const QImage &grey) {
    const int w = grey.width();
    const int h = grey.height();
    PixPtr pix(pixCreate(w, h, 8));
    l_uint32 *data = pixGetData(pix.get());
    const int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < h; ++y) {
        const uchar *src = grey.constScanLine(y);
        l_uint32 *line = data + y * wpl;
        for (int x = 0; x < w; ++x)
            SET_DATA_BYTE(line, x, src[x]);
    }
    return pix;
}

QImage toImage(PIX *pix) {
    PixPtr grey(pixGetDepth(pix) == 8 ? pixClone(pix) : pixConvertTo8(pix, 0));
    const int w = int(pixGetWidth(grey.get()));
    const int h = int(pixGetHeight(grey.get()));
    QImage out(w, h, QImage::Format_Grayscale8);
    const l_uint32 *data = pixGetData(grey.get());
    const int wpl = pixGetWpl(grey.get());
    for (int y = 0; y < h; ++y) {
        uchar *dst = out.scanLine(y);
        const l_uint32 *line = data + y * wpl;
        for (int x = 0; x < w; ++x)
            dst[x] = uchar(GET_DATA_BYTE(line, x));
    }
    return out;
}

int otsu(const QImage &grey) {
    std::array<double, 256> hist{};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *s = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            hist[s[x]] += 1;
    }
    const double total = double(grey.width()) * grey.height();
    double sum = 0;
    for (int i = 0; i < 256; ++i)
        sum += i * hist[i];
    double sumB = 0, wB = 0, best = -1;
    int threshold = 128;
    for (int t = 0; t < 256; ++t) {
        wB += hist[t];
        if (wB == 0)
            continue;
        const double wF = total - wB;
        if (wF == 0)
            break;
        sumB += t * hist[t];
        const double mB = sumB / wB;
        const double mF = (sum - sumB) / wF;
        const double between = wB * wF * (mB - mF) * (mB - mF);
        if (between > best) {
            best = between;
            threshold = t;
        }
    }
    return threshold;
}

double dist(QPointF a, QPointF b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

QPolygonF findCard(const QImage &grey) {
    if (grey.isNull())
        return {};
    const int sw = 320;
    const double f = double(grey.width()) / sw;
    const QImage small = grey.scaledToWidth(sw, Qt::SmoothTransformation);
    const int w = small.width();
    const int h = small.height();
    const int t = otsu(small);
    // The largest 4-connected region brighter than the threshold.
    std::vector<int> label(size_t(w) * h, 0);
    std::vector<int> stack;
    int bestLabel = 0;
    int bestArea = 0;
    int next = 0;
    for (int y0 = 0; y0 < h; ++y0)
        for (int x0 = 0; x0 < w; ++x0) {
            if (label[size_t(y0) * w + x0] || small.constScanLine(y0)[x0] <= t)
                continue;
            ++next;
            int area = 0;
            stack.assign(1, y0 * w + x0);
            label[size_t(y0) * w + x0] = next;
            while (!stack.empty()) {
                const int p = stack.back();
                stack.pop_back();
                ++area;
                const int x = p % w;
                const int y = p / w;
                const int nb[4][2] = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
                for (const auto &n : nb) {
                    if (n[0] < 0 || n[1] < 0 || n[0] >= w || n[1] >= h)
                        continue;
                    const size_t q = size_t(n[1]) * w + n[0];
                    if (label[q] || small.constScanLine(n[1])[n[0]] <= t)
                        continue;
                    label[q] = next;
                    stack.push_back(int(q));
                }
            }
            if (area > bestArea) {
                bestArea = area;
                bestLabel = next;
            }
        }
    if (bestArea < w * h / 8)
        return {};
    // The corners: the extreme points along the two diagonals.
    QPointF tl, tr, br, bl;
    double minSum = 1e9, maxSum = -1e9, minDiff = 1e9, maxDiff = -1e9;
    bool touches = false;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            if (label[size_t(y) * w + x] != bestLabel)
                continue;
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1)
                touches = true;
            const double s = x + y;
            const double d = x - y;
            if (s < minSum) {
                minSum = s;
                tl = QPointF(x, y);
            }
            if (s > maxSum) {
                maxSum = s;
                br = QPointF(x + 1, y + 1);
            }
            if (d > maxDiff) {
                maxDiff = d;
                tr = QPointF(x + 1, y);
            }
            if (d < minDiff) {
                minDiff = d;
                bl = QPointF(x, y + 1);
            }
        }
    // A region that reaches the edges of the frame is the paper of a scan, not a card on a desk.
    if (touches)
        return {};
    return QPolygonF({tl * f, tr * f, br * f, bl * f});
}

QByteArray imageForKeeping(const QString &path) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (std::max(image.width(), image.height()) > 1600)
        image = image.scaled(1600, 1600, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!image.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 85))
        return {};
    return out;
}

PreparedCard prepareCard(const QImage &input) {
    PreparedCard out;
    QImage grey = input.convertToFormat(QImage::Format_Grayscale8);
    const int longSide = std::max(grey.width(), grey.height());
    if (longSide > 2400) {
        out.scale = longSide / 2400.0;
        grey = grey.scaled(QSize(int(grey.width() / out.scale), int(grey.height() / out.scale)),
                           Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    const QPolygonF card = findCard(grey);
    if (card.size() == 4) {
        out.card = QPolygonF(
            {card[0] * out.scale, card[1] * out.scale, card[2] * out.scale, card[3] * out.scale});
        const double cw = std::max(dist(card[0], card[1]), dist(card[3], card[2]));
        const double ch = std::max(dist(card[0], card[3]), dist(card[1], card[2]));
        QTransform t;
        const QPolygonF to({QPointF(0, 0), QPointF(cw, 0), QPointF(cw, ch), QPointF(0, ch)});
        if (QTransform::quadToQuad(card, to, t)) {
            QImage flat(int(cw), int(ch), QImage::Format_RGB32);
            flat.fill(Qt::white);
            QPainter p(&flat);
            p.setRenderHint(QPainter::SmoothPixmapTransform);
            p.setTransform(t);
            p.drawImage(0, 0, grey);
            p.end();
            grey = flat.convertToFormat(QImage::Format_Grayscale8);
        }
    }
    PixPtr pix = toPix(grey);
    // Lighting: the background estimated in tiles and mapped to white.
    PixPtr even(pixBackgroundNorm(pix.get(), nullptr, nullptr, 10, 15, 100, 50, 230, 2, 1));
    PIX *base = even ? even.get() : pix.get();
    l_float32 angle = 0, conf = 0;
    PixPtr straight(pixFindSkewAndDeskew(base, 0, &angle, &conf));
    if (straight) {
        out.skew = angle;
        out.image = toImage(straight.get());
    } else {
        out.image = toImage(base);
    }
    return out;
}

} // namespace mikomi::ocr
