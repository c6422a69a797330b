#include "models/storage/database.h"
#include "models/storage/rowuuid.h"
#include "models/storage/schema.h"
#include "models/storage/sql.h"

namespace mikomi::storage {
namespace {

// The rows a database already has get their UUIDs here (made in C++, the same on a file and on
// a server), and the database an identity of its own: `mikomi merge` records what it merged
// per peer database (merge_base).
Status giveIdentities(Database &db) {
    if (Status s = fillMissingUuids(db); !s)
        return s;
    auto q = exec(db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES ('database_id', ?) "
                                 "ON CONFLICT(key) DO NOTHING"),
                  {newRowUuid()});
    return q ? Status() : Status(q.failure());
}

} // namespace

// Schema version 13 (issue 14, team mode):
// - uuid on leads and on what hangs off them (stage_history, touchpoints, activities, tasks):
//   made where the row was created (storage/rowuuid.h), so the same lead is recognised in a
//   booth laptop's file and on the team server. Unique where set. The local integer ids stay
//   (joins, the search index and undo use them).
// - leads.version, bumped by every write of the row (storage/repositories.cpp and the other
//   UPDATEs of leads): a save against an older version is refused (no lost updates).
//   leads.updated_by: who made the last change, when known.
// - merge_base: per peer database and lead uuid, the field values both sides last agreed on (the
//   base of the three-way merge of `mikomi merge`, docs/team.md).
Migration migrationV13() {
    QStringList statements{
        QStringLiteral("ALTER TABLE leads ADD COLUMN version INTEGER NOT NULL DEFAULT 1"),
        QStringLiteral("ALTER TABLE leads ADD COLUMN updated_by TEXT NOT NULL DEFAULT ''"),
    };
    for (const QString &table : uuidTables()) {
        statements
            << QStringLiteral("ALTER TABLE %1 ADD COLUMN uuid TEXT NOT NULL DEFAULT ''").arg(table)
            << QStringLiteral("CREATE UNIQUE INDEX %1_uuid ON %1(uuid) WHERE uuid <> ''")
                   .arg(table);
    }
    statements << QStringLiteral(R"(CREATE TABLE merge_base (
    peer TEXT NOT NULL,
    uuid TEXT NOT NULL,
    fields TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    PRIMARY KEY (peer, uuid)))");
    return {13, statements, giveIdentities};
}

} // namespace mikomi::storage
