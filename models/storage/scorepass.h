#pragma once

// Internal to models/storage: the one-pass score recompute behind ScoringStore.

#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/database.h"

#include <QDateTime>

#include <functional>

namespace mikomi::storage {

// Told how far a recompute is (done of total, in steps of its own); returns false to stop it.
using ScoreProgress = std::function<bool(qint64 done, qint64 total)>;

struct ScorePass {
    qint64 changed = 0;   // leads whose stored score was different
    bool stopped = false; // `progress` returned false: nothing was written
};

// Scores every lead with `rules` at `now` in one ordered scan of the leads and one of their
// activities (only the columns the rules read), then writes only the scores that changed.
// Every score is exactly scoring::score(rules, lead, events, now). Through SQLite's own API
// when Mikomi is built with it, else Qt SQL. Runs inside the caller's transaction (nothing here
// commits); after a stop or an error the caller must roll back.
Result<ScorePass> recomputeScores(Database &db, const scoring::Rules &rules, const QDateTime &now,
                                  const ScoreProgress &progress);

// For tests: use Qt SQL even where SQLite's own API is available (the path of builds without it).
void setScorePassUsesQtSql(bool on);
// For tests: from how many changed scores on the score indexes are rebuilt (default 50,000).
void setScorePassIndexRebuildFrom(qint64 changes);

} // namespace mikomi::storage
