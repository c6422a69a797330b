#include "ui/budgetpage.h"

#include "models/analytics/budget.h"
#include "models/appsettings.h"
#include "models/budgetmodel.h"
#include "models/campaignmodel.h"
#include "models/commands/spendcommands.h"
#include "models/services/reportinput.h"
#include "models/spendgridmodel.h"
#include "models/storage/repositories.h"
#include "ui/budgetchart.h"
#include "ui/campaigndialog.h"
#include "ui/chartpanel.h"
#include "ui/messagebox.h"
#include "ui/pages.h"
#include "ui/spendgridview.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {

QLabel *messageLabel(QWidget *parent, const QString &name) {
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #9a3412;"));
    return label;
}

QString monthText(qint32 month) {
    return QLocale().toString(QDate(month / 12, month % 12 + 1, 1), QStringLiteral("yyyy-MM"));
}

} // namespace

Page *createBudgetPage(QWidget *parent) {
    return new BudgetPage(parent);
}

BudgetPage::BudgetPage(QWidget *parent)
    : FactsPage(parent) {
    auto *layout = new QVBoxLayout(this);
    m_heading = makeHeading(this);
    layout->addWidget(m_heading);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("budgetTabs"));
    m_tabs->addTab(createPlanTab(), QString());
    m_tabs->addTab(createSpendTab(), QString());
    m_tabs->addTab(createCampaignsTab(), QString());
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &BudgetPage::tabChanged);
    retranslate();
}

