#include "ui/dashboardpage.h"

#include "models/analytics/matrix.h"
#include "models/analytics/monthly.h"
#include "models/analytics/sourcereport.h"
#include "models/appsettings.h"
#include "models/services/drilldown.h"
#include "models/sourcereportmodel.h"
#include "ui/backgroundreader.h"
#include "ui/chartbuilder.h"
#include "ui/chartpanel.h"
#include "ui/matrixview.h"
#include "ui/messagebox.h"
#include "ui/pages.h"
#include "ui/reportactions.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>
#include <climits>

namespace mikomi::ui {
namespace {
// The least height of a chart on the page.
constexpr int kChartHeight = 460;
} // namespace

Page *createDashboardPage(QWidget *parent) {
    return new DashboardPage(parent);
}

DashboardPage::DashboardPage(QWidget *parent)
    : FactsPage(parent)
    , m_computer(new BackgroundReader(this)) {
    connect(m_computer, &BackgroundReader::busyChanged, this, &DashboardPage::setComputing);
    m_content = makeScrollingContent(); // the report pages' shared layout (page.h)
    auto *layout = qobject_cast<QVBoxLayout *>(m_content->layout());

    m_heading = makeHeading(m_content);
    m_heading->setObjectName(QStringLiteral("dashboardHeading"));
    m_heading->setWordWrap(true);
    // The PDF button sits beside the heading, so the filter row below fits a 1024 px window.
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    layout->addLayout(headingRow);

    auto *bar = new QHBoxLayout;
    m_periodLabel = new QLabel(m_content);
    m_period = new QComboBox(m_content);
    m_period->setObjectName(QStringLiteral("periodPreset"));
    for (int p = 0; p < analytics::PeriodCount; ++p)
        m_period->addItem(QString(), p);
    m_periodLabel->setBuddy(m_period);
    m_today = QDate::currentDate();
    m_from = new QDateEdit(m_today.addYears(-1), m_content);
    m_to = new QDateEdit(m_today, m_content);
    m_from->setObjectName(QStringLiteral("periodFrom"));
    m_to->setObjectName(QStringLiteral("periodTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
        e->setEnabled(false); // editable for a custom window; else they show the preset's dates
        e->setMinimumWidth(e->fontMetrics().horizontalAdvance(QStringLiteral("2026/12/31")) + 48);
    }
    m_modelLabel = new QLabel(m_content);
    m_model = new QComboBox(m_content);
    m_model->setObjectName(QStringLiteral("attributionModel"));
    for (int a = 0; a < analytics::AttributionCount; ++a)
        m_model->addItem(QString(), a);
    m_modelLabel->setBuddy(m_model);
    m_pdf = new QPushButton(m_content);
    bar->addWidget(m_periodLabel);
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    m_dash = new QLabel(QStringLiteral("–"), m_content);
    bar->addWidget(m_dash);
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

    // Shown instead of the results when the database could not be read.
    m_failure = new QLabel(m_content);
    m_failure->setObjectName(QStringLiteral("dashboardFailure"));
    m_failure->setWordWrap(true);
    m_failure->setStyleSheet(QStringLiteral("color: #b91c1c; font-weight: bold;"));
    m_failure->hide();
    layout->addWidget(m_failure);
    m_results = new QWidget(m_content);
    m_results->setObjectName(QStringLiteral("dashboardResults"));
    auto *results = new QVBoxLayout(m_results);
    results->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_results);

    m_tabs = new QTabBar(m_content);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    for (int i = 0; i < 4; ++i) // by source, by category, by tier, comparison matrix
        m_tabs->addTab(QString());
    results->addWidget(m_tabs);
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
    results->addWidget(m_stack);

    auto *grid = new QGridLayout;
    const auto panel = [&](const char *name) {
        auto *p = new ChartPanel(m_content);
        p->setObjectName(QLatin1String(name));
        p->setMinimumHeight(kChartHeight);
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
    results->addLayout(grid);

    m_funnelSourceLabel = new QLabel(m_funnelChart);
    m_funnelSource = new QComboBox(m_funnelChart);
    m_funnelSource->setObjectName(QStringLiteral("funnelSource"));
    m_funnelSource->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_funnelSource->setMaximumWidth(200); // a long source name must not widen the chart grid
    m_funnelSourceLabel->setBuddy(m_funnelSource);
    m_funnelChart->addControl(m_funnelSourceLabel);
    m_funnelChart->addControl(m_funnelSource);
    m_funnelCompareLabel = new QLabel(m_funnelChart);
    m_funnelCompare = new QComboBox(m_funnelChart);
    m_funnelCompare->setObjectName(QStringLiteral("funnelCompare"));
    m_funnelCompare->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_funnelCompare->setMaximumWidth(200);
    m_funnelCompareLabel->setBuddy(m_funnelCompare);
    m_funnelChart->addControl(m_funnelCompareLabel, 1);
    m_funnelChart->addControl(m_funnelCompare, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::periodChanged);
    const auto customChanged = [this] {
        if (period() == analytics::Period::Custom)
            recompute();
    };
    connect(m_from, &QDateEdit::dateChanged, this, customChanged);
    connect(m_to, &QDateEdit::dateChanged, this, customChanged);
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
    connect(m_funnelCompare, &QComboBox::currentIndexChanged, this, &DashboardPage::updateFunnel);
    connect(m_pdf, &QPushButton::clicked, this,
            [this] { report::exportReport(this, database(), reportChoice()); });
    connect(m_table, &QTableView::activated, this, &DashboardPage::tableActivated);
    retranslate();
    periodChanged();
}

QString DashboardPage::title() const {
    return tr("Dashboard");
}

void DashboardPage::showLoadError(const QString &message) {
    // recompute() (called next) also puts it in the page, in place of the results.
    MessageBox::warning(this, title(), message);
}

void DashboardPage::setPeriod(analytics::Period period) {
    m_period->setCurrentIndex(int(period));
}

analytics::Period DashboardPage::period() const {
    return static_cast<analytics::Period>(m_period->currentData().toInt());
}

void DashboardPage::setToday(const QDate &today) {
    m_today = today;
    periodChanged();
}

analytics::Window DashboardPage::window() const {
    return analytics::periodWindow(period(), m_today, {m_from->date(), m_to->date()});
}

report::ReportChoice DashboardPage::reportChoice() const {
    report::ReportChoice c;
    c.period = period();
    c.custom = {m_from->date(), m_to->date()};
    c.attribution = static_cast<analytics::Attribution>(m_model->currentData().toInt());
    c.today = m_today;
    return c;
}

void DashboardPage::periodChanged() {
    const analytics::Period p = period();
    const bool custom = p == analytics::Period::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom && p != analytics::Period::All) {
        // Show the preset's dates (a custom window then starts from them).
        const analytics::Window w = analytics::periodWindow(p, m_today);
        const QSignalBlocker a(m_from);
        const QSignalBlocker b(m_to);
        m_from->setDate(*w.from);
        m_to->setDate(*w.to);
    }
    m_from->setVisible(p != analytics::Period::All);
    m_to->setVisible(p != analytics::Period::All);
    m_dash->setVisible(p != analytics::Period::All);
    recompute();
}

void DashboardPage::updateHeading() {
    const analytics::Period p = period();
    const QString when = analytics::windowText(window());
    m_heading->setText(p == analytics::Period::All || p == analytics::Period::Custom
                           ? tr("%1: %2", "page title: window").arg(title(), when)
                           : tr("%1: %2 (%3)", "page title: period (dates)")
                                 .arg(title(), analytics::periodLabel(p), when));
}

// What the page shows, computed from the facts: on the page's worker for a large database.
struct DashboardPage::Computed {
    analytics::SourceReport report;
    analytics::MonthlyByCategory monthly;
    analytics::SourceMatrix matrix;
};

void DashboardPage::setSynchronousLimit(std::size_t leads) {
    m_syncLimit = leads;
}

void DashboardPage::recompute() {
    updateHeading();
    const bool failed = !loadError().isEmpty();
    m_failure->setVisible(failed);
    m_results->setVisible(!failed);
    if (failed) {
        // Nothing read: say so, instead of empty charts that look like "no leads".
        m_computer->cancel();
        m_failure->setText(tr("The dashboard could not be read: %1").arg(loadError()));
        m_summary->clear();
        m_warnings->hide();
        return;
    }
    analytics::ReportOptions options;
    options.window = window();
    options.attribution = static_cast<analytics::Attribution>(m_model->currentData().toInt());
    std::function<Result<Computed>()> work = [facts = sharedFacts(),
                                              options]() -> Result<Computed> {
        auto report = analytics::computeSourceReport(*facts, options);
        if (!report)
            return report.failure();
        // The same window as the report, which has just been validated.
        auto monthly = analytics::computeMonthlyByCategory(*facts, options.window);
        if (!monthly)
            return monthly.failure();
        Computed c{std::move(*report), std::move(*monthly), {}};
        c.matrix = analytics::computeSourceMatrix(c.report);
        return c;
    };
    if (facts().leads.size() <= m_syncLimit) { // a moment: at once (and tests see it at once)
        m_computer->cancel();
        showComputed(work());
        return;
    }
    m_computer->compute<Computed>(std::move(work),
                                  [this](Result<Computed> c) { showComputed(std::move(c)); });
}

void DashboardPage::showComputed(Result<Computed> computed) {
    if (!computed) {
        m_summary->setText(computed.error());
        return;
    }
    const Computed &c = *computed;
    m_lastReport = c.report;
    const analytics::SourceReport &report = *m_lastReport;
    const Currency currency = AppSettings().currency();
    m_report->setReport(report, currency);
    const analytics::ReportTotals &t = report.totals;
    m_summary->setText(
        tr("%1, %2, spend %3, revenue %4.", "leads, customers, spend, revenue")
            .arg(tr("%Ln lead(s)", nullptr, int(std::min<qint64>(t.leads, INT_MAX))),
                 tr("%Ln customer(s)", nullptr, int(std::min<qint64>(t.customer, INT_MAX))),
                 formatMoney(t.spend, currency), formatMoney(t.revenue, currency)));
    QStringList warnings;
    for (const auto &w : report.warnings)
        warnings << QStringLiteral("⚠ ") + analytics::warningText(w);
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());

