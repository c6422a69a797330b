#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/ocr/cardfields.h"
#include "models/ocr/cardimage.h"
#include "models/ocr/page.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>

namespace mikomi::ocr {

// One card read: the prepared image the boxes refer to, the words, the fields, the time it took.
struct CardScan {
    QString file;
    PreparedCard prepared;
    Page page;
    CardFields fields;
    double seconds = 0;
    bool secondPass = false; // the name line was read again, Japanese only
};

// Reads business cards offline with tesseract (Debian's tesseract-ocr-jpn, -jpn-vert, -eng: the
// tessdata_fast models). Not thread-safe: one scanner per thread; the window runs it on a worker
// thread. The models are loaded once, by load() or the first scan (about 0.3 s); tesseract's
// OpenMP is held to one thread on the scanning thread (two threads were 4-8x slower on a busy
// 2-core machine).
//  - horizontal cards: jpn+eng, automatic page segmentation;
//  - vertical (tategaki) cards: tried with jpn_vert when the card stands upright or the
//    horizontal reading is poor; the reading with more text read well is kept;
//  - the name of a Japanese card gets its own pass: its column or row (with the pieces the OCR
//    broke it into) cut out, scaled to about 40 px type and read Japanese only (jpn_vert as one
//    vertical block, or jpn as one line); a department line read with Latin letters too.
class CardScanner final {
    Q_DECLARE_TR_FUNCTIONS(mikomi::ocr::CardScanner)
public:
    CardScanner();
    ~CardScanner();
    CardScanner(const CardScanner &) = delete;
    CardScanner &operator=(const CardScanner &) = delete;

    Status load();
    Result<CardScan> scan(const QImage &image);
    Result<CardScan> scanFile(const QString &path);

    // The image files a path names: itself, or the JPEG/PNG/HEIC/… files of a folder, sorted
    // (HEIC ones even when Qt cannot read them, so that scanning them says why).
    static QStringList imageFiles(const QString &path);
    // Whether the file is a HEIC/HEIF photo (by its name or its first bytes), and whether Qt here
    // reads that format (Debian 12's Qt 6 does not: qt6-image-formats-plugins has no HEIF).
    static bool isHeif(const QString &path);
    static bool canReadHeif();

    // Whether the name gets its own pass (on by default; off only to measure what it brings).
    void setNamePass(bool on) { m_namePass = on; }

private:
    void secondPasses(CardScan &s, QString &error);

    struct Engines;
    std::unique_ptr<Engines> m_e;
    bool m_namePass = true;
};

// The card as a lead (the fax as an extra contact point).
Lead leadFromCard(const CardFields &fields);

} // namespace mikomi::ocr
