#include "ui/leadcommands.h"

#include "models/storage/assignment.h"
#include "models/storage/duplicates.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"

#include <QCoreApplication>

namespace mikomi::ui {

SaveLeadCommand::SaveLeadCommand(storage::Database &db, const Lead &after,
                                 std::optional<Lead> before, const QString &user,
                                 AppliedFn onApplied, ErrorFn onError)
    : m_db(db)
    , m_after(after)
    , m_before(std::move(before))
    , m_user(user)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    const QString name = after.company.isEmpty() ? after.displayName(true) : after.company;
    setText(m_before ? QCoreApplication::translate("Mikomi", "Edit lead %1").arg(name)
                     : QCoreApplication::translate("Mikomi", "Add lead %1").arg(name));
}

LogActivityCommand::LogActivityCommand(storage::Database &db, const Activity &activity,
                                       AppliedFn onApplied, ErrorFn onError)
    : m_db(db)
    , m_activity(activity)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Log activity: %1")
                .arg(activityKindLabel(activity.kind)));
}

void LogActivityCommand::rescore() {
    auto score =
        storage::ScoringStore(m_db).recompute(m_activity.leadId, QDateTime::currentDateTime());
    if (!score && m_onError)
        m_onError(score.error());
}

void LogActivityCommand::redo() {
    m_activity.id = 0;
    auto id = storage::LeadRepository(m_db).addActivity(m_activity);
    if (!id) {
        m_failed = true;
        setObsolete(true);
        if (m_onError)
            m_onError(id.error());
        return;
    }
    rescore();
    if (m_onApplied)
        m_onApplied();
}

void LogActivityCommand::undo() {
    if (m_failed || m_activity.id == 0)
        return;
    if (Status s = storage::LeadRepository(m_db).removeActivity(m_activity.id); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    m_activity.id = 0;
    rescore();
    if (m_onApplied)
        m_onApplied();
}

void SaveLeadCommand::fail(const QString &message) {
    m_failed = true;
    setObsolete(true);
    if (m_onError)
        m_onError(message);
}

void SaveLeadCommand::redo() {
    storage::LeadRepository repo(m_db);
    if (m_before) {
        if (Status s = repo.update(m_after); !s)
            return fail(s.error());
        // Attribute rules (title, region, …) may score the edited fields differently.
        auto score =
            storage::ScoringStore(m_db).recompute(m_after.id, QDateTime::currentDateTime());
        if (!score && m_onError)
            m_onError(score.error());
    } else if (m_removed) {
        if (Status s = storage::restoreLead(m_db, *m_removed); !s)
            return fail(s.error());
        m_removed.reset();
    } else {
        Lead l = m_after;
        l.id = 0;
        // A new lead without an owner gets one from the assignment rules (first match, else
        // round-robin over active users).
        if (l.owner.isEmpty()) {
            auto owner = storage::AssignmentRules(m_db).ownerFor(l);
            if (!owner)
                return fail(owner.error());
            l.owner = *owner;
        }
        auto id = repo.insert(l, m_user);
        if (!id)
            return fail(id.error());
        m_after.id = *id;
        m_after.owner = l.owner;
        // Its first follow-up, due by the response-time rule of its source, and its score.
        // The lead is saved either way; a failure here is reported, not hidden.
        auto task = storage::FollowUpRepository(m_db).createForLead(*id);
        auto score = storage::ScoringStore(m_db).recompute(*id, QDateTime::currentDateTime());
        if ((!task || !score) && m_onError)
            m_onError(!task ? task.error() : score.error());
    }
    if (m_onApplied)
        m_onApplied();
}

void SaveLeadCommand::undo() {
    if (m_failed)
        return;
    storage::LeadRepository repo(m_db);
    if (m_before) {
        if (Status s = repo.update(*m_before); !s) {
            if (m_onError)
                m_onError(s.error());
            return;
        }
    } else {
        auto snap = storage::snapshotLead(m_db, m_after.id);
        Status s = snap ? storage::deleteLeads(m_db, {m_after.id}) : Status(Error{snap.error()});
        if (!s) {
            if (m_onError)
                m_onError(s.error());
            return;
        }
        m_removed = *snap;
    }
    if (m_onApplied)
        m_onApplied();
}

DeleteLeadsCommand::DeleteLeadsCommand(storage::Database &db, QList<qint64> ids,
                                       AppliedFn onApplied, ErrorFn onError)
    : m_db(db)
    , m_ids(std::move(ids))
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Delete %n lead(s)", nullptr, int(m_ids.size())));
}

void DeleteLeadsCommand::redo() {
    m_snapshots.clear();
    for (qint64 id : std::as_const(m_ids)) {
        auto s = storage::snapshotLead(m_db, id);
        if (!s) {
            m_failed = true;
            break;
        }
        m_snapshots << *s;
    }
    Status s = m_failed ? Status(Error{QCoreApplication::translate(
                              "Mikomi", "The lead no longer exists; it may have been deleted.")})
                        : storage::deleteLeads(m_db, m_ids);
    if (!s) {
        m_failed = true;
        setObsolete(true);
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

void DeleteLeadsCommand::undo() {
    if (m_failed)
        return;
    storage::Transaction tx(m_db);
    Status s = tx.started() ? Status() : Status(Error{tx.error()});
    for (const storage::LeadSnapshot &snap : std::as_const(m_snapshots)) {
        if (!s)
            break;
        s = storage::restoreLead(m_db, snap);
    }
    if (s)
        s = tx.commit();
    if (!s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

MergeLeadsCommand::MergeLeadsCommand(storage::Database &db, qint64 keepId, qint64 otherId,
                                     AppliedFn onApplied, ErrorFn onError)
    : m_db(db)
    , m_keepId(keepId)
    , m_otherId(otherId)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Merge duplicate leads"));
}

void MergeLeadsCommand::redo() {
    storage::LeadRepository repo(m_db);
    auto keep = repo.get(m_keepId);
    auto other = storage::snapshotLead(m_db, m_otherId);
    Status s = !keep    ? Status(Error{keep.error()})
               : !other ? Status(Error{other.error()})
                        : storage::mergeLeads(m_db, m_keepId, m_otherId);
    if (!s) {
        m_failed = true;
        setObsolete(true);
        if (m_onError)
            m_onError(s.error());
        return;
    }
    m_keepBefore = *keep;
    m_other = *other;
    if (m_onApplied)
        m_onApplied();
}

void MergeLeadsCommand::undo() {
    if (m_failed || !m_other || !m_keepBefore)
        return;
    storage::Transaction tx(m_db);
    Status s = tx.started() ? storage::restoreLead(m_db, *m_other) : Status(Error{tx.error()});
    if (s)
        s = storage::LeadRepository(m_db).update(*m_keepBefore);
    if (s)
        s = tx.commit();
    if (!s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

} // namespace mikomi::ui
