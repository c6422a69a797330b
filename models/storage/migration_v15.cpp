#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 15 (issue 14, team mode): tombstones, so that a deletion travels with
// `mikomi merge` (docs/team.md). A row of leads, stage_history, touchpoints, activities or tasks
// that is deleted leaves its uuid, its table, when and (on a server) by whom; the merge then
// removes the same row from the other database instead of adding it back. Nothing else of the
// row is kept: an erased person's tombstone (erased = 1, privacy.cpp) is their uuid alone.
// - Written by triggers, so that no path that deletes is forgotten (the lead editor, undo, the
//   merge of duplicates, erasure, restoreStageState, an activity removed). The rows of a deleted
//   lead (cascaded) leave none: the lead's tombstone stands for them.
// - Erasing a person (privacy.cpp) also removes their merge bases (merge_base holds the field
//   values both sides agreed on); merge_base_uuid finds them.
// - Undoing a delete (leadsnapshot.cpp) removes the lead's tombstone again.
// On a server the same triggers are one PL/pgSQL function (pgschema.cpp), which records the
// role signed in as deleted_by; a file records no name (it has one user, not known to SQL).
Migration migrationV15() {
    const QString now = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')");
    QStringList statements{
        QStringLiteral(R"(CREATE TABLE tombstones (
    uuid TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL
        CHECK (table_name IN ('leads','stage_history','touchpoints','activities','tasks')),
    deleted_at TEXT NOT NULL,
    deleted_by TEXT NOT NULL DEFAULT '',
    erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1))))"),
        QStringLiteral("CREATE INDEX merge_base_uuid ON merge_base(uuid)"),
        QStringLiteral("CREATE TRIGGER leads_tombstone AFTER DELETE ON leads WHEN OLD.uuid <> '' "
                       "BEGIN INSERT OR REPLACE INTO tombstones(uuid, table_name, deleted_at) "
                       "VALUES (OLD.uuid, 'leads', %1); END")
            .arg(now),
    };
    for (const QString &table : {QStringLiteral("stage_history"), QStringLiteral("touchpoints"),
                                 QStringLiteral("activities"), QStringLiteral("tasks")}) {
        // A row deleted with its lead (ON DELETE CASCADE runs after the lead row is gone)
        // leaves no tombstone of its own.
        statements << QStringLiteral("CREATE TRIGGER %1_tombstone AFTER DELETE ON %1 WHEN "
                                     "OLD.uuid <> '' AND EXISTS (SELECT 1 FROM leads WHERE id = "
                                     "OLD.lead_id) BEGIN INSERT OR REPLACE INTO tombstones(uuid, "
                                     "table_name, deleted_at) VALUES (OLD.uuid, '%1', %2); END")
                          .arg(table, now);
    }
    return {15, statements};
}

} // namespace mikomi::storage
