#include "ui/plannerpage.h"

#include "models/analytics/planner.h"
#include "models/appsettings.h"
#include "models/plannermodel.h"
#include "models/plansourcemodel.h"
#include "models/services/reportinput.h"
#include "ui/pages.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createPlannerPage(QWidget *parent) {
    return new PlannerPage(parent);
}

PlannerPage::PlannerPage(QWidget *parent)
    : FactsPage(parent) {
    auto *layout = new QVBoxLayout(this);
    m_heading = makeHeading(this);
    layout->addWidget(m_heading);

    auto *form = new QGridLayout;
    m_byAmount = new QRadioButton(this);
    m_amount = new QLineEdit(QStringLiteral("100,000,000"), this);
    m_byGrowth = new QRadioButton(this);
    m_growth = new QLineEdit(QStringLiteral("1.2"), this);
    m_byGrowth->setChecked(true);
    m_useReference = new QCheckBox(this);
    m_from = new QDateEdit(QDate::currentDate().addYears(-1), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setEnabled(false);
        // The whole date beside the calendar button (the style's hint cut its last digit).
        e->setMinimumWidth(e->fontMetrics().horizontalAdvance(QStringLiteral("2026-12-31")) + 48);
    }
    m_monthsLabel = new QLabel(this);
    m_months = new QSpinBox(this);
    m_months->setRange(1, 120);
    m_months->setValue(12);
    m_monthsLabel->setBuddy(m_months);
    form->addWidget(m_byAmount, 0, 0);
    form->addWidget(m_amount, 0, 1);
    form->addWidget(m_byGrowth, 1, 0);
    form->addWidget(m_growth, 1, 1);
    form->addWidget(m_useReference, 2, 0);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(QStringLiteral("–"), this));
    dates->addWidget(m_to);
    dates->addStretch();
    form->addLayout(dates, 2, 1);
    form->addWidget(m_monthsLabel, 3, 0);
    form->addWidget(m_months, 3, 1, Qt::AlignLeft);
    form->setColumnStretch(2, 1);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("plannerSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_model = new PlannerModel(this);
    m_stages = new QTableView(this);
    m_stages->setObjectName(QStringLiteral("plannerStages"));
    m_stages->setModel(m_model);
    m_stages->verticalHeader()->hide();
    m_stages->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_stages->setMaximumHeight(200);
    layout->addWidget(m_stages);
    m_sourceModel = new PlanSourceModel(this);
    m_sources = new QTableView(this);
    m_sources->setModel(m_sourceModel);
    m_sources->verticalHeader()->hide();
    m_sources->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_sources, 1);

    connect(m_byAmount, &QRadioButton::toggled, this, &PlannerPage::recompute);
    connect(m_amount, &QLineEdit::editingFinished, this, &PlannerPage::recompute);
    connect(m_growth, &QLineEdit::editingFinished, this, &PlannerPage::recompute);
    connect(m_useReference, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        recompute();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &PlannerPage::recompute);
    connect(m_to, &QDateEdit::dateChanged, this, &PlannerPage::recompute);
    connect(m_months, &QSpinBox::valueChanged, this, &PlannerPage::recompute);
    retranslate();
}

QString PlannerPage::title() const {
    return tr("Planner");
}

void PlannerPage::showLoadError(const QString &message) {
    m_summary->setText(message);
}

void PlannerPage::recompute() {
    const Currency currency = AppSettings().currency();
    analytics::PlanOptions options;
    options.months = m_months->value();
    if (m_useReference->isChecked()) {
        options.reference.from = m_from->date();
        options.reference.to = m_to->date();
    }
    if (m_byAmount->isChecked()) {
        options.revenueTarget =
            services::parseAmount(m_amount->text(), services::currencyDecimals(currency));
        if (!options.revenueTarget || *options.revenueTarget <= 0) {
            m_summary->setText(tr("Type the revenue target as an amount of money above zero."));
            m_model->setPlan(nullptr);
            m_sourceModel->setPlan(nullptr);
            return;
        }
    } else {
        options.growthFactor = services::parseGrowthFactor(m_growth->text());
        if (!options.growthFactor) {
            m_summary->setText(tr("Type the growth as a number above zero, e.g. 1.2 for 120%."));
            m_model->setPlan(nullptr);
            m_sourceModel->setPlan(nullptr);
            return;
        }
    }
    const analytics::PlanResult plan = analytics::computePlan(facts(), options);
    if (!plan) {
        m_summary->setText(QStringLiteral("⚠ ") + plan.error().message);
        m_model->setPlan(nullptr);
        m_sourceModel->setPlan(nullptr);
        return;
    }
    const analytics::Plan &p = plan.value();
    m_summary->setText(tr("Revenue target %1; average deal %2 (reference period: revenue %3 from "
                          "%4 customers).")
                           .arg(formatMoney(p.revenueTarget, currency),
                                formatMoney(Money(std::llround(p.avgDeal)), currency),
                                formatMoney(p.referenceRevenue, currency),
                                QLocale().toString(p.reference.customer)));
    m_model->setPlan(&p);
    m_sourceModel->setPlan(&p);
}

void PlannerPage::retranslate() {
    m_heading->setText(tr("Planner (KGI → KPI → leads)"));
    m_byAmount->setText(tr("Revenue target (%1):").arg(currencyKey(AppSettings().currency())));
    m_byGrowth->setText(tr("Growth over the reference period (1.2 = 120%):"));
    m_useReference->setText(tr("Reference period:"));
    m_monthsLabel->setText(tr("&Months:"));
    m_model->retranslate();
    m_sourceModel->retranslate();
}

} // namespace mikomi::ui
