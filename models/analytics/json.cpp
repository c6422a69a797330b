#include "models/analytics/json.h"

#include <QJsonArray>

#include <cmath>

namespace mikomi::analytics {
namespace {

// Integers as integers (QJsonDocument writes 1e6 as a double "1e+06"), others as doubles.
QJsonValue number(double x) {
    if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 9007199254740992.0)
        return QJsonValue(static_cast<qint64>(x));
    return QJsonValue(x);
}

double roundTo(double x, int decimals) {
    const double f = std::pow(10.0, decimals);
    return std::round(x * f) / f;
}

QJsonValue ratioJson(const std::optional<double> &x) {
    if (!x)
        return QJsonValue(QJsonValue::Null);
    return number(roundTo(*x, JsonRatioDecimals));
}

QJsonValue optionalMoney(const std::optional<double> &x, int decimals) {
    if (!x)
        return QJsonValue(QJsonValue::Null);
    return moneyJson(*x, decimals);
}

QJsonValue dateJson(const std::optional<QDate> &d) {
    if (!d)
        return QJsonValue(QJsonValue::Null);
    return d->toString(Qt::ISODate);
}

QJsonObject countsJson(const PlanCounts &c) {
    return QJsonObject{{QStringLiteral("customer"), c.customer},
                       {QStringLiteral("opportunity"), c.opportunity},
                       {QStringLiteral("sql"), c.sql},
                       {QStringLiteral("mql"), c.mql},
                       {QStringLiteral("lead"), c.lead}};
}

} // namespace

QJsonValue moneyJson(double minorUnits, int currencyDecimals) {
    const double minor = std::round(minorUnits);
    if (currencyDecimals <= 0)
        return number(minor);
    return number(minor / std::pow(10.0, currencyDecimals));
}

QJsonObject sourceReportJson(const SourceReport &report, int currencyDecimals) {
    const int d = currencyDecimals;
    QJsonObject o;
    o.insert(QStringLiteral("window"),
             QJsonObject{{QStringLiteral("from"), dateJson(report.window.from)},
                         {QStringLiteral("to"), dateJson(report.window.to)}});
    o.insert(QStringLiteral("attribution"), attributionKey(report.attribution));
    o.insert(QStringLiteral("totals"),
             QJsonObject{{QStringLiteral("leads"), report.totals.leads},
                         {QStringLiteral("customer"), report.totals.customer},
                         {QStringLiteral("spend"), moneyJson(double(report.totals.spend), d)},
                         {QStringLiteral("revenue"), moneyJson(double(report.totals.revenue), d)}});
    QJsonArray sources;
    for (const SourceRow &row : report.sources) {
        const Funnel &f = row.funnel;
        const Metrics &m = row.metrics;
        QJsonObject s;
        s.insert(QStringLiteral("source"), row.isUnknown ? QStringLiteral("unknown") : row.name);
        s.insert(QStringLiteral("category"), categoryKey(row.category));
        s.insert(QStringLiteral("tier"),
                 row.tier ? QJsonValue(tierKey(*row.tier)) : QJsonValue(QJsonValue::Null));
        s.insert(QStringLiteral("leads"), f.leads);
        s.insert(QStringLiteral("mql"), f.mql);
        s.insert(QStringLiteral("sql"), f.sql);
        s.insert(QStringLiteral("opportunity"), f.opportunity);
        s.insert(QStringLiteral("customer"), number(roundTo(f.customer, JsonRatioDecimals)));
        s.insert(QStringLiteral("spend"), moneyJson(double(f.spend), d));
        s.insert(QStringLiteral("revenue"), moneyJson(f.revenue, d));
        s.insert(QStringLiteral("cpl"), optionalMoney(m.cpl, d));
        s.insert(QStringLiteral("cac"), optionalMoney(m.cac, d));
        s.insert(QStringLiteral("ltv"), optionalMoney(m.ltv, d));
        s.insert(QStringLiteral("ltv_cac"), ratioJson(m.ltvCac));
        s.insert(QStringLiteral("roi"), ratioJson(m.roi));
        s.insert(QStringLiteral("lead_to_customer"), ratioJson(m.leadToCustomer));
        s.insert(QStringLiteral("share"), ratioJson(m.share));
        s.insert(QStringLiteral("median_days_to_close"),
                 m.medianDaysToClose ? number(*m.medianDaysToClose) : QJsonValue(QJsonValue::Null));
        sources.append(s);
    }
    o.insert(QStringLiteral("sources"), sources);
    QJsonArray warnings;
    for (const ReportWarning &w : report.warnings) {
        QJsonObject j{{QStringLiteral("kind"), warningKindKey(w.kind)}};
        switch (w.kind) {
        case ReportWarning::Kind::Concentration:
            j.insert(QStringLiteral("source"), w.source);
            j.insert(QStringLiteral("share"), ratioJson(w.value));
            break;
        case ReportWarning::Kind::UnknownSources:
            j.insert(QStringLiteral("share"), ratioJson(w.value));
            break;
        case ReportWarning::Kind::LtvCacLow:
            j.insert(QStringLiteral("source"), w.source);
            j.insert(QStringLiteral("ltv_cac"), ratioJson(w.value));
            break;
        }
        warnings.append(j);
    }
    o.insert(QStringLiteral("warnings"), warnings);
    return o;
}

