#pragma once

#include "models/services/importer.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace mikomi::ui {

class ImportWizard;

// The import wizard's third page: what to do when a row matches a lead that exists, the source
// of rows without one, and a dry run of the whole file (started on entering the page and again
// when the choice changes) with its counts and every row error. Nothing is changed yet.
class ImportCheckPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportCheckPage(ImportWizard *wizard);

    services::OnMatch onMatch() const;
    QString defaultSource() const;

    void initializePage() override;
    void cleanupPage() override;

    // The dry run, as ImportWizard runs it: started, its rows read, its summary or error.
    void showStarted();
    void showProgress(qint64 rows);
    void showResult(const Result<services::ImportSummary> &s);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ImportWizard *m_wizard;
    QLabel *m_onMatchLabel = nullptr;
    QRadioButton *m_merge = nullptr;
    QRadioButton *m_skip = nullptr;
    QRadioButton *m_update = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLineEdit *m_source = nullptr;
    QPushButton *m_dryRun = nullptr;
    QLabel *m_dryCounts = nullptr;
    QPlainTextEdit *m_dryErrors = nullptr;
};

} // namespace mikomi::ui
