#include "models/budgetmodel.h"

#include <QCoreApplication>
#include <QLocale>

namespace mikomi {
namespace {

QString percent(double v) {
    return QLocale().toString(v * 100, 'f', 1) + QStringLiteral("%");
}

QVariant alignment(bool right) {
    return right ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

BudgetModel::BudgetModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void BudgetModel::setPlan(const analytics::BudgetPlan &plan, Currency currency) {
    beginResetModel();
    m_plan = plan;
    m_currency = currency;
    endResetModel();
}

void BudgetModel::retranslate() {
    if (!m_plan.allocations.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int BudgetModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_plan.allocations.size());
}

int BudgetModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const analytics::Allocation &a = m_plan.allocations[std::size_t(index.row())];
    // No std::optional here: GCC 12 at -O3 reports a false -Wmaybe-uninitialized on it.
    const bool hasShare = m_plan.total > 0;
    const double share = hasShare ? double(a.amount) / double(m_plan.total) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Source:
            return a.source;
        case Tier:
            return tierLabel(a.tier);
        case Amount:
            return formatMoney(a.amount, m_currency);
        case ShareOfTotal:
            return hasShare ? percent(share) : QStringLiteral("—");
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Source:
            return a.source;
        case Tier:
            return int(a.tier);
        case Amount:
            return a.amount;
        case ShareOfTotal:
            return hasShare ? QVariant(share) : QVariant();
        }
        return {};
    case SourceIndexRole:
        return a.sourceIndex;
    case TierRole:
        return int(a.tier);
    case Qt::TextAlignmentRole:
        return alignment(index.column() >= Amount);
    default:
        return {};
    }
}

QVariant BudgetModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Source"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Tier"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Recommended amount"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Share of total")};
    return QCoreApplication::translate("mikomi::BudgetModel", titles[section]);
}

BudgetTierModel::BudgetTierModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void BudgetTierModel::setPlan(const analytics::BudgetPlan &plan, Currency currency) {
    beginResetModel();
    m_plan = plan;
    m_currency = currency;
    endResetModel();
}

void BudgetTierModel::retranslate() {
    if (!m_plan.tiers.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int BudgetTierModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_plan.tiers.size());
}

int BudgetTierModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetTierModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const analytics::TierBudget &t = m_plan.tiers[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return alignment(index.column() != Tier);
    if (role == Qt::ToolTipRole && t.unallocated > 0)
        return tr("No source is in this tier: its amount is not allocated.");
    if (role == TierRole)
        return int(t.tier);
    if (role == ValueRole) {
        switch (index.column()) {
        case TargetShare:
            return t.targetShare;
        case Amount:
            return t.amount;
        case Spend:
            return t.spend;
        case ActualShare:
            return t.actualShare ? QVariant(*t.actualShare) : QVariant();
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Tier:
        return tierLabel(t.tier);
    case TargetShare:
        return percent(t.targetShare);
    case Amount:
        return formatMoney(t.amount, m_currency);
    case Spend:
        return formatMoney(t.spend, m_currency);
    case ActualShare:
        return t.actualShare ? percent(*t.actualShare) : QStringLiteral("—");
    }
    return {};
}

QVariant BudgetTierModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Tier"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Target share"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Amount"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Actual spend"),
        QT_TRANSLATE_NOOP("mikomi::BudgetModel", "Actual share")};
    return QCoreApplication::translate("mikomi::BudgetModel", titles[section]);
}

} // namespace mikomi
