#include "ui/spendcommands.h"

#include "models/storage/spendstore.h"

#include <QCoreApplication>

namespace mikomi::ui {

SpendCellsCommand::SpendCellsCommand(SpendGridModel *model, const QList<SpendCellChange> &changes,
                                     const QString &text,
                                     std::function<void(const QString &)> onError)
    : m_model(model)
    , m_changes(changes)
    , m_onError(std::move(onError)) {
    setText(text);
}

void SpendCellsCommand::redo() {
    if (!m_model)
        return;
    if (Status s = m_model->apply(m_changes, false); !s) {
        if (!m_failed && m_onError)
            m_onError(s.error());
        // A first redo that fails leaves nothing to undo: the stack drops the command.
        m_failed = true;
        setObsolete(true);
    }
}

void SpendCellsCommand::undo() {
    if (!m_model || m_failed)
        return;
    if (Status s = m_model->apply(m_changes, true); !s && m_onError)
        m_onError(s.error());
}

CampaignCommand::CampaignCommand(storage::Database &db, Kind kind, const Campaign &before,
                                 const Campaign &after, std::function<void(qint64)> onApplied,
                                 std::function<void(const QString &)> onError)
    : m_db(db)
    , m_kind(kind)
    , m_before(before)
    , m_after(after)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    switch (kind) {
    case Kind::Add:
        setText(QCoreApplication::translate("Mikomi", "Add campaign \"%1\"").arg(after.name));
        break;
    case Kind::Edit:
        setText(QCoreApplication::translate("Mikomi", "Edit campaign \"%1\"").arg(after.name));
        break;
    case Kind::Delete:
        setText(QCoreApplication::translate("Mikomi", "Delete campaign \"%1\"").arg(before.name));
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
            return id ? Status() : Status(Error{id.error()});
        }
        return store.remove(m_after.id);
    case Kind::Edit:
        return store.update(forward ? m_after : m_before);
    case Kind::Delete: {
        if (forward)
            return store.remove(m_before.id);
        Campaign c = m_before;
        auto id = store.insert(c);
        return id ? Status() : Status(Error{id.error()});
    }
    }
    return {};
}

void CampaignCommand::redo() {
    if (Status s = run(true); !s) {
        if (m_onError)
            m_onError(s.error());
        m_failed = true;
        setObsolete(true);
        return;
    }
    if (m_onApplied)
        m_onApplied(m_kind == Kind::Delete ? 0 : m_after.id);
}

void CampaignCommand::undo() {
    if (m_failed)
        return;
    if (Status s = run(false); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied(m_kind == Kind::Add ? 0 : m_before.id);
}

} // namespace mikomi::ui
