#include "models/ocr/cardscanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <omp.h>

#include <optional>

namespace mikomi::ocr {

namespace {

enum class Model { Horizontal, Vertical, JapaneseLine };

struct Api {
    std::unique_ptr<tesseract::TessBaseAPI> api;
    bool failed = false;
};

Page readPage(tesseract::TessBaseAPI &api, const QImage &grey, bool vertical) {
    Page page;
    page.size = grey.size();
    page.vertical = vertical;
    api.SetImage(grey.constBits(), grey.width(), grey.height(), 1, int(grey.bytesPerLine()));
    api.SetSourceResolution(300);
    if (api.Recognize(nullptr) != 0)
        return page;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it)
        return page;
    TextLine current;
    auto flush = [&] {
        if (current.words.isEmpty())
            return;
        double sum = 0;
        for (const Word &w : std::as_const(current.words)) {
            current.box = current.box.united(w.box);
            sum += w.confidence;
        }
        current.confidence = float(sum / current.words.size());
        current.vertical = vertical;
        current.text = joinWords(current.words, vertical);
        page.lines.append(current);
        current = TextLine();
    };
    do {
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE))
            flush();
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text)
            continue;
        Word w;
        w.text = QString::fromUtf8(text.get()).trimmed();
        if (w.text.isEmpty())
            continue;
        int l = 0, t = 0, r = 0, b = 0;
        it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
        w.box = QRect(QPoint(l, t), QPoint(r - 1, b - 1));
        w.confidence = it->Confidence(tesseract::RIL_WORD);
        current.words.append(w);
    } while (it->Next(tesseract::RIL_WORD));
    flush();
    return page;
}

} // namespace

struct CardScanner::Engines {
    Api horizontal, vertical, line;

    tesseract::TessBaseAPI *get(Model m, QString *error) {
        Api &a = m == Model::Horizontal ? horizontal : m == Model::Vertical ? vertical : line;
        if (a.api)
            return a.api.get();
        const char *lang = m == Model::Horizontal ? "jpn+eng"
                           : m == Model::Vertical ? "jpn_vert"
                                                  : "jpn";
        auto api = std::make_unique<tesseract::TessBaseAPI>();
        if (api->Init(nullptr, lang, tesseract::OEM_LSTM_ONLY) != 0) {
            *error = QCoreApplication::translate(
                         "mikomi::ocr::CardScanner",
                         "The OCR language data \"%1\" is not installed (Debian: "
                         "tesseract-ocr-jpn, tesseract-ocr-jpn-vert, tesseract-ocr-eng).")
                         .arg(QString::fromLatin1(lang));
            return nullptr;
        }
        api->SetPageSegMode(m == Model::Horizontal ? tesseract::PSM_AUTO
                            : m == Model::Vertical ? tesseract::PSM_SINGLE_BLOCK_VERT_TEXT
                                                   : tesseract::PSM_SINGLE_LINE);
        api->SetVariable("debug_file", "/dev/null");
        a.api = std::move(api);
        return a.api.get();
    }
};

CardScanner::CardScanner()
    : m_e(std::make_unique<Engines>()) {}

CardScanner::~CardScanner() = default;

Status CardScanner::load() {
    omp_set_num_threads(1);
    QString error;
    if (!m_e->get(Model::Horizontal, &error))
        return Error{error};
    return {};
}

