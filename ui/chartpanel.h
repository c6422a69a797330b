#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QToolButton;

namespace mikomi::ui {

// One chart of the dashboard with its export buttons (PNG, PDF).
class ChartPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);
    // Takes ownership of `chart` (the previous one is deleted).
    void setChart(QChart *chart);
    QChart *chart() const;

    bool exportPng(const QString &path) const;
    bool exportPdf(const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void askPng();
    void askPdf();
    QChartView *m_view = nullptr;
    QToolButton *m_png = nullptr;
    QToolButton *m_pdf = nullptr;
};

} // namespace mikomi::ui
