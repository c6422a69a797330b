// The screenshots of the user guide (docs/guide/img), made from the current window: every page of
// the main window (1140 x 700) on the demo database of docs/guide/README.md (2,000 leads, seed 1)
// and the dialogs the guide shows, in English and Japanese, written to $MIKOMI_SHOTS as
// <lang>-<name>.png (and the manager's PDF report as <lang>-report.pdf). Not part of the test run
// (it reads business cards with tesseract and takes a while): scripts/guide-shots.sh runs it,
// turns the report's first page into a PNG and makes the files small.
#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/cardscanpanel.h"
#include "ui/importexport.h"
#include "ui/importwizard.h"
#include "ui/leadeditor.h"
#include "ui/mainwindow.h"
#include "ui/page.h"
#include "ui/pipelinerulesdialog.h"
#include "ui/reportactions.h"
#include "ui/reportbuilder.h"
#include "ui/reportwriter.h"
#include "ui/scoringdialog.h"
#include "ui/serverdialog.h"
#include "ui/settingsdialog.h"
#include "ui/teammergedialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace mikomi;

namespace {

constexpr QSize kWindow(1140, 700);
// The day the demo data ends on, so that the pictures do not change from one day to the next.
const QDate kToday(2026, 12, 1);

QString shotDir() {
    return qEnvironmentVariable("MIKOMI_SHOTS");
}

bool save(QWidget *w, const QString &lang, const QString &name) {
    QCoreApplication::processEvents();
    const QImage shot = w->grab().toImage();
    if (shot.isNull())
        return false;
    return shot.save(QDir(shotDir()).filePath(QStringLiteral("%1-%2.png").arg(lang, name)));
}

// Runs `open` (which shows a modal dialog and returns when it closes) and, once the dialog is up,
// lets `prepare` fill it, saves it as `name`, and rejects it.
bool shootModal(const std::function<void()> &open, const QString &lang, const QString &name,
                const std::function<void(QWidget *)> &prepare = {}) {
    bool saved = false;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        QWidget *w = QApplication::activeModalWidget();
        if (!w)
            return;
        poll.stop();
        if (prepare)
            prepare(w);
        QTest::qWait(100);
        saved = save(w, lang, name);
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->escapeButton())
            box->escapeButton()->click();
        else if (auto *dialog = qobject_cast<QDialog *>(w))
            dialog->reject();
        else
            w->close();
    });
    poll.start();
    open();
    return saved;
}

} // namespace

class GuideShots final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_boothPath;

    static bool waitLoaded(ui::Page *p) {
        QElapsedTimer t;
        t.start();
        while (p->loading() && t.elapsed() < 60000)
            QTest::qWait(50);
        return !p->loading();
    }

    void showAndWait(QWidget *w) {
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
    }

    // The window on page `index` (and tab `tab` of its first tab widget), read completely.
    void page(ui::MainWindow &w, int index, int tab, const QString &lang, const QString &name) {
        w.showPage(index);
        ui::Page *p = w.pages().at(index);
        QVERIFY(waitLoaded(p));
        if (tab >= 0) {
            auto *tabs = p->findChild<QTabWidget *>();
            QVERIFY(tabs);
            tabs->setCurrentIndex(tab);
        }
        QTest::qWait(300); // charts lay out once shown
        QVERIFY(waitLoaded(p));
        QVERIFY(save(&w, lang, name));
    }

