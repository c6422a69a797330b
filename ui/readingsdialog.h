#pragma once

#include "models/commands/readingcommands.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;
class QUndoStack;

namespace mikomi::japan {
class ReadingDictionary;
}
namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// "Suggest readings…" (issue 16): readings from the dictionaries (models/japan) for leads that
// have a name or company but no reading of it, in a list the user confirms row by row. The
// suggested reading can be edited in place; readings both dictionaries agree on are ticked, the
// others wait for a look (the other dictionary's reading is shown beside). Apply writes the ticked
// rows as one undo step (commands::SetReadingsCommand).
class ReadingsDialog final : public QDialog {
    Q_OBJECT
public:
    enum Column { LeadColumn, FieldColumn, WrittenColumn, ReadingColumn, NoteColumn, ColumnCount };
    // `selected`: the leads selected on the Leads page (may be empty: then all leads).
    ReadingsDialog(storage::Database &db, QUndoStack *undo, const QList<qint64> &selected,
                   QWidget *parent = nullptr);
    ~ReadingsDialog() override;

    QTableWidget *table() const { return m_table; }
    // The readings the ticked rows would write.
    QList<commands::ReadingChange> changes() const;
    // Scope: the selected leads (0) or every lead (1).
    void setScope(int scope);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();
    void apply();

    storage::Database &m_db;
    QUndoStack *m_undo;
    QList<qint64> m_selected;
    std::unique_ptr<japan::ReadingDictionary> m_dictionary;
    QList<commands::ReadingSuggestion> m_suggestions;
    QLabel *m_scopeLabel = nullptr;
    QComboBox *m_scope = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui
