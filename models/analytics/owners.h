#pragma once

#include "models/domain/money.h"

#include <QString>

#include <array>
#include <optional>
#include <vector>

// Per owner (issue 15, "goals against actuals"): leads worked, conversion, won revenue and open
// pipeline value, from the pipeline's totals of the owner's leads as they stand now (all dates).
// - leads worked = every lead of the owner (open, won and lost);
// - conversion = customers / leads worked (none without leads);
// - won revenue = Σ deal value of the owner's customers;
// - open pipeline value = Σ deal value of the owner's open leads (inquiry to opportunity, not
//   lost, not won).
namespace mikomi::analytics {

// Counts and deal values of one owner's leads by column: inquiry, MQL, SQL, opportunity,
// customer, lost (the Pipeline page's columns, storage::PipelineColumn order).
struct OwnerStageTotals {
    QString owner;
    std::array<qint64, 6> counts{};
    std::array<Money, 6> values{};
    qint64 ownerId = 0; // in the database; 0: the leads nobody owns
};

struct OwnerFigures {
    QString owner;
    qint64 ownerId = 0; // in the database; 0: the leads nobody owns (the drill-down's filter)
    qint64 leadsWorked = 0;
    qint64 customers = 0;
    std::optional<double> conversion;
    Money wonRevenue = 0;
    Money openPipeline = 0;
    qint64 openLeads = 0;
};

OwnerFigures ownerFigures(const OwnerStageTotals &totals);
// One row per owner, ordered by won revenue descending, then leads worked, then name.
std::vector<OwnerFigures> ownerFigures(const std::vector<OwnerStageTotals> &totals);

} // namespace mikomi::analytics
