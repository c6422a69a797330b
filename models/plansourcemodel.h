#pragma once

#include "models/analytics/planner.h"

#include <QAbstractTableModel>

namespace mikomi {

// The planner's leads per source: reference leads, share, required leads and per month.
class PlanSourceModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Source = 0, ReferenceLeads, Share, Leads, PerMonth, ColumnCount };

    explicit PlanSourceModel(QObject *parent = nullptr);
    void setPlan(const analytics::Plan *plan);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    std::vector<analytics::SourcePlan> m_rows;
    qint64 m_referenceTotal = 0;
    int m_months = 12;
};

} // namespace mikomi
