#pragma once

#include "models/storage/databasemerge.h"

#include <QDialog>

#include <optional>

class QComboBox;
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
// what a merge would do (a dry run), settle the fields changed on both sides one by one (mine:
// this database's value, theirs: the other database's, with the value at the last merge) or all
// one way, merge, and see what was settled and the possible duplicates (added, not merged).
// A conflict left undecided keeps this database's value and is listed again at the next merge.
// storage::mergeDatabases does the work (the choices applied in its transaction), as
// `mikomi merge` does.
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
    // The decision on a conflict row of the dry run (unset: undecided), as the row's menu sets it.
    void setChoice(int row, std::optional<storage::MergeSide> side);
    std::optional<storage::MergeSide> choice(int row) const;
    // "All fields: mine" / "All fields: theirs": every field changed on both sides; a deletion
    // (a lead or follow-up deleted there, changed here) is left as it is, settled in its row.
    void chooseAll(storage::MergeSide side);
    QTableWidget *duplicateTable() const { return m_duplicates; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void chooseFile();
    void showSummary(const storage::MergeSummary &summary, bool dryRun);
    void fillTables();
    void retranslateChoices();
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
    QWidget *m_conflictPage = nullptr;
    QLabel *m_conflictHelp = nullptr;
    QPushButton *m_allMine = nullptr;
    QPushButton *m_allTheirs = nullptr;
    QTableWidget *m_conflicts = nullptr;
    QList<QComboBox *> m_choices; // per conflict row of a dry run
    QTableWidget *m_duplicates = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_merge = nullptr;
};

} // namespace mikomi::ui
