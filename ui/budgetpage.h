#pragma once

#include "models/analytics/facts.h"
#include "ui/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mikomi {
class BudgetModel;
class BudgetTierModel;
} // namespace mikomi

namespace mikomi::ui {

// The 70-20-10 budget: a total, the split by tier against the actual spend, the recommended
// amount per source, and moving a source to another tier (recomputed at once).
class BudgetPage final : public Page {
    Q_OBJECT
public:
    explicit BudgetPage(QWidget *parent = nullptr);
    QString title() const override;
    void setDatabase(storage::Database *db) override;
    void reload() override;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void load();
    void recompute();
    void moveSource();
    void retranslate();

    storage::Database *m_db = nullptr;
    analytics::Facts m_facts;
    bool m_stale = true;
    QLabel *m_heading = nullptr;
    QLabel *m_totalLabel = nullptr;
    QLineEdit *m_total = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_tierTable = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_moveLabel = nullptr;
    QComboBox *m_tier = nullptr;
    QPushButton *m_move = nullptr;
    BudgetModel *m_model = nullptr;
    BudgetTierModel *m_tiers = nullptr;
};

} // namespace mikomi::ui
