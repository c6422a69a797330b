#include "models/leadtablemodel.h"

#include "models/storage/database.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QScopedValueRollback>

namespace mikomi {
namespace {

storage::LeadSort sortFor(int column) {
    switch (column) {
    case LeadTableModel::Company:
        return storage::LeadSort::Company;
    case LeadTableModel::Person:
        return storage::LeadSort::Person;
    case LeadTableModel::Reading:
        return storage::LeadSort::Reading;
    case LeadTableModel::Stage:
        return storage::LeadSort::Stage;
    case LeadTableModel::Temperature:
        return storage::LeadSort::Temperature;
    case LeadTableModel::Source:
        return storage::LeadSort::Source;
    case LeadTableModel::Owner:
        return storage::LeadSort::Owner;
    case LeadTableModel::Score:
        return storage::LeadSort::Score;
    default:
        return storage::LeadSort::Created;
    }
}

bool japaneseUi() {
    return QLocale().language() == QLocale::Japanese;
}

} // namespace

LeadTableModel::LeadTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
    // Installing a translator sends LanguageChange to the application object.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool LeadTableModel::eventFilter(QObject *watched, QEvent *event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                             {Qt::DisplayRole});
    }
    return QAbstractTableModel::eventFilter(watched, event);
}

void LeadTableModel::setDatabase(storage::Database *db) {
    m_db = db;
    resetAndLoad(m_pageSize);
}

void LeadTableModel::setFilter(const storage::LeadFilter &filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    resetAndLoad(m_pageSize);
}

void LeadTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    m_sort = sortFor(column);
    m_ascending = order == Qt::AscendingOrder;
    resetAndLoad(m_pageSize);
}

void LeadTableModel::refresh() {
    resetAndLoad(std::max(m_pageSize, int(m_rows.size())));
}

void LeadTableModel::resetAndLoad(int rows) {
    // Nothing to fetch while the reset is being signalled (views may ask); the first page is
    // read right after, as one insertion.
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    endResetModel();
    m_atEnd = m_db == nullptr;
    load(rows);
}

void LeadTableModel::load(int rows) {
    // Views (and QAbstractItemModelTester) may call fetchMore from inside the insertion signals:
    // the rows being inserted are not counted yet, so a nested load would read them twice.
    if (!m_db || m_atEnd || m_loading)
        return;
    const QScopedValueRollback<bool> guard(m_loading, true);
    storage::LeadQuery query(*m_db);
    auto r = query.rows(m_filter, m_sort, m_ascending, int(m_rows.size()), rows);
    if (!r) {
        m_error = r.error();
        m_atEnd = true;
        emit errorOccurred(m_error);
        return;
    }
    m_error.clear();
    m_atEnd = r->size() < rows;
    if (r->isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(r->size()) - 1);
    m_rows << *r;
    endInsertRows();
}

qint64 LeadTableModel::leadId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int LeadTableModel::rowOfLead(qint64 id) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

Result<qint64> LeadTableModel::matchingCount() const {
    if (!m_db)
        return qint64(0);
    return storage::LeadQuery(*m_db).count(m_filter);
}

int LeadTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeadTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool LeadTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_db && !m_atEnd && !m_loading;
}

void LeadTableModel::fetchMore(const QModelIndex &parent) {
    if (!parent.isValid())
        load(m_pageSize);
}

QString LeadTableModel::displayText(const storage::LeadRow &r, int column) const {
    switch (column) {
    case Company:
        return r.company;
    case Person: {
        Lead l;
        l.familyName = r.familyName;
        l.givenName = r.givenName;
        // Names written in Japanese script stay family-first in the English UI too.
        const bool cjk = !r.familyName.isEmpty() && r.familyName.at(0).unicode() >= 0x3000;
        return l.displayName(japaneseUi() || cjk);
    }
    case Reading: {
        Lead l;
        l.familyReading = r.familyReading;
        l.givenReading = r.givenReading;
        return l.displayReading();
    }
    case Stage:
        return r.lost ? tr("%1 (lost)").arg(stageLabel(r.stage)) : stageLabel(r.stage);
    case Temperature:
        return temperatureLabel(r.temperature);
    case Source:
        return r.source;
    case Owner:
        return r.owner;
    case Score:
        return QLocale().toString(r.score);
    case Created:
        return QLocale().toString(r.createdAt.date(), QLocale::ShortFormat);
    }
    return {};
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::LeadRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Company || index.column() == Person)
            return QStringList{r.email, r.phone}.join(QLatin1Char('\n')).trimmed();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Score)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LeadIdRole:
        return r.id;
    default:
        return {};
    }
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Company:
        return tr("Company");
    case Person:
        return tr("Person");
    case Reading:
        return tr("Reading");
    case Stage:
        return tr("Stage");
    case Temperature:
        return tr("Temperature");
    case Source:
        return tr("Original source");
    case Owner:
        return tr("Owner");
    case Score:
        return tr("Score");
    case Created:
        return tr("Created");
    }
    return {};
}

QString LeadTableModel::toTsv(const QList<int> &rows) const {
    const auto clean = [](QString s) {
        s.replace(QLatin1Char('\t'), QLatin1Char(' '));
        s.replace(QLatin1Char('\n'), QLatin1Char(' '));
        s.replace(QLatin1Char('\r'), QLatin1Char(' '));
        return s;
    };
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    header << tr("Email") << tr("Phone");
    lines << header.join(QLatin1Char('\t'));
    for (int row : rows) {
        if (row < 0 || row >= m_rows.size())
            continue;
        const storage::LeadRow &r = m_rows.at(row);
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << clean(displayText(r, c));
        cells << clean(r.email) << clean(r.phone);
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace mikomi
