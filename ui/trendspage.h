#pragma once

#include "models/analytics/goals.h"
#include "models/analytics/owners.h"
#include "models/analytics/trends.h"
#include "ui/factspage.h"

#include <QDate>

class QComboBox;
class QModelIndex;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace mikomi::ui {

namespace report {
struct TableBlock;
}

// Trends and goals (issue 15), beside the Dashboard: a tab of one metric per month by source or
// category, this period against the previous one and a year earlier (▲/▼ and %); and a tab of
// the Planner's monthly targets for a year against what happened, with the gap, and per owner
// leads worked, conversion, won revenue and open pipeline value. The tables are
// the same as in the PDF report (ui/reportbuilder.h).
class TrendsPage final : public FactsPage {
    Q_OBJECT
public:
    explicit TrendsPage(QWidget *parent = nullptr);
    QString title() const override;
    // The day the page counts from (tests set a fixed day; default: today): the trends end
    // with the last month that is over on it, and the goals' actuals run up to its month.
    void setToday(const QDate &today);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void recompute() override;
    void retranslate() override;
    void showLoadError(const QString &message) override;

private:
    // The drill-down: a count double-clicked (a month's leads, MQL or customers of a source or
    // category, a goal month's leads to opportunities, an owner's leads or customers) asks for
    // the Leads page showing exactly those leads.
    void trendActivated(const QModelIndex &index);
    void goalActivated(const QModelIndex &index);
    void ownerActivated(const QModelIndex &index);
    // Fills `table` from a report table; ▲/▼ cells green when better, red when worse.
    static void fill(QTableWidget *table, const report::TableBlock &block,
                     bool lowerIsBetter = false);
    // The goals in the table, `width` px wide: each cell on one line when that fits,
    // else with the gap on a second line (at 1024 px the revenue ran off the table's side).
    void fillGoals(int width);

    QDate m_today;
    std::optional<analytics::Trends> m_lastTrends;
    analytics::TrendMetric m_lastMetric = analytics::TrendMetric::Leads;
    std::optional<analytics::Goals> m_lastGoals;
    int m_goalsOneLineWidth = 0; // the goal table's columns with one line per cell
    bool m_goalsGapBelow = false;
    std::vector<analytics::OwnerFigures> m_lastOwners;
    QLabel *m_heading = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_groupingLabel = nullptr;
    QComboBox *m_grouping = nullptr;
    QLabel *m_metricLabel = nullptr;
    QComboBox *m_metric = nullptr;
    QLabel *m_monthsLabel = nullptr;
    QComboBox *m_months = nullptr;
    QLabel *m_trendNote = nullptr;
    QTableWidget *m_trends = nullptr;
    QLabel *m_yearLabel = nullptr;
    QSpinBox *m_year = nullptr;
    QLabel *m_growthLabel = nullptr;
    QLineEdit *m_growth = nullptr;
    QLabel *m_goalNote = nullptr;
    QTableWidget *m_goals = nullptr;
    QLabel *m_ownerNote = nullptr;
    QTableWidget *m_owners = nullptr;
};

} // namespace mikomi::ui
