#pragma once

#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/pipelinequery.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace mikomi {

// One kanban column: the newest `limit` cards of a stage (or of the lost leads) with the
// column's totals from an aggregate query, so it stays fast with 1,000,000 leads. Cards are
// dragged out as lead ids; a drop emits moveRequested (the page turns it into an undoable
// StageCommand, which writes stage_history).
class PipelineModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CompanyRole,
        NameRole,
        ScoreRole,
        DealValueRole,   // qint64 minor units, invalid when none
        TemperatureRole, // int(Temperature)
        ReadinessRole,   // int(scoring::Readiness)
        StageRole,       // int(Stage)
        SqlKindRole,     // int(SqlKind)
        LostReasonRole,
        OwnerRole,
        SourceRole,
        TemperatureOverriddenRole, // bool: set by hand, not derived
    };
    static QString mimeType() { return QStringLiteral("application/x-mikomi-lead-ids"); }

    explicit PipelineModel(storage::PipelineColumn column, QObject *parent = nullptr);
    storage::PipelineColumn column() const { return m_column; }
    void setDatabase(storage::Database *db);
    void setFilter(const storage::PipelineFilter &filter);
    void setLimit(int limit) { m_limit = limit; }
    void setThresholds(const scoring::Thresholds &t);
    // The clock for temperatures (tests fix it; default: now at each reload).
    void setNow(const QDateTime &now) { m_now = now; }
    // The cards and totals again (totals given by the caller, who reads all columns at once).
    Status reload(const storage::ColumnTotals &totals);
    // Shows cards and totals read elsewhere (the Pipeline page reads them on a worker thread).
    void setCards(const storage::ColumnTotals &totals, QList<storage::PipelineCard> cards);
    storage::ColumnTotals totals() const { return m_totals; }
    qint64 leadId(int row) const;
    // The version of lead `id` as this column read it; 0 when it is not among its cards.
    qint64 versionOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    static QMimeData *encode(const QList<qint64> &ids);
    static QList<qint64> decode(const QMimeData *data);

signals:
    // Cards were dropped on this column.
    void moveRequested(const QList<qint64> &leadIds, storage::PipelineColumn to);

private:
    storage::PipelineColumn m_column;
    storage::Database *m_db = nullptr;
    storage::PipelineFilter m_filter;
    scoring::Thresholds m_thresholds;
    QDateTime m_now;
    int m_limit = 200;
    QList<storage::PipelineCard> m_cards;
    storage::ColumnTotals m_totals;
};

} // namespace mikomi
