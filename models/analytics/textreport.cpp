#include "models/analytics/textreport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace mikomi::analytics {
namespace {

const QString &dash() {
    static const QString d = QStringLiteral("—");
    return d;
}

bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

// ---- table cells (locale) ----
QString count(const QLocale &l, qint64 n) {
    return l.toString(n);
}

QString credit(const QLocale &l, double x) {
    if (std::floor(x) == x)
        return l.toString(static_cast<qint64>(x));
    return l.toString(x, 'f', 2);
}

QString money(const QLocale &l, double minor, int decimals) {
    const double major = std::round(minor) / std::pow(10.0, decimals);
    return l.toString(major, 'f', decimals);
}

QString money(const QLocale &l, const std::optional<double> &minor, int decimals) {
    return minor ? money(l, *minor, decimals) : dash();
}

QString percent(const QLocale &l, const std::optional<double> &x) {
    if (!x)
        return dash();
    return QCoreApplication::translate("mikomi::analytics::TextReport", "%1%", "percentage")
        .arg(l.toString(*x * 100.0, 'f', 1));
}

QString plain(const QLocale &l, const std::optional<double> &x, int decimals) {
    if (!x)
        return dash();
    if (std::floor(*x) == *x && decimals <= 1)
        return l.toString(static_cast<qint64>(*x));
    return l.toString(*x, 'f', decimals);
}

QString rowName(const SourceRow &row) {
    return row.isUnknown ? categoryLabel(SourceCategory::Unknown) : row.name;
}

// ---- CSV cells (C locale) ----
QString csvNumber(double x) {
    const double r = std::round(x * 10000.0) / 10000.0;
    if (std::floor(r) == r && std::fabs(r) < 9e15)
        return QString::number(static_cast<qint64>(r));
    QString t = QString::number(r, 'f', 4);
    while (t.endsWith(QLatin1Char('0')))
        t.chop(1);
    if (t.endsWith(QLatin1Char('.')))
        t.chop(1);
    return t;
}

QString csvOptional(const std::optional<double> &x) {
    return x ? csvNumber(*x) : QString();
}

QString csvMoney(double minor, int decimals) {
    const double major = std::round(minor) / std::pow(10.0, decimals);
    return QString::number(major, 'f', decimals);
}

QString csvMoney(const std::optional<double> &minor, int decimals) {
    return minor ? csvMoney(*minor, decimals) : QString();
}

QString csvText(QString s) {
    if (!s.isEmpty()) {
        const QChar c = s.at(0);
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
            c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            s.prepend(QLatin1Char('\''));
    }
    return s;
}

QString csvField(const QString &s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'))) {
        QString q = s;
        q.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }
    return s;
}

