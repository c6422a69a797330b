#include "ui/page.h"

#include "ui/busyoverlay.h"
#include "ui/flowlayout.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace mikomi::ui {

QLabel *Page::makeHeading(QWidget *parent) {
    auto *heading = new QLabel(parent);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    heading->setFont(f);
    return heading;
}

QWidget *Page::makeScrollingContent() {
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    new QVBoxLayout(content);
    scroll->setWidget(content);
    return content;
}

FlowLayout *Page::makeControlRow() {
    auto *row = new FlowLayout;
    row->setContentsMargins(0, 0, 0, 0);
    return row;
}

void Page::databaseChanged(const storage::DataChange &change) {
    if (!(change.kinds & shownKinds()))
        return;
    m_dirty = true;
    if (!isVisible())
        return; // showEvent() reads it
    if (!m_reloadTimer) {
        m_reloadTimer = new QTimer(this);
        m_reloadTimer->setSingleShot(true);
        m_reloadTimer->setInterval(0);
        connect(m_reloadTimer, &QTimer::timeout, this, &Page::reloadNow);
    }
    m_reloadTimer->start();
}

void Page::reloadWhenShown() {
    m_dirty = true;
    if (isVisible())
        reloadNow();
}

void Page::setLoading(bool loading) {
    m_loading = loading;
    if (!m_busy && !loading)
        return;
    if (!m_busy)
        m_busy = new BusyOverlay(this);
    m_busy->setBusy(loading);
}

void Page::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_dirty)
        reloadNow();
}

void Page::reloadNow() {
    if (m_reloadTimer)
        m_reloadTimer->stop();
    if (!m_dirty)
        return;
    m_dirty = false;
    // Models are reset by a reload; the lists stay where the user had scrolled them.
    struct Scroll {
        QAbstractItemView *view;
        int x;
        int y;
    };
    QList<Scroll> scrolls;
    for (QAbstractItemView *v : findChildren<QAbstractItemView *>())
        scrolls.append({v, v->horizontalScrollBar()->value(), v->verticalScrollBar()->value()});
    reload();
    for (const Scroll &s : std::as_const(scrolls)) {
        QScrollBar *h = s.view->horizontalScrollBar();
        QScrollBar *v = s.view->verticalScrollBar();
        if (h->value() == s.x && v->value() == s.y)
            continue;
        s.view->doItemsLayout(); // the ranges of the new rows, not the delayed ones
        h->setValue(s.x);
        v->setValue(s.y);
    }
}

} // namespace mikomi::ui
