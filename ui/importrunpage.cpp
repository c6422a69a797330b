#include "ui/importrunpage.h"

#include "ui/filedialogs.h"
#include "ui/importwizard.h"
#include "ui/messagebox.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace mikomi::ui {

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelImport"));
    m_cancelButton->setEnabled(false);
    m_runCounts = new QLabel(this);
    m_runCounts->setObjectName(QStringLiteral("runCounts"));
    m_runCounts->setWordWrap(true);
    m_runErrors = new QPlainTextEdit(this);
    m_runErrors->setReadOnly(true);
    m_saveReport = new QPushButton(this);
    m_saveReport->setObjectName(QStringLiteral("saveReport"));
    m_saveReport->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancelButton);
    layout->addLayout(row);
    layout->addWidget(m_runCounts);
    layout->addWidget(m_runErrors, 1);
    layout->addWidget(m_saveReport, 0, Qt::AlignLeft);
    layout->addStretch(); // takes the room of the error list when it is hidden
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_wizard->requestCancel();
        m_cancelButton->setEnabled(false);
        m_runCounts->setText(tr("Cancelling…"));
    });
    connect(m_saveReport, &QPushButton::clicked, this, &ImportRunPage::saveReport);
    retranslate();
}

void ImportRunPage::retranslate() {
    setTitle(tr("Import"));
    setSubTitle(tr("The import is one transaction: if you cancel, nothing is changed."));
    m_cancelButton->setText(tr("Cancel import"));
    m_saveReport->setText(tr("Save rejected rows as CSV…"));
}

void ImportRunPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ImportRunPage::initializePage() {
    QTimer::singleShot(0, m_wizard, &ImportWizard::runImport);
}

void ImportRunPage::prepare(qint64 expectedRows) {
    m_progress->setValue(0);
    m_cancelButton->setEnabled(true);
    m_runErrors->clear();
    m_saveReport->setEnabled(false);
    m_expectedRows = expectedRows;
}

void ImportRunPage::showStarted() {
    m_runCounts->setText(tr("Importing…"));
}

void ImportRunPage::showProgress(qint64 rows, qint64 bytes, qint64 total) {
    // By rows when the dry run counted them (the file may be read ahead in big blocks),
    // else by bytes; full only once the import has ended.
    qint64 permille = 0;
    if (m_expectedRows > 0)
        permille = rows * 1000 / m_expectedRows;
    else if (total > 0)
        permille = bytes * 1000 / total;
    m_progress->setValue(int(std::clamp<qint64>(permille, 0, 999)));
    m_runCounts->setText(
        tr("Importing… %Ln row(s) read.", nullptr, int(qMin<qint64>(rows, INT_MAX))));
}

void ImportRunPage::showResult(const Result<services::ImportSummary> &s) {
    m_cancelButton->setEnabled(false);
    if (!s) {
        m_runCounts->setText(s.error());
    } else {
        m_progress->setValue(s->cancelled ? m_progress->value() : 1000);
        ImportWizard::showSummary(m_runCounts, m_runErrors, *s);
        m_saveReport->setEnabled(!s->rejectedRows.isEmpty());
    }
}

void ImportRunPage::saveReport() {
    const std::optional<services::ImportSummary> &summary = m_wizard->lastSummary();
    if (!summary)
        return;
    const QFileInfo info(m_wizard->file());
    const QString path = getSaveFileName(
        m_wizard, tr("Save rejected rows"),
        info.dir().filePath(info.completeBaseName() + QStringLiteral("_rejected.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status st = services::writeRejectedReport(*summary, path); !st)
        MessageBox::warning(m_wizard, tr("Save rejected rows"), st.error());
}

} // namespace mikomi::ui
