#include "models/commands/leadcommands.h"

#include "models/commands/leadversion.h"

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
    const Step step = m_applied ? Step::Redo : Step::First;
    if (m_before) {
        // The first apply is checked against the version the editor read (update() refuses a
        // lead saved meanwhile); undo and redo against the version this window last wrote.
        Lead l = m_after;
        l.version = std::exchange(m_version, 0);
        Status s = writeOwnLeads(m_db, step, {m_after.id},
                                 [&] { return storage::LeadRepository(m_db).update(l); });
        if (!s) {
            m_version = l.version; // refused: a later redo checks again
            return s;
        }
        m_applied = true;
        // Attribute rules (title, region, …) may score the edited fields differently.
        auto score =
            storage::ScoringStore(m_db).recompute(m_after.id, QDateTime::currentDateTime());
        if (!score)
            warn(score.error());
        return {};
    }
    if (m_removed) {
        // Put back as it was when undone; nobody can have saved a lead that was not there.
        if (Status s = writeOwnLeads(m_db, Step::First, {m_after.id},
                                     [&] { return storage::restoreLead(m_db, *m_removed); });
            !s)
            return s;
        m_removed.reset();
        return {};
    }
    Lead l = m_after;
    services::LeadCreation::Options o;
    o.user = m_user;
    services::LeadCreation creation(m_db, o);
    Result<qint64> id = qint64(0);
    Status s = writeOwnLeads(m_db, Step::First, {}, [&]() -> Status {
        id = creation.create(l);
        if (!id)
            return id.failure();
        m_db.watchLeadVersion(*id);
        return {};
    });
    if (!s)
        return s;
    m_after.id = *id;
    m_after.owner = l.owner;
    m_applied = true;
    return {};
}

Status SaveLeadCommand::revert() {
    if (m_before) {
        Lead l = *m_before;
        l.version = 0;
        return writeOwnLeads(m_db, Step::Undo, {m_after.id},
                             [&] { return storage::LeadRepository(m_db).update(l); });
    }
    // A new lead: deleted with everything attached, unless someone else has saved it since.
    return writeOwnLeads(m_db, Step::Undo, {m_after.id}, [&]() -> Status {
        auto snap = storage::snapshotLead(m_db, m_after.id);
        if (!snap)
            return snap.failure();
        if (Status s = storage::deleteLeads(m_db, {m_after.id}); !s)
            return s;
        m_removed = *snap;
        return {};
    });
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
    // A redo deletes the leads the undo put back: refused when someone else saved one since.
    const Step step = m_applied ? Step::Redo : Step::First;
    QList<storage::LeadSnapshot> snapshots;
    Status s =
        writeOwnLeads(m_db, step, step == Step::Redo ? m_ids : QList<qint64>(), [&]() -> Status {
            for (qint64 id : std::as_const(m_ids)) {
                auto snap = storage::snapshotLead(m_db, id);
                if (!snap)
                    return Error{
                        QCoreApplication::translate("mikomi::commands::LeadCommands",
                                                    "The lead no longer exists; it may have been "
                                                    "deleted.")};
                snapshots << *snap;
            }
            return storage::deleteLeads(m_db, m_ids);
        });
    if (!s)
        return s;
    m_snapshots = std::move(snapshots);
    m_applied = true;
    return {};
}

Status DeleteLeadsCommand::revert() {
    return writeOwnLeads(m_db, Step::First, m_ids, [&]() -> Status {
        for (const storage::LeadSnapshot &snap : std::as_const(m_snapshots)) {
            if (Status s = storage::restoreLead(m_db, snap); !s)
                return s;
        }
        return {};
    });
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
    const Step step = m_applied ? Step::Redo : Step::First;
    std::optional<Lead> keepBefore;
    std::optional<storage::LeadSnapshot> other;
    Status s = writeOwnLeads(m_db, step,
                             step == Step::Redo ? QList<qint64>{m_keepId, m_otherId}
                                                : QList<qint64>{m_keepId},
                             [&]() -> Status {
                                 auto keep = storage::LeadRepository(m_db).get(m_keepId);
                                 if (!keep)
                                     return keep.failure();
                                 auto snap = storage::snapshotLead(m_db, m_otherId);
                                 if (!snap)
                                     return snap.failure();
                                 if (Status m = storage::mergeLeads(m_db, m_keepId, m_otherId); !m)
                                     return m;
                                 keepBefore = *keep;
                                 other = *snap;
                                 return {};
                             });
    if (!s)
        return s;
    m_keepBefore = std::move(keepBefore);
    m_other = std::move(other);
    m_applied = true;
    return {};
}

Status MergeLeadsCommand::revert() {
    return writeOwnLeads(m_db, Step::Undo, {m_keepId}, [&]() -> Status {
        m_db.watchLeadVersion(m_otherId);
        if (Status s = storage::restoreLead(m_db, *m_other); !s)
            return s;
        Lead keep = *m_keepBefore;
        keep.version = 0; // the merge made a new version; this puts the lead back as it was
        return storage::LeadRepository(m_db).update(keep);
    });
}

} // namespace mikomi::commands
