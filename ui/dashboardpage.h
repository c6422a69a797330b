#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/period.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/stagefunnel.h"
#include "ui/factspage.h"
#include "ui/reportdialog.h"

#include <optional>

class QChart;
class QComboBox;
class QModelIndex;
class QDateEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabBar;
class QTableView;

namespace mikomi {
class SourceReportModel;
}

namespace mikomi::ui {

class BackgroundReader;
class ChartPanel;
class MatrixView;

// Compares sources: a window and an attribution model, the sortable table by source, category
// or tier, the source comparison matrix (a fourth tab), warnings in plain words, and charts
// (leads and customers, leads per month by category, the conversion funnel of all sources or
// of a chosen one, share of leads, CPL and CAC, LTV:CAC). Facts are loaded once per show /
// reload; a change of window or model recomputes from the cached facts.
class DashboardPage final : public FactsPage {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);
    QString title() const override;
    // The quick window (this month, last quarter …) and the day it is counted from (tests set a
    // fixed day; default: today).
    void setPeriod(analytics::Period period);
    analytics::Period period() const;
    void setToday(const QDate &today);
    // The window every chart and table of the page shows.
    analytics::Window window() const;
    // The page's window and attribution model, for File > Export Report… (what the manager
    // sees is what gets printed).
    report::ReportChoice reportChoice() const;
    // Up to this many leads the report is computed at once on the GUI thread (a few ms); above
    // it, on the page's worker while the page shows it is busy (1,000,000 leads: about a
    // second). Tests lower it to check the worker path.
    void setSynchronousLimit(std::size_t leads);

protected:
    void recompute() override;
    void retranslate() override;
    void showLoadError(const QString &message) override;

private:
    struct Computed;
    void showComputed(Result<Computed> computed);
    void fillFunnelSources();
    void fillFunnelCombo(QComboBox *combo, bool withNone);
    void periodChanged();
    void updateHeading();
    void updateFunnel();
    static std::optional<analytics::FunnelSelection> selectionOf(const QComboBox *combo);
    // The drill-down: asks for the Leads page showing the leads of a figure clicked.
    void drill(const analytics::FunnelSelection &selection, Stage reached,
               const analytics::Window &window);
    void drillToRow(int reportRow, Stage reached);
    void connectDrillDown(QChart *chart);
    void tableActivated(const QModelIndex &index);

    BackgroundReader *m_computer = nullptr;
    std::size_t m_syncLimit = 50000;
    QLabel *m_failure = nullptr;
    QWidget *m_results = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_periodLabel = nullptr;
    QComboBox *m_period = nullptr;
    QDate m_today;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_dash = nullptr;
    QLabel *m_modelLabel = nullptr;
    QComboBox *m_model = nullptr;
    QPushButton *m_pdf = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warnings = nullptr;
    QTabBar *m_tabs = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    MatrixView *m_matrix = nullptr;
    SourceReportModel *m_report = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QWidget *m_content = nullptr;
    std::vector<ChartPanel *> m_charts;
    ChartPanel *m_leadsChart = nullptr;
    ChartPanel *m_monthlyChart = nullptr;
    ChartPanel *m_funnelChart = nullptr;
    ChartPanel *m_shareChart = nullptr;
    ChartPanel *m_costChart = nullptr;
    ChartPanel *m_ltvCacChart = nullptr;
    QLabel *m_funnelSourceLabel = nullptr;
    QComboBox *m_funnelSource = nullptr;
    QLabel *m_funnelCompareLabel = nullptr;
    QComboBox *m_funnelCompare = nullptr;
    std::optional<analytics::SourceReport> m_lastReport;
    std::vector<qint32> m_months; // of the monthly chart
    analytics::FunnelSelection m_funnelFirst;
    std::optional<analytics::FunnelSelection> m_funnelSecond;
};

} // namespace mikomi::ui
