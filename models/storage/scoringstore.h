#pragma once

#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/database.h"

#include <QDateTime>

#include <functional>
#include <optional>

namespace mikomi::storage {

// Scoring rules (table scoring_rules) and thresholds (settings scoring/*), and the scores they
// give (leads.score).
class ScoringStore final {
public:
    explicit ScoringStore(Database &db)
        : m_db(db) {}
    Result<scoring::Rules> load() const;
    // Replaces the rules and thresholds (one transaction). Call recomputeAll() afterwards, or
    // use apply().
    Status save(const scoring::Rules &rules);
    // Recomputes every lead's score at `now` in one pass (one transaction); writes only changed
    // scores. Returns how many changed.
    Result<qint64> recomputeAll(const QDateTime &now,
                                const std::function<void(qint64 done)> &progress = {});

    struct Applied {
        qint64 changed = 0;     // leads whose score changed
        bool cancelled = false; // `progress` returned false: nothing was changed
    };
    // Saves the rules and recomputes every lead's score at `now` in one transaction: the same
    // as save() then recomputeAll(), but all or nothing. `progress` is told how far it is (done
    // of total steps); when it returns false everything is rolled back, the rules included.
    // For a worker thread with its own connection (ui::ScoreRecomputer).
    Result<Applied> apply(const scoring::Rules &rules, const QDateTime &now,
                          const std::function<bool(qint64 done, qint64 total)> &progress = {});
    // Recomputes one lead (after an activity or a field change). Returns the new score.
    Result<int> recompute(qint64 leadId, const QDateTime &now);

    // The temperature a lead gets from its score and the days since its last activity (or its
    // creation when it has none) at `now`, ignoring any override.
    Result<Temperature> derivedTemperature(qint64 leadId, const QDateTime &now) const;
    // Sets (or clears, nullopt = Automatic) the temperature override of many leads in one
    // transaction. Returns each lead's previous override, in the order of `leadIds`, for undo.
    Result<QList<std::optional<Temperature>>>
    setTemperatureOverride(const QList<qint64> &leadIds, std::optional<Temperature> temperature);
    // Writes back the overrides setTemperatureOverride returned (one transaction).
    Status restoreTemperatureOverrides(const QList<qint64> &leadIds,
                                       const QList<std::optional<Temperature>> &overrides);

private:
    Database &m_db;
};

} // namespace mikomi::storage
