// The whole scanning pipeline (prepare, OCR, fields) on the synthetic cards of
// tests/data/cards/ (README there): per-field accuracy against their known values, with floors
// measured on this pipeline. OMP_THREAD_LIMIT=1 (CMakeLists), and the scanner holds tesseract's
// OpenMP to one thread itself.
#include "models/ocr/cardscanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "tests/ocr/cardscore.h"

using namespace mikomi::ocr;

namespace {

using test::canonical; // tests/ocr/cardscore.h

struct Tally {
    int right = 0;
    int total = 0;
};

} // namespace

class TestCardScan : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        const QDir dir(QStringLiteral(MIKOMI_CORPUS "/cards"));
        m_files = dir.entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg")}, QDir::Files,
                                QDir::Name);
        QVERIFY2(m_files.size() >= 5, "tests/data/cards holds the synthetic cards");
        for (QString &f : m_files)
            f = dir.filePath(f);
        QElapsedTimer t;
        t.start();
        const auto loaded = m_scanner.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        qInfo("models loaded in %.2f s", t.nsecsElapsed() / 1e9);
    }

    void accuracy() {
        QMap<QString, Tally> perField;
        QMap<QString, Tally> perCard;
        double seconds = 0;
        for (const QString &file : std::as_const(m_files)) {
            const auto scan = m_scanner.scanFile(file);
            QVERIFY2(scan.ok(), qPrintable(scan.ok() ? QString() : scan.error()));
            seconds += scan->seconds;
            m_scans.insert(QFileInfo(file).completeBaseName(), *scan);
            QString jsonPath = file;
            jsonPath.replace(QRegularExpression(QStringLiteral("\\.(png|jpg)$")),
                             QStringLiteral(".json"));
            QFile f(jsonPath);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject truth = QJsonDocument::fromJson(f.readAll()).object();
            QVERIFY(!truth.isEmpty());
            const QString card = QFileInfo(file).completeBaseName();
            for (const QString &key : fieldNames()) {
                const QString want = truth.value(key).toString();
                const QString got = scan->fields.value(key);
                if (want.isEmpty())
                    continue; // not on the card (what is read beyond it is not scored)
                const bool ok = canonical(key, want) == canonical(key, got);
                perField[key].total++;
                perField[key].right += ok;
                perCard[card].total++;
                perCard[card].right += ok;
                m_right[card + QLatin1Char('/') + key] = ok;
                if (!ok)
                    qInfo("%s %s: read \"%s\", card says \"%s\"", qPrintable(card), qPrintable(key),
                          qPrintable(got), qPrintable(want));
            }
        }
        int right = 0, total = 0;
        for (auto it = perField.cbegin(); it != perField.cend(); ++it) {
            qInfo("%-15s %d/%d", qPrintable(it.key()), it->right, it->total);
            right += it->right;
            total += it->total;
        }
        for (auto it = perCard.cbegin(); it != perCard.cend(); ++it)
            qInfo("%-12s %d/%d", qPrintable(it.key()), it->right, it->total);
        qInfo("all fields %d/%d = %.0f%%, %.2f s per card", right, total, 100.0 * right / total,
              seconds / m_files.size());

        // Floors measured on this pipeline: 58/58 fields (57/58 before the name got its own
        // pass: the vertical card's given name 一郎 was read 和良).
        QVERIFY2(right * 100 >= total * 90, "at least 90% of all fields exactly right");
        // The large name of every card, the vertical one too (its own pass: the column cut
        // out, read with jpn_vert at three type sizes and restacked as a line).
        for (auto it = m_right.cbegin(); it != m_right.cend(); ++it)
            if (it.key().endsWith(QLatin1String("/family_name")) ||
                it.key().endsWith(QLatin1String("/given_name")))
                QVERIFY2(it.value(), qPrintable(it.key()));
        // A vertical card whose name column tesseract read too wide (a junk word beside it): the
        // name's own pass must not take in the department's column beside it (it did, and the
        // department and title were lost: bench_scan's vertical scans 29/36 -> 27/36), nor trade
        // the clean 中村 翔太 for its own 中村初太.
        for (const QString &key :
             {QStringLiteral("department"), QStringLiteral("title"), QStringLiteral("given_name")})
            QVERIFY2(m_right.value(QStringLiteral("ja-vertical-set02/") + key), qPrintable(key));
        // Email and phone exact on every horizontal card, scans and photos.
        for (const QString &card : {QStringLiteral("ja-scan"), QStringLiteral("en-back"),
                                    QStringLiteral("ja-photo"), QStringLiteral("en-photo")}) {
            QVERIFY2(m_right.value(card + QStringLiteral("/email")), qPrintable(card));
            QVERIFY2(m_right.value(card + QStringLiteral("/phone")), qPrintable(card));
        }
        // Every field of the clean Japanese scan, the company and address of the others.
        for (auto it = m_right.cbegin(); it != m_right.cend(); ++it)
            if (it.key().startsWith(QLatin1String("ja-scan/")))
                QVERIFY2(it.value(), qPrintable(it.key()));
        for (const QString &key : {QStringLiteral("company"), QStringLiteral("prefecture"),
                                   QStringLiteral("city"), QStringLiteral("street")})
            QCOMPARE(perField.value(key).right, perField.value(key).total);
    }

    void confidenceClasses() {
        // The scan of accuracy(), read once (the test stays fast).
        QVERIFY(m_scans.contains(QStringLiteral("en-photo")));
        const CardScan *scan = &m_scans[QStringLiteral("en-photo")];
        // What is not on the card is empty, never guessed.
        QCOMPARE(scan->fields.certainty(QStringLiteral("mobile")), Certainty::Empty);
        QCOMPARE(scan->fields.certainty(QStringLiteral("family_reading")), Certainty::Empty);
        QVERIFY(scan->fields.certainty(QStringLiteral("email")) != Certainty::Empty);
        // The card was found on the desk and the words' boxes lie on the prepared image.
        QCOMPARE(scan->prepared.card.size(), 4);
        const QRect image(QPoint(0, 0), scan->prepared.image.size());
        QVERIFY(!scan->page.lines.isEmpty());
        for (const TextLine &l : scan->page.lines)
            QVERIFY(image.contains(l.box));
        // A lead from it: the fax as an extra contact point.
        const mikomi::Lead lead = leadFromCard(scan->fields);
        QCOMPARE(lead.company, QStringLiteral("Northwind Analytics GmbH"));
        QCOMPARE(lead.extraContacts.size(), 1);
        QCOMPARE(lead.extraContacts.first().kind, mikomi::ContactKind::Fax);
    }

    void namePassIsNotConfident() {
        // The vertical card's name: the card's reading said 鈴木 和良, the name's own pass read
        // 鈴木 一郎 (right). The pass's confidence is not the one the colours were measured on
        // (line confidence >= 90 right 97%, < 70 55%), so a name it changed is never shown green,
        // nor are its word boxes; it is shown no surer than the card's reading of the line.
        QVERIFY(m_scans.contains(QStringLiteral("ja-vertical")));
        const CardScan &scan = m_scans[QStringLiteral("ja-vertical")];
        QVERIFY(scan.secondPass);
        QCOMPARE(scan.fields.value(QStringLiteral("given_name")), QStringLiteral("一郎"));
        QCOMPARE(scan.fields.certainty(QStringLiteral("given_name")), Certainty::Check);
        QCOMPARE(scan.fields.certainty(QStringLiteral("family_name")), Certainty::Check);
        const Field name = scan.fields.fields.value(QStringLiteral("given_name"));
        QVERIFY(name.line >= 0);
        for (const Word &w : scan.page.lines.at(name.line).words)
            QVERIFY2(w.confidence < confidentFrom * 100, qPrintable(w.text));
        // What the pass did not change keeps its colour: the company, read at >= 90.
        QCOMPARE(scan.fields.certainty(QStringLiteral("company")), Certainty::Confident);
    }

    void unreadableFile() {
        const auto scan = m_scanner.scanFile(QStringLiteral(MIKOMI_CORPUS "/cards/README.md"));
        QVERIFY(!scan.ok());
        QVERIFY(scan.error().contains(QStringLiteral("README.md")));
    }

    // HEIC (an iPhone's photos): Debian 12's Qt 6 has no reader for it. A folder's HEIC photos
    // are listed, and scanning one names the format and what to do, instead of a silent skip.
    void heicSaysWhatToDo() {
        if (CardScanner::canReadHeif())
            QSKIP("Qt reads HEIF here");
        QTemporaryDir dir;
        // The first bytes of a HEIC file: an ISO media "ftyp" box of brand heic.
        QByteArray heic("\x00\x00\x00\x18"
                        "ftypheic"
                        "\x00\x00\x00\x00"
                        "mif1heic",
                        24);
        heic.append(QByteArray(200, '\0'));
        for (const QString &name :
             {QStringLiteral("IMG_0001.HEIC"), QStringLiteral("renamed.jpg")}) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(heic);
        }
        QVERIFY(QFile::copy(QStringLiteral(MIKOMI_CORPUS "/cards/ja-scan.png"),
                            dir.filePath(QStringLiteral("scan.png"))));
        const QStringList files = CardScanner::imageFiles(dir.path());
        QCOMPARE(files.size(), 3);
        QVERIFY(files.first().endsWith(QLatin1String("IMG_0001.HEIC")));
        for (const QString &file : {files.at(0), files.at(1)}) {
            QVERIFY(CardScanner::isHeif(file));
            const auto scan = m_scanner.scanFile(file);
            QVERIFY(!scan.ok());
            QVERIFY2(scan.error().contains(file), qPrintable(scan.error()));
            QVERIFY2(scan.error().contains(QStringLiteral("HEIC")), qPrintable(scan.error()));
            QVERIFY2(scan.error().contains(QStringLiteral("JPEG")), qPrintable(scan.error()));
        }
        QVERIFY(!CardScanner::isHeif(files.at(2)));
    }

private:
    CardScanner m_scanner;
    QStringList m_files;
    QMap<QString, bool> m_right;
    QMap<QString, CardScan> m_scans;
};

QTEST_GUILESS_MAIN(TestCardScan)
#include "tst_cardscan.moc"
