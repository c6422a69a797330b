#include "ui/trendspage.h"

#include "models/analytics/trends.h"
#include "models/appsettings.h"
#include "models/services/drilldown.h"
#include "models/services/reportinput.h"
#include "ui/flowlayout.h"
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
#include <QResizeEvent>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createTrendsPage(QWidget *parent) {
    return new TrendsPage(parent);
}

TrendsPage::TrendsPage(QWidget *parent)
    : FactsPage(parent)
    , m_today(QDate::currentDate()) {
    // The Dashboard's layout (Page::makeScrollingContent): the page scrolls down when the window
    // is low, and the rows of controls wrap when it is narrow.
    QWidget *content = makeScrollingContent();
    auto *layout = qobject_cast<QVBoxLayout *>(content->layout());
    m_heading = makeHeading(content);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("trendTabs"));
    layout->addWidget(m_tabs, 1);

    auto *trends = new QWidget(m_tabs);
    auto *tl = new QVBoxLayout(trends);
    FlowLayout *bar = makeControlRow();
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
    // Each label with its combo, so a wrap never parts them.
    const auto pair = [&](QWidget *parent, QLabel *label, QWidget *field) {
        auto *box = new QWidget(parent);
        auto *h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(label);
        h->addWidget(field);
        return box;
    };
    bar->addWidget(pair(trends, m_groupingLabel, m_grouping));
    bar->addWidget(pair(trends, m_metricLabel, m_metric));
    bar->addWidget(pair(trends, m_monthsLabel, m_months));
    tl->addLayout(bar);
    m_trendNote = new QLabel(trends);
    m_trendNote->setWordWrap(true);
    tl->addWidget(m_trendNote);
    m_trends = new QTableWidget(trends);
    m_trends->setObjectName(QStringLiteral("trendTable"));
    tl->addWidget(m_trends);
    tl->addStretch(1);
    m_tabs->addTab(trends, QString());

    auto *goals = new QWidget(m_tabs);
    auto *gl = new QVBoxLayout(goals);
    FlowLayout *gbar = makeControlRow();
    m_yearLabel = new QLabel(goals);
    m_year = new QSpinBox(goals);
    m_year->setObjectName(QStringLiteral("goalYear"));
    m_year->setRange(2000, 2100);
    m_year->setValue(m_today.year());
    m_yearLabel->setBuddy(m_year);
    m_growthLabel = new QLabel(goals);
    m_growth = new QLineEdit(QStringLiteral("1.2"), goals);
    m_growth->setObjectName(QStringLiteral("goalGrowth"));
    m_growth->setMaximumWidth(80);
    m_growthLabel->setBuddy(m_growth);
    gbar->addWidget(pair(goals, m_yearLabel, m_year));
    gbar->addWidget(pair(goals, m_growthLabel, m_growth));
    gl->addLayout(gbar);
    m_goalNote = new QLabel(goals);
    m_goalNote->setWordWrap(true);
    gl->addWidget(m_goalNote);
    m_goals = new QTableWidget(goals);
    m_goals->setObjectName(QStringLiteral("goalTable"));
    m_goals->installEventFilter(this); // narrower or wider: the gap below or beside
    gl->addWidget(m_goals);
    m_ownerNote = new QLabel(goals);
    m_ownerNote->setWordWrap(true);
    gl->addWidget(m_ownerNote);
    m_owners = new QTableWidget(goals);
    m_owners->setObjectName(QStringLiteral("ownerTable"));
    gl->addWidget(m_owners);
    gl->addStretch(1);
    m_tabs->addTab(goals, QString());

    for (QComboBox *c : {m_grouping, m_metric, m_months}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents); // Japanese labels are longer
        connect(c, &QComboBox::currentIndexChanged, this, &TrendsPage::recompute);
    }
    connect(m_trends, &QTableWidget::activated, this, &TrendsPage::trendActivated);
    connect(m_goals, &QTableWidget::activated, this, &TrendsPage::goalActivated);
    connect(m_owners, &QTableWidget::activated, this, &TrendsPage::ownerActivated);
    connect(m_year, &QSpinBox::valueChanged, this, &TrendsPage::recompute);
    connect(m_growth, &QLineEdit::editingFinished, this, &TrendsPage::recompute);
    retranslate();
}

void TrendsPage::setToday(const QDate &today) {
    m_today = today;
    recompute();
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
    // As tall as its rows (and a horizontal scroll bar, for a narrow window): the page scrolls,
    // not each table, so every row of a month, the total and "to date" can be seen at once.
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth() +
                 table->horizontalScrollBar()->sizeHint().height();
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    table->setFixedHeight(std::max(height, 120));
}

