#pragma once

#include "models/domain/lead.h"
#include "models/spendgridmodel.h"

#include <QPointer>
#include <QUndoCommand>

#include <functional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Writes a set of spend cells (one edit or a whole paste) as ONE undoable step, in one
// transaction each way (SpendGridModel::apply).
class SpendCellsCommand final : public QUndoCommand {
public:
    SpendCellsCommand(SpendGridModel *model, const QList<SpendCellChange> &changes,
                      const QString &text, std::function<void(const QString &)> onError);
    void redo() override;
    void undo() override;

private:
    QPointer<SpendGridModel> m_model;
    QList<SpendCellChange> m_changes;
    bool m_failed = false;
    std::function<void(const QString &)> m_onError;
};

// Adds, edits or deletes one campaign (storage::CampaignStore), undoably. `onApplied` gets the
// id of the campaign to select (0 after a delete).
class CampaignCommand final : public QUndoCommand {
public:
    enum class Kind { Add, Edit, Delete };
    // Add: `after` is the new campaign. Edit: `before` and `after`. Delete: `before`.
    CampaignCommand(storage::Database &db, Kind kind, const Campaign &before, const Campaign &after,
                    std::function<void(qint64)> onApplied,
                    std::function<void(const QString &)> onError);
    void redo() override;
    void undo() override;

private:
    Status run(bool forward);
    storage::Database &m_db;
    Kind m_kind;
    Campaign m_before;
    Campaign m_after;
    bool m_failed = false;
    std::function<void(qint64)> m_onApplied;
    std::function<void(const QString &)> m_onError;
};

} // namespace mikomi::ui
