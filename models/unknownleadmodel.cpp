#include "models/unknownleadmodel.h"

#include "models/domain/lead.h"

#include <QLocale>

namespace mikomi {

UnknownLeadModel::UnknownLeadModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void UnknownLeadModel::setDatabase(storage::Database *db) {
    beginResetModel();
    m_db = db;
    m_leads.clear();
    m_audit = {};
    endResetModel();
}

Status UnknownLeadModel::reload() {
    if (!m_db) {
        setRows({});
        return {};
    }
    auto rows = read(*m_db, m_limit);
    setRows(rows ? *rows : Rows());
    return rows ? Status() : Status(Error{rows.error()});
}

Result<UnknownLeadModel::Rows> UnknownLeadModel::read(storage::Database &db, int limit) {
    storage::SourceAdmin admin(db);
    auto audit = admin.unknownAudit();
    if (!audit)
        return Error{audit.error()};
    auto leads = admin.unknownLeads(limit);
    if (!leads)
        return Error{leads.error()};
    return Rows{*audit, *leads};
}

void UnknownLeadModel::setRows(Rows rows) {
    beginResetModel();
    m_audit = rows.audit;
    m_leads = std::move(rows.leads);
    endResetModel();
}

qint64 UnknownLeadModel::leadId(int row) const {
    return row >= 0 && row < m_leads.size() ? m_leads.at(row).id : 0;
}

void UnknownLeadModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_leads.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int UnknownLeadModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_leads.size());
}

int UnknownLeadModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnknownLeadModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::LeadBrief &b = m_leads.at(index.row());
    if (role == IdRole)
        return b.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Company:
        return b.company;
    case Name: {
        Lead l;
        l.familyName = b.familyName;
        l.givenName = b.givenName;
        return l.displayName(QLocale().language() == QLocale::Japanese);
    }
    case Source:
        return b.source.isEmpty() ? tr("(none)") : b.source;
    case Created:
        return QLocale().toString(b.createdAt.date(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant UnknownLeadModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Company:
        return tr("Company");
    case Name:
        return tr("Name");
    case Source:
        return tr("Recorded source");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace mikomi
