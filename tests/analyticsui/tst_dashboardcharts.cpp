// The Dashboard's leads-per-month-by-category chart, the funnel of a chosen source and the
// source comparison matrix, on the small hand-made database (reportdb.h) and on demo data
// (screenshots in Japanese and English, in $MIKOMI_SHOTS or /tmp/charts-shots).
#include "reportdb.h"

#include "models/analytics/period.h"
#include "models/analytics/stagefunnel.h"
#include "models/language.h"
#include "models/matrixmodel.h"
#include "models/services/demowriter.h"
#include "models/services/reportloader.h"
#include "models/sourcereportmodel.h"
#include "ui/chartbuilder.h"
#include "ui/chartpanel.h"
#include "ui/dashboardpage.h"
#include "ui/matrixview.h"
#include "ui/messagebox.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QMessageBox>
#include <QPieSeries>
#include <QPieSlice>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>

#include <QToolTip>
#include <QtTest>
#include <cmath>

#include <algorithm>

using namespace mikomi;

namespace {

QChart *chartOf(QWidget &page, const char *name) {
    auto *panel = page.findChild<ui::ChartPanel *>(QLatin1String(name));
    return panel ? panel->chart() : nullptr;
}

template <typename S> S *seriesOf(QChart *chart) {
    if (!chart)
        return nullptr;
    for (QAbstractSeries *s : chart->series()) {
        if (auto *typed = qobject_cast<S *>(s))
            return typed;
    }
    return nullptr;
}

QStringList categoriesOf(QChart *chart) {
    for (QAbstractAxis *a : chart->axes(Qt::Horizontal)) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(a))
            return c->categories();
        if (auto *c = qobject_cast<QCategoryAxis *>(a))
            return c->categoriesLabels();
    }
    for (QAbstractAxis *a : chart->axes(Qt::Vertical)) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(a))
            return c->categories();
    }
    return {};
}

// Every text the chart draws as an item (title, axis labels and titles, legend entries, bar
// values) that can be seen: not hidden, not transparent.
QList<QGraphicsTextItem *> visibleTexts(QChart *chart) {
    QList<QGraphicsTextItem *> out;
    for (QGraphicsItem *item : chart->scene()->items()) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (text && text->isVisible() && text->defaultTextColor().alpha() > 0 &&
            !text->toPlainText().isEmpty())
            out << text;
    }
    return out;
}

// Problems of a chart laid out at `size`: an elided text (Qt Charts writes "..." for what
// does not fit: "パートナー...", or a month label reduced to "⋮"), or two upright texts that
// overlap.
QStringList readabilityProblems(QChart *chart, QSize size, const QString &shot) {
    QChartView view(chart);
    view.resize(size);
    view.show();
    QCoreApplication::processEvents();
    if (const QString dir = qEnvironmentVariable("MIKOMI_SHOTS"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        if (!view.grab().save(QDir(dir).filePath(shot + QStringLiteral(".png"))))
            return {QStringLiteral("could not save ") + shot};
    }
    QStringList problems;
    const QList<QGraphicsTextItem *> texts = visibleTexts(chart);
    for (QGraphicsTextItem *t : texts) {
        if (t->toPlainText().contains(QStringLiteral("...")) ||
            t->toPlainText().contains(QChar(0x2026)))
            problems << QStringLiteral("elided: ") + t->toPlainText();
    }
    for (qsizetype i = 0; i < texts.size(); ++i) {
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            // The text's own box (slanted with it), less the item's margin.
            const auto box = [](QGraphicsTextItem *t) {
                return t->sceneTransform().map(QPolygonF(t->boundingRect().adjusted(4, 4, -4, -4)));
            };
            if (box(texts[i]).intersects(box(texts[j])))
                problems << QStringLiteral("overlap: %1 / %2")
                                .arg(texts[i]->toPlainText(), texts[j]->toPlainText());
        }
    }
    view.setChart(new QChart); // the caller owns `chart`
    return problems;
}

QList<double> values(QBarSet *set) {
    QList<double> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

} // namespace

