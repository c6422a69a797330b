#pragma once

#include "models/domain/result.h"
#include "models/storage/followups.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace mikomi {

// Open follow-up tasks, soonest first; overdue ones (due before now) in red.
class FollowUpModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Due = 0, Lead, Company, Source, Task, Owner, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, LeadIdRole, OverdueRole };

    explicit FollowUpModel(QObject *parent = nullptr);
    void setDatabase(storage::Database *db);
    void setOwner(const QString &owner) { m_owner = owner; }
    void setNow(const QDateTime &now) { m_now = now; }
    void setLimit(int limit) { m_limit = limit; }
    Status reload();
    // Shows tasks read elsewhere (the Pipeline page reads them on a worker thread).
    void setTasks(QList<storage::FollowUp> tasks);
    int limit() const { return m_limit; }
    qint64 taskId(int row) const;
    QDateTime dueAt(int row) const;
    qint64 overdueCount() const;
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QDateTime now() const;
    storage::Database *m_db = nullptr;
    QString m_owner;
    QDateTime m_now;
    int m_limit = 500;
    QList<storage::FollowUp> m_tasks;
};

} // namespace mikomi
