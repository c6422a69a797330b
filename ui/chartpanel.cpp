#include "ui/chartpanel.h"

#include "models/storage/livefiles.h"
#include "ui/filedialogs.h"
#include "ui/messagebox.h"
#include "ui/reportwriter.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QToolButton>
#include <QVBoxLayout>

namespace mikomi::ui {

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_controls = new QVBoxLayout;
    layout->addLayout(m_controls);
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    // Two charts side by side fit a 1024 px window (the Dashboard's grid).
    m_view->setMinimumSize(320, 380);
    layout->addWidget(m_view);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_png = new QToolButton(this);
    m_pdf = new QToolButton(this);
    buttons->addWidget(m_png);
    buttons->addWidget(m_pdf);
    layout->addLayout(buttons);
    connect(m_png, &QToolButton::clicked, this, &ChartPanel::askPng);
    connect(m_pdf, &QToolButton::clicked, this, &ChartPanel::askPdf);
    retranslate();
}

void ChartPanel::setChart(QChart *chart) {
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

void ChartPanel::addControl(QWidget *control, int row) {
    while (m_controls->count() <= row) {
        auto *line = new QHBoxLayout;
        line->addStretch();
        m_controls->addLayout(line);
    }
    auto *line = static_cast<QHBoxLayout *>(m_controls->itemAt(row)->layout());
    control->setParent(this);
    line->insertWidget(line->count() - 1, control);
}

QChart *ChartPanel::chart() const {
    return m_view->chart();
}

bool ChartPanel::exportPng(const QString &path) const {
    if (storage::LiveFiles::isLive(path)) // never write over an open database
        return false;
    return report::saveWidgetPng(m_view, 2, path); // twice the screen's pixels
}

bool ChartPanel::exportPdf(const QString &path) const {
    if (storage::LiveFiles::isLive(path)) // never write over an open database
        return false;
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(150);
    writer.setTitle(chart() ? chart()->title() : QString());
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRect page = painter.viewport();
    const QPixmap pixmap = m_view->grab();
    const QSize size = pixmap.size().scaled(page.size(), Qt::KeepAspectRatio);
    painter.drawPixmap(QRect(QPoint(0, 0), size), pixmap);
    return painter.end();
}

void ChartPanel::askPng() {
    const QString path =
        getSaveFileName(this, tr("Save the chart as PNG"), QString(), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        MessageBox::warning(
            this, tr("Export"),
            tr("The chart could not be saved to %1.").arg(QDir::toNativeSeparators(path)));
}

void ChartPanel::askPdf() {
    const QString path =
        getSaveFileName(this, tr("Save the chart as PDF"), QString(), tr("PDF documents (*.pdf)"));
    if (!path.isEmpty() && !exportPdf(path))
        MessageBox::warning(
            this, tr("Export"),
            tr("The chart could not be saved to %1.").arg(QDir::toNativeSeparators(path)));
}

void ChartPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChartPanel::retranslate() {
    m_png->setText(tr("PNG…"));
    m_png->setToolTip(tr("Save this chart as a PNG image"));
    m_pdf->setText(tr("PDF…"));
    m_pdf->setToolTip(tr("Save this chart as a PDF document"));
}

} // namespace mikomi::ui
