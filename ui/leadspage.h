#pragma once

#include "models/domain/enums.h"
#include "models/storage/leadquery.h"
#include "ui/page.h"

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace mikomi {
class LeadTableModel;
struct Lead;
} // namespace mikomi

namespace mikomi::ui {

// All leads: a lazily fetched table (a million leads open at once), search as you type, filters,
// the lead editor, stage changes from a context menu, undoable deletes, copy as TSV,
// business-card mode and duplicate merging.
class LeadsPage final : public Page {
    Q_OBJECT
public:
    explicit LeadsPage(QWidget *parent = nullptr);
    QString title() const override;
    void setDatabase(storage::Database *db) override;
    void reload() override;
    bool openLeadEditor(qint64 leadId) override;
    // Clears the page's filters and lists the leads of `filter` under a line naming them, with
    // a button that shows all leads again; the filters of the page narrow it further.
    bool showLeads(const storage::LeadFilter &filter, const QString &description) override;

    LeadTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }

public slots:
    void applyFilters();
    void newLead();
    void openLead(qint64 id);
    void openCardEntry();
    void findDuplicates();
    // "Suggest readings…" for the selected leads (all when none is selected), issue 16.
    void suggestReadings();
    void deleteSelected();
    void copySelected();
    // One undo step each (the context menu's "Reassign…" and "Temperature").
    void reassignLeads(const QList<qint64> &ids, const QString &owner);
    void setTemperature(const QList<qint64> &ids, std::optional<mikomi::Temperature> temperature);

protected:
    void changeEvent(QEvent *event) override;
    storage::DataKinds shownKinds() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void fillCombos();
    void showContextMenu(const QPoint &pos);
    void stageCommand(int kind, int stage);
    void editLead(const Lead &lead, bool isNew);
    void showError(const QString &message);
    QList<int> selectedRows() const;

    storage::Database *m_db = nullptr;
    LeadTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stage = nullptr;
    QComboBox *m_temperature = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_owner = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_cards = nullptr;
    QPushButton *m_duplicates = nullptr;
    QPushButton *m_readings = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QWidget *m_drillBar = nullptr;
    QLabel *m_drillText = nullptr;
    QPushButton *m_drillClear = nullptr;
    std::optional<storage::LeadFilter> m_drill; // the leads a report asked for
};

} // namespace mikomi::ui