QString csvLine(const QStringList &cells) {
    QStringList out;
    out.reserve(cells.size());
    for (const QString &c : cells)
        out.append(csvField(c));
    return out.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QStringList metricHeaders() {
    return {QCoreApplication::translate("mikomi::analytics::TextReport", "Leads"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "MQL"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "SQL"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Opportunities"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Customers"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Spend"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Revenue"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "CPL"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "CAC"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "LTV"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "LTV:CAC"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "ROI"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Lead → customer"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Share"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Median days to close")};
}

QStringList metricCells(const QLocale &l, const Funnel &f, const Metrics &m, int d) {
    return {count(l, f.leads),
            count(l, f.mql),
            count(l, f.sql),
            count(l, f.opportunity),
            credit(l, f.customer),
            money(l, double(f.spend), d),
            money(l, f.revenue, d),
            money(l, m.cpl, d),
            money(l, m.cac, d),
            money(l, m.ltv, d),
            plain(l, m.ltvCac, 2),
            percent(l, m.roi),
            percent(l, m.leadToCustomer),
            percent(l, m.share),
            plain(l, m.medianDaysToClose, 1)};
}

TextTable metricTable(const QStringList &leadingHeaders) {
    TextTable t;
    t.headers = leadingHeaders + metricHeaders();
    t.rightAligned.assign(std::size_t(leadingHeaders.size()), false);
    t.rightAligned.resize(std::size_t(t.headers.size()), true);
    return t;
}

} // namespace

int displayWidth(const QString &s) {
    int w = 0;
    for (const char32_t c : s.toUcs4())
        w += isWide(c) ? 2 : 1;
    return w;
}

QString renderTable(const TextTable &table) {
    const auto nCols = std::size_t(table.headers.size());
    std::vector<int> widths(nCols, 0);
    const auto measure = [&](const QStringList &cells) {
        for (std::size_t c = 0; c < nCols && c < std::size_t(cells.size()); ++c)
            widths[c] = std::max(widths[c], displayWidth(cells.at(qsizetype(c))));
    };
    measure(table.headers);
    for (const QStringList &r : table.rows)
        measure(r);

    const auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (std::size_t c = 0; c < nCols; ++c) {
            const QString cell = c < std::size_t(cells.size()) ? cells.at(qsizetype(c)) : QString();
            const QString pad(widths[c] - displayWidth(cell), QLatin1Char(' '));
            if (c > 0)
                out += QLatin1String("  ");
            const bool right = c < table.rightAligned.size() && table.rightAligned[c];
            out += right ? pad + cell : cell + pad;
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out + QLatin1Char('\n');
    };
    QString out = line(table.headers);
    QStringList rule;
    for (std::size_t c = 0; c < nCols; ++c)
        rule.append(QString(widths[c], QLatin1Char('-')));
    out += line(rule);
    for (const QStringList &r : table.rows)
        out += line(r);
    return out;
}

QString sourceReportTable(const SourceReport &report, int currencyDecimals, const QLocale &locale) {
    const int d = currencyDecimals;
    TextTable sources =
        metricTable({QCoreApplication::translate("mikomi::analytics::TextReport", "Source"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Category"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Tier")});
    for (const SourceRow &row : report.sources) {
        sources.rows.push_back(QStringList{rowName(row), categoryLabel(row.category),
                                           row.tier ? tierLabel(*row.tier) : dash()} +
                               metricCells(locale, row.funnel, row.metrics, d));
    }
    Funnel all;
    all.leads = report.totals.leads;
    all.mql = report.totals.mql;
    all.sql = report.totals.sql;
    all.opportunity = report.totals.opportunity;
    all.customer = double(report.totals.customer);
    all.spend = report.totals.spend;
    all.revenue = double(report.totals.revenue);
    sources.rows.push_back(
        QStringList{QCoreApplication::translate("mikomi::analytics::TextReport", "Total"),
                    QString(), QString()} +
        metricCells(locale, all, report.totals.metrics, d));

    TextTable categories =
        metricTable({QCoreApplication::translate("mikomi::analytics::TextReport", "Category")});
    for (const GroupRow &g : report.byCategory) {
        if (g.funnel.leads == 0 && g.funnel.spend == 0 && g.funnel.customer <= 0)
            continue;
        categories.rows.push_back(QStringList{categoryLabel(*g.category)} +
                                  metricCells(locale, g.funnel, g.metrics, d));
    }
    TextTable tiers =
        metricTable({QCoreApplication::translate("mikomi::analytics::TextReport", "Tier")});
    for (const GroupRow &g : report.byTier) {
        tiers.rows.push_back(QStringList{g.tier ? tierLabel(*g.tier) : dash()} +
                             metricCells(locale, g.funnel, g.metrics, d));
    }

    const QString from =
        report.window.from ? locale.toString(*report.window.from, QLocale::ShortFormat) : dash();
    const QString to =
        report.window.to ? locale.toString(*report.window.to, QLocale::ShortFormat) : dash();
    QString out = QCoreApplication::translate("mikomi::analytics::TextReport",
                                              "Leads created from %1 to %2; attribution: %3.")
                      .arg(from, to, attributionLabel(report.attribution)) +
                  QLatin1String("\n\n");
    out += renderTable(sources) + QLatin1Char('\n');
    out += renderTable(categories) + QLatin1Char('\n');
    out += renderTable(tiers);
    if (!report.warnings.empty()) {
        out += QLatin1Char('\n') +
               QCoreApplication::translate("mikomi::analytics::TextReport", "Warnings:") +
               QLatin1Char('\n');
        for (const ReportWarning &w : report.warnings)
            out += QLatin1String("- ") + warningText(w) + QLatin1Char('\n');
    }
    return out;
}

QString sourceReportCsv(const SourceReport &report, int currencyDecimals) {
    const int d = currencyDecimals;
    QString out = csvLine(QStringList{
        QCoreApplication::translate("mikomi::analytics::TextReport", "Source"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Category"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Tier"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Leads"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "MQL"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "SQL"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Opportunities"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Customers"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Spend"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Revenue"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "CPL"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "CAC"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "LTV"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "LTV:CAC"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "ROI"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Lead → customer"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Lead → MQL"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "MQL → SQL"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "SQL → opportunity"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Opportunity → customer"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Share"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Median days to close")});
    for (const SourceRow &row : report.sources) {
        const Funnel &f = row.funnel;
        const Metrics &m = row.metrics;
        out += csvLine(QStringList{csvText(rowName(row)),
                                   categoryKey(row.category),
                                   row.tier ? tierKey(*row.tier) : QString(),
                                   QString::number(f.leads),
                                   QString::number(f.mql),
                                   QString::number(f.sql),
                                   QString::number(f.opportunity),
                                   csvNumber(f.customer),
                                   csvMoney(double(f.spend), d),
                                   csvMoney(f.revenue, d),
                                   csvMoney(m.cpl, d),
                                   csvMoney(m.cac, d),
                                   csvMoney(m.ltv, d),
                                   csvOptional(m.ltvCac),
                                   csvOptional(m.roi),
                                   csvOptional(m.leadToCustomer),
                                   csvOptional(m.leadToMql),
                                   csvOptional(m.mqlToSql),
                                   csvOptional(m.sqlToOpportunity),
                                   csvOptional(m.opportunityToCustomer),
                                   csvOptional(m.share),
                                   csvOptional(m.medianDaysToClose)});
    }
    return out;
}

QString budgetTable(const BudgetPlan &plan, int currencyDecimals, const QLocale &locale) {
    const int d = currencyDecimals;
    TextTable tiers;
    tiers.headers = {QCoreApplication::translate("mikomi::analytics::TextReport", "Tier"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Target share"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Amount"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Unallocated"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Actual spend"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Actual share")};
    tiers.rightAligned = {false, true, true, true, true, true};
    for (const TierBudget &t : plan.tiers) {
        tiers.rows.push_back({tierLabel(t.tier), percent(locale, t.targetShare),
                              money(locale, double(t.amount), d),
                              money(locale, double(t.unallocated), d),
                              money(locale, double(t.spend), d), percent(locale, t.actualShare)});
    }
    TextTable alloc;
    alloc.headers = {QCoreApplication::translate("mikomi::analytics::TextReport", "Source"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Tier"),
                     QCoreApplication::translate("mikomi::analytics::TextReport", "Amount")};
    alloc.rightAligned = {false, false, true};
    for (const Allocation &a : plan.allocations)
        alloc.rows.push_back({a.source, tierLabel(a.tier), money(locale, double(a.amount), d)});

    QString out =
        QCoreApplication::translate("mikomi::analytics::TextReport", "Budget %1, split 70-20-10.")
            .arg(money(locale, double(plan.total), d)) +
        QLatin1String("\n\n");
    out += renderTable(tiers) + QLatin1Char('\n') + renderTable(alloc);
    if (!plan.warnings.empty()) {
        out += QLatin1Char('\n') +
               QCoreApplication::translate("mikomi::analytics::TextReport", "Warnings:") +
               QLatin1Char('\n');
        for (const BudgetWarning &w : plan.warnings)
            out += QLatin1String("- ") + budgetWarningText(w) + QLatin1Char('\n');
    }
    return out;
}

QString planTable(const Plan &plan, int currencyDecimals, const QLocale &locale) {
    const int d = currencyDecimals;
    QString out =
        QCoreApplication::translate("mikomi::analytics::TextReport",
                                    "Revenue target: %1. Average deal: %2.")
            .arg(money(locale, double(plan.revenueTarget), d), money(locale, plan.avgDeal, d)) +
        QLatin1String("\n\n");
    TextTable steps;
    steps.headers = {
        QCoreApplication::translate("mikomi::analytics::TextReport", "Stage"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Conversion rate"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Required"),
        QCoreApplication::translate("mikomi::analytics::TextReport", "Per month (%n months)",
                                    nullptr, plan.months)};
    steps.rightAligned = {false, true, true, true};
    const auto row = [&](const QString &label, std::optional<double> rate, qint64 req,
                         qint64 month) {
        steps.rows.push_back(
            {label, percent(locale, rate), count(locale, req), count(locale, month)});
    };
    row(QCoreApplication::translate("mikomi::analytics::TextReport", "Leads"), std::nullopt,
        plan.required.lead, plan.perMonth.lead);
    row(QCoreApplication::translate("mikomi::analytics::TextReport", "MQL"), plan.rates.leadToMql,
        plan.required.mql, plan.perMonth.mql);
    row(QCoreApplication::translate("mikomi::analytics::TextReport", "SQL"), plan.rates.mqlToSql,
        plan.required.sql, plan.perMonth.sql);
    row(QCoreApplication::translate("mikomi::analytics::TextReport", "Opportunities"),
        plan.rates.sqlToOpportunity, plan.required.opportunity, plan.perMonth.opportunity);
    row(QCoreApplication::translate("mikomi::analytics::TextReport", "Customers"),
        plan.rates.opportunityToCustomer, plan.required.customer, plan.perMonth.customer);
    out += renderTable(steps);
    if (!plan.perSource.empty()) {
        TextTable sources;
        sources.headers = {
            QCoreApplication::translate("mikomi::analytics::TextReport", "Source"),
            QCoreApplication::translate("mikomi::analytics::TextReport", "Leads needed")};
        sources.rightAligned = {false, true};
        for (const SourcePlan &s : plan.perSource)
            sources.rows.push_back({s.source, count(locale, s.lead)});
        out += QLatin1Char('\n') + renderTable(sources);
    }
    return out;
}

} // namespace mikomi::analytics
