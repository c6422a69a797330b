#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 21 (issue 14, tests/bench/bench_team): the owner's index also holds the
// creation order. A search on a server reads the newest leads the role may see first
// (LeadQuery::newestWindowIds); for a rep whom "Reps see only their own leads" limits, those are
// their own leads in order, walked through this index instead of every lead less theirs (55,000
// rows for a window of 10,000 at a fifth of the leads). It replaces leads_owner, which it serves
// as well (a lookup by owner reads its first column), so a lead written does not pay for one more
// index. On both backends: the same indexes on a file and on a server.
Migration migrationV21() {
    return {
        21,
        {
            QStringLiteral("DROP INDEX leads_owner"),
            QStringLiteral("CREATE INDEX leads_owner_created ON leads(owner_id, created_at, id)"),
        }};
}

} // namespace mikomi::storage
