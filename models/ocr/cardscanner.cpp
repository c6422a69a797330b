#include "models/ocr/cardscanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <omp.h>

#include <algorithm>
#include <functional>
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

bool hasCjkText(const QString &s) {
    return std::any_of(s.begin(), s.end(), [](QChar c) { return isCjk(c); });
}

// The mean confidence of the words of some lines.
float meanConfidence(const QList<const TextLine *> &lines) {
    double sum = 0;
    int n = 0;
    for (const TextLine *l : lines)
        for (const Word &w : l->words) {
            sum += w.confidence;
            ++n;
        }
    return n ? float(sum / n) : 0.0f;
}

// The lines that belong to the name line at `index`: large type breaks up under OCR (鈴木一郎
// read as "鈴木 和良", "|" and "Rup", three lines of one column). A line belongs when its centre
// lies across the name's column (vertical) or row (horizontal) and, across a row, when its type
// is at least half as large (a right-hand column of small text beside the name does not). A line
// another field was read from never belongs: a name column read too wide (鈴木 一郎 with a junk
// word beside it) reaches into the department's column, and taking that in lost the department
// and the title.
QList<int> nameLines(const Page &page, int index, const QSet<int> &taken) {
    const TextLine &name = page.lines.at(index);
    QList<int> out{index};
    for (int i = 0; i < page.lines.size(); ++i) {
        if (i == index || taken.contains(i))
            continue;
        const TextLine &l = page.lines.at(i);
        const QPoint c = l.box.center();
        if (page.vertical) {
            if (c.x() >= name.box.left() && c.x() <= name.box.right())
                out << i;
        } else if (c.y() >= name.box.top() && c.y() <= name.box.bottom() &&
                   l.glyphSize() * 2 >= name.glyphSize()) {
            out << i;
        }
    }
    return out;
}

// A name read alone: the lone bar of 一 comes back as a dash or a long-vowel mark between
// kanji; in a name it is the kanji one.
QString nameText(QString text) {
    static const QRegularExpression bar(
        QStringLiteral("(?<=[\\x{3400}-\\x{9fff}]|^)\\s*[-ー－‐—―|]\\s*(?=[\\x{3400}-\\x{9fff}])"));
    text.replace(bar, QStringLiteral("一"));
    return text.simplified();
}

// One reading of a cut-out part of the card: its text, mean word confidence, and the words with
// their boxes back on the prepared image.
struct Candidate {
    QString text;
    float confidence = 0;
    QList<Word> words;
};

Candidate readCandidate(tesseract::TessBaseAPI &api, const QImage &image, bool vertical,
                        const std::function<QRect(const QRect &)> &back) {
    const Page page = readPage(api, image, vertical);
    Candidate c;
    QList<const TextLine *> lines;
    for (const TextLine &l : page.lines) {
        lines << &l;
        c.text += l.text + QLatin1Char(' ');
        for (Word w : l.words) {
            w.box = back(w.box);
            c.words << w;
        }
    }
    c.text = nameText(c.text);
    c.confidence = meanConfidence(lines);
    return c;
}

// A vertical column's characters laid side by side: the rows with ink grouped into cells of at
// most about one glyph (三 has three strokes with blank rows between them, one cell), each cell
// put in a row with a quarter glyph between.
struct Restacked {
    QImage image;
    QList<QRect> cells; // in the column image
    QList<int> offsets; // the x of each cell in the image
};

