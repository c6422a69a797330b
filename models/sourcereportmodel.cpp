#include "models/sourcereportmodel.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace mikomi {
namespace {

QString dash() {
    return QStringLiteral("—");
}

QString percent(double v) {
    return QLocale().toString(v * 100, 'f', 1) + QStringLiteral("%");
}

// A count that may be fractional (attribution credit).
QString count(double v) {
    if (std::abs(v - std::round(v)) < 1e-9)
        return QLocale().toString(qint64(std::llround(v)));
    return QLocale().toString(v, 'f', 2);
}

} // namespace

SourceReportModel::SourceReportModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void SourceReportModel::setReport(const analytics::SourceReport &report, Currency currency) {
    beginResetModel();
    m_report = report;
    m_currency = currency;
    rebuild();
    endResetModel();
}

void SourceReportModel::setGrouping(Grouping grouping) {
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
}

QString SourceReportModel::columnTitle(Column c) {
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Source"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Category"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Tier"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Leads"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "MQL"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "SQL"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Opportunities"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Customers"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Lead → MQL"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "MQL → SQL"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "SQL → opportunity"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Opportunity → customer"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Lead → customer"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Spend"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "CPL"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "CAC"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Revenue"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "LTV"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "LTV:CAC"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "ROI"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Median days to close"),
        QT_TRANSLATE_NOOP("mikomi::SourceReportModel", "Share"),
    };
    return QCoreApplication::translate("mikomi::SourceReportModel", titles[c]);
}

void SourceReportModel::rebuild() {
    m_rows.clear();
    const QString unknown = QCoreApplication::translate("mikomi::SourceReportModel", "Unknown");
    switch (m_grouping) {
    case Grouping::Source:
        for (const auto &s : m_report.sources) {
            Row r;
            r.label = s.isUnknown ? unknown : s.name;
            r.category = categoryLabel(s.category);
            r.tier = s.tier ? tierLabel(*s.tier) : dash();
            r.sourceIndex = s.sourceIndex;
            r.funnel = &s.funnel;
            r.metrics = &s.metrics;
            m_rows.push_back(r);
        }
        break;
    case Grouping::Category:
        for (const auto &g : m_report.byCategory) {
            Row r;
            r.label = g.category ? categoryLabel(*g.category) : unknown;
            r.category = r.label;
            r.tier = QString();
            r.funnel = &g.funnel;
            r.metrics = &g.metrics;
            m_rows.push_back(r);
        }
        break;
    case Grouping::Tier:
        for (const auto &g : m_report.byTier) {
            Row r;
            r.label = g.tier ? tierLabel(*g.tier) : unknown;
            r.tier = r.label;
            r.funnel = &g.funnel;
            r.metrics = &g.metrics;
            m_rows.push_back(r);
        }
        break;
    }
}

void SourceReportModel::retranslate() {
    beginResetModel();
    rebuild();
    endResetModel();
}

int SourceReportModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SourceReportModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceReportModel::value(const Row &r, int column) const {
    const analytics::Funnel &f = *r.funnel;
    const analytics::Metrics &m = *r.metrics;
    const auto opt = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); };
    switch (column) {
    case Name:
        return r.label;
    case Category:
        return r.category;
    case Tier:
        return r.tier;
    case Leads:
        return f.leads;
    case Mql:
        return f.mql;
    case Sql:
        return f.sql;
    case Opportunity:
        return f.opportunity;
    case Customer:
        return f.customer;
    case LeadToMql:
        return opt(m.leadToMql);
    case MqlToSql:
        return opt(m.mqlToSql);
    case SqlToOpportunity:
        return opt(m.sqlToOpportunity);
    case OpportunityToCustomer:
        return opt(m.opportunityToCustomer);
    case LeadToCustomer:
        return opt(m.leadToCustomer);
    case Spend:
        return f.spend;
    case Cpl:
        return opt(m.cpl);
    case Cac:
        return opt(m.cac);
    case Revenue:
        return f.revenue;
    case Ltv:
        return opt(m.ltv);
    case LtvCac:
        return opt(m.ltvCac);
    case Roi:
        return opt(m.roi);
    case MedianDays:
        return opt(m.medianDaysToClose);
    case Share:
        return opt(m.share);
    default:
        return {};
    }
}

QString SourceReportModel::display(const Row &r, int column) const {
    const QVariant v = value(r, column);
    if (column <= Tier)
        return v.toString();
    if (!v.isValid())
        return dash();
    const QLocale locale;
    switch (column) {
    case Leads:
    case Mql:
    case Sql:
    case Opportunity:
        return locale.toString(v.toLongLong());
    case Customer:
        return count(v.toDouble());
    case Spend:
    case Cpl:
    case Cac:
    case Revenue:
    case Ltv:
        return formatMoney(Money(std::llround(v.toDouble())), m_currency, locale);
    case LtvCac:
        return locale.toString(v.toDouble(), 'f', 2);
    case MedianDays:
        return locale.toString(v.toDouble(), 'f', 1);
    default:
        return percent(v.toDouble());
    }
}

QVariant SourceReportModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case SortRole:
        return value(r, index.column());
    case SourceIndexRole:
        return r.sourceIndex;
    case Qt::TextAlignmentRole:
        return index.column() <= Tier ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == LtvCac && r.metrics->ltvCac && *r.metrics->ltvCac < 3)
            return QCoreApplication::translate("mikomi::SourceReportModel",
                                               "LTV:CAC is below 3:1.");
        return {};
    default:
        return {};
    }
}

QVariant SourceReportModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        if (section == Name && m_grouping == Grouping::Category)
            return columnTitle(Category);
        if (section == Name && m_grouping == Grouping::Tier)
            return columnTitle(Tier);
        return columnTitle(Column(section));
    }
    return {};
}

} // namespace mikomi
