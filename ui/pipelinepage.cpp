#include "ui/pipelinepage.h"

#include "models/appsettings.h"
#include "models/commands/pipelinecommands.h"
#include "models/commands/stagecommands.h"
#include "models/followupmodel.h"
#include "models/pipelinemodel.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "ui/backgroundreader.h"
#include "ui/messagebox.h"
#include "ui/ownerdialog.h"
#include "ui/pages.h"
#include "ui/pipelinecarddelegate.h"
#include "ui/pipelinerulesdialog.h"
#include "ui/rescheduledialog.h"
#include "ui/scoringdialog.h"
#include "ui/touchpointdialog.h"
#include "ui/wondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <climits>
#include <functional>

namespace mikomi::ui {

using storage::PipelineColumn;

namespace {

constexpr int kCardsPerColumn = 200;

QString columnTitle(PipelineColumn c) {
    if (auto s = storage::columnStage(c))
        return stageLabel(*s);
    return lostLabel();
}

// A column of cards. It tells the page when a drag of its cards starts and ends (QDrag::exec
// runs inside startDrag), so that new cards do not replace the dragged ones under the mouse.
class CardView final : public QListView {
public:
    CardView(PipelinePage *page, QWidget *parent)
        : QListView(parent)
        , m_page(page) {}

protected:
    void startDrag(Qt::DropActions supportedActions) override {
        const QPointer<PipelinePage> page(m_page);
        page->setDragging(true);
        QListView::startDrag(supportedActions);
        if (page)
            page->setDragging(false);
    }

private:
    PipelinePage *m_page;
};

// What the user has in a list: the rows selected and the current one (by the id of what they
// show, which survives new rows), and how far it is scrolled.
struct ListState {
    QSet<qint64> selected;
    qint64 current = 0;
    int currentColumn = 0;
    int x = 0;
    int y = 0;
};

ListState saveState(const QAbstractItemView *view, const std::function<qint64(int)> &idOf) {
    ListState s;
    for (const QModelIndex &i : view->selectionModel()->selectedIndexes())
        s.selected.insert(idOf(i.row()));
    const QModelIndex current = view->currentIndex();
    if (current.isValid()) {
        s.current = idOf(current.row());
        s.currentColumn = current.column();
    }
    s.x = view->horizontalScrollBar()->value();
    s.y = view->verticalScrollBar()->value();
    return s;
}

// After a model reset: the same rows selected and current where they still are, the same scroll.
void restoreState(QAbstractItemView *view, const ListState &s,
                  const std::function<qint64(int)> &idOf) {
    QAbstractItemModel *model = view->model();
    QItemSelection selection;
    QModelIndex current;
    const int columns = model->columnCount();
    for (int r = 0; r < model->rowCount(); ++r) {
        const qint64 id = idOf(r);
        if (s.selected.contains(id))
            selection.select(model->index(r, 0), model->index(r, columns - 1));
        if (s.current != 0 && id == s.current)
            current = model->index(r, std::min(s.currentColumn, columns - 1));
    }
    if (current.isValid())
        view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    if (!selection.isEmpty())
        view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    view->doItemsLayout(); // the ranges of the new rows, not the delayed ones
    view->horizontalScrollBar()->setValue(s.x);
    view->verticalScrollBar()->setValue(s.y);
}

} // namespace

Page *createPipelinePage(QWidget *parent) {
    return new PipelinePage(parent);
}

PipelinePage::PipelinePage(QWidget *parent)
    : Page(parent)
    , m_boardReader(new BackgroundReader(this))
    , m_followUpReader(new BackgroundReader(this)) {
    connect(m_boardReader, &BackgroundReader::busyChanged, this, &PipelinePage::updateLoading);
    connect(m_followUpReader, &BackgroundReader::busyChanged, this, &PipelinePage::updateLoading);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_heading = makeHeading(this);
    top->addWidget(m_heading);
    top->addStretch();
    m_ownerLabel = new QLabel(this);
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerFilter"));
    m_owner->setMinimumContentsLength(10);
    m_sourceLabel = new QLabel(this);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_source->setMinimumContentsLength(14);
    m_readyLabel = new QLabel(this);
    m_ready = new QComboBox(this);
    m_ready->setObjectName(QStringLiteral("readyFilter"));
    for (auto r : {scoring::Readiness::None, scoring::Readiness::Mql, scoring::Readiness::Sql})
        m_ready->addItem(QString(), int(r));
    // The rule dialogs behind one menu button: the filters need the room (Japanese labels).
    // A push button leaves room for its menu arrow (a tool button drew it over the text).
    m_rulesButton = new QPushButton(this);
    m_rulesButton->setObjectName(QStringLiteral("rulesButton"));
    auto *rulesMenu = new QMenu(m_rulesButton);
    m_scoring = rulesMenu->addAction(QString());
    m_rules = rulesMenu->addAction(QString());
    m_rulesButton->setMenu(rulesMenu);
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_ownerLabel, m_owner, m_sourceLabel, m_source, m_readyLabel, m_ready, m_rulesButton})
        top->addWidget(w);
    layout->addLayout(top);
    connect(m_owner, &QComboBox::activated, this, &PipelinePage::applyFilter);
    connect(m_source, &QComboBox::activated, this, &PipelinePage::applyFilter);
    connect(m_ready, &QComboBox::activated, this, &PipelinePage::applyFilter);
    connect(m_scoring, &QAction::triggered, this, [this] {
        if (!m_db)
            return;
        ScoringDialog d(*m_db, this);
        if (d.exec() == QDialog::Accepted)
            reloadBoard();
    });
    connect(m_rules, &QAction::triggered, this, [this] {
        if (!m_db)
            return;
        PipelineRulesDialog d(*m_db, this);
        d.exec();
    });

    m_tabs = new QTabWidget(this);
    auto *board = new QWidget(m_tabs);
    auto *boardLayout = new QVBoxLayout(board);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(6);
    for (int i = 0; i < storage::PipelineColumnCount; ++i) {
        const auto col = PipelineColumn(i);
        auto *box = new QVBoxLayout;
        m_titles[i] = new QLabel(board);
        QFont tf = m_titles[i]->font();
        tf.setBold(true);
        m_titles[i]->setFont(tf);
        m_totals[i] = new QLabel(board);
        m_totals[i]->setObjectName(QStringLiteral("columnTotals%1").arg(i));
        // "1,234 leads · ¥12,345,678" wraps in a narrow column (six columns fit 1024 px).
        m_totals[i]->setWordWrap(true);
        m_models[i] = new PipelineModel(col, this);
        auto *view = new CardView(this, board);
        view->setObjectName(QStringLiteral("column%1").arg(i));
        view->setModel(m_models[i]);
        view->setItemDelegate(new PipelineCardDelegate(view));
        view->setDragEnabled(true);
        view->setAcceptDrops(true);
        view->setDropIndicatorShown(true);
        view->setDragDropMode(QAbstractItemView::DragDrop);
        view->setDefaultDropAction(Qt::MoveAction);
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        view->setUniformItemSizes(true);
        view->setMinimumWidth(100);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // cards elide instead
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QListView::customContextMenuRequested, this,
                [this, col](const QPoint &p) { showCardMenu(col, p); });
        connect(view, &QListView::doubleClicked, this, [this, col](const QModelIndex &index) {
            openLead(m_models[int(col)]->leadId(index.row()));
        });
        connect(m_models[i], &PipelineModel::moveRequested, this, &PipelinePage::onMoveRequested);
        m_views[i] = view;
        box->addWidget(m_titles[i]);
        box->addWidget(m_totals[i]);
        box->addWidget(view, 1);
        columns->addLayout(box, 1);
    }
    boardLayout->addLayout(columns, 1);
    m_limitNote = new QLabel(board);
    m_limitNote->setWordWrap(true);
    boardLayout->addWidget(m_limitNote);
    m_tabs->addTab(board, QString());

    auto *follow = new QWidget(m_tabs);
    auto *followLayout = new QVBoxLayout(follow);
    auto *followTop = new QHBoxLayout;
    m_onlyMine = new QCheckBox(follow);
    m_overdue = new QLabel(follow);
    followTop->addWidget(m_onlyMine);
    followTop->addStretch();
    followTop->addWidget(m_overdue);
    followLayout->addLayout(followTop);
    m_followUps = new FollowUpModel(this);
    m_followUpTable = new QTableView(follow);
    m_followUpTable->setObjectName(QStringLiteral("followUps"));
    m_followUpTable->setModel(m_followUps);
    m_followUpTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_followUpTable->verticalHeader()->hide();
    m_followUpTable->horizontalHeader()->setStretchLastSection(true);
    m_followUpTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_followUpTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_followUpTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openLead(m_followUps->data(index, FollowUpModel::LeadIdRole).toLongLong());
    });
    connect(m_followUpTable, &QTableView::customContextMenuRequested, this,
            &PipelinePage::showFollowUpMenu);
    followLayout->addWidget(m_followUpTable, 1);
    auto *doneRow = new QHBoxLayout;
    doneRow->addStretch();
    m_logAsLabel = new QLabel(follow);
    m_logAs = new QComboBox(follow);
    m_done = new QPushButton(follow);
    doneRow->addWidget(m_logAsLabel);
    doneRow->addWidget(m_logAs);
    doneRow->addWidget(m_done);
    followLayout->addLayout(doneRow);
    connect(m_onlyMine, &QCheckBox::toggled, this, &PipelinePage::reloadFollowUps);
    connect(m_done, &QPushButton::clicked, this, &PipelinePage::completeSelected);
    m_tabs->addTab(follow, QString());
    layout->addWidget(m_tabs, 1);
    retranslate();
}

