#include "models/commands/leadcommands.h"
#include "models/commands/pipelinecommands.h"
#include "models/followupmodel.h"
#include "models/leadtablemodel.h"
#include "models/pipelinemodel.h"
#include "models/sourcelistmodel.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "models/unknownleadmodel.h"
#include "ui/leadeditor.h"
#include "ui/leadspage.h"
#include "ui/pipelinepage.h"
#include "ui/sourcespage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>
#include <QUndoStack>

using namespace mikomi;
using namespace mikomi::storage;

namespace {
const QTimeZone kJst(9 * 3600);

// Spins the event loop until a page shows what it asked for last: the Pipeline page reads its
// board and follow-ups on worker threads, after every change.
bool caughtUp(const ui::Page &page) {
    return QTest::qWaitFor([&page] { return !page.loading(); }, 10000);
}
} // namespace

class TestPipelineModels final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

    qint64 addLead(const QString &source, Stage stage, int day, std::optional<Money> deal = {}) {
        LeadRepository repo(*m_db);
        Lead l;
        l.company = QStringLiteral("会社%1").arg(day);
        l.familyName = QStringLiteral("佐藤");
        l.givenName = QStringLiteral("花子");
        l.source = source;
        l.stage = stage;
        l.furthestStage = stage;
        l.dealValue = deal;
        l.createdAt = QDateTime(QDate(2026, 5, day), QTime(10, 0), kJst);
        l.updatedAt = l.createdAt;
        auto id = repo.insert(l, QStringLiteral("import"));
        return id ? *id : -1;
    }

