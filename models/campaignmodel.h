#pragma once

#include "models/domain/lead.h"
#include "models/domain/money.h"
#include "models/domain/result.h"

#include <QAbstractTableModel>
#include <QList>

namespace mikomi::storage {
class Database;
}

namespace mikomi {

// The campaigns of the database: name, source, start and end date, budgeted and actual cost and
// the difference (actual − budget; positive = over budget). Read-only: edits go through
// storage::CampaignStore (the page's undo commands) followed by reload().
class CampaignModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name = 0, Source, Start, End, Budget, Actual, Difference, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, IdRole, AmountRole };

    explicit CampaignModel(QObject *parent = nullptr);
    // Call reload() afterwards.
    void setDatabase(storage::Database *db);
    void setCurrency(Currency currency);
    // Reads the campaigns again; an error leaves the model empty and is returned.
    Status reload();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QList<Campaign> &campaigns() const { return m_campaigns; }
    int rowOf(qint64 id) const;
    Money totalBudget() const;
    Money totalActual() const;
    // "Budget ¥1,000,000 · actual ¥1,200,000 · ¥200,000 over budget", translated.
    QString summary() const;
    void retranslate();

private:
    storage::Database *m_db = nullptr;
    Currency m_currency = Currency::JPY;
    QList<Campaign> m_campaigns;
};

} // namespace mikomi
