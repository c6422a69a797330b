#pragma once

#include "models/domain/lead.h"
#include "models/storage/leadsnapshot.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

using AppliedFn = std::function<void()>;
using ErrorFn = std::function<void(const QString &)>;

// Saves a lead: a new one (undo deletes it, redo puts it back with the same id) or an edit
// (undo writes the previous fields back). Each redo/undo is one committed transaction.
class SaveLeadCommand final : public QUndoCommand {
public:
    SaveLeadCommand(storage::Database &db, const Lead &after, std::optional<Lead> before,
                    const QString &user, AppliedFn onApplied, ErrorFn onError);
    void redo() override;
    void undo() override;
    bool failed() const { return m_failed; }
    qint64 leadId() const { return m_after.id; }

private:
    void fail(const QString &message);
    storage::Database &m_db;
    Lead m_after;
    std::optional<Lead> m_before;
    QString m_user;
    std::optional<storage::LeadSnapshot> m_removed; // a new lead after undo
    bool m_failed = false;
    AppliedFn m_onApplied;
    ErrorFn m_onError;
};

// Logs an activity on a lead and rescores it (behaviour rules); undo deletes the activity and
// rescores again.
class LogActivityCommand final : public QUndoCommand {
public:
    LogActivityCommand(storage::Database &db, const Activity &activity, AppliedFn onApplied,
                       ErrorFn onError);
    void redo() override;
    void undo() override;
    bool failed() const { return m_failed; }

private:
    void rescore();
    storage::Database &m_db;
    Activity m_activity;
    bool m_failed = false;
    AppliedFn m_onApplied;
    ErrorFn m_onError;
};

// Deletes leads with everything attached; undo re-inserts them with the same ids.
class DeleteLeadsCommand final : public QUndoCommand {
public:
    DeleteLeadsCommand(storage::Database &db, QList<qint64> ids, AppliedFn onApplied,
                       ErrorFn onError);
    void redo() override;
    void undo() override;
    bool failed() const { return m_failed; }

private:
    storage::Database &m_db;
    QList<qint64> m_ids;
    QList<storage::LeadSnapshot> m_snapshots;
    bool m_failed = false;
    AppliedFn m_onApplied;
    ErrorFn m_onError;
};

// Merges one lead into another (fields filled, histories joined); undo separates them again.
class MergeLeadsCommand final : public QUndoCommand {
public:
    MergeLeadsCommand(storage::Database &db, qint64 keepId, qint64 otherId, AppliedFn onApplied,
                      ErrorFn onError);
    void redo() override;
    void undo() override;
    bool failed() const { return m_failed; }

private:
    storage::Database &m_db;
    qint64 m_keepId;
    qint64 m_otherId;
    std::optional<Lead> m_keepBefore;
    std::optional<storage::LeadSnapshot> m_other;
    bool m_failed = false;
    AppliedFn m_onApplied;
    ErrorFn m_onError;
};

} // namespace mikomi::ui
