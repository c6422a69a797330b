#include "ui/dashboardpage.h"

#include "models/analytics/matrix.h"
#include "models/analytics/monthly.h"
#include "models/analytics/sourcereport.h"
#include "models/appsettings.h"
#include "models/sourcereportmodel.h"
#include "models/storage/livefiles.h"
#include "ui/chartbuilder.h"
#include "ui/chartpanel.h"
#include "ui/filedialogs.h"
#include "ui/matrixview.h"
#include "ui/messagebox.h"
#include "ui/pages.h"
#include "ui/reportactions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>
#include <climits>

namespace mikomi::ui {

Page *createDashboardPage(QWidget *parent) {
    return new DashboardPage(parent);
}

DashboardPage::DashboardPage(QWidget *parent)
    : FactsPage(parent) {
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);
    m_content = new QWidget(scroll);
    scroll->setWidget(m_content);
    auto *layout = new QVBoxLayout(m_content);

    m_heading = new QLabel(m_content);
    QFont f = m_heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_heading->setFont(f);
    // The PDF button sits beside the heading, so the filter row below fits a 1024 px window.
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading);
    headingRow->addStretch();
    layout->addLayout(headingRow);

    auto *bar = new QHBoxLayout;
    m_useWindow = new QCheckBox(m_content);
    m_from = new QDateEdit(QDate::currentDate().addYears(-1), m_content);
    m_to = new QDateEdit(QDate::currentDate(), m_content);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setEnabled(false);
    }
    m_modelLabel = new QLabel(m_content);
    m_model = new QComboBox(m_content);
    m_model->setObjectName(QStringLiteral("attributionModel"));
    for (int a = 0; a < analytics::AttributionCount; ++a)
        m_model->addItem(QString(), a);
    m_modelLabel->setBuddy(m_model);
    m_pdf = new QPushButton(m_content);
    bar->addWidget(m_useWindow);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), m_content));
    bar->addWidget(m_to);
    bar->addSpacing(16);
    bar->addWidget(m_modelLabel);
    bar->addWidget(m_model);
    bar->addStretch();
    headingRow->addWidget(m_pdf);
    layout->addLayout(bar);

    m_summary = new QLabel(m_content);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_warnings = new QLabel(m_content);
    m_warnings->setObjectName(QStringLiteral("dashboardWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #9a3412;"));
    layout->addWidget(m_warnings);

    m_tabs = new QTabBar(m_content);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    for (int i = 0; i < 4; ++i) // by source, by category, by tier, comparison matrix
        m_tabs->addTab(QString());
    layout->addWidget(m_tabs);
    m_stack = new QStackedWidget(m_content);
    m_report = new SourceReportModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_report);
    m_proxy->setSortRole(SourceReportModel::SortRole);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("sourceReportTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the report's own order until clicked
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(260);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stack->addWidget(m_table);
    m_matrix = new MatrixView(m_stack);
    m_matrix->setObjectName(QStringLiteral("sourceMatrix"));
    m_matrix->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_stack->addWidget(m_matrix);
    layout->addWidget(m_stack);

    auto *grid = new QGridLayout;
    const auto panel = [&](const char *name) {
        auto *p = new ChartPanel(m_content);
        p->setObjectName(QLatin1String(name));
        p->setMinimumHeight(460);
        grid->addWidget(p, int(m_charts.size()) / 2, int(m_charts.size()) % 2);
        m_charts.push_back(p);
        return p;
    };
    m_leadsChart = panel("chartLeadsCustomers");
    m_monthlyChart = panel("chartMonthlyByCategory");
    m_funnelChart = panel("chartFunnel");
    m_shareChart = panel("chartShare");
    m_costChart = panel("chartCost");
    m_ltvCacChart = panel("chartLtvCac");
    layout->addLayout(grid);

    m_funnelSourceLabel = new QLabel(m_funnelChart);
    m_funnelSource = new QComboBox(m_funnelChart);
    m_funnelSource->setObjectName(QStringLiteral("funnelSource"));
    m_funnelSource->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_funnelSource->setMaximumWidth(200); // a long source name must not widen the chart grid
    m_funnelSourceLabel->setBuddy(m_funnelSource);
    m_funnelChart->addControl(m_funnelSourceLabel);
    m_funnelChart->addControl(m_funnelSource);

    connect(m_useWindow, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        recompute();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &DashboardPage::recompute);
    connect(m_to, &QDateEdit::dateChanged, this, &DashboardPage::recompute);
    connect(m_model, &QComboBox::currentIndexChanged, this, &DashboardPage::recompute);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int tab) {
        const bool matrix = tab == 3;
        // Only the shown page counts for the height of the stack.
        m_table->setSizePolicy(QSizePolicy::Preferred,
                               matrix ? QSizePolicy::Ignored : QSizePolicy::Preferred);
        m_matrix->setSizePolicy(QSizePolicy::Preferred,
                                matrix ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_stack->setCurrentIndex(matrix ? 1 : 0);
        m_stack->updateGeometry();
        if (!matrix)
            m_report->setGrouping(static_cast<SourceReportModel::Grouping>(tab));
    });
    connect(m_funnelSource, &QComboBox::currentIndexChanged, this, &DashboardPage::updateFunnel);
    connect(m_pdf, &QPushButton::clicked, this, [this] { report::exportReport(this, database()); });
    retranslate();
}

QString DashboardPage::title() const {
    return tr("Dashboard");
}

void DashboardPage::showLoadError(const QString &message) {
    MessageBox::warning(this, title(), message);
}