    m_matrix->setMatrix(c.matrix, currency);

    m_leadsChart->setChart(charts::leadsAndCustomers(report));
    // Two bars per source (leads and customers; cost per lead and per customer), each figure at
    // its bar's end: a bar row as tall as a line of text, so that the figures of a source's two
    // bars, which end at the same place when both are the same share of their axes, do not
    // overlap (with 12 sources at 460 pixels they did). The panel's title, axes, legend and
    // buttons take about 170 pixels.
    const int barRows = 2 * int(report.sources.size());
    const int twoBarHeight = std::max(kChartHeight, 170 + barRows * (fontMetrics().height() + 4));
    m_leadsChart->setMinimumHeight(twoBarHeight);
    m_costChart->setMinimumHeight(twoBarHeight);
    m_months = c.monthly.months;
    m_monthlyChart->setChart(charts::leadsPerMonth(c.monthly));
    fillFunnelSources();
    updateFunnel();
    m_costChart->setChart(charts::costPerSource(report, currency));
    m_ltvCacChart->setChart(charts::ltvCac(report));
    m_shareChart->setChart(charts::shareOfLeads(report));
    for (ChartPanel *p : {m_leadsChart, m_monthlyChart, m_costChart, m_ltvCacChart, m_shareChart})
        connectDrillDown(p->chart());
}

