#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QUndoStack;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Business-card mode for trade-show staff: the event (source) and owner are chosen once; then a
// compact keyboard-only form (company, department, title, names, readings, phone, email,
// address). Ctrl+Enter saves the card (committed at once) and clears the form for the next one.
class CardEntryDialog final : public QDialog {
    Q_OBJECT
public:
    CardEntryDialog(storage::Database &db, QUndoStack *undo, QWidget *parent = nullptr);

    void setSource(const QString &source);
    void setOwner(const QString &owner);
    // Cards saved today for the chosen event (from the database).
    int cardsToday() const { return m_today; }
    // The message under the form (last save, error or duplicate warning).
    QString statusText() const;

public slots:
    // Saves the card and clears the form; false (with a message) when it is invalid.
    bool saveCard();

signals:
    void cardSaved(qint64 leadId);
    void leadActivated(qint64 leadId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCounter();
    QLineEdit *line(const QString &key) const;
    storage::Database &m_db;
    QUndoStack *m_undo;
    QComboBox *m_source = nullptr;
    QLineEdit *m_owner = nullptr;
    QList<std::pair<QString, QLineEdit *>> m_fields;
    QHash<QString, QLabel *> m_labels;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_recentLabel = nullptr;
    QLabel *m_hint = nullptr;
    QListWidget *m_recent = nullptr;
    int m_today = 0;
};

} // namespace mikomi::ui
