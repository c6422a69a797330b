#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <variant>
#include <vector>

class QAbstractItemModel;
class QChart;

// The manager's report as a list of blocks (text, tables, charts) and its pagination onto pages
// of a given height. Pure layout: no paint device, so it is tested without QPdfWriter; the
// writer (reportwriter.h) measures the blocks and paints the pages.
namespace mikomi::ui::report {

struct TextBlock {
    enum class Style { Title, Heading, Body, Warning, Small };
    QString text;
    Style style = Style::Body;
};

struct TableBlock {
    QString title;      // painted above the table, repeated with "(continued)" on later pages
    QStringList header; // repeated at the top of every page the table spans
    std::vector<QStringList> rows;
    std::vector<bool> numeric; // per column: right-aligned
    int boldRows = 0;          // the last boldRows rows are totals (bold)
};

// Copies the DisplayRole of `columns` (all when empty) of a table model, with its headers.
TableBlock tableFromModel(const QAbstractItemModel &model, const QString &title,
                          const std::vector<int> &columns = {});

struct ChartBlock {
    // Makes the chart afresh for each painting (the painter owns and deletes it).
    std::function<QChart *()> make;
    double heightRatio = 0.6; // of the page's width
};

struct PageBreak {};

using Block = std::variant<TextBlock, TableBlock, ChartBlock, PageBreak>;

struct Document {
    QString title; // the PDF's title
    std::vector<Block> blocks;
};

// What the layout needs to know about sizes (device units).
struct Metrics {
    double pageHeight = 0;
    double pageWidth = 0;
    double gap = 0; // between blocks
    std::function<double(const TextBlock &)> textHeight;
    std::function<double(const TableBlock &)> rowHeight;   // a header or body row
    std::function<double(const TableBlock &)> titleHeight; // the table's title line
};

// One block, or one slice of a table, placed on a page.
struct Placed {
    std::size_t block = 0;
    double y = 0;
    double height = 0;
    int rowFrom = 0; // tables: the body rows [rowFrom, rowTo) on this page
    int rowTo = 0;
    bool continued = false; // a table slice after the first
};

struct Page {
    std::vector<Placed> items;
};

// Places the blocks top to bottom, starting a new page when a block does not fit: a text or a
// chart moves whole to the next page; a table is split between rows, its title and header row
// repeated on every page, at least one body row under each header (a table never starts with
// its header alone at the bottom of a page). A PageBreak starts a new page.
std::vector<Page> paginate(const Document &doc, const Metrics &metrics);

} // namespace mikomi::ui::report