namespace {
enum FunnelRole { KindRole = Qt::UserRole, NameRole, IndexRole };
enum FunnelKind { AllKind = 0, UnknownKind, SourceKind, CategoryKind, NoneKind };
} // namespace

void DashboardPage::fillFunnelSources() {
    fillFunnelCombo(m_funnelSource, false);
    fillFunnelCombo(m_funnelCompare, true);
}

void DashboardPage::fillFunnelCombo(QComboBox *combo, bool withNone) {
    // Keep the choice (by name: indexes change when the facts are reloaded).
    const int kind = combo->count() > 0 ? combo->currentData(KindRole).toInt()
                                        : int(withNone ? NoneKind : AllKind);
    const QVariant name = combo->currentData(NameRole);
    const QSignalBlocker blocker(combo);
    combo->clear();
    int current = 0;
    const auto add = [&](const QString &text, FunnelKind k, const QVariant &key, int index) {
        const int i = combo->count();
        combo->addItem(text);
        combo->setItemData(i, int(k), KindRole);
        combo->setItemData(i, key, NameRole);
        combo->setItemData(i, index, IndexRole);
        if (kind == k && (k == AllKind || k == NoneKind || k == UnknownKind || key == name))
            current = i;
    };
    if (withNone)
        add(tr("(none)", "compare the funnel with"), NoneKind, {}, 0);
    add(tr("All sources"), AllKind, {}, 0);
    if (m_lastReport) {
        for (const analytics::SourceRow &row : m_lastReport->sources) {
            if (row.isUnknown)
                add(QCoreApplication::translate("mikomi::ui::DashboardPage", "Unknown"),
                    UnknownKind, {}, 0);
            else
                add(row.name, SourceKind, row.name, row.sourceIndex);
        }
        for (const analytics::GroupRow &g : m_lastReport->byCategory) {
            if (g.category && g.funnel.leads > 0)
                add(tr("Category: %1").arg(categoryLabel(*g.category)), CategoryKind,
                    int(*g.category), int(*g.category));
        }
    }
    combo->setCurrentIndex(current);
}

