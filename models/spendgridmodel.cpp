#include "models/spendgridmodel.h"

#include "models/analytics/facts.h"
#include "models/services/reportinput.h"
#include "models/storage/repositories.h"
#include "models/storage/spendstore.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDate>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace mikomi {
namespace {

// "Mar 2026" / "2026年3月".
QString monthTitle(qint32 month) {
    const int year = month / 12;
    const int m = month % 12 + 1;
    return QCoreApplication::translate("mikomi::SpendGridModel", "%1 %2",
                                       "spend grid column: short month name, then the year")
        .arg(QLocale().standaloneMonthName(m, QLocale::ShortFormat), QString::number(year));
}

} // namespace

SpendGridModel::SpendGridModel(QObject *parent)
    : QAbstractTableModel(parent) {
    const QDate today = QDate::currentDate();
    m_firstMonth = analytics::monthNumber(today.year(), 1);
}

void SpendGridModel::setDatabase(storage::Database *db) {
    m_db = db; // the caller reloads (and reports an error)
}

void SpendGridModel::setCurrency(Currency currency) {
    if (currency == m_currency)
        return;
    m_currency = currency;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

Status SpendGridModel::setFirstMonth(qint32 month) {
    if (month == m_firstMonth)
        return {};
    m_firstMonth = month;
    Status status = reload();
    emit headerDataChanged(Qt::Horizontal, FirstMonth, FirstMonth + MonthCount - 1);
    return status;
}

Status SpendGridModel::reload() {
    beginResetModel();
    m_rows.clear();
    Status status;
    if (m_db) {
        storage::SourceRepository sources(*m_db);
        auto list = sources.list(storage::SourceRepository::LeadCounts::NotCounted);
        auto spend = storage::SpendStore(*m_db).range(
            analytics::monthKey(m_firstMonth), analytics::monthKey(m_firstMonth + MonthCount - 1));
        if (!list) {
            status = Error{list.error()};
        } else if (!spend) {
            status = Error{spend.error()};
        } else {
            QHash<qint64, qsizetype> rowOf;
            for (const mikomi::Source &s : *list) {
                rowOf.insert(s.id, m_rows.size());
                m_rows.append(Row{s.id, s.name, s.category, {}});
            }
            for (const storage::SpendCell &c : *spend) {
                const auto month = analytics::monthFromKey(c.month);
                const auto it = rowOf.constFind(c.sourceId);
                if (!month || it == rowOf.cend())
                    continue;
                const qint32 offset = *month - m_firstMonth;
                if (offset >= 0 && offset < MonthCount)
                    m_rows[*it].amounts[std::size_t(offset)] = c.amount;
            }
        }
    }
    // Default order: by category, then name (QCollator for the current locale).
    QCollator collator;
    collator.setNumericMode(true);
    std::stable_sort(m_rows.begin(), m_rows.end(), [&collator](const Row &a, const Row &b) {
        if (a.category != b.category)
            return int(a.category) < int(b.category);
        return collator.compare(a.name, b.name) < 0;
    });
    endResetModel();
    return status;
}

int SpendGridModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size()) + 1; // + Total
}

int SpendGridModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : TotalColumn + 1;
}

bool SpendGridModel::isAmountCell(const QModelIndex &index) const {
    return index.isValid() && index.model() == this && index.row() < sourceCount() &&
           index.column() >= FirstMonth && index.column() < FirstMonth + MonthCount;
}

std::optional<Money> SpendGridModel::amountAt(int row, int column) const {
    const auto sumRow = [this](int r) {
        std::optional<Money> sum;
        for (const auto &a : m_rows[r].amounts)
            if (a)
                sum = sum.value_or(0) + *a;
        return sum;
    };
    if (row < sourceCount()) {
        if (column == TotalColumn)
            return sumRow(row);
        return m_rows[row].amounts[std::size_t(column - FirstMonth)];
    }
    std::optional<Money> sum;
    for (int r = 0; r < sourceCount(); ++r) {
        const auto a =
            column == TotalColumn ? sumRow(r) : m_rows[r].amounts[std::size_t(column - FirstMonth)];
        if (a)
            sum = sum.value_or(0) + *a;
    }
    return sum;
}

QString SpendGridModel::plainAmount(Money amount) const {
    const int decimals = services::currencyDecimals(m_currency);
    const Money unit = minorUnits(m_currency);
    QString s = QString::number(amount / unit);
    if (decimals > 0)
        s += QLatin1Char('.') +
             QStringLiteral("%1").arg(amount % unit, decimals, 10, QLatin1Char('0'));
    return s;
}

QString SpendGridModel::shownAmount(Money amount) const {
    const QLocale locale;
    const int decimals = services::currencyDecimals(m_currency);
    const Money unit = minorUnits(m_currency);
    QString s = locale.toString(qlonglong(amount / unit));
    if (decimals > 0)
        s += locale.decimalPoint() +
             QStringLiteral("%1").arg(amount % unit, decimals, 10, QLatin1Char('0'));
    return s;
}

