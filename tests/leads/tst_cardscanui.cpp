#include "models/appsettings.h"
#include "models/domain/lead.h"
#include "models/language.h"
#include "models/storage/database.h"
#include "models/storage/leadimages.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/cardimagedialog.h"
#include "ui/cardscanpanel.h"
#include "ui/leadeditor.h"
#include "ui/messagebox.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mikomi;
using namespace mikomi::storage;
using ui::CardEntryDialog;
using ui::CardScanPanel;

// Card mode with images (issue 16): a photo or scan prefills the form, each field marked
// confident / to check / empty, the cursor on the first field to check; the back side fills what
// the front lacks; Ctrl+Enter saves as for a typed card and the next photo of a folder is read.
class TestCardScanUi final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString path() const { return m_dir.filePath(QStringLiteral("cards.mikomi")); }
    static QString card(const char *name) {
        return QStringLiteral(MIKOMI_CORPUS "/cards/") + QString::fromLatin1(name);
    }
    static QLineEdit *field(const CardEntryDialog &d, const char *name) {
        return d.findChild<QLineEdit *>(QLatin1String(name));
    }
    std::unique_ptr<CardEntryDialog> open() {
        auto d = std::make_unique<CardEntryDialog>(*m_db, nullptr);
        d->setDraftChooser([](const CardDraft &) { return false; });
        d->setCloseChooser([] { return CardEntryDialog::CloseChoice::Discard; });
        d->setDuplicateChooser(
            [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::Cancel; });
        d->setSource(QStringLiteral("展示会"));
        return d;
    }
    // Waits until the panel has read what it was given (OCR on its worker thread).
    static bool waitIdle(CardScanPanel *panel) {
        QSignalSpy idle(panel, &CardScanPanel::idle);
        return idle.wait(60000);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        m_db = std::move(db.value());
        QVERIFY(SourceRepository(*m_db)
                    .resolve(QStringLiteral("展示会"), true, SourceCategory::Event)
                    .ok());
    }
    void cleanup() {
        m_db.reset();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path() + suffix);
    }

    void scanPrefillsAndSaves() {
        auto d = open();
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        CardScanPanel *panel = d->scanPanel();
        QSignalSpy read(panel, &CardScanPanel::cardRead);
        panel->openImages({card("ja-scan.png")});
        QVERIFY(panel->busy()); // off the GUI thread: the window is still ours meanwhile
        QVERIFY(waitIdle(panel));
        QCOMPARE(read.size(), 1);
        QCOMPARE(field(*d, "company")->text(), QStringLiteral("株式会社ミコミ精機"));
        QCOMPARE(field(*d, "familyName")->text(), QStringLiteral("山田"));
        QCOMPARE(field(*d, "email")->text(), QStringLiteral("t.yamada@mikomi-seiki.example.jp"));
        QCOMPARE(field(*d, "city")->text(), QStringLiteral("千代田区"));
        QCOMPARE(panel->fax(), QStringLiteral("03-1234-5679"));
        // Every field says how far to trust it; the cursor is on the first one to check.
        QLineEdit *firstCheck = nullptr;
        for (const char *k : {"company", "department", "title", "familyName", "givenName",
                              "familyReading", "givenReading", "phone", "mobile", "email",
                              "postalCode", "prefecture", "city", "street", "building"}) {
            QLineEdit *e = field(*d, k);
            QVERIFY2(e->property("certainty").isValid(), k);
            QVERIFY2(!e->toolTip().isEmpty(), k);
            if (!firstCheck && e->property("certainty").toInt() == int(ocr::Certainty::Check))
                firstCheck = e;
        }
        QVERIFY(firstCheck);
        QCOMPARE(QApplication::focusWidget(), firstCheck);

        // The back in English fills only what the front lacks (its website is the same).
        panel->openBack(card("en-back.png"));
        QVERIFY(waitIdle(panel));
        QCOMPARE(field(*d, "familyName")->text(), QStringLiteral("山田"));
        QCOMPARE(field(*d, "familyReading")->text(), QStringLiteral("やまだ"));

        // A corrected field loses its mark.
        QLineEdit *title = field(*d, "title");
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Bucho"));
        QVERIFY(!title->property("certainty").isValid());

        QTest::keyClick(d.get(), Qt::Key_Return, Qt::ControlModifier);
        const auto ids = LeadRepository(*m_db).count();
        QCOMPARE(ids.value(), 1);
        QVERIFY(field(*d, "company")->text().isEmpty());
        const auto ledger = LeadRepository(*m_db).get(1);
        QVERIFY(ledger.ok());
        QCOMPARE(ledger->company, QStringLiteral("株式会社ミコミ精機"));
        QCOMPARE(ledger->title, QStringLiteral("Bucho"));
        QCOMPARE(ledger->source, QStringLiteral("展示会"));
        QCOMPARE(ledger->website, QStringLiteral("https://www.mikomi-seiki.example.jp"));
        QCOMPARE(ledger->extraContacts.size(), 1);
        QCOMPARE(ledger->extraContacts.first().value, QStringLiteral("03-1234-5679"));

        // Both sides are kept with the lead (the setting's default) and shown from its editor.
        const auto images = LeadImageStore(*m_db).list(1);
        QVERIFY(images.ok());
        QCOMPARE(images->size(), 2);
        QCOMPARE(images->at(0).side, QStringLiteral("front"));
        QImage front;
        QVERIFY(front.loadFromData(images->at(0).data));
        QCOMPARE(front.size(), QSize(1075, 650));
        ui::LeadEditor editor(*m_db, *ledger, nullptr);
        QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("cardImage")));
        ui::CardImageDialog view(*m_db, 1);
        QCOMPARE(view.imageCount(), 2);
        // One image deleted in the viewer, after a question (No keeps it).
        QCOMPARE(view.findChildren<QPushButton *>(QStringLiteral("deleteImage")).size(), 2);
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!view.deleteImage(1));
        QCOMPARE(LeadImageStore(*m_db).count(1).value(), 2);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(view.deleteImage(1));
        QCOMPARE(view.imageCount(), 1);
        const auto left = LeadImageStore(*m_db).list(1);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().side, QStringLiteral("front"));
        QVERIFY(ui::MessageBox::takeShown().first().contains(QStringLiteral("back")));
    }

    void folderOfPhotos() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(card("en-photo.jpg"), folder.filePath(QStringLiteral("1.jpg"))));
        QVERIFY(QFile::copy(card("ja-photo.jpg"), folder.filePath(QStringLiteral("2.jpg"))));
        QFile(folder.filePath(QStringLiteral("notes.txt"))).open(QIODevice::WriteOnly);
        // Images deliberately not kept.
        AppSettings().setKeepCardImages(false);
        auto d = open();
        d->show();
        CardScanPanel *panel = d->scanPanel();
        panel->openImages({folder.path()});
        QVERIFY(waitIdle(panel));
        QCOMPARE(panel->queued(), 1);
        QCOMPARE(field(*d, "company")->text(), QStringLiteral("Northwind Analytics GmbH"));
        QVERIFY(d->saveCard());
        // The next photo is read after the save.
        QVERIFY(panel->busy());
        QVERIFY(waitIdle(panel));
        QCOMPARE(panel->queued(), 0);
        QCOMPARE(field(*d, "company")->text(), QStringLiteral("有限会社さくら商事"));
        QCOMPARE(field(*d, "city")->text(), QStringLiteral("大阪市中央区"));
        QVERIFY(d->saveCard());
        QCOMPARE(LeadRepository(*m_db).count().value(), 2);
        QCOMPARE(LeadImageStore(*m_db).count(1).value(), 0);
        QCOMPARE(LeadImageStore(*m_db).count(2).value(), 0);
        const auto lead = LeadRepository(*m_db).get(1);
        QVERIFY(lead.ok());
        ui::LeadEditor editor(*m_db, *lead, nullptr);
        QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("cardImage")));
        AppSettings().setKeepCardImages(true);
    }

    void unreadableImage() {
        auto d = open();
        CardScanPanel *panel = d->scanPanel();
        QSignalSpy failed(panel, &CardScanPanel::failed);
        panel->openImages({card("README.md")});
        QVERIFY(waitIdle(panel));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("README.md")));
        QVERIFY(d->statusText().contains(QStringLiteral("README.md")));
    }

    // Screenshots in both languages when MIKOMI_SHOTS names a folder.
    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write screenshots");
        QDir().mkpath(dir);
        LanguageManager lang;
        for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(l));
            auto d = open();
            d->resize(1024, 700);
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d.get()));
            QVERIFY(d->grab().save(dir + QStringLiteral("/cardscan_empty_%1.png").arg(l)));
            d->scanPanel()->openImages(
                {card(l == QLatin1String("ja") ? "ja-photo.jpg" : "en-photo.jpg")});
            QVERIFY(waitIdle(d->scanPanel()));
            QTest::qWait(50);
            QVERIFY(d->grab().save(dir + QStringLiteral("/cardscan_%1.png").arg(l)));
            // Saved with its image, then the image viewer with its Delete buttons.
            QVERIFY(d->saveCard());
            const qint64 id = LeadRepository(*m_db).count().value();
            ui::CardImageDialog view(*m_db, id);
            view.resize(820, 640);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(dir + QStringLiteral("/cardimages_%1.png").arg(l)));
        }
    }
};

QTEST_MAIN(TestCardScanUi)
#include "tst_cardscanui.moc"
