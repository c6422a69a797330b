#pragma once

#include "models/analytics/facts.h"
#include "models/domain/lead.h"
#include "ui/factspage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolButton;

namespace mikomi {
class BudgetModel;
class BudgetTierModel;
class CampaignModel;
class SpendGridModel;
struct SpendCellChange;
} // namespace mikomi

namespace mikomi::ui {

class ChartPanel;
class SpendGridView;

// The budget, in three tabs:
// - Budget plan (70-20-10): a total and a window; the split by tier against the actual spend
//   (table and chart), the recommended amount per source, moving a source to another tier
//   (recomputed at once).
// - Spend: a grid of sources × twelve months (prev/next), edited in place or pasted from a
//   spreadsheet; every edit or paste is one undo step on the window's undo stack.
// - Campaigns: name, source, dates, budget against actual cost; add, edit, delete (undoable).
class BudgetPage final : public FactsPage {
    Q_OBJECT
public:
    enum Tab { PlanTab = 0, SpendTab, CampaignsTab };

    explicit BudgetPage(QWidget *parent = nullptr);
    QString title() const override;

    void showTab(Tab tab);
    // Pastes tab-separated text at the spend grid's current cell (what Ctrl+V does): one undo
    // step, or nothing at all with the reason shown. True when something was pasted.
    bool pasteSpend(const QString &text);
    // Campaign edits as the dialogs make them (undoable). True when stored.
    bool addCampaign(const Campaign &campaign);
    bool editCampaign(const Campaign &before, const Campaign &after);
    bool deleteCampaign(qint64 id);

protected:
    void showEvent(QShowEvent *event) override;
    storage::DataKinds shownKinds() const override;
    void changeEvent(QEvent *event) override;
    void load() override;
    void loadFacts() override;
    void recompute() override;
    void retranslate() override;
    void showLoadError(const QString &message) override;

private:
    QWidget *createPlanTab();
    QWidget *createSpendTab();
    QWidget *createCampaignsTab();
    void moveSource();
    void tabChanged(int index);
    // Spend tab
    void pushSpend(const QList<SpendCellChange> &changes, const QString &text);
    void shiftMonths(int months);
    void firstMonthEdited();
    void showMonthRange();
    void spendWritten();
    void showSpendError(const QString &message);
    // Campaigns tab
    bool pushCampaign(int kind, const Campaign &before, const Campaign &after);
    void newCampaign();
    void editSelectedCampaign();
    void deleteSelectedCampaign();
    qint64 selectedCampaignId() const;
    void campaignsChanged(qint64 select);

    bool m_factsStale = true; // the plan's facts (spend was written)
    QString m_lastError;
    QTabWidget *m_tabs = nullptr;

    // Budget plan
    QLabel *m_heading = nullptr;
    QLabel *m_totalLabel = nullptr;
    QLineEdit *m_total = nullptr;
    QCheckBox *m_useWindow = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_tierTable = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_moveLabel = nullptr;
    QComboBox *m_tier = nullptr;
    QPushButton *m_move = nullptr;
    ChartPanel *m_chart = nullptr;
    BudgetModel *m_model = nullptr;
    BudgetTierModel *m_tiers = nullptr;

    // Spend
    QLabel *m_monthsLabel = nullptr;
    QToolButton *m_prev = nullptr;
    QDateEdit *m_firstMonth = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_range = nullptr;
    QLabel *m_spendHint = nullptr;
    QLabel *m_spendMessage = nullptr;
    SpendGridView *m_grid = nullptr;
    SpendGridModel *m_spend = nullptr;

    // Campaigns
    QLabel *m_campaignHint = nullptr;
    QTableView *m_campaignTable = nullptr;
    CampaignModel *m_campaigns = nullptr;
    QSortFilterProxyModel *m_campaignProxy = nullptr;
    QPushButton *m_addCampaign = nullptr;
    QPushButton *m_editCampaign = nullptr;
    QPushButton *m_deleteCampaign = nullptr;
    QLabel *m_campaignSummary = nullptr;
    QLabel *m_campaignMessage = nullptr;
};

} // namespace mikomi::ui
