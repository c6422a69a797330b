#pragma once

#include "models/analytics/facts.h"
#include "ui/factspage.h"

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace mikomi {
class PlannerModel;
class PlanSourceModel;
} // namespace mikomi

namespace mikomi::ui {

// KGI → KPI → leads: a revenue target (amount, or growth over a reference period) worked back
// through the historical rates to the customers, opportunities, SQLs, MQLs and leads needed.
class PlannerPage final : public FactsPage {
    Q_OBJECT
public:
    explicit PlannerPage(QWidget *parent = nullptr);
    QString title() const override;

protected:
    void recompute() override;
    void retranslate() override;
    void showLoadError(const QString &message) override;

private:
    QLabel *m_heading = nullptr;
    QRadioButton *m_byAmount = nullptr;
    QLineEdit *m_amount = nullptr;
    QRadioButton *m_byGrowth = nullptr;
    QLineEdit *m_growth = nullptr;
    QCheckBox *m_useReference = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_monthsLabel = nullptr;
    QSpinBox *m_months = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_stages = nullptr;
    QTableView *m_sources = nullptr;
    PlannerModel *m_model = nullptr;
    PlanSourceModel *m_sourceModel = nullptr;
};

} // namespace mikomi::ui
