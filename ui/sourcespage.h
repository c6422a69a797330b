#pragma once

#include "models/domain/result.h"
#include "ui/page.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace mikomi {
class SourceListModel;
class UnknownLeadModel;
} // namespace mikomi

namespace mikomi::ui {

class BackgroundReader;

// Sources: canonical names with category and tier (editable in the table), aliases, likely
// duplicates merged in one undoable step, dictionary suggestions for categories, and the
// unknown-source audit with a bulk fix. The lists are read in the background (counting the
// leads of each source reads every lead: over a second at 1,000,000 leads); loading() meanwhile.
class SourcesPage final : public Page {
    Q_OBJECT
public:
    explicit SourcesPage(QWidget *parent = nullptr);
    QString title() const override;
    void setDatabase(storage::Database *db) override;
    void reload() override;

    // For tests and screenshots.
    SourceListModel *sourceModel() const { return m_sources; }
    UnknownLeadModel *unknownModel() const { return m_unknown; }
    QTreeWidget *duplicateList() const { return m_duplicates; }
    // Merges the selected duplicate suggestion (pushes a SourceMergeCommand).
    void mergeSelectedDuplicate();

protected:
    void changeEvent(QEvent *event) override;
    storage::DataKinds shownKinds() const override;

private:
    struct Read;
    void showRead(Result<Read> read);
    void retranslate();
    void refreshDuplicates();
    void refreshAudit();
    void refreshSourceCombo();
    void addSource();
    void addAlias();
    void mergeSelectedInto();
    void acceptSuggestion();
    void assignToSelected();
    void onValueEdited(qint64 sourceId, const QString &source, int column, int before, int after);
    void openScoring();
    void openResponseRules();
    void showError(const QString &message);
    qint64 selectedSourceId() const;
    QString selectedSourceName() const;
    void merge(qint64 fromId, qint64 intoId, const QString &from, const QString &into);

    storage::Database *m_db = nullptr;
    BackgroundReader *m_reader = nullptr;
    SourceListModel *m_sources = nullptr;
    UnknownLeadModel *m_unknown = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_audit = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_alias = nullptr;
    QPushButton *m_mergeInto = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_scoring = nullptr;
    QPushButton *m_response = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_duplicates = nullptr;
    QPushButton *m_mergeDuplicate = nullptr;
    QLabel *m_duplicateHint = nullptr;
    QTableView *m_unknownTable = nullptr;
    QLabel *m_assignLabel = nullptr;
    QComboBox *m_assignSource = nullptr;
    QPushButton *m_assign = nullptr;
};

} // namespace mikomi::ui
