#pragma once

#include "models/domain/enums.h"
#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/followups.h"
#include "models/storage/pipelinequery.h"
#include "ui/page.h"

#include <array>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QTabWidget;
class QTableView;

namespace mikomi {
class FollowUpModel;
class PipelineModel;
} // namespace mikomi

namespace mikomi::ui {

class BackgroundReader;

// The nurturing pipeline: one kanban column per stage (and one for lost leads) with count and
// total deal value from aggregate queries and the newest 200 cards; cards move by drag and drop
// (undoable, written to stage_history). A second tab lists due and overdue follow-ups.
//
// The board and the follow-ups are read on worker threads (BackgroundReader, each with its own
// connection: about 0.2 s each at 1,000,000 leads), so the window stays responsive: reload()
// and every refresh after a change return at once, loading() is true until what was asked for
// last is shown, and a read that takes longer than a moment dims the page under a "reading"
// line. What the user had selected in each column and in the follow-ups, and how far each list
// was scrolled, is kept when the new rows arrive; while a card is being dragged the new board
// waits until the drag ends (and the page is not dimmed, so the drop lands on its column).
class PipelinePage final : public Page {
    Q_OBJECT
public:
    explicit PipelinePage(QWidget *parent = nullptr);
    QString title() const override;
    void setDatabase(storage::Database *db) override;
    void reload() override;

    // Moves leads without asking (tests, and after the page asked for SAL/SGL or a reason).
    void moveLeads(const QList<qint64> &ids, storage::PipelineColumn to, SqlKind kind,
                   const QString &reason);
    PipelineModel *columnModel(storage::PipelineColumn c) const { return m_models[int(c)]; }
    // Shows every lead (None) or only those ready for MQL / SQL (the "Show" filter).
    void setReadiness(scoring::Readiness ready);
    scoring::Readiness readiness() const;
    // Reassigns / sets the temperature of leads as the card menu does, without asking (tests).
    void reassignLeads(const QList<qint64> &ids, const QString &owner);
    void setTemperature(const QList<qint64> &ids, std::optional<Temperature> temperature);
    FollowUpModel *followUpModel() const { return m_followUps; }
    QTableView *followUpTable() const { return m_followUpTable; }
    QListView *columnView(storage::PipelineColumn c) const { return m_views[int(c)]; }
    // Asks for the deal value and won date of each lead (Cancel on any moves none), then makes
    // them customers in one undoable step: what dropping cards on the Customer column does.
    void winLeads(const QList<qint64> &ids);
    // Moves a follow-up to a new due time (undoable).
    void rescheduleFollowUp(qint64 taskId, const QDateTime &dueAt);
    QTabWidget *tabs() const { return m_tabs; }
    // Tells the page that cards are being dragged (its card views do): a board read meanwhile
    // is held and shown when the drag ends.
    void setDragging(bool dragging);
    // True while a board read that arrived during a drag waits for the drag to end.
    bool boardHeld() const { return m_heldBoard.has_value(); }

protected:
    void changeEvent(QEvent *event) override;
    storage::DataKinds shownKinds() const override;

private:
    // What the board shows, read together on the board reader's thread.
    struct BoardRead {
        storage::PipelineFilter filter;
        scoring::Thresholds thresholds;
        std::array<storage::ColumnTotals, storage::PipelineColumnCount> totals{};
        std::array<QList<storage::PipelineCard>, storage::PipelineColumnCount> cards;
    };
    static Result<BoardRead> readBoard(storage::Database &db, storage::PipelineFilter filter,
                                       int limit);
    void showBoard(Result<BoardRead> read);
    void showFollowUps(Result<QList<storage::FollowUp>> read);
    void showTotals();
    void showFollowUpCounts();
    void updateLoading();
    void retranslate();
    void refreshFilters();
    void fitFilters();
    void applyFilter();
    void reloadBoard();
    void reloadFollowUps();
    void onMoveRequested(const QList<qint64> &ids, storage::PipelineColumn to);
    void showCardMenu(storage::PipelineColumn column, const QPoint &pos);
    void showFollowUpMenu(const QPoint &pos);
    void openLead(qint64 id);
    void completeSelected();
    void showError(const QString &message);
    QString userName() const;
    void boardChanged();

    storage::Database *m_db = nullptr;
    std::array<PipelineModel *, storage::PipelineColumnCount> m_models{};
    std::array<QListView *, storage::PipelineColumnCount> m_views{};
    std::array<QLabel *, storage::PipelineColumnCount> m_titles{};
    std::array<QLabel *, storage::PipelineColumnCount> m_totals{};
    FollowUpModel *m_followUps = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_readyLabel = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_ready = nullptr;
    QPushButton *m_rulesButton = nullptr;
    QAction *m_scoring = nullptr;
    QAction *m_rules = nullptr;
    QLabel *m_limitNote = nullptr;
    QTabWidget *m_tabs = nullptr;
    QCheckBox *m_onlyMine = nullptr;
    QLabel *m_overdue = nullptr;
    QTableView *m_followUpTable = nullptr;
    QLabel *m_logAsLabel = nullptr;
    QComboBox *m_logAs = nullptr;
    QPushButton *m_done = nullptr;
    BackgroundReader *m_boardReader = nullptr;
    BackgroundReader *m_followUpReader = nullptr;
    std::array<storage::ColumnTotals, storage::PipelineColumnCount> m_shownTotals{};
    // A board read that arrived during a drag, shown when the drag ends.
    std::optional<Result<BoardRead>> m_heldBoard;
    bool m_dragging = false;
};

} // namespace mikomi::ui
