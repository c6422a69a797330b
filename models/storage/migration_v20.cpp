#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 20 (issue 14, tests/bench/bench_team): nothing on a file. On a server
// (pgschema.cpp) leads_report also carries owner_id (INCLUDE): with "Reps see only their own
// leads" on, the policy reads a lead's owner, which the index did not hold, so a manager's or a
// rep's report facts read the whole table (a Seq Scan of 0.79 s of a 1.4 s statement at
// 1,000,000 leads, EXPLAIN ANALYZE as the manager) where the owner's read only the index.
Migration migrationV20() {
    return {20, {}};
}

} // namespace mikomi::storage
