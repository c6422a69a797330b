#pragma once

#include "models/storage/changefeed.h"
#include "models/storage/leadquery.h"

#include <QWidget>

class QTimer;
class QUndoStack;

class QLabel;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

class FlowLayout;

// A page of the main window. Pages get the open database (or nullptr when none is open) and
// retranslate themselves on QEvent::LanguageChange.
class Page : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    // The page's name in the navigation list, translated.
    virtual QString title() const = 0;
    virtual void setDatabase(storage::Database *db) = 0;
    // Data changed behind the page's back (an import, another page): read it again.
    virtual void reload() {}
    // The database changed (a commit of this window; in team mode, another user's). A visible
    // page reads again once control returns to the event loop (many commits in a row: one
    // reload), keeping the scroll position of its lists; a hidden page reads again when it is
    // next shown. The window calls this for every change of the database's ChangeFeed.
    void databaseChanged(const storage::DataChange &change);
    // True while a change is waiting to be read (hidden page, or reload not run yet).
    bool reloadPending() const { return m_dirty; }
    // True while the page reads its data in the background (ui/backgroundreader.h): what it
    // shows is not complete yet. Tests wait for it to turn false.
    bool loading() const { return m_loading; }
    // Opens the lead editor on a lead (0: a new lead) and returns true, if this page is the one
    // that edits leads (the Leads page); other pages ask for it with leadOpenRequested().
    virtual bool openLeadEditor(qint64 leadId) {
        Q_UNUSED(leadId);
        return false;
    }
    // The window's undo stack (Edit > Undo/Redo); pages push their commands on it. It is
    // cleared when another database is opened.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    // Lists the leads of `filter`, described in words (a report's drill-down); false when the
    // page does not list leads (only the Leads page does).
    virtual bool showLeads(const storage::LeadFilter &filter, const QString &description) {
        Q_UNUSED(filter);
        Q_UNUSED(description);
        return false;
    }
    QUndoStack *undoStack() const { return m_undo; }

protected:
    // A page's heading line: a label in bold, 1.3 times the page's font.
    static QLabel *makeHeading(QWidget *parent);
    // The layout the report pages share (Dashboard, Trends & Goals): the page's content in a
    // scroll area that fits it to the window's width (widgetResizable), scrolling down when the
    // window is low, so at 1024 × 700 no control is off-screen. Makes the page's own layout;
    // returns the content widget, whose layout is a QVBoxLayout to fill.
    QWidget *makeScrollingContent();
    // A row of controls (labels, combos, buttons) that wraps to a new line when the window is
    // too narrow for it (FlowLayout), instead of holding the window wide.
    static FlowLayout *makeControlRow();
    // The kinds of data the page shows; changes to others leave it alone. Default: all.
    virtual storage::DataKinds shownKinds() const { return storage::kAllDataKinds; }
    void showEvent(QShowEvent *event) override;
    // For setDatabase(): reads at once when the page is visible, else when it is next shown (a
    // hidden page costs nothing at start-up, whatever the size of the database).
    void reloadWhenShown();
    // Marks the page as reading in the background, or done. A read that takes longer than
    // BusyOverlay::kDelayMs dims the page under a translated "reading" line; a fast one shows
    // nothing, so nothing flickers.
    void setLoading(bool loading);

signals:
    // Something the status bar shows (e.g. the lead count) may have changed.
    void dataChanged();
    // Asks the window to show another page (e.g. the Leads page filtered to a source).
    void pageRequested(int index);
    // Asks the window to open a lead in the editor (a kanban card, a follow-up); the editor is
    // modal, so the lead has been saved or left unchanged when the signal returns.
    void leadOpenRequested(qint64 leadId);
    // Asks the window to show the Leads page filtered to exactly these leads (a click on a
    // chart or a table row of a report).
    void leadsRequested(const mikomi::storage::LeadFilter &filter, const QString &description);

private:
    void reloadNow();

    QUndoStack *m_undo = nullptr;
    QTimer *m_reloadTimer = nullptr;
    class BusyOverlay *m_busy = nullptr;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace mikomi::ui
