#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 22 (issue 14, tests/bench/bench_team): nothing on a file (its report facts are
// read through SQLite's own API in ~0.2 s at 1,000,000 leads). On a server (pgschema.cpp,
// reportGroups) the table lead_groups holds how many leads have each set of report facts, per
// owner, kept by triggers on leads in the same transaction as every write, so that the source
// report reads ~250,000 counted rows instead of grouping 1,000,000 leads (two hash aggregates of
// ~1 s each on bench_team's million).
Migration migrationV22() {
    return {22, {}};
}

} // namespace mikomi::storage