private slots:
    void initTestCase() {
        if (shotDir().isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write the guide's screenshots");
        QVERIFY(QDir().mkpath(shotDir()));
        QStandardPaths::setTestModeEnabled(true);
        // A fixed folder: the status bar shows the path, and the pictures should not change
        // from one run to the next.
        QDir folder(QDir::temp().filePath(QStringLiteral("mikomi-guide")));
        QVERIFY(folder.removeRecursively() && folder.mkpath(QStringLiteral(".")));
        m_path = folder.filePath(QStringLiteral("demo.mikomi"));
        auto db = storage::Database::open(m_path);
        QVERIFY(db.ok());
        auto n = services::writeDemo(**db, 2000, 1, kToday);
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error()));
        // A booth laptop's file for File > Merge into Team Database…
        m_boothPath = folder.filePath(QStringLiteral("booth.mikomi"));
        auto booth = storage::Database::open(m_boothPath);
        QVERIFY(booth.ok());
        QVERIFY(services::writeDemo(**booth, 40, 3, kToday).ok());
    }

    void shots_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }

    void shots() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(m_path).ok());
        w.resize(kWindow);
        showAndWait(&w);
        auto db = storage::Database::open(m_path);
        QVERIFY(db.ok());

        // The pages, in the order of the navigation list (ui/mainwindow.cpp).
        page(w, 0, -1, lang, QStringLiteral("leads"));
        page(w, 1, 0, lang, QStringLiteral("pipeline"));
        page(w, 1, 1, lang, QStringLiteral("followups"));
        page(w, 2, -1, lang, QStringLiteral("sources"));
        page(w, 3, -1, lang, QStringLiteral("dashboard"));
        {
            ui::Page *dashboard = w.pages().at(3);
            auto *scroll = dashboard->findChild<QScrollArea *>();
            auto *chart = dashboard->findChild<QWidget *>(QStringLiteral("chartLeadsCustomers"));
            QVERIFY(scroll && chart);
            scroll->ensureWidgetVisible(chart, 0, 0);
            scroll->verticalScrollBar()->setValue(chart->mapTo(scroll->widget(), QPoint()).y());
            page(w, 3, -1, lang, QStringLiteral("dashboard-charts"));
            scroll->verticalScrollBar()->setValue(0);
        }
        page(w, 4, 0, lang, QStringLiteral("budget"));
        page(w, 4, 1, lang, QStringLiteral("spend"));
        page(w, 4, 2, lang, QStringLiteral("campaigns"));
        page(w, 5, -1, lang, QStringLiteral("planner"));
        page(w, 6, 0, lang, QStringLiteral("trends"));
        page(w, 6, 1, lang, QStringLiteral("goals"));
        w.showPage(0);

        // The lead editor on the newest lead.
        {
            qint64 newest = 0;
            QVERIFY(storage::LeadRepository(**db).forEach({}, [&](Lead &&l) {
                newest = std::max(newest, l.id);
                return true;
            }));
            ui::LeadEditor editor(**db, storage::LeadRepository(**db).get(newest).value(), nullptr,
                                  &w);
            showAndWait(&editor);
            QVERIFY(save(&editor, lang, QStringLiteral("editor")));
        }

        // Business-card mode: a card half typed, then the question for a card already stored.
        {
            ui::CardEntryDialog cards(**db, nullptr, &w);
            cards.setSource(QStringLiteral("東京ビッグサイト展 2026"));
            cards.setOwner(QStringLiteral("展示会スタッフ"));
            showAndWait(&cards);
            const auto type = [&](const char *field, const QString &text) {
                auto *edit = cards.findChild<QLineEdit *>(QLatin1String(field));
                QVERIFY(edit);
                edit->setText(text);
                edit->setCursorPosition(0); // the start of a long address, as after Tab
            };
            type("company", QStringLiteral("青葉商事株式会社"));
            type("familyName", QStringLiteral("青木"));
            type("givenName", QStringLiteral("直子"));
            type("email", QStringLiteral("naoko.aoki@aoba-shoji.example.jp"));
            QVERIFY(save(&cards, lang, QStringLiteral("cards")));
            const Lead stored = storage::LeadRepository(**db).get(1).value();
            type("company", stored.company);
            type("familyName", stored.familyName);
            type("givenName", stored.givenName);
            type("email", stored.email);
            QVERIFY(shootModal([&] { (void)cards.saveCard(); }, lang,
                               QStringLiteral("cards-duplicate")));
        }

        // The card scan panel: a photo of a card read into the form.
        {
            ui::CardEntryDialog cards(**db, nullptr, &w);
            cards.resize(1024, 700);
            showAndWait(&cards);
            QSignalSpy idle(cards.scanPanel(), &ui::CardScanPanel::idle);
            cards.scanPanel()->openImages(
                {QStringLiteral(MIKOMI_CORPUS "/cards/%1-photo.jpg").arg(lang)});
            QVERIFY(idle.wait(120000));
            QVERIFY(save(&cards, lang, QStringLiteral("cardscan")));
        }

        // The import wizard on a file with errors: the file, the columns, the check.
        {
            auto empty = storage::Database::open(m_dir.filePath(lang + QStringLiteral(".mikomi")));
            QVERIFY(empty.ok());
            ui::ImportWizard wizard(empty->get(),
                                    QStringLiteral(MIKOMI_IMPORT_DATA "/leads_errors.csv"), &w);
            showAndWait(&wizard);
            QVERIFY(save(&wizard, lang, QStringLiteral("import1")));
            wizard.next();
            QVERIFY(save(&wizard, lang, QStringLiteral("import2")));
            wizard.next();
            QTRY_VERIFY_WITH_TIMEOUT(!wizard.running() && wizard.lastSummary().has_value(), 30000);
            QVERIFY(save(&wizard, lang, QStringLiteral("import3")));
            wizard.reject();
        }

        QVERIFY(shootModal([&] { ui::runExportDialog(&w, db->get()); }, lang,
                           QStringLiteral("export")));

        {
            ui::SettingsDialog settings(&language, db->get(), &w);
            showAndWait(&settings);
            QVERIFY(save(&settings, lang, QStringLiteral("preferences")));
        }
        {
            ui::ScoringDialog scoring(**db, &w);
            showAndWait(&scoring);
            QVERIFY(save(&scoring, lang, QStringLiteral("scoring")));
        }
        {
            ui::PipelineRulesDialog rules(**db, &w);
            showAndWait(&rules);
            QVERIFY(save(&rules, lang, QStringLiteral("rules")));
        }
        {
            ui::ServerDialog server(QString(), &w);
            showAndWait(&server);
            QVERIFY(save(&server, lang, QStringLiteral("connect")));
        }
        {
            ui::TeamMergeDialog merge(**db, &w);
            showAndWait(&merge);
            QVERIFY(merge.setSource(m_boothPath)); // the dry run: nothing written
            QVERIFY(save(&merge, lang, QStringLiteral("teammerge")));
        }

        // The manager's report (File > Export Report…), in this language.
        auto doc = ui::report::documentFor(**db, ui::report::defaultSettings());
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error()));
        QVERIFY(ui::report::writePdf(
            *doc, QDir(shotDir()).filePath(lang + QStringLiteral("-report.pdf"))));
        QVERIFY(language.apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(GuideShots)
#include "guide_shots.moc"
