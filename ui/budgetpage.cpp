#include "ui/budgetpage.h"

#include "models/analytics/budget.h"
#include "models/appsettings.h"
#include "models/budgetmodel.h"
#include "models/services/reportinput.h"
#include "models/services/reportloader.h"
#include "models/storage/repositories.h"
#include "ui/pages.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createBudgetPage(QWidget *parent) {
    return new BudgetPage(parent);
}

BudgetPage::BudgetPage(QWidget *parent)
    : Page(parent) {
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont f = m_heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_heading->setFont(f);
    layout->addWidget(m_heading);
    auto *bar = new QHBoxLayout;
    m_totalLabel = new QLabel(this);
    m_total = new QLineEdit(QStringLiteral("1,000,000"), this);
    m_total->setObjectName(QStringLiteral("budgetTotal"));
    m_totalLabel->setBuddy(m_total);
    bar->addWidget(m_totalLabel);
    bar->addWidget(m_total);
    bar->addStretch();
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #9a3412;"));
    layout->addWidget(m_message);

    m_tiers = new BudgetTierModel(this);
    m_tierTable = new QTableView(this);
    m_tierTable->setModel(m_tiers);
    m_tierTable->verticalHeader()->hide();
    m_tierTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tierTable->setMaximumHeight(130);
    layout->addWidget(m_tierTable);

    m_model = new BudgetModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("budgetAllocations"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto *moveBar = new QHBoxLayout;
    m_moveLabel = new QLabel(this);
    m_tier = new QComboBox(this);
    for (int t = 0; t < TierCount; ++t)
        m_tier->addItem(QString(), t);
    m_move = new QPushButton(this);
    moveBar->addWidget(m_moveLabel);
    moveBar->addWidget(m_tier);
    moveBar->addWidget(m_move);
    moveBar->addStretch();
    layout->addLayout(moveBar);

    connect(m_total, &QLineEdit::editingFinished, this, &BudgetPage::recompute);
    connect(m_move, &QPushButton::clicked, this, &BudgetPage::moveSource);
    retranslate();
}

QString BudgetPage::title() const {
    return tr("Budget");
}

void BudgetPage::setDatabase(storage::Database *db) {
    m_db = db;
    m_facts = {};
    m_stale = true;
    if (isVisible())
        load();
}

void BudgetPage::reload() {
    m_stale = true;
    if (isVisible())
        load();
}

void BudgetPage::showEvent(QShowEvent *event) {
    Page::showEvent(event);
    if (m_stale)
        load();
}

void BudgetPage::load() {
    m_stale = false;
    m_facts = {};
    if (m_db) {
        auto facts = services::loadFacts(*m_db);
        if (facts)
            m_facts = std::move(*facts);
        else
            m_message->setText(facts.error());
    }
    recompute();
}

void BudgetPage::recompute() {
    const Currency currency = AppSettings().currency();
    const auto total = services::parseAmount(m_total->text(), services::currencyDecimals(currency));
    if (!total) {
        m_message->setText(tr("Type the total budget as an amount of money, e.g. 1,000,000."));
        return;
    }
    analytics::BudgetOptions options;
    options.total = *total;
    auto plan = analytics::computeBudget(m_facts, options);
    if (!plan) {
        m_message->setText(plan.error());
        return;
    }
    QStringList warnings;
    for (const auto &w : plan->warnings)
        warnings << QStringLiteral("⚠ ") + analytics::budgetWarningText(w);
    m_message->setText(warnings.join(QLatin1Char('\n')));
    m_model->setPlan(*plan, currency);
    m_tiers->setPlan(*plan, currency);
}

void BudgetPage::moveSource() {
    const QModelIndex current = m_table->currentIndex();
    if (!m_db || !current.isValid())
        return;
    const int index = m_model->index(current.row(), 0).data(BudgetModel::SourceIndexRole).toInt();
    if (index < 0 || std::size_t(index) >= m_facts.sources.size())
        return;
    const Tier tier = static_cast<Tier>(m_tier->currentData().toInt());
    storage::SourceRepository sources(*m_db);
    auto id = sources.resolve(m_facts.sources[std::size_t(index)].name, false);
    if (!id || *id == 0) {
        m_message->setText(id ? tr("The source is no longer in the database.") : id.error());
        return;
    }
    if (Status s = sources.setTier(*id, tier); !s) {
        m_message->setText(s.error());
        return;
    }
    m_facts.sources[std::size_t(index)].tier = tier;
    recompute();
    emit dataChanged();
}

void BudgetPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_stale)
            recompute();
    }
    Page::changeEvent(event);
}

void BudgetPage::retranslate() {
    m_heading->setText(tr("Budget (70-20-10)"));
    m_totalLabel->setText(tr("&Total budget (%1):").arg(currencyKey(AppSettings().currency())));
    m_moveLabel->setText(tr("Move the selected source to:"));
    for (int t = 0; t < TierCount; ++t)
        m_tier->setItemText(t, tierLabel(static_cast<Tier>(t)));
    m_move->setText(tr("Move"));
    m_tiers->retranslate();
    m_model->retranslate();
}

} // namespace mikomi::ui
