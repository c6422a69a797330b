#include "ui/trendspage.h"

#include "models/analytics/trends.h"
#include "models/appsettings.h"
#include "models/services/reportinput.h"
#include "ui/pages.h"
#include "ui/reportactions.h"
#include "ui/reportbuilder.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createTrendsPage(QWidget *parent) {
    return new TrendsPage(parent);
}

TrendsPage::TrendsPage(QWidget *parent)
    : FactsPage(parent) {
    auto *layout = new QVBoxLayout(this);
    m_heading = makeHeading(this);
    layout->addWidget(m_heading);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("trendTabs"));
    layout->addWidget(m_tabs, 1);

    auto *trends = new QWidget(m_tabs);
    auto *tl = new QVBoxLayout(trends);
    auto *bar = new QHBoxLayout;
    m_groupingLabel = new QLabel(trends);
    m_grouping = new QComboBox(trends);
    m_grouping->setObjectName(QStringLiteral("trendGrouping"));
    m_grouping->addItem(QString(), int(analytics::TrendGrouping::Source));
    m_grouping->addItem(QString(), int(analytics::TrendGrouping::Category));
    m_groupingLabel->setBuddy(m_grouping);
    m_metricLabel = new QLabel(trends);
    m_metric = new QComboBox(trends);
    m_metric->setObjectName(QStringLiteral("trendMetric"));
    for (int m = 0; m < analytics::TrendMetricCount; ++m)
        m_metric->addItem(QString(), m);
    m_metricLabel->setBuddy(m_metric);
    m_monthsLabel = new QLabel(trends);
    m_months = new QComboBox(trends);
    m_months->setObjectName(QStringLiteral("trendMonths"));
    for (int n : {1, 3, 6, 12})
        m_months->addItem(QString(), n);
    m_months->setCurrentIndex(1);
    m_monthsLabel->setBuddy(m_months);
    for (QWidget *w : std::initializer_list<QWidget *>{m_groupingLabel, m_grouping, m_metricLabel,
                                                       m_metric, m_monthsLabel, m_months})
        bar->addWidget(w);
    bar->addStretch();
    tl->addLayout(bar);
    m_trendNote = new QLabel(trends);
    m_trendNote->setWordWrap(true);
    tl->addWidget(m_trendNote);
    m_trends = new QTableWidget(trends);
    m_trends->setObjectName(QStringLiteral("trendTable"));
    tl->addWidget(m_trends, 1);
    m_tabs->addTab(trends, QString());

    auto *goals = new QWidget(m_tabs);
    auto *gl = new QVBoxLayout(goals);
    auto *gbar = new QHBoxLayout;
    m_yearLabel = new QLabel(goals);
    m_year = new QSpinBox(goals);
    m_year->setObjectName(QStringLiteral("goalYear"));
    m_year->setRange(2000, 2100);
    m_year->setValue(QDate::currentDate().year());
    m_yearLabel->setBuddy(m_year);
    m_growthLabel = new QLabel(goals);
    m_growth = new QLineEdit(QStringLiteral("1.2"), goals);
    m_growth->setObjectName(QStringLiteral("goalGrowth"));
    m_growth->setMaximumWidth(80);
    m_growthLabel->setBuddy(m_growth);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_yearLabel, m_year, m_growthLabel, m_growth})
        gbar->addWidget(w);
    gbar->addStretch();
    gl->addLayout(gbar);
    m_goalNote = new QLabel(goals);
    m_goalNote->setWordWrap(true);
    gl->addWidget(m_goalNote);
    m_goals = new QTableWidget(goals);
    m_goals->setObjectName(QStringLiteral("goalTable"));
    gl->addWidget(m_goals, 2);
    m_ownerNote = new QLabel(goals);
    m_ownerNote->setWordWrap(true);
    gl->addWidget(m_ownerNote);
    m_owners = new QTableWidget(goals);
    m_owners->setObjectName(QStringLiteral("ownerTable"));
    gl->addWidget(m_owners, 1);
    m_tabs->addTab(goals, QString());

    for (QComboBox *c : {m_grouping, m_metric, m_months}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents); // Japanese labels are longer
        connect(c, &QComboBox::currentIndexChanged, this, &TrendsPage::recompute);
    }
    connect(m_year, &QSpinBox::valueChanged, this, &TrendsPage::recompute);
    connect(m_growth, &QLineEdit::editingFinished, this, &TrendsPage::recompute);
    retranslate();
}

QString TrendsPage::title() const {
    return tr("Trends & Goals");
}

void TrendsPage::showLoadError(const QString &message) {
    m_trendNote->setText(message);
}