QJsonObject budgetJson(const BudgetPlan &plan, int currencyDecimals) {
    const int d = currencyDecimals;
    QJsonArray tiers;
    for (const TierBudget &t : plan.tiers) {
        tiers.append(QJsonObject{{QStringLiteral("tier"), tierKey(t.tier)},
                                 {QStringLiteral("target_share"), ratioJson(t.targetShare)},
                                 {QStringLiteral("amount"), moneyJson(double(t.amount), d)},
                                 {QStringLiteral("actual_share"), ratioJson(t.actualShare)}});
    }
    QJsonArray allocations;
    for (const Allocation &a : plan.allocations) {
        allocations.append(QJsonObject{{QStringLiteral("source"), a.source},
                                       {QStringLiteral("tier"), tierKey(a.tier)},
                                       {QStringLiteral("amount"), moneyJson(double(a.amount), d)}});
    }
    QJsonArray warnings;
    for (const BudgetWarning &w : plan.warnings) {
        warnings.append(QJsonObject{{QStringLiteral("kind"), budgetWarningKindKey(w.kind)},
                                    {QStringLiteral("tier"), tierKey(w.tier)}});
    }
    return QJsonObject{{QStringLiteral("total"), moneyJson(double(plan.total), d)},
                       {QStringLiteral("tiers"), tiers},
                       {QStringLiteral("allocations"), allocations},
                       {QStringLiteral("warnings"), warnings}};
}

QJsonObject planJson(const Plan &plan, int currencyDecimals) {
    const int d = currencyDecimals;
    QJsonArray perSource;
    for (const SourcePlan &s : plan.perSource) {
        perSource.append(
            QJsonObject{{QStringLiteral("source"), s.source}, {QStringLiteral("lead"), s.lead}});
    }
    return QJsonObject{
        {QStringLiteral("revenue_target"), moneyJson(double(plan.revenueTarget), d)},
        {QStringLiteral("avg_deal"), moneyJson(plan.avgDeal, d)},
        {QStringLiteral("rates"),
         QJsonObject{{QStringLiteral("lead_to_mql"), ratioJson(plan.rates.leadToMql)},
                     {QStringLiteral("mql_to_sql"), ratioJson(plan.rates.mqlToSql)},
                     {QStringLiteral("sql_to_opportunity"), ratioJson(plan.rates.sqlToOpportunity)},
                     {QStringLiteral("opportunity_to_customer"),
                      ratioJson(plan.rates.opportunityToCustomer)}}},
        {QStringLiteral("required"), countsJson(plan.required)},
        {QStringLiteral("per_month"), countsJson(plan.perMonth)},
        {QStringLiteral("per_source"), perSource}};
}

QJsonObject planErrorJson(const PlanError &error) {
    return QJsonObject{{QStringLiteral("error"), error.step},
                       {QStringLiteral("message"), error.message}};
}

} // namespace mikomi::analytics
