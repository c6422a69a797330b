// The Dashboard, Budget and Planner pages on the small hand-made database: what they show, a
// tier move recomputed at once, and screenshots in Japanese and English (/tmp/shots).
#include "reportdb.h"

#include "models/domain/money.h"
#include "models/language.h"
#include "models/storage/repositories.h"
#include "ui/budgetpage.h"
#include "ui/chartpanel.h"
#include "ui/dashboardpage.h"
#include "ui/plannerpage.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
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
        QDir().mkpath(QStringLiteral("/tmp/shots"));
    }

    void dashboard() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
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
        QVERIFY(page.exportPdf(m_dir.filePath(QStringLiteral("dashboard.pdf"))));
        shots(&page, QStringLiteral("dashboard"));
    }

    void budget() {
        ui::BudgetPage page;
        page.setDatabase(m_db.get());
        page.resize(1000, 700);
        page.show();
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
        auto *table = page.findChild<QTableView *>(QStringLiteral("plannerStages"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 5);
        shots(&page, QStringLiteral("planner"));
    }

private:
    void shots(QWidget *w, const QString &name) {
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            LanguageManager language;
            language.apply(lang);
            QCoreApplication::processEvents();
            w->grab().save(QStringLiteral("/tmp/shots/%1_%2.png").arg(name, lang));
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<storage::Database> m_db;
};

QTEST_MAIN(TstReportPages)
#include "tst_reportpages.moc"
