#include "models/analytics/planner.h"

#include "models/analytics/largestremainder.h"
#include "models/analytics/sourcereport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace mikomi::analytics {
namespace {

PlanError planError(const char *step, const QString &message) {
    return PlanError{QString::fromLatin1(step), message};
}

} // namespace

PlanResult computePlan(const Facts &facts, const PlanOptions &options) {
    if (options.months < 1) {
        return planError("invalid_months",
                         QCoreApplication::translate("mikomi::analytics::Planner",
                                                     "The number of months must be at least 1."));
    }
    if (options.revenueTarget.has_value() == options.growthFactor.has_value()) {
        return planError("invalid_target", QCoreApplication::translate(
                                               "mikomi::analytics::Planner",
                                               "Give either a revenue target or a growth factor."));
    }
    if ((options.revenueTarget && *options.revenueTarget < 0) ||
        (options.growthFactor &&
         !(std::isfinite(*options.growthFactor) && *options.growthFactor >= 0))) {
        return planError(
            "invalid_target",
            QCoreApplication::translate("mikomi::analytics::Planner",
                                        "The revenue target or growth factor cannot be negative."));
    }

    ReportOptions reportOptions;
    reportOptions.window = options.reference;
    const Result<SourceReport> report = computeSourceReport(facts, reportOptions);
    if (!report)
        return planError("invalid_window", report.error());
    const ReportTotals &ref = report->totals;

    Plan plan;
    plan.months = options.months;
    plan.referenceRevenue = ref.revenue;
    plan.reference = {ref.customer, ref.opportunity, ref.sql, ref.mql, ref.leads};

    if (ref.leads == 0) {
        return planError("reference_empty",
                         QCoreApplication::translate(
                             "mikomi::analytics::Planner",
                             "The reference period has no leads, so there are no conversion rates "
                             "to plan with."));
    }
    if (ref.mql == 0) {
        return planError("lead_to_mql",
                         QCoreApplication::translate(
                             "mikomi::analytics::Planner",
                             "No lead of the reference period became an MQL: the lead → MQL rate "
                             "is zero, so the plan is impossible."));
    }
    if (ref.sql == 0) {
        return planError("mql_to_sql",
                         QCoreApplication::translate(
                             "mikomi::analytics::Planner",
                             "No MQL of the reference period became an SQL: the MQL → SQL rate is "
                             "zero, so the plan is impossible."));
    }
    if (ref.opportunity == 0) {
        return planError("sql_to_opportunity",
                         QCoreApplication::translate(
                             "mikomi::analytics::Planner",
                             "No SQL of the reference period became an opportunity: the SQL → "
                             "opportunity rate is zero, so the plan is impossible."));
    }
    if (ref.customer == 0) {
        return planError("opportunity_to_customer",
                         QCoreApplication::translate(
                             "mikomi::analytics::Planner",
                             "No opportunity of the reference period was won: the opportunity → "
                             "customer rate is zero, so the plan is impossible."));
    }
    if (ref.revenue <= 0) {
        return planError("avg_deal",
                         QCoreApplication::translate(
                             "mikomi::analytics::Planner",
                             "The customers of the reference period have no deal values, so the "
                             "average deal size is zero and the plan is impossible."));
    }

    if (options.revenueTarget) {
        plan.revenueTarget = *options.revenueTarget;
    } else {
        const double target = std::round(*options.growthFactor * double(ref.revenue));
        if (target >= 9.2e18)
            return planError("too_large", QCoreApplication::translate(
                                              "mikomi::analytics::Planner",
                                              "The plan's numbers are too large to compute."));
        plan.revenueTarget = static_cast<Money>(target);
    }
    plan.avgDeal = double(ref.revenue) / double(ref.customer);
    plan.rates.leadToMql = double(ref.mql) / double(ref.leads);
    plan.rates.mqlToSql = double(ref.sql) / double(ref.mql);
    plan.rates.sqlToOpportunity = double(ref.opportunity) / double(ref.sql);
    plan.rates.opportunityToCustomer = double(ref.customer) / double(ref.opportunity);

    // Exact: ⌈x / (num/den)⌉ = ⌈x × den / num⌉.
    const auto customer = mulDivCeil(plan.revenueTarget, ref.customer, ref.revenue);
    const auto opportunity =
        customer ? mulDivCeil(*customer, ref.opportunity, ref.customer) : std::nullopt;
    const auto sql =
        opportunity ? mulDivCeil(*opportunity, ref.sql, ref.opportunity) : std::nullopt;
    const auto mql = sql ? mulDivCeil(*sql, ref.mql, ref.sql) : std::nullopt;
    const auto lead = mql ? mulDivCeil(*mql, ref.leads, ref.mql) : std::nullopt;
    if (!lead)
        return planError("too_large", QCoreApplication::translate(
                                          "mikomi::analytics::Planner",
                                          "The plan's numbers are too large to compute."));
    plan.required = {*customer, *opportunity, *sql, *mql, *lead};

    const auto perMonth = [&](qint64 n) { return *mulDivCeil(n, 1, options.months); };
    plan.perMonth = {perMonth(*customer), perMonth(*opportunity), perMonth(*sql), perMonth(*mql),
                     perMonth(*lead)};

    std::vector<qint64> weights;
    std::vector<QString> names;
    for (const SourceRow &row : report->sources) {
        if (row.isUnknown || row.funnel.leads == 0)
            continue;
        plan.perSource.push_back({row.sourceIndex, row.name, row.funnel.leads, 0});
        weights.push_back(row.funnel.leads);
        names.push_back(row.name);
    }
    if (!weights.empty()) {
        const std::vector<qint64> parts = largestRemainder(*lead, weights, names);
        for (std::size_t i = 0; i < parts.size(); ++i)
            plan.perSource[i].lead = parts[i];
    }
    std::stable_sort(plan.perSource.begin(), plan.perSource.end(),
                     [](const SourcePlan &a, const SourcePlan &b) {
                         if (a.lead != b.lead)
                             return a.lead > b.lead;
                         return QString::compare(a.source, b.source) < 0;
                     });
    return plan;
}

} // namespace mikomi::analytics
