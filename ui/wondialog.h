#pragma once

#include "models/domain/lead.h"
#include "models/domain/money.h"

#include <QDate>
#include <QDialog>

#include <optional>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace mikomi::ui {

// Asked when a lead becomes a customer (a card dropped on the Customer column): the deal value
// it was won at (prefilled with the lead's current one) and the day it was won (today by
// default). OK stays disabled while the value is not an amount.
class WonDialog final : public QDialog {
    Q_OBJECT
public:
    WonDialog(const QString &leadName, std::optional<Money> dealValue, Currency currency,
              QWidget *parent = nullptr);
    // Empty field = no deal value.
    std::optional<Money> dealValue() const;
    QDate wonAt() const;
    QLineEdit *valueEdit() const { return m_value; }
    QDateEdit *dateEdit() const { return m_date; }

private:
    void validate();
    Currency m_currency;
    QLineEdit *m_value = nullptr;
    QDateEdit *m_date = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui
