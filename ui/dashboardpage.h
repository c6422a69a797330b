#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/stagefunnel.h"
#include "ui/factspage.h"

#include <optional>

class QCheckBox;
class QComboBox;
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
    // Writes the whole dashboard as a one-page PDF.
    bool exportPdf(const QString &path);

protected:
    void recompute() override;
    void retranslate() override;
    void showLoadError(const QString &message) override;

private:
    void askPdf();
    void fillFunnelSources();
    void updateFunnel();
    analytics::FunnelSelection funnelSelection() const;

    QLabel *m_heading = nullptr;
    QCheckBox *m_useWindow = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
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
    std::optional<analytics::SourceReport> m_lastReport;
};

} // namespace mikomi::ui