QString PipelinePage::title() const {
    return tr("Pipeline");
}

void PipelinePage::setDatabase(storage::Database *db) {
    m_db = db;
    // Reads of the previous database never reach the page; its cards go at once.
    m_boardReader->cancel();
    m_followUpReader->cancel();
    m_heldBoard.reset();
    for (PipelineModel *m : m_models)
        m->setDatabase(db);
    m_followUps->setDatabase(db);
    m_shownTotals = {};
    showTotals();
    showFollowUpCounts();
    updateLoading();
    reloadWhenShown();
}

void PipelinePage::reload() {
    refreshFilters();
    reloadBoard();
    reloadFollowUps();
}

QString PipelinePage::userName() const {
    return AppSettings().ownerName();
}

void PipelinePage::refreshFilters() {
    const qint64 owner = m_owner->currentData().toLongLong();
    const qint64 source = m_source->currentData().toLongLong();
    m_owner->clear();
    m_source->clear();
    m_owner->addItem(tr("Everyone"), qint64(0));
    m_source->addItem(tr("All sources"), qint64(0));
    if (m_db) {
        if (auto users = storage::UserRepository(*m_db).list()) {
            for (const User &u : *users)
                m_owner->addItem(u.name, u.id);
        }
        if (auto sources = storage::SourceRepository(*m_db).list(
                storage::SourceRepository::LeadCounts::NotCounted)) {
            for (const Source &s : *sources)
                m_source->addItem(s.name, s.id);
        }
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    m_source->setCurrentIndex(std::max(0, m_source->findData(source)));
    fitFilters();
}

void PipelinePage::fitFilters() {
    // Each filter shows at least its "all" entry in full, whatever the language; the owner
    // filter every name (people's names are short; source names can be long and are elided).
    for (QComboBox *c : {m_owner, m_source, m_ready}) {
        int text = 0;
        for (int i = 0; i < (c == m_owner ? c->count() : std::min(1, c->count())); ++i)
            text = std::max(text, c->fontMetrics().horizontalAdvance(c->itemText(i)));
        c->setMinimumWidth(std::min(text, 160) + 36);
    }
}

void PipelinePage::applyFilter() {
    reloadBoard();
}

void PipelinePage::setReadiness(scoring::Readiness ready) {
    m_ready->setCurrentIndex(std::max(0, m_ready->findData(int(ready))));
    reloadBoard();
}

scoring::Readiness PipelinePage::readiness() const {
    return scoring::Readiness(m_ready->currentData().toInt());
}

Result<PipelinePage::BoardRead> PipelinePage::readBoard(storage::Database &db,
                                                        storage::PipelineFilter filter, int limit) {
    auto rules = storage::ScoringStore(db).load();
    if (!rules)
        return rules.failure();
    BoardRead read;
    read.thresholds = rules->thresholds;
    filter.mqlScore = read.thresholds.mqlScore;
    filter.sqlScore = read.thresholds.sqlScore;
    read.filter = filter;
    storage::PipelineQuery query(db);
    auto totals = query.totals(filter);
    if (!totals)
        return totals.failure();
    read.totals = *totals;
    for (int i = 0; i < storage::PipelineColumnCount; ++i) {
        auto cards = query.cards(PipelineColumn(i), filter, limit);
        if (!cards)
            return cards.failure();
        read.cards[i] = std::move(*cards);
    }
    return read;
}

void PipelinePage::reloadBoard() {
    if (!m_db) {
        m_boardReader->cancel();
        m_heldBoard.reset();
        showBoard(BoardRead());
        return;
    }
    storage::PipelineFilter filter;
    filter.ownerId = m_owner->currentData().toLongLong();
    filter.sourceId = m_source->currentData().toLongLong();
    filter.ready = readiness();
    m_boardReader->read<BoardRead>(
        *m_db, [filter](storage::Database &db) { return readBoard(db, filter, kCardsPerColumn); },
        [this](Result<BoardRead> read) { showBoard(std::move(read)); });
}

void PipelinePage::showBoard(Result<BoardRead> read) {
    if (m_dragging) {
        m_heldBoard = std::move(read); // shown when the drag ends
        updateLoading();
        return;
    }
    if (!read) {
        showError(read.error());
        read = BoardRead(); // no cards rather than cards that may no longer be true
    }
    BoardRead &board = read.value();
    for (int i = 0; i < storage::PipelineColumnCount; ++i) {
        PipelineModel *model = m_models[i];
        const auto idOf = [model](int row) { return model->leadId(row); };
        const ListState state = saveState(m_views[i], idOf);
        model->setFilter(board.filter);
        model->setThresholds(board.thresholds);
        model->setLimit(kCardsPerColumn);
        model->setCards(board.totals[i], std::move(board.cards[i]));
        restoreState(m_views[i], state, idOf);
    }
    m_shownTotals = board.totals;
    showTotals();
    updateLoading();
}

void PipelinePage::showTotals() {
    const Currency currency = AppSettings().currency();
    for (int i = 0; i < storage::PipelineColumnCount; ++i) {
        const storage::ColumnTotals &t = m_shownTotals[i];
        m_totals[i]->setText(
            tr("%Ln lead(s) · %1", nullptr, int(std::min<qint64>(t.count, INT_MAX)))
                .arg(formatMoney(t.value, currency)));
    }
}

void PipelinePage::reloadFollowUps() {
    const QString owner = m_onlyMine->isChecked() ? userName() : QString();
    m_followUps->setOwner(owner);
    if (!m_db) {
        m_followUpReader->cancel();
        showFollowUps(QList<storage::FollowUp>());
        return;
    }
    const int limit = m_followUps->limit();
    m_followUpReader->read<QList<storage::FollowUp>>(
        *m_db,
        [owner, limit](storage::Database &db) {
            return storage::FollowUpRepository(db).open(owner, limit);
        },
        [this](Result<QList<storage::FollowUp>> read) { showFollowUps(std::move(read)); });
}

void PipelinePage::showFollowUps(Result<QList<storage::FollowUp>> read) {
    if (!read) {
        showError(read.error());
        read = QList<storage::FollowUp>();
    }
    const auto idOf = [this](int row) { return m_followUps->taskId(row); };
    const ListState state = saveState(m_followUpTable, idOf);
    m_followUps->setTasks(std::move(read.value()));
    m_followUpTable->resizeColumnsToContents();
    restoreState(m_followUpTable, state, idOf);
    showFollowUpCounts();
    updateLoading();
}

void PipelinePage::showFollowUpCounts() {
    const qint64 overdue = m_followUps->overdueCount();
    m_overdue->setText(overdue > 0 ? tr("%n overdue", nullptr, int(overdue)) : QString());
    m_overdue->setStyleSheet(overdue > 0 ? QStringLiteral("color: #c62828; font-weight: bold;")
                                         : QString());
    m_tabs->setTabText(1,
                       overdue > 0 ? tr("Follow-ups (%1 overdue)").arg(overdue) : tr("Follow-ups"));
}

void PipelinePage::setDragging(bool dragging) {
    m_dragging = dragging;
    if (!dragging && m_heldBoard) {
        Result<BoardRead> held = std::move(*m_heldBoard);
        m_heldBoard.reset();
        showBoard(std::move(held));
    }
    updateLoading();
}

void PipelinePage::updateLoading() {
    // Not while cards are dragged: the veil would take the drop meant for a column.
    setLoading(!m_dragging &&
               (m_boardReader->busy() || m_followUpReader->busy() || m_heldBoard.has_value()));
}

void PipelinePage::moveLeads(const QList<qint64> &ids, PipelineColumn to, SqlKind kind,
                             const QString &reason) {
    if (!m_db || !undoStack() || ids.isEmpty())
        return;
    storage::LeadRepository repo(*m_db);
    auto refresh = [this] {
        reloadBoard();
        emit dataChanged();
    };
    // A card someone else moved or edited since the board was read: the move is refused
    // (storage: the lead's version), the user is told, and the board is read again.
    auto error = [this](const QString &m) {
        showError(m);
        reloadBoard();
    };
    if (ids.size() > 1)
        undoStack()->beginMacro(tr("Move %n lead(s)", nullptr, int(ids.size())));
    for (qint64 id : ids) {
        auto lead = repo.get(id);
        if (!lead) {
            showError(lead.error());
            continue;
        }
        commands::StageCommand::Kind k = commands::StageCommand::Kind::Move;
        Stage stage = lead->stage;
        if (to == PipelineColumn::Lost) {
            k = commands::StageCommand::Kind::Lost;
        } else {
            stage = *storage::columnStage(to);
            // A lost lead dragged back to nurturing is recycled (history says so).
            if (lead->lost && stage == Stage::Mql)
                k = commands::StageCommand::Kind::Recycle;
        }
        auto *cmd = new commands::StageCommand(*m_db, id, k, stage,
                                               stage == Stage::Sql ? kind : SqlKind::None, reason,
                                               userName(), refresh, error);
        for (const auto &model : m_models) {
            if (const qint64 seen = model ? model->versionOf(id) : 0; seen > 0)
                cmd->setExpectedVersion(seen);
        }
        undoStack()->push(cmd);
    }
    if (ids.size() > 1)
        undoStack()->endMacro();
}

void PipelinePage::onMoveRequested(const QList<qint64> &ids, PipelineColumn to) {
    SqlKind kind = SqlKind::None;
    QString reason;
    if (to == PipelineColumn::Sql) {
        const QStringList items{sqlKindLabel(SqlKind::Sal), sqlKindLabel(SqlKind::Sgl)};
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Sales-qualified lead"),
            tr("SAL: accepted from marketing. SGL: generated by sales.\nWhich is it?"), items, 0,
            false, &ok);
        if (!ok)
            return;
        kind = chosen == items.at(0) ? SqlKind::Sal : SqlKind::Sgl;
    } else if (to == PipelineColumn::Lost) {
        bool ok = false;
        const QStringList reasons{tr("Budget"), tr("Timing"), tr("Chose a competitor"),
                                  tr("No response"), tr("No need")};
        reason = QInputDialog::getItem(this, tr("Mark as lost"), tr("Why was the lead lost?"),
                                       reasons, 0, true, &ok)
                     .trimmed();
        if (!ok)
            return;
    } else if (to == PipelineColumn::Customer) {
        winLeads(ids);
        return;
    }
    moveLeads(ids, to, kind, reason);
}

