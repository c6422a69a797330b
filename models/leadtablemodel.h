#pragma once

#include "models/storage/leadquery.h"

#include <QAbstractTableModel>
#include <QList>

namespace mikomi::storage {
class Database;
}

namespace mikomi {

// The Leads list: a lazily fetched table over storage::LeadQuery. Only the rows scrolled into
// view so far are in memory (a page at a time through canFetchMore/fetchMore), so a database of
// a million leads opens at once. Sorting and filtering run in SQLite (indexes, FTS5).
class LeadTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Company, Person, Reading, Stage, Temperature, Source, Owner, Score, Created };
    static constexpr int ColumnCount = 9;
    enum Role { LeadIdRole = Qt::UserRole + 1 };

    explicit LeadTableModel(QObject *parent = nullptr);

    // Null = no database (empty model).
    void setDatabase(storage::Database *db);
    void setFilter(const storage::LeadFilter &filter);
    storage::LeadFilter filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    int pageSize() const { return m_pageSize; }
    // Reads the rows again (same filter and order, as many rows as were loaded).
    void refresh();

    qint64 leadId(int row) const;
    const storage::LeadRow &leadRow(int row) const { return m_rows.at(row); }
    int rowOfLead(qint64 id) const;
    // The number of leads matching the filter (a COUNT query; not needed to show the list).
    Result<qint64> matchingCount() const;
    // The last error reading the database ("" when none).
    QString lastError() const { return m_error; }
    // Tab-separated text of the given rows with a header line (for the clipboard).
    QString toTsv(const QList<int> &rows) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString displayText(const storage::LeadRow &r, int column) const;
    void load(int rows);
    void resetAndLoad(int rows);
    storage::Database *m_db = nullptr;
    storage::LeadFilter m_filter;
    storage::LeadSort m_sort = storage::LeadSort::Created;
    bool m_ascending = false;
    int m_pageSize = 200;
    bool m_atEnd = true;
    bool m_loading = false;
    QList<storage::LeadRow> m_rows;
    QString m_error;
};

} // namespace mikomi
