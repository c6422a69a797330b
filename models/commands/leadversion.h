#pragma once

#include "models/domain/result.h"

#include <QList>

#include <functional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::commands {

// Undo and redo of a change to leads on a shared database (docs/team.md, "No lost updates").
// An undo or redo writes the leads back as this window had them, so it is the user's own only
// while nobody else has saved those leads since this window last wrote them: otherwise it is
// refused as a stale save is (ErrorKind::Changed), and the other person's version stays.
enum class Step { First, Undo, Redo };

// Runs `write` in one transaction. For Undo and Redo, first checks each lead of `leadIds`: its
// stored version (locked until the commit on a server) must be the one this window last wrote
// (Database::ownLeadVersion). Every lead of `leadIds` is then held, so that the next undo or redo
// is checked against the version this step made. `write` may hold more leads (a new lead's id)
// with Database::watchLeadVersion.
Status writeOwnLeads(storage::Database &db, Step step, const QList<qint64> &leadIds,
                     const std::function<Status()> &write);

} // namespace mikomi::commands
