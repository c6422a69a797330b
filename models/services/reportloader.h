#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

// Fills analytics::Facts from the database.
//
// Every lead is loaded (the window is applied by the reports), so a page loads once and
// recomputes from the cached facts when only the window or the attribution model changes.
// Leads come in id order (from a team server, those whose touchpoints no report reads come
// last, in no set order: storage::FactSink::groupableSources). Sources are every row of `sources`
// in id order; a lead whose source id is missing or dangling has NoSource. Touchpoints come per
// lead in (occurred_at, id) order; those of leads that no longer exist are skipped. A created or
// won date that is not a valid date is NoDay; a touchpoint whose time cannot be read is skipped.
//
// The rows come from storage::readFacts (models/storage/factreader.h), which has two paths:
// - native (MIKOMI_HAVE_SQLITE3): SQLite's own API reads the covering indexes of schema v5
//   (leads_report: the lead columns in id order; touchpoints_lead) and parses the ISO dates from
//   their bytes (a value in any other form is handed to SQLite's julianday(), so the numbers are
//   exactly the portable ones); the touchpoints of the leads the reports read are fetched by
//   lead id in one statement (json_each), all in one read transaction;
// - portable (Qt SQL): one SELECT per table, SQLite turning dates into numbers.
// 1,000,000 demo leads (1.7M touchpoints, 118k of them read): ~0.35 s native, ~2.3 s portable.
namespace mikomi::services {

struct FactsLoadOptions {
    // false: only the touchpoints the reports read (analytics::reportsReadTouches: those of
    // customers and of leads without a named source); true: every touchpoint.
    bool allTouchpoints = false;
    // Read through Qt SQL even where SQLite's own API is available (tests compare the paths).
    bool portable = false;
};

Result<analytics::Facts> loadFacts(const storage::Database &db,
                                   const FactsLoadOptions &options = {});

// True when loadFacts reads through SQLite's own API (MIKOMI_HAVE_SQLITE3), for benchmarks.
bool reportLoaderIsNative();

} // namespace mikomi::services
