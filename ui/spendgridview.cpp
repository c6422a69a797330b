#include "ui/spendgridview.h"

#include "models/spendgridmodel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>

namespace mikomi::ui {

void SpendGridView::keyPressEvent(QKeyEvent *event) {
    if (event == QKeySequence::Copy) {
        if (auto *grid = qobject_cast<SpendGridModel *>(model())) {
            const QModelIndexList cells = selectedIndexes();
            if (!cells.isEmpty()) {
                QGuiApplication::clipboard()->setText(grid->copyText(cells));
                emit copied(int(cells.size()));
            }
        }
        event->accept();
        return;
    }
    if (event == QKeySequence::Paste) {
        emit pasteRequested(currentIndex(), QGuiApplication::clipboard()->text());
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        state() != EditingState && !selectedIndexes().isEmpty()) {
        emit clearRequested(selectedIndexes());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace mikomi::ui
