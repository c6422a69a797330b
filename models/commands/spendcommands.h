#pragma once

#include "models/commands/storecommand.h"
#include "models/domain/lead.h"
#include "models/spendgridmodel.h"

#include <QPointer>

#include <functional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::commands {

// Writes a set of spend cells (one edit or a whole paste) as ONE undoable step, in one
// transaction each way (SpendGridModel::apply). Once the model is gone, both steps do nothing.
class SpendCellsCommand final : public StoreCommand {
public:
    SpendCellsCommand(SpendGridModel *model, const QList<SpendCellChange> &changes,
                      const QString &text, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    QPointer<SpendGridModel> m_model;
    QList<SpendCellChange> m_changes;
};

// Adds, edits or deletes one campaign (storage::CampaignStore), undoably. `onApplied` gets the
// id of the campaign to select (0 after a delete).
class CampaignCommand final : public StoreCommand {
public:
    enum class Kind { Add, Edit, Delete };
    // Add: `after` is the new campaign. Edit: `before` and `after`. Delete: `before`.
    CampaignCommand(storage::Database &db, Kind kind, const Campaign &before, const Campaign &after,
                    std::function<void(qint64)> onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    Status run(bool forward);
    storage::Database &m_db;
    Kind m_kind;
    Campaign m_before;
    Campaign m_after;
    qint64 m_select = 0; // the campaign to select after the last step
};

} // namespace mikomi::commands
