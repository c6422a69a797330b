#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 19: the rows still without a UUID are found through an index. `mikomi merge`
// asks every table that carries one for them first (fillMissingUuids, rowuuid.h), on both
// databases; the uuid indexes are partial (WHERE uuid <> ''), so each ask read the whole table:
// 0.15-0.3 s per table on a server of 1,000,000 leads (bench_team, the server's log), on every
// merge. These partial indexes hold only such rows (normally none), so the ask is a look at an
// empty index. Plain index statements: the server (pgschema.cpp) builds the same ones.
Migration migrationV19() {
    QStringList statements;
    for (const QString &table :
         {QStringLiteral("leads"), QStringLiteral("stage_history"), QStringLiteral("touchpoints"),
          QStringLiteral("activities"), QStringLiteral("tasks")})
        statements << QStringLiteral("CREATE INDEX IF NOT EXISTS %1_uuid_missing ON %1(id) WHERE "
                                     "uuid = ''")
                          .arg(table);
    return {19, statements};
}

} // namespace mikomi::storage
