#include "ui/cardscanpanel.h"

#include "models/appsettings.h"

#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace mikomi::ui {

namespace {

// Owns the scanner on the worker thread (tesseract is not thread-safe; one instance per thread).
class ScanWorker final : public QObject {
public:
    ocr::CardScanner &scanner() {
        if (!m_scanner)
            m_scanner = std::make_unique<ocr::CardScanner>();
        return *m_scanner;
    }

private:
    std::unique_ptr<ocr::CardScanner> m_scanner;
};

QString fileFilter() {
    QStringList patterns;
    for (const QByteArray &f : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(f);
    // Offered even when Qt cannot read them: opening one says what to do.
    patterns << QStringLiteral("*.heic") << QStringLiteral("*.heif");
    patterns.removeDuplicates();
    return CardScanPanel::tr("Images (%1)").arg(patterns.join(QLatin1Char(' ')));
}

} // namespace

CardScanPanel::CardScanPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("cardScan"));
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openImages"));
    m_folder = new QPushButton(this);
    m_folder->setObjectName(QStringLiteral("openFolder"));
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("openBack"));
    for (QPushButton *b : {m_open, m_folder, m_back}) {
        b->setAutoDefault(false);
        b->setFocusPolicy(Qt::ClickFocus); // Tab stays in the form
        buttons->addWidget(b);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    m_image = new QLabel(this);
    m_image->setObjectName(QStringLiteral("cardImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(320, 200);
    m_image->setWordWrap(true);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_image->setStyleSheet(QStringLiteral("color: #666666;"));
    layout->addWidget(m_image, 1);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("scanInfo"));
    m_info->setWordWrap(true);
    layout->addWidget(m_info);
    m_legend = new QLabel(this);
    m_legend->setWordWrap(true);
    layout->addWidget(m_legend);
    auto *extra = new QFormLayout;
    m_websiteLabel = new QLabel(this);
    m_website = new QLineEdit(this);
    m_website->setObjectName(QStringLiteral("website"));
    // Out of the Tab cycle of the card (it ends at Save and goes back to Company); Alt+W.
    m_website->setFocusPolicy(Qt::ClickFocus);
    m_websiteLabel->setBuddy(m_website);
    m_faxLabel = new QLabel(this);
    m_fax = new QLineEdit(this);
    m_fax->setObjectName(QStringLiteral("fax"));
    m_fax->setFocusPolicy(Qt::ClickFocus); // Alt+X
    m_faxLabel->setBuddy(m_fax);
    extra->addRow(m_websiteLabel, m_website);
    extra->addRow(m_faxLabel, m_fax);
    layout->addLayout(extra);
    m_keep = new QCheckBox(this);
    m_keep->setObjectName(QStringLiteral("keepImages"));
    m_keep->setFocusPolicy(Qt::ClickFocus);
    m_keep->setChecked(AppSettings().keepCardImages());
    connect(m_keep, &QCheckBox::toggled, this,
            [](bool on) { AppSettings().setKeepCardImages(on); });
    layout->addWidget(m_keep);

    connect(m_open, &QPushButton::clicked, this, &CardScanPanel::chooseImages);
    connect(m_folder, &QPushButton::clicked, this, &CardScanPanel::chooseFolder);
    connect(m_back, &QPushButton::clicked, this, &CardScanPanel::chooseBack);

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("mikomi-scan"));
    auto *worker = new ScanWorker;
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread->start(QThread::LowPriority);
    retranslate();
    updateState();
}

CardScanPanel::~CardScanPanel() {
    m_thread->quit();
    m_thread->wait();
}

QString CardScanPanel::website() const {
    return m_website->text().trimmed();
}

QList<std::pair<QString, QString>> CardScanPanel::images() const {
    QList<std::pair<QString, QString>> out;
    if (!m_current.file.isEmpty())
        out.append({QStringLiteral("front"), m_current.file});
    if (m_hasBack && !m_backScan.file.isEmpty())
        out.append({QStringLiteral("back"), m_backScan.file});
    return out;
}

QString CardScanPanel::fax() const {
    return m_fax->text().trimmed();
}

void CardScanPanel::retranslate() {
    m_open->setText(tr("Open card images…"));
    m_open->setToolTip(tr("Photos or scans of business cards (JPEG, PNG); you can also drop them "
                          "here"));
    m_folder->setText(tr("Open folder…"));
    m_folder->setToolTip(tr("Every photo of a folder, one card after the other"));
    m_back->setText(tr("Add back side…"));
    m_back->setToolTip(tr("The other side of this card (for example in English): it fills the "
                          "fields the front lacks"));
    m_legend->setText(tr("Green: read with confidence. Yellow: check it. White: not found on "
                         "the card."));
    m_keep->setText(tr("Keep the card images with the leads"));
    m_keep->setToolTip(tr("Saved in the database with each lead; the lead editor shows them "
                          "(Card image)"));
    m_websiteLabel->setText(tr("&Website"));
    m_faxLabel->setText(tr("Fa&x"));
    updateState();
}

void CardScanPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CardScanPanel::dragEnterEvent(QDragEnterEvent *event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void CardScanPanel::dropEvent(QDropEvent *event) {
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openImages(paths);
    }
}

void CardScanPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    if (!m_current.prepared.image.isNull())
        showImage();
}

void CardScanPanel::chooseImages() {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Open card images"), QString(), fileFilter());
    if (!files.isEmpty())
        openImages(files);
}

void CardScanPanel::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of card photos"));
    if (!dir.isEmpty())
        openImages({dir});
}

void CardScanPanel::chooseBack() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open the back of the card"),
                                                      QString(), fileFilter());
    if (!file.isEmpty())
        openBack(file);
}

void CardScanPanel::openImages(const QStringList &paths) {
    for (const QString &p : paths) {
        const QStringList files = ocr::CardScanner::imageFiles(p);
        if (files.isEmpty())
            emit failed(tr("%1: no images in this folder.").arg(p));
        m_queue << files;
    }
    if (!m_busy && m_current.file.isEmpty())
        next();
    updateState();
}

void CardScanPanel::openBack(const QString &path) {
    if (m_busy || m_current.file.isEmpty())
        return;
    start(path, true);
}

void CardScanPanel::next() {
    m_current = ocr::CardScan();
    m_backScan = ocr::CardScan();
    m_hasBack = false;
    m_website->clear();
    m_fax->clear();
    m_error.clear();
    if (m_busy)
        return;
    if (m_queue.isEmpty()) {
        updateState();
        emit idle();
        return;
    }
    start(m_queue.takeFirst(), false);
}

void CardScanPanel::start(const QString &path, bool back) {
    m_busy = true;
    m_info->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    updateState();
    auto *worker = static_cast<ScanWorker *>(m_worker);
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker, path, back] {
            QElapsedTimer timer;
            timer.start();
            Result<ocr::CardScan> scan = worker->scanner().scanFile(path);
            const double seconds = timer.nsecsElapsed() / 1e9; // with the model load, once
            QMetaObject::invokeMethod(
                this, [this, scan, back, seconds] { finished(scan, back, seconds); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void CardScanPanel::finished(const Result<ocr::CardScan> &scan, bool back, double seconds) {
    m_busy = false;
    if (!scan) {
        m_error = scan.error();
        emit failed(scan.error());
        updateState();
        if (!back && m_current.file.isEmpty() && !m_queue.isEmpty())
            start(m_queue.takeFirst(), false);
        else
            emit idle();
        return;
    }
    m_seconds = seconds;
    ocr::CardFields fields;
    if (back) {
        m_backScan = *scan;
        m_hasBack = true;
        fields = m_current.fields;
        fields.fillFrom(scan->fields);
    } else {
        m_current = *scan;
        fields = scan->fields;
    }
    if (m_website->text().isEmpty())
        m_website->setText(fields.value(QStringLiteral("website")));
    if (m_fax->text().isEmpty())
        m_fax->setText(fields.value(QStringLiteral("fax")));
    showImage();
    updateState();
    emit cardRead(fields, back);
    emit idle();
}

void CardScanPanel::showImage() {
    const ocr::CardScan &s = m_hasBack ? m_backScan : m_current;
    if (s.prepared.image.isNull())
        return;
    QImage img = s.prepared.image.convertToFormat(QImage::Format_RGB32);
    QPainter p(&img);
    const int pen = std::max(2, img.width() / 400);
    for (const ocr::TextLine &l : s.page.lines)
        for (const ocr::Word &w : l.words) {
            const bool sure = w.confidence >= ocr::confidentFrom * 100;
            p.setPen(QPen(sure ? QColor(30, 110, 220) : QColor(230, 140, 0), pen));
            p.drawRect(w.box);
        }
    p.end();
    const QSize room = m_image->contentsRect().size() - QSize(4, 4);
    m_image->setPixmap(QPixmap::fromImage(img.scaled(
        room.expandedTo(QSize(100, 60)), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void CardScanPanel::updateState() {
    m_back->setEnabled(!m_busy && !m_current.file.isEmpty());
    if (m_current.prepared.image.isNull() && !m_busy) {
        m_image->setPixmap(QPixmap());
        m_image->setText(tr("Drop photos or scans of business cards here, or open them. The "
                            "fields are read offline and prefilled; check the yellow ones."));
    }
    if (m_busy)
        return;
    QStringList info;
    if (!m_error.isEmpty())
        info << m_error;
    if (!m_current.file.isEmpty()) {
        info << tr("%1: read in %2 s.")
                    .arg(QFileInfo(m_current.file).fileName())
                    .arg(m_seconds, 0, 'f', 1);
        if (m_hasBack)
            info << tr("Back: %1.").arg(QFileInfo(m_backScan.file).fileName());
    }
    if (!m_queue.isEmpty())
        info << tr("%n more photo(s) waiting.", nullptr, int(m_queue.size()));
    m_info->setText(info.join(QLatin1Char(' ')));
}

} // namespace mikomi::ui