void PipelinePage::winLeads(const QList<qint64> &ids) {
    if (!m_db || !undoStack() || ids.isEmpty())
        return;
    // Ask for every lead first: Cancel on any of them moves none.
    QString error;
    const auto asked = askWonDeals(*m_db, ids, AppSettings().currency(), this, &error);
    if (!asked) {
        if (!error.isEmpty())
            showError(error);
        return;
    }
    const QList<WonDeal> &deals = *asked;
    if (deals.size() > 1)
        undoStack()->beginMacro(tr("Mark %n lead(s) as won", nullptr, int(deals.size())));
    for (const WonDeal &d : deals) {
        auto *cmd = new commands::StageCommand(
            *m_db, d.leadId, commands::StageCommand::Kind::Won, Stage::Customer, SqlKind::None,
            QString(), userName(),
            [this] {
                reloadBoard();
                emit dataChanged();
            },
            [this](const QString &m) { showError(m); });
        cmd->setWonDeal(d.value, d.wonAt);
        undoStack()->push(cmd);
    }
    if (deals.size() > 1)
        undoStack()->endMacro();
}

void PipelinePage::openLead(qint64 id) {
    if (!m_db || id <= 0)
        return;
    emit leadOpenRequested(id);
    // The editor is modal: whatever it changed is saved now.
    reloadBoard();
    reloadFollowUps();
}