QWidget *BudgetPage::createPlanTab() {
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_totalLabel = new QLabel(tab);
    m_total = new QLineEdit(QStringLiteral("1,000,000"), tab);
    m_total->setObjectName(QStringLiteral("budgetTotal"));
    m_totalLabel->setBuddy(m_total);
    bar->addWidget(m_totalLabel);
    bar->addWidget(m_total);
    bar->addSpacing(16);
    m_useWindow = new QCheckBox(tab);
    m_useWindow->setObjectName(QStringLiteral("budgetUseWindow"));
    m_from = new QDateEdit(QDate::currentDate().addYears(-1), tab);
    m_to = new QDateEdit(QDate::currentDate(), tab);
    m_from->setObjectName(QStringLiteral("budgetFrom"));
    m_to->setObjectName(QStringLiteral("budgetTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setEnabled(false);
    }
    bar->addWidget(m_useWindow);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), tab));
    bar->addWidget(m_to);
    bar->addStretch();
    layout->addLayout(bar);
    m_message = messageLabel(tab, QStringLiteral("budgetMessage"));
    layout->addWidget(m_message);

    auto *body = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_tiers = new BudgetTierModel(this);
    m_tierTable = new QTableView(tab);
    m_tierTable->setObjectName(QStringLiteral("budgetTiers"));
    m_tierTable->setModel(m_tiers);
    m_tierTable->verticalHeader()->hide();
    // Every column at its content's width (equal columns cut "¥11,459,…" and "Recommended
    // amount" at 1024 px), the last one taking what is left.
    m_tierTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tierTable->horizontalHeader()->setStretchLastSection(true);
    m_tierTable->setMaximumHeight(130);
    left->addWidget(m_tierTable);

    m_model = new BudgetModel(this);
    m_table = new QTableView(tab);
    m_table->setObjectName(QStringLiteral("budgetAllocations"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    left->addWidget(m_table, 1);

    auto *moveBar = new QHBoxLayout;
    m_moveLabel = new QLabel(tab);
    m_tier = new QComboBox(tab);
    for (int t = 0; t < TierCount; ++t)
        m_tier->addItem(QString(), t);
    m_move = new QPushButton(tab);
    moveBar->addWidget(m_moveLabel);
    moveBar->addWidget(m_tier);
    moveBar->addWidget(m_move);
    moveBar->addStretch();
    left->addLayout(moveBar);
    body->addLayout(left, 3); // the tables' figures and names whole at 1024 px, and the
                              // chart's title and legend
    m_chart = new ChartPanel(tab);
    m_chart->setObjectName(QStringLiteral("budgetTierChart"));
    body->addWidget(m_chart, 2);
    layout->addLayout(body, 1);

    connect(m_total, &QLineEdit::editingFinished, this, &BudgetPage::recompute);
    connect(m_move, &QPushButton::clicked, this, &BudgetPage::moveSource);
    connect(m_useWindow, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        recompute();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &BudgetPage::recompute);
    connect(m_to, &QDateEdit::dateChanged, this, &BudgetPage::recompute);
    return tab;
}

QWidget *BudgetPage::createSpendTab() {
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_monthsLabel = new QLabel(tab);
    m_prev = new QToolButton(tab);
    m_prev->setObjectName(QStringLiteral("spendPrevious"));
    m_prev->setArrowType(Qt::LeftArrow);
    m_firstMonth = new QDateEdit(tab);
    m_firstMonth->setObjectName(QStringLiteral("spendFirstMonth"));
    m_firstMonth->setDisplayFormat(QStringLiteral("yyyy-MM"));
    m_firstMonth->setCalendarPopup(true);
    m_monthsLabel->setBuddy(m_firstMonth);
    m_next = new QToolButton(tab);
    m_next->setObjectName(QStringLiteral("spendNext"));
    m_next->setArrowType(Qt::RightArrow);
    m_range = new QLabel(tab);
    bar->addWidget(m_monthsLabel);
    bar->addWidget(m_prev);
    bar->addWidget(m_firstMonth);
    bar->addWidget(m_next);
    bar->addWidget(m_range);
    bar->addStretch();
    layout->addLayout(bar);
    m_spendHint = new QLabel(tab);
    m_spendHint->setWordWrap(true);
    layout->addWidget(m_spendHint);
    m_spendMessage = messageLabel(tab, QStringLiteral("spendMessage"));
    layout->addWidget(m_spendMessage);

    m_spend = new SpendGridModel(this);
    m_grid = new SpendGridView(tab);
    m_grid->setObjectName(QStringLiteral("spendGrid"));
    m_grid->setModel(m_spend);
    m_grid->setSortingEnabled(true);
    m_grid->horizontalHeader()->setSortIndicator(SpendGridModel::Category, Qt::AscendingOrder);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setMinimumSectionSize(64);
    m_grid->verticalHeader()->hide();
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    layout->addWidget(m_grid, 1);

    m_spend->setEditHandler([this](const QList<SpendCellChange> &changes, const QString &text) {
        pushSpend(changes, text);
    });
    connect(m_spend, &SpendGridModel::spendChanged, this, &BudgetPage::spendWritten);
    connect(m_spend, &SpendGridModel::editRejected, this, &BudgetPage::showSpendError);
    connect(m_grid, &SpendGridView::pasteRequested, this,
            [this](const QModelIndex &, const QString &text) { pasteSpend(text); });
    connect(m_grid, &SpendGridView::clearRequested, this, [this](const QModelIndexList &cells) {
        const auto changes = m_spend->clearChanges(cells);
        if (!changes.isEmpty())
            pushSpend(changes, tr("Clear %n spend cell(s)", nullptr, int(changes.size())));
    });
    connect(m_grid, &SpendGridView::copied, this, [this](int cells) {
        m_spendMessage->setStyleSheet(QString());
        m_spendMessage->setText(tr("Copied %n cell(s) as tab-separated text.", nullptr, cells));
    });
    connect(m_prev, &QToolButton::clicked, this,
            [this] { shiftMonths(-SpendGridModel::MonthCount); });
    connect(m_next, &QToolButton::clicked, this,
            [this] { shiftMonths(SpendGridModel::MonthCount); });
    connect(m_firstMonth, &QDateEdit::dateChanged, this, &BudgetPage::firstMonthEdited);
    showMonthRange();
    return tab;
}

QWidget *BudgetPage::createCampaignsTab() {
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_campaignHint = new QLabel(tab);
    m_campaignHint->setWordWrap(true);
    layout->addWidget(m_campaignHint);
    m_campaignMessage = messageLabel(tab, QStringLiteral("campaignMessage"));
    layout->addWidget(m_campaignMessage);
    m_campaigns = new CampaignModel(this);
    m_campaignProxy = new QSortFilterProxyModel(this);
    m_campaignProxy->setSourceModel(m_campaigns);
    m_campaignProxy->setSortRole(CampaignModel::SortRole);
    m_campaignProxy->setSortLocaleAware(true);
    m_campaignTable = new QTableView(tab);
    m_campaignTable->setObjectName(QStringLiteral("campaignTable"));
    m_campaignTable->setModel(m_campaignProxy);
    m_campaignTable->setSortingEnabled(true);
    m_campaignTable->sortByColumn(-1, Qt::AscendingOrder); // the store's order
    m_campaignTable->verticalHeader()->hide();
    m_campaignTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_campaignTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_campaignTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_campaignTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_campaignTable->horizontalHeader()->setSectionResizeMode(CampaignModel::Name,
                                                              QHeaderView::Stretch);
    layout->addWidget(m_campaignTable, 1);
    m_campaignSummary = new QLabel(tab);
    m_campaignSummary->setObjectName(QStringLiteral("campaignSummary"));
    m_campaignSummary->setWordWrap(true);
    layout->addWidget(m_campaignSummary);
    auto *buttons = new QHBoxLayout;
    m_addCampaign = new QPushButton(tab);
    m_editCampaign = new QPushButton(tab);
    m_deleteCampaign = new QPushButton(tab);
    buttons->addWidget(m_addCampaign);
    buttons->addWidget(m_editCampaign);
    buttons->addWidget(m_deleteCampaign);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_addCampaign, &QPushButton::clicked, this, &BudgetPage::newCampaign);
    connect(m_editCampaign, &QPushButton::clicked, this, &BudgetPage::editSelectedCampaign);
    connect(m_deleteCampaign, &QPushButton::clicked, this, &BudgetPage::deleteSelectedCampaign);
    connect(m_campaignTable, &QTableView::doubleClicked, this, &BudgetPage::editSelectedCampaign);
    return tab;
}

