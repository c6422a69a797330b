#pragma once

#include "models/services/importer.h"

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace mikomi::ui {

class ImportWizard;

// The import wizard's last page: the import, started on entering the page, with a progress bar
// and Cancel (one transaction: a cancel changes nothing), then its counts, every row error, and
// the rejected rows to save as a CSV file.
class ImportRunPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);

    void initializePage() override;

    // The import, as ImportWizard runs it. prepare(): nothing shown yet; the progress goes by
    // `expectedRows` (the rows the dry run read) when known, else by bytes.
    void prepare(qint64 expectedRows);
    void showStarted();
    void showProgress(qint64 rows, qint64 bytes, qint64 total);
    void showResult(const Result<services::ImportSummary> &s);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void saveReport();

    ImportWizard *m_wizard;
    qint64 m_expectedRows = 0; // rows the dry run read: the import's progress goes by them
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_runCounts = nullptr;
    QPlainTextEdit *m_runErrors = nullptr;
    QPushButton *m_saveReport = nullptr;
};

} // namespace mikomi::ui
