#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QUndoStack;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Lists groups of stored leads that look like one person (same email, phone, or company +
// person) and merges a chosen group into its oldest lead (undoable). Groups whose company is
// written differently are shown as suggestions; nothing is merged without the user asking.
class DuplicatesDialog final : public QDialog {
    Q_OBJECT
public:
    DuplicatesDialog(storage::Database &db, QUndoStack *undo, QWidget *parent = nullptr);
    int groupCount() const;

public slots:
    void reload();
    // Merges the selected group (or the first one when nothing is selected).
    void mergeSelected();

signals:
    void merged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    storage::Database &m_db;
    QUndoStack *m_undo;
    QLabel *m_info = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace mikomi::ui