Restacked restack(const QImage &column, int glyph) {
    Restacked r;
    int lo = 255, hi = 0;
    for (int y = 0; y < column.height(); ++y) {
        const uchar *s = column.constScanLine(y);
        for (int x = 0; x < column.width(); ++x) {
            lo = std::min(lo, int(s[x]));
            hi = std::max(hi, int(s[x]));
        }
    }
    if (hi - lo < 40)
        return r;
    const int threshold = (lo + hi) / 2;
    QList<std::pair<int, int>> runs;
    int start = -1;
    for (int y = 0; y <= column.height(); ++y) {
        int ink = 0;
        if (y < column.height()) {
            const uchar *s = column.constScanLine(y);
            for (int x = 0; x < column.width(); ++x)
                ink += s[x] < threshold;
        }
        if (ink >= 2 && start < 0)
            start = y;
        else if (ink < 2 && start >= 0) {
            runs.append({start, y - 1});
            start = -1;
        }
    }
    if (runs.isEmpty())
        return r;
    QList<std::pair<int, int>> cells{runs.first()};
    for (qsizetype i = 1; i < runs.size(); ++i) {
        if (runs.at(i).second - cells.last().first + 1 <= glyph * 23 / 20)
            cells.last().second = runs.at(i).second;
        else
            cells.append(runs.at(i));
    }
    // The ink's left and right edge: the cells are laid side by side without the column's
    // margins, a small gap between characters and a glyph's width where the column had a
    // full-width space (so the family and given names stay apart).
    int left = column.width(), right = -1;
    for (int y = 0; y < column.height(); ++y) {
        const uchar *s = column.constScanLine(y);
        for (int x = 0; x < column.width(); ++x)
            if (s[x] < threshold) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    }
    if (right < left)
        return r;
    const int cellWidth = right - left + 1;
    // A full-width space: the centres of two characters more than 1.6 glyphs apart (measured from
    // the centres, as 一 is a thin bar in the middle of its square).
    auto spaceBefore = [&](qsizetype i) {
        return i > 0 && (cells.at(i).first + cells.at(i).second) -
                                (cells.at(i - 1).first + cells.at(i - 1).second) >
                            glyph * 16 / 5;
    };
    const int gap = std::max(2, glyph / 8);
    int height = glyph;
    int width = gap;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        height = std::max(height, cells.at(i).second - cells.at(i).first + 1);
        width += cellWidth + gap;
        if (spaceBefore(i))
            width += glyph;
    }
    const int margin = glyph / 2;
    r.image = QImage(width + 2 * margin, height + 2 * margin, QImage::Format_Grayscale8);
    r.image.fill(uchar(hi));
    QPainter p(&r.image);
    int x = margin + gap;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const auto &[a, b] = cells.at(i);
        if (spaceBefore(i))
            x += glyph;
        const QRect cell(left, a, cellWidth, b - a + 1);
        p.drawImage(x, margin + (height - cell.height()) / 2, column, cell.x(), cell.y(),
                    cell.width(), cell.height());
        r.cells << cell;
        r.offsets << x;
        x += cellWidth + gap;
    }
    return r;
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
    if (m_namePass)
        secondPasses(s, error);
    s.seconds = timer.nsecsElapsed() / 1e9;
    return s;
}

