#pragma once

#include "models/domain/result.h"
#include "models/storage/sourceadmin.h"

#include <QAbstractTableModel>

namespace mikomi {

// The unknown-source audit: the share of leads without a usable source, and the newest of
// those leads (at most `limit`) to fix in bulk.
class UnknownLeadModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Company = 0, Name, Source, Created, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit UnknownLeadModel(QObject *parent = nullptr);
    void setDatabase(storage::Database *db);
    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }
    Status reload();
    // What reload() reads, with any thread's connection (a page reads it in the background).
    struct Rows {
        storage::UnknownAudit audit;
        QList<storage::LeadBrief> leads;
    };
    static Result<Rows> read(storage::Database &db, int limit);
    // Shows rows that read() returned.
    void setRows(Rows rows);
    storage::UnknownAudit audit() const { return m_audit; }
    qint64 leadId(int row) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    storage::Database *m_db = nullptr;
    int m_limit = 1000;
    storage::UnknownAudit m_audit;
    QList<storage::LeadBrief> m_leads;
};

} // namespace mikomi