void PipelinePage::showFollowUpMenu(const QPoint &pos) {
    const QModelIndex index = m_followUpTable->indexAt(pos);
    if (!index.isValid() || !m_db)
        return;
    m_followUpTable->selectRow(index.row());
    const qint64 task = m_followUps->taskId(index.row());
    const qint64 lead = m_followUps->data(index, FollowUpModel::LeadIdRole).toLongLong();
    const QDateTime due = m_followUps->dueAt(index.row());
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open lead…"));
    menu.setDefaultAction(open);
    QAction *reschedule = menu.addAction(tr("Reschedule…"));
    QAction *tomorrow = menu.addAction(tr("Snooze until tomorrow 10:00"));
    QAction *done = menu.addAction(tr("Done (log as %1)").arg(m_logAs->currentText()));
    QAction *chosen = menu.exec(m_followUpTable->viewport()->mapToGlobal(pos));
    if (chosen == open) {
        openLead(lead);
    } else if (chosen == reschedule) {
        RescheduleDialog dialog(due.isValid() ? due : QDateTime::currentDateTime(), this);
        if (dialog.exec() == QDialog::Accepted)
            rescheduleFollowUp(task, dialog.dueAt());
    } else if (chosen == tomorrow) {
        rescheduleFollowUp(task, QDateTime(QDate::currentDate().addDays(1), QTime(10, 0)));
    } else if (chosen == done) {
        completeSelected();
    }
}

