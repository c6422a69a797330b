#include "ui/campaigndialog.h"

#include "models/services/reportinput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {

QString plainAmount(Money amount, Currency currency) {
    const int decimals = services::currencyDecimals(currency);
    const Money unit = minorUnits(currency);
    QString s = QString::number(amount / unit);
    if (decimals > 0)
        s += QLatin1Char('.') +
             QStringLiteral("%1").arg(amount % unit, decimals, 10, QLatin1Char('0'));
    return s;
}

} // namespace

CampaignDialog::CampaignDialog(const Campaign &campaign, const QStringList &sources,
                               Currency currency, QWidget *parent)
    : QDialog(parent)
    , m_result(campaign)
    , m_currency(currency) {
    setWindowTitle(campaign.id == 0 ? tr("New campaign") : tr("Edit campaign"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(campaign.name, this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    form->addRow(tr("&Name:"), m_name);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("campaignSource"));
    m_source->addItem(tr("(no source)"), QString());
    for (const QString &s : sources)
        m_source->addItem(s, s);
    const int at = m_source->findData(campaign.source);
    m_source->setCurrentIndex(at >= 0 ? at : 0);
    form->addRow(tr("&Source:"), m_source);

    const QDate today = QDate::currentDate();
    const auto dateRow = [this, form](QCheckBox *&check, QDateEdit *&edit, const QString &label,
                                      const std::optional<QDate> &value, const QDate &fallback) {
        check = new QCheckBox(label, this);
        edit = new QDateEdit(value.value_or(fallback), this);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        check->setChecked(value.has_value());
        edit->setEnabled(value.has_value());
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        form->addRow(check, edit);
    };
    dateRow(m_hasStart, m_start, tr("S&tart date:"), campaign.start,
            QDate(today.year(), today.month(), 1));
    dateRow(m_hasEnd, m_end, tr("&End date:"), campaign.end,
            QDate(today.year(), today.month(), today.daysInMonth()));

    m_budget = new QLineEdit(plainAmount(campaign.budget, currency), this);
    m_budget->setObjectName(QStringLiteral("campaignBudget"));
    form->addRow(tr("&Budget (%1):").arg(currencyKey(currency)), m_budget);
    m_actual = new QLineEdit(plainAmount(campaign.actualCost, currency), this);
    m_actual->setObjectName(QStringLiteral("campaignActual"));
    form->addRow(tr("&Actual cost (%1):").arg(currencyKey(currency)), m_actual);
    m_notes = new QPlainTextEdit(campaign.notes, this);
    m_notes->setMaximumHeight(80);
    form->addRow(tr("N&otes:"), m_notes);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("campaignError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CampaignDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CampaignDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void CampaignDialog::accept() {
    Campaign c = m_result;
    c.name = m_name->text().trimmed();
    c.source = m_source->currentData().toString();
    c.start = m_hasStart->isChecked() ? std::optional<QDate>(m_start->date()) : std::nullopt;
    c.end = m_hasEnd->isChecked() ? std::optional<QDate>(m_end->date()) : std::nullopt;
    c.notes = m_notes->toPlainText();
    const int decimals = services::currencyDecimals(m_currency);
    const auto budget = services::parseAmount(m_budget->text(), decimals);
    const auto actual = services::parseAmount(m_actual->text(), decimals);
    QString error;
    if (c.name.isEmpty())
        error = tr("Give the campaign a name.");
    else if (!budget)
        error = tr("The budget must be an amount of money, e.g. 500,000.");
    else if (!actual)
        error = tr("The actual cost must be an amount of money, e.g. 450,000.");
    else if (c.start && c.end && *c.end < *c.start)
        error = tr("The end date cannot be before the start date.");
    if (!error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    c.budget = *budget;
    c.actualCost = *actual;
    m_result = c;
    QDialog::accept();
}

} // namespace mikomi::ui