std::optional<analytics::FunnelSelection> DashboardPage::selectionOf(const QComboBox *combo) {
    switch (combo->currentData(KindRole).toInt()) {
    case NoneKind:
        return std::nullopt;
    case UnknownKind:
        return analytics::FunnelSelection::unknownSource();
    case SourceKind:
        return analytics::FunnelSelection::source(combo->currentData(IndexRole).toInt());
    case CategoryKind:
        return analytics::FunnelSelection::ofCategory(
            static_cast<SourceCategory>(combo->currentData(IndexRole).toInt()));
    default:
        return analytics::FunnelSelection::allSources();
    }
}

void DashboardPage::updateFunnel() {
    if (!m_lastReport)
        return;
    const analytics::FunnelSelection first =
        selectionOf(m_funnelSource).value_or(analytics::FunnelSelection::allSources());
    m_funnelFirst = first;
    m_funnelSecond = selectionOf(m_funnelCompare);
    if (m_funnelSecond)
        m_funnelChart->setChart(charts::funnelComparison(*m_lastReport, first, *m_funnelSecond));
    else
        m_funnelChart->setChart(charts::funnel(*m_lastReport, first));
    connectDrillDown(m_funnelChart->chart());
}

void DashboardPage::drill(const analytics::FunnelSelection &selection, Stage reached,
                          const analytics::Window &window) {
    if (!m_lastReport)
        return;
    const QString who = charts::selectionName(*m_lastReport, selection);
    const QString when = analytics::windowText(window);
    QString text = reached == Stage::Inquiry
                       ? tr("From the dashboard: the leads of %1, created %2.", "source, window")
                             .arg(who, when)
                       : tr("From the dashboard: the leads of %1 that reached %2, created %3.",
                            "source, stage, window")
                             .arg(who, stageLabel(reached), when);
    if (reached == Stage::Customer && !selection.all &&
        m_lastReport->attribution != analytics::Attribution::First)
        text += QLatin1Char(' ') + tr("The chart counts customers by attribution credit; the "
                                      "list shows those whose original source this is.");
    emit leadsRequested(services::drillDownFilter(facts(), window, selection, reached), text);
}

void DashboardPage::drillToRow(int reportRow, Stage reached) {
    if (!m_lastReport || reportRow < 0 || std::size_t(reportRow) >= m_lastReport->sources.size())
        return;
    const analytics::SourceRow &row = m_lastReport->sources[std::size_t(reportRow)];
    drill(row.isUnknown ? analytics::FunnelSelection::unknownSource()
                        : analytics::FunnelSelection::source(row.sourceIndex),
          reached, m_lastReport->window);
}

