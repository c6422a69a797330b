#pragma once

#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

namespace mikomi::ocr {

// What the OCR engine read from one image: words with their boxes (in the pixels of the image it
// was given) and confidences (0-100, tesseract's), grouped in text lines.
struct Word {
    QString text;
    QRect box;
    float confidence = 0;
};

struct TextLine {
    QList<Word> words;
    QRect box;
    QString text;          // the words joined (CJK runs glued, spaced where the gap is wide)
    float confidence = 0;  // mean of the words' confidences
    bool vertical = false; // a column of a tategaki card
    // The size of its characters: the height of a horizontal line, the width of a column.
    int glyphSize() const { return vertical ? box.width() : box.height(); }
};

struct Page {
    QSize size;
    QList<TextLine> lines;
    bool vertical = false; // read as vertical Japanese (jpn_vert)
    float meanConfidence() const;
    // The sum over words of characters x (confidence/100)^2: which of two readings of the same
    // image holds more text read well.
    double quality() const;
};

// Builds a line's text from its words: Latin words keep a space between them, CJK characters
// are glued unless the gap is wider than half the glyph size.
QString joinWords(const QList<Word> &words, bool vertical);
bool isCjk(QChar c);

} // namespace mikomi::ocr
