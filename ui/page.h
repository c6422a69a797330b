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
    // The window's undo stack (Edit > Undo/Redo); pages push their commands on it. It is
    // cleared when another database is opened.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    QUndoStack *undoStack() const { return m_undo; }

signals:
    // Something the status bar shows (e.g. the lead count) may have changed.
    void dataChanged();
    // Asks the window to show another page (e.g. the Leads page filtered to a source).
    void pageRequested(int index);

private:
    QUndoStack *m_undo = nullptr;
};

} // namespace mikomi::ui
