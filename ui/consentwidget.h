#pragma once

#include "models/domain/lead.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace mikomi::ui {

// The lead editor's consent row (product.md §Privacy): the legal basis (Not recorded, Consent,
// Contract, Legitimate interest, Other) and the date of the opt-in ("—" = none). Beside it the
// editor keeps the opt-out box.
class ConsentWidget final : public QWidget {
    Q_OBJECT
public:
    explicit ConsentWidget(const Lead &lead, QWidget *parent = nullptr);
    // The form's label for this row, kept translated by this widget.
    QLabel *label() const { return m_label; }
    // Writes basis and date into `lead`.
    void apply(Lead &lead) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QLabel *m_label = nullptr;
    QComboBox *m_basis = nullptr;
    QLabel *m_dateLabel = nullptr;
    QDateEdit *m_date = nullptr;
};

} // namespace mikomi::ui
