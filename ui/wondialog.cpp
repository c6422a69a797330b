#include "ui/wondialog.h"

#include "models/io/leadrow.h"
#include "models/storage/repositories.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace mikomi::ui {

WonDialog::WonDialog(const QString &leadName, std::optional<Money> dealValue, Currency currency,
                     QWidget *parent)
    : QDialog(parent)
    , m_currency(currency) {
    setWindowTitle(tr("Won deal"));
    setMinimumWidth(380);
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(leadName.isEmpty() ? tr("The lead becomes a customer.")
                                                : tr("%1 becomes a customer.").arg(leadName),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("dealValue"));
    // Written with the currency sign and "," grouping, which the money parser reads back.
    if (dealValue)
        m_value->setText(formatMoney(*dealValue, currency, QLocale(QLocale::English)));
    m_value->setPlaceholderText(currency == Currency::JPY ? tr("e.g. 1,500,000")
                                                          : tr("e.g. 12,000.00"));
    form->addRow(tr("Deal value:"), m_value);
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("wonAt"));
    m_date->setCalendarPopup(true);
    // A four-digit year whatever the locale ("12/2/26" is ambiguous).
    const QString format = QLocale().dateFormat(QLocale::ShortFormat);
    m_date->setDisplayFormat(
        format.contains(QStringLiteral("yyyy")) ? format : QStringLiteral("yyyy-MM-dd"));
    form->addRow(tr("Won on:"), m_date);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    form->addRow(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_value, &QLineEdit::textChanged, this, &WonDialog::validate);
    validate();
    m_value->setFocus();
    m_value->selectAll();
}

std::optional<Money> WonDialog::dealValue() const {
    if (m_value->text().trimmed().isEmpty())
        return std::nullopt;
    return io::parseMoney(m_value->text(), minorUnits(m_currency));
}

QDate WonDialog::wonAt() const {
    return m_date->date();
}

void WonDialog::validate() {
    const bool bad = !m_value->text().trimmed().isEmpty() && !dealValue();
    m_error->setText(bad ? tr("Enter the deal value as an amount, e.g. %1.")
                               .arg(formatMoney(m_currency == Currency::JPY ? 1500000 : 1200000,
                                                m_currency, QLocale(QLocale::English)))
                         : QString());
    m_error->setVisible(bad);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!bad);
}

std::optional<QList<WonDeal>> askWonDeals(storage::Database &db, const QList<qint64> &ids,
                                          Currency currency, QWidget *parent, QString *error) {
    QList<WonDeal> deals;
    storage::LeadRepository repo(db);
    for (qint64 id : ids) {
        auto lead = repo.get(id);
        if (!lead) {
            if (error)
                *error = lead.error();
            return std::nullopt;
        }
        // Names in kanji or kana stay family first in every language, as on the Leads page.
        const bool familyFirst =
            QLocale().language() == QLocale::Japanese ||
            (!lead->familyName.isEmpty() && lead->familyName.at(0).unicode() >= 0x3000);
        const QString name = lead->displayName(familyFirst);
        WonDialog dialog(
            lead->company.isEmpty() ? name : WonDialog::tr("%1 (%2)").arg(name, lead->company),
            lead->dealValue, currency, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        deals.append({id, dialog.dealValue(), dialog.wonAt()});
    }
    return deals;
}

} // namespace mikomi::ui
