#include "ui/reportlayout.h"

#include <QAbstractItemModel>

#include <algorithm>

namespace mikomi::ui::report {

TableBlock tableFromModel(const QAbstractItemModel &model, const QString &title,
                          const std::vector<int> &columns) {
    std::vector<int> cols = columns;
    if (cols.empty()) {
        for (int c = 0; c < model.columnCount(); ++c)
            cols.push_back(c);
    }
    TableBlock t;
    t.title = title;
    for (int c : cols)
        t.header << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    t.numeric.assign(cols.size(), false);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const QModelIndex index = model.index(r, cols[i]);
            row << model.data(index, Qt::DisplayRole).toString();
            const QVariant align = model.data(index, Qt::TextAlignmentRole);
            if (align.isValid() && (align.toInt() & Qt::AlignRight))
                t.numeric[i] = true;
        }
        t.rows.push_back(row);
    }
    return t;
}

std::vector<Page> paginate(const Document &doc, const Metrics &m) {
    std::vector<Page> pages(1);
    double y = 0;
    const auto newPage = [&] {
        pages.emplace_back();
        y = 0;
    };
    // Places an item of height h, on a new page when it does not fit (unless the page is empty).
    const auto place = [&](Placed item) {
        if (y > 0 && y + item.height > m.pageHeight)
            newPage();
        item.y = y;
        pages.back().items.push_back(item);
        y += item.height + m.gap;
    };
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block &block = doc.blocks[i];
        if (std::holds_alternative<PageBreak>(block)) {
            if (y > 0)
                newPage();
            continue;
        }
        if (const auto *text = std::get_if<TextBlock>(&block)) {
            Placed p;
            p.block = i;
            p.height = m.textHeight(*text);
            place(p);
            continue;
        }
        if (const auto *chart = std::get_if<ChartBlock>(&block)) {
            Placed p;
            p.block = i;
            p.height = std::min(m.pageWidth * chart->heightRatio, m.pageHeight);
            place(p);
            continue;
        }
        const auto &table = std::get<TableBlock>(block);
        const double row = m.rowHeight(table);
        const double head = (table.title.isEmpty() ? 0.0 : m.titleHeight(table)) + row;
        const int n = int(table.rows.size());
        int from = 0;
        bool continued = false;
        do {
            // Room for the head and at least one row, else the next page.
            if (y > 0 && y + head + (n > 0 ? row : 0.0) > m.pageHeight)
                newPage();
            const double room = m.pageHeight - y - head;
            const int fit = std::max(1, int(room / row));
            const int to = std::min(n, from + fit);
            Placed p;
            p.block = i;
            p.y = y;
            p.rowFrom = from;
            p.rowTo = to;
            p.continued = continued;
            p.height = head + row * (to - from);
            pages.back().items.push_back(p);
            y += p.height + m.gap;
            from = to;
            continued = true;
        } while (from < n);
    }
    if (pages.size() > 1 && pages.back().items.empty())
        pages.pop_back();
    return pages;
}

} // namespace mikomi::ui::report