QString SpendGridModel::cellName(const QModelIndex &index) const {
    if (!index.isValid())
        return {};
    const QString row = index.row() < sourceCount() ? m_rows[index.row()].name : tr("Total");
    const QString column = index.column() >= FirstMonth && index.column() < TotalColumn
                               ? monthTitle(monthOfColumn(index.column()))
                               : headerData(index.column(), Qt::Horizontal).toString();
    return tr("%1, %2", "a cell of the spend grid: source, month").arg(row, column);
}

QVariant SpendGridModel::sortKey(int row, int column) const {
    const Row &r = m_rows[row];
    switch (column) {
    case Source:
        return r.name;
    case Category:
        return int(r.category);
    default: {
        const auto a = amountAt(row, column);
        return a ? QVariant(qlonglong(*a)) : QVariant(qlonglong(-1));
    }
    }
}

QVariant SpendGridModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool total = row == totalRow();
    const bool amountColumn = column >= FirstMonth;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column == Source)
            return total ? tr("Total") : m_rows[row].name;
        if (column == Category)
            return total ? QString() : categoryLabel(m_rows[row].category);
        if (const auto a = amountAt(row, column))
            return role == Qt::EditRole ? plainAmount(*a) : shownAmount(*a);
        return QString();
    case Qt::ToolTipRole:
        if (amountColumn) {
            const auto a = amountAt(row, column);
            return QString(cellName(index) + QStringLiteral(": ") +
                           (a ? formatMoney(*a, m_currency) : tr("no spend recorded")));
        }
        return {};
    case Qt::TextAlignmentRole:
        return amountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (total || column == TotalColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case SortRole:
        return total ? QVariant() : sortKey(row, column);
    case AmountRole:
        if (amountColumn) {
            const auto a = amountAt(row, column);
            return a ? QVariant(qlonglong(*a)) : QVariant();
        }
        return {};
    case SourceIdRole:
        return total ? QVariant() : QVariant(m_rows[row].id);
    case MonthRole:
        return column >= FirstMonth && column < TotalColumn
                   ? QVariant(analytics::monthKey(monthOfColumn(column)))
                   : QVariant();
    default:
        return {};
    }
}

QVariant SpendGridModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section > TotalColumn)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        if (section == Source)
            return tr("Source");
        if (section == Category)
            return tr("Category");
        if (section == TotalColumn)
            return tr("Total");
        // Two lines ("Mar" / "2026"), so that twelve months and the total fit on a screen.
        const qint32 month = monthOfColumn(section);
        return tr("%1\n%2", "spend grid header: short month name, a line break, then the year")
            .arg(QLocale().standaloneMonthName(month % 12 + 1, QLocale::ShortFormat),
                 QString::number(month / 12));
    }
    if (role == Qt::ToolTipRole && section >= FirstMonth && section < TotalColumn)
        return monthTitle(monthOfColumn(section));
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags SpendGridModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (isAmountCell(index))
        f |= Qt::ItemIsEditable;
    return f;
}

Result<std::optional<Money>> SpendGridModel::parseAmountText(const QString &text,
                                                             const QString &cell) const {
    QString s = text.normalized(QString::NormalizationForm_KC).trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        s = s.mid(1, s.size() - 2).trimmed(); // a quoted spreadsheet cell
    if (s.isEmpty())
        return std::optional<Money>();
    bool negative = false;
    if (s.startsWith(QLatin1Char('(')) && s.endsWith(QLatin1Char(')'))) {
        negative = true; // accounting notation
        s = s.mid(1, s.size() - 2).trimmed();
    }
    static const QString minusSigns = QStringLiteral("-\u2212\u25B2\u25B3");
    if (!s.isEmpty() && minusSigns.contains(s.front())) {
        negative = true;
        s = s.mid(1).trimmed();
    }
    const auto amount = parseMoney(s, m_currency);
    if (!amount)
        return Error{tr("Cell %1: %2").arg(cell, amount.error())};
    if (negative && *amount != 0)
        return Error{tr("Cell %1: \"%2\" is negative; spend cannot be negative.").arg(cell, text)};
    return std::optional<Money>(*amount);
}

bool SpendGridModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !isAmountCell(index) || !m_db)
        return false;
    auto parsed = parseAmountText(value.toString(), cellName(index));
    if (!parsed) {
        emit editRejected(parsed.error());
        return false;
    }
    const Row &r = m_rows[index.row()];
    const auto before = r.amounts[std::size_t(index.column() - FirstMonth)];
    if (before == *parsed)
        return true;
    const QList<SpendCellChange> changes{
        SpendCellChange{r.id, monthOfColumn(index.column()), before, *parsed}};
    const QString text = tr("Edit the spend of %1").arg(cellName(index));
    if (m_editHandler) {
        m_editHandler(changes, text);
        return true;
    }
    return apply(changes).ok();
}

