#include "models/storage/schema.h"

namespace mikomi::storage {
namespace {

// Schema version 6: each lead keeps the time of its latest activity (leads.last_activity_at,
// NULL without any), so its temperature (score thresholds plus days since the last activity) is
// a function of the row. Sorting or filtering a million leads by temperature had looked up every
// lead's activities (3 s); now it is one pass over the rows.
// The triggers recompute the value from activities_lead (one index seek) whenever an activity is
// inserted, moved, re-dated or deleted. Not on the implicit delete of INSERT OR REPLACE (SQLite
// fires no delete trigger there): restoring activities uses an upsert (leadsnapshot.cpp).
// BulkWriter turns the triggers off while it inserts activities and sets the column itself
// (bulkwriter.cpp).
QStringList lastActivityTriggers() {
    const QString recompute =
        QStringLiteral("UPDATE leads SET last_activity_at = (SELECT max(occurred_at) FROM "
                       "activities WHERE lead_id = %1.lead_id) WHERE id = %1.lead_id;");
    return {
        QStringLiteral("CREATE TRIGGER activities_last_insert AFTER INSERT ON activities BEGIN "
                       "%1 END")
            .arg(recompute.arg(QStringLiteral("NEW"))),
        QStringLiteral("CREATE TRIGGER activities_last_delete AFTER DELETE ON activities BEGIN "
                       "%1 END")
            .arg(recompute.arg(QStringLiteral("OLD"))),
        QStringLiteral("CREATE TRIGGER activities_last_update AFTER UPDATE OF lead_id, "
                       "occurred_at ON activities BEGIN %1 %2 END")
            .arg(recompute.arg(QStringLiteral("OLD")), recompute.arg(QStringLiteral("NEW"))),
    };
}

} // namespace

Migration migrationV6() {
    QStringList statements{
        QStringLiteral("ALTER TABLE leads ADD COLUMN last_activity_at TEXT"),
        QStringLiteral("UPDATE leads SET last_activity_at = (SELECT max(occurred_at) FROM "
                       "activities a WHERE a.lead_id = leads.id) WHERE id IN (SELECT lead_id "
                       "FROM activities)"),
    };
    statements << lastActivityTriggers();
    return {6, statements};
}

} // namespace mikomi::storage
