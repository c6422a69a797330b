#include "models/commands/spendcommands.h"

#include "models/storage/spendstore.h"

#include <QCoreApplication>

namespace mikomi::commands {

SpendCellsCommand::SpendCellsCommand(SpendGridModel *model, const QList<SpendCellChange> &changes,
                                     const QString &text, ErrorFn onError)
    : StoreCommand(nullptr, std::move(onError))
    , m_model(model)
    , m_changes(changes) {
    setText(text);
}

Status SpendCellsCommand::apply() {
    return m_model ? m_model->apply(m_changes, false) : Status();
}

Status SpendCellsCommand::revert() {
    return m_model ? m_model->apply(m_changes, true) : Status();
}

CampaignCommand::CampaignCommand(storage::Database &db, Kind kind, const Campaign &before,
                                 const Campaign &after, std::function<void(qint64)> onApplied,
                                 ErrorFn onError)
    : StoreCommand(
          [this, onApplied = std::move(onApplied)] {
              if (onApplied)
                  onApplied(m_select);
          },
          std::move(onError))
    , m_db(db)
    , m_kind(kind)
    , m_before(before)
    , m_after(after) {
    switch (kind) {
    case Kind::Add:
        setText(
            QCoreApplication::translate("mikomi::commands::SpendCommands", "Add campaign \"%1\"")
                .arg(after.name));
        break;
    case Kind::Edit:
        setText(
            QCoreApplication::translate("mikomi::commands::SpendCommands", "Edit campaign \"%1\"")
                .arg(after.name));
        break;
    case Kind::Delete:
        setText(
            QCoreApplication::translate("mikomi::commands::SpendCommands", "Delete campaign \"%1\"")
                .arg(before.name));
        break;
    }
}

Status CampaignCommand::run(bool forward) {
    storage::CampaignStore store(m_db);
    switch (m_kind) {
    case Kind::Add:
        if (forward) {
            // The first redo gives the id; a redo after undo puts it back under the same id.
            auto id = store.insert(m_after);
            return id ? Status() : Status(id.failure());
        }
        return store.remove(m_after.id);
    case Kind::Edit:
        return store.update(forward ? m_after : m_before);
    case Kind::Delete: {
        if (forward)
            return store.remove(m_before.id);
        Campaign c = m_before;
        auto id = store.insert(c);
        return id ? Status() : Status(id.failure());
    }
    }
    return {};
}

Status CampaignCommand::apply() {
    Status s = run(true);
    m_select = m_kind == Kind::Delete ? 0 : m_after.id; // after run(): an Add knows its id now
    return s;
}

Status CampaignCommand::revert() {
    m_select = m_kind == Kind::Add ? 0 : m_before.id;
    return run(false);
}

} // namespace mikomi::commands
