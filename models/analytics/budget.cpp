#include "models/analytics/budget.h"

#include "models/analytics/largestremainder.h"
#include "models/analytics/sourcereport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace mikomi::analytics {

QString budgetWarningKindKey(BudgetWarning::Kind k) {
    switch (k) {
    case BudgetWarning::Kind::TierEmpty:
        return QStringLiteral("tier_empty");
    }
    return {};
}

QString budgetWarningText(const BudgetWarning &w) {
    switch (w.kind) {
    case BudgetWarning::Kind::TierEmpty:
        return QCoreApplication::translate(
                   "mikomi::analytics::Budget",
                   "No source is in the tier %1, so its budget is left unallocated.")
            .arg(tierLabel(w.tier));
    }
    return {};
}

Result<BudgetPlan> computeBudget(const Facts &facts, const BudgetOptions &options) {
    if (options.total < 0) {
        return Error{QCoreApplication::translate("mikomi::analytics::Budget",
                                                 "The budget total cannot be negative.")};
    }
    ReportOptions reportOptions;
    reportOptions.window = options.window;
    reportOptions.attribution = Attribution::First;
    const Result<SourceReport> report = computeSourceReport(facts, reportOptions);
    if (!report)
        return Error{report.error()};

    const std::size_t nSources = facts.sources.size();
    std::vector<qint64> leads(nSources, 0);
    std::vector<qint64> customers(nSources, 0);
    std::vector<Money> tierSpend(TierCount, 0);
    for (const SourceRow &row : report->sources) {
        if (row.isUnknown)
            continue;
        leads[std::size_t(row.sourceIndex)] = row.funnel.leads;
        customers[std::size_t(row.sourceIndex)] = std::llround(row.funnel.customer);
        tierSpend[std::size_t(*row.tier)] += row.funnel.spend;
    }

    BudgetPlan plan;
    plan.total = options.total;
    plan.window = options.window;
    plan.totalSpend = report->totals.spend;

    const std::vector<qint64> tierAmounts = largestRemainder(
        options.total, {70, 20, 10},
        {QStringLiteral("core"), QStringLiteral("growth"), QStringLiteral("experiment")});

    for (int t = 0; t < TierCount; ++t) {
        const Tier tier = Tier(t);
        TierBudget tb;
        tb.tier = tier;
        tb.targetShare = tierTargetShare(tier);
        tb.amount = tierAmounts[std::size_t(t)];
        tb.spend = tierSpend[std::size_t(t)];
        if (plan.totalSpend != 0)
            tb.actualShare = double(tb.spend) / double(plan.totalSpend);

        std::vector<qint32> members;
        for (std::size_t i = 0; i < nSources; ++i) {
            const SourceInfo &s = facts.sources[i];
            if (!s.isUnknown && s.tier == tier)
                members.push_back(qint32(i));
        }
        if (members.empty()) {
            tb.unallocated = tb.amount;
            plan.warnings.push_back({BudgetWarning::Kind::TierEmpty, tier});
            plan.tiers.push_back(tb);
            continue;
        }

        std::vector<qint64> weights(members.size(), 0);
        std::vector<QString> names;
        names.reserve(members.size());
        for (const qint32 m : members)
            names.push_back(facts.sources[std::size_t(m)].name);
        const auto fill = [&](const std::vector<qint64> &by) {
            qint64 sum = 0;
            for (std::size_t k = 0; k < members.size(); ++k) {
                weights[k] = by[std::size_t(members[k])];
                sum += weights[k];
            }
            return sum > 0;
        };
        if (tier == Tier::Experiment) {
            std::fill(weights.begin(), weights.end(), 1);
            tb.basis = BudgetBasis::Equal;
        } else if (fill(customers)) {
            tb.basis = BudgetBasis::Customers;
        } else if (fill(leads)) {
            tb.basis = BudgetBasis::Leads;
        } else {
            std::fill(weights.begin(), weights.end(), 1);
            tb.basis = BudgetBasis::Equal;
        }
        const std::vector<qint64> parts = largestRemainder(tb.amount, weights, names);
        for (std::size_t k = 0; k < members.size(); ++k)
            plan.allocations.push_back({members[k], names[k], tier, parts[k]});
        plan.tiers.push_back(tb);
    }

    std::stable_sort(plan.allocations.begin(), plan.allocations.end(),
                     [](const Allocation &a, const Allocation &b) {
                         if (a.tier != b.tier)
                             return a.tier < b.tier;
                         if (a.amount != b.amount)
                             return a.amount > b.amount;
                         return QString::compare(a.source, b.source) < 0;
                     });
    return plan;
}

} // namespace mikomi::analytics