void TrendsPage::fill(QTableWidget *table, const report::TableBlock &block, bool lowerIsBetter) {
    table->clear();
    table->setColumnCount(int(block.header.size()));
    table->setRowCount(int(block.rows.size()));
    table->setHorizontalHeaderLabels(block.header);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    const int bold = int(block.rows.size()) - block.boldRows;
    for (int r = 0; r < int(block.rows.size()); ++r) {
        const QStringList &row = block.rows[std::size_t(r)];
        for (int c = 0; c < row.size(); ++c) {
            auto *item = new QTableWidgetItem(row.at(c));
            if (c < int(block.numeric.size()) && block.numeric[std::size_t(c)])
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r >= bold) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            // Green for better, red for worse: a rising CPL or CAC is worse.
            const bool up = row.at(c).startsWith(QStringLiteral("▲"));
            const bool down = row.at(c).startsWith(QStringLiteral("▼"));
            if (up || down)
                item->setForeground(up != lowerIsBetter ? QColor(0x15, 0x80, 0x3d)
                                                        : QColor(0xb9, 0x1c, 0x1c));
            table->setItem(r, c, item);
        }
    }
    table->resizeColumnsToContents();
}

void TrendsPage::recompute() {
    const Currency currency = AppSettings().currency();
    analytics::TrendOptions options = analytics::trendMonthsOf(facts(), analytics::Window());
    options.firstMonth = options.lastMonth - m_months->currentData().toInt() + 1;
    options.grouping = static_cast<analytics::TrendGrouping>(m_grouping->currentData().toInt());
    const auto metric = static_cast<analytics::TrendMetric>(m_metric->currentData().toInt());
    auto trends = analytics::computeTrends(facts(), options);
    if (trends) {
        fill(m_trends, report::trendTable(*trends, metric, currency),
             metric == analytics::TrendMetric::Cpl || metric == analytics::TrendMetric::Cac);
        m_trendNote->setText(
            tr("Leads created in each month by original source; MQL and customers are those "
               "leads that went on to be MQL or customers. Change: against the %n month(s) "
               "before, and against the same months a year earlier.",
               nullptr, trends->monthCount()));
    } else {
        m_trends->clear();
        m_trendNote->setText(trends.error());
    }

    if (database()) {
        auto owners = report::readOwnerFigures(*database());
        if (owners) {
            const report::TableBlock table = report::ownerTable(*owners, currency);
            fill(m_owners, table);
            m_ownerNote->setText(table.title);
        } else {
            m_owners->clear();
            m_ownerNote->setText(owners.error());
        }
    }

    const auto growth = services::parseGrowthFactor(m_growth->text());
    if (!growth) {
        m_goals->clear();
        m_goalNote->setText(tr("Type the growth as a number above zero, e.g. 1.2 for 120%."));
        return;
    }
    const int year = m_year->value();
    const QDate today = QDate::currentDate();
    const qint32 asOf = year < today.year()    ? analytics::monthNumber(year, 12)
                        : year == today.year() ? analytics::monthNumber(today)
                                               : analytics::monthNumber(year, 1) - 1;
    const report::YearGoals goals = report::yearGoals(facts(), year, *growth, asOf);
    if (goals.goals) {
        fill(m_goals, report::goalTable(*goals.goals, currency));
        m_goalNote->setText(tr("Targets: the Planner's funnel for %1 × the revenue of %2, the same "
                               "every month; actuals: leads by created month, customers and "
                               "revenue by won month.")
                                .arg(QLocale().toString(*growth, 'f', 2))
                                .arg(year - 1));
    } else {
        m_goals->clear();
        m_goalNote->setText(goals.plan ? QString()
                                       : QStringLiteral("⚠ ") + goals.plan.error().message);
    }
}

void TrendsPage::retranslate() {
    m_heading->setText(title());
    m_tabs->setTabText(0, tr("Trends"));
    m_tabs->setTabText(1, tr("Goals against actuals"));
    m_groupingLabel->setText(tr("&By:"));
    m_grouping->setItemText(0, tr("Source"));
    m_grouping->setItemText(1, tr("Category"));
    m_metricLabel->setText(tr("&Figure:"));
    for (int m = 0; m < analytics::TrendMetricCount; ++m)
        m_metric->setItemText(m, analytics::trendMetricLabel(analytics::TrendMetric(m)));
    m_monthsLabel->setText(tr("&Period:"));
    m_months->setItemText(0, tr("Last month"));
    m_months->setItemText(1, tr("Last 3 months"));
    m_months->setItemText(2, tr("Last 6 months"));
    m_months->setItemText(3, tr("Last 12 months"));
    m_yearLabel->setText(tr("&Year:"));
    m_growthLabel->setText(tr("&Growth over the year before:"));
}

} // namespace mikomi::ui