Result<QList<SpendCellChange>> SpendGridModel::pasteChanges(const QModelIndex &topLeft,
                                                            const QString &tsv) const {
    QString text = tsv;
    text.remove(QLatin1Char('\r'));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (text.isEmpty())
        return Error{tr("There is nothing to paste.")};
    if (!isAmountCell(topLeft))
        return Error{tr("Select a month cell of a source to paste into.")};
    const QStringList lines = text.split(QLatin1Char('\n'));
    QList<SpendCellChange> changes;
    for (qsizetype r = 0; r < lines.size(); ++r) {
        const QStringList cells = lines.at(r).split(QLatin1Char('\t'));
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QModelIndex target = index(topLeft.row() + int(r), topLeft.column() + int(c));
            if (!isAmountCell(target))
                return Error{tr("Row %1, column %2 of the pasted text falls outside the "
                                "month cells of the sources.")
                                 .arg(r + 1)
                                 .arg(c + 1)};
            auto parsed = parseAmountText(cells.at(c), cellName(target));
            if (!parsed)
                return Error{parsed.error()};
            const Row &row = m_rows[target.row()];
            const auto before = row.amounts[std::size_t(target.column() - FirstMonth)];
            if (before != *parsed)
                changes.append(
                    SpendCellChange{row.id, monthOfColumn(target.column()), before, *parsed});
        }
    }
    return changes;
}

QList<SpendCellChange> SpendGridModel::clearChanges(const QModelIndexList &indexes) const {
    QList<SpendCellChange> changes;
    for (const QModelIndex &i : indexes) {
        if (!isAmountCell(i))
            continue;
        const Row &row = m_rows[i.row()];
        const auto before = row.amounts[std::size_t(i.column() - FirstMonth)];
        if (before)
            changes.append(
                SpendCellChange{row.id, monthOfColumn(i.column()), before, std::nullopt});
    }
    return changes;
}

Status SpendGridModel::apply(const QList<SpendCellChange> &changes, bool undo) {
    if (!m_db)
        return Error{tr("No database is open.")};
    QList<storage::SpendWrite> writes;
    writes.reserve(changes.size());
    for (const SpendCellChange &c : changes)
        writes.append(storage::SpendWrite{c.sourceId, analytics::monthKey(c.month),
                                          undo ? c.before : c.after});
    if (Status s = storage::SpendStore(*m_db).write(writes); !s)
        return s;
    QSet<int> rows;
    for (const SpendCellChange &c : changes) {
        const qint32 offset = c.month - m_firstMonth;
        if (offset < 0 || offset >= MonthCount)
            continue;
        for (int r = 0; r < sourceCount(); ++r) {
            if (m_rows[r].id == c.sourceId) {
                m_rows[r].amounts[std::size_t(offset)] = undo ? c.before : c.after;
                rows.insert(r);
                break;
            }
        }
    }
    for (int r : std::as_const(rows))
        emit dataChanged(index(r, FirstMonth), index(r, TotalColumn));
    if (!rows.isEmpty())
        emit dataChanged(index(totalRow(), FirstMonth), index(totalRow(), TotalColumn));
    emit spendChanged();
    return {};
}

QString SpendGridModel::copyText(const QModelIndexList &indexes) const {
    if (indexes.isEmpty())
        return {};
    int top = rowCount(), bottom = -1, left = columnCount(), right = -1;
    QSet<QPair<int, int>> chosen;
    for (const QModelIndex &i : indexes) {
        if (!i.isValid() || i.model() != this)
            continue;
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
        chosen.insert({i.row(), i.column()});
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c)
            cells << (chosen.contains({r, c}) ? data(index(r, c), Qt::EditRole).toString()
                                              : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : QString(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void SpendGridModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column > TotalColumn)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<int> order0(sourceCount());
    std::iota(order0.begin(), order0.end(), 0);
    QCollator collator;
    collator.setNumericMode(true);
    const auto less = [&](int a, int b) {
        if (column == Source || column == Category) {
            if (column == Category && m_rows[a].category != m_rows[b].category)
                return int(m_rows[a].category) < int(m_rows[b].category);
            return collator.compare(m_rows[a].name, m_rows[b].name) < 0;
        }
        return sortKey(a, column).toLongLong() < sortKey(b, column).toLongLong();
    };
    std::stable_sort(order0.begin(), order0.end(), [&](int a, int b) {
        return order == Qt::AscendingOrder ? less(a, b) : less(b, a);
    });
    QList<Row> sorted;
    sorted.reserve(m_rows.size());
    QList<int> newRowOf(sourceCount());
    for (int i = 0; i < order0.size(); ++i) {
        sorted.append(m_rows[order0[i]]);
        newRowOf[order0[i]] = i;
    }
    m_rows = std::move(sorted);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from)
        to.append(i.row() < sourceCount() ? index(newRowOf[i.row()], i.column()) : i);
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SpendGridModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, TotalColumn);
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

} // namespace mikomi
