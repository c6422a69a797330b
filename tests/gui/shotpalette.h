#pragma once

// A screenshot of the user guide (docs/guide/img) reduced to at most 256 colours, so the
// repository stays small: with Qt alone, where scripts/guide-shots.sh once needed ImageMagick's
// `convert +dither -colors 256` (not among dev.sh's packages). Used by png8.cpp.
// - A picture of 256 colours or fewer keeps them exactly.
// - Else median cut over the colours counted: the box with the most pixels times its widest
//   channel is split at its weighted median along that channel until there are 256 boxes; each
//   box gives its most common colour when that colour has half its pixels (the flat backgrounds,
//   borders and text of a window stay exact), else its pixels' mean.
// - Every pixel takes the nearest entry, without dithering (no noise on flat areas, and it
//   compresses well).

#include <QHash>
#include <QImage>
#include <QList>

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace shots {

inline QImage toPalette(const QImage &source, int colours = 256) {
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, qint64> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++counts[line[x] | 0xff000000u];
    }
    struct Colour {
        QRgb rgb;
        qint64 count;
    };
    QList<Colour> all;
    all.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        all << Colour{it.key(), it.value()};
    // The same palette on every run, whatever the hash's order.
    std::sort(all.begin(), all.end(),
              [](const Colour &a, const Colour &b) { return a.rgb < b.rgb; });
    const auto channel = [](QRgb c, int axis) {
        return axis == 0 ? qRed(c) : axis == 1 ? qGreen(c) : qBlue(c);
    };

    QList<QRgb> palette;
    if (all.size() <= colours) {
        for (const Colour &c : std::as_const(all))
            palette << c.rgb;
    } else {
        struct Box {
            qsizetype begin, end; // in `all`
            qint64 weight;
            int axis, range; // the widest channel and its range
        };
        const auto makeBox = [&](qsizetype begin, qsizetype end) {
            Box b{begin, end, 0, 0, 0};
            std::array<int, 3> lo{255, 255, 255}, hi{0, 0, 0};
            for (qsizetype i = begin; i < end; ++i) {
                b.weight += all[i].count;
                for (int a = 0; a < 3; ++a) {
                    lo[a] = std::min(lo[a], channel(all[i].rgb, a));
                    hi[a] = std::max(hi[a], channel(all[i].rgb, a));
                }
            }
            for (int a = 0; a < 3; ++a) {
                if (hi[a] - lo[a] > b.range) {
                    b.range = hi[a] - lo[a];
                    b.axis = a;
                }
            }
            return b;
        };
        QList<Box> boxes{makeBox(0, all.size())};
        while (boxes.size() < colours) {
            qsizetype pick = -1;
            double best = 0;
            for (qsizetype i = 0; i < boxes.size(); ++i) {
                const Box &b = boxes[i];
                const double score = double(b.weight) * b.range;
                if (b.end - b.begin > 1 && b.range > 0 && score > best) {
                    best = score;
                    pick = i;
                }
            }
            if (pick < 0)
                break; // every box is one colour
            const Box b = boxes[pick];
            std::sort(all.begin() + b.begin, all.begin() + b.end,
                      [&](const Colour &x, const Colour &y) {
                          const int cx = channel(x.rgb, b.axis), cy = channel(y.rgb, b.axis);
                          return cx != cy ? cx < cy : x.rgb < y.rgb;
                      });
            // The weighted median, leaving at least one colour on each side.
            qint64 sum = 0;
            qsizetype mid = b.begin + 1;
            for (qsizetype i = b.begin; i < b.end - 1; ++i) {
                sum += all[i].count;
                mid = i + 1;
                if (2 * sum >= b.weight)
                    break;
            }
            boxes[pick] = makeBox(b.begin, mid);
            boxes << makeBox(mid, b.end);
        }
        for (const Box &b : std::as_const(boxes)) {
            const Colour *top = &all[b.begin];
            double r = 0, g = 0, bl = 0;
            for (qsizetype i = b.begin; i < b.end; ++i) {
                const Colour &c = all[i];
                if (c.count > top->count)
                    top = &c;
                r += double(qRed(c.rgb)) * double(c.count);
                g += double(qGreen(c.rgb)) * double(c.count);
                bl += double(qBlue(c.rgb)) * double(c.count);
            }
            const double w = double(b.weight);
            palette << (2 * top->count >= b.weight
                            ? top->rgb
                            : qRgb(int(r / w + 0.5), int(g / w + 0.5), int(bl / w + 0.5)));
        }
    }

    // The nearest entry of each colour (an entry's own colour first: most pixels are one).
    QHash<QRgb, uchar> nearest;
    nearest.reserve(all.size());
    std::vector<int> pr, pg, pb;
    for (int i = 0; i < palette.size(); ++i) {
        nearest.insert(palette[i], uchar(i));
        pr.push_back(qRed(palette[i]));
        pg.push_back(qGreen(palette[i]));
        pb.push_back(qBlue(palette[i]));
    }
    const int n = int(palette.size());
    for (const Colour &c : std::as_const(all)) {
        if (nearest.contains(c.rgb))
            continue;
        const int r = qRed(c.rgb), g = qGreen(c.rgb), b = qBlue(c.rgb);
        int best = 0;
        int bestDistance = std::numeric_limits<int>::max();
        for (int i = 0; i < n; ++i) {
            const int d =
                (r - pr[i]) * (r - pr[i]) + (g - pg[i]) * (g - pg[i]) + (b - pb[i]) * (b - pb[i]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        nearest.insert(c.rgb, uchar(best));
    }
    QImage out(image.size(), QImage::Format_Indexed8);
    out.setColorTable(palette);
    out.setDotsPerMeterX(image.dotsPerMeterX());
    out.setDotsPerMeterY(image.dotsPerMeterY());
    for (int y = 0; y < image.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        uchar *line = out.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            line[x] = nearest.value(in[x] | 0xff000000u);
    }
    return out;
}

} // namespace shots
