#pragma once

#include "models/domain/scoring.h"

#include <QDialog>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QProgressDialog;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Scoring settings: attribute rules (field contains / equals / is one of → points), behaviour
// rules (activity → points, optional half-life in days) and the thresholds that suggest MQL and
// SQL and derive the temperature. OK saves the rules and recomputes every lead's score in the
// background (ScoreRecomputer) behind a cancellable progress dialog; the dialog is accepted when
// that is done. Cancelling it changes nothing and keeps the edited rules in the dialog.
class ScoringDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ScoringDialog(storage::Database &db, QWidget *parent = nullptr);
    scoring::Rules rules() const;
    void setRules(const scoring::Rules &rules);
    void accept() override;
    // While the scores are recomputed, Esc or closing the window cancels the run first; the
    // dialog closes when the worker has stopped (accepted if it had already committed).
    void reject() override;
    // How many leads got a new score (after the dialog was accepted).
    qint64 changedScores() const { return m_changed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void recomputeFinished(qint64 changed, bool cancelled, const QString &error);
    void addAttributeRow(const scoring::AttributeRule &rule);
    void addBehaviourRow(const scoring::BehaviourRule &rule);
    storage::Database &m_db;
    bool m_closeWhenDone = false;
    QGroupBox *m_attrBox = nullptr;
    QGroupBox *m_behBox = nullptr;
    QGroupBox *m_thrBox = nullptr;
    QTableWidget *m_attributes = nullptr;
    QTableWidget *m_behaviours = nullptr;
    QPushButton *m_addAttr = nullptr;
    QPushButton *m_removeAttr = nullptr;
    QPushButton *m_addBeh = nullptr;
    QPushButton *m_removeBeh = nullptr;
    QSpinBox *m_mql = nullptr;
    QSpinBox *m_sql = nullptr;
    QSpinBox *m_hotScore = nullptr;
    QSpinBox *m_hotDays = nullptr;
    QSpinBox *m_warmScore = nullptr;
    QSpinBox *m_warmDays = nullptr;
    QList<QLabel *> m_thrLabels;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_status = nullptr;
    class ScoreRecomputer *m_recomputer = nullptr;
    QProgressDialog *m_progress = nullptr;
    qint64 m_changed = 0;
};

} // namespace mikomi::ui
