#include "models/plansourcemodel.h"

#include <QCoreApplication>
#include <QLocale>

namespace mikomi {

PlanSourceModel::PlanSourceModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void PlanSourceModel::setPlan(const analytics::Plan *plan) {
    beginResetModel();
    m_rows = plan ? plan->perSource : std::vector<analytics::SourcePlan>();
    m_referenceTotal = 0;
    for (const auto &r : m_rows)
        m_referenceTotal += r.referenceLeads;
    m_months = plan ? plan->months : 12;
    endResetModel();
}

void PlanSourceModel::retranslate() {
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int PlanSourceModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlanSourceModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanSourceModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const analytics::SourcePlan &r = m_rows[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Source ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Source:
        return r.source;
    case ReferenceLeads:
        return locale.toString(r.referenceLeads);
    case Share:
        if (m_referenceTotal == 0)
            return QStringLiteral("—");
        return QString(
            locale.toString(100.0 * double(r.referenceLeads) / double(m_referenceTotal), 'f', 1) +
            QStringLiteral("%"));
    case Leads:
        return locale.toString(r.lead);
    case PerMonth:
        return locale.toString((r.lead + m_months - 1) / m_months);
    }
    return {};
}

QVariant PlanSourceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::PlanSourceModel", "Source"),
        QT_TRANSLATE_NOOP("mikomi::PlanSourceModel", "Reference leads"),
        QT_TRANSLATE_NOOP("mikomi::PlanSourceModel", "Share"),
        QT_TRANSLATE_NOOP("mikomi::PlanSourceModel", "Leads needed"),
        QT_TRANSLATE_NOOP("mikomi::PlanSourceModel", "Per month")};
    return QCoreApplication::translate("mikomi::PlanSourceModel", titles[section]);
}

} // namespace mikomi
