#pragma once

#include "models/domain/enums.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QString>

#include <optional>
#include <vector>

// The rows the reports are computed from, read in one pass per table with dates already turned
// into numbers (services/reportloader turns them into analytics::Facts). Kept here so that the
// reports' SQL, the SQLite API and the date parsing of stored text stay in storage.
//
// Two paths give the same rows:
// - native (MIKOMI_HAVE_SQLITE3): SQLite's own API reads the covering indexes of schema v5
//   (leads_report: the lead columns in id order; touchpoints_lead) and parses the ISO dates from
//   their bytes (a value in any other form is handed to SQLite's julianday(), so the numbers are
//   exactly the portable ones); the touchpoints of chosen leads are fetched by lead id in one
//   statement (json_each); all in one read transaction;
// - portable (Qt SQL): one SELECT per table, SQLite turning dates into numbers;
// - a team server (Qt SQL, one read-only snapshot): the leads whose touchpoints a report reads
//   one by one, the others grouped by their facts on the server (see groupableSources()), only
//   the touchpoints of the former, and the dates turned into numbers here from the stored text
//   (where PostgreSQL spent seconds at 1,000,000 leads).
namespace mikomi::storage {

// Day numbers are Julian days (CAST(julianday(date) + 0.5 AS INTEGER), as QDate::toJulianDay).
struct FactSourceRow {
    qint64 id = 0;
    QString name;
    QString category; // as stored (a category key)
    QString tier;     // as stored (a tier key)
};

struct FactLeadRow {
    qint64 id = 0;
    std::optional<qint64> sourceId;
    Stage furthestStage = Stage::Inquiry; // by the stored key's first letter; Inquiry otherwise
    bool lost = false;
    std::optional<qint64> createdDay; // nullopt: NULL or not a date
    std::optional<qint64> wonDay;
    std::optional<qint64> dealValue; // minor units
    std::optional<qint64> lifetimeValue;
};

// Only touchpoints whose time can be read are handed over.
struct FactTouchRow {
    qint64 leadId = 0;
    qint64 occurredAtMs = 0; // epoch milliseconds
    std::optional<qint64> day;
    std::optional<qint64> sourceId;
};

struct FactSpendRow {
    std::optional<qint64> sourceId;
    QString month; // as stored ("YYYY-MM")
    qint64 amount = 0;
};

// Receives the rows, in this order: every source (id order), the lead count (a hint), every
// lead (not necessarily in id order: through leads_report they are), then the touchpoints (per
// lead in (occurred_at, id) order, leads ascending; possibly of leads that do not exist any
// more), then every spend row.
class FactSink {
public:
    virtual ~FactSink() = default;
    virtual void source(const FactSourceRow &row) = 0;
    virtual void leadCount(qint64 count) { Q_UNUSED(count); }
    virtual void lead(const FactLeadRow &row) = 0;
    // Asked at most once, after the lead() calls: the ids (ascending) whose touchpoints are needed,
    // or nullopt for all of them. A hint: more may be handed over (the reader decides what is
    // cheaper), so the sink still filters.
    virtual std::optional<std::vector<qint64>> wantedTouchLeads() { return std::nullopt; }
    // Asked once, after the sources and before the leads: the ids of the sources whose leads
    // that are not customers the sink needs only as facts, without their ids or touchpoints, or
    // nullopt (the default) for every lead one by one. A team server then hands such leads over
    // through leads(): one row per distinct set of facts with how many leads have it (a reader
    // of a file still hands every lead to lead()).
    virtual std::optional<std::vector<qint64>> groupableSources() { return std::nullopt; }
    // `count` leads with the facts of `row` (whose id means nothing), in any order with the
    // lead() calls, and possibly after the touchpoints (a team server's sums, read on a second
    // connection while the touchpoints are read on the first). Only when groupableSources()
    // gave ids; by default lead() `count` times.
    virtual void leads(const FactLeadRow &row, qint64 count) {
        for (qint64 i = 0; i < count; ++i)
            lead(row);
    }
    virtual void touch(const FactTouchRow &row) = 0;
    virtual void spend(const FactSpendRow &row) = 0;
};

// Reads every row into `sink`; `portable` reads through Qt SQL even where SQLite's own API is
// available (tests compare the paths). An Error when a query fails (the sink may then hold part).
Status readFacts(const Database &db, FactSink &sink, bool portable = false);

// True when readFacts can read through SQLite's own API (MIKOMI_HAVE_SQLITE3), for benchmarks.
bool factReaderIsNative();

// On a server, from how many leads (the highest id) readFacts reads the leads in two halves at
// once, the upper on a second connection in the same snapshot (default 200,000); for tests.
void setServerSplitLeads(qint64 leads);
// How many reads of this process had their upper half read on a second connection; for tests.
qint64 serverSplitReads();
// On a server of schema 22, lead_groups is compacted after a read when it holds more than twice
// the rows its last compaction kept, plus this many (default 20,000); for tests.
void setLeadGroupsSlack(qint64 rows);
// How many compactions of lead_groups this process ran; for tests.
qint64 leadGroupsCompactions();
// On a server, replaces lead_groups' rows by their sums when they are more than twice as many as
// the last compaction kept, plus the slack above (true when it did; false when there was nothing
// to gain or another session was at it). In the caller's transaction when one is open (where a
// failure aborts it on a server: the caller puts it behind a savepoint, a nested Transaction). A
// bulk writer calls it at the end of a large write (pgbulkwriter.h), so the first report after
// it does not pay for it.
Result<bool> compactLeadGroups(const Database &db);
// Leads a bulk writer adds before it compacts lead_groups at its end: the slack above.
qint64 leadGroupsSlack();

} // namespace mikomi::storage
