#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"

#include <QAbstractTableModel>
#include <QList>

namespace mikomi::storage {
class Database;
}

namespace mikomi {

// The sources of the database: name, category and tier (editable), lead count, aliases, and
// the category the built-in dictionary suggests when it differs from the stored one.
class SourceListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name = 0, Category, Tier, Leads, Suggested, Aliases, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SuggestedCategoryRole };

    explicit SourceListModel(QObject *parent = nullptr);
    // Empties the model; reload() reads the database's sources.
    void setDatabase(storage::Database *db);
    // Reads the sources again; an error leaves the model empty and is returned.
    Status reload();
    // What reload() reads, with any thread's connection (a page reads it in the background).
    static Result<QList<Source>> read(storage::Database &db);
    // Shows sources that read() returned.
    void setSources(QList<Source> sources);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Category / Tier: EditRole takes the enum value as an int; written to the database at once.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const QList<Source> &sources() const { return m_sources; }
    int rowOf(qint64 id) const;
    // Stores the suggested category of `row` (the user confirmed it).
    Status acceptSuggestion(int row);
    // Retranslates headers and labels.
    void retranslate();

signals:
    void errorOccurred(const QString &message);
    // A category or tier was written (column Category or Tier; values are the enum ints), so
    // the page can put an undo step on its stack.
    void valueEdited(qint64 sourceId, const QString &source, int column, int before, int after);

private:
    storage::Database *m_db = nullptr;
    QList<Source> m_sources;
};

} // namespace mikomi
