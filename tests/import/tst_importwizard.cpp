// The import wizard driven offscreen: file → mapping and preview → dry run → import; the mapping
// can be changed by hand; screenshots in Japanese and English go to $MIKOMI_SHOTS when set.

#include "models/language.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/importwizard.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;

namespace {

QString data(const char *name) {
    return QStringLiteral(MIKOMI_TEST_DATA "/") + QLatin1String(name);
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
        QVERIFY(w.lastSummary().has_value());
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

    void vcardFile() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("v.mikomi"))).value();
        ui::ImportWizard w(db.get(),
                           QStringLiteral(MIKOMI_SHARED_DATA "/vcard/android/v21_japanese_2.vcf"));
        w.show();
        w.next();
        auto *preview = w.findChild<QTableWidget *>(QStringLiteral("preview"));
        QCOMPARE(preview->rowCount(), 1);
        bool reading = false;
        for (int c = 0; c < preview->columnCount(); ++c)
            reading |= preview->item(0, c)->text() == QStringLiteral("アンドウ");
        QVERIFY(reading);
        w.next();
        QCOMPARE(w.lastSummary()->created, 1);
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