void PipelinePage::rescheduleFollowUp(qint64 taskId, const QDateTime &dueAt) {
    if (!m_db || !undoStack() || taskId == 0)
        return;
    undoStack()->push(new commands::RescheduleTaskCommand(
        *m_db, taskId, dueAt,
        [this] {
            reloadFollowUps();
            emit dataChanged();
        },
        [this](const QString &m) { showError(m); }));
}

void PipelinePage::showCardMenu(PipelineColumn column, const QPoint &pos) {
    QListView *view = m_views[int(column)];
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid() || !m_db)
        return;
    const qint64 id = m_models[int(column)]->leadId(index.row());
    if (!view->selectionModel()->isSelected(index))
        view->setCurrentIndex(index); // the menu acts on the card under the mouse
    const auto selectedIds = [this, column, view] {
        QList<qint64> ids;
        for (const QModelIndex &i : view->selectionModel()->selectedIndexes())
            ids.append(m_models[int(column)]->leadId(i.row()));
        return ids;
    };
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open…"));
    menu.setDefaultAction(open); // as a double-click does
    menu.addSeparator();
    QAction *touch = menu.addAction(tr("Add touchpoint…"));
    QAction *follow = menu.addAction(tr("Add follow-up (tomorrow)"));
    QAction *reassign = menu.addAction(tr("Reassign to…"));
    QMenu *temperatureMenu = menu.addMenu(tr("Temperature"));
    QHash<QAction *, std::optional<Temperature>> temperatures;
    for (auto t : {std::optional<Temperature>(), std::optional(Temperature::Hot),
                   std::optional(Temperature::Warm), std::optional(Temperature::Cold)})
        temperatures.insert(temperatureMenu->addAction(commands::temperatureChoiceLabel(t)), t);
    menu.addSeparator();
    QAction *lost = column == PipelineColumn::Lost ? nullptr : menu.addAction(tr("Mark as lost…"));
    QAction *recycle = menu.addAction(tr("Recycle to nurturing"));
    QAction *chosen = menu.exec(view->viewport()->mapToGlobal(pos));
    if (!chosen)
        return;
    if (chosen == open) {
        openLead(id);
    } else if (chosen == touch) {
        TouchpointDialog d(*m_db, id, this);
        if (d.exec() == QDialog::Accepted)
            emit dataChanged();
    } else if (chosen == follow) {
        storage::FollowUp t;
        t.leadId = id;
        t.title = tr("Follow up");
        t.owner = userName();
        t.dueAt = QDateTime(QDate::currentDate().addDays(1), QTime(10, 0));
        if (auto r = storage::FollowUpRepository(*m_db).add(t); !r)
            showError(r.error());
        reloadFollowUps();
    } else if (chosen == reassign) {
        const QList<qint64> ids = selectedIds();
        if (auto owner = askOwner(this, *m_db, int(ids.size())))
            reassignLeads(ids, *owner);
    } else if (temperatures.contains(chosen)) {
        setTemperature(selectedIds(), temperatures.value(chosen));
    } else if (chosen == lost) {
        onMoveRequested({id}, PipelineColumn::Lost);
    } else if (chosen == recycle) {
        undoStack()->push(new commands::StageCommand(
            *m_db, id, commands::StageCommand::Kind::Recycle, Stage::Mql, SqlKind::None, QString(),
            userName(),
            [this] {
                reloadBoard();
                emit dataChanged();
            },
            [this](const QString &m) { showError(m); }));
    }
}

