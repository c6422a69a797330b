// The Dashboard, Budget and Planner pages on the small hand-made database: what they show, a
// tier move recomputed at once, and screenshots in Japanese and English ($MIKOMI_SHOTS).
#include "reportdb.h"

#include "models/domain/money.h"
#include "models/language.h"
#include "models/sourcereportmodel.h"
#include "models/storage/repositories.h"
#include "ui/budgetpage.h"
#include "ui/chartpanel.h"
#include "ui/dashboardpage.h"
#include "ui/plannerpage.h"
#include "ui/reportactions.h"
#include "ui/reportdialog.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSet>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace mikomi;

class TstReportPages final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("report.db"));
        reportdb::create(m_path);
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        m_db = std::move(db).value();
        m_shots = qEnvironmentVariable("MIKOMI_SHOTS"); // screenshots only when asked for
        if (!m_shots.isEmpty())
            QVERIFY(QDir().mkpath(m_shots));
    }

    void dashboard() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *table = page.findChild<QTableView *>(QStringLiteral("sourceReportTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 3); // all dates: 展示会, Google Ads, unknown
        const QString summary =
            page.findChild<QLabel *>(QStringLiteral("dashboardSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("7")), qPrintable(summary));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("dashboardWarnings"))->text().isEmpty());
        const auto charts = page.findChildren<ui::ChartPanel *>();
        QCOMPARE(charts.size(), 6); // + leads per month by category
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        const QString pdf = m_dir.filePath(QStringLiteral("chart.pdf"));
        QVERIFY(charts.first()->exportPng(png));
        QVERIFY(charts.first()->exportPdf(pdf));
        QVERIFY(QFileInfo(png).size() > 1000);
        QVERIFY(QFileInfo(pdf).size() > 1000);
        // The page's "Export PDF report…" opens the report's dialog with the page's window and
        // model; the report module writes it.
        page.setPeriod(analytics::Period::LastYear);
        const ui::report::ReportDialog dialog(page.reportChoice());
        QCOMPARE(dialog.window().from, page.window().from);
        QCOMPARE(dialog.window().to, page.window().to);
        const QString report = m_dir.filePath(QStringLiteral("dashboard.pdf"));
        QVERIFY(ui::report::writeReport(*m_db, dialog.request(), report));
        QVERIFY(QFileInfo(report).size() > 10000);
        page.setPeriod(analytics::Period::All);
        shots(&page, QStringLiteral("dashboard"));
    }

    // The window and the command line call the same functions; this checks that they also show
    // the same numbers for one database: every source row of the Dashboard's table (all dates,
    // first-touch attribution, as `report sources` by default) against the CLI's JSON.
    void dashboardEqualsReportCommand() {
        const QString demo = m_dir.filePath(QStringLiteral("same.mikomi"));
        QProcess make;
        make.start(QStringLiteral(MIKOMI_EXE),
                   {QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("1500"),
                    QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("--db"), demo});
        QVERIFY(make.waitForFinished(120000));
        QCOMPARE(make.exitCode(), 0);
        QProcess report;
        report.start(QStringLiteral(MIKOMI_EXE),
                     {QStringLiteral("report"), QStringLiteral("sources"),
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--db"),
                      demo});
        QVERIFY(report.waitForFinished(120000));
        QCOMPARE(report.exitCode(), 0);
        const QJsonArray rows =
            QJsonDocument::fromJson(report.readAllStandardOutput()).object()[u"sources"].toArray();
        QVERIFY(rows.size() >= 6);

        auto db = storage::Database::open(demo);
        QVERIFY(db);
        ui::DashboardPage page;
        page.setDatabase(db->get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *table = page.findChild<QTableView *>(QStringLiteral("sourceReportTable"));
        QVERIFY(table);
        QAbstractItemModel *m = table->model();
        QTRY_COMPARE(m->rowCount(), int(rows.size()));
        const auto cell = [m](int row, int column) {
            return m->index(row, column).data(SourceReportModel::SortRole);
        };
        QSet<QString> names;
        for (const QJsonValue &v : rows)
            names.insert(v.toObject()[u"source"].toString());
        int matched = 0;
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            const QString name = o[u"source"].toString();
            int row = -1;
            for (int r = 0; r < m->rowCount(); ++r) {
                // The Unknown row is named in the window's language ("unknown" in the JSON):
                // it is the one row whose name the command does not print.
                const QString shown = cell(r, SourceReportModel::Name).toString();
                if (shown == name || (name == QLatin1String("unknown") && !names.contains(shown)))
                    row = r;
            }
            QVERIFY2(row >= 0, qPrintable(name));
            QCOMPARE(cell(row, SourceReportModel::Leads).toInt(), o[u"leads"].toInt());
            QCOMPARE(cell(row, SourceReportModel::Mql).toInt(), o[u"mql"].toInt());
            QCOMPARE(cell(row, SourceReportModel::Sql).toInt(), o[u"sql"].toInt());
            QCOMPARE(cell(row, SourceReportModel::Opportunity).toInt(), o[u"opportunity"].toInt());
            QCOMPARE(cell(row, SourceReportModel::Customer).toDouble(), o[u"customer"].toDouble());
            QCOMPARE(cell(row, SourceReportModel::Spend).toLongLong(), o[u"spend"].toInteger());
            QCOMPARE(cell(row, SourceReportModel::Revenue).toLongLong(), o[u"revenue"].toInteger());
            ++matched;
        }
        QCOMPARE(matched, int(rows.size()));
    }

    void budget() {
        ui::BudgetPage page;
        page.setDatabase(m_db.get());
        page.resize(1000, 700);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *table = page.findChild<QTableView *>(QStringLiteral("budgetAllocations"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("展示会"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), formatMoney(700000, Currency::JPY));
        shots(&page, QStringLiteral("budget"));
    }

    void planner() {
        ui::PlannerPage page;
        page.setDatabase(m_db.get());
        page.resize(1000, 700);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *table = page.findChild<QTableView *>(QStringLiteral("plannerStages"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 5);
        // The reference dates are shown whole, not cut under the calendar button (the
        // manager's walk at 1024 × 700 found "2025-12-0").
        const auto dates = page.findChildren<QDateEdit *>();
        QCOMPARE(dates.size(), 2);
        for (QDateEdit *e : dates) {
            // The text, the frame and the calendar button's room (the style's own width for
            // the button: a combo box arrow).
            QStyleOptionComboBox option;
            option.initFrom(e);
            const int button =
                e->style()
                    ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxArrow, e)
                    .width();
            const int needed = e->fontMetrics().horizontalAdvance(e->text()) + button + 12;
            QVERIFY2(e->width() >= needed, qPrintable(QStringLiteral("%1 px for \"%2\", %3 needed")
                                                          .arg(e->width())
                                                          .arg(e->text())
                                                          .arg(needed)));
        }
        shots(&page, QStringLiteral("planner"));
    }

private:
    void shots(QWidget *w, const QString &name) {
        if (m_shots.isEmpty())
            return;
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            LanguageManager language;
            language.apply(lang);
            QCoreApplication::processEvents();
            QVERIFY(w->grab().save(
                QDir(m_shots).filePath(QStringLiteral("%1_%2.png").arg(name, lang))));
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    QString m_shots;
    std::unique_ptr<storage::Database> m_db;
};

QTEST_MAIN(TstReportPages)
#include "tst_reportpages.moc"
