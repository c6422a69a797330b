#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace mikomi::ui {

// A veil over a page while it reads its data in the background: after kDelayMs (a fast read
// shows nothing, so nothing flickers) the page is dimmed and a line says that it is being read,
// with a busy bar. It follows the page's size and takes the clicks meant for the page below it
// (the page's figures are not final yet); the rest of the window stays usable.
class BusyOverlay final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDelayMs = 250;

    explicit BusyOverlay(QWidget *page);
    void setBusy(bool busy);
    // True once the veil is up (kDelayMs after setBusy(true), until setBusy(false)).
    bool shown() const { return isVisible(); }
    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_text = nullptr;
    QProgressBar *m_bar = nullptr;
    QTimer *m_delay = nullptr;
};

} // namespace mikomi::ui
