#pragma once

#include "models/domain/lead.h"
#include "models/domain/money.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mikomi::ui {

// Adds or edits one campaign: name, source (an existing one or none), optional start and end
// dates, budgeted and actual cost in the settings currency, notes. OK is refused (with the
// reason shown) while a field is invalid.
class CampaignDialog final : public QDialog {
    Q_OBJECT
public:
    CampaignDialog(const Campaign &campaign, const QStringList &sources, Currency currency,
                   QWidget *parent = nullptr);
    // The campaign as entered (the id of the one given).
    Campaign campaign() const { return m_result; }

    void accept() override;

private:
    Campaign m_result;
    Currency m_currency;
    QLineEdit *m_name = nullptr;
    QComboBox *m_source = nullptr;
    QCheckBox *m_hasStart = nullptr;
    QDateEdit *m_start = nullptr;
    QCheckBox *m_hasEnd = nullptr;
    QDateEdit *m_end = nullptr;
    QLineEdit *m_budget = nullptr;
    QLineEdit *m_actual = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace mikomi::ui
