#include "models/sourcelistmodel.h"

#include "models/domain/sourcedictionary.h"
#include "models/storage/repositories.h"

#include <QFont>
#include <QLocale>

namespace mikomi {

SourceListModel::SourceListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void SourceListModel::setDatabase(storage::Database *db) {
    beginResetModel();
    m_db = db;
    m_sources.clear();
    endResetModel();
}

Status SourceListModel::reload() {
    if (!m_db) {
        setSources({});
        return {};
    }
    auto list = read(*m_db);
    setSources(list ? *list : QList<Source>());
    return list ? Status() : Status(Error{list.error()});
}

Result<QList<Source>> SourceListModel::read(storage::Database &db) {
    return storage::SourceRepository(db).list();
}

void SourceListModel::setSources(QList<Source> sources) {
    beginResetModel();
    m_sources = std::move(sources);
    endResetModel();
}

int SourceListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourceListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Source &s = m_sources.at(index.row());
    // A category the dictionary set when the source was stored waits for a person to confirm
    // it; otherwise the dictionary may suggest another one.
    const auto suggested =
        s.suggested ? std::optional<SourceCategory>(s.category) : sources::suggestCategory(s.name);
    const bool offer = suggested && (s.suggested || *suggested != s.category);
    if (role == IdRole)
        return s.id;
    if (role == SuggestedCategoryRole)
        return offer ? QVariant(int(*suggested)) : QVariant();
    if (role == Qt::FontRole && index.column() == Category && s.suggested) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return s.name;
        break;
    case Category:
        if (role == Qt::DisplayRole)
            return categoryLabel(s.category);
        if (role == Qt::EditRole)
            return int(s.category);
        break;
    case Tier:
        if (role == Qt::DisplayRole)
            return tierLabel(s.tier);
        if (role == Qt::EditRole)
            return int(s.tier);
        break;
    case Leads:
        if (role == Qt::DisplayRole)
            return QLocale().toString(s.leadCount);
        if (role == Qt::EditRole)
            return s.leadCount;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Suggested:
        if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && s.suggested)
            return role == Qt::DisplayRole
                       ? tr("%1 (to confirm)").arg(categoryLabel(s.category))
                       : tr("Set from the built-in dictionary when \"%1\" was first stored. "
                            "Double-click to confirm, or choose another category.")
                             .arg(s.name);
        if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && offer)
            return role == Qt::DisplayRole
                       ? categoryLabel(*suggested)
                       : tr("The dictionary suggests %1 for \"%2\". Double-click to accept.")
                             .arg(categoryLabel(*suggested), s.name);
        break;
    case Aliases:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return s.aliases.join(QStringLiteral(", "));
        break;
    default:
        break;
    }
    return {};
}

QVariant SourceListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Source");
    case Category:
        return tr("Category");
    case Tier:
        return tr("Tier");
    case Leads:
        return tr("Leads");
    case Suggested:
        return tr("Suggested category");
    case Aliases:
        return tr("Aliases");
    default:
        return {};
    }
}

Qt::ItemFlags SourceListModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Category || index.column() == Tier))
        f |= Qt::ItemIsEditable;
    return f;
}

bool SourceListModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!m_db || role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Source &s = m_sources[index.row()];
    bool ok = false;
    const int v = value.toInt(&ok);
    if (!ok)
        return false;
    storage::SourceRepository repo(*m_db);
    Status st;
    const int before = index.column() == Category ? int(s.category) : int(s.tier);
    if (index.column() == Category && v >= 0 && v < SourceCategoryCount) {
        st = repo.setCategory(s.id, static_cast<SourceCategory>(v));
        if (st) {
            s.category = static_cast<SourceCategory>(v);
            s.suggested = false;
        }
    } else if (index.column() == Tier && v >= 0 && v < TierCount) {
        st = repo.setTier(s.id, static_cast<mikomi::Tier>(v));
        if (st) {
            s.tier = static_cast<mikomi::Tier>(v);
            s.suggested = false;
        }
    } else {
        return false;
    }
    if (!st) {
        emit errorOccurred(st.error());
        return false;
    }
    emit dataChanged(this->index(index.row(), Category), this->index(index.row(), Suggested));
    if (before != v)
        emit valueEdited(s.id, s.name, index.column(), before, v);
    return true;
}

int SourceListModel::rowOf(qint64 id) const {
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).id == id)
            return i;
    }
    return -1;
}

Status SourceListModel::acceptSuggestion(int row) {
    if (row < 0 || row >= m_sources.size())
        return {};
    const QVariant s = data(index(row, Category), SuggestedCategoryRole);
    if (!s.isValid())
        return {};
    Source &source = m_sources[row];
    if (source.suggested && s.toInt() == int(source.category)) { // confirm it as it is
        if (!m_db)
            return {};
        if (Status st = storage::SourceRepository(*m_db).confirm(source.id); !st)
            return st;
        source.suggested = false;
        emit dataChanged(index(row, Category), index(row, Suggested));
        return {};
    }
    if (!setData(index(row, Category), s, Qt::EditRole))
        return Error{tr("The category could not be changed.")};
    return {};
}

void SourceListModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_sources.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace mikomi
