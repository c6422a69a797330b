#pragma once

#include <QWidget>

class QUndoStack;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

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
    // Opens the lead editor on a lead (0: a new lead) and returns true, if this page is the one
    // that edits leads (the Leads page); other pages ask for it with leadOpenRequested().
    virtual bool openLeadEditor(qint64 leadId) {
        Q_UNUSED(leadId);
        return false;
    }
    // The window's undo stack (Edit > Undo/Redo); pages push their commands on it. It is
    // cleared when another database is opened.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    QUndoStack *undoStack() const { return m_undo; }

signals:
    // Something the status bar shows (e.g. the lead count) may have changed.
    void dataChanged();
    // Asks the window to show another page (e.g. the Leads page filtered to a source).
    void pageRequested(int index);
    // Asks the window to open a lead in the editor (a kanban card, a follow-up); the editor is
    // modal, so the lead has been saved or left unchanged when the signal returns.
    void leadOpenRequested(qint64 leadId);

private:
    QUndoStack *m_undo = nullptr;
};

} // namespace mikomi::ui
