// The Budget page's Spend and Campaigns tabs and its tier chart, on the small hand-made database
// (reportdb.h): the grid shows the stored spend, edits and pastes write the database as one
// undo step each, a bad paste writes nothing and names the cell, campaigns are added, edited
// and deleted undoably, and the chart shows the tier model's shares. Screenshots of the three
// tabs in Japanese and English go to $MIKOMI_SHOTS when it is set.
#include "reportdb.h"

#include "models/budgetmodel.h"
#include "models/campaignmodel.h"
#include "models/language.h"
#include "models/spendgridmodel.h"
#include "models/storage/repositories.h"
#include "models/storage/spendstore.h"
#include "ui/budgetpage.h"
#include "ui/campaigndialog.h"
#include "ui/chartpanel.h"
#include "ui/spendgridview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QDir>
#include <QFontMetrics>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace mikomi;

namespace {

const QString kExpo = QStringLiteral("展示会");
const QString kGoogle = QStringLiteral("Google Ads");
const QString kLinkedIn = QStringLiteral("LinkedIn Ads");
constexpr Money kNone = -1;

} // namespace

class TstSpendGrid final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // Screenshots only when asked for: MIKOMI_SHOTS=DIR.
        m_shots = qEnvironmentVariable("MIKOMI_SHOTS");
        if (!m_shots.isEmpty())
            QVERIFY(QDir().mkpath(m_shots));
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const QString path = m_dir->filePath(QStringLiteral("spend.db"));
        reportdb::create(path);
        auto db = storage::Database::open(path);
        QVERIFY(db);
        m_db = std::move(db).value();
    }

    void cleanup() {
        m_db.reset();
        m_dir.reset();
    }

    void gridShowsStoredSpend() {
        SpendGridModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db.get());
        QVERIFY(model.setFirstMonth(analytics::monthNumber(2026, 1)));
        QVERIFY(model.reload());
        QCOMPARE(model.sourceCount(), 3);
        QCOMPARE(model.rowCount(), 4); // + Total
        QCOMPARE(model.columnCount(), 15);
        // Grouped by category: paid (Google Ads, LinkedIn Ads), then event (展示会).
        QCOMPARE(model.index(0, SpendGridModel::Source).data().toString(), kGoogle);
        QCOMPARE(model.index(1, SpendGridModel::Source).data().toString(), kLinkedIn);
        QCOMPARE(model.index(2, SpendGridModel::Source).data().toString(), kExpo);
        const int jan = SpendGridModel::FirstMonth;
        QCOMPARE(model.index(2, jan).data(SpendGridModel::AmountRole).toLongLong(),
                 qlonglong(200000));
        QCOMPARE(model.index(2, jan + 1).data(SpendGridModel::AmountRole).toLongLong(),
                 qlonglong(100000));
        QCOMPARE(model.index(2, jan).data().toString(), QStringLiteral("200,000"));
        QVERIFY(model.index(1, jan).data(SpendGridModel::AmountRole).isNull());
        QCOMPARE(model.index(1, jan).data().toString(), QString());
        // 2025-12 (999) is outside the twelve months: row total 300,000.
        QCOMPARE(model.index(2, SpendGridModel::TotalColumn)
                     .data(SpendGridModel::AmountRole)
                     .toLongLong(),
                 qlonglong(300000));
        QCOMPARE(model.index(3, jan).data(SpendGridModel::AmountRole).toLongLong(),
                 qlonglong(250000));
        QCOMPARE(model.index(3, SpendGridModel::TotalColumn)
                     .data(SpendGridModel::AmountRole)
                     .toLongLong(),
                 qlonglong(350000));
        QCOMPARE(model.index(3, SpendGridModel::Source).data().toString(), QStringLiteral("Total"));
        QCOMPARE(model.index(0, jan + 2).data(SpendGridModel::MonthRole).toString(),
                 QStringLiteral("2026-03"));
        QCOMPARE(model.headerData(jan, Qt::Horizontal).toString(), QStringLiteral("Jan\n2026"));
        QVERIFY(model.flags(model.index(0, jan)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(3, jan)) & Qt::ItemIsEditable));
        QVERIFY(!(model.flags(model.index(0, SpendGridModel::TotalColumn)) & Qt::ItemIsEditable));

        // The previous twelve months hold only the 999 of 2025-12.
        QVERIFY(model.setFirstMonth(analytics::monthNumber(2025, 1)));
        QCOMPARE(model.index(2, jan + 11).data(SpendGridModel::AmountRole).toLongLong(),
                 qlonglong(999));
        QCOMPARE(model.index(3, SpendGridModel::TotalColumn)
                     .data(SpendGridModel::AmountRole)
                     .toLongLong(),
                 qlonglong(999));

        // Sorting by the total keeps the Total row last.
        QVERIFY(model.setFirstMonth(analytics::monthNumber(2026, 1)));
        model.sort(SpendGridModel::TotalColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, SpendGridModel::Source).data().toString(), kExpo);
        QCOMPARE(model.index(3, SpendGridModel::Source).data().toString(), QStringLiteral("Total"));
    }

    // Moving to other months reads the spend again; a failed read is reported (the budget page
    // shows it), not dropped with an empty grid.
    void firstMonthReportsAFailedRead() {
        SpendGridModel model;
        model.setDatabase(m_db.get());
        QVERIFY(model.setFirstMonth(analytics::monthNumber(2026, 1)));
        QVERIFY(model.reload());
        QCOMPARE(model.sourceCount(), 3);
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE spend RENAME TO spend_away")));
        const Status s = model.setFirstMonth(analytics::monthNumber(2025, 1));
        QVERIFY(!s.ok());
        QVERIFY(!s.error().isEmpty());
        QCOMPARE(model.sourceCount(), 0);
    }

    void parseAmounts() {
        SpendGridModel model;
        const QString cell = QStringLiteral("X");
        const auto value = [&](const QString &text) {
            auto r = model.parseAmountText(text, cell);
            return r ? r->value_or(-1) : Money(-2);
        };
        QCOMPARE(value(QStringLiteral("¥1,200")), Money(1200));
        QCOMPARE(value(QStringLiteral("３００")), Money(300));
        QCOMPARE(value(QStringLiteral("￥１，５００円")), Money(1500));
        QCOMPARE(value(QStringLiteral(" 7 ")), Money(7));
        QCOMPARE(value(QString()), Money(-1));              // empty: no spend
        QCOMPARE(value(QStringLiteral("12.5")), Money(-2)); // yen has no decimals
        QCOMPARE(value(QStringLiteral("abc")), Money(-2));
        QCOMPARE(value(QStringLiteral("-5")), Money(-2));
        QCOMPARE(value(QStringLiteral("▲5")), Money(-2));
        QVERIFY(model.parseAmountText(QStringLiteral("-5"), cell)
                    .error()
                    .contains(QStringLiteral("negative")));
        // The parser of every amount (review F5): no foreign sign dropped, no "1.000" guessed.
        QCOMPARE(value(QStringLiteral("$1,000")), Money(-2));
        QVERIFY(model.parseAmountText(QStringLiteral("$1,000"), cell)
                    .error()
                    .contains(QStringLiteral("another currency")));
        QVERIFY(model.parseAmountText(QStringLiteral("1.000"), cell)
                    .error()
                    .contains(QStringLiteral("ambiguous")));
        QCOMPARE(value(QStringLiteral("(5)")), Money(-2));
        model.setCurrency(Currency::USD);
        QCOMPARE(value(QStringLiteral("$1,234.5")), Money(123450));
        QCOMPARE(value(QStringLiteral("＄12")), Money(1200));
        QCOMPARE(value(QStringLiteral("1.234")), Money(-2));
    }

    void editUndoRedo() {
        QUndoStack stack;
        ui::BudgetPage page;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        page.showTab(ui::BudgetPage::SpendTab);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *grid = page.findChild<ui::SpendGridView *>(QStringLiteral("spendGrid"));
        QVERIFY(grid);
        auto *model = qobject_cast<SpendGridModel *>(grid->model());
        QVERIFY(model);
        const int row = rowOf(*model, kLinkedIn);
        const QModelIndex mar = model->index(row, SpendGridModel::FirstMonth + 2);
        QVERIFY(model->setData(mar, QStringLiteral("12,345")));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), Money(12345));
        QCOMPARE(mar.data(SpendGridModel::AmountRole).toLongLong(), qlonglong(12345));
        // A second edit of the same cell, then undo twice.
        QVERIFY(model->setData(mar, QStringLiteral("20000")));
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), Money(20000));
        stack.undo();
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), Money(12345));
        stack.undo();
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), kNone);
        QVERIFY(mar.data(SpendGridModel::AmountRole).isNull());
        stack.redo();
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), Money(12345));
        QCOMPARE(model->index(model->totalRow(), SpendGridModel::FirstMonth + 2)
                     .data(SpendGridModel::AmountRole)
                     .toLongLong(),
                 qlonglong(12345));
        // A typed value that is not money is refused with the reason, and nothing is written.
        QVERIFY(!model->setData(mar, QStringLiteral("twelve")));
        QCOMPARE(stack.count(), 2);
        const QString message = page.findChild<QLabel *>(QStringLiteral("spendMessage"))->text();
        QVERIFY2(message.contains(QStringLiteral("twelve")) && message.contains(kLinkedIn),
                 qPrintable(message));
        // Clearing a cell (Delete) is a step too.
        QTest::keyClick(grid, Qt::Key_Escape);
        grid->setCurrentIndex(mar);
        grid->selectionModel()->select(mar, QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(grid, Qt::Key_Delete);
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), kNone);
        stack.undo();
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), Money(12345));
    }

    void pasteBlockIsOneStep() {
        QUndoStack stack;
        ui::BudgetPage page;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        page.showTab(ui::BudgetPage::SpendTab);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *grid = page.findChild<ui::SpendGridView *>(QStringLiteral("spendGrid"));
        auto *model = qobject_cast<SpendGridModel *>(grid->model());
        const int google = rowOf(*model, kGoogle);
        QCOMPARE(rowOf(*model, kLinkedIn), google + 1);
        grid->setCurrentIndex(model->index(google, SpendGridModel::FirstMonth + 1)); // Feb
        // 2 rows × 3 columns, as a spreadsheet copies them (CRLF, trailing newline).
        QGuiApplication::clipboard()->setText(
            QStringLiteral("¥1,200\t３００\t\"7\"\r\n45\t\t1,000円\r\n"));
        QTest::keySequence(grid, QKeySequence::Paste);
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stored(kGoogle, QStringLiteral("2026-02")), Money(1200));
        QCOMPARE(stored(kGoogle, QStringLiteral("2026-03")), Money(300));
        QCOMPARE(stored(kGoogle, QStringLiteral("2026-04")), Money(7));
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-02")), Money(45));
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-03")), kNone);
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-04")), Money(1000));
        QCOMPARE(stored(kGoogle, QStringLiteral("2026-01")), Money(50000));
        QCOMPARE(model->index(google, SpendGridModel::TotalColumn)
                     .data(SpendGridModel::AmountRole)
                     .toLongLong(),
                 qlonglong(50000 + 1200 + 300 + 7));
        // One undo takes the whole paste back.
        stack.undo();
        for (const QString &month :
             {QStringLiteral("2026-02"), QStringLiteral("2026-03"), QStringLiteral("2026-04")}) {
            QCOMPARE(stored(kGoogle, month), kNone);
            QCOMPARE(stored(kLinkedIn, month), kNone);
        }
        QCOMPARE(stored(kGoogle, QStringLiteral("2026-01")), Money(50000));
        stack.redo();
        QCOMPARE(stored(kLinkedIn, QStringLiteral("2026-04")), Money(1000));

        // Ctrl+C gives the selection back as TSV (plain numbers).
        grid->selectionModel()->select(
            QItemSelection(model->index(google, SpendGridModel::FirstMonth),
                           model->index(google + 1, SpendGridModel::FirstMonth + 2)),
            QItemSelectionModel::ClearAndSelect);
        QTest::keySequence(grid, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("50000\t1200\t300\n\t45\t\n"));
    }

    void badPasteAppliesNothing() {
        QUndoStack stack;
        ui::BudgetPage page;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        page.showTab(ui::BudgetPage::SpendTab);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *grid = page.findChild<ui::SpendGridView *>(QStringLiteral("spendGrid"));
        auto *model = qobject_cast<SpendGridModel *>(grid->model());
        auto *message = page.findChild<QLabel *>(QStringLiteral("spendMessage"));
        const int google = rowOf(*model, kGoogle);
        const auto before = m_repoSpend();
        grid->setCurrentIndex(model->index(google, SpendGridModel::FirstMonth));
        // The bad cell is the last one: the good cells before it must not be written either.
        QVERIFY(!page.pasteSpend(QStringLiteral("1\t2\n3\tn/a\n")));
        QCOMPARE(stack.count(), 0);
        QCOMPARE(m_repoSpend(), before);
        QVERIFY2(message->text().contains(QStringLiteral("n/a")) &&
                     message->text().contains(kLinkedIn) &&
                     message->text().contains(QStringLiteral("Feb 2026")) &&
                     message->text().contains(QStringLiteral("Nothing was pasted")),
                 qPrintable(message->text()));
        QVERIFY(!page.pasteSpend(QStringLiteral("100\t-5\n")));
        QVERIFY2(message->text().contains(QStringLiteral("negative")), qPrintable(message->text()));
        // A block that runs past December does not fit.
        grid->setCurrentIndex(model->index(google, SpendGridModel::FirstMonth + 11));
        QVERIFY(!page.pasteSpend(QStringLiteral("1\t2\n")));
        QVERIFY2(message->text().contains(QStringLiteral("column 2")), qPrintable(message->text()));
        QCOMPARE(stack.count(), 0);
        QCOMPARE(m_repoSpend(), before);
    }

    void campaigns() {
        QUndoStack stack;
        ui::BudgetPage page;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        page.showTab(ui::BudgetPage::CampaignsTab);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *table = page.findChild<QTableView *>(QStringLiteral("campaignTable"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 0);
        storage::CampaignStore store(*m_db);

        Campaign c;
        c.name = QStringLiteral("東京ビッグサイト展示会");
        c.source = kExpo;
        c.start = QDate(2026, 4, 1);
        c.end = QDate(2026, 4, 3);
        c.budget = 500000;
        c.actualCost = 620000;
        QVERIFY(page.addCampaign(c));
        QCOMPARE(stack.count(), 1);
        auto list = store.list();
        QVERIFY(list);
        QCOMPARE(int(list->size()), 1);
        const Campaign added = list->first();
        QVERIFY(added.id > 0);
        QCOMPARE(added.source, kExpo);
        QCOMPARE(added.actualCost, Money(620000));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, CampaignModel::Difference).data().toString(),
                 QString(QStringLiteral("+") + formatMoney(120000, Currency::JPY)));
        const QString summary = page.findChild<QLabel *>(QStringLiteral("campaignSummary"))->text();
        QVERIFY2(summary.contains(formatMoney(120000, Currency::JPY)), qPrintable(summary));

        Campaign edited = added;
        edited.actualCost = 450000;
        edited.source = kGoogle;
        QVERIFY(page.editCampaign(added, edited));
        QCOMPARE(store.get(added.id)->actualCost, Money(450000));
        QCOMPARE(store.get(added.id)->source, kGoogle);
        QCOMPARE(table->model()
                     ->index(0, CampaignModel::Difference)
                     .data(CampaignModel::AmountRole)
                     .toLongLong(),
                 qlonglong(-50000));

        QVERIFY(page.deleteCampaign(added.id));
        QCOMPARE(int(store.list()->size()), 0);
        QCOMPARE(table->model()->rowCount(), 0);
        QCOMPARE(stack.count(), 3);

        stack.undo(); // delete: back under the same id, edited values
        QCOMPARE(store.get(added.id)->actualCost, Money(450000));
        stack.undo(); // edit
        QCOMPARE(store.get(added.id)->actualCost, Money(620000));
        QCOMPARE(store.get(added.id)->source, kExpo);
        stack.undo(); // add
        QCOMPARE(int(store.list()->size()), 0);
        stack.redo();
        QCOMPARE(store.get(added.id)->name, c.name);
        QCOMPARE(table->model()->rowCount(), 1);

        // Invalid campaigns are refused with a message, nothing is pushed.
        Campaign bad = c;
        bad.end = QDate(2026, 3, 1);
        QVERIFY(!page.addCampaign(bad));
        QCOMPARE(stack.count(), 1);
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("campaignMessage"))->text().isEmpty());
        Campaign unknownSource = c;
        unknownSource.source = QStringLiteral("No such source");
        QVERIFY(!page.addCampaign(unknownSource));
        QCOMPARE(int(store.list()->size()), 1);
    }

    void campaignDialog() {
        Campaign c;
        c.id = 7;
        c.name = QStringLiteral("Web広告");
        c.source = kGoogle;
        c.budget = 100000;
        ui::CampaignDialog dialog(c, {kExpo, kGoogle, kLinkedIn}, Currency::JPY);
        auto *budget = dialog.findChild<QLineEdit *>(QStringLiteral("campaignBudget"));
        auto *actual = dialog.findChild<QLineEdit *>(QStringLiteral("campaignActual"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("campaignError"));
        QCOMPARE(budget->text(), QStringLiteral("100000"));
        actual->setText(QStringLiteral("12.5")); // yen: no decimals
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!error->text().isEmpty());
        actual->setText(QStringLiteral("１２０，０００"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.campaign().id, qint64(7));
        QCOMPARE(dialog.campaign().actualCost, Money(120000));
        QCOMPARE(dialog.campaign().source, kGoogle);
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            if (m_shots.isEmpty())
                break;
            LanguageManager language;
            language.apply(lang);
            ui::CampaignDialog shown(c, {kExpo, kGoogle}, Currency::JPY);
            shown.show();
            QTest::qWait(20);
            QVERIFY(shown.grab().save(
                QDir(m_shots).filePath(QStringLiteral("campaign_dialog_%1.png").arg(lang))));
        }
        LanguageManager english;
        english.apply(QStringLiteral("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // The plan tab in the page of a 1024 × 700 window (its page is 840 px wide), in both
    // languages, with a budget of eight figures: every figure, name and heading of both
    // tables whole (equal columns cut "¥11,459,…"), the chart's texts whole (the tier names
    // under it were "実証済...").
    void planFitsA1024Window() {
        QUndoStack stack;
        ui::BudgetPage page;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        page.resize(840, 640);
        page.show();
        QTRY_VERIFY(!page.loading());
        auto *total = page.findChild<QLineEdit *>(QStringLiteral("budgetTotal"));
        total->setText(QStringLiteral("12,345,678"));
        emit total->editingFinished();
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            LanguageManager language;
            language.apply(lang);
            QTest::qWait(50); // layouts and the chart settle
            for (const char *name : {"budgetTiers", "budgetAllocations"}) {
                auto *table = page.findChild<QTableView *>(QLatin1String(name));
                QVERIFY(table);
                const QFontMetrics fm(table->font());
                for (int r = 0; r < table->model()->rowCount(); ++r) {
                    for (int c = 0; c < table->model()->columnCount(); ++c) {
                        const QString text = table->model()->index(r, c).data().toString();
                        if (text.isEmpty())
                            continue;
                        QVERIFY2(fm.horizontalAdvance(text) < table->columnWidth(c),
                                 qPrintable(QStringLiteral("%1 %2: %3 needs %4 px of %5")
                                                .arg(lang, QLatin1String(name), text)
                                                .arg(fm.horizontalAdvance(text))
                                                .arg(table->columnWidth(c))));
                    }
                }
                for (int c = 0; c < table->model()->columnCount(); ++c) {
                    const QString head = table->model()->headerData(c, Qt::Horizontal).toString();
                    QVERIFY2(fm.horizontalAdvance(head) < table->columnWidth(c),
                             qPrintable(QStringLiteral("%1 %2: heading %3")
                                            .arg(lang, QLatin1String(name), head)));
                }
                QVERIFY2(table->horizontalScrollBar()->maximum() == 0,
                         qPrintable(QStringLiteral("%1 %2: columns %3 px, table %4 px")
                                        .arg(lang, QLatin1String(name))
                                        .arg(table->horizontalHeader()->length())
                                        .arg(table->viewport()->width())));
            }
            QChart *chart =
                page.findChild<ui::ChartPanel *>(QStringLiteral("budgetTierChart"))->chart();
            for (QGraphicsItem *item : chart->scene()->items()) {
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    QVERIFY2(!text->toPlainText().contains(QStringLiteral("...")) &&
                                 !text->toPlainText().contains(QChar(0x2026)),
                             qPrintable(lang + QStringLiteral(": ") + text->toPlainText()));
            }
            if (!m_shots.isEmpty())
                QVERIFY(page.grab().save(
                    QDir(m_shots).filePath(QStringLiteral("budget_1024_%1.png").arg(lang))));
        }
        LanguageManager english;
        english.apply(QStringLiteral("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void chartFollowsTierModel() {
        QUndoStack stack;
        ui::BudgetPage page;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        page.resize(1200, 760);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *tiers = page.findChild<QTableView *>(QStringLiteral("budgetTiers"))->model();
        auto *panel = page.findChild<ui::ChartPanel *>(QStringLiteral("budgetTierChart"));
        QVERIFY(panel);
        // All dates: core 展示会 300,999, growth Google Ads 50,000, experiment nothing.
        checkChart(panel, *tiers, {300999.0 / 350999 * 100, 50000.0 / 350999 * 100, 0.0});
        QCOMPARE(panel->chart()->title(), QStringLiteral("Spend by tier against 70-20-10"));
        QCOMPARE(panel->chart()->axes(Qt::Vertical).first()->titleText(),
                 QStringLiteral("Share of spend (%)"));
        // A window of 2026-01..03 leaves out the 999 of 2025-12.
        page.findChild<QDateEdit *>(QStringLiteral("budgetFrom"))->setDate(QDate(2026, 1, 1));
        page.findChild<QDateEdit *>(QStringLiteral("budgetTo"))->setDate(QDate(2026, 3, 31));
        page.findChild<QCheckBox *>(QStringLiteral("budgetUseWindow"))->setChecked(true);
        checkChart(panel, *tiers, {300000.0 / 350000 * 100, 50000.0 / 350000 * 100, 0.0});
        // Spend pasted on the Spend tab shows in the plan: LinkedIn Ads (experiment) 2026-03.
        page.showTab(ui::BudgetPage::SpendTab);
        auto *grid = page.findChild<ui::SpendGridView *>(QStringLiteral("spendGrid"));
        auto *model = qobject_cast<SpendGridModel *>(grid->model());
        grid->setCurrentIndex(
            model->index(rowOf(*model, kLinkedIn), SpendGridModel::FirstMonth + 2));
        QVERIFY(page.pasteSpend(QStringLiteral("150000")));
        page.showTab(ui::BudgetPage::PlanTab);
        QTRY_VERIFY(!page.loading()); // the plan reads the facts again
        checkChart(panel, *tiers, {60.0, 10.0, 30.0});
        shots(page, QStringLiteral("plan"));
        page.showTab(ui::BudgetPage::SpendTab);
        shots(page, QStringLiteral("spend"));
        Campaign c;
        c.name = QStringLiteral("東京ビッグサイト展示会 2026");
        c.source = kExpo;
        c.start = QDate(2026, 4, 1);
        c.end = QDate(2026, 4, 3);
        c.budget = 500000;
        c.actualCost = 620000;
        QVERIFY(page.addCampaign(c));
        c.name = QStringLiteral("Google 検索広告 Q2");
        c.source = kGoogle;
        c.budget = 300000;
        c.actualCost = 240000;
        QVERIFY(page.addCampaign(c));
        page.showTab(ui::BudgetPage::CampaignsTab);
        shots(page, QStringLiteral("campaigns"));
    }

private:
    static int rowOf(const SpendGridModel &model, const QString &source) {
        for (int r = 0; r < model.sourceCount(); ++r)
            if (model.index(r, SpendGridModel::Source).data().toString() == source)
                return r;
        return -1;
    }

    // The stored amount, kNone when there is no row.
    Money stored(const QString &source, const QString &month) const {
        storage::LeadRepository repo(*m_db);
        auto rows = repo.spend();
        if (!rows)
            qFatal("spend failed");
        for (const SpendRow &r : *rows)
            if (r.source == source && r.month == month)
                return r.amount;
        return kNone;
    }

    QStringList m_repoSpend() const {
        storage::LeadRepository repo(*m_db);
        QStringList out;
        const QList<SpendRow> rows = repo.spend().value();
        for (const SpendRow &r : rows)
            out << r.source + QLatin1Char('/') + r.month + QLatin1Char('=') +
                       QString::number(r.amount);
        return out;
    }

    static void checkChart(ui::ChartPanel *panel, const QAbstractItemModel &tiers,
                           const QList<double> &expectedActual) {
        QVERIFY(panel->chart());
        const auto series = panel->chart()->series();
        QCOMPARE(int(series.size()), 1);
        auto *bars = qobject_cast<QBarSeries *>(series.first());
        QVERIFY(bars);
        QCOMPARE(int(bars->barSets().size()), 2);
        const QBarSet *target = bars->barSets().at(0);
        const QBarSet *actual = bars->barSets().at(1);
        QCOMPARE(target->count(), 3);
        QCOMPARE(actual->count(), 3);
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(target->at(t), tiers.index(t, BudgetTierModel::TargetShare)
                                            .data(BudgetTierModel::ValueRole)
                                            .toDouble() *
                                        100);
            QCOMPARE(actual->at(t), tiers.index(t, BudgetTierModel::ActualShare)
                                            .data(BudgetTierModel::ValueRole)
                                            .toDouble() *
                                        100);
            QVERIFY2(std::abs(actual->at(t) - expectedActual.at(t)) < 1e-9,
                     qPrintable(QString::number(actual->at(t))));
        }
        QCOMPARE(target->at(0), 70.0);
        QCOMPARE(target->at(1), 20.0);
        QCOMPARE(target->at(2), 10.0);
    }

    void shots(QWidget &w, const QString &name) {
        if (m_shots.isEmpty())
            return;
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            LanguageManager language;
            language.apply(lang);
            QTest::qWait(50); // layouts and the chart settle
            QVERIFY(w.grab().save(
                QDir(m_shots).filePath(QStringLiteral("budget_%1_%2.png").arg(name, lang))));
        }
        LanguageManager english;
        english.apply(QStringLiteral("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    QString m_shots;
};

QTEST_MAIN(TstSpendGrid)
#include "tst_spendgrid.moc"
