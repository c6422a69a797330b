#pragma once

#include "models/analytics/planner.h"

#include <QAbstractTableModel>

namespace mikomi {

// The planner's funnel: one row per stage (lead, MQL, SQL, opportunity, customer) with the
// reference count, the historical rate into the stage, and the required total and per month.
class PlannerModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Stage = 0, Reference, Rate, Required, PerMonth, ColumnCount };

    explicit PlannerModel(QObject *parent = nullptr);
    // An empty plan (no rows) when `plan` is nullptr.
    void setPlan(const analytics::Plan *plan);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    std::optional<analytics::Plan> m_plan;
};

} // namespace mikomi