void TrendsPage::recompute() {
    const Currency currency = AppSettings().currency();
    analytics::TrendOptions options = analytics::trendMonthsOf(facts(), analytics::Window());
    options.firstMonth = options.lastMonth - m_months->currentData().toInt() + 1;
    // Whole months only: this month, not over yet, is never set against whole ones.
    const bool cut = analytics::endAtCompleteMonth(options, m_today);
    options.grouping = static_cast<analytics::TrendGrouping>(m_grouping->currentData().toInt());
    const auto metric = static_cast<analytics::TrendMetric>(m_metric->currentData().toInt());
    auto trends = analytics::computeTrends(facts(), options);
    m_lastTrends.reset();
    m_lastMetric = metric;
    if (trends) {
        m_lastTrends = *trends;
        fill(m_trends, report::trendTable(*trends, metric, currency),
             metric == analytics::TrendMetric::Cpl || metric == analytics::TrendMetric::Cac);
        QString note =
            tr("Leads created in each month by original source; MQL and customers are those "
               "leads that went on to be MQL or customers. Change: against the %n month(s) "
               "before, and against the same months a year earlier.",
               nullptr, trends->monthCount());
        if (cut)
            note += QLatin1Char(' ') +
                    tr("Whole months only: %1 is not over yet, so the trends end with %2.")
                        .arg(m_today.toString(QStringLiteral("yyyy/MM")),
                             QDate(trends->lastMonth / 12, trends->lastMonth % 12 + 1, 1)
                                 .toString(QStringLiteral("yyyy/MM")));
        m_trendNote->setText(note);
    } else {
        m_trends->clear();
        m_trendNote->setText(trends.error());
    }

    if (database()) {
        auto owners = report::readOwnerFigures(*database());
        m_lastOwners.clear();
        if (owners) {
            m_lastOwners = *owners;
            const report::TableBlock table = report::ownerTable(*owners, currency);
            fill(m_owners, table);
            m_ownerNote->setText(table.title);
        } else {
            m_owners->clear();
            m_ownerNote->setText(owners.error());
        }
    }

    const auto growth = services::parseGrowthFactor(m_growth->text());
    m_lastGoals.reset();
    if (!growth) {
        m_goals->clear();
        m_goalNote->setText(tr("Type the growth as a number above zero, e.g. 1.2 for 120%."));
        return;
    }
    const int year = m_year->value();
    const QDate today = m_today;
    const qint32 asOf = year < today.year()    ? analytics::monthNumber(year, 12)
                        : year == today.year() ? analytics::monthNumber(today)
                                               : analytics::monthNumber(year, 1) - 1;
    const report::YearGoals goals = report::yearGoals(facts(), year, *growth, asOf);
    m_lastGoals = goals.goals;
    if (goals.goals) {
        fillGoals(m_goals->width());
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

void TrendsPage::fillGoals(int width) {
    if (!m_lastGoals)
        return;
    const Currency currency = AppSettings().currency();
    fill(m_goals, report::goalTable(*m_lastGoals, currency));
    m_goalsOneLineWidth = m_goals->horizontalHeader()->length();
    m_goalsGapBelow = m_goalsOneLineWidth > width - 2 * m_goals->frameWidth();
    if (m_goalsGapBelow)
        fill(m_goals, report::goalTable(*m_lastGoals, currency, {}, true));
}

bool TrendsPage::eventFilter(QObject *watched, QEvent *event) {
    // Before the table lays itself out: its own width is still the old one.
    if (watched == m_goals && event->type() == QEvent::Resize && m_lastGoals) {
        const int width = static_cast<QResizeEvent *>(event)->size().width();
        if ((m_goalsOneLineWidth > width - 2 * m_goals->frameWidth()) != m_goalsGapBelow)
            fillGoals(width);
    }
    return FactsPage::eventFilter(watched, event);
}

void TrendsPage::trendActivated(const QModelIndex &index) {
    if (!m_lastTrends || !index.isValid())
        return;
    const analytics::Trends &t = *m_lastTrends;
    const auto stage = services::trendStage(m_lastMetric);
    if (!stage)
        return; // spend, CPL, CAC: not a count of leads
    const int r = index.row();
    if (r < 0 || std::size_t(r) > t.rows.size())
        return;
    const analytics::TrendRow &row =
        std::size_t(r) < t.rows.size() ? t.rows[std::size_t(r)] : t.total;
    // Columns: the name, one per month, this period, previous, change, a year ago, change.
    const int c = index.column();
    const int n = t.monthCount();
    analytics::Window w;
    if (c >= 1 && c <= n)
        w = services::monthsWindow(t.firstMonth + c - 1, t.firstMonth + c - 1);
    else if (c == 0 || c == n + 1)
        w = services::monthsWindow(t.firstMonth, t.lastMonth);
    else if (c == n + 2)
        w = services::monthsWindow(t.previousFirst, t.previousLast);
    else if (c == n + 4)
        w = services::monthsWindow(t.firstMonth - 12, t.lastMonth - 12);
    else
        return; // a change in %
    QString who;
    if (std::size_t(r) == t.rows.size())
        who = tr("all sources");
    else if (row.category)
        who = categoryLabel(*row.category);
    else if (row.isUnknown)
        who = tr("the Unknown row");
    else
        who = row.name;
    emit leadsRequested(
        services::drillDownFilter(facts(), w, services::trendSelection(row), *stage),
        tr("From Trends & Goals: %1 of %2, created %3.", "figure, source, window")
            .arg(analytics::trendMetricLabel(m_lastMetric), who, analytics::windowText(w)));
}

void TrendsPage::goalActivated(const QModelIndex &index) {
    if (!m_lastGoals || !index.isValid() || index.column() < 1 ||
        index.column() > analytics::GoalMetricCount)
        return;
    const analytics::Goals &g = *m_lastGoals;
    const auto metric = analytics::GoalMetric(index.column() - 1);
    const int r = index.row();
    analytics::Window w;
    if (r >= 0 && std::size_t(r) < g.months.size()) {
        const analytics::GoalMonth &m = g.months[std::size_t(r)];
        if (m.isFuture)
            return;
        w = services::monthsWindow(m.month, m.month);
    } else if (std::size_t(r) == g.months.size() && !g.months.empty()) { // to date
        qint32 last = g.months.front().month - 1;
        for (const analytics::GoalMonth &m : g.months)
            if (!m.isFuture)
                last = m.month;
        if (last < g.months.front().month)
            return;
        w = services::monthsWindow(g.months.front().month, last);
    } else {
        return;
    }
    QString text;
    switch (metric) {
    case analytics::GoalMetric::Customers:
        text = tr("From Trends & Goals: customers won %1 (without a won date: created then).",
                  "window")
                   .arg(analytics::windowText(w));
        break;
    case analytics::GoalMetric::Revenue:
        text = tr("From Trends & Goals: the customers won %1 whose deal values make the "
                  "revenue (without a won date: created then).",
                  "window")
                   .arg(analytics::windowText(w));
        break;
    default:
        text = tr("From Trends & Goals: %1, created %2.", "figure, window")
                   .arg(analytics::goalMetricLabel(metric), analytics::windowText(w));
        break;
    }
    emit leadsRequested(services::goalDrillDownFilter(facts(), metric, w), text);
}

void TrendsPage::ownerActivated(const QModelIndex &index) {
    if (!index.isValid() || index.row() < 0 || std::size_t(index.row()) >= m_lastOwners.size())
        return;
    const analytics::OwnerFigures &o = m_lastOwners[std::size_t(index.row())];
    storage::LeadFilter f;
    // The "(no owner)" row: the leads nobody owns.
    if (o.ownerId > 0)
        f.ownerId = o.ownerId;
    else
        f.ownerless = true;
    // Customers (column 3): the owner's customers; any other column: every lead of the owner.
    const bool customers = index.column() == 3;
    if (customers)
        f.stage = Stage::Customer;
    QString text;
    if (o.ownerId <= 0)
        text = customers ? tr("From Trends & Goals: the customers nobody owns.")
                         : tr("From Trends & Goals: the leads nobody owns.");
    else
        text = customers ? tr("From Trends & Goals: the customers of %1.").arg(o.owner)
                         : tr("From Trends & Goals: the leads of %1.").arg(o.owner);
    emit leadsRequested(f, text);
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
    m_trends->setToolTip(tr("Double-click a count of leads, MQL or customers to list those "
                            "leads."));
    m_goals->setToolTip(tr("Double-click a month's figure to list its leads: leads to "
                           "opportunities by created month, customers and revenue by won "
                           "month."));
    m_owners->setToolTip(tr("Double-click an owner, or \"(no owner)\", to list their leads, or "
                            "their customers."));
}

} // namespace mikomi::ui
