#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 23 (issue 14, tests/bench/bench_team): nothing on a file (its bulk writers
// pause the triggers). On a server (pgschema.cpp, activityStatementTrigger) the activities an
// INSERT adds update their leads' last_activity_at once per statement, not once per row.
Migration migrationV23() {
    return {23, {}};
}

} // namespace mikomi::storage
