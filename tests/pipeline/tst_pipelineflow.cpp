#include "models/followupmodel.h"
#include "models/language.h"
#include "models/leadtablemodel.h"
#include "models/pipelinemodel.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "ui/leadeditor.h"
#include "ui/leadspage.h"
#include "ui/pipelinepage.h"
#include "ui/rescheduledialog.h"
#include "ui/wondialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

const QTimeZone kJst(9 * 3600);

// Runs `act` on the next modal dialog of type D once it is shown (from inside its exec()).
template <typename D> void onNextDialog(std::function<void(D *)> act) {
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        if (auto *d = qobject_cast<D *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(d);
        }
    });
    timer->start();
}

// Chooses the entry `text` of the next popup menu, as a user does with the keyboard.
// Saves the menu as `shot`.png when MIKOMI_SHOTS names a folder.
void onNextMenu(const QString &text, QStringList *seen = nullptr, const QString &shot = {}) {
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, text, seen, shot] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        timer->stop();
        timer->deleteLater();
        if (const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
            !dir.isEmpty() && !shot.isEmpty()) {
            QDir().mkpath(dir);
            if (!menu->grab().save(QDir(dir).filePath(shot + QStringLiteral(".png"))))
                qWarning("Could not save %s", qPrintable(shot));
        }
        for (QAction *a : menu->actions()) {
            if (seen)
                seen->append(a->text());
            if (a->text() == text) {
                menu->setActiveAction(a);
                QTest::keyClick(menu, Qt::Key_Return);
                return;
            }
        }
        menu->close();
    });
    timer->start();
}

// Follows a path of popup menus ("Change stage", then "Customer"), one level per menu as it
// opens, choosing each entry with the keyboard as a user does.
void onMenuPath(const QStringList &path) {
    auto *timer = new QTimer;
    timer->setInterval(10);
    auto level = std::make_shared<int>(0);
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, path, level, ticks] {
        if (++*ticks > 500) { // 5 s: give up rather than hang
            timer->stop();
            timer->deleteLater();
            if (QWidget *popup = QApplication::activePopupWidget())
                popup->close();
            return;
        }
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions()) {
            if (a->text() != path.at(*level))
                continue;
            menu->setActiveAction(a);
            QTest::keyClick(menu, Qt::Key_Return);
            if (++*level == path.size()) {
                timer->stop();
                timer->deleteLater();
            }
            return;
        }
    });
    timer->start();
}

// Spins the event loop until a page shows what it asked for last: the Pipeline page reads its
// board and follow-ups on worker threads, after every change.
bool caughtUp(const ui::Page &page) {
    return QTest::qWaitFor([&page] { return !page.loading(); }, 10000);
}

} // namespace

// What a user does on the Pipeline page beyond moving cards: open a lead from a card or a
// follow-up, reschedule a follow-up, and win a deal with its value and date.
class TestPipelineFlow final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

    qint64 addLead(const QString &company, Stage stage, std::optional<Money> deal = {}) {
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("佐藤");
        l.givenName = QStringLiteral("花子");
        l.source = QStringLiteral("SEO");
        l.stage = stage;
        l.furthestStage = stage;
        l.dealValue = deal;
        l.createdAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0), kJst);
        l.updatedAt = l.createdAt;
        auto id = LeadRepository(*m_db).insert(l, QStringLiteral("import"));
        return id ? *id : -1;
    }

    static void drop(PipelineModel *from, int row, PipelineModel *to) {
        std::unique_ptr<QMimeData> mime(from->mimeData({from->index(row)}));
        to->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {});
    }

    static int rowOf(PipelineModel *m, qint64 id) {
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->leadId(r) == id)
                return r;
        }
        return -1;
    }

