#pragma once

#include "models/commands/storecommand.h"
#include "models/domain/lead.h"
#include "models/storage/leadsnapshot.h"

#include <QList>

#include <optional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::commands {

// Saves a lead: a new one (created by services::LeadCreation: owner, score, history, first
// follow-up; undo deletes it with everything attached, redo puts it back with the same id) or
// an edit (undo writes the previous fields back). Each step is one committed transaction.
class SaveLeadCommand final : public StoreCommand {
public:
    SaveLeadCommand(storage::Database &db, const Lead &after, std::optional<Lead> before,
                    const QString &user, AppliedFn onApplied, ErrorFn onError);
    // The saved lead's id (a new lead's once redo() succeeded).
    qint64 leadId() const { return m_after.id; }

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    Lead m_after;
    std::optional<Lead> m_before;
    // The version the editor read: the first apply is refused when the stored lead is no longer
    // at it (ErrorKind::Changed: someone else saved it meanwhile); 0 once applied.
    qint64 m_version = 0;
    bool m_applied = false; // once applied: undo and redo are checked (leadversion.h)
    QString m_user;
    std::optional<storage::LeadSnapshot> m_removed; // a new lead after undo
};

// Logs an activity on a lead and rescores it (behaviour rules); undo deletes the activity and
// rescores again.
class LogActivityCommand final : public StoreCommand {
public:
    LogActivityCommand(storage::Database &db, const Activity &activity, AppliedFn onApplied,
                       ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    void rescore();
    storage::Database &m_db;
    Activity m_activity;
};

// Deletes leads with everything attached; undo re-inserts them with the same ids.
class DeleteLeadsCommand final : public StoreCommand {
public:
    DeleteLeadsCommand(storage::Database &db, QList<qint64> ids, AppliedFn onApplied,
                       ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    QList<qint64> m_ids;
    QList<storage::LeadSnapshot> m_snapshots;
    bool m_applied = false;
};

// Merges one lead into another (fields filled, histories joined); undo separates them again.
class MergeLeadsCommand final : public StoreCommand {
public:
    MergeLeadsCommand(storage::Database &db, qint64 keepId, qint64 otherId, AppliedFn onApplied,
                      ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    qint64 m_keepId;
    qint64 m_otherId;
    std::optional<Lead> m_keepBefore;
    std::optional<storage::LeadSnapshot> m_other;
    bool m_applied = false;
};

} // namespace mikomi::commands
