#pragma once

#include "models/domain/lead.h"
#include "models/domain/money.h"
#include "models/domain/result.h"

#include <QAbstractTableModel>
#include <QList>

#include <array>
#include <functional>
#include <optional>

namespace mikomi::storage {
class Database;
}

namespace mikomi {

// One cell edit of the spend grid, with the value before (for undo). nullopt = no spend row.
struct SpendCellChange {
    qint64 sourceId = 0;
    qint32 month = 0; // analytics::monthNumber()
    std::optional<Money> before;
    std::optional<Money> after;
};

// Spend per source and month: rows are the sources (then a Total row), columns are the source
// name, its category, twelve consecutive months and the row total. Amounts are in the settings
// currency (minor units in the database; shown with the currency's decimals). Edits and pastes
// are turned into SpendCellChange lists, handed to the edit handler (the page's undo stack) and
// written by apply() in one transaction.
class SpendGridModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int MonthCount = 12;
    enum Column { Source = 0, Category, FirstMonth, TotalColumn = FirstMonth + MonthCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        AmountRole,   // qlonglong minor units; null for an empty cell
        SourceIdRole, // on source rows
        MonthRole     // "YYYY-MM" on month columns
    };
    using EditHandler = std::function<void(const QList<SpendCellChange> &, const QString &)>;

    explicit SpendGridModel(QObject *parent = nullptr);
    // Call reload() afterwards.
    void setDatabase(storage::Database *db);
    void setCurrency(Currency currency);
    Currency currency() const { return m_currency; }
    // The first of the twelve months (analytics::monthNumber()); reloads, and returns
    // reload()'s error (the model is then empty).
    Status setFirstMonth(qint32 month);
    qint32 firstMonth() const { return m_firstMonth; }
    // Reads sources and spend again; an error leaves the model empty and is returned.
    Status reload();

    // Where edits go (the page pushes an undo command that calls apply()); without one, edits
    // are applied at once.
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: the text typed in a month cell (see parseAmountText); empty clears the cell.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // Keeps the Total row last.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sourceCount() const { return int(m_rows.size()); }
    int totalRow() const { return sourceCount(); }
    bool isAmountCell(const QModelIndex &index) const;
    qint32 monthOfColumn(int column) const { return m_firstMonth + (column - FirstMonth); }
    // "Google Ads, Mar 2026": names a cell in messages.
    QString cellName(const QModelIndex &index) const;

    // What the user typed or pasted for one cell → minor units. Accepts ASCII or full-width
    // digits, thousands separators, ¥/$/円 and spaces; at most the currency's decimals. Empty
    // text → nullopt (no spend). A negative or non-numeric value → Error (translated, naming
    // `cell`).
    Result<std::optional<Money>> parseAmountText(const QString &text, const QString &cell) const;
    // The changes a tab-separated block (rows by lines) makes when pasted with its top-left at
    // `topLeft`. Any invalid cell, or a block that does not fit the month cells, → Error naming
    // the cell; nothing is to be applied then. Unchanged cells are left out.
    Result<QList<SpendCellChange>> pasteChanges(const QModelIndex &topLeft,
                                                const QString &tsv) const;
    // The changes that empty the month cells among `indexes` (Delete key).
    QList<SpendCellChange> clearChanges(const QModelIndexList &indexes) const;
    // Writes the `after` (or, for undo, the `before`) values in ONE transaction, then updates
    // the grid. On an error nothing is written and the grid is unchanged.
    Status apply(const QList<SpendCellChange> &changes, bool undo = false);
    // The bounding rectangle of `indexes` as tab-separated text (plain numbers, no grouping).
    QString copyText(const QModelIndexList &indexes) const;

    // Retranslates headers and labels.
    void retranslate();

signals:
    // Spend was written (edit, paste, undo or redo).
    void spendChanged();
    // A typed value was not accepted (translated message naming the cell).
    void editRejected(const QString &message);

private:
    struct Row {
        qint64 id = 0;
        QString name;
        SourceCategory category = SourceCategory::Unknown;
        std::array<std::optional<Money>, MonthCount> amounts;
    };
    QString plainAmount(Money amount) const;
    QString shownAmount(Money amount) const;
    std::optional<Money> amountAt(int row, int column) const;
    QVariant sortKey(int row, int column) const;

    storage::Database *m_db = nullptr;
    Currency m_currency = Currency::JPY;
    qint32 m_firstMonth = 0;
    QList<Row> m_rows;
    EditHandler m_editHandler;
};

} // namespace mikomi
