// The import wizard driven offscreen: file → mapping and preview → dry run → import; the mapping
// can be changed by hand; the dry run and the import run in a worker thread while the window stays
// responsive, and Cancel or closing leaves the database unchanged; screenshots in Japanese and
// English go to $MIKOMI_SHOTS when set.

#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/importexport.h"
#include "ui/importwizard.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QWizardPage>

#include <algorithm>

using namespace mikomi;

namespace {

QString data(const char *name) {
    return QStringLiteral(MIKOMI_TEST_DATA "/") + QLatin1String(name);
}

// `rows` leads with unique emails, stages written as other CRMs write them.
QString bigCsv(int rows) {
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big%1.csv").arg(rows));
    if (QFile::exists(path))
        return path;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QTextStream out(&f);
    out << "Company Name,Last Name,First Name,Email,Phone,Lead Source,Lifecycle Stage,Create "
           "Date\n";
    const char *stages[] = {"subscriber", "見込み客", "marketingqualifiedlead", "商談中",
                            "customer"};
    for (int i = 0; i < rows; ++i)
        out << QStringLiteral("株式会社テスト%1,山田%2,太郎,row%3@example.com,03-%4-%5,展示会,%6,"
                              "2026-01-%7\n")
                   .arg(i / 3)
                   .arg(i)
                   .arg(i)
                   .arg(1000 + i % 9000)
                   .arg(1000 + i / 9000, 4, 10, QLatin1Char('0'))
                   .arg(QString::fromUtf8(stages[i % 5]))
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'));
    return path;
}

void shot(QWidget *w, const QString &name, const QString &lang) {
    const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(QStringLiteral("%1/%2_%3.png").arg(dir, name, lang));
}

} // namespace