private slots:
    void init() {
        m_db.reset();
        auto db = Database::open(m_dir.filePath(QStringLiteral("m%1.mikomi").arg(++m_n)));
        QVERIFY(db);
        m_db = std::move(db).value();
    }

    void sourceListModel() {
        addLead(QStringLiteral("Google Ads"), Stage::Inquiry, 1);
        addLead(QStringLiteral("Google Ads"), Stage::Inquiry, 2);
        addLead(QStringLiteral("展示会"), Stage::Inquiry, 3);
        SourceListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db.get());
        QCOMPARE(model.rowCount(), 0); // read by reload(), when its page is shown
        QVERIFY(model.reload().ok());
        QCOMPARE(model.rowCount(), 2);
        const int g =
            model.rowOf(*SourceRepository(*m_db).resolve(QStringLiteral("google ads"), false));
        QVERIFY(g >= 0);
        QCOMPARE(model.data(model.index(g, SourceListModel::Leads), Qt::EditRole).toLongLong(), 2);
        // Imported as Unknown: the dictionary suggests Paid; accepting stores it.
        QCOMPARE(model.data(model.index(g, 0), SourceListModel::SuggestedCategoryRole).toInt(),
                 int(SourceCategory::Paid));
        QVERIFY(model.acceptSuggestion(g));
        QVERIFY(!model.data(model.index(g, 0), SourceListModel::SuggestedCategoryRole).isValid());
        QVERIFY(model.setData(model.index(g, SourceListModel::Tier), int(Tier::Core)));
        auto s = SourceRepository(*m_db).list();
        QCOMPARE(s->at(g).category, SourceCategory::Paid);
        QCOMPARE(s->at(g).tier, Tier::Core);
        QVERIFY(!model.setData(model.index(g, SourceListModel::Name), QStringLiteral("x")));
        QVERIFY(model.reload());
        QCOMPARE(model.data(model.index(g, SourceListModel::Category), Qt::EditRole).toInt(),
                 int(SourceCategory::Paid));
    }

    void dragAndDropThroughTheModel() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1, 100000);
        addLead(QStringLiteral("SEO"), Stage::Inquiry, 2, 50000);
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show(); // a hidden page reads its data when it is first shown
        QVERIFY(caughtUp(page));
        PipelineModel *inquiry = page.columnModel(PipelineColumn::Inquiry);
        PipelineModel *mql = page.columnModel(PipelineColumn::Mql);
        PipelineModel *lost = page.columnModel(PipelineColumn::Lost);
        QAbstractItemModelTester t1(inquiry,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(mql, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(inquiry->rowCount(), 2);
        QCOMPARE(inquiry->totals().value, 150000);
        QCOMPARE(mql->rowCount(), 0);

        // Drag the card out of Inquiry and drop it on MQL.
        int row = inquiry->leadId(0) == a ? 0 : 1;
        std::unique_ptr<QMimeData> mime(inquiry->mimeData({inquiry->index(row)}));
        QCOMPARE(PipelineModel::decode(mime.get()), QList<qint64>{a});
        QVERIFY(!inquiry->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {})); // same column
        QCOMPARE(undo.count(), 0);
        mql->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {});
        QCOMPARE(undo.count(), 1);
        QVERIFY(caughtUp(page));
        QCOMPARE(mql->rowCount(), 1);
        QCOMPARE(mql->totals().count, 1);
        QCOMPARE(mql->totals().value, 100000);
        QCOMPARE(inquiry->rowCount(), 1);
        LeadRepository repo(*m_db);
        auto h = repo.history(a);
        QCOMPARE(h->size(), 2);
        QCOMPARE(h->last().fromStage, std::optional<Stage>(Stage::Inquiry));
        QCOMPARE(h->last().toStage, Stage::Mql);
        QVERIFY(h->last().changedAt.isValid());
        undo.undo();
        QCOMPARE(repo.get(a)->stage, Stage::Inquiry);
        QCOMPARE(repo.history(a)->size(), 1);
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 2);
        undo.redo();
        QCOMPARE(repo.get(a)->stage, Stage::Mql);
        QVERIFY(caughtUp(page)); // a move checks the version of the card it was shown

        // SQL with SGL, then lost with a reason from there, then recycled by a drop on MQL.
        page.moveLeads({a}, PipelineColumn::Sql, SqlKind::Sgl, {});
        QCOMPARE(repo.get(a)->sqlKind, SqlKind::Sgl);
        QVERIFY(caughtUp(page));
        page.moveLeads({a}, PipelineColumn::Lost, SqlKind::None, QStringLiteral("予算"));
        auto l = repo.get(a);
        QVERIFY(l->lost);
        QVERIFY(caughtUp(page));
        QCOMPARE(l->lostReason, QStringLiteral("予算"));
        QCOMPARE(l->furthestStage, Stage::Sql);
        QCOMPARE(lost->rowCount(), 1);
        QCOMPARE(lost->data(lost->index(0), PipelineModel::LostReasonRole).toString(),
                 QStringLiteral("予算"));
        std::unique_ptr<QMimeData> again(PipelineModel::encode({a}));
        mql->dropMimeData(again.get(), Qt::MoveAction, -1, -1, {});
        QVERIFY(caughtUp(page));
        l = repo.get(a);
        QVERIFY(!l->lost);
        QCOMPARE(l->stage, Stage::Mql);
        QVERIFY(repo.history(a)->last().recycled);
        QCOMPARE(lost->rowCount(), 0);
        QCOMPARE(undo.count(), 4); // to MQL, to SQL, lost, recycled
        undo.undo();
        QVERIFY(repo.get(a)->lost);
    }

    // The board and the follow-ups are read on worker threads: showing the page, or reading it
    // again, returns before anything is read (the rows come through the event loop), and the
    // page says it is loading until they are on screen; until then it shows what it had.
    void boardAndFollowUpsAreReadInTheBackground() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1, 100000);
        FollowUpRepository tasks(*m_db);
        FollowUp task;
        task.leadId = a;
        task.title = QStringLiteral("電話");
        task.dueAt = QDateTime(QDate(2026, 5, 4), QTime(10, 0), kJst);
        QVERIFY(tasks.add(task));
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        PipelineModel *inquiry = page.columnModel(PipelineColumn::Inquiry);
        auto *totals = page.findChild<QLabel *>(QStringLiteral("columnTotals0"));
        QVERIFY(totals);
        page.show();
        QVERIFY(page.loading());
        QCOMPARE(inquiry->rowCount(), 0);
        QCOMPARE(page.followUpModel()->rowCount(), 0);
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 1);
        QCOMPARE(inquiry->totals().count, 1);
        QCOMPARE(page.followUpModel()->rowCount(), 1);
        const QString before = totals->text();

        const qint64 b = addLead(QStringLiteral("SEO"), Stage::Inquiry, 2, 50000);
        task.leadId = b;
        QVERIFY(tasks.add(task));
        page.reload();
        QVERIFY(page.loading());
        QCOMPARE(inquiry->rowCount(), 1);
        QCOMPARE(totals->text(), before);
        QCOMPARE(page.followUpModel()->rowCount(), 1);
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 2);
        QCOMPARE(inquiry->totals().count, 2);
        QCOMPARE(inquiry->totals().value, 150000);
        QVERIFY(totals->text() != before);
        QCOMPARE(page.followUpModel()->rowCount(), 2);

        // Another file: nothing of this one stays on screen while the other is read.
        auto other = Database::open(m_dir.filePath(QStringLiteral("other%1.mikomi").arg(m_n)));
        QVERIFY(other);
        page.setDatabase(other->get());
        QCOMPARE(inquiry->rowCount(), 0);
        QCOMPARE(inquiry->totals().count, 0);
        QCOMPARE(page.followUpModel()->rowCount(), 0);
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 0);
        page.setDatabase(nullptr);
    }

    // A refresh keeps what the user had: the cards selected in a column and the current one,
    // how far the column is scrolled, and the follow-up selected, though new rows came in
    // above them.
    void aRefreshKeepsSelectionAndScroll() {
        FollowUpRepository tasks(*m_db);
        for (int day = 1; day <= 28; ++day) {
            FollowUp t;
            t.leadId = addLead(QStringLiteral("SEO"), Stage::Inquiry, day);
            t.title = QStringLiteral("電話");
            t.dueAt = QDateTime(QDate(2026, 6, day), QTime(10, 0), kJst);
            QVERIFY(tasks.add(t));
        }
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.resize(1000, 420);
        page.show();
        QVERIFY(caughtUp(page));
        PipelineModel *inquiry = page.columnModel(PipelineColumn::Inquiry);
        QListView *view = page.columnView(PipelineColumn::Inquiry);
        QCOMPARE(inquiry->rowCount(), 28);
        const qint64 x = inquiry->leadId(10);
        const qint64 y = inquiry->leadId(12);
        view->selectionModel()->select(inquiry->index(10), QItemSelectionModel::Select);
        view->selectionModel()->select(inquiry->index(12), QItemSelectionModel::Select);
        view->selectionModel()->setCurrentIndex(inquiry->index(12), QItemSelectionModel::NoUpdate);
        QScrollBar *bar = view->verticalScrollBar();
        QVERIFY(bar->maximum() > 2);
        bar->setValue(bar->maximum() / 2);
        const int scrolled = bar->value();
        QVERIFY(scrolled > 0);
        page.tabs()->setCurrentIndex(1);
        QTableView *table = page.followUpTable();
        table->selectRow(5);
        const qint64 task = page.followUpModel()->taskId(5);

        // A newer lead (the first card) and a sooner follow-up (the first row) come in.
        FollowUp sooner;
        sooner.leadId = addLead(QStringLiteral("SEO"), Stage::Inquiry, 29);
        sooner.title = QStringLiteral("メール");
        sooner.dueAt = QDateTime(QDate(2026, 5, 30), QTime(10, 0), kJst);
        QVERIFY(tasks.add(sooner));
        page.reload();
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 29);
        QSet<qint64> selected;
        for (const QModelIndex &i : view->selectionModel()->selectedIndexes())
            selected.insert(inquiry->leadId(i.row()));
        QCOMPARE(selected, (QSet<qint64>{x, y}));
        QCOMPARE(inquiry->leadId(view->currentIndex().row()), y);
        QCOMPARE(bar->value(), scrolled);
        QCOMPARE(page.followUpModel()->rowCount(), 29);
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(page.followUpModel()->taskId(rows.first().row()), task);
    }

    // Cards being dragged stay as they are: a board read meanwhile waits for the drop, and the
    // page is not dimmed (the veil would take the drop).
    void aBoardReadDuringADragWaitsForTheDrop() {
        addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show();
        QVERIFY(caughtUp(page));
        PipelineModel *inquiry = page.columnModel(PipelineColumn::Inquiry);
        QCOMPARE(inquiry->rowCount(), 1);
        page.setDragging(true); // as a column does when a drag of its cards starts
        addLead(QStringLiteral("SEO"), Stage::Inquiry, 2);
        page.reload();
        QVERIFY(!page.loading());
        QVERIFY(QTest::qWaitFor([&page] { return page.boardHeld(); }, 10000));
        QCOMPARE(inquiry->rowCount(), 1);
        page.setDragging(false);
        QVERIFY(!page.boardHeld());
        QCOMPARE(inquiry->rowCount(), 2);
        QVERIFY(caughtUp(page));
    }

    void readinessAndTemperatureRoles() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        LeadRepository repo(*m_db);
        Lead l = *repo.get(a);
        PipelineModel model(PipelineColumn::Inquiry);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db.get());
        scoring::Thresholds t;
        model.setThresholds(t);
        model.setNow(QDateTime(QDate(2026, 5, 5), QTime(10, 0), kJst));
        QVERIFY(model.reload({1, 0}));
        QCOMPARE(model.data(model.index(0), PipelineModel::ReadinessRole).toInt(),
                 int(scoring::Readiness::None));
        QCOMPARE(model.data(model.index(0), PipelineModel::TemperatureRole).toInt(),
                 int(Temperature::Cold));
        // No silent stage change: a high score only suggests.
        Activity act;
        act.leadId = a;
        act.kind = ActivityKind::WebInquiry;
        act.occurredAt = QDateTime(QDate(2026, 5, 4), QTime(10, 0), kJst);
        QVERIFY(repo.addActivity(act));
        QVERIFY(repo.update(l)); // keeps score 0; set it through the scoring store instead
        t.mqlScore = 0;
        t.hotScore = 0;
        model.setThresholds(t);
        QVERIFY(model.reload({1, 0}));
        QCOMPARE(model.data(model.index(0), PipelineModel::ReadinessRole).toInt(),
                 int(scoring::Readiness::Mql));
        QCOMPARE(model.data(model.index(0), PipelineModel::TemperatureRole).toInt(),
                 int(Temperature::Hot)); // last activity yesterday
        QCOMPARE(repo.get(a)->stage, Stage::Inquiry);
    }

    void followUpModel() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        FollowUpRepository tasks(*m_db);
        FollowUp t;
        t.leadId = a;
        t.title = QStringLiteral("電話");
        t.dueAt = QDateTime(QDate(2026, 5, 4), QTime(10, 0), kJst);
        QVERIFY(tasks.add(t));
        t.dueAt = QDateTime(QDate(2026, 5, 6), QTime(10, 0), kJst);
        QVERIFY(tasks.add(t));
        FollowUpModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db.get());
        model.setNow(QDateTime(QDate(2026, 5, 5), QTime(10, 0), kJst));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.overdueCount(), 1);
        QVERIFY(model.data(model.index(0, 0), FollowUpModel::OverdueRole).toBool());
        QVERIFY(model.data(model.index(0, 0), Qt::ForegroundRole).isValid()); // red
        QVERIFY(!model.data(model.index(1, 0), Qt::ForegroundRole).isValid());
        QCOMPARE(model.data(model.index(0, FollowUpModel::Task)).toString(),
                 QStringLiteral("電話"));
        QVERIFY(
            tasks.complete(model.taskId(0), ActivityKind::Call, {}, QDateTime::currentDateTime()));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.overdueCount(), 0);
    }

    void sourcesPageMergeIsOneUndoableStep() {
        addLead(QStringLiteral("LinkedIn"), Stage::Inquiry, 1);
        addLead(QStringLiteral("LinkedIn"), Stage::Inquiry, 2);
        addLead(QStringLiteral("LinkedIn Ads"), Stage::Inquiry, 3);
        addLead(QString(), Stage::Inquiry, 4);
        QUndoStack undo;
        ui::SourcesPage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show(); // a hidden page reads its data when it is first shown
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // read in the background
        QAbstractItemModelTester tester(page.unknownModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.unknownModel()->audit().unknown, 1);
        QCOMPARE(page.unknownModel()->rowCount(), 1);
        QCOMPARE(page.sourceModel()->rowCount(), 2);
        QCOMPARE(page.duplicateList()->topLevelItemCount(), 1);
        page.duplicateList()->setCurrentItem(page.duplicateList()->topLevelItem(0));
        page.mergeSelectedDuplicate();
        QCOMPARE(undo.count(), 1);
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // read in the background
        QCOMPARE(page.sourceModel()->rowCount(), 1);
        QCOMPARE(page.sourceModel()->sources().first().leadCount, 3);
        QCOMPARE(page.duplicateList()->topLevelItemCount(), 0);
        undo.undo();
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // read in the background
        QCOMPARE(page.sourceModel()->rowCount(), 2);
        QCOMPARE(LeadRepository(*m_db).get(3)->source, QStringLiteral("LinkedIn Ads"));
    }

    void readyFilterOnThePage() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        const qint64 b = addLead(QStringLiteral("SEO"), Stage::Mql, 2);
        addLead(QStringLiteral("SEO"), Stage::Inquiry, 3);
        LeadRepository repo(*m_db);
        for (auto [id, score] : {std::pair{a, 40}, std::pair{b, 75}}) {
            Lead l = *repo.get(id);
            l.score = score;
            QVERIFY(repo.update(l));
        }
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show(); // a hidden page reads its data when it is first shown
        QVERIFY(caughtUp(page));
        PipelineModel *inquiry = page.columnModel(PipelineColumn::Inquiry);
        PipelineModel *mql = page.columnModel(PipelineColumn::Mql);
        QCOMPARE(inquiry->totals().count, 2);
        const int row = inquiry->leadId(0) == a ? 0 : 1;
        QCOMPARE(inquiry->data(inquiry->index(row), PipelineModel::ReadinessRole).toInt(),
                 int(scoring::Readiness::Mql));
        QVERIFY(inquiry->data(inquiry->index(row), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("MQL")));
        QCOMPARE(mql->data(mql->index(0), PipelineModel::ReadinessRole).toInt(),
                 int(scoring::Readiness::Sql));

        auto *combo = page.findChild<QComboBox *>(QStringLiteral("readyFilter"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        page.setReadiness(scoring::Readiness::Mql);
        QVERIFY(caughtUp(page));
        QCOMPARE(page.readiness(), scoring::Readiness::Mql);
        QCOMPARE(inquiry->totals().count, 1);
        QCOMPARE(inquiry->rowCount(), 1);
        QCOMPARE(inquiry->leadId(0), a);
        QCOMPARE(mql->rowCount(), 0);
        page.setReadiness(scoring::Readiness::Sql);
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 0);
        QCOMPARE(mql->rowCount(), 1);
        QCOMPARE(mql->leadId(0), b);
        // The threshold comes from the scoring settings.
        ScoringStore store(*m_db);
        scoring::Rules rules = *store.load();
        rules.thresholds.sqlScore = 80;
        QVERIFY(store.save(rules));
        page.reload();
        QVERIFY(caughtUp(page));
        QCOMPARE(mql->rowCount(), 0);
        page.setReadiness(scoring::Readiness::None);
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->rowCount(), 2);
        // A suggestion only: nothing moved, nothing on the undo stack.
        QCOMPARE(repo.get(a)->stage, Stage::Inquiry);
        QCOMPARE(repo.get(b)->stage, Stage::Mql);
        QCOMPARE(undo.count(), 0);
    }

    void completingAFollowUpIsUndoable() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        FollowUpRepository tasks(*m_db);
        const qint64 task = tasks.createForLead(a).value();
        LeadRepository repo(*m_db);
        QUndoStack undo;
        undo.push(new commands::CompleteTaskCommand(
            *m_db, task, a, ActivityKind::Seminar, QStringLiteral("佐藤"), [] {},
            [](const QString &m) { QFAIL(qPrintable(m)); }));
        QCOMPARE(undo.count(), 1);
        QCOMPARE(tasks.open(QString(), 100)->size(), 0);
        QCOMPARE(repo.activities(a)->size(), 1);
        const int scored = repo.get(a)->score;
        QVERIFY(scored > 0); // the default seminar rule
        undo.undo();
        QCOMPARE(tasks.open(QString(), 100)->size(), 1);
        QCOMPARE(repo.activities(a)->size(), 0);
        QCOMPARE(repo.get(a)->score, 0);
        undo.redo();
        QCOMPARE(tasks.open(QString(), 100)->size(), 0);
        QCOMPARE(repo.get(a)->score, scored);
    }

    void reassignAndTemperatureAreOneUndoStepEach() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        const qint64 b = addLead(QStringLiteral("SEO"), Stage::Inquiry, 2);
        LeadRepository repo(*m_db);
        Lead la = *repo.get(a);
        la.owner = QStringLiteral("佐藤");
        QVERIFY(repo.update(la));
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show(); // a hidden page reads its data when it is first shown
        QVERIFY(caughtUp(page));
        page.reassignLeads({a, b}, QStringLiteral("高橋"));
        QCOMPARE(undo.count(), 1);
        QCOMPARE(repo.get(a)->owner, QStringLiteral("高橋"));
        QCOMPARE(repo.get(b)->owner, QStringLiteral("高橋"));
        QVERIFY(caughtUp(page));
        PipelineModel *inquiry = page.columnModel(PipelineColumn::Inquiry);
        QCOMPARE(inquiry->data(inquiry->index(0), PipelineModel::OwnerRole).toString(),
                 QStringLiteral("高橋"));
        undo.undo();
        QCOMPARE(repo.get(a)->owner, QStringLiteral("佐藤"));
        QCOMPARE(repo.get(b)->owner, QString());
        undo.redo();
        QCOMPARE(repo.get(b)->owner, QStringLiteral("高橋"));

        page.setTemperature({a, b}, Temperature::Hot);
        QCOMPARE(undo.count(), 2);
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional(Temperature::Hot));
        QVERIFY(caughtUp(page));
        QCOMPARE(inquiry->data(inquiry->index(0), PipelineModel::TemperatureRole).toInt(),
                 int(Temperature::Hot));
        QVERIFY(
            inquiry->data(inquiry->index(0), PipelineModel::TemperatureOverriddenRole).toBool());

        // The Leads table shows the override, and its context-menu action is undoable too.
        QUndoStack leadsUndo;
        ui::LeadsPage leads;
        leads.setUndoStack(&leadsUndo);
        leads.setDatabase(m_db.get());
        // As in the window: the page follows the database's change feed while shown.
        connect(&m_db->changes(), &storage::ChangeFeed::changed, &leads,
                &ui::Page::databaseChanged);
        leads.show();
        LeadTableModel *table = leads.model();
        const int rowA = table->rowOfLead(a);
        QVERIFY(rowA >= 0);
        QCOMPARE(table->data(table->index(rowA, LeadTableModel::Temperature)).toString(),
                 temperatureLabel(Temperature::Hot));
        leads.setTemperature({a}, Temperature::Cold);
        QTRY_COMPARE(
            table->data(table->index(table->rowOfLead(a), LeadTableModel::Temperature)).toString(),
            temperatureLabel(Temperature::Cold));
        leads.reassignLeads({a}, QStringLiteral("田中"));
        QCOMPARE(leadsUndo.count(), 2);
        QTRY_COMPARE(
            table->data(table->index(table->rowOfLead(a), LeadTableModel::Owner)).toString(),
            QStringLiteral("田中"));
        leadsUndo.undo();
        leadsUndo.undo();
        QCOMPARE(repo.get(a)->owner, QStringLiteral("高橋"));
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional(Temperature::Hot));
        undo.undo(); // back to Automatic
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional<Temperature>());
        QCOMPARE(repo.get(b)->temperatureOverride, std::optional<Temperature>());
        QVERIFY(caughtUp(page));
        QVERIFY(
            !inquiry->data(inquiry->index(0), PipelineModel::TemperatureOverriddenRole).toBool());
    }

    void sourceCategoryAndTierEditsAreUndoable() {
        addLead(QStringLiteral("Google Ads"), Stage::Inquiry, 1);
        QUndoStack undo;
        ui::SourcesPage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show(); // a hidden page reads its data when it is first shown
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // read in the background
        SourceListModel *model = page.sourceModel();
        const qint64 id = *SourceRepository(*m_db).resolve(QStringLiteral("Google Ads"), false);
        const auto stored = [this, id] {
            const QList<Source> sources = SourceRepository(*m_db).list().value();
            for (const Source &s : sources) {
                if (s.id == id)
                    return s;
            }
            return Source{};
        };
        const SourceCategory before = stored().category;
        const Tier tierBefore = stored().tier;
        QVERIFY(before != SourceCategory::Event);
        // As the table's delegate does it.
        QVERIFY(model->setData(model->index(model->rowOf(id), SourceListModel::Category),
                               int(SourceCategory::Event)));
        QCOMPARE(undo.count(), 1);
        QCOMPARE(stored().category, SourceCategory::Event);
        QVERIFY(tierBefore != Tier::Growth);
        QVERIFY(model->setData(model->index(model->rowOf(id), SourceListModel::Tier),
                               int(Tier::Growth)));
        QCOMPARE(undo.count(), 2);
        // Setting the same value again is no step.
        QVERIFY(model->setData(model->index(model->rowOf(id), SourceListModel::Tier),
                               int(Tier::Growth)));
        QCOMPARE(undo.count(), 2);
        undo.undo();
        QCOMPARE(stored().tier, tierBefore);
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // read in the background
        QCOMPARE(model->data(model->index(model->rowOf(id), SourceListModel::Tier), Qt::EditRole)
                     .toInt(),
                 int(tierBefore));
        undo.undo();
        QCOMPARE(stored().category, before);
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // read in the background
        QCOMPARE(
            model->data(model->index(model->rowOf(id), SourceListModel::Category), Qt::EditRole)
                .toInt(),
            int(before));
        undo.redo();
        QCOMPARE(stored().category, SourceCategory::Event);
        undo.redo();
        QCOMPARE(stored().tier, Tier::Growth);
        QTRY_VERIFY(!page.loading() && !page.reloadPending()); // the table shows the redo
        // Accepting the dictionary's suggestion is a step as well.
        QVERIFY(model->acceptSuggestion(model->rowOf(id)));
        QCOMPARE(stored().category, SourceCategory::Paid);
        QCOMPARE(undo.count(), 3);
        undo.undo();
        QCOMPARE(stored().category, SourceCategory::Event);
    }

    void editorTemperatureOverride() {
        const qint64 a = addLead(QStringLiteral("SEO"), Stage::Inquiry, 1);
        LeadRepository repo(*m_db);
        Lead l = *repo.get(a);
        {
            ui::LeadEditor editor(*m_db, l, nullptr);
            auto *combo = editor.findChild<QComboBox *>(QStringLiteral("temperature"));
            QVERIFY(combo);
            QCOMPARE(combo->count(), 4);
            QCOMPARE(combo->currentIndex(), 0); // Automatic
            // Score 0, no activity: Automatic is Cold now, and says so.
            QVERIFY(combo->currentText().contains(temperatureLabel(Temperature::Cold)));
            QCOMPARE(editor.lead().temperatureOverride, std::optional<Temperature>());
            combo->setCurrentIndex(combo->findData(temperatureKey(Temperature::Warm)));
            QCOMPARE(editor.lead().temperatureOverride, std::optional(Temperature::Warm));
        }
        l.temperatureOverride = Temperature::Hot;
        ui::LeadEditor editor(*m_db, l, nullptr);
        auto *combo = editor.findChild<QComboBox *>(QStringLiteral("temperature"));
        QCOMPARE(combo->currentData().toString(), temperatureKey(Temperature::Hot));
        combo->setCurrentIndex(0);
        QCOMPARE(editor.lead().temperatureOverride, std::optional<Temperature>());
        // Saving goes through SaveLeadCommand like every editor save: one undo step.
        combo->setCurrentIndex(combo->findData(temperatureKey(Temperature::Cold)));
        QUndoStack undo;
        const Lead stored = *repo.get(a);
        undo.push(new commands::SaveLeadCommand(*m_db, editor.lead(), stored, QStringLiteral("me"),
                                                {}, {}));
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional(Temperature::Cold));
        undo.undo();
        QCOMPARE(repo.get(a)->temperatureOverride, std::optional<Temperature>());
    }
};

QTEST_MAIN(TestPipelineModels)
#include "tst_pipelinemodels.moc"
