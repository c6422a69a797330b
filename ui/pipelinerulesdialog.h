#pragma once

#include <QDialog>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Response-time rules (how soon a new lead gets its first follow-up, by source or category)
// and assignment rules (who gets a new lead: by source/category, score range, prefecture; first
// match wins, else round-robin over active users).
class PipelineRulesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PipelineRulesDialog(storage::Database &db, QWidget *parent = nullptr);
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void addResponseRow(const QString &source, int category, int hours);
    void addAssignmentRow(const QString &source, int category, int minScore, int maxScore,
                          const QString &prefecture, const QString &owner);
    storage::Database &m_db;
    QStringList m_users;
    QGroupBox *m_responseBox = nullptr;
    QGroupBox *m_assignBox = nullptr;
    QLabel *m_responseNote = nullptr;
    QLabel *m_assignNote = nullptr;
    QTableWidget *m_response = nullptr;
    QTableWidget *m_assign = nullptr;
    QPushButton *m_addResponse = nullptr;
    QPushButton *m_removeResponse = nullptr;
    QPushButton *m_addAssign = nullptr;
    QPushButton *m_removeAssign = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui
