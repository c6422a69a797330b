#include "models/commands/leadcommands.h"
#include "models/followupmodel.h"
#include "models/language.h"
#include "models/pipelinemodel.h"
#include "models/services/demowriter.h"
#include "models/services/importer.h"
#include "models/sourcelistmodel.h"
#include "models/storage/changefeed.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/mainwindow.h"
#include "ui/page.h"
#include "ui/pipelinepage.h"
#include "ui/sourcespage.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mikomi;
using storage::PipelineColumn;

// Stale views (issue 11): after a card, an edit, a merge, a delete, an undo or an import, every
// page of the open window shows the new state, through the database's change feed alone:
// nothing here calls reload() or switches pages to force it.
class TestLivePages final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_template;
    QString m_path;
    std::unique_ptr<LanguageManager> m_language;
    std::unique_ptr<ui::MainWindow> m_window;

    enum PageIndex { Leads = 0, Pipeline, Sources, Dashboard, Budget, Planner };

    ui::MainWindow &w() { return *m_window; }
    storage::Database &db() { return *m_window->database(); }
    ui::PipelinePage *pipeline() {
        return static_cast<ui::PipelinePage *>(w().pages().at(Pipeline));
    }
    ui::SourcesPage *sources() { return static_cast<ui::SourcesPage *>(w().pages().at(Sources)); }
    QString leadsLabel() {
        auto *label = w().pages().at(Leads)->findChild<QLabel *>(QStringLiteral("leadsCount"));
        return label ? label->text() : QString();
    }
    QString statusLabel() { return w().findChild<QLabel *>(QStringLiteral("leadCount"))->text(); }
    QString dashboardSummary() {
        return w()
            .pages()
            .at(Dashboard)
            ->findChild<QLabel *>(QStringLiteral("dashboardSummary"))
            ->text();
    }
    qint64 column(PipelineColumn c) { return pipeline()->columnModel(c)->totals().count; }
    int followUps() { return pipeline()->followUpModel()->rowCount(); }
    bool sourceListed(const QString &name) {
        for (const Source &s : sources()->sourceModel()->sources())
            if (s.name == name)
                return true;
        return false;
    }
    qint64 storedLeads() { return storage::LeadRepository(db()).count().value(); }
    static QString leads(qint64 n) { return QStringLiteral("%1 leads").arg(QLocale().toString(n)); }

    // Shows a page the way the navigation list does (the others are hidden).
    void show(PageIndex page) {
        w().showPage(page);
        QCoreApplication::processEvents();
        QTRY_VERIFY(!w().pages().at(page)->loading()); // pages that read in the background
    }
    // Every page has been shown once: each read the database then, and would stay stale.
    void visitAll() {
        for (int i = w().pages().size() - 1; i >= 0; --i)
            show(PageIndex(i));
    }
    void push(QUndoCommand *cmd) { w().undoStack()->push(cmd); }
    commands::SaveLeadCommand *newLead(const QString &company, const QString &email) {
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("本田");
        l.email = email;
        l.owner = QStringLiteral("青木");
        l.createdAt = QDateTime::currentDateTime();
        return new commands::SaveLeadCommand(
            db(), l, std::nullopt, QString(), [] {},
            [](const QString &m) { QFAIL(qPrintable(m)); });
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_template = m_dir.filePath(QStringLiteral("template.mikomi"));
        auto db = storage::Database::open(m_template);
        QVERIFY(db.ok());
        QVERIFY(services::writeDemo(**db, 200, 11, QDate::currentDate()).ok());
    }

    void init() {
        m_path = m_dir.filePath(QStringLiteral("live.mikomi"));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(m_template, m_path));
        m_language = std::make_unique<LanguageManager>();
        QVERIFY(m_language->apply(QStringLiteral("en")));
        m_window = std::make_unique<ui::MainWindow>(m_language.get());
        QVERIFY(w().openDatabase(m_path).ok());
        w().resize(1200, 760);
        w().show();
        QVERIFY(QTest::qWaitForWindowExposed(&w()));
        visitAll(); // ends on the Leads page
        QCOMPARE(leadsLabel(), leads(200));
        QCOMPARE(statusLabel(), leads(200));
    }

    void cleanup() {
        m_window.reset();
        m_language.reset();
    }

    // Business-card mode on the Leads page: the page behind the dialog counts the card at once,
    // and every other page shows it when the user goes there.
    void cardReachesEveryPage() {
        const qint64 inquiry = column(PipelineColumn::Inquiry);
        const int tasks = followUps();
        QVERIFY(!sourceListed(QStringLiteral("春の展示会 2026")));
        QVERIFY2(dashboardSummary().startsWith(leads(200)), qPrintable(dashboardSummary()));

        ui::CardEntryDialog cards(db(), w().undoStack(), w().pages().at(Leads));
        cards.setSource(QStringLiteral("春の展示会 2026"));
        cards.setOwner(QStringLiteral("青木"));
        cards.findChild<QLineEdit *>(QStringLiteral("company"))
            ->setText(QStringLiteral("株式会社ライブ"));
        cards.findChild<QLineEdit *>(QStringLiteral("familyName"))->setText(QStringLiteral("本田"));
        QVERIFY(cards.saveCard());
        QCOMPARE(storedLeads(), 201);
        // The Leads page is visible behind the dialog: its count and the status bar follow.
        QTRY_COMPARE(leadsLabel(), leads(201));
        QTRY_COMPARE(statusLabel(), leads(201));
        // Hidden pages read the change when shown.
        show(Pipeline);
        QCOMPARE(column(PipelineColumn::Inquiry), inquiry + 1);
        QCOMPARE(followUps(), tasks + 1); // the card's first-contact task
        show(Sources);
        QVERIFY(sourceListed(QStringLiteral("春の展示会 2026")));
        show(Dashboard);
        QVERIFY2(dashboardSummary().startsWith(leads(201)), qPrintable(dashboardSummary()));
    }

    // The Pipeline page stays in view while leads are added, deleted, merged, undone and redone
    // from the Edit menu: its columns and follow-ups follow each step.
    void visiblePipelineFollowsEditsDeletesMergesAndUndo() {
        show(Pipeline);
        const qint64 inquiry = column(PipelineColumn::Inquiry);
        const int tasks = followUps();

        // Add (the lead editor's path: a SaveLeadCommand on the window's undo stack).
        auto *add = newLead(QStringLiteral("合同会社ライブ"), QStringLiteral("live1@example.jp"));
        push(add);
        const qint64 first = add->leadId();
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry + 1);
        QTRY_COMPARE(followUps(), tasks + 1);
        QTRY_COMPARE(statusLabel(), leads(201));
        // Undo and redo.
        w().undoStack()->undo();
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry);
        QTRY_COMPARE(followUps(), tasks);
        QTRY_COMPARE(statusLabel(), leads(200));
        w().undoStack()->redo();
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry + 1);
        QTRY_COMPARE(statusLabel(), leads(201));

        // A second lead, then a merge of the two.
        auto *second =
            newLead(QStringLiteral("合同会社ライブ"), QStringLiteral("live2@example.jp"));
        push(second);
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry + 2);
        push(new commands::MergeLeadsCommand(
            db(), first, second->leadId(), [] {}, [](const QString &m) { QFAIL(qPrintable(m)); }));
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry + 1);
        QTRY_COMPARE(statusLabel(), leads(201));

        // A delete, and its undo.
        push(new commands::DeleteLeadsCommand(
            db(), {first}, [] {}, [](const QString &m) { QFAIL(qPrintable(m)); }));
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry);
        QTRY_COMPARE(followUps(), tasks); // its tasks went with it
        QTRY_COMPARE(statusLabel(), leads(200));
        w().undoStack()->undo();
        QTRY_COMPARE(column(PipelineColumn::Inquiry), inquiry + 1);
        QTRY_COMPARE(statusLabel(), leads(201));

        // The Leads page was hidden all along: it counts right when shown.
        show(Leads);
        QCOMPARE(leadsLabel(), leads(201));
        show(Dashboard);
        QVERIFY2(dashboardSummary().startsWith(leads(201)), qPrintable(dashboardSummary()));
    }

    // Many commits in a row reload a visible page once; a hidden page not at all until shown.
    void reloadsAreCoalesced() {
        show(Leads);
        int resets = 0;
        QObject counting; // the connection ends with this function (resets lives on its stack)
        connect(pipeline()->columnModel(PipelineColumn::Inquiry), &QAbstractItemModel::modelReset,
                &counting, [&resets] { ++resets; });
        for (int i = 0; i < 5; ++i)
            push(newLead(QStringLiteral("連続%1").arg(i), QStringLiteral("r%1@example.jp").arg(i)));
        QTRY_COMPARE(leadsLabel(), leads(205));
        QTest::qWait(20);
        QCOMPARE(resets, 0); // the Pipeline is hidden
        QVERIFY(pipeline()->reloadPending());
        show(Pipeline);
        QVERIFY(!pipeline()->reloadPending());
        QVERIFY(resets >= 1);
        resets = 0;
        w().undoStack()->beginMacro(QStringLiteral("five"));
        for (int i = 0; i < 5; ++i)
            push(
                newLead(QStringLiteral("連続B%1").arg(i), QStringLiteral("b%1@example.jp").arg(i)));
        w().undoStack()->endMacro();
        QCOMPARE(resets, 0); // not yet: once control returns to the event loop
        QTRY_COMPARE(statusLabel(), leads(210));
        QCoreApplication::processEvents();
        // One reload for the five commits, its board read in the background.
        QTRY_VERIFY(!pipeline()->loading());
        QCOMPARE(resets, 1);
    }

    // An import on the visible Leads page: one change for all its rows, and the page counts them.
    void importIsOneChange() {
        const QString csv = m_dir.filePath(QStringLiteral("live_import.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("company,family_name,email,source\n");
        for (int i = 0; i < 500; ++i)
            f.write(QStringLiteral("インポート株式会社%1,山本,imp%1@example.jp,展示会\n")
                        .arg(i)
                        .toUtf8());
        f.close();
        QSignalSpy spy(&db().changes(), &storage::ChangeFeed::changed);
        services::ImportOptions options;
        options.path = csv;
        auto summary = services::runImport(db(), options);
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error()));
        QCOMPARE(summary->created, 500);
        QCOMPARE(spy.size(), 1);
        QTRY_COMPARE(leadsLabel(), leads(700));
        QTRY_COMPARE(statusLabel(), leads(700));
        show(Dashboard);
        QVERIFY2(dashboardSummary().startsWith(leads(700)), qPrintable(dashboardSummary()));

        // A dry run is rolled back: nothing is announced, nothing reloads.
        spy.clear();
        options.dryRun = true;
        QVERIFY(services::runImport(db(), options).ok());
        QCOMPARE(spy.size(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(statusLabel(), leads(700));
    }

    // Screenshots of the Leads page after a card, in both languages (MIKOMI_SHOTS only).
    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write screenshots");
        QDir().mkpath(dir);
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(m_language->apply(lang));
            QCoreApplication::processEvents();
            push(newLead(QStringLiteral("スクリーン%1").arg(lang),
                         QStringLiteral("shot-%1@example.jp").arg(lang)));
            QTest::qWait(50);
            for (PageIndex p : {Leads, Pipeline}) {
                show(p);
                QVERIFY(w().grab().save(
                    QDir(dir).filePath(QStringLiteral("live_%1_%2.png").arg(int(p)).arg(lang))));
            }
        }
        QVERIFY(m_language->apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestLivePages)
#include "tst_livepages.moc"