void PipelinePage::boardChanged() {
    refreshFilters();
    reloadBoard();
    emit dataChanged();
}

void PipelinePage::reassignLeads(const QList<qint64> &ids, const QString &owner) {
    if (!m_db || !undoStack() || ids.isEmpty())
        return;
    undoStack()->push(new commands::ReassignCommand(
        *m_db, ids, owner, [this] { boardChanged(); }, [this](const QString &m) { showError(m); }));
}

void PipelinePage::setTemperature(const QList<qint64> &ids, std::optional<Temperature> t) {
    if (!m_db || !undoStack() || ids.isEmpty())
        return;
    undoStack()->push(new commands::TemperatureCommand(
        *m_db, ids, t, [this] { boardChanged(); }, [this](const QString &m) { showError(m); }));
}

void PipelinePage::completeSelected() {
    if (!m_db)
        return;
    const QModelIndex i = m_followUpTable->currentIndex();
    const qint64 task = m_followUps->taskId(i.row());
    if (task == 0)
        return;
    const auto kind = ActivityKind(m_logAs->currentData().toInt());
    const qint64 lead = m_followUps->data(i, FollowUpModel::LeadIdRole).toLongLong();
    undoStack()->push(new commands::CompleteTaskCommand(
        *m_db, task, lead, kind, userName(),
        [this] {
            reloadFollowUps();
            boardChanged();
            emit dataChanged();
        },
        [this](const QString &m) { showError(m); }));
}

