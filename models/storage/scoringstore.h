#pragma once

#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/database.h"

#include <QDateTime>

#include <functional>

namespace mikomi::storage {

// Scoring rules (table scoring_rules) and thresholds (settings scoring/*), and the scores they
// give (leads.score).
class ScoringStore final {
public:
    explicit ScoringStore(Database &db)
        : m_db(db) {}
    Result<scoring::Rules> load() const;
    // Replaces the rules and thresholds (one transaction). Call recomputeAll() afterwards.
    Status save(const scoring::Rules &rules);
    // Recomputes every lead's score at `now` in batches (one transaction); writes only changed
    // scores. Returns how many changed.
    Result<qint64> recomputeAll(const QDateTime &now,
                                const std::function<void(qint64 done)> &progress = {});
    // Recomputes one lead (after an activity or a field change). Returns the new score.
    Result<int> recompute(qint64 leadId, const QDateTime &now);

private:
    Database &m_db;
};

} // namespace mikomi::storage
