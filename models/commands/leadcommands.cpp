#include "models/commands/leadcommands.h"

#include "models/services/leadcreation.h"
#include "models/storage/duplicates.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"

#include <QCoreApplication>

#include <utility>

namespace mikomi::commands {

SaveLeadCommand::SaveLeadCommand(storage::Database &db, const Lead &after,
                                 std::optional<Lead> before, const QString &user,
                                 AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_after(after)
    , m_before(std::move(before))
    , m_version(after.version)
    , m_user(user) {
    const QString name = after.company.isEmpty() ? after.displayName(true) : after.company;
    setText(m_before ? QCoreApplication::translate("mikomi::commands::LeadCommands", "Edit lead %1")
                           .arg(name)
                     : QCoreApplication::translate("mikomi::commands::LeadCommands", "Add lead %1")
                           .arg(name));
}

Status SaveLeadCommand::apply() {
    if (m_before) {
        // Checked once, against the version the editor read; undo and redo of this change are
        // the user's own (other commands on the stack make versions in between).
        Lead l = m_after;
        l.version = std::exchange(m_version, 0);
        if (Status s = storage::LeadRepository(m_db).update(l); !s) {
            m_version = l.version; // refused: a later redo checks again
            return s;
        }
        // Attribute rules (title, region, …) may score the edited fields differently.
        auto score =
            storage::ScoringStore(m_db).recompute(m_after.id, QDateTime::currentDateTime());
        if (!score)
            warn(score.error());
        return {};
    }
    if (m_removed) {
        if (Status s = storage::restoreLead(m_db, *m_removed); !s)
            return s;
        m_removed.reset();
        return {};
    }
    Lead l = m_after;
    services::LeadCreation::Options o;
    o.user = m_user;
    services::LeadCreation creation(m_db, o);
    auto id = creation.create(l);
    if (!id)
        return id.failure();
    m_after.id = *id;
    m_after.owner = l.owner;
    return {};
}

Status SaveLeadCommand::revert() {
    if (m_before) {
        Lead l = *m_before;
        l.version = 0;
        return storage::LeadRepository(m_db).update(l);
    }
    auto snap = storage::snapshotLead(m_db, m_after.id);
    if (!snap)
        return snap.failure();
    if (Status s = storage::deleteLeads(m_db, {m_after.id}); !s)
        return s;
    m_removed = *snap;
    return {};
}

LogActivityCommand::LogActivityCommand(storage::Database &db, const Activity &activity,
                                       AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_activity(activity) {
    setText(QCoreApplication::translate("mikomi::commands::LeadCommands", "Log activity: %1")
                .arg(activityKindLabel(activity.kind)));
}

void LogActivityCommand::rescore() {
    auto score =
        storage::ScoringStore(m_db).recompute(m_activity.leadId, QDateTime::currentDateTime());
    if (!score)
        warn(score.error());
}

Status LogActivityCommand::apply() {
    m_activity.id = 0;
    auto id = storage::LeadRepository(m_db).addActivity(m_activity);
    if (!id)
        return id.failure();
    rescore();
    return {};
}

Status LogActivityCommand::revert() {
    if (Status s = storage::LeadRepository(m_db).removeActivity(m_activity.id); !s)
        return s;
    m_activity.id = 0;
    rescore();
    return {};
}

DeleteLeadsCommand::DeleteLeadsCommand(storage::Database &db, QList<qint64> ids,
                                       AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_ids(std::move(ids)) {
    setText(QCoreApplication::translate("mikomi::commands::LeadCommands", "Delete %n lead(s)",
                                        nullptr, int(m_ids.size())));
}

Status DeleteLeadsCommand::apply() {
    m_snapshots.clear();
    for (qint64 id : std::as_const(m_ids)) {
        auto s = storage::snapshotLead(m_db, id);
        if (!s)
            return Error{QCoreApplication::translate(
                "mikomi::commands::LeadCommands",
                "The lead no longer exists; it may have been deleted.")};
        m_snapshots << *s;
    }
    return storage::deleteLeads(m_db, m_ids);
}

Status DeleteLeadsCommand::revert() {
    storage::Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    for (const storage::LeadSnapshot &snap : std::as_const(m_snapshots)) {
        if (Status s = storage::restoreLead(m_db, snap); !s)
            return s;
    }
    return tx.commit();
}

MergeLeadsCommand::MergeLeadsCommand(storage::Database &db, qint64 keepId, qint64 otherId,
                                     AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_keepId(keepId)
    , m_otherId(otherId) {
    setText(QCoreApplication::translate("mikomi::commands::LeadCommands", "Merge duplicate leads"));
}

Status MergeLeadsCommand::apply() {
    auto keep = storage::LeadRepository(m_db).get(m_keepId);
    if (!keep)
        return keep.failure();
    auto other = storage::snapshotLead(m_db, m_otherId);
    if (!other)
        return other.failure();
    if (Status s = storage::mergeLeads(m_db, m_keepId, m_otherId); !s)
        return s;
    m_keepBefore = *keep;
    m_other = *other;
    return {};
}

Status MergeLeadsCommand::revert() {
    storage::Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    if (Status s = storage::restoreLead(m_db, *m_other); !s)
        return s;
    Lead keep = *m_keepBefore;
    keep.version = 0; // the merge made a new version; this puts the lead back as it was
    if (Status s = storage::LeadRepository(m_db).update(keep); !s)
        return s;
    return tx.commit();
}

} // namespace mikomi::commands