QString BudgetPage::title() const {
    return tr("Budget");
}

void BudgetPage::showTab(Tab tab) {
    m_tabs->setCurrentIndex(int(tab));
}

void BudgetPage::showEvent(QShowEvent *event) {
    const bool stale = isStale();
    FactsPage::showEvent(event); // loads everything when stale
    if (!stale && m_factsStale && m_tabs->currentIndex() == PlanTab)
        loadFacts();
}

storage::DataKinds BudgetPage::shownKinds() const {
    // While shown, the page's own spend and campaign edits are already on screen (the grid and
    // the table update in place, the plan reads the facts again): reading everything again
    // would reset the grid under the cell being edited. Everything else, and any change while
    // hidden, is read again.
    if (isVisible())
        return storage::kAllDataKinds &
               ~(storage::DataKinds(storage::DataKind::Spend) | storage::DataKind::Campaigns);
    return storage::kAllDataKinds;
}

void BudgetPage::tabChanged(int index) {
    if (index == PlanTab && m_factsStale && !isStale())
        loadFacts();
}

void BudgetPage::load() {
    const Currency currency = AppSettings().currency();
    m_spend->setCurrency(currency);
    m_campaigns->setCurrency(currency);
    m_spend->setDatabase(database());
    if (Status s = m_spend->reload(); !s)
        showSpendError(s.error());
    m_spend->sort(m_grid->horizontalHeader()->sortIndicatorSection(),
                  m_grid->horizontalHeader()->sortIndicatorOrder());
    m_campaigns->setDatabase(database());
    if (Status s = m_campaigns->reload(); !s)
        m_campaignMessage->setText(s.error());
    m_campaignSummary->setText(m_campaigns->summary());
    FactsPage::load();
}

void BudgetPage::loadFacts() {
    m_factsStale = false;
    m_message->clear();
    FactsPage::loadFacts();
}

void BudgetPage::showLoadError(const QString &message) {
    m_message->setText(message);
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
    if (m_useWindow->isChecked()) {
        options.window.from = m_from->date();
        options.window.to = m_to->date();
    }
    auto plan = analytics::computeBudget(facts(), options);
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
    m_chart->setChart(budgetcharts::tierSplit(*m_tiers));
}

void BudgetPage::moveSource() {
    const QModelIndex current = m_table->currentIndex();
    if (!database() || !current.isValid())
        return;
    const int index = m_model->index(current.row(), 0).data(BudgetModel::SourceIndexRole).toInt();
    if (index < 0 || std::size_t(index) >= facts().sources.size())
        return;
    const Tier tier = static_cast<Tier>(m_tier->currentData().toInt());
    storage::SourceRepository sources(*database());
    auto id = sources.resolve(facts().sources[std::size_t(index)].name, false);
    if (!id || *id == 0) {
        m_message->setText(id ? tr("The source is no longer in the database.") : id.error());
        return;
    }
    if (Status s = sources.setTier(*id, tier); !s) {
        m_message->setText(s.error());
        return;
    }
    facts().sources[std::size_t(index)].tier = tier;
    recompute();
    emit dataChanged();
}

