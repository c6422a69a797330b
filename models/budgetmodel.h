#pragma once

#include "models/analytics/budget.h"
#include "models/domain/money.h"

#include <QAbstractTableModel>

namespace mikomi {

// The recommended allocation of a 70-20-10 budget: one row per source.
class BudgetModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Source = 0, Tier, Amount, ShareOfTotal, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, SourceIndexRole, TierRole };

    explicit BudgetModel(QObject *parent = nullptr);
    void setPlan(const analytics::BudgetPlan &plan, Currency currency);
    const analytics::BudgetPlan &plan() const { return m_plan; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    analytics::BudgetPlan m_plan;
    Currency m_currency = Currency::JPY;
};

// The three tiers of a budget: target share and amount, actual spend and share.
class BudgetTierModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Tier = 0, TargetShare, Amount, Spend, ActualShare, ColumnCount };
    // ValueRole: the number behind a cell: shares as fractions (0.7), amounts as minor units;
    // null for an actual share without spend. TierRole: the tier (int) of the row.
    enum Role { ValueRole = Qt::UserRole + 1, TierRole };

    explicit BudgetTierModel(QObject *parent = nullptr);
    void setPlan(const analytics::BudgetPlan &plan, Currency currency);
    const analytics::BudgetPlan &plan() const { return m_plan; }
    Currency currency() const { return m_currency; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    analytics::BudgetPlan m_plan;
    Currency m_currency = Currency::JPY;
};

} // namespace mikomi
