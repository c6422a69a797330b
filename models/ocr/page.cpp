#include "models/ocr/page.h"

namespace mikomi::ocr {

float Page::meanConfidence() const {
    double sum = 0;
    int n = 0;
    for (const TextLine &l : lines)
        for (const Word &w : l.words) {
            sum += w.confidence;
            ++n;
        }
    return n ? float(sum / n) : 0.0f;
}

double Page::quality() const {
    double q = 0;
    for (const TextLine &l : lines)
        for (const Word &w : l.words) {
            const double c = w.confidence / 100.0;
            q += w.text.size() * c * c;
        }
    return q;
}

bool isCjk(QChar c) {
    const ushort u = c.unicode();
    return (u >= 0x3000 && u <= 0x30ff) || (u >= 0x3400 && u <= 0x9fff) ||
           (u >= 0xf900 && u <= 0xfaff) || (u >= 0xff00 && u <= 0xffef);
}

QString joinWords(const QList<Word> &words, bool vertical) {
    QString out;
    for (int i = 0; i < words.size(); ++i) {
        const Word &w = words.at(i);
        if (w.text.isEmpty())
            continue;
        if (!out.isEmpty()) {
            const Word &prev = words.at(i - 1);
            const int size = vertical ? std::max(prev.box.width(), w.box.width())
                                      : std::max(prev.box.height(), w.box.height());
            const int gap =
                vertical ? w.box.top() - prev.box.bottom() : w.box.left() - prev.box.right();
            const bool cjk = isCjk(out.back()) || isCjk(w.text.front());
            // A full-width space is about one glyph wide; tesseract's own gaps between CJK
            // characters of one word are much narrower.
            if (!cjk || gap * 2 > size)
                out += QLatin1Char(' ');
        }
        out += w.text;
    }
    return out;
}

} // namespace mikomi::ocr
