#include "ui/consentwidget.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace mikomi::ui {
namespace {

// The date edit's lowest date stands for "no date" (shown as its special value text).
const QDate kNoDate(2000, 1, 1);

} // namespace

ConsentWidget::ConsentWidget(const Lead &lead, QWidget *parent)
    : QWidget(parent) {
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(parent);
    m_basis = new QComboBox(this);
    m_basis->setObjectName(QStringLiteral("consentBasis"));
    m_label->setBuddy(m_basis);
    for (int i = 0; i < ConsentBasisCount; ++i)
        m_basis->addItem(QString(), consentBasisKey(ConsentBasis(i)));
    m_basis->setCurrentIndex(int(lead.consentBasis));
    m_dateLabel = new QLabel(this);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("consentDate"));
    m_dateLabel->setBuddy(m_date);
    m_date->setCalendarPopup(true);
    m_date->setMinimumDate(kNoDate);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(lead.consentAt.value_or(kNoDate));
    row->addWidget(m_basis, 1);
    row->addWidget(m_dateLabel);
    row->addWidget(m_date);
    // Choosing a basis for a lead without a date suggests today (the usual case: recorded now).
    connect(m_basis, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0 && m_date->date() == kNoDate)
            m_date->setDate(QDate::currentDate());
    });
    retranslate();
}

void ConsentWidget::apply(Lead &lead) const {
    lead.consentBasis = ConsentBasis(std::max(0, m_basis->currentIndex()));
    const QDate d = m_date->date();
    lead.consentAt = d == kNoDate ? std::nullopt : std::optional<QDate>(d);
}

void ConsentWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConsentWidget::retranslate() {
    m_label->setText(tr("Consent basis"));
    for (int i = 0; i < m_basis->count(); ++i)
        m_basis->setItemText(i, consentBasisLabel(ConsentBasis(i)));
    m_basis->setToolTip(tr("The legal basis on which this person's data is held and used for "
                           "contact. Opting out is recorded separately."));
    m_dateLabel->setText(tr("Date"));
    m_date->setSpecialValueText(tr("None", "no consent date"));
    m_date->setToolTip(tr("The day the person agreed (opted in)."));
}

} // namespace mikomi::ui
