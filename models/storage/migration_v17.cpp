#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 17: the leads that can be hot or warm are found through indexes. A lead is hot
// or warm only when its temperature was set by hand or it was active (else created) within the
// thresholds' days (leadquery.cpp, temperatureSql); every other lead is cold. Sorted or filtered
// by temperature, the list read every lead to tell (1.7-2.2 s at 1,000,000 leads when none was
// hot or warm); it now reads those few through these two indexes and the creation index.
// - leads_last_activity: the leads active since a date (a range of last_activity_at; an ISO
//   time sorts as its date does).
// - leads_temperature_set: the leads whose temperature was set by hand (few: a partial index).
// Plain column indexes, so the server (pgschema.cpp) builds the same ones from the same text.
// At 1,000,000 leads the step takes about 12 s on a file (the index on last_activity_at).
// IF NOT EXISTS: files made by a development build that numbered these indexes 16 (before the
// row-level security of migration_v16.cpp took that number) are at 16 with them already.
Migration migrationV17() {
    return {
        17,
        {
            QStringLiteral(
                "CREATE INDEX IF NOT EXISTS leads_last_activity ON leads(last_activity_at)"),
            QStringLiteral(
                "CREATE INDEX IF NOT EXISTS leads_temperature_set ON leads(temperature_override) "
                "WHERE temperature_override IS NOT NULL"),
        }};
}

} // namespace mikomi::storage
