#include "models/followupmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace mikomi {

FollowUpModel::FollowUpModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void FollowUpModel::setDatabase(storage::Database *db) {
    beginResetModel();
    m_db = db;
    m_tasks.clear();
    endResetModel();
}

QDateTime FollowUpModel::now() const {
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

Status FollowUpModel::reload() {
    beginResetModel();
    m_tasks.clear();
    Status status;
    if (m_db) {
        auto list = storage::FollowUpRepository(*m_db).open(m_owner, m_limit);
        if (list)
            m_tasks = *list;
        else
            status = Error{list.error()};
    }
    endResetModel();
    return status;
}

void FollowUpModel::setTasks(QList<storage::FollowUp> tasks) {
    beginResetModel();
    m_tasks = std::move(tasks);
    endResetModel();
}

qint64 FollowUpModel::taskId(int row) const {
    return row >= 0 && row < m_tasks.size() ? m_tasks.at(row).id : 0;
}

QDateTime FollowUpModel::dueAt(int row) const {
    return row >= 0 && row < m_tasks.size() ? m_tasks.at(row).dueAt : QDateTime();
}

qint64 FollowUpModel::overdueCount() const {
    const QDateTime n = now();
    qint64 count = 0;
    for (const auto &t : m_tasks) {
        if (t.dueAt < n)
            ++count;
    }
    return count;
}

void FollowUpModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_tasks.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int FollowUpModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int FollowUpModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FollowUpModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::FollowUp &t = m_tasks.at(index.row());
    const bool overdue = t.dueAt < now();
    switch (role) {
    case IdRole:
        return t.id;
    case LeadIdRole:
        return t.leadId;
    case OverdueRole:
        return overdue;
    case Qt::ForegroundRole:
        return overdue ? QVariant(QBrush(QColor(0xc6, 0x28, 0x28))) : QVariant();
    case Qt::ToolTipRole:
        return overdue
                   ? tr("Overdue: due %1").arg(QLocale().toString(t.dueAt, QLocale::ShortFormat))
                   : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Due:
        return QLocale().toString(t.dueAt, QLocale::ShortFormat);
    case Lead: {
        mikomi::Lead l;
        l.familyName = t.familyName;
        l.givenName = t.givenName;
        return l.displayName(QLocale().language() == QLocale::Japanese);
    }
    case Company:
        return t.company;
    case Source:
        return t.source;
    case Task:
        return t.title;
    case Owner:
        return t.owner;
    default:
        return {};
    }
}

QVariant FollowUpModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Due:
        return tr("Due");
    case Lead:
        return tr("Lead");
    case Company:
        return tr("Company");
    case Source:
        return tr("Source");
    case Task:
        return tr("Follow-up");
    case Owner:
        return tr("Owner");
    default:
        return {};
    }
}

} // namespace mikomi
