#pragma once

#include "models/services/importer.h"

#include <QWizard>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;

namespace mikomi::ui {

class ImportCheckPage;
class ImportFilePage;
class ImportMappingPage;
class ImportRunPage;
class ImportWorker;

// The import wizard (product.md §Capabilities 9): file → detected encoding and kind (overridable)
// → column mapping with a preview of the rows as they will be stored → what to do on a match and
// a dry run with counts and every row error → the import with a progress bar and Cancel. Each
// page is a class of its own (ui/import*page.h); the wizard holds what they share (the database,
// the file's analysis, the last summary) and runs the dry runs and the import through an
// ImportWorker (ui/importworker.h: a worker thread with its own connection to the database file).
class ImportWizard final : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage = 0, MappingPage, CheckPage, RunPage };

    ImportWizard(storage::Database *db, const QString &file, QWidget *parent = nullptr);
    ~ImportWizard() override;

    void setFile(const QString &path);
    // Result of the last run (dry or real), if any.
    const std::optional<services::ImportSummary> &lastSummary() const { return m_summary; }
    bool imported() const { return m_imported; }
    // True while a dry run or the import is running in the worker thread.
    bool running() const { return m_running; }
    // Stops the running dry run or import (as the Cancel button does).
    void requestCancel();

    // For the pages.
    storage::Database *database() const { return m_db; }
    // The file's analysis: made on the file page, its mapping changed on the mapping page.
    std::optional<services::ImportAnalysis> &analysis() { return m_analysis; }
    QString file() const;
    // The check page's dry run: started, or started again when the options changed during one.
    void runDryRun();
    // Back from the check page: its dry run is of no use any more.
    void cancelDryRun();
    // The run page's import.
    void runImport();
    // A summary's counts in `label`; its row errors and warnings in `errors`, hidden when none.
    static void showSummary(QLabel *label, QPlainTextEdit *errors,
                            const services::ImportSummary &s);

public slots:
    // While a run is going, closing cancels it first and closes when it has stopped.
    void reject() override;

signals:
    // A progress report of the worker, delivered in the window's thread.
    void progressed(qint64 rows);
    // A dry run or the import has ended and its summary (or error) is shown.
    void runFinished();

protected:
    bool validateCurrentPage() override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void startRun(bool dryRun);
    void showProgress(bool dryRun, qint64 rows, qint64 bytes, qint64 total);
    void finishRun(bool dryRun, Result<services::ImportSummary> result);
    services::ImportOptions options(bool dryRun) const;

    storage::Database *m_db;
    std::optional<services::ImportAnalysis> m_analysis;
    std::optional<services::ImportSummary> m_summary;
    bool m_imported = false;
    bool m_running = false;
    bool m_runningDry = false;
    bool m_rerunDry = false;      // the options changed during a dry run: check again when it ends
    bool m_closeWhenDone = false; // closed during a run: close once it has stopped
    std::unique_ptr<ImportWorker> m_worker;

    ImportFilePage *m_filePage = nullptr;
    ImportMappingPage *m_mappingPage = nullptr;
    ImportCheckPage *m_checkPage = nullptr;
    ImportRunPage *m_runPage = nullptr;
};

} // namespace mikomi::ui
