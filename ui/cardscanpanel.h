#pragma once

#include "models/ocr/cardscanner.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace mikomi::ui {

// The scanning side of business-card mode (issue 16): drop or open card photos or scans (JPEG,
// PNG, HEIC when Qt reads it; several files or a folder of photos after the show), see the card
// with the recognised words boxed, and add the back of a two-sided card. The OCR runs on a
// worker thread (its own ocr::CardScanner, models loaded once); the form is filled through
// cardRead(). After a card is saved, next() reads the next photo of the queue.
class CardScanPanel final : public QWidget {
    Q_OBJECT
public:
    explicit CardScanPanel(QWidget *parent = nullptr);
    ~CardScanPanel() override;

    // The website and fax read from the card (the form has no field for them); editable here.
    QString website() const;
    QString fax() const;
    // The file of the card shown ("" = none) and how many photos wait.
    QString currentFile() const { return m_current.file; }
    int queued() const { return int(m_queue.size()); }
    bool busy() const { return m_busy; }
    const ocr::CardScan &currentScan() const { return m_current; }
    // The image files of the card shown: ("front", path) and, when added, ("back", path).
    QList<std::pair<QString, QString>> images() const;

public slots:
    // Queues the images (files or folders) and reads the first when nothing is being read.
    void openImages(const QStringList &paths);
    // Reads the back of the card shown: it fills what the front lacks.
    void openBack(const QString &path);
    // The card was saved or dropped: forget it and read the next queued photo.
    void next();
    void chooseImages();
    void chooseFolder();
    void chooseBack();

signals:
    // A card was read (or its back added): the fields to prefill. `back`: only empty fields.
    void cardRead(const mikomi::ocr::CardFields &fields, bool back);
    // Reading failed: the message to show.
    void failed(const QString &message);
    // Nothing being read any more (tests wait for it).
    void idle();

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void start(const QString &path, bool back);
    void finished(const Result<ocr::CardScan> &scan, bool back, double seconds);
    void showImage();
    void updateState();

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives in m_thread, owns the scanner
    QLabel *m_image = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_websiteLabel = nullptr;
    QLabel *m_faxLabel = nullptr;
    QLineEdit *m_website = nullptr;
    QLineEdit *m_fax = nullptr;
    QCheckBox *m_keep = nullptr; // keep the card images with the leads (AppSettings)
    QPushButton *m_open = nullptr;
    QPushButton *m_folder = nullptr;
    QPushButton *m_back = nullptr;
    QStringList m_queue;
    ocr::CardScan m_current;
    ocr::CardScan m_backScan;
    bool m_busy = false;
    bool m_hasBack = false;
    double m_seconds = 0;
    QString m_error;
};

} // namespace mikomi::ui
