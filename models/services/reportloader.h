#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

// Fills analytics::Facts from the database: one SELECT per table (sources, leads, touchpoints
// ORDER BY lead_id, occurred_at over their index, spend), numbers only (dates are turned into
// day numbers and epoch milliseconds by SQLite itself), so no QString is made per lead.
//
// Every lead is loaded (the window is applied by the reports), so a page loads once and
// recomputes from the cached facts when only the window or the attribution model changes.
// Sources are every row of `sources` in id order; a lead whose source id is missing or dangling
// has NoSource. Touchpoints of leads that no longer exist are skipped. A created or won date
// that is not a valid date is NoDay; a touchpoint whose time cannot be read is skipped.
namespace mikomi::services {

Result<analytics::Facts> loadFacts(const storage::Database &db);

// True when loadFacts reads through SQLite's own API (MIKOMI_HAVE_SQLITE3), for benchmarks.
bool reportLoaderIsNative();

} // namespace mikomi::services