class TestImportWizard final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    // The export runs off the window's thread: the window's timers fire while it writes.
    void exportKeepsTheWindowResponsive() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("export.mikomi"))).value();
        QVERIFY(services::writeDemo(*db, 20000, 9, QDate(2026, 6, 30)).ok());
        services::ExportOptions o;
        o.path = m_dir.filePath(QStringLiteral("export.csv"));
        o.includeOptedOut = true;
        bool fired = false;
        QTimer::singleShot(0, [&fired] { fired = true; });
        auto s = ui::runExport(nullptr, db.get(), o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error()));
        QVERIFY(fired);
        QVERIFY(!s->cancelled);
        QCOMPARE(s->written, 20000);
        QVERIFY(QFileInfo(o.path).size() > 1000000);
    }

    void wizardImports_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void wizardImports() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        auto db = storage::Database::open(m_dir.filePath(lang + QStringLiteral(".mikomi"))).value();
        ui::ImportWizard w(db.get(), data("leads_errors.csv"));
        w.show();
        QVERIFY(!w.findChild<QLabel *>(QStringLiteral("detected"))->text().isEmpty());
        shot(&w, QStringLiteral("import_file"), lang);

        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::MappingPage));
        auto *mapping = w.findChild<QTableWidget *>(QStringLiteral("mapping"));
        auto *preview = w.findChild<QTableWidget *>(QStringLiteral("preview"));
        QCOMPARE(mapping->rowCount(), 8);
        QCOMPARE(preview->rowCount(), 9);
        // Column 2 (Create Date) of the preview shows the date as stored.
        bool found = false;
        for (int c = 0; c < preview->columnCount(); ++c)
            found |= preview->item(1, c)->text() == QStringLiteral("2026-02-01 00:00:00");
        QVERIFY(found);
        QVERIFY(!preview->item(2, 0)->toolTip().isEmpty()); // line 4: bad date
        QVERIFY(preview->item(0, 0)->toolTip().isEmpty());
        shot(&w, QStringLiteral("import_mapping"), lang);

        // Unmap "Amount": line 5's bad number is no longer an error.
        auto *combo = qobject_cast<QComboBox *>(mapping->cellWidget(7, 1));
        QVERIFY(combo);
        QVERIFY(preview->item(3, 0)->toolTip().contains(QStringLiteral("12abc")));
        combo->setCurrentIndex(0);
        emit combo->activated(0);
        QVERIFY(preview->item(3, 0)->toolTip().isEmpty());
        combo->setCurrentIndex(combo->findData(int(io::LeadField::DealValue)));
        emit combo->activated(combo->currentIndex());

        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::CheckPage));
        QTRY_VERIFY(!w.running() && w.lastSummary().has_value()); // the dry run is in a thread
        QVERIFY(w.lastSummary()->dryRun);
        QCOMPARE(w.lastSummary()->created, 4);
        QCOMPARE(w.lastSummary()->rejected, 4);
        auto *counts = w.findChild<QLabel *>(QStringLiteral("dryCounts"));
        QVERIFY(counts->text().contains(QLatin1Char('4')));
        QCOMPARE(w.findChild<QPlainTextEdit *>(QStringLiteral("dryErrors"))
                     ->toPlainText()
                     .count(QLatin1Char('\n')),
                 3);
        storage::LeadRepository repo(*db);
        QCOMPARE(repo.count().value(), 0); // the dry run changed nothing
        shot(&w, QStringLiteral("import_dryrun"), lang);

        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::RunPage));
        QTRY_VERIFY(w.lastSummary() && !w.lastSummary()->dryRun);
        QVERIFY(w.imported());
        QCOMPARE(repo.count().value(), 4);
        shot(&w, QStringLiteral("import_done"), lang);
    }

    // Each page is a class of its own that retranslates itself: switching the language while the
    // wizard is open changes every page, and the mapping page keeps the file's columns.
    void languageSwitchRetranslatesEveryPage() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("switch.mikomi"))).value();
        ui::ImportWizard w(db.get(), data("leads_errors.csv"));
        w.show();
        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::MappingPage));
        auto *mapping = w.findChild<QTableWidget *>(QStringLiteral("mapping"));
        auto *encoding = w.findChild<QComboBox *>(QStringLiteral("encoding"));
        QCOMPARE(mapping->rowCount(), 8);
        QCOMPARE(w.page(ui::ImportWizard::MappingPage)->title(),
                 QStringLiteral("Columns and preview"));

        QVERIFY(language.apply(QStringLiteral("ja")));
        QCoreApplication::processEvents(); // LanguageChange is posted
        QCOMPARE(w.windowTitle(), QStringLiteral("インポート"));
        QCOMPARE(w.page(ui::ImportWizard::FilePage)->title(), QStringLiteral("ファイルの選択"));
        QCOMPARE(encoding->itemText(0), QStringLiteral("自動検出"));
        QCOMPARE(w.page(ui::ImportWizard::MappingPage)->title(),
                 QStringLiteral("列の対応とプレビュー"));
        QCOMPARE(mapping->horizontalHeaderItem(0)->text(), QStringLiteral("ファイルの列"));
        QCOMPARE(mapping->rowCount(), 8);
        auto *combo = qobject_cast<QComboBox *>(mapping->cellWidget(0, 1));
        QVERIFY(combo);
        QCOMPARE(combo->itemText(0), QStringLiteral("（取り込まない）"));
        QCOMPARE(w.page(ui::ImportWizard::CheckPage)->title(),
                 QStringLiteral("インポート前の確認"));
        QCOMPARE(w.findChild<QPushButton *>(QStringLiteral("dryRun"))->text(),
                 QStringLiteral("再チェック"));
        QCOMPARE(w.page(ui::ImportWizard::RunPage)->title(), QStringLiteral("インポート"));
        QCOMPARE(w.findChild<QPushButton *>(QStringLiteral("cancelImport"))->text(),
                 QStringLiteral("インポートを中止"));

        QVERIFY(language.apply(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(w.page(ui::ImportWizard::CheckPage)->title(),
                 QStringLiteral("Check before importing"));
        combo = qobject_cast<QComboBox *>(mapping->cellWidget(0, 1)); // the table was refilled
        QVERIFY(combo);
        QCOMPARE(combo->itemText(0), QStringLiteral("(not imported)"));
    }

    // Issue 12: a column no field takes ("Rating" of a Salesforce report) can be kept in the
    // notes from the mapping page, as --map "Rating=notes" does.
    void keepColumnInNotes() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("notes.mikomi"))).value();
        ui::ImportWizard w(db.get(), data("layouts/salesforce_report.csv"));
        w.show();
        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::MappingPage));
        auto *mapping = w.findChild<QTableWidget *>(QStringLiteral("mapping"));
        int rating = -1;
        for (int r = 0; r < mapping->rowCount(); ++r)
            if (mapping->item(r, 0)->text() == QStringLiteral("Rating"))
                rating = r;
        QVERIFY(rating >= 0);
        auto *combo = qobject_cast<QComboBox *>(mapping->cellWidget(rating, 1));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toInt(), -1); // not imported
        const int notes = combo->findText(io::columnRoleLabel(io::ColumnRole::Note));
        QVERIFY(notes > 0);
        combo->setCurrentIndex(notes);
        emit combo->activated(notes);
        mapping->scrollToItem(mapping->item(rating, 0));
        shot(&w, QStringLiteral("import_keep_in_notes"), QStringLiteral("en"));
        w.next();
        QTRY_VERIFY(!w.running() && w.lastSummary().has_value());
        QCOMPARE(w.lastSummary()->rejected, 0);
        QVERIFY(w.lastSummary()->notImported.isEmpty());
        w.next();
        QTRY_VERIFY(w.lastSummary() && !w.lastSummary()->dryRun);
        QCOMPARE(storage::LeadRepository(*db).get(1).value().notes, QStringLiteral("Rating: Hot"));
    }

    // Issue 12: the same column kept in a custom field the user names ("Custom field…" asks for
    // the name), as --map "Rating=custom:Rating (SF)" does; cancelling the question changes
    // nothing.
    void keepColumnInCustomField() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("custom.mikomi"))).value();
        ui::ImportWizard w(db.get(), data("layouts/salesforce_report.csv"));
        w.show();
        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::MappingPage));
        auto *mapping = w.findChild<QTableWidget *>(QStringLiteral("mapping"));
        int rating = -1;
        for (int r = 0; r < mapping->rowCount(); ++r)
            if (mapping->item(r, 0)->text() == QStringLiteral("Rating"))
                rating = r;
        QVERIFY(rating >= 0);
        auto *combo = qobject_cast<QComboBox *>(mapping->cellWidget(rating, 1));
        QVERIFY(combo);
        const int custom = combo->findText(QStringLiteral("Custom field…"));
        QVERIFY(custom > 0);
        // The question, answered (or cancelled) as soon as it is shown.
        const auto answer = [&w](const QString &name) {
            QTimer::singleShot(0, &w, [&w, name] {
                auto *dialog = w.findChild<QInputDialog *>(QStringLiteral("customFieldName"));
                QVERIFY(dialog);
                QCOMPARE(dialog->textValue(), QStringLiteral("Rating")); // the header, suggested
                if (name.isEmpty()) {
                    dialog->reject();
                } else {
                    dialog->setTextValue(name);
                    dialog->accept();
                }
            });
        };
        answer(QString());
        combo->setCurrentIndex(custom);
        emit combo->activated(custom);
        QCOMPARE(combo->currentData().toInt(), -1); // still not imported
        answer(QStringLiteral("Rating (SF)"));
        combo->setCurrentIndex(custom);
        emit combo->activated(custom);
        QCOMPARE(combo->currentText(), QStringLiteral("Custom field: Rating (SF)"));
        mapping->scrollToItem(mapping->item(rating, 0));
        shot(&w, QStringLiteral("import_keep_in_custom_field"), QStringLiteral("en"));
        w.next();
        QTRY_VERIFY(!w.running() && w.lastSummary().has_value());
        QCOMPARE(w.lastSummary()->rejected, 0);
        QVERIFY(w.lastSummary()->notImported.isEmpty());
        w.next();
        QTRY_VERIFY(w.lastSummary() && !w.lastSummary()->dryRun);
        const Lead l = storage::LeadRepository(*db).get(1).value();
        QCOMPARE(l.customFields,
                 (QList<CustomField>{{QStringLiteral("Rating (SF)"), QStringLiteral("Hot")}}));
        QVERIFY(l.notes.isEmpty());
    }

    void vcardFile() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("v.mikomi"))).value();
        ui::ImportWizard w(db.get(),
                           QStringLiteral(MIKOMI_CORPUS "/vcard/android/v21_japanese_2.vcf"));
        w.show();
        w.next();
        auto *preview = w.findChild<QTableWidget *>(QStringLiteral("preview"));
        QCOMPARE(preview->rowCount(), 1);
        bool reading = false;
        for (int c = 0; c < preview->columnCount(); ++c)
            reading |= preview->item(0, c)->text() == QStringLiteral("アンドウ");
        QVERIFY(reading);
        w.next();
        QTRY_VERIFY(!w.running() && w.lastSummary().has_value());
        QCOMPARE(w.lastSummary()->created, 1);
    }

    // A few thousand rows: the import runs in a worker thread with its own connection, so the
    // event loop keeps running (a timer ticks, progress arrives, the window's connection still
    // sees the database as before the import until the commit).
    void importKeepsTheWindowResponsive_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void importKeepsTheWindowResponsive() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("big_%1.mikomi").arg(lang)))
                      .value();
        const int rows = 2000;
        ui::ImportWizard w(db.get(), bigCsv(rows));
        w.show();
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::CheckPage));
        QTRY_VERIFY_WITH_TIMEOUT(!w.running() && w.lastSummary().has_value(), 20000);
        QCOMPARE(w.lastSummary()->created, rows);
        QCOMPARE(w.lastSummary()->rejected, 0);

        storage::LeadRepository repo(*db);
        QList<qint64> progress;
        int ticksWhileRunning = 0;
        QSet<qint64> seenWhileRunning;
        bool hiddenWrites = false; // rows the worker had handled, not visible in the window
        QTimer timer;
        timer.setInterval(2);
        connect(&timer, &QTimer::timeout, this, [&] {
            if (!w.running())
                return;
            ++ticksWhileRunning;
            const qint64 n = repo.count().value();
            seenWhileRunning.insert(n);
            if (n == 0 && !progress.isEmpty() && progress.last() > 0)
                hiddenWrites = true;
        });
        bool shotTaken = false;
        connect(&w, &ui::ImportWizard::progressed, this, [&](qint64 r) {
            progress << r;
            if (!shotTaken && r >= 500) {
                shotTaken = true;
                shot(&w, QStringLiteral("import_progress"), lang);
            }
        });
        timer.start();
        w.next();
        QCOMPARE(w.currentId(), int(ui::ImportWizard::RunPage));
        QTRY_VERIFY_WITH_TIMEOUT(w.lastSummary() && !w.lastSummary()->dryRun, 20000);
        timer.stop();
        QVERIFY(!w.running());
        QVERIFY2(ticksWhileRunning >= 2, qPrintable(QString::number(ticksWhileRunning)));
        // The window's connection (never used by the worker) sees the database as it was until
        // the commit, then all of it: never a part.
        QVERIFY(hiddenWrites);
        seenWhileRunning.remove(0);
        seenWhileRunning.remove(rows);
        QVERIFY(seenWhileRunning.isEmpty());
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.last() <= rows);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        QCOMPARE(w.lastSummary()->created, rows);
        QVERIFY(!w.lastSummary()->cancelled);
        QVERIFY(w.imported());
        QCOMPARE(repo.count().value(), rows); // the window's connection sees the commit
        QCOMPARE(w.findChild<QProgressBar *>(QStringLiteral("progress"))->value(), 1000);
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("runCounts"))->text(),
                 services::summaryLines(*w.lastSummary()).join(u'\n'));
        QVERIFY(services::summaryLines(*w.lastSummary())
                    .join(u'\n')
                    .contains(QLocale().toString(rows)));
        shot(&w, QStringLiteral("import_summary"), lang);
    }

    // Cancel while the worker is importing: the transaction is rolled back, nothing changed.
    void cancelInTheMiddleLeavesTheDatabaseUnchanged() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("cancel.mikomi"))).value();
        storage::LeadRepository repo(*db);
        Lead existing;
        existing.company = QStringLiteral("既存株式会社");
        existing.familyName = QStringLiteral("既存");
        existing.email = QStringLiteral("row10@example.com"); // matched by a row (merge)
        existing.source = QStringLiteral("Existing");
        QVERIFY(repo.insert(existing).ok());
        const Lead before = repo.get(existing.id).value();
        const qint64 sourcesBefore = storage::SourceRepository(*db).list().value().size();

        const int rows = 3000;
        ui::ImportWizard w(db.get(), bigCsv(rows));
        w.show();
        w.next();
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(!w.running() && w.lastSummary().has_value(), 20000);
        auto *cancel = w.findChild<QPushButton *>(QStringLiteral("cancelImport"));
        QVERIFY(cancel);
        qint64 cancelledAt = -1;
        connect(&w, &ui::ImportWizard::progressed, this, [&](qint64 r) {
            if (cancelledAt < 0 && cancel->isEnabled()) {
                cancelledAt = r;
                QTest::mouseClick(cancel, Qt::LeftButton);
            }
        });
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.lastSummary() && !w.lastSummary()->dryRun, 20000);
        QVERIFY(!w.running());
        QVERIFY(cancelledAt > 0 && cancelledAt < rows);
        QVERIFY(w.lastSummary()->cancelled);
        QVERIFY(!w.imported());
        QCOMPARE(repo.count().value(), 1);
        QCOMPARE(repo.get(existing.id).value(), before);
        QCOMPARE(storage::SourceRepository(*db).list().value().size(), sourcesBefore);
        QVERIFY(db->integrityOk());
        QVERIFY(!cancel->isEnabled());
    }

    // Closing the window during the import cancels it and closes once the worker has stopped.
    void closeDuringImportCancels() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("close.mikomi"))).value();
        ui::ImportWizard w(db.get(), bigCsv(3000));
        w.show();
        w.next();
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(!w.running() && w.lastSummary().has_value(), 20000);
        bool closed = false;
        connect(&w, &QDialog::rejected, this, [&] { closed = true; });
        connect(&w, &ui::ImportWizard::progressed, this, [&] {
            if (w.isVisible())
                w.reject();
        });
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(closed, 20000);
        QVERIFY(!w.running());
        QVERIFY(w.lastSummary()->cancelled);
        QCOMPARE(storage::LeadRepository(*db).count().value(), 0);
    }

    // File > Export offers vCard 2.1 (Shift_JIS) in both languages; a lead with 𠮷 is still
    // exported, and the finish message names the lossless UTF-8 file written beside it.
    void exportDialogVCard21_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void exportDialogVCard21() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        auto db =
            storage::Database::open(m_dir.filePath(lang + QStringLiteral("_vcf.mikomi"))).value();
        Lead l;
        l.familyName = QStringLiteral("𠮷田");
        l.givenName = QStringLiteral("花子");
        l.familyReading = QStringLiteral("ヨシダ");
        l.email = QStringLiteral("hanako@yoshida.example");
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        QVERIFY(storage::LeadRepository(*db).insert(l));
        const QString path = m_dir.filePath(lang + QStringLiteral("_phones.vcf"));
        const QString lossless = m_dir.filePath(lang + QStringLiteral("_phones.utf8.vcf"));

        int step = 0;
        QString item, message;
        io::Encoding encodingShown = io::Encoding::Utf16Le, csvEncodingBack = io::Encoding::Utf16Le;
        bool encodingEnabled = true;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
            QWidget *w = QApplication::activeModalWidget();
            if (!w)
                return;
            if (step == 0) {
                auto *format = w->findChild<QComboBox *>(QStringLiteral("exportFormat"));
                if (!format)
                    return;
                const int i = format->count() - 1; // the last: vCard 2.1
                item = format->itemText(i);
                auto *encoding = w->findChild<QComboBox *>(QStringLiteral("exportEncoding"));
                encoding->setCurrentIndex(encoding->findData(int(io::Encoding::Utf8)));
                format->setCurrentIndex(i);
                // A vCard 2.1 is Shift_JIS: the encoding box shows it and cannot be changed.
                encodingShown = io::Encoding(encoding->currentData().toInt());
                encodingEnabled = encoding->isEnabled();
                shot(w, QStringLiteral("export_dialog"), lang);
                format->setCurrentIndex(0); // back to CSV: the CSV's choice returns
                csvEncodingBack = io::Encoding(encoding->currentData().toInt());
                format->setCurrentIndex(i);
                step = 1;
                qobject_cast<QDialog *>(w)->accept();
            } else if (step == 1) {
                auto *files = qobject_cast<QFileDialog *>(w);
                if (!files)
                    return;
                // Type the name as a user would: Qt's dialog reads its name field on accept.
                files->setDirectory(QFileInfo(path).absolutePath());
                auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (!name)
                    return;
                name->setText(QFileInfo(path).fileName());
                step = 2;
                static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected
            } else if (step == 2) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (!box || box->objectName() != QLatin1String("exportReplacements"))
                    return;
                message = box->text() + u'\n' + box->detailedText();
                shot(w, QStringLiteral("export_replacements"), lang);
                step = 3;
                box->accept();
            }
        });
        poll.start(20);
        // Never hang: every 20 s close what is still open (the checks below then fail).
        QTimer watchdog;
        watchdog.setInterval(20000);
        QObject::connect(&watchdog, &QTimer::timeout, &watchdog, [&poll] {
            poll.stop();
            if (QWidget *w = QApplication::activeModalWidget())
                w->close();
        });
        watchdog.start();
        ui::runExportDialog(nullptr, db.get());
        watchdog.stop();
        poll.stop();
        QCOMPARE(step, 3);
        QCOMPARE(encodingShown, io::Encoding::Cp932);
        QVERIFY(!encodingEnabled);
        QCOMPARE(csvEncodingBack, io::Encoding::Utf8);
        QVERIFY2(item.contains(QStringLiteral("2.1")) && item.contains(QStringLiteral("Shift_JIS")),
                 qPrintable(item));
        if (lang == QLatin1String("ja"))
            QVERIFY2(item.contains(QStringLiteral("携帯")), qPrintable(item));
        QVERIFY2(message.contains(QDir::toNativeSeparators(lossless)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("U+20BB7")), qPrintable(message));
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(lossless));
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
