#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QHBoxLayout;
class QVBoxLayout;
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
    // Puts `control` (e.g. a selector that changes what the chart shows) in row `row` above the
    // chart (rows keep a narrow panel usable); the panel takes ownership. Controls are not part
    // of the exported image.
    void addControl(QWidget *control, int row = 0);

    bool exportPng(const QString &path) const;
    bool exportPdf(const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void askPng();
    void askPdf();
    QVBoxLayout *m_controls = nullptr;
    QChartView *m_view = nullptr;
    QToolButton *m_png = nullptr;
    QToolButton *m_pdf = nullptr;
};

} // namespace mikomi::ui