void DashboardPage::recompute() {
    analytics::ReportOptions options;
    if (m_useWindow->isChecked()) {
        options.window.from = m_from->date();
        options.window.to = m_to->date();
    }
    options.attribution = static_cast<analytics::Attribution>(m_model->currentData().toInt());
    auto report = analytics::computeSourceReport(facts(), options);
    if (!report) {
        m_summary->setText(report.error());
        return;
    }
    m_lastReport = *report;
    const Currency currency = AppSettings().currency();
    m_report->setReport(*report, currency);
    const analytics::ReportTotals &t = report->totals;
    m_summary->setText(
        tr("%1, %2, spend %3, revenue %4.", "leads, customers, spend, revenue")
            .arg(tr("%Ln lead(s)", nullptr, int(std::min<qint64>(t.leads, INT_MAX))),
                 tr("%Ln customer(s)", nullptr, int(std::min<qint64>(t.customer, INT_MAX))),
                 formatMoney(t.spend, currency), formatMoney(t.revenue, currency)));
    QStringList warnings;
    for (const auto &w : report->warnings)
        warnings << QStringLiteral("⚠ ") + analytics::warningText(w);
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());

    m_matrix->setMatrix(analytics::computeSourceMatrix(*report), currency);

    m_leadsChart->setChart(charts::leadsAndCustomers(*report));
    // The same window as the report, which has just been validated.
    auto monthly = analytics::computeMonthlyByCategory(facts(), options.window);
    m_monthlyChart->setChart(
        charts::leadsPerMonth(monthly ? *monthly : analytics::MonthlyByCategory()));
    fillFunnelSources();
    updateFunnel();
    m_costChart->setChart(charts::costPerSource(*report, currency));
    m_ltvCacChart->setChart(charts::ltvCac(*report));
    m_shareChart->setChart(charts::shareOfLeads(*report));
}

namespace {
enum FunnelRole { KindRole = Qt::UserRole, NameRole, IndexRole };
enum FunnelKind { AllKind = 0, UnknownKind, SourceKind };
} // namespace

void DashboardPage::fillFunnelSources() {
    // Keep the chosen source (by name: indexes change when the facts are reloaded).
    const int kind =
        m_funnelSource->count() > 0 ? m_funnelSource->currentData(KindRole).toInt() : int(AllKind);
    const QString name = m_funnelSource->currentData(NameRole).toString();
    const QSignalBlocker blocker(m_funnelSource);
    m_funnelSource->clear();
    m_funnelSource->addItem(tr("All sources"));
    m_funnelSource->setItemData(0, int(AllKind), KindRole);
    int current = 0;
    if (m_lastReport) {
        for (const analytics::SourceRow &row : m_lastReport->sources) {
            const int i = m_funnelSource->count();
            if (row.isUnknown) {
                m_funnelSource->addItem(
                    QCoreApplication::translate("mikomi::ui::DashboardPage", "Unknown"));
                m_funnelSource->setItemData(i, int(UnknownKind), KindRole);
                if (kind == UnknownKind)
                    current = i;
            } else {
                m_funnelSource->addItem(row.name);
                m_funnelSource->setItemData(i, int(SourceKind), KindRole);
                m_funnelSource->setItemData(i, row.name, NameRole);
                m_funnelSource->setItemData(i, row.sourceIndex, IndexRole);
                if (kind == SourceKind && row.name == name)
                    current = i;
            }
        }
    }
    m_funnelSource->setCurrentIndex(current);
}

analytics::FunnelSelection DashboardPage::funnelSelection() const {
    switch (m_funnelSource->currentData(KindRole).toInt()) {
    case UnknownKind:
        return analytics::FunnelSelection::unknownSource();
    case SourceKind:
        return analytics::FunnelSelection::source(m_funnelSource->currentData(IndexRole).toInt());
    default:
        return analytics::FunnelSelection::allSources();
    }
}

void DashboardPage::updateFunnel() {
    if (m_lastReport)
        m_funnelChart->setChart(charts::funnel(*m_lastReport, funnelSelection()));
}

bool DashboardPage::exportPdf(const QString &path) {
    if (storage::LiveFiles::isLive(path)) // never write over an open database
        return false;
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(title());
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QPixmap pixmap = m_content->grab();
    const QSize size = pixmap.size().scaled(painter.viewport().size(), Qt::KeepAspectRatio);
    painter.drawPixmap(QRect(QPoint(0, 0), size), pixmap);
    return painter.end();
}

void DashboardPage::askPdf() {
    const QString path = getSaveFileName(this, tr("Save the dashboard as PDF"), QString(),
                                         tr("PDF documents (*.pdf)"));
    if (!path.isEmpty() && !exportPdf(path))
        MessageBox::warning(
            this, title(),
            tr("The dashboard could not be saved to %1.").arg(QDir::toNativeSeparators(path)));
}

void DashboardPage::retranslate() {
    m_heading->setText(title());
    m_useWindow->setText(tr("Leads created from"));
    m_modelLabel->setText(tr("&Attribution:"));
    for (int a = 0; a < analytics::AttributionCount; ++a)
        m_model->setItemText(a,
                             analytics::attributionLabel(static_cast<analytics::Attribution>(a)));
    m_pdf->setText(tr("Export PDF report…"));
    m_tabs->setTabText(0, tr("By source"));
    m_tabs->setTabText(1, tr("By category"));
    m_tabs->setTabText(2, tr("By tier"));
    m_tabs->setTabText(3, tr("Comparison matrix"));
    m_funnelSourceLabel->setText(tr("F&unnel for:"));
    if (m_funnelSource->count() > 0)
        m_funnelSource->setItemText(0, tr("All sources"));
}

} // namespace mikomi::ui