class TstDashboardCharts final : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { m_language.apply(QStringLiteral("en")); }

    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_language.apply(QStringLiteral("en"));
        const QString path = m_dir.filePath(QStringLiteral("report.db"));
        reportdb::create(path);
        auto db = storage::Database::open(path);
        QVERIFY(db);
        m_db = std::move(db).value();
    }

    void monthlyChart() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        QCOMPARE(page.findChildren<ui::ChartPanel *>().size(), 6);
        QChart *chart = chartOf(page, "chartMonthlyByCategory");
        QVERIFY(chart);
        QCOMPARE(chart->title(), QStringLiteral("Leads per month by category"));
        auto *series = seriesOf<QStackedBarSeries>(chart);
        QVERIFY(series);
        // All dates: 2025-12 … 2026-03; series Paid, Events, Unknown (categories with leads).
        // The year on the first month and on January.
        QCOMPARE(categoriesOf(chart),
                 (QStringList{QStringLiteral("Dec 2025"), QStringLiteral("Jan 2026"),
                              QStringLiteral("Feb"), QStringLiteral("Mar")}));
        QCOMPARE(series->count(), 3);
        QCOMPARE(series->barSets().at(0)->label(), categoryLabel(SourceCategory::Paid));
        QCOMPARE(values(series->barSets().at(0)), (QList<double>{0, 1, 0, 1}));
        QCOMPARE(series->barSets().at(1)->label(), categoryLabel(SourceCategory::Event));
        QCOMPARE(values(series->barSets().at(1)), (QList<double>{1, 2, 1, 0}));
        QCOMPARE(values(series->barSets().at(2)), (QList<double>{0, 1, 0, 0}));
        QVERIFY(chart->legend()->isVisible());
        // Hover shows the exact value: 展示会 in January 2026, 2 of the month's 4 leads.
        emit series->barSets().at(1)->hovered(true, 1);
        QCOMPARE(QToolTip::text(), QStringLiteral("Jan 2026, Events: 2 of 4 leads this month"));
        emit series->barSets().at(1)->hovered(false, 1);
        QCOMPARE(chart->axes(Qt::Vertical).size(), 1);
        QVERIFY(!chart->axes(Qt::Vertical).first()->titleText().isEmpty());

        // Every chart exports like the others.
        auto *panel = page.findChild<ui::ChartPanel *>(QStringLiteral("chartMonthlyByCategory"));
        const QString png = m_dir.filePath(QStringLiteral("monthly.png"));
        const QString pdf = m_dir.filePath(QStringLiteral("monthly.pdf"));
        QVERIFY(panel->exportPng(png));
        QVERIFY(panel->exportPdf(pdf));
        QVERIFY(QFileInfo(png).size() > 1000);
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void funnelForChosenSource() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("funnelSource"));
        QVERIFY(combo);
        // All sources + 展示会, Google Ads, Unknown (the report's rows) + the categories with
        // leads (Paid, Events, Unknown).
        QCOMPARE(combo->count(), 7);
        QCOMPARE(combo->itemText(0), QStringLiteral("All sources"));
        const auto funnelValues = [&] {
            // Centred bars: a transparent pad, the stage's bar, a pad.
            // (customers at the bottom: the first bar).
            auto *series = seriesOf<QHorizontalStackedBarSeries>(chartOf(page, "chartFunnel"));
            QList<double> v = series ? values(series->barSets().at(1)) : QList<double>();
            std::reverse(v.begin(), v.end());
            return v;
        };
        QCOMPARE(funnelValues(), (QList<double>{7, 5, 4, 3, 2})); // report totals

        auto *table = page.findChild<QTableView *>(QStringLiteral("sourceReportTable"));
        auto *report = qobject_cast<SourceReportModel *>(
            qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel());
        QVERIFY(report);
        const int google = combo->findText(QStringLiteral("Google Ads"));
        QVERIFY(google > 0);
        combo->setCurrentIndex(google);
        const analytics::SourceRow *row = nullptr;
        for (const auto &r : report->report().sources) {
            if (r.name == QStringLiteral("Google Ads"))
                row = &r;
        }
        QVERIFY(row);
        const QList<double> expected{double(row->funnel.leads), double(row->funnel.mql),
                                     double(row->funnel.sql), double(row->funnel.opportunity),
                                     row->funnel.customer};
        QCOMPARE(funnelValues(), expected);
        QCOMPARE(funnelValues(), (QList<double>{2, 2, 2, 1, 1}));
        QVERIFY(chartOf(page, "chartFunnel")->title().contains(QStringLiteral("Google Ads")));

        // The choice survives a change of attribution model; customers become credit.
        auto *model = page.findChild<QComboBox *>(QStringLiteral("attributionModel"));
        model->setCurrentIndex(int(analytics::Attribution::Linear));
        QCOMPARE(combo->currentText(), QStringLiteral("Google Ads"));
        // B1 (Google Ads 01-05, LinkedIn Ads 01-24) gives 1/2; A1 (展示会, Google Ads) 1/2.
        QCOMPARE(funnelValues().last(), 1.0);
        combo->setCurrentIndex(combo->findText(QStringLiteral("展示会")));
        QCOMPARE(funnelValues(), (QList<double>{4, 3, 2, 2, 0.5}));
        {
            QBarSet *set = seriesOf<QHorizontalStackedBarSeries>(chartOf(page, "chartFunnel"))
                               ->barSets()
                               .at(1);
            emit set->hovered(true, 0); // customers
            const QString tip = QToolTip::text();
            QVERIFY2(tip.startsWith(stageLabel(Stage::Customer) + QStringLiteral(": ") +
                                    QLocale().toString(0.5, 'f', 2)),
                     qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("attribution")), qPrintable(tip));
            emit set->hovered(false, 0);
        }
        combo->setCurrentIndex(combo->findText(QStringLiteral("Unknown")));
        QCOMPARE(funnelValues(), (QList<double>{1, 0, 0, 0, 0}));
        combo->setCurrentIndex(0);
        QCOMPARE(funnelValues(), (QList<double>{7, 5, 4, 3, 2}));
    }

    // The quick windows: the preset's dates on a fixed day reach the table, every chart and the
    // heading.
    void quickWindows() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.setToday(QDate(2026, 3, 15));
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading());
        auto *heading = page.findChild<QLabel *>(QStringLiteral("dashboardHeading"));
        QVERIFY(heading);
        QCOMPARE(heading->text(), QStringLiteral("Dashboard: all dates"));
        auto *table = page.findChild<QTableView *>(QStringLiteral("sourceReportTable"));
        auto *report = qobject_cast<SourceReportModel *>(
            qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel());
        QCOMPARE(report->report().totals.leads, 7);

        page.setPeriod(analytics::Period::ThisQuarter);
        QCOMPARE(heading->text(),
                 QStringLiteral("Dashboard: This quarter (2026/01/01 – 2026/03/31)"));
        QCOMPARE(report->report().window.from, std::optional<QDate>(QDate(2026, 1, 1)));
        QCOMPARE(report->report().window.to, std::optional<QDate>(QDate(2026, 3, 31)));
        QCOMPARE(report->report().totals.leads, 6); // the December lead is out
        QCOMPARE(categoriesOf(chartOf(page, "chartMonthlyByCategory")),
                 (QStringList{QStringLiteral("Jan 2026"), QStringLiteral("Feb"),
                              QStringLiteral("Mar")}));
        auto *funnel = seriesOf<QHorizontalStackedBarSeries>(chartOf(page, "chartFunnel"));
        QVERIFY(funnel);
        QCOMPARE(funnel->barSets().at(1)->at(4), 6.0); // leads, at the top
        qint64 donut = 0;
        for (QPieSlice *slice : seriesOf<QPieSeries>(chartOf(page, "chartShare"))->slices())
            donut += qint64(slice->value());
        QCOMPARE(donut, 6);

        page.setPeriod(analytics::Period::LastMonth); // February: one event lead
        QCOMPARE(report->report().totals.leads, 1);
        QVERIFY(heading->text().contains(QStringLiteral("2026/02/01 – 2026/02/28")));
        // Custom: the dates become editable and apply as typed.
        page.setPeriod(analytics::Period::Custom);
        auto *from = page.findChild<QDateEdit *>(QStringLiteral("periodFrom"));
        auto *to = page.findChild<QDateEdit *>(QStringLiteral("periodTo"));
        QVERIFY(from->isEnabled());
        from->setDate(QDate(2025, 12, 1));
        to->setDate(QDate(2026, 1, 31));
        QCOMPARE(report->report().totals.leads, 5); // December 1 + January 4
        QCOMPARE(heading->text(), QStringLiteral("Dashboard: 2025/12/01 – 2026/01/31"));
        page.setPeriod(analytics::Period::All);
        QVERIFY(!from->isVisible());
        QCOMPARE(report->report().totals.leads, 7);
    }

    // The LTV:CAC chart of a period without customers is no empty frame: its legend says why,
    // as the Budget's chart does for a window without spend; readable in both languages at
    // both panel sizes.
    void ltvCacSaysWhyItIsEmpty() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.setToday(QDate(2026, 3, 15));
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading());
        const auto label = [&page] {
            auto *bars = seriesOf<QHorizontalBarSeries>(chartOf(page, "chartLtvCac"));
            return bars && bars->count() == 1 ? bars->barSets().first()->label() : QString();
        };
        QCOMPARE(label(), QStringLiteral("LTV:CAC")); // all dates: two sources with a ratio
        page.setPeriod(analytics::Period::LastMonth); // February: one lead, no customer
        QCOMPARE(label(), QStringLiteral("LTV:CAC (no customers in the period)"));
        QChart *chart = chartOf(page, "chartLtvCac");
        QStringList legend;
        for (QLegendMarker *m : chart->legend()->markers())
            if (m->isVisible())
                legend << m->label();
        QCOMPARE(legend, QStringList{label()}); // the note alone, no 3:1 line over nothing

        auto facts = services::loadFacts(*m_db);
        QVERIFY(facts);
        analytics::ReportOptions options;
        options.window.from = QDate(2026, 2, 1);
        options.window.to = QDate(2026, 2, 28);
        auto none = analytics::computeSourceReport(*facts, options);
        QVERIFY(none);
        // Customers, but no source with both spend and deal values: said so, not "no customers".
        auto all = analytics::computeSourceReport(*facts, {});
        QVERIFY(all);
        QVERIFY(all->totals.customer > 0);
        for (analytics::SourceRow &r : all->sources)
            r.metrics.ltvCac.reset();
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            m_language.apply(lang);
            for (const auto &[name, report] :
                 {std::pair{"none", &*none}, std::pair{"nospend", &*all}}) {
                QChart *built = ui::charts::ltvCac(*report);
                const QString note = seriesOf<QHorizontalBarSeries>(built)->barSets()[0]->label();
                if (lang == QLatin1String("ja"))
                    QVERIFY2(note.startsWith(QStringLiteral("LTV:CAC（")), qPrintable(note));
                QVERIFY(note != QStringLiteral("LTV:CAC"));
                for (const QSize size : {QSize(540, 440), QSize(370, 400)}) {
                    {
                        // The note is drawn, whole.
                        QChartView view(built);
                        view.resize(size);
                        view.show();
                        QCoreApplication::processEvents();
                        bool shown = false;
                        for (QGraphicsTextItem *t : visibleTexts(built))
                            shown = shown || t->toPlainText() == note;
                        QVERIFY2(shown, qPrintable(QStringLiteral("%1 at %2 px: %3")
                                                       .arg(lang)
                                                       .arg(size.width())
                                                       .arg(note)));
                        view.setChart(new QChart); // the test owns `built`
                    }
                    const QStringList problems =
                        readabilityProblems(built, size,
                                            QStringLiteral("chart_ltv_%1_%2_%3")
                                                .arg(QLatin1String(name), lang)
                                                .arg(size.width()));
                    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
                }
                delete built;
            }
        }
        m_language.apply(QStringLiteral("en"));
    }

    // The manager's walk at 1024 × 700: money axes whose five-digit labels ran together on a
    // 370 px panel ("20,00040,000" in 円, "1,0002,000" in ¥K) now count in 万 / M; a CPL bar is
    // labelled in the axis' own precision ("9,870", not "9,870.2" beside "17,206"); a slice of
    // the share donut under 4% keeps its share in the tooltip (at 3.6% it ran into its
    // neighbours).
    void moneyAxesAndLabelsStayShort() {
        const QLocale ja(QLocale::Japanese, QLocale::Japan);
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(ui::charts::moneyScale(53'714, Currency::JPY, ja).divisor, 1e4);
        QCOMPARE(ui::charts::moneyScale(53'714, Currency::JPY, ja).unit, QStringLiteral("万円"));
        QCOMPARE(ui::charts::moneyScale(9'999, Currency::JPY, ja).divisor, 1.0);
        QCOMPARE(ui::charts::moneyScale(3'662'000, Currency::JPY, en).divisor, 1e6);
        QCOMPARE(ui::charts::moneyScale(3'662'000, Currency::JPY, en).unit, QStringLiteral("¥M"));
        QCOMPARE(ui::charts::moneyScale(53'714, Currency::JPY, en).unit, QStringLiteral("¥K"));
        storage::Database *db = demo();
        QVERIFY(db);
        auto facts = services::loadFacts(*db);
        QVERIFY(facts);
        auto report = analytics::computeSourceReport(*facts, {});
        QVERIFY(report);
        std::unique_ptr<QChart> cost(ui::charts::costPerSource(*report, Currency::JPY));
        int fractional = 0; // CPLs of the report that are not whole yen
        for (const analytics::SourceRow &r : report->sources)
            fractional += r.metrics.cpl && *r.metrics.cpl != std::round(*r.metrics.cpl);
        QVERIFY(fractional > 0);
        for (QAbstractSeries *series : cost->series()) {
            for (QBarSet *set : qobject_cast<QAbstractBarSeries *>(series)->barSets()) {
                double max = 0;
                for (int i = 0; i < set->count(); ++i)
                    max = std::max(max, set->at(i));
                const double step = max < 100 ? 10 : 1;
                for (int i = 0; i < set->count(); ++i)
                    QCOMPARE(std::round(set->at(i) * step) / step, set->at(i));
            }
        }
        std::unique_ptr<QChart> share(ui::charts::shareOfLeads(*report));
        int small = 0;
        for (QPieSlice *slice : qobject_cast<QPieSeries *>(share->series().first())->slices()) {
            const double part = slice->percentage();
            QCOMPARE(slice->isLabelVisible(), part >= 0.04);
            small += part < 0.04;
        }
        QVERIFY(small > 0);
    }

    // Every chart at the size of a dashboard panel in a 1280 × 800 window, in both languages:
    // no label or legend entry elided, no two upright texts on top of each other.
    void readableCharts() {
        storage::Database *db = demo();
        QVERIFY(db);
        auto facts = services::loadFacts(*db);
        QVERIFY(facts);
        auto report = analytics::computeSourceReport(*facts, {});
        QVERIFY(report);
        auto monthly = analytics::computeMonthlyByCategory(*facts, {});
        QVERIFY(monthly);
        QVERIFY(monthly->months.size() >= 12);
        const analytics::FunnelSelection first =
            analytics::FunnelSelection::source(report->sources.at(0).sourceIndex);
        const analytics::FunnelSelection second =
            analytics::FunnelSelection::ofCategory(SourceCategory::Event);
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            m_language.apply(lang);
            const std::vector<std::pair<const char *, QChart *>> built{
                {"leads", ui::charts::leadsAndCustomers(*report)},
                {"cost", ui::charts::costPerSource(*report, Currency::JPY)},
                {"ltv", ui::charts::ltvCac(*report)},
                {"share", ui::charts::shareOfLeads(*report)},
                {"funnel", ui::charts::funnel(*report)},
                {"funnel source", ui::charts::funnel(*report, first)},
                {"funnels", ui::charts::funnelComparison(*report, first, second)},
                {"monthly", ui::charts::leadsPerMonth(*monthly)},
            };
            {
                // Every eighth month or so is labelled, up to the last months (a repeated label
                // would be dropped by the axis: the year is written where it changes).
                auto *x = qobject_cast<QCategoryAxis *>(
                    built.back().second->axes(Qt::Horizontal).first());
                QVERIFY(x);
                const int n = int(monthly->months.size());
                const int step = (n + 7) / 8;
                QCOMPARE(x->count(), (n + step - 1) / step);
                QVERIFY(x->endValue(x->categoriesLabels().last()) >= n - step);
            }
            for (const auto &[name, chart] : built) {
                // A panel of the 1280 × 800 window, and of the 1024 × 700 one.
                for (const QSize size : {QSize(540, 440), QSize(370, 400)}) {
                    if (QLatin1String(name) == QLatin1String("funnels")) {
                        // The step rates of both funnels are on the chart, not only in tooltips:
                        // one text per stage below the leads, with two rates.
                        QChartView view(chart);
                        view.resize(size);
                        view.show();
                        QCoreApplication::processEvents();
                        int withRates = 0;
                        for (QGraphicsTextItem *t : visibleTexts(chart))
                            withRates += t->toPlainText().count(QLatin1Char('%')) == 2 &&
                                                 t->toPlainText().contains(QStringLiteral("↓"))
                                             ? 1
                                             : 0;
                        QCOMPARE(withRates, StageCount - 1);
                        view.setChart(new QChart); // the loop below still uses `chart`
                    }
                    const QStringList problems =
                        readabilityProblems(chart, size,
                                            QStringLiteral("chart_%1_%2_%3")
                                                .arg(QLatin1String(name), lang)
                                                .arg(size.width())
                                                .replace(u' ', u'_'));
                    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 %2 at %3 px: ")
                                                                .arg(lang, QLatin1String(name))
                                                                .arg(size.width()) +
                                                            problems.join(QStringLiteral("; "))));
                }
                delete chart;
            }
        }
        m_language.apply(QStringLiteral("en"));
    }

    // The rates written on the funnel are the report's.
    void funnelRates() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading());
        QChart *chart = chartOf(page, "chartFunnel");
        // 7 → 5 → 4 → 3 → 2: lead → customer 2/7 = 28.6 %.
        QCOMPARE(chart->title(), QStringLiteral("Funnel: All sources (lead → customer 28.6%)"));
        QStringList stages = categoriesOf(chart); // bottom first
        std::reverse(stages.begin(), stages.end());
        QCOMPARE(stages,
                 (QStringList{QStringLiteral("Leads"), QStringLiteral("MQL ↓ 71.4%"),
                              QStringLiteral("SQL ↓ 80.0%"), QStringLiteral("Opportunity ↓ 75.0%"),
                              QStringLiteral("Customer (won) ↓ 66.7%")}));
        // A category, and two funnels side by side.
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("funnelSource"));
        combo->setCurrentIndex(combo->findText(QStringLiteral("Category: Events")));
        QVERIFY(chartOf(page, "chartFunnel")->title().startsWith(QStringLiteral("Funnel: Events")));
        auto *compare = page.findChild<QComboBox *>(QStringLiteral("funnelCompare"));
        QCOMPARE(compare->currentIndex(), 0); // none
        compare->setCurrentIndex(compare->findText(QStringLiteral("Google Ads")));
        auto *both = seriesOf<QHorizontalBarSeries>(chartOf(page, "chartFunnel"));
        QVERIFY(both);
        QCOMPARE(both->count(), 2);
        // Google Ads: 2, 2, 2, 1, 1 → 100, 100, 100, 50, 50 % of its leads.
        QCOMPARE(values(both->barSets().at(1)), (QList<double>{50, 50, 100, 100, 100}));
        QCOMPARE(both->barSets().at(1)->label(), QStringLiteral("Google Ads (2 leads)"));
        // The step rates of both are written on the chart, first then second: all sources
        // 7 → 5 → 4 → 3 → 2, Google Ads 2 → 2 → 2 → 1 → 1.
        combo->setCurrentIndex(combo->findText(QStringLiteral("All sources")));
        QStringList rates = categoriesOf(chartOf(page, "chartFunnel")); // bottom first
        std::reverse(rates.begin(), rates.end());
        for (QString &r : rates)
            r.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        QCOMPARE(rates, (QStringList{QStringLiteral("Leads"), QStringLiteral("MQL↓ 71.4% · 100.0%"),
                                     QStringLiteral("SQL↓ 80.0% · 100.0%"),
                                     QStringLiteral("Opportunity↓ 75.0% · 50.0%"),
                                     QStringLiteral("Customer (won)↓ 66.7% · 100.0%")}));
    }

    // Above the synchronous limit the report is computed on the page's worker: the page is
    // busy meanwhile, then shows the same numbers.
    void computedOnTheWorker() {
        ui::DashboardPage page;
        page.setSynchronousLimit(0);
        page.setToday(QDate(2026, 3, 15));
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading());
        auto *table = page.findChild<QTableView *>(QStringLiteral("sourceReportTable"));
        auto *report = qobject_cast<SourceReportModel *>(
            qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel());
        QCOMPARE(report->report().totals.leads, 7);
        page.setPeriod(analytics::Period::ThisQuarter);
        QVERIFY(page.loading()); // not computed on the GUI thread
        QCOMPARE(report->report().totals.leads, 7);
        QTRY_VERIFY(!page.loading());
        QCOMPARE(report->report().totals.leads, 6);
        auto *funnel = seriesOf<QHorizontalStackedBarSeries>(chartOf(page, "chartFunnel"));
        QCOMPARE(funnel->barSets().at(1)->at(4), 6.0);
        // Two changes in a row: the newest wins.
        page.setPeriod(analytics::Period::LastMonth);
        page.setPeriod(analytics::Period::All);
        QTRY_VERIFY(!page.loading());
        QCOMPARE(report->report().totals.leads, 7);
    }

    // A database that cannot be read shows why, not empty charts.
    void failureIsShown() {
        const QString path = m_dir.filePath(QStringLiteral("broken.db"));
        reportdb::create(path);
        auto db = storage::Database::open(path);
        QVERIFY(db);
        ui::DashboardPage page;
        page.setDatabase(db->get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading());
        auto *failure = page.findChild<QLabel *>(QStringLiteral("dashboardFailure"));
        auto *results = page.findChild<QWidget *>(QStringLiteral("dashboardResults"));
        QVERIFY(!failure->isVisible());
        QVERIFY(results->isVisible());
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE spend")));
        ui::MessageBox::setNextAnswer(QMessageBox::Ok); // and a box says so
        page.reload();
        QTRY_VERIFY(!page.loading());
        QCOMPARE(ui::MessageBox::takeShown().size(), 1);
        QVERIFY(failure->isVisible());
        QVERIFY2(failure->text().contains(QStringLiteral("spend")), qPrintable(failure->text()));
        QVERIFY(!results->isVisible());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("dashboardSummary"))->text().isEmpty());
    }

    void matrixTab() {
        ui::DashboardPage page;
        page.setDatabase(m_db.get());
        page.resize(1300, 900);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("dashboardTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        auto *view = page.findChild<ui::MatrixView *>(QStringLiteral("sourceMatrix"));
        QVERIFY(view);
        QVERIFY(!view->isVisible());
        tabs->setCurrentIndex(3);
        QVERIFY(view->isVisible());

        MatrixModel *model = view->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Five named categories + Unknown (one lead without a source).
        QCOMPARE(model->rowCount(), SourceCategoryCount);
        const auto cell = [&](int row, int col) {
            return model->index(row, col).data().toString();
        };
        const int event = int(SourceCategory::Event);
        QCOMPARE(cell(event, MatrixModel::Name), categoryLabel(SourceCategory::Event));
        QCOMPARE(cell(event, MatrixModel::Leads), QStringLiteral("4"));
        QCOMPARE(cell(event, MatrixModel::Share), QLocale().toString(4.0 / 7 * 100, 'f', 1) + u'%');
        // The article: events volume medium, quality medium–high, fast, cost high.
        QCOMPARE(cell(event, MatrixModel::VolumeDefault), QStringLiteral("Medium"));
        QCOMPARE(cell(event, MatrixModel::QualityDefault), QStringLiteral("Medium–high"));
        QCOMPARE(cell(event, MatrixModel::SpeedDefault), QStringLiteral("Fast"));
        QCOMPARE(cell(event, MatrixModel::CostDefault), QStringLiteral("High"));
        // Measured: 4 of 7 leads = 2.9× an even split → high, above the article's medium.
        QCOMPARE(cell(event, MatrixModel::VolumeMeasured), QStringLiteral("High ≠"));
        QCOMPARE(model->index(event, MatrixModel::VolumeMeasured)
                     .data(MatrixModel::AgreementRole)
                     .toInt(),
                 int(analytics::Agreement::Above));
        QVERIFY(model->index(event, MatrixModel::VolumeMeasured)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("higher")));
        // Outbound has no leads: null ratios show a dash.
        const int outbound = int(SourceCategory::Outbound);
        QCOMPARE(cell(outbound, MatrixModel::LeadToCustomer), QStringLiteral("—"));
        QCOMPARE(cell(outbound, MatrixModel::Cpl), QStringLiteral("—"));
        QCOMPARE(cell(outbound, MatrixModel::MedianDays), QStringLiteral("—"));
        // Unknown has no default.
        QCOMPARE(cell(int(SourceCategory::Unknown), MatrixModel::QualityDefault),
                 QStringLiteral("—"));

        // The measured values are the report's values of the category.
        auto *table = page.findChild<QTableView *>(QStringLiteral("sourceReportTable"));
        auto *report = qobject_cast<SourceReportModel *>(
            qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel());
        for (const auto &g : report->report().byCategory) {
            const int r = int(*g.category);
            QCOMPARE(model->index(r, MatrixModel::Leads).data(MatrixModel::SortRole).toLongLong(),
                     g.funnel.leads);
            const QVariant cpl = model->index(r, MatrixModel::Cpl).data(MatrixModel::SortRole);
            QCOMPARE(cpl.isValid(), g.metrics.cpl.has_value());
            if (g.metrics.cpl)
                QCOMPARE(cpl.toDouble(), *g.metrics.cpl);
            const QVariant l2c =
                model->index(r, MatrixModel::LeadToCustomer).data(MatrixModel::SortRole);
            QCOMPARE(l2c.isValid(), g.metrics.leadToCustomer.has_value());
            if (g.metrics.leadToCustomer)
                QCOMPARE(l2c.toDouble(), *g.metrics.leadToCustomer);
        }

        // Sources under their categories.
        auto *show = view->findChild<QCheckBox *>(QStringLiteral("matrixShowSources"));
        QVERIFY(show);
        show->setChecked(true);
        QCOMPARE(model->rowCount(), SourceCategoryCount + 3); // 展示会, Google Ads, Unknown
        // Inbound, Outbound, Paid, Google Ads, Partnership, Events, 展示会, Unknown, Unknown.
        QVERIFY(model->index(6, MatrixModel::Name).data(MatrixModel::IsSourceRole).toBool());
        QVERIFY(!model->index(5, MatrixModel::Name).data(MatrixModel::IsSourceRole).toBool());
        QCOMPARE(cell(6, MatrixModel::Name).trimmed(), QStringLiteral("展示会"));
        QCOMPARE(cell(3, MatrixModel::Name).trimmed(), QStringLiteral("Google Ads"));

        // The article's own table, translated.
        auto *seed = view->findChild<QTableWidget *>(QStringLiteral("seedMatrixTable"));
        QVERIFY(seed);
        QCOMPARE(seed->rowCount(), 8);
        m_language.apply(QStringLiteral("ja"));
        QCoreApplication::processEvents();
        show->setChecked(false);
        QCOMPARE(cell(event, MatrixModel::Name), QStringLiteral("イベント"));
        QCOMPARE(cell(event, MatrixModel::QualityDefault), QStringLiteral("中〜高"));
        QCOMPARE(seed->item(0, 0)->text(), QStringLiteral("オーガニック検索"));
        QCOMPARE(tabs->tabText(3), QStringLiteral("比較マトリックス"));
        m_language.apply(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(cell(event, MatrixModel::QualityDefault), QStringLiteral("Medium–high"));
    }

    // The two-bar charts (leads and customers, CPL and CAC: two bars per source, a figure at
    // each bar's end) give every bar a row half as tall again as its figure, in the window's size:
    // a source's two figures, which stand one above the other when both bars are the same share
    // of their axes, do not overlap (at 460 pixels for 12 sources they did).
    void twoBarRowsHoldTheirFigures() {
        storage::Database *db = demo();
        QVERIFY(db);
        ui::DashboardPage page;
        page.setDatabase(db);
        page.resize(940, 650); // the page in the 1140 x 700 window
        page.show();
        QTRY_VERIFY(!page.loading());
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            m_language.apply(lang);
            QCoreApplication::processEvents();
            for (const char *name : {"chartLeadsCustomers", "chartCost"}) {
                auto *panel = page.findChild<ui::ChartPanel *>(QLatin1String(name));
                QVERIFY(panel);
                QChart *chart = panel->chart();
                const QList<QAbstractSeries *> series = chart->series();
                QVERIFY(!series.isEmpty());
                auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
                QVERIFY(bars && bars->isLabelsVisible());
                const int rows = 2 * bars->barSets().first()->count();
                QVERIFY2(rows >= 20,
                         qPrintable(QString::number(rows))); // the demo: 10 sources or more
                const double figure = QFontMetricsF(bars->barSets().last()->labelFont()).height();
                const double row = chart->plotArea().height() / rows;
                qInfo("%s %s: %.1f px per bar, figures %.1f px tall", qPrintable(lang), name, row,
                      figure);
                QVERIFY2(row >= 1.5 * figure,
                         qPrintable(QStringLiteral("%1 %2: %3 px per bar, figures "
                                                   "%4 px tall")
                                        .arg(lang, QLatin1String(name))
                                        .arg(row)
                                        .arg(figure)));
            }
        }
        m_language.apply(QStringLiteral("en"));
    }

    // Screenshots on demo data, looked at by eye.
    void screenshots() {
        storage::Database *db = demo();
        QVERIFY(db);
        QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            dir = QStringLiteral("/tmp/charts-shots");
        QDir().mkpath(dir);

        ui::DashboardPage page;
        page.setDatabase(db);
        page.resize(1400, 2300);
        page.show();
        QTRY_VERIFY(!page.loading()); // the facts are read in the background
        auto *monthly = seriesOf<QStackedBarSeries>(chartOf(page, "chartMonthlyByCategory"));
        QVERIFY(monthly);
        QVERIFY(monthly->count() >= 5); // the demo covers every category
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("funnelSource"));
        combo->setCurrentIndex(1);
        auto *tabs = page.findChild<QTabBar *>(QStringLiteral("dashboardTabs"));
        auto *view = page.findChild<ui::MatrixView *>(QStringLiteral("sourceMatrix"));
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            m_language.apply(lang);
            QCoreApplication::processEvents();
            tabs->setCurrentIndex(0);
            QCoreApplication::processEvents();
            QVERIFY(
                page.grab().save(QDir(dir).filePath(QStringLiteral("dashboard_%1.png").arg(lang))));
            for (const char *chart : {"chartMonthlyByCategory", "chartFunnel"}) {
                auto *panel = page.findChild<ui::ChartPanel *>(QLatin1String(chart));
                QVERIFY(panel->exportPng(QDir(dir).filePath(
                    QStringLiteral("%1_%2.png").arg(QLatin1String(chart), lang))));
            }
            tabs->setCurrentIndex(3);
            view->resize(1380, 900);
            QCoreApplication::processEvents();
            QVERIFY(
                view->grab().save(QDir(dir).filePath(QStringLiteral("matrix_%1.png").arg(lang))));
            auto *sources = view->findChild<QCheckBox *>(QStringLiteral("matrixShowSources"));
            sources->setChecked(true);
            QVERIFY(view->grab().save(
                QDir(dir).filePath(QStringLiteral("matrix_sources_%1.png").arg(lang))));
            sources->setChecked(false);
        }
        m_language.apply(QStringLiteral("en"));
    }

private:
    // 1,500 demo leads (written once: the chart checks and the screenshots share them).
    storage::Database *demo() {
        if (!m_demo) {
            auto opened = storage::Database::open(m_dir.filePath(QStringLiteral("demo.db")));
            if (!opened || !services::writeDemo(**opened, 1500, 11, QDate(2026, 11, 1)).ok())
                return nullptr;
            m_demo = std::move(opened).value();
        }
        return m_demo.get();
    }

    QTemporaryDir m_dir;
    LanguageManager m_language;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::Database> m_demo;
};

QTEST_MAIN(TstDashboardCharts)
#include "tst_dashboardcharts.moc"
