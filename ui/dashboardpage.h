#pragma once

#include "models/analytics/facts.h"
#include "ui/page.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabBar;
class QTableView;

namespace mikomi {
class SourceReportModel;
}

namespace mikomi::ui {

class ChartPanel;

// Compares sources: a window and an attribution model, the sortable table by source, category
// or tier, warnings in plain words, and charts. Facts are loaded once per show / reload; a
// change of window or model recomputes from the cached facts.
class DashboardPage final : public Page {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);
    QString title() const override;
    void setDatabase(storage::Database *db) override;
    void reload() override;
    // Writes the whole dashboard as a one-page PDF.
    bool exportPdf(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void load();
    void recompute();
    void retranslate();
    void askPdf();

    storage::Database *m_db = nullptr;
    analytics::Facts m_facts;
    bool m_stale = true;
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
    QTableView *m_table = nullptr;
    SourceReportModel *m_report = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QWidget *m_content = nullptr;
    std::vector<ChartPanel *> m_charts;
};

} // namespace mikomi::ui
