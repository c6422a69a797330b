#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"

#include <optional>
#include <vector>

// The 70-20-10 budget (product.md §Formulas "Budget", cli.md `budget`).
//
// Total B (minor units) → core / growth / experiment by largestRemainder(B, 70:20:10), so the
// three add up to B exactly. Within core and growth: in proportion to each source's customers
// (first touch) among leads created in the window; if all zero, to its leads; if still zero,
// equally. Experiment: equally. Every split is largestRemainder() (ties: larger exact share, then
// name). The Unknown source(s) never receive budget. Every named source of Facts::sources is
// eligible, with or without leads (the loader decides which sources exist). A tier without
// sources keeps its amount as `unallocated` and gets a `tier_empty` warning; it is never moved.
// Actual share of a tier = spend of its sources in the window's months / all spend in those
// months (spend on unknown names counts in the total but in no tier); null when there is none.
// Allocations are ordered by tier, then amount descending, then name.
namespace mikomi::analytics {

enum class BudgetBasis { Customers, Leads, Equal };

struct TierBudget {
    Tier tier = Tier::Core;
    double targetShare = 0; // 0.7, 0.2, 0.1
    Money amount = 0;       // the tier's part of the total
    Money unallocated = 0;  // = amount when the tier has no source
    Money spend = 0;        // actual spend in the window
    std::optional<double> actualShare;
    BudgetBasis basis = BudgetBasis::Equal; // what the split inside the tier followed
};

struct Allocation {
    qint32 sourceIndex = NoSource;
    QString source;
    Tier tier = Tier::Core;
    Money amount = 0;
};

struct BudgetWarning {
    enum class Kind { TierEmpty };
    Kind kind = Kind::TierEmpty;
    Tier tier = Tier::Experiment;
};
QString budgetWarningKindKey(BudgetWarning::Kind k); // "tier_empty"
QString budgetWarningText(const BudgetWarning &w);   // translated sentence

struct BudgetPlan {
    Money total = 0;
    Window window;
    std::vector<TierBudget> tiers; // core, growth, experiment
    std::vector<Allocation> allocations;
    std::vector<BudgetWarning> warnings;
    Money totalSpend = 0; // all spend in the window's months
};

struct BudgetOptions {
    Money total = 0; // minor units, ≥ 0
    Window window;
};

// Fails (translated message) on a negative total or a bad window.
Result<BudgetPlan> computeBudget(const Facts &facts, const BudgetOptions &options);

} // namespace mikomi::analytics
