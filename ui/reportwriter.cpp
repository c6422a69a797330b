#include "ui/reportwriter.h"

#include "models/storage/livefiles.h"

#include <QApplication>
#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QWidget>

#include <map>
#include <memory>

namespace mikomi::ui::report {
namespace {

// A font that has Japanese: IPA P Gothic (proportional) first in Japanese (kana and Latin of one
// design), after
// a Latin face in English (source names may still be Japanese).
QFont baseFont(double points) {
    QFont f;
    const bool japanese = QLocale().language() == QLocale::Japanese;
    QStringList families;
    if (japanese)
        families << QStringLiteral("IPAPGothic") << QStringLiteral("IPAGothic")
                 << QStringLiteral("Noto Sans CJK JP");
    families << QStringLiteral("DejaVu Sans") << QStringLiteral("IPAGothic")
             << QStringLiteral("Noto Sans CJK JP");
    f.setFamilies(families);
    f.setPointSizeF(points);
    return f;
}

QFont textFont(TextBlock::Style style) {
    switch (style) {
    case TextBlock::Style::Title: {
        QFont f = baseFont(18);
        f.setBold(true);
        return f;
    }
    case TextBlock::Style::Heading: {
        QFont f = baseFont(13);
        f.setBold(true);
        return f;
    }
    case TextBlock::Style::Small:
        return baseFont(8);
    default:
        return baseFont(9.5);
    }
}

// A table's font and column widths: its natural widths, shrunk (font and all) to the page.
struct TableStyle {
    QFont font;
    QFont bold;
    std::vector<double> widths;
    double row = 0;
    double title = 0;
};

TableStyle tableStyle(const TableBlock &t, QPaintDevice *device, double pageWidth) {
    TableStyle s;
    double points = 8.5;
    double sum = 0;
    // Font sizes come in steps, so shrink with a margin and stop after a few tries.
    for (int attempt = 0; attempt < 6; ++attempt) {
        s.font = baseFont(points);
        s.bold = s.font;
        s.bold.setBold(true);
        const QFontMetricsF fm(s.font, device);
        const QFontMetricsF fb(s.bold, device);
        const double pad = fm.averageCharWidth() * 1.2;
        s.widths.assign(std::size_t(t.header.size()), 0.0);
        for (int c = 0; c < t.header.size(); ++c)
            s.widths[std::size_t(c)] = fb.horizontalAdvance(t.header.at(c)) + pad;
        for (const QStringList &row : t.rows)
            for (int c = 0; c < row.size() && c < t.header.size(); ++c)
                s.widths[std::size_t(c)] =
                    std::max(s.widths[std::size_t(c)], fb.horizontalAdvance(row.at(c)) + pad);
        sum = 0;
        for (double w : s.widths)
            sum += w;
        if (sum <= pageWidth || points <= 5)
            break;
        points = std::max(5.0, points * pageWidth / sum * 0.97);
    }
    // The columns span the page: what is left is spread, and a table still a little too wide
    // at the smallest size is squeezed (the text is never dropped).
    if (sum > 0)
        for (double &w : s.widths)
            w *= pageWidth / sum;
    s.row = QFontMetricsF(s.font, device).height() * 1.45;
    s.title = QFontMetricsF(textFont(TextBlock::Style::Body), device).height() * 1.6;
    return s;
}

void paintTable(QPainter &p, const TableBlock &t, const TableStyle &s, const Placed &item,
                double width) {
    double y = item.y;
    if (!t.title.isEmpty()) {
        p.setFont(textFont(TextBlock::Style::Body));
        QFont f = p.font();
        f.setBold(true);
        p.setFont(f);
        const QString title =
            item.continued
                ? QCoreApplication::translate("mikomi::ui::report::Report", "%1 (continued)")
                      .arg(t.title)
                : t.title;
        p.drawText(QRectF(0, y, width, s.title), Qt::AlignLeft | Qt::AlignVCenter, title);
        y += s.title;
    }
    const auto drawRow = [&](const QStringList &cells, bool header, bool bold, bool shade) {
        if (header)
            p.fillRect(QRectF(0, y, width, s.row), QColor(0xe8, 0xee, 0xf6));
        else if (shade)
            p.fillRect(QRectF(0, y, width, s.row), QColor(0xf7, 0xf7, 0xf7));
        p.setFont(header || bold ? s.bold : s.font);
        double x = 0;
        const double pad = QFontMetricsF(s.font, p.device()).averageCharWidth() * 0.5;
        for (int c = 0; c < cells.size() && c < int(s.widths.size()); ++c) {
            const double w = s.widths[std::size_t(c)];
            // A column of figures is right-aligned, its heading too (over its figures, not
            // over the wide gap a figure like "172 / 240 (-68)" leaves on the left).
            const bool right = c < int(t.numeric.size()) && t.numeric[std::size_t(c)];
            p.drawText(QRectF(x + pad, y, w - 2 * pad, s.row),
                       Qt::AlignVCenter | (right ? Qt::AlignRight : Qt::AlignLeft), cells.at(c));
            x += w;
        }
        p.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 0));
        p.drawLine(QPointF(0, y + s.row), QPointF(width, y + s.row));
        p.setPen(Qt::black);
        y += s.row;
    };
    drawRow(t.header, true, true, false);
    const int bodyRows = int(t.rows.size());
    for (int r = item.rowFrom; r < item.rowTo; ++r)
        drawRow(t.rows[std::size_t(r)], false, r >= bodyRows - t.boldRows, r % 2 == 1);
}

} // namespace