void PipelinePage::showError(const QString &message) {
    MessageBox::warning(this, tr("Pipeline"), message);
}

storage::DataKinds PipelinePage::shownKinds() const {
    return storage::DataKind::Leads | storage::DataKind::Sources | storage::DataKind::Users |
           storage::DataKind::Rules | storage::DataKind::Tasks;
}

void PipelinePage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void PipelinePage::retranslate() {
    m_heading->setText(tr("Pipeline"));
    m_ownerLabel->setText(tr("Owner:"));
    m_sourceLabel->setText(tr("Source:"));
    m_readyLabel->setText(tr("Show:"));
    m_ready->setItemText(0, tr("All leads"));
    m_ready->setItemText(1, tr("Ready for MQL"));
    m_ready->setItemText(2, tr("Ready for SQL"));
    m_ready->setToolTip(tr("Leads whose score passed the MQL or SQL threshold (Scoring rules) "
                           "while they are still at an earlier stage. Nothing moves by itself."));
    // The "all" entries of the filters are ours; the rest are names from the database.
    if (m_owner->count() > 0)
        m_owner->setItemText(0, tr("Everyone"));
    if (m_source->count() > 0)
        m_source->setItemText(0, tr("All sources"));
    fitFilters();
    m_rulesButton->setText(tr("Rules"));
    m_scoring->setText(tr("Scoring rules…"));
    m_rules->setText(tr("Follow-up and assignment rules…"));
    for (int i = 0; i < storage::PipelineColumnCount; ++i)
        m_titles[i]->setText(columnTitle(PipelineColumn(i)));
    m_limitNote->setText(tr("Each column shows its %1 newest leads; counts and totals cover all. "
                            "Drag a card to another column to move it (Edit > Undo reverts).")
                             .arg(kCardsPerColumn));
    m_tabs->setTabText(0, tr("Board"));
    m_onlyMine->setText(tr("Only my follow-ups"));
    m_logAsLabel->setText(tr("Log the contact as:"));
    const int current = m_logAs->currentIndex();
    m_logAs->clear();
    for (ActivityKind k :
         {ActivityKind::Call, ActivityKind::Email, ActivityKind::Meeting, ActivityKind::Visit})
        m_logAs->addItem(activityKindLabel(k), int(k));
    m_logAs->setCurrentIndex(std::max(0, current));
    m_done->setText(tr("Done"));
    m_followUps->retranslate();
    // The cards and rows are the same in every language: only the lines made from them change.
    showTotals();
    showFollowUpCounts();
}

} // namespace mikomi::ui
