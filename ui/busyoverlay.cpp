#include "ui/busyoverlay.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

namespace mikomi::ui {

BusyOverlay::BusyOverlay(QWidget *page)
    : QWidget(page) {
    setObjectName(QStringLiteral("busyOverlay"));
    setAttribute(Qt::WA_NoSystemBackground);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("busyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(false); // two short lines; wrapping would clip them in the padded card
    QFont f = m_text->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_text->setFont(f);
    // A card of its own, so the line stays readable over any table or chart.
    m_text->setStyleSheet(QStringLiteral("QLabel#busyText { background: palette(base); border: "
                                         "1px solid palette(mid); border-radius: 6px; padding: "
                                         "14px 20px; }"));
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 0); // busy: no known end
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(240);
    layout->addWidget(m_bar, 0, Qt::AlignHCenter);
    layout->addStretch();
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, [this] {
        setGeometry(parentWidget()->rect());
        raise();
        show();
    });
    page->installEventFilter(this);
    retranslate();
    hide();
}

void BusyOverlay::setBusy(bool busy) {
    if (!busy) {
        m_delay->stop();
        hide();
    } else if (!isVisible() && !m_delay->isActive()) {
        m_delay->start();
    }
}

QString BusyOverlay::text() const {
    return m_text->text();
}

bool BusyOverlay::eventFilter(QObject *watched, QEvent *event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void BusyOverlay::paintEvent(QPaintEvent *event) {
    Q_UNUSED(event);
    QPainter p(this);
    QColor veil = palette().color(QPalette::Window);
    veil.setAlpha(215);
    p.fillRect(rect(), veil);
}

void BusyOverlay::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BusyOverlay::retranslate() {
    m_text->setText(tr("Reading the database…\nOn a large database this takes a moment; the "
                       "other pages can be used meanwhile."));
}

} // namespace mikomi::ui