void renderChart(QChart *chart, QPainter &painter, const QRectF &target,
                 const QSizeF &logicalSize) {
    QGraphicsScene scene;
    chart->setAnimationOptions(QChart::NoAnimation);
    scene.addItem(chart);
    chart->resize(logicalSize);
    scene.setSceneRect(QRectF(QPointF(0, 0), logicalSize));
    // The chart lays itself out through posted events (LayoutRequest); only those are
    // delivered, so no user input is handled while a report is painted.
    QCoreApplication::sendPostedEvents();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, target, QRectF(QPointF(0, 0), logicalSize), Qt::KeepAspectRatio);
    painter.restore();
    scene.removeItem(chart);
}

bool saveChartPng(QChart *chart, const QSizeF &logicalSize, double scale, const QString &path) {
    if (storage::LiveFiles::isLive(path)) // never write over an open database
        return false;
    QImage image((logicalSize * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderChart(chart, painter, QRectF(QPointF(0, 0), logicalSize * scale), logicalSize);
    painter.end();
    return image.save(path, "PNG");
}

bool saveWidgetPng(QWidget *widget, double scale, const QString &path) {
    if (!widget || storage::LiveFiles::isLive(path)) // never write over an open database
        return false;
    QImage image((QSizeF(widget->size()) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    widget->render(&painter);
    painter.end();
    return image.save(path, "PNG");
}

int paint(const Document &doc, QPainter &painter, QPagedPaintDevice &device) {
    const double width = device.width();
    const double height = device.height();
    const double footer = QFontMetricsF(baseFont(7.5), &device).height() * 2;
    std::map<const TableBlock *, TableStyle> styles;
    for (const Block &b : doc.blocks)
        if (const auto *t = std::get_if<TableBlock>(&b))
            styles.emplace(t, tableStyle(*t, &device, width));
    Metrics m;
    m.pageWidth = width;
    m.pageHeight = height - footer;
    m.gap = QFontMetricsF(baseFont(9), &device).height() * 0.6;
    m.textHeight = [&](const TextBlock &t) {
        const QFontMetricsF fm(textFont(t.style), &device);
        const QRectF r = fm.boundingRect(QRectF(0, 0, width, 1e9), Qt::TextWordWrap, t.text);
        return r.height() + (t.style == TextBlock::Style::Heading ? fm.height() * 0.4 : 0.0);
    };
    m.rowHeight = [&](const TableBlock &t) { return styles.at(&t).row; };
    m.titleHeight = [&](const TableBlock &t) { return styles.at(&t).title; };
    const std::vector<Page> pages = paginate(doc, m);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (i > 0)
            device.newPage();
        for (const Placed &item : pages[i].items) {
            const Block &block = doc.blocks[item.block];
            if (const auto *t = std::get_if<TextBlock>(&block)) {
                painter.setFont(textFont(t->style));
                painter.setPen(t->style == TextBlock::Style::Warning ? QColor(0x9a, 0x34, 0x12)
                                                                     : QColor(Qt::black));
                painter.drawText(QRectF(0, item.y, width, item.height),
                                 int(Qt::TextWordWrap) | int(Qt::AlignLeft) | int(Qt::AlignBottom),
                                 t->text);
                painter.setPen(Qt::black);
            } else if (const auto *c = std::get_if<ChartBlock>(&block)) {
                std::unique_ptr<QChart> chart(c->make());
                if (chart) {
                    const QSizeF logical(800, 800 * item.height / width);
                    renderChart(chart.get(), painter, QRectF(0, item.y, width, item.height),
                                logical);
                }
            } else if (const auto *t = std::get_if<TableBlock>(&block)) {
                paintTable(painter, *t, styles.at(t), item, width);
            }
        }
        painter.setFont(baseFont(7.5));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(
            QRectF(0, height - footer, width, footer), Qt::AlignRight | Qt::AlignBottom,
            QCoreApplication::translate("mikomi::ui::report::Report", "%1 · page %2 of %3")
                .arg(doc.title)
                .arg(i + 1)
                .arg(pages.size()));
        painter.setPen(Qt::black);
    }
    return int(pages.size());
}

Status writePdf(const Document &doc, const QString &path) {
    const QString shown = QDir::toNativeSeparators(path);
    if (storage::LiveFiles::isLive(path))
        return Error{QCoreApplication::translate(
                         "mikomi::ui::report::Report",
                         "%1 is an open database; choose another file for the report.")
                         .arg(shown)};
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(doc.title);
    writer.setCreator(QStringLiteral("Mikomi"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{QCoreApplication::translate("mikomi::ui::report::Report",
                                                 "The report could not be written to %1.")
                         .arg(shown)};
    paint(doc, painter, writer);
    if (!painter.end())
        return Error{QCoreApplication::translate("mikomi::ui::report::Report",
                                                 "The report could not be written to %1.")
                         .arg(shown)};
    return {};
}

} // namespace mikomi::ui::report