// ---------------------------------------------------------------- spend

void BudgetPage::pushSpend(const QList<SpendCellChange> &changes, const QString &text) {
    m_lastError.clear();
    const auto onError = [this](const QString &message) { showSpendError(message); };
    if (undoStack()) {
        undoStack()->push(new commands::SpendCellsCommand(m_spend, changes, text, onError));
    } else if (Status s = m_spend->apply(changes); !s) {
        onError(s.error());
    }
}

bool BudgetPage::pasteSpend(const QString &text) {
    if (!database())
        return false;
    QModelIndex at = m_grid->currentIndex();
    if (!at.isValid() && m_spend->sourceCount() > 0)
        at = m_spend->index(0, SpendGridModel::FirstMonth);
    auto changes = m_spend->pasteChanges(at, text);
    if (!changes) {
        showSpendError(changes.error() + QLatin1Char(' ') + tr("Nothing was pasted."));
        return false;
    }
    if (changes->isEmpty()) {
        m_spendMessage->setStyleSheet(QString());
        m_spendMessage->setText(tr("The pasted values are already in the grid."));
        return false;
    }
    const int count = int(changes->size());
    pushSpend(*changes, tr("Paste %n spend cell(s)", nullptr, count));
    if (!m_lastError.isEmpty())
        return false;
    m_spendMessage->setStyleSheet(QString());
    m_spendMessage->setText(tr("Pasted %n cell(s).", nullptr, count));
    return true;
}

void BudgetPage::showSpendError(const QString &message) {
    m_lastError = message;
    m_spendMessage->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    m_spendMessage->setText(message);
}

void BudgetPage::spendWritten() {
    m_factsStale = true;
    if (m_tabs->currentIndex() == PlanTab && isVisible())
        loadFacts();
    emit dataChanged();
}

void BudgetPage::shiftMonths(int months) {
    const qint32 first = m_spend->firstMonth() + months;
    m_firstMonth->setDate(QDate(first / 12, first % 12 + 1, 1)); // → firstMonthEdited
}

void BudgetPage::firstMonthEdited() {
    const QDate d = m_firstMonth->date();
    if (Status s = m_spend->setFirstMonth(analytics::monthNumber(d.year(), d.month())); !s)
        showSpendError(s.error());
    m_spend->sort(m_grid->horizontalHeader()->sortIndicatorSection(),
                  m_grid->horizontalHeader()->sortIndicatorOrder());
    showMonthRange();
}

void BudgetPage::showMonthRange() {
    const qint32 first = m_spend->firstMonth();
    const QSignalBlocker block(m_firstMonth);
    m_firstMonth->setDate(QDate(first / 12, first % 12 + 1, 1));
    m_range->setText(tr("to %1").arg(monthText(first + SpendGridModel::MonthCount - 1)));
}

// ---------------------------------------------------------------- campaigns

bool BudgetPage::pushCampaign(int kind, const Campaign &before, const Campaign &after) {
    if (!database())
        return false;
    m_lastError.clear();
    m_campaignMessage->clear();
    auto *cmd = new commands::CampaignCommand(
        *database(), static_cast<commands::CampaignCommand::Kind>(kind), before, after,
        [this](qint64 select) { campaignsChanged(select); },
        [this](const QString &message) {
            m_lastError = message;
            m_campaignMessage->setText(message);
        });
    commands::push(undoStack(), cmd);
    return m_lastError.isEmpty();
}

bool BudgetPage::addCampaign(const Campaign &campaign) {
    Campaign c = campaign;
    c.id = 0;
    return pushCampaign(int(commands::CampaignCommand::Kind::Add), Campaign(), c);
}

bool BudgetPage::editCampaign(const Campaign &before, const Campaign &after) {
    return pushCampaign(int(commands::CampaignCommand::Kind::Edit), before, after);
}

bool BudgetPage::deleteCampaign(qint64 id) {
    const int row = m_campaigns->rowOf(id);
    if (row < 0)
        return false;
    const Campaign c = m_campaigns->campaigns().at(row);
    return pushCampaign(int(commands::CampaignCommand::Kind::Delete), c, Campaign());
}

void BudgetPage::campaignsChanged(qint64 select) {
    if (Status s = m_campaigns->reload(); !s)
        m_campaignMessage->setText(s.error());
    m_campaignSummary->setText(m_campaigns->summary());
    const int row = m_campaigns->rowOf(select);
    if (row >= 0)
        m_campaignTable->selectRow(
            m_campaignProxy->mapFromSource(m_campaigns->index(row, 0)).row());
    emit dataChanged();
}