void DashboardPage::connectDrillDown(QChart *chart) {
    if (!chart)
        return;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices())
                connect(slice, &QPieSlice::clicked, this,
                        [this, slice] { drillToRow(charts::sliceRow(slice), Stage::Inquiry); });
            continue;
        }
        auto *bars = qobject_cast<QAbstractBarSeries *>(series);
        if (!bars)
            continue;
        for (QBarSet *set : bars->barSets()) {
            connect(set, &QBarSet::clicked, this, [this, set](int index) {
                if (const int side = charts::comparisonSide(set); side >= 0) { // a funnel
                    const analytics::FunnelSelection sel =
                        side == 0 ? m_funnelFirst
                                  : m_funnelSecond.value_or(analytics::FunnelSelection());
                    drill(sel, charts::funnelStage(index), m_lastReport->window);
                } else if (const auto category = charts::barCategory(set)) { // a month
                    if (index < 0 || std::size_t(index) >= m_months.size())
                        return;
                    const qint32 m = m_months[std::size_t(index)];
                    const QDate first(m / 12, m % 12 + 1, 1);
                    analytics::Window w = m_lastReport->window;
                    w.from = std::max(w.from.value_or(first), first);
                    w.to = std::min(w.to.value_or(first.addMonths(1).addDays(-1)),
                                    first.addMonths(1).addDays(-1));
                    drill(analytics::FunnelSelection::ofCategory(*category), Stage::Inquiry, w);
                } else {
                    drillToRow(charts::reportRow(set, index), charts::barStage(set));
                }
            });
        }
    }
}

void DashboardPage::tableActivated(const QModelIndex &index) {
    if (!m_lastReport || !index.isValid())
        return;
    const int row = m_proxy->mapToSource(index).row();
    switch (m_report->grouping()) {
    case SourceReportModel::Grouping::Source:
        drillToRow(row, Stage::Inquiry);
        break;
    case SourceReportModel::Grouping::Category:
        if (row >= 0 && std::size_t(row) < m_lastReport->byCategory.size() &&
            m_lastReport->byCategory[std::size_t(row)].category)
            drill(analytics::FunnelSelection::ofCategory(
                      *m_lastReport->byCategory[std::size_t(row)].category),
                  Stage::Inquiry, m_lastReport->window);
        break;
    case SourceReportModel::Grouping::Tier:
        // The leads whose original source has the tier (70-20-10); the tier-less row: Unknown.
        if (row >= 0 && std::size_t(row) < m_lastReport->byTier.size()) {
            const std::optional<Tier> tier = m_lastReport->byTier[std::size_t(row)].tier;
            const QString when = analytics::windowText(m_lastReport->window);
            emit leadsRequested(
                services::tierDrillDownFilter(facts(), m_lastReport->window, tier),
                tier ? tr("From the dashboard: the leads of the %1 tier's sources, created %2.",
                          "tier, window")
                           .arg(tierLabel(*tier), when)
                     : tr("From the dashboard: the leads of the Unknown row, created %1.")
                           .arg(when));
        }
        break;
    }
}

void DashboardPage::retranslate() {
    m_periodLabel->setText(tr("&Period:"));
    for (int p = 0; p < analytics::PeriodCount; ++p)
        m_period->setItemText(p, analytics::periodLabel(static_cast<analytics::Period>(p)));
    m_modelLabel->setText(tr("&Attribution:"));
    for (int a = 0; a < analytics::AttributionCount; ++a)
        m_model->setItemText(a,
                             analytics::attributionLabel(static_cast<analytics::Attribution>(a)));
    m_pdf->setText(tr("Export PDF report…"));
    m_tabs->setTabText(0, tr("By source"));
    m_tabs->setTabText(1, tr("By category"));
    m_tabs->setTabText(2, tr("By tier"));
    m_tabs->setTabText(3, tr("Comparison matrix"));
    m_table->setToolTip(tr("Double-click a source, a category or a tier to list its leads; click "
                           "a bar, a slice, a funnel stage or a month in the charts likewise."));
    m_funnelSourceLabel->setText(tr("F&unnel for:"));
    m_funnelCompareLabel->setText(tr("C&ompare with:"));
    fillFunnelSources(); // "All sources", "Category: …" in the new language
    updateHeading();
}

} // namespace mikomi::ui
