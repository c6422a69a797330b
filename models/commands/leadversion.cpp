#include "models/commands/leadversion.h"

#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QCoreApplication>

namespace mikomi::commands {

Status writeOwnLeads(storage::Database &db, Step step, const QList<qint64> &leadIds,
                     const std::function<Status()> &write) {
    storage::Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    if (step != Step::First) {
        const storage::LeadRepository repo(db);
        for (qint64 id : leadIds) {
            auto stored = repo.lockVersion(id);
            if (!stored)
                return stored.failure();
            const std::optional<qint64> own = db.ownLeadVersion(id);
            if (own && *own != *stored)
                return Error{step == Step::Undo
                                 ? QCoreApplication::translate(
                                       "mikomi::commands::LeadVersion",
                                       "Someone else changed this lead after your change, so it "
                                       "was not undone: undoing it would overwrite their change. "
                                       "Open the lead to see it and edit it again if needed.")
                                 : QCoreApplication::translate(
                                       "mikomi::commands::LeadVersion",
                                       "Someone else changed this lead after you undid your "
                                       "change, so it was not redone: redoing it would "
                                       "overwrite their change. Open the lead to see it and "
                                       "edit it again if needed."),
                             ErrorKind::Changed};
        }
    }
    for (qint64 id : leadIds)
        db.watchLeadVersion(id);
    if (Status s = write(); !s)
        return s;
    return tx.commit();
}

} // namespace mikomi::commands