qint64 BudgetPage::selectedCampaignId() const {
    const QModelIndex current = m_campaignTable->currentIndex();
    if (!current.isValid() || !m_campaignTable->selectionModel()->isRowSelected(current.row()))
        return 0;
    return current.data(CampaignModel::IdRole).toLongLong();
}

void BudgetPage::newCampaign() {
    if (!database())
        return;
    storage::SourceRepository repo(*database());
    auto sources = repo.list(storage::SourceRepository::LeadCounts::NotCounted);
    if (!sources) {
        m_campaignMessage->setText(sources.error());
        return;
    }
    QStringList names;
    for (const Source &s : *sources)
        names << s.name;
    CampaignDialog dialog(Campaign(), names, AppSettings().currency(), this);
    if (dialog.exec() == QDialog::Accepted)
        addCampaign(dialog.campaign());
}

void BudgetPage::editSelectedCampaign() {
    const qint64 id = selectedCampaignId();
    const int row = m_campaigns->rowOf(id);
    if (!database() || row < 0) {
        m_campaignMessage->setText(tr("Select the campaign to edit."));
        return;
    }
    storage::SourceRepository repo(*database());
    auto sources = repo.list(storage::SourceRepository::LeadCounts::NotCounted);
    if (!sources) {
        m_campaignMessage->setText(sources.error());
        return;
    }
    QStringList names;
    for (const Source &s : *sources)
        names << s.name;
    const Campaign before = m_campaigns->campaigns().at(row);
    CampaignDialog dialog(before, names, AppSettings().currency(), this);
    if (dialog.exec() == QDialog::Accepted)
        editCampaign(before, dialog.campaign());
}

void BudgetPage::deleteSelectedCampaign() {
    const qint64 id = selectedCampaignId();
    const int row = m_campaigns->rowOf(id);
    if (row < 0) {
        m_campaignMessage->setText(tr("Select the campaign to delete."));
        return;
    }
    const QString name = m_campaigns->campaigns().at(row).name;
    if (MessageBox::question(this, tr("Delete campaign"),
                             tr("Delete the campaign \"%1\"? You can undo this.").arg(name)) !=
        QMessageBox::Yes)
        return;
    deleteCampaign(id);
}

// ---------------------------------------------------------------- language

void BudgetPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        // Messages of the last action are in the old language: drop them.
        m_spendMessage->clear();
        m_campaignMessage->clear();
    }
    FactsPage::changeEvent(event); // retranslates and recomputes
}

void BudgetPage::retranslate() {
    m_heading->setText(tr("Budget (70-20-10)"));
    m_tabs->setTabText(PlanTab, tr("Budget plan"));
    m_tabs->setTabText(SpendTab, tr("Spend"));
    m_tabs->setTabText(CampaignsTab, tr("Campaigns"));
    const QString currency = currencyKey(AppSettings().currency());
    m_totalLabel->setText(tr("&Total budget (%1):").arg(currency));
    m_useWindow->setText(tr("Leads and spend from"));
    m_moveLabel->setText(tr("Move the selected source to:"));
    for (int t = 0; t < TierCount; ++t)
        m_tier->setItemText(t, tierLabel(static_cast<Tier>(t)));
    m_move->setText(tr("Move"));
    m_tiers->retranslate();
    m_model->retranslate();

    m_monthsLabel->setText(tr("&Months from"));
    m_prev->setToolTip(tr("Previous 12 months"));
    m_next->setToolTip(tr("Next 12 months"));
    m_spendHint->setText(
        tr("Spend per source and month in %1. Type an amount in a cell, or paste cells copied "
           "from a spreadsheet with Ctrl+V; Ctrl+C copies the selection, Delete clears it. Every "
           "change is saved at once and can be undone.")
            .arg(currency));
    showMonthRange();
    m_spend->retranslate();

    m_campaignHint->setText(
        tr("Campaigns with their budgeted and actual cost (%1). Double-click a campaign to edit "
           "it.")
            .arg(currency));
    m_addCampaign->setText(tr("&Add campaign…"));
    m_editCampaign->setText(tr("&Edit…"));
    m_deleteCampaign->setText(tr("&Delete"));
    m_campaigns->retranslate();
    m_campaignSummary->setText(m_campaigns->summary());
}

} // namespace mikomi::ui
