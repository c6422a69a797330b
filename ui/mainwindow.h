#pragma once

#include "models/domain/result.h"

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTimer;
class QUndoStack;

namespace mikomi {
class LanguageManager;
namespace storage {
class Database;
struct DataChange;
} // namespace storage
} // namespace mikomi

namespace mikomi::ui {

class Page;

// The main window: a composition of pages (Leads, Pipeline, Sources, Dashboard, Budget,
// Planner) with a navigation list, the File/Settings/Help menus and a status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LanguageManager *language, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a database and shows it; on failure the current one stays open.
    Status openDatabase(const QString &path);
    storage::Database *database() const { return m_db.get(); }
    QList<Page *> pages() const { return m_pages; }
    void showPage(int index);

    QUndoStack *undoStack() const { return m_undo; }

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void addPage(Page *page);
    void retranslate();
    void refreshStatus();
    // Every committed change of the database reaches the pages and the status bar here.
    void databaseChanged(const storage::DataChange &change);
    void rebuildRecentMenu();
    void newDatabase();
    void openLeadEditor(qint64 leadId);
    void chooseDatabase();
    void connectToServer();
    void openSettings();
    void showAbout();
    void importFile(const QString &file);
    void setLanguage(const QString &lang);

    LanguageManager *m_language;
    std::unique_ptr<storage::Database> m_db;
    class SearchIndexer *m_indexer = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page *> m_pages;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_statusTimer = nullptr;

    QUndoStack *m_undo = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_newLeadAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_scoringAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_japaneseAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_logAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace mikomi::ui
