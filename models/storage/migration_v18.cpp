#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 18 (issue 14, tests/bench/bench_team): the team server at 1,000,000 leads.
// Nothing on a file. On a server (pgschema.cpp, serverSpeedUps):
// - the trigger keeping leads.last_activity_at writes the lead only when the value changes. It
//   rewrote the lead row for every activity added, even to the same value (a bulk writer, the
//   demo, an import or a merge set it already): each rewrite a new row version and an entry in
//   every index of leads (the trigram index among them). perf on the demo writer's fill: 60 % of
//   the server's time was in that trigger.
Migration migrationV18() {
    return {18, {}};
}

} // namespace mikomi::storage