private slots:
    // The two dialogs and the menus, in both languages, when MIKOMI_SHOTS names a folder.
    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("MIKOMI_SHOTS is not set");
        QDir().mkpath(dir);
        const qint64 a = addLead(QStringLiteral("株式会社湊印刷"), Stage::Opportunity, 1200000);
        QVERIFY(FollowUpRepository(*m_db).createForLead(a));
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            LanguageManager language;
            QVERIFY(language.apply(lang));
            ui::WonDialog won(QStringLiteral("佐藤 花子（株式会社湊印刷）"), 1200000,
                              Currency::JPY);
            won.show();
            QVERIFY(won.grab().save(QDir(dir).filePath(QStringLiteral("won_%1.png").arg(lang))));
            won.valueEdit()->setText(QStringLiteral("1.2.3"));
            won.adjustSize();
            QVERIFY(
                won.grab().save(QDir(dir).filePath(QStringLiteral("won_bad_%1.png").arg(lang))));
            ui::RescheduleDialog later(QDateTime(QDate(2026, 12, 24), QTime(15, 30)));
            later.show();
            QVERIFY(later.grab().save(
                QDir(dir).filePath(QStringLiteral("reschedule_%1.png").arg(lang))));
        }
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // currency and name: test settings
    }

    void init() {
        m_db.reset();
        auto db = Database::open(m_dir.filePath(QStringLiteral("f%1.mikomi").arg(++m_n)));
        QVERIFY(db);
        m_db = std::move(db).value();
    }

    void dropOnCustomerAsksForDealValueAndWonDate() {
        const qint64 a = addLead(QStringLiteral("湊印刷"), Stage::Opportunity, 100000);
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.show(); // a hidden page reads its data when it is first shown
        QVERIFY(caughtUp(page));
        PipelineModel *opportunity = page.columnModel(PipelineColumn::Opportunity);
        PipelineModel *customer = page.columnModel(PipelineColumn::Customer);
        LeadRepository repo(*m_db);

        // Cancel: nothing moves, nothing to undo.
        onNextDialog<ui::WonDialog>([](ui::WonDialog *d) { d->reject(); });
        drop(opportunity, rowOf(opportunity, a), customer);
        QCOMPARE(repo.get(a)->stage, Stage::Opportunity);
        QCOMPARE(undo.count(), 0);

        // The value is prefilled with the current one; not an amount keeps OK disabled.
        QString prefilled;
        bool okWhenBad = true;
        const QDate today = QDate::currentDate();
        QDate proposed;
        onNextDialog<ui::WonDialog>([&](ui::WonDialog *d) {
            prefilled = d->valueEdit()->text();
            proposed = d->dateEdit()->date();
            d->valueEdit()->setText(QStringLiteral("abc"));
            okWhenBad =
                d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
            d->valueEdit()->setText(QStringLiteral("¥1,500,000"));
            d->dateEdit()->setDate(QDate(2026, 11, 20));
            d->accept();
        });
        drop(opportunity, rowOf(opportunity, a), customer);
        QCOMPARE(prefilled, QStringLiteral("¥100,000"));
        QCOMPARE(proposed, today);
        QVERIFY(!okWhenBad);
        auto won = repo.get(a);
        QCOMPARE(won->stage, Stage::Customer);
        QCOMPARE(won->dealValue, std::optional<Money>(1500000));
        QCOMPARE(won->wonAt, std::optional<QDate>(QDate(2026, 11, 20)));
        QCOMPARE(undo.count(), 1);
        QVERIFY(caughtUp(page));
        QCOMPARE(customer->totals().value, 1500000);

        // One undo step puts stage, value and date back.
        undo.undo();
        auto back = repo.get(a);
        QCOMPARE(back->stage, Stage::Opportunity);
        QCOMPARE(back->dealValue, std::optional<Money>(100000));
        QVERIFY(!back->wonAt);
        QVERIFY(caughtUp(page));
        QCOMPARE(opportunity->totals().value, 100000);
        undo.redo();
        QCOMPARE(repo.get(a)->dealValue, std::optional<Money>(1500000));
        QCOMPARE(repo.get(a)->wonAt, std::optional<QDate>(QDate(2026, 11, 20)));
    }

    // Every way to make a lead a customer asks for the deal: the Leads page's Change stage
    // menu and the editor's stage buttons, as the Pipeline's drop does.
    void leadsMenuAndEditorAskForTheDealToo() {
        const qint64 a = addLead(QStringLiteral("湊印刷"), Stage::Opportunity, 100000);
        const qint64 b = addLead(QStringLiteral("白浜製作所"), Stage::Sql, 50000);
        LeadRepository repo(*m_db);
        QUndoStack undo;
        ui::LeadsPage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.resize(1100, 700);
        page.show();
        QTableView *table = page.view();
        int row = -1;
        for (int r = 0; r < page.model()->rowCount(); ++r) {
            if (page.model()->leadId(r) == a)
                row = r;
        }
        QVERIFY(row >= 0);
        table->selectRow(row);

        // Cancel: nothing changes.
        onMenuPath({ui::LeadsPage::tr("Change stage"), stageLabel(Stage::Customer)});
        onNextDialog<ui::WonDialog>([](ui::WonDialog *d) { d->reject(); });
        emit table->customContextMenuRequested(
            table->visualRect(page.model()->index(row, 0)).center());
        QCOMPARE(repo.get(a)->stage, Stage::Opportunity);
        QCOMPARE(undo.count(), 0);

        bool asked = false;
        onMenuPath({ui::LeadsPage::tr("Change stage"), stageLabel(Stage::Customer)});
        onNextDialog<ui::WonDialog>([&](ui::WonDialog *d) {
            asked = true;
            d->valueEdit()->setText(QStringLiteral("2,400,000"));
            d->dateEdit()->setDate(QDate(2026, 11, 21));
            d->accept();
        });
        emit table->customContextMenuRequested(
            table->visualRect(page.model()->index(row, 0)).center());
        QVERIFY(asked);
        auto won = repo.get(a);
        QCOMPARE(won->stage, Stage::Customer);
        QCOMPARE(won->dealValue, std::optional<Money>(2400000));
        QCOMPARE(won->wonAt, std::optional<QDate>(QDate(2026, 11, 21)));
        undo.undo();
        QCOMPARE(repo.get(a)->stage, Stage::Opportunity);
        QCOMPARE(repo.get(a)->dealValue, std::optional<Money>(100000));

        // The editor's "Move" with Customer chosen.
        ui::LeadEditor editor(*m_db, *repo.get(b), &undo);
        auto *stage = editor.findChild<QComboBox *>(QStringLiteral("stage"));
        auto *move = editor.findChild<QPushButton *>(QStringLiteral("moveStage"));
        QVERIFY(stage && move);
        stage->setCurrentIndex(stage->findData(int(Stage::Customer)));
        asked = false;
        onNextDialog<ui::WonDialog>([&](ui::WonDialog *d) {
            asked = true;
            d->valueEdit()->setText(QStringLiteral("75000"));
            d->dateEdit()->setDate(QDate(2026, 11, 22));
            d->accept();
        });
        move->click();
        QVERIFY(asked);
        QCOMPARE(repo.get(b)->stage, Stage::Customer);
        QCOMPARE(repo.get(b)->dealValue, std::optional<Money>(75000));
        QCOMPARE(repo.get(b)->wonAt, std::optional<QDate>(QDate(2026, 11, 22)));
    }

    void cardsAndFollowUpsOpenTheLead() {
        const qint64 a = addLead(QStringLiteral("湊印刷"), Stage::Mql);
        FollowUpRepository tasks(*m_db);
        QVERIFY(tasks.createForLead(a));
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(caughtUp(page));
        QSignalSpy open(&page, &ui::Page::leadOpenRequested);

        // Double-click on a card.
        QListView *mql = page.columnView(PipelineColumn::Mql);
        const QRect card = mql->visualRect(mql->model()->index(0, 0));
        QVERIFY(card.isValid());
        QTest::mouseClick(mql->viewport(), Qt::LeftButton, {}, card.center());
        QTest::mouseDClick(mql->viewport(), Qt::LeftButton, {}, card.center());
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.takeFirst().at(0).toLongLong(), a);

        // "Open…" from the card's menu, its first entry.
        QStringList entries;
        onNextMenu(ui::PipelinePage::tr("Open…"), &entries, QStringLiteral("menu_card"));
        emit mql->customContextMenuRequested(card.center());
        QCOMPARE(entries.value(0), ui::PipelinePage::tr("Open…"));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.takeFirst().at(0).toLongLong(), a);

        // A follow-up row: double-click and its menu.
        page.tabs()->setCurrentIndex(1);
        QTableView *table = page.followUpTable();
        QCOMPARE(table->model()->rowCount(), 1);
        const QRect row = table->visualRect(table->model()->index(0, FollowUpModel::Company));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.takeFirst().at(0).toLongLong(), a);
        onNextMenu(ui::PipelinePage::tr("Open lead…"));
        emit table->customContextMenuRequested(row.center());
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.takeFirst().at(0).toLongLong(), a);
    }

    void aFollowUpIsRescheduledUndoably() {
        const qint64 a = addLead(QStringLiteral("湊印刷"), Stage::Inquiry);
        FollowUpRepository tasks(*m_db);
        const qint64 task = tasks.createForLead(a).value();
        const QDateTime due = tasks.open(QString(), 10)->first().dueAt;
        QUndoStack undo;
        ui::PipelinePage page;
        page.setUndoStack(&undo);
        page.setDatabase(m_db.get());
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(caughtUp(page));
        page.tabs()->setCurrentIndex(1);
        QTableView *table = page.followUpTable();
        const QRect row = table->visualRect(table->model()->index(0, FollowUpModel::Company));

        // Context menu > Reschedule…: a date and time picker starting at the current due time.
        const QDateTime later(QDate(2026, 12, 24), QTime(15, 30));
        QDateTime shown;
        onNextMenu(ui::PipelinePage::tr("Reschedule…"), nullptr, QStringLiteral("menu_followup"));
        onNextDialog<ui::RescheduleDialog>([&](ui::RescheduleDialog *d) {
            shown = d->edit()->dateTime();
            d->edit()->setDateTime(later);
            d->accept();
        });
        emit table->customContextMenuRequested(row.center());
        QCOMPARE(shown.toSecsSinceEpoch(), due.toSecsSinceEpoch());
        QCOMPARE(tasks.open(QString(), 10)->first().dueAt.toSecsSinceEpoch(),
                 later.toSecsSinceEpoch());
        QVERIFY(caughtUp(page));
        QCOMPARE(page.followUpModel()->dueAt(0).toSecsSinceEpoch(), later.toSecsSinceEpoch());
        QCOMPARE(undo.count(), 1);
        undo.undo();
        QCOMPARE(tasks.open(QString(), 10)->first().dueAt.toSecsSinceEpoch(),
                 due.toSecsSinceEpoch());
        undo.redo();
        QCOMPARE(tasks.open(QString(), 10)->first().dueAt.toSecsSinceEpoch(),
                 later.toSecsSinceEpoch());

        // A done follow-up cannot be rescheduled: a message, nothing changes.
        QVERIFY(tasks.complete(task, ActivityKind::Call, QStringLiteral("佐藤"),
                               QDateTime::currentDateTime()));
        auto r = tasks.reschedule(task, due);
        QVERIFY(!r);
        QVERIFY(!r.error().isEmpty());
    }
};

QTEST_MAIN(TestPipelineFlow)
#include "tst_pipelineflow.moc"
