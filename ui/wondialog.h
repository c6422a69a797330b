#pragma once

#include "models/domain/lead.h"
#include "models/domain/money.h"

#include <QDate>
#include <QDialog>
#include <QList>

#include <optional>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace mikomi::storage {
class Database;
}

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

// A lead won: its deal value and the day, as the user answered WonDialog.
struct WonDeal {
    qint64 leadId = 0;
    std::optional<Money> value;
    QDate wonAt;
};

// Asks WonDialog for each lead in turn (every path that makes a lead a customer: a drop on the
// Pipeline's Customer column, Change stage on the Leads page, the editor's stage buttons).
// nullopt when Cancel is pressed on any of them (then none is won) or a lead cannot be read
// (then `error` says why).
std::optional<QList<WonDeal>> askWonDeals(storage::Database &db, const QList<qint64> &ids,
                                          Currency currency, QWidget *parent,
                                          QString *error = nullptr);

} // namespace mikomi::ui
