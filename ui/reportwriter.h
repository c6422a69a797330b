#pragma once

#include "models/domain/result.h"
#include "ui/reportlayout.h"

#include <QRectF>
#include <QSizeF>

class QChart;
class QPagedPaintDevice;
class QPainter;
class QWidget;

// Paints a report Document onto A4 pages: a PDF file (QPdfWriter, 300 dpi) or a printer (print
// preview). Charts are drawn through QPainter from their QGraphicsScene, so they stay vectors;
// tables are text. Needs a QApplication (Qt Charts are QGraphicsWidgets); the command line
// makes one on the offscreen platform when there is no display.
namespace mikomi::ui::report {

// Paints every page; returns the number of pages. `painter` is active on `device`.
int paint(const Document &doc, QPainter &painter, QPagedPaintDevice &device);

// Writes the document as an A4 PDF (never over an open database).
Status writePdf(const Document &doc, const QString &path);

// Draws `chart` into `target` (painter units) as vectors, laid out at `logicalSize`.
void renderChart(QChart *chart, QPainter &painter, const QRectF &target, const QSizeF &logicalSize);

// Saves `chart` as a PNG at `scale` × `logicalSize` pixels (2 = crisp on slides and HiDPI).
bool saveChartPng(QChart *chart, const QSizeF &logicalSize, double scale, const QString &path);

// Saves what `widget` shows (a chart view) as a PNG of `scale` × its size, drawn at that
// resolution rather than enlarged (the chart panels' PNG…: 2×).
bool saveWidgetPng(QWidget *widget, double scale, const QString &path);

} // namespace mikomi::ui::report
