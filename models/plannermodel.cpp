#include "models/plannermodel.h"

#include <QCoreApplication>
#include <QLocale>

namespace mikomi {
namespace {

qint64 countOf(const analytics::PlanCounts &c, int row) {
    switch (row) {
    case 0:
        return c.lead;
    case 1:
        return c.mql;
    case 2:
        return c.sql;
    case 3:
        return c.opportunity;
    default:
        return c.customer;
    }
}

} // namespace

PlannerModel::PlannerModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void PlannerModel::setPlan(const analytics::Plan *plan) {
    beginResetModel();
    m_plan = plan ? std::optional<analytics::Plan>(*plan) : std::nullopt;
    endResetModel();
}

void PlannerModel::retranslate() {
    if (m_plan)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int PlannerModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() || !m_plan ? 0 : StageCount;
}

int PlannerModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlannerModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (role == Qt::TextAlignmentRole)
        return index.column() == Stage ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    const analytics::PlanRates &r = m_plan->rates;
    switch (index.column()) {
    case Stage:
        return row == 0 ? QCoreApplication::translate("mikomi::PlannerModel", "Leads")
                        : stageLabel(static_cast<mikomi::Stage>(row));
    case Reference:
        return locale.toString(countOf(m_plan->reference, row));
    case Rate: {
        const double rates[StageCount] = {0, r.leadToMql, r.mqlToSql, r.sqlToOpportunity,
                                          r.opportunityToCustomer};
        if (row == 0)
            return QStringLiteral("—");
        return QString(locale.toString(rates[row] * 100, 'f', 1) + QStringLiteral("%"));
    }
    case Required:
        return locale.toString(countOf(m_plan->required, row));
    case PerMonth:
        return locale.toString(countOf(m_plan->perMonth, row));
    }
    return {};
}

QVariant PlannerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::PlannerModel", "Stage"),
        QT_TRANSLATE_NOOP("mikomi::PlannerModel", "Reference period"),
        QT_TRANSLATE_NOOP("mikomi::PlannerModel", "Historical rate"),
        QT_TRANSLATE_NOOP("mikomi::PlannerModel", "Required"),
        QT_TRANSLATE_NOOP("mikomi::PlannerModel", "Per month")};
    return QCoreApplication::translate("mikomi::PlannerModel", titles[section]);
}

} // namespace mikomi
