#pragma once

#include "models/analytics/facts.h"

#include <optional>
#include <variant>
#include <vector>

// The planner: KGI → KPI → leads (product.md §Formulas "Planner", cli.md `plan`).
//
// Reference = leads created in the reference window (default: all). Target = the amount, or
// round(factor × revenue of the reference window) (half away from zero). Required counts are
// exact integer ceilings: customer = ⌈target × customers_ref / revenue_ref⌉, opportunity =
// ⌈customer × opportunities_ref / customers_ref⌉, sql, mql and lead likewise; per month =
// ⌈required / months⌉. Per source: the required leads split by each named source's share of
// the reference leads (largestRemainder: ties to the larger share, then name); Unknown-source
// leads are left out of that split (no one can plan for them), so the parts add up to the
// total whenever any reference lead has a known source. Rows: lead descending, then name.
namespace mikomi::analytics {

struct PlanOptions {
    std::optional<Money> revenueTarget; // minor units; or
    std::optional<double> growthFactor; // 1.2 = 120% of the reference revenue
    Window reference;
    int months = 12;
};

struct PlanCounts {
    qint64 customer = 0;
    qint64 opportunity = 0;
    qint64 sql = 0;
    qint64 mql = 0;
    qint64 lead = 0;
};

struct PlanRates {
    double leadToMql = 0;
    double mqlToSql = 0;
    double sqlToOpportunity = 0;
    double opportunityToCustomer = 0;
};

struct SourcePlan {
    qint32 sourceIndex = NoSource;
    QString source;
    qint64 referenceLeads = 0;
    qint64 lead = 0;
};

struct Plan {
    Money revenueTarget = 0;    // minor units
    Money referenceRevenue = 0; // minor units
    PlanCounts reference;       // counts of the reference window (lead = leads)
    double avgDeal = 0;         // minor units, referenceRevenue / reference.customer
    PlanRates rates;
    PlanCounts required;
    PlanCounts perMonth;
    int months = 12;
    std::vector<SourcePlan> perSource;
};

// Why a plan is impossible: a machine key and a translated sentence. Keys: "lead_to_mql",
// "mql_to_sql", "sql_to_opportunity", "opportunity_to_customer" (that rate is zero in the
// reference window; the first zero step of the funnel is named), "avg_deal" (customers but no
// revenue), "reference_empty" (no lead in the reference window), "invalid_target",
// "invalid_months", "invalid_window", "too_large" (a count does not fit in 64 bits).
struct PlanError {
    QString step;
    QString message;
};

class [[nodiscard]] PlanResult {
public:
    PlanResult(Plan plan)
        : m_v(std::move(plan)) {}
    PlanResult(PlanError error)
        : m_v(std::move(error)) {}
    bool ok() const { return std::holds_alternative<Plan>(m_v); }
    explicit operator bool() const { return ok(); }
    const Plan &value() const { return std::get<Plan>(m_v); }
    const Plan *operator->() const { return &value(); }
    const PlanError &error() const { return std::get<PlanError>(m_v); }

private:
    std::variant<Plan, PlanError> m_v;
};

PlanResult computePlan(const Facts &facts, const PlanOptions &options);

} // namespace mikomi::analytics
