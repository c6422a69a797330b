#pragma once

#include <QTableView>

namespace mikomi::ui {

// The spend grid's table: Ctrl+C copies the selection as tab-separated text, Ctrl+V asks for a
// paste at the current cell (the page validates it and pushes one undo step).
class SpendGridView final : public QTableView {
    Q_OBJECT
public:
    using QTableView::QTableView;

signals:
    void pasteRequested(const QModelIndex &at, const QString &text);
    void copied(int cells);
    // Delete / Backspace on a selection: clear its month cells.
    void clearRequested(const QModelIndexList &cells);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace mikomi::ui