void CardScanner::secondPasses(CardScan &s, QString &error) {
    const QImage &grey = s.prepared.image;
    bool japanese = s.page.vertical;
    for (const TextLine &l : std::as_const(s.page.lines))
        for (const QChar c : l.text)
            japanese |= c.unicode() >= 0x3040 && c.unicode() <= 0x30ff; // kana
    if (!japanese)
        return;
    Page fixed = s.page;
    bool changed = false;

    // The name's own pass: its column or row cut out with the pieces the OCR broke it into,
    // scaled to about 40 px type (measured best for tesseract) and read Japanese only: a
    // vertical name with jpn_vert as one vertical block, a horizontal one with jpn as one line.
    // Kept when the card's reading of it had Latin letters or broke up, or read less surely.
    const Field name = s.fields.fields.value(QStringLiteral("family_name"));
    if (name.line >= 0 && name.line < fixed.lines.size()) {
        // The lines the other fields were read from (not the name's, nor its reading's).
        QSet<int> taken;
        for (auto it = s.fields.fields.cbegin(); it != s.fields.fields.cend(); ++it) {
            static const QStringList own{
                QStringLiteral("family_name"), QStringLiteral("given_name"),
                QStringLiteral("family_reading"), QStringLiteral("given_reading")};
            if (it->line >= 0 && it->line != name.line && !own.contains(it.key()))
                taken.insert(it->line);
        }
        const QList<int> parts = nameLines(fixed, name.line, taken);
        QList<const TextLine *> before;
        QRect region;
        QString old;
        for (const int i : parts) {
            before << &fixed.lines.at(i);
            region |= fixed.lines.at(i).box;
            old += fixed.lines.at(i).text;
        }
        const int glyph = std::max(1, fixed.lines.at(name.line).glyphSize());
        const int pad = glyph / 4;
        const QRect cut = region.adjusted(-pad, -pad, pad, pad).intersected(grey.rect());
        const QImage part = grey.copy(cut);
        QList<Candidate> candidates;
        // Up to three type sizes around 40 px: one size alone misreads a character now and then
        // (郎 as 和郎 at 36 px, as 節 at 44 px), and the surest reading is kept.
        if (tesseract::TessBaseAPI *api =
                m_e->get(fixed.vertical ? Model::Vertical : Model::JapaneseLine, &error)) {
            for (const int size : {40, 34, 46}) {
                const double k = double(size) / glyph;
                const QImage img = part.scaled(std::max(1, int(part.width() * k)),
                                               std::max(1, int(part.height() * k)),
                                               Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                candidates << readCandidate(*api, img, fixed.vertical, [&](const QRect &b) {
                    return QRect(cut.left() + int(b.left() / k), cut.top() + int(b.top() / k),
                                 int(b.width() / k), int(b.height() / k));
                });
                // Read surely at the first size: the others are not needed.
                if (candidates.last().confidence >= 90 && !hasLatin(candidates.last().text))
                    break;
            }
        }
        // A vertical name also restacked: its characters cut apart and laid side by side, read
        // as one horizontal line.
        if (fixed.vertical) {
            if (tesseract::TessBaseAPI *api = m_e->get(Model::JapaneseLine, &error)) {
                const Restacked r = restack(part, glyph);
                if (!r.cells.isEmpty()) {
                    const double k = 40.0 / glyph;
                    const QImage img =
                        r.image.scaled(std::max(1, int(r.image.width() * k)),
                                       std::max(1, int(r.image.height() * k)),
                                       Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                    candidates << readCandidate(*api, img, false, [&](const QRect &b) {
                        QRect out;
                        for (qsizetype i = 0; i < r.cells.size(); ++i) {
                            const int x0 = int(r.offsets.at(i) * k);
                            const int x1 = x0 + int(r.cells.at(i).width() * k);
                            if (b.right() >= x0 && b.left() <= x1)
                                out |= r.cells.at(i).translated(cut.topLeft());
                        }
                        return out;
                    });
                }
            }
        }
        const Candidate *best = nullptr;
        for (const Candidate &c : std::as_const(candidates)) {
            if (hasLatin(c.text) || !hasCjkText(c.text) || c.text.size() < 2)
                continue;
            if (!best || c.confidence > best->confidence)
                best = &c;
        }
        // Kept when the card's reading of the name line had Latin letters or no kanji, when it
        // read at least as surely as the name line itself, or when the pieces around it came
        // back with Latin letters (鈴木一郎 as "鈴木 和良", "|", "Rup") and it read at least as
        // surely as they did together. A clean name line beside a junk piece ("中村 翔太" at 79%
        // and "1 ププ" at 15%) stays as the card read it: the pass read 中村初太 at 60%.
        const TextLine &first = fixed.lines.at(name.line);
        const QString firstText = first.text;
        const float firstConfidence = first.confidence;
        bool latinPieces = false;
        for (const int i : parts)
            latinPieces |= i != name.line && hasLatin(fixed.lines.at(i).text);
        const bool replace = best && (hasLatin(firstText) || !hasCjkText(firstText) ||
                                      best->confidence >= firstConfidence ||
                                      (latinPieces && best->confidence >= meanConfidence(before)));
        if (replace) {
            // The confidence shown is the card's reading's: a line read as "RR" and then as 森
            // at 95% by the pass is still to be checked (the pass's own confidence is not the
            // one measured: >= 90 right 97%, < 70 55%). A name the pass read differently never
            // shows as confident; one it read the same keeps the name line's confidence.
            const auto bare = [](QString t) {
                t.remove(QRegularExpression(QStringLiteral("\\s")));
                return t;
            };
            float shown = std::min(best->confidence, firstConfidence);
            if (bare(best->text) != bare(firstText))
                shown = std::min(shown, float(confidentFrom * 100) - 1);
            TextLine &target = fixed.lines[name.line];
            target.text = best->text;
            target.words = best->words;
            for (Word &w : target.words)
                w.confidence = std::min(w.confidence, shown);
            target.box = region;
            target.confidence = shown;
            QList<int> drop = parts.mid(1);
            std::sort(drop.begin(), drop.end(), std::greater<int>());
            for (const int i : std::as_const(drop))
                fixed.lines.removeAt(i);
            changed = true;
        }
    }

    // A horizontal department line that came back with Latin letters: read again alone,
    // Japanese only.
    if (!fixed.vertical) {
        const CardFields now = changed ? extractFields(fixed) : s.fields;
        const Field field = now.fields.value(QStringLiteral("department"));
        if (field.line >= 0 && hasLatin(fixed.lines.at(field.line).text)) {
            if (tesseract::TessBaseAPI *j = m_e->get(Model::JapaneseLine, &error)) {
                const TextLine &nl = fixed.lines.at(field.line);
                const int pad = nl.box.height() / 4;
                QImage crop = grey.copy(nl.box.adjusted(-pad, -pad, pad, pad));
                crop = crop.scaledToHeight(
                    std::max(20, crop.height() * 40 / std::max(1, nl.box.height())),
                    Qt::SmoothTransformation);
                const Page again = readPage(*j, crop, false);
                if (!again.lines.isEmpty()) {
                    const TextLine &al = again.lines.first();
                    if (!hasLatin(al.text) && al.text.size() >= 2) {
                        TextLine &target = fixed.lines[field.line];
                        target.text = al.text;
                        target.confidence = std::min(target.confidence, al.confidence);
                        changed = true;
                    }
                }
            }
        }
    }
    if (changed) {
        s.fields = extractFields(fixed);
        s.page = std::move(fixed);
        s.secondPass = true;
    }
}

bool CardScanner::isHeif(const QString &path) {
    static const QStringList suffixes{QStringLiteral("heic"), QStringLiteral("heif"),
                                      QStringLiteral("hif")};
    if (suffixes.contains(QFileInfo(path).suffix().toLower()))
        return true;
    // An ISO media file ("ftyp" at byte 4) of a HEIF brand, whatever its name.
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(12);
    static const QList<QByteArray> brands{"heic", "heix", "hevc", "hevx", "heim",
                                          "heis", "mif1", "msf1", "avif"};
    return head.size() == 12 && head.mid(4, 4) == "ftyp" && brands.contains(head.mid(8, 4));
}

bool CardScanner::canReadHeif() {
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    return formats.contains("heic") || formats.contains("heif");
}

Result<CardScan> CardScanner::scanFile(const QString &path) {
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone photo's EXIF orientation
    const QImage image = reader.read();
    if (image.isNull() && isHeif(path) && !canReadHeif())
        return Error{tr("%1: this is a HEIC/HEIF photo (the iPhone's usual format), and Qt on this "
                        "computer has no reader for it (Debian's Qt 6 image plugins do not include "
                        "HEIF). Convert it to JPEG first, for example with heif-convert from "
                        "Debian's libheif-examples (heif-convert photo.heic photo.jpg), or set the "
                        "iPhone's camera to \"Most Compatible\", and open the JPEG.")
                         .arg(path)};
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
    // HEIC photos even when Qt cannot read them: scanning one says why, instead of a folder of
    // iPhone photos being skipped without a word.
    patterns << QStringLiteral("*.heic") << QStringLiteral("*.heif") << QStringLiteral("*.hif");
    patterns.removeDuplicates();
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
    l.country = f.value(QStringLiteral("country"));
    l.website = f.value(QStringLiteral("website"));
    if (f.has(QStringLiteral("fax")))
        l.extraContacts.append(
            ContactPoint{ContactKind::Fax, f.value(QStringLiteral("fax")), QStringLiteral("FAX")});
    return l;
}

} // namespace mikomi::ocr