Result<CardScan> CardScanner::scan(const QImage &image) {
    if (image.isNull())
        return Error{tr("The image is empty.")};
    omp_set_num_threads(1);
    QElapsedTimer timer;
    timer.start();
    QString error;
    tesseract::TessBaseAPI *h = m_e->get(Model::Horizontal, &error);
    if (!h)
        return Error{error};
    CardScan s;
    s.prepared = prepareCard(image);
    const QImage &grey = s.prepared.image;
    // Vertical Japanese: tried first on an upright card, and after a poor horizontal reading;
    // the reading with more text read well is kept.
    const bool upright = grey.height() > grey.width() * 23 / 20;
    auto readVertical = [&]() -> std::optional<Page> {
        if (tesseract::TessBaseAPI *v = m_e->get(Model::Vertical, &error))
            return readPage(*v, grey, true);
        return std::nullopt;
    };
    if (upright) {
        if (auto vert = readVertical())
            s.page = std::move(*vert);
        if (s.page.meanConfidence() < 75) {
            Page across = readPage(*h, grey, false);
            if (across.quality() > s.page.quality())
                s.page = std::move(across);
        }
    } else {
        s.page = readPage(*h, grey, false);
        if (s.page.meanConfidence() < 70) {
            if (auto vert = readVertical(); vert && vert->quality() > s.page.quality())
                s.page = std::move(*vert);
        }
    }
    s.fields = extractFields(s.page);
    // The name (and the department line) again, Japanese only, when it came back with Latin
    // letters on a Japanese card ("RR" for 森).
    bool japanese = false;
    for (const TextLine &l : std::as_const(s.page.lines))
        for (const QChar c : l.text)
            japanese |= c.unicode() >= 0x3040 && c.unicode() <= 0x30ff; // kana
    if (japanese && !s.page.vertical) {
        Page fixed = s.page;
        for (const QString &key : {QStringLiteral("family_name"), QStringLiteral("department")}) {
            const Field field = s.fields.fields.value(key);
            if (field.line < 0 || !hasLatin(fixed.lines.at(field.line).text))
                continue;
            tesseract::TessBaseAPI *j = m_e->get(Model::JapaneseLine, &error);
            if (!j)
                break;
            const TextLine &nl = fixed.lines.at(field.line);
            const int pad = nl.box.height() / 4;
            QImage crop = grey.copy(nl.box.adjusted(-pad, -pad, pad, pad));
            // About 40 px of text height, as measured best for tesseract.
            crop =
                crop.scaledToHeight(std::max(20, crop.height() * 40 / std::max(1, nl.box.height())),
                                    Qt::SmoothTransformation);
            const Page again = readPage(*j, crop, false);
            if (again.lines.isEmpty())
                continue;
            const TextLine &al = again.lines.first();
            if (hasLatin(al.text) || al.text.size() < 2)
                continue;
            TextLine &target = fixed.lines[field.line];
            target.text = al.text;
            target.confidence = std::min(target.confidence, al.confidence);
            s.secondPass = true;
        }
        if (s.secondPass) {
            s.fields = extractFields(fixed);
            s.page = std::move(fixed);
        }
    }
    s.seconds = timer.nsecsElapsed() / 1e9;
    return s;
}

Result<CardScan> CardScanner::scanFile(const QString &path) {
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone photo's EXIF orientation
    const QImage image = reader.read();
    if (image.isNull())
        return Error{tr("%1: cannot read the image: %2").arg(path, reader.errorString())};
    auto r = scan(image);
    if (r)
        r->file = path;
    return r;
}

QStringList CardScanner::imageFiles(const QString &path) {
    const QFileInfo info(path);
    if (!info.isDir())
        return {path};
    QStringList patterns;
    for (const QByteArray &f : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(f);
    QStringList out;
    const QDir dir(path);
    for (const QString &name :
         dir.entryList(patterns, QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase))
        out << dir.filePath(name);
    return out;
}

Lead leadFromCard(const CardFields &f) {
    Lead l;
    l.company = f.value(QStringLiteral("company"));
    l.companyReading = f.value(QStringLiteral("company_reading"));
    l.department = f.value(QStringLiteral("department"));
    l.title = f.value(QStringLiteral("title"));
    l.familyName = f.value(QStringLiteral("family_name"));
    l.givenName = f.value(QStringLiteral("given_name"));
    l.familyReading = f.value(QStringLiteral("family_reading"));
    l.givenReading = f.value(QStringLiteral("given_reading"));
    l.email = f.value(QStringLiteral("email"));
    l.phone = f.value(QStringLiteral("phone"));
    l.mobile = f.value(QStringLiteral("mobile"));
    l.postalCode = f.value(QStringLiteral("postal_code"));
    l.prefecture = f.value(QStringLiteral("prefecture"));
    l.city = f.value(QStringLiteral("city"));
    l.street = f.value(QStringLiteral("street"));
    l.building = f.value(QStringLiteral("building"));
    l.website = f.value(QStringLiteral("website"));
    if (f.has(QStringLiteral("fax")))
        l.extraContacts.append(
            ContactPoint{ContactKind::Fax, f.value(QStringLiteral("fax")), QStringLiteral("FAX")});
    return l;
}

} // namespace mikomi::ocr
