#pragma once

#include "models/analytics/sourcereport.h"
#include "models/domain/money.h"

#include <QAbstractTableModel>

namespace mikomi {

// The source report (analytics::SourceReport) as a table: one row per source, per category or
// per tier (setGrouping). A null ratio shows "—". SortRole gives plain numbers (null = invalid
// QVariant, sorted first) for a QSortFilterProxyModel.
class SourceReportModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name = 0,
        Category,
        Tier,
        Leads,
        Mql,
        Sql,
        Opportunity,
        Customer,
        LeadToMql,
        MqlToSql,
        SqlToOpportunity,
        OpportunityToCustomer,
        LeadToCustomer,
        Spend,
        Cpl,
        Cac,
        Revenue,
        Ltv,
        LtvCac,
        Roi,
        MedianDays,
        Share,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, SourceIndexRole };
    enum class Grouping { Source, Category, Tier };

    explicit SourceReportModel(QObject *parent = nullptr);

    void setReport(const analytics::SourceReport &report, Currency currency);
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    const analytics::SourceReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Headers and labels follow the language: call on QEvent::LanguageChange.
    void retranslate();

    static QString columnTitle(Column c);

private:
    struct Row {
        QString label;
        QString category;
        QString tier;
        qint32 sourceIndex = analytics::NoSource;
        const analytics::Funnel *funnel = nullptr;
        const analytics::Metrics *metrics = nullptr;
    };
    void rebuild();
    QVariant value(const Row &r, int column) const;
    QString display(const Row &r, int column) const;

    analytics::SourceReport m_report;
    Currency m_currency = Currency::JPY;
    Grouping m_grouping = Grouping::Source;
    std::vector<Row> m_rows;
};

} // namespace mikomi
