#pragma once

#include "models/services/importer.h"

#include <QWizard>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QThread;

namespace mikomi::ui {

// The import wizard (product.md §Capabilities 9): file → detected encoding and kind (overridable)
// → column mapping with a preview of the rows as they will be stored → what to do on a match and
// a dry run with counts and every row error → the import with a progress bar and Cancel. The work
// is services::runImport, the same as `mikomi import`. Dry runs and the import run in a worker
// thread with their own connection to the database file (WAL lets the window keep reading); the
// window's Database object is never used by the worker. Progress comes back as queued calls,
// Cancel sets the atomic flag runImport polls.
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
    void requestCancel() { m_cancel = true; }

public slots:
    // While a run is going, closing cancels it first and closes when it has stopped.
    void reject() override;

signals:
    // A progress report of the worker, delivered in the window's thread.
    void progressed(qint64 rows);
    // A dry run or the import has ended and its summary (or error) is shown.
    void runFinished();

protected:
    void initializePage(int id) override;
    void cleanupPage(int id) override;
    bool validateCurrentPage() override;
    void changeEvent(QEvent *event) override;

private:
    void buildFilePage();
    void buildMappingPage();
    void buildCheckPage();
    void buildRunPage();
    void retranslate();
    void browse();
    void analyse();
    void fillMapping();
    void fillPreview();
    void mappingChanged();
    // The mapping combo's data: a field index, -1 for none, roleData() for a column role.
    static int roleData(io::ColumnRole role);
    // The mapping combo's "Custom field…" entry ("Custom field: NAME" once named), and the dialog
    // asking for the name (object name "customFieldName"); nullopt when cancelled or empty.
    static QString customItemText(const QString &name);
    std::optional<QString> askCustomFieldName(const QString &suggestion);
    int mappingData(int column) const;
    void runDryRun();
    void runImport();
    void startRun(bool dryRun);
    void showProgress(bool dryRun, qint64 rows, qint64 bytes, qint64 total);
    void finishRun(bool dryRun, Result<services::ImportSummary> result);
    void saveReport();
    services::ImportOptions options(bool dryRun) const;
    void showSummary(QLabel *label, QPlainTextEdit *errors, const services::ImportSummary &s);

    storage::Database *m_db;
    std::optional<services::ImportAnalysis> m_analysis;
    std::optional<services::ImportSummary> m_summary;
    std::atomic<bool> m_cancel = false;
    bool m_imported = false;
    bool m_running = false;
    bool m_runningDry = false;
    qint64 m_expectedRows = 0;    // rows the dry run read: the import's progress goes by them
    bool m_rerunDry = false;      // the options changed during a dry run: check again when it ends
    bool m_closeWhenDone = false; // closed during a run: close once it has stopped
    std::unique_ptr<QThread> m_thread;

    // File page
    QLabel *m_fileLabel = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QComboBox *m_encoding = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_detected = nullptr;
    // Mapping page
    QLabel *m_mappingHint = nullptr;
    QTableWidget *m_mapping = nullptr;
    QLabel *m_previewLabel = nullptr;
    QTableWidget *m_preview = nullptr;
    // Check page
    QLabel *m_onMatchLabel = nullptr;
    QRadioButton *m_merge = nullptr;
    QRadioButton *m_skip = nullptr;
    QRadioButton *m_update = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLineEdit *m_source = nullptr;
    QPushButton *m_dryRun = nullptr;
    QLabel *m_dryCounts = nullptr;
    QPlainTextEdit *m_dryErrors = nullptr;
    // Run page
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_runCounts = nullptr;
    QPlainTextEdit *m_runErrors = nullptr;
    QPushButton *m_saveReport = nullptr;
};

} // namespace mikomi::ui
