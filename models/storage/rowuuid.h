#pragma once

// Internal to models/storage: the identity a row carries between databases (schema v13).

#include "models/domain/result.h"

#include <QString>
#include <QStringList>

namespace mikomi::storage {

class Database;

// A new time-ordered (version 7, RFC 9562) UUID as stored: 36 lower-case characters, no braces;
// the milliseconds it was made, then random bits from a per-thread generator seeded from the
// system's (QUuid::createUuid() asks the kernel for every one: an import makes one per lead and
// per history row). Rows made by earlier versions carry random (version 4) ones, kept as they
// are.
QString newRowUuid();
// The same, as its 36 ASCII characters written to `out` (no terminating zero).
void writeNewRowUuid(char *out);

// `given` when set (a row that travels keeps its identity), else a new one.
inline QString rowUuidOr(const QString &given) {
    return given.isEmpty() ? newRowUuid() : given;
}

// Gives every row of the synced tables (leads, stage_history, touchpoints, activities, tasks)
// that has none a new UUID: migration v13 for the rows a file already has, and `mikomi merge`
// for rows written by a path that did not make one. One UPDATE per row, inside the caller's
// transaction.
Status fillMissingUuids(Database &db);

// The tables whose rows carry a uuid.
const QStringList &uuidTables();

} // namespace mikomi::storage
