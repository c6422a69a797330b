#include "ui/dashboardpage.h"

#include "models/analytics/sourcereport.h"
#include "models/appsettings.h"
#include "models/services/reportloader.h"
#include "models/sourcereportmodel.h"
#include "ui/chartbuilder.h"
#include "ui/chartpanel.h"
#include "ui/pages.h"

#include <QCheckBox>
#include <QComboBox>
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
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createDashboardPage(QWidget *parent) {
    return new DashboardPage(parent);
}

DashboardPage::DashboardPage(QWidget *parent)
    : Page(parent) {
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
    layout->addWidget(m_heading);

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
    bar->addWidget(m_pdf);
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
    m_tabs->addTab(QString());
    m_tabs->addTab(QString());
    m_tabs->addTab(QString());
    layout->addWidget(m_tabs);
    m_report = new SourceReportModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_report);
    m_proxy->setSortRole(SourceReportModel::SortRole);
    m_table = new QTableView(m_content);
    m_table->setObjectName(QStringLiteral("sourceReportTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the report's own order until clicked
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(260);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table);

    auto *grid = new QGridLayout;
    for (int i = 0; i < 5; ++i) {
        auto *panel = new ChartPanel(m_content);
        panel->setMinimumHeight(460);
        m_charts.push_back(panel);
        grid->addWidget(panel, i / 2, i % 2);
    }
    layout->addLayout(grid);

    connect(m_useWindow, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        recompute();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &DashboardPage::recompute);
    connect(m_to, &QDateEdit::dateChanged, this, &DashboardPage::recompute);
    connect(m_model, &QComboBox::currentIndexChanged, this, &DashboardPage::recompute);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int tab) {
        m_report->setGrouping(static_cast<SourceReportModel::Grouping>(tab));
    });
    connect(m_pdf, &QPushButton::clicked, this, &DashboardPage::askPdf);
    retranslate();
}

QString DashboardPage::title() const {
    return tr("Dashboard");
}

void DashboardPage::setDatabase(storage::Database *db) {
    m_db = db;
    m_facts = {};
    m_stale = true;
    if (isVisible())
        load();
}

void DashboardPage::reload() {
    m_stale = true;
    if (isVisible())
        load();
}

void DashboardPage::showEvent(QShowEvent *event) {
    Page::showEvent(event);
    if (m_stale)
        load();
}

void DashboardPage::load() {
    m_stale = false;
    m_facts = {};
    if (m_db) {
        auto facts = services::loadFacts(*m_db);
        if (facts)
            m_facts = std::move(*facts);
        else
            QMessageBox::warning(this, title(), facts.error());
    }
    recompute();
}

void DashboardPage::recompute() {
    analytics::ReportOptions options;
    if (m_useWindow->isChecked()) {
        options.window.from = m_from->date();
        options.window.to = m_to->date();
    }
    options.attribution = static_cast<analytics::Attribution>(m_model->currentData().toInt());
    auto report = analytics::computeSourceReport(m_facts, options);
    if (!report) {
        m_summary->setText(report.error());
        return;
    }
    const Currency currency = AppSettings().currency();
    m_report->setReport(*report, currency);
    const QLocale locale;
    const analytics::ReportTotals &t = report->totals;
    m_summary->setText(tr("%1 leads, %2 customers, spend %3, revenue %4.")
                           .arg(locale.toString(t.leads), locale.toString(t.customer),
                                formatMoney(t.spend, currency), formatMoney(t.revenue, currency)));
    QStringList warnings;
    for (const auto &w : report->warnings)
        warnings << QStringLiteral("⚠ ") + analytics::warningText(w);
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());

    m_charts[0]->setChart(charts::leadsAndCustomers(*report));
    m_charts[1]->setChart(charts::funnel(*report));
    m_charts[2]->setChart(charts::costPerSource(*report, currency));
    m_charts[3]->setChart(charts::ltvCac(*report));
    m_charts[4]->setChart(charts::shareOfLeads(*report));
}

bool DashboardPage::exportPdf(const QString &path) {
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the dashboard as PDF"),
                                                      QString(), tr("PDF documents (*.pdf)"));
    if (!path.isEmpty() && !exportPdf(path))
        QMessageBox::warning(
            this, title(),
            tr("The dashboard could not be saved to %1.").arg(QDir::toNativeSeparators(path)));
}

void DashboardPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_stale)
            recompute();
    }
    Page::changeEvent(event);
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
}

} // namespace mikomi::ui
