#pragma once

#include "models/storage/databasemerge.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// File > Merge into team database…: pick another Mikomi database (a booth laptop's file), see
// what a merge would do (a dry run), merge, and see the fields changed on both sides
// (conflicts, kept as they are here) and the possible duplicates (added, not merged).
// storage::mergeDatabases does the work, as `mikomi merge` does.
class TeamMergeDialog final : public QDialog {
    Q_OBJECT
public:
    explicit TeamMergeDialog(storage::Database &target, QWidget *parent = nullptr);

    // Opens `path` and shows the dry run's summary (tests call it instead of the file picker).
    bool setSource(const QString &path);
    // Merges the chosen database (the Merge button).
    bool merge();
    bool merged() const { return m_merged; }
    QTableWidget *conflictTable() const { return m_conflicts; }
    QTableWidget *duplicateTable() const { return m_duplicates; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void chooseFile();
    void showSummary(const storage::MergeSummary &summary, bool dryRun);
    void fillTables();
    storage::Database &m_target;
    QString m_sourcePath;
    std::optional<storage::MergeSummary> m_summary;
    bool m_dryRun = true;
    bool m_merged = false;
    QLabel *m_intro = nullptr;
    QPushButton *m_choose = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_result = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_conflicts = nullptr;
    QTableWidget *m_duplicates = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_merge = nullptr;
};

} // namespace mikomi::ui
