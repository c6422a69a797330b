#pragma once

#include "ui/factspage.h"

class QComboBox;
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

protected:
    void recompute() override;
    void retranslate() override;
    void showLoadError(const QString &message) override;

private:
    // Fills `table` from a report table; ▲/▼ cells green when better, red when worse.
    static void fill(QTableWidget *table, const report::TableBlock &block,
                     bool lowerIsBetter = false);

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
