#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 8: the score moves out of the leads row into a narrow table of its own. A
// change of the scoring rules rewrites the scores of most leads; in the leads table every such
// write rewrote a whole (wide) row, about 400 MB of pages at a million leads (21.7 s in the
// sqlite3 shell); here a row is two integers. Every lead has a row (written with the lead; the
// migration copies the existing scores), removed with it (ON DELETE CASCADE). The score indexes
// go with the column: lead_scores_score sorts by score; leads_ready loses its score column and
// the pipeline's "ready" filter joins the score by primary key.
Migration migrationV8() {
    return {8,
            {
                QStringLiteral(R"(CREATE TABLE lead_scores (
    lead_id INTEGER PRIMARY KEY NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    score INTEGER NOT NULL DEFAULT 0))"),
                QStringLiteral("INSERT INTO lead_scores(lead_id, score) SELECT id, score FROM "
                               "leads ORDER BY id"),
                QStringLiteral("DROP INDEX IF EXISTS leads_score"),
                QStringLiteral("DROP INDEX IF EXISTS leads_ready"),
                QStringLiteral("ALTER TABLE leads DROP COLUMN score"),
                QStringLiteral("CREATE INDEX lead_scores_score ON lead_scores(score)"),
                // The open leads of a stage with their values, for the pipeline's "ready"
                // totals: read from this index, each joined to its score by primary key.
                QStringLiteral("CREATE INDEX leads_ready ON leads(lost, stage, deal_value)"),
            }};
}

} // namespace mikomi::storage
