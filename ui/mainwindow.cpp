#include "ui/mainwindow.h"

#include "models/applog.h"
#include "models/appsettings.h"
#include "models/japan/postalcodes.h"
#include "models/language.h"
#include "models/storage/currencystore.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/serverlogin.h"
#include "models/storage/serversearch.h"
#include "ui/dashboardpage.h"
#include "ui/filedialogs.h"
#include "ui/importexport.h"
#include "ui/messagebox.h"
#include "ui/page.h"
#include "ui/pages.h"
#include "ui/pipelinerulesdialog.h"
#include "ui/reportactions.h"
#include "ui/scoringdialog.h"
#include "ui/searchindexer.h"
#include "ui/serverdialog.h"
#include "ui/settingsdialog.h"
#include "ui/teammergedialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

namespace mikomi::ui {

MainWindow::MainWindow(LanguageManager *language, QWidget *parent)
    : QMainWindow(parent)
    , m_language(language) {
    m_undo = new QUndoStack(this);
    setAcceptDrops(true);
    auto *splitter = new QSplitter(this);
    m_nav = new QListWidget(splitter);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_nav->setMinimumWidth(150);
    m_nav->setMaximumWidth(240);
    m_nav->setSpacing(2);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setStyleSheet(
        QStringLiteral("QListWidget#navigation { font-size: 11pt; padding-top: 6px; }"
                       "QListWidget#navigation::item { padding: 6px 12px; }"));
    m_stack = new QStackedWidget(splitter);
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 920});
    setCentralWidget(splitter);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    addPage(createLeadsPage(this));
    addPage(createPipelinePage(this));
    addPage(createSourcesPage(this));
    addPage(createDashboardPage(this));
    addPage(createBudgetPage(this));
    addPage(createPlannerPage(this));
    addPage(createTrendsPage(this));

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("databasePath"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("leadCount"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    // The lead count follows the database; many commits in a row count once.
    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(0);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);

    // Leads written in bulk (an import, the demo) are indexed for search in the background.
    m_indexer = new SearchIndexer(this);
    connect(m_indexer, &SearchIndexer::progress, this, [this](qint64 done, qint64 total) {
        statusBar()->showMessage(tr("Indexing leads for search: %1 of %2")
                                     .arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_indexer, &SearchIndexer::finished, this, [this](bool ok, const QString &error) {
        statusBar()->clearMessage();
        if (!ok && !error.isEmpty())
            statusBar()->showMessage(tr("The search index could not be updated: %1").arg(error),
                                     15000);
    });

    createMenus();
    retranslate();
    m_nav->setCurrentRow(0);
    resize(1100, 700);
}

MainWindow::~MainWindow() {
    m_indexer->stop();
    // Pages may hold models over the database: delete them first.
    for (Page *p : std::as_const(m_pages))
        p->setDatabase(nullptr);
}

void MainWindow::addPage(Page *page) {
    m_pages.append(page);
    page->setUndoStack(m_undo);
    m_stack->addWidget(page);
    connect(page, &Page::pageRequested, this, &MainWindow::showPage);
    m_nav->addItem(page->title());
    connect(page, &Page::dataChanged, this, &MainWindow::refreshStatus);
    connect(page, &Page::leadOpenRequested, this, &MainWindow::openLeadEditor);
    connect(page, &Page::leadsRequested, this,
            [this](const storage::LeadFilter &filter, const QString &description) {
                for (int i = 0; i < m_pages.size(); ++i) {
                    if (m_pages.at(i)->showLeads(filter, description)) {
                        showPage(i);
                        return;
                    }
                }
            });
}

void MainWindow::openLeadEditor(qint64 leadId) {
    if (!m_db)
        return;
    for (Page *p : std::as_const(m_pages)) {
        if (p->openLeadEditor(leadId))
            return;
    }
}

void MainWindow::showPage(int index) {
    m_nav->setCurrentRow(index);
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    // Ctrl+N makes a lead, from any page: that is what a user creates all day.
    m_newLeadAction = m_fileMenu->addAction(QString(), this, [this] { openLeadEditor(0); });
    m_newLeadAction->setShortcut(QKeySequence::New);
    m_fileMenu->addSeparator();
    m_newAction = m_fileMenu->addAction(QString(), this, &MainWindow::newDatabase);
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_openAction = m_fileMenu->addAction(QString(), this, &MainWindow::chooseDatabase);
    m_openAction->setShortcut(QKeySequence::Open);
    m_connectAction = m_fileMenu->addAction(QString(), this, &MainWindow::connectToServer);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_importAction = m_fileMenu->addAction(QString(), this, [this] { importFile(QString()); });
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_exportAction =
        m_fileMenu->addAction(QString(), this, [this] { runExportDialog(this, m_db.get()); });
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    // The report's dialog opens with the Dashboard's window and model.
    const auto reportChoice = [this](bool preview) {
        report::ReportChoice choice;
        if (const auto *dashboard = findChild<DashboardPage *>())
            choice = dashboard->reportChoice();
        choice.preview = preview;
        return choice;
    };
    m_reportAction = m_fileMenu->addAction(QString(), this, [this, reportChoice] {
        report::exportReport(this, m_db.get(), reportChoice(false));
    });
    m_reportAction->setObjectName(QStringLiteral("exportReportAction"));
    m_previewAction = m_fileMenu->addAction(QString(), this, [this, reportChoice] {
        report::exportReport(this, m_db.get(), reportChoice(true));
    });
    m_previewAction->setShortcut(QKeySequence::Print);
    // Team mode: a booth laptop's file into this database (docs/team.md).
    m_teamMergeAction = m_fileMenu->addAction(QString(), this, [this] {
        if (!m_db)
            return;
        TeamMergeDialog d(*m_db, this);
        d.exec();
    });
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_editMenu = menuBar()->addMenu(QString());
    m_undoAction = m_undo->createUndoAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this);
    m_redoAction->setShortcuts(
        {QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_settingsMenu->addAction(QString(), this, &MainWindow::openSettings);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    // Rules that live in the database: scoring, response times and assignment.
    m_scoringAction = m_settingsMenu->addAction(QString(), this, [this] {
        if (!m_db)
            return;
        ScoringDialog d(*m_db, this);
        if (d.exec() == QDialog::Accepted) {
            statusBar()->showMessage(
                tr("Scores recomputed: %n lead(s) changed.", nullptr, int(d.changedScores())),
                10000);
        }
    });
    m_rulesAction = m_settingsMenu->addAction(QString(), this, [this] {
        if (!m_db)
            return;
        PipelineRulesDialog d(*m_db, this);
        d.exec();
    });
    m_settingsMenu->addSeparator();
    m_languageMenu = m_settingsMenu->addMenu(QString());
    auto *group = new QActionGroup(this);
    // Language names stay in their own language so anyone can find theirs.
    m_japaneseAction = m_languageMenu->addAction(QStringLiteral("日本語"));
    m_englishAction = m_languageMenu->addAction(QStringLiteral("English"));
    for (QAction *a : {m_japaneseAction, m_englishAction}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    connect(m_japaneseAction, &QAction::triggered, this,
            [this] { setLanguage(QStringLiteral("ja")); });
    connect(m_englishAction, &QAction::triggered, this,
            [this] { setLanguage(QStringLiteral("en")); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_logAction = m_helpMenu->addAction(QString(), this, [] {
        QDir().mkpath(applog::folder());
        QDesktopServices::openUrl(QUrl::fromLocalFile(applog::folder()));
    });
    m_logAction->setObjectName(QStringLiteral("openLogFolder"));
    m_helpMenu->addSeparator();
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setLanguage(const QString &lang) {
    AppSettings().setLanguage(lang);
    m_language->apply(lang);
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
    setWindowTitle(m_db ? tr("Mikomi — %1").arg(QFileInfo(m_db->path()).fileName()) : tr("Mikomi"));
    for (int i = 0; i < m_pages.size(); ++i)
        m_nav->item(i)->setText(m_pages.at(i)->title());
    m_fileMenu->setTitle(tr("&File"));
    m_newLeadAction->setText(tr("New &Lead…"));
    m_newAction->setText(tr("&New Database…"));
    m_openAction->setText(tr("&Open Database…"));
    m_connectAction->setText(tr("&Connect to Team Server…"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_importAction->setText(tr("&Import…"));
    m_exportAction->setText(tr("&Export…"));
    m_reportAction->setText(tr("Export &Report…"));
    m_previewAction->setText(tr("Print Pre&view of the Report…"));
    m_teamMergeAction->setText(tr("&Merge into Team Database…"));
    m_editMenu->setTitle(tr("&Edit"));
    // Undo/redo texts come from the commands; QUndoStack prefixes them with "Undo"/"Redo",
    // translated through qtbase.
    m_quitAction->setText(tr("&Quit"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_settingsAction->setText(tr("&Preferences…"));
    m_scoringAction->setText(tr("&Scoring Rules…"));
    m_rulesAction->setText(tr("&Response Time and Assignment Rules…"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_logAction->setText(tr("Open &Log Folder"));
    m_logAction->setToolTip(
        tr("The log file: %1").arg(QDir::toNativeSeparators(applog::filePath())));
    m_aboutAction->setText(tr("&About Mikomi"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_japaneseAction->setChecked(m_language->language() == QLatin1String("ja"));
    m_englishAction->setChecked(m_language->language() == QLatin1String("en"));
    rebuildRecentMenu();
    refreshStatus();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = AppSettings().recentDatabases();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (Status s = openDatabase(path); !s)
                MessageBox::warning(this, tr("Cannot open the database"), s.error());
        });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
}

void MainWindow::refreshStatus() {
    if (!m_db) {
        m_pathLabel->setText(tr("No database open"));
        m_countLabel->clear();
        return;
    }
    const QString user = AppSettings::databaseUser();
    m_pathLabel->setText(user.isEmpty() ? QDir::toNativeSeparators(m_db->path())
                                        : tr("%1 (signed in as %2)").arg(m_db->path(), user));
    storage::LeadRepository leads(*m_db);
    const auto count = leads.count();
    m_countLabel->setText(count ? tr("%n lead(s)", nullptr, int(*count))
                                : tr("Cannot count leads: %1").arg(count.error()));
}

Status MainWindow::openDatabase(const QString &path) {
    auto db = storage::Database::open(path);
    // A team server that wants a password libpq did not find (PGPASSWORD, ~/.pgpass): asked for
    // here, used for this session's connections (Database::location()), never stored.
    const auto wantsPassword = [](const Error &e) {
        return e.kind == ErrorKind::Io && (e.message.contains(QLatin1String("password")) ||
                                           e.message.contains(QStringLiteral("パスワード")));
    };
    if (!db && storage::isServerUrl(path) && wantsPassword(db.failure())) {
        QUrl url(path);
        bool ok = false;
        const QString password =
            QInputDialog::getText(this, tr("Connect to Team Server"),
                                  tr("Password of %1 on %2:").arg(url.userName(), url.host()),
                                  QLineEdit::Password, QString(), &ok);
        if (!ok)
            return Error{db.error()};
        url.setPassword(password);
        db = storage::Database::open(url.toString(QUrl::FullyEncoded));
    }
    if (!db)
        return Error{db.error()};
    // Amounts are shown and typed in the file's own currency (an older file takes the user's).
    auto currency = storage::adoptCurrency(**db, AppSettings().defaultCurrency());
    if (!currency)
        return Error{currency.error()};
    AppSettings::setDatabaseCurrency(*currency);
    // On a team server, who is signed in records history and edits (storage/serverlogin.h).
    auto user = storage::signedInUser(**db);
    if (!user)
        return Error{user.error()};
    AppSettings::setDatabaseUser(*user);
    m_indexer->stop();
    for (Page *p : std::as_const(m_pages))
        p->setDatabase(nullptr);
    m_undo->clear(); // commands refer to the old database
    m_db = std::move(db).value();
    connect(&m_db->changes(), &storage::ChangeFeed::changed, this, &MainWindow::databaseChanged);
    // On a team server: other people's changes arrive through the same feed; a lost connection
    // is said in the status bar until it is back.
    connect(&m_db->changes(), &storage::ChangeFeed::serverConnection, this,
            [this](bool connected, const QString &message) {
                statusBar()->showMessage(message, connected ? 5000 : 0);
            });
    if (Status s = m_db->listen(); !s)
        statusBar()->showMessage(s.error());
    // A team server whose lead search has no trigram index (storage/serversearch.h): said once
    // per server database while the program runs, with what an administrator should run.
    if (auto slow = storage::serverSearchIndexProblem(*m_db); !slow || !slow->isEmpty()) {
        static QSet<QString> told;
        if (!told.contains(m_db->path())) {
            told.insert(m_db->path());
            MessageBox::information(this, tr("Connect to Team Server"),
                                    slow ? *slow : slow.error());
        }
    }
    for (Page *p : std::as_const(m_pages))
        p->setDatabase(m_db.get());
    AppSettings().addRecentDatabase(path);
    m_indexer->start(m_db->location());
    retranslate();
    return {};
}

void MainWindow::databaseChanged(const storage::DataChange &change) {
    for (Page *p : std::as_const(m_pages))
        p->databaseChanged(change);
    if (change.touches(storage::DataKind::Leads))
        m_statusTimer->start();
}

void MainWindow::importFile(const QString &file) {
    if (!m_db)
        return;
    // The pages learn of the new leads from the change feed; the search index catches up here.
    if (runImportWizard(this, m_db.get(), file))
        m_indexer->start(m_db->location());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (m_db && urls.size() == 1 && urls.first().isLocalFile() &&
        isImportableFile(urls.first().toLocalFile()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    importFile(urls.first().toLocalFile());
}

void MainWindow::newDatabase() {
    const QString path = getSaveFileName(this, tr("New Database"), QString(),
                                         tr("Mikomi databases (*.mikomi *.db);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        MessageBox::warning(this, tr("New Database"),
                            tr("%1 already exists. Use Open Database to open it.").arg(path));
        return;
    }
    if (Status s = openDatabase(path); !s)
        MessageBox::warning(this, tr("Cannot create the database"), s.error());
}

void MainWindow::chooseDatabase() {
    const QString path = getOpenFileName(this, tr("Open Database"), QString(),
                                         tr("Mikomi databases (*.mikomi *.db);;All files (*)"));
    if (path.isEmpty())
        return;
    if (Status s = openDatabase(path); !s)
        MessageBox::warning(this, tr("Cannot open the database"), s.error());
}

void MainWindow::connectToServer() {
    QString last;
    for (const QString &recent : AppSettings().recentDatabases()) {
        if (storage::isServerUrl(recent)) {
            last = recent;
            break;
        }
    }
    ServerDialog dialog(last, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (Status s = openDatabase(dialog.url()); !s)
        MessageBox::warning(this, tr("Cannot connect to the team server"), s.error());
}

void MainWindow::openSettings() {
    SettingsDialog dialog(m_language, m_db.get(), this);
    const Currency before = AppSettings().currency();
    // Amounts are shown in the new currency: every page reads again, through the change feed.
    if (dialog.exec() == QDialog::Accepted && AppSettings().currency() != before && m_db)
        m_db->changes().publish({storage::kAllDataKinds, {}});
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Mikomi"),
                       tr("<h3>Mikomi %1</h3><p>Lead generation and nurturing for small sales "
                          "teams, on your own computer.</p><p>Licensed under the GNU General "
                          "Public License, version 3 or later.</p>")
                               .arg(QApplication::applicationVersion()) +
                           tr("<p>Postal codes: Japan Post's postal code data (KEN_ALL) of %1. "
                              "Readings of names: MeCab with the IPA dictionary, and KAKASI.</p>")
                               .arg(QLatin1String(japan::kBuiltInPostalDate)));
}

} // namespace mikomi::ui
