// The manager's report (ui/reportlayout, reportbuilder, reportwriter): pagination with the
// table header repeated on every page (a pure layout test), and the PDF itself checked with
// poppler-utils (pdftotext: the title, the period and every source name as real text, every
// row; pdfinfo: more than one page; pdffonts: every font embedded; pdfimages: the charts are
// not pictures), and the same PDF from the window's code and from `mikomi report sources
// --format pdf`.
#include "../analytics/factsbuilder.h"

#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "models/storage/leadquery.h"
#include "ui/reportactions.h"
#include "ui/reportbuilder.h"
#include "ui/reportdialog.h"
#include "ui/reportwriter.h"
#include "ui/trendspage.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace mikomi;
using namespace mikomi::ui::report;

namespace {

// Runs a poppler tool; an empty string when it is not installed.
QString poppler(const QString &tool, const QStringList &args) {
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty())
        return QString();
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("FAILED: ") + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString &pdf) {
    const QString info = poppler(QStringLiteral("pdfinfo"), {pdf});
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// 60 sources (more rows than one page holds), leads over two years, spend every month.
analytics::Facts manySources(QStringList *names) {
    FactsBuilder b;
    for (int s = 0; s < 60; ++s) {
        const QString name = s % 2 ? QStringLiteral("展示会 %1").arg(s, 2, 10, QLatin1Char('0'))
                                   : QStringLiteral("Source %1").arg(s, 2, 10, QLatin1Char('0'));
        names->append(name);
        const qint32 i = b.source(name, SourceCategory(s % 5), Tier(s % 3));
        for (int m = 1; m <= 24; ++m) {
            const QDate day(2025 + (m - 1) / 12, (m - 1) % 12 + 1, 1 + s % 28);
            b.lead(i, day, Stage(m % 4));
            if ((m + s) % 5 == 0)
                b.customer(i, day, day.addDays(20), 100000 + s * 1000);
            b.spend(i, day.year(), day.month(), 10000 + s * 100);
        }
    }
    return b.facts;
}

// A demo database of its own for a slot (300 leads ending on 2026-12-03), so every slot runs
// alone.
std::unique_ptr<storage::Database> demoDatabase(const QString &path) {
    QFile::remove(path);
    auto opened = storage::Database::open(path);
    if (!opened)
        return nullptr;
    if (!services::writeDemo(**opened, 300, 3, QDate(2026, 12, 3)))
        return nullptr;
    return std::move(opened).value();
}

ReportSettings settings() {
    ReportSettings s;
    s.databaseName = QStringLiteral("sample.mikomi");
    s.window.from = QDate(2026, 1, 1);
    s.window.to = QDate(2026, 12, 31);
    s.made = QDate(2026, 12, 3);
    s.currency = Currency::JPY;
    return s;
}

} // namespace

class TstReportPdf final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // 200 rows of 10 units on pages of 300: every page after the first starts with the table's
    // title and header again, the slices cover every row once, in order.
    void paginationRepeatsTheHeader() {
        Document doc;
        doc.blocks.push_back(TextBlock{QStringLiteral("Title"), TextBlock::Style::Title});
        TableBlock table;
        table.title = QStringLiteral("Sources");
        table.header = {QStringLiteral("Source"), QStringLiteral("Leads")};
        for (int r = 0; r < 200; ++r)
            table.rows.push_back({QString::number(r), QString::number(r)});
        doc.blocks.push_back(table);
        doc.blocks.push_back(ChartBlock{[] { return nullptr; }, 0.5});
        Metrics m;
        m.pageHeight = 300;
        m.pageWidth = 200;
        m.gap = 5;
        m.textHeight = [](const TextBlock &) { return 40.0; };
        m.rowHeight = [](const TableBlock &) { return 10.0; };
        m.titleHeight = [](const TableBlock &) { return 15.0; };
        const std::vector<Page> pages = paginate(doc, m);
        QVERIFY(pages.size() > 1);
        int next = 0;
        int slices = 0;
        for (const Page &page : pages) {
            double bottom = 0;
            for (const Placed &p : page.items) {
                QVERIFY(p.y >= bottom - 1e-9); // no overlap
                bottom = p.y + p.height;
                QVERIFY2(bottom <= m.pageHeight + 1e-9, "an item runs off the page");
                if (p.block != 1)
                    continue;
                QCOMPARE(p.rowFrom, next);
                QVERIFY(p.rowTo > p.rowFrom); // never a header alone
                QCOMPARE(p.continued, slices > 0);
                // The title and header are part of every slice.
                QCOMPARE(p.height, 15.0 + 10.0 * (1 + p.rowTo - p.rowFrom));
                next = p.rowTo;
                ++slices;
            }
        }
        QCOMPARE(next, 200);
        QVERIFY(slices >= 7); // (300 − 25) / 10 = 27 rows a page
        // The chart did not fit under the last rows of a full page: it starts a page or fits.
        QVERIFY(pages.back().items.back().block == 2);
    }

    void pdfHasEveryRowAsText_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }

    void pdfHasEveryRowAsText() {
        QFETCH(QString, language);
        LanguageManager lm;
        QVERIFY(lm.apply(language));
        QStringList names;
        const analytics::Facts facts = manySources(&names);
        auto doc = buildReport(facts, settings());
        QVERIFY(doc);
        const QString pdf = m_dir.filePath(QStringLiteral("report_%1.pdf").arg(language));
        const Status written = writePdf(*doc, pdf);
        QVERIFY2(written, qPrintable(written ? QString() : written.error()));
        QVERIFY(QFileInfo(pdf).size() > 10000);
        if (!qEnvironmentVariableIsEmpty("MIKOMI_SHOTS")) {
            const QString copy =
                QDir(qEnvironmentVariable("MIKOMI_SHOTS")).filePath(QFileInfo(pdf).fileName());
            QFile::remove(copy);
            QVERIFY(QFile::copy(pdf, copy));
        }
        const QString text = poppler(QStringLiteral("pdftotext"),
                                     {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        if (text.isEmpty())
            QSKIP("poppler-utils (pdftotext) is not installed");
        QVERIFY2(!text.startsWith(QLatin1String("FAILED")), qPrintable(text));
        QVERIFY(text.contains(doc->title));
        QVERIFY(text.contains(QStringLiteral("sample.mikomi")));
        // The period (the dash between its days is a glyph that fonts map differently).
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("2026-01-01 \\S 2026-12-31"))));
        QVERIFY(text.contains(QStringLiteral("2026-12-03")));
        // December is not over on the day the report is made: the trends end with November.
        QVERIFY(text.contains(QStringLiteral("2026/11")));
        if (language == QLatin1String("en"))
            QVERIFY(text.contains(QStringLiteral("Whole months only")));
        for (const QString &name : names) // the funnel and economics tables list every source
            QVERIFY2(text.count(name) >= 2, qPrintable(name));
        const int pages = pageCount(pdf);
        QVERIFY2(pages > 3, qPrintable(QString::number(pages)));
        // The source table spans pages: its header row is repeated, and "(continued)" titles.
        const QString continued = language == QLatin1String("ja") ? QStringLiteral("（続き）")
                                                                  : QStringLiteral("(continued)");
        QVERIFY2(text.count(continued) >= 2, qPrintable(text.left(3000)));
        const QStringList pageTexts = text.split(QLatin1Char('\f'));
        int pagesWithHeader = 0;
        const QString header = language == QLatin1String("ja") ? QStringLiteral("リードソース")
                                                               : QStringLiteral("Source");
        for (const QString &page : pageTexts)
            pagesWithHeader += page.contains(header) ? 1 : 0;
        QVERIFY(pagesWithHeader >= 3);

        // Fonts embedded (a Japanese one in Japanese), no pictures: the charts are vectors.
        const QString fonts = poppler(QStringLiteral("pdffonts"), {pdf});
        const QStringList fontLines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        QVERIFY(!fontLines.isEmpty());
        for (const QString &line : fontLines) { // … emb sub uni object-ID generation
            const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(cols.size() >= 7, qPrintable(fonts));
            QVERIFY2(cols.at(cols.size() - 5) == QLatin1String("yes"), qPrintable(fonts)); // emb
            QVERIFY2(cols.at(cols.size() - 3) == QLatin1String("yes"), qPrintable(fonts)); // uni
        }
        if (language == QLatin1String("ja"))
            QVERIFY2(fonts.contains(QStringLiteral("IPA")), qPrintable(fonts));
        const QString images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QCOMPARE(images.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2); // header only
    }

    // File > Export Report…: the dialog opens with the Dashboard's window and model, and what it
    // is set to reaches the PDF (the quick window and its dates, the model, the growth, the
    // language); the window's language is back after.
    void dialogChoiceReachesThePdf() {
        LanguageManager lm;
        QVERIFY(lm.apply(QStringLiteral("en")));
        const auto db = demoDatabase(m_dir.filePath(QStringLiteral("dialog.mikomi")));
        QVERIFY(db);
        ReportChoice choice;
        choice.period = analytics::Period::LastMonth;
        choice.attribution = analytics::Attribution::Linear;
        choice.today = QDate(2026, 12, 3);
        if (const QString shots = qEnvironmentVariable("MIKOMI_SHOTS"); !shots.isEmpty()) {
            for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
                QVERIFY(lm.apply(l));
                ReportDialog shown(choice);
                shown.show();
                QCoreApplication::processEvents();
                QVERIFY(shown.grab().save(
                    QDir(shots).filePath(QStringLiteral("report_dialog_%1.png").arg(l))));
            }
        }
        ReportDialog dialog(choice);
        QCOMPARE(dialog.window().from, QDate(2026, 11, 1));
        QCOMPARE(dialog.window().to, QDate(2026, 11, 30));
        ReportRequest request = dialog.request();
        QCOMPARE(request.settings.attribution, analytics::Attribution::Linear);
        QCOMPARE(request.language, QStringLiteral("en"));
        QVERIFY(!request.preview);

        auto *period = dialog.findChild<QComboBox *>(QStringLiteral("reportPeriod"));
        auto *model = dialog.findChild<QComboBox *>(QStringLiteral("reportAttribution"));
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("reportLanguage"));
        auto *growth = dialog.findChild<QLineEdit *>(QStringLiteral("reportGrowth"));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(period && model && language && growth && buttons);
        growth->setText(QStringLiteral("more"));
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        growth->setText(QStringLiteral("150%"));
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        period->setCurrentIndex(int(analytics::Period::ThisQuarter));
        model->setCurrentIndex(int(analytics::Attribution::Last));
        language->setCurrentIndex(language->findData(QStringLiteral("ja")));
        request = dialog.request();
        QCOMPARE(request.settings.growth, 1.5);

        const QString pdf = m_dir.filePath(QStringLiteral("dialog.pdf"));
        const Status written = writeReport(*db, request, pdf);
        QVERIFY2(written, qPrintable(written ? QString() : written.error()));
        QCOMPARE(QLocale().language(), QLocale::English); // the window's language is back
        QCOMPARE(analytics::periodLabel(analytics::Period::ThisQuarter),
                 QStringLiteral("This quarter"));
        const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        if (text.isEmpty())
            QSKIP("poppler-utils (pdftotext) is not installed");
        QVERIFY2(text.contains(QStringLiteral("リードソース レポート")),
                 qPrintable(text.left(800)));
        QVERIFY2(text.contains(QStringLiteral("今四半期")), qPrintable(text.left(800)));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("2026-10-01 \\S 2026-12-31"))),
                 qPrintable(text.left(800)));
        QVERIFY2(!text.contains(QStringLiteral("2026-11-01")), qPrintable(text.left(800)));
        QVERIFY(text.contains(QStringLiteral("2026-12-03"))); // made on the dialog's day
        QVERIFY2(text.contains(QStringLiteral("1.50")), "the growth chosen");
        { // the model chosen, as the report names it in Japanese
            const ReportLanguage ja(QStringLiteral("ja"));
            QVERIFY(text.contains(analytics::attributionLabel(analytics::Attribution::Last)));
        }
    }

    // The report's trends end with the last month that is over on the day it is made: a
    // window into this month keeps its whole months, a window of this month alone shows the
    // month before, a past window is left as it is.
    void trendsEndWithTheLastCompleteMonth() {
        QStringList names;
        const analytics::Facts facts = manySources(&names); // 2025/01 … 2026/12
        const auto period = [&](const QDate &from, const QDate &to, const QDate &today) {
            analytics::Window w;
            if (from.isValid())
                w.from = from;
            if (to.isValid())
                w.to = to;
            const analytics::TrendOptions o =
                reportTrendPeriod(facts, w, analytics::TrendGrouping::Source, today);
            return std::pair(o.firstMonth, o.lastMonth);
        };
        using analytics::monthNumber;
        const QDate dec3(2026, 12, 3);
        // This quarter on 3 December: October and November.
        QCOMPARE(period(QDate(2026, 10, 1), QDate(2026, 12, 31), dec3),
                 std::pair(monthNumber(2026, 10), monthNumber(2026, 11)));
        // This month: November alone.
        QCOMPARE(period(QDate(2026, 12, 1), QDate(2026, 12, 31), dec3),
                 std::pair(monthNumber(2026, 11), monthNumber(2026, 11)));
        // All dates (the data runs to December): September to November.
        QCOMPARE(period({}, {}, dec3), std::pair(monthNumber(2026, 9), monthNumber(2026, 11)));
        // A month later, December is whole.
        QCOMPARE(period({}, {}, QDate(2027, 1, 5)),
                 std::pair(monthNumber(2026, 10), monthNumber(2026, 12)));
        // A past window is not moved.
        QCOMPARE(period(QDate(2026, 1, 1), QDate(2026, 6, 30), dec3),
                 std::pair(monthNumber(2026, 4), monthNumber(2026, 6)));
    }

    // A chart as a PNG at twice its size.
    void chartPngAtTwiceTheSize() {
        auto *chart = new QChart;
        chart->setTitle(QStringLiteral("Leads"));
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(saveChartPng(chart, QSizeF(400, 300), 2, png));
        delete chart;
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 600));
    }

    // File > Export report… and the command line write the same document.
    void windowAndCommandLineAgree() {
        LanguageManager lm;
        QVERIFY(lm.apply(QStringLiteral("en")));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext) is not installed");
        const QString db = m_dir.filePath(QStringLiteral("demo.mikomi"));
        QProcess demo;
        demo.start(QStringLiteral(MIKOMI_EXE),
                   {QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("600"),
                    QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--db"), db});
        QVERIFY(demo.waitForFinished(120000));
        QCOMPARE(demo.exitCode(), 0);
        const QString cliPdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless: the command chooses offscreen
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(MIKOMI_EXE),
                  {QStringLiteral("report"), QStringLiteral("sources"), QStringLiteral("--format"),
                   QStringLiteral("pdf"), QStringLiteral("--output"), cliPdf,
                   QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--to"),
                   QStringLiteral("2026-09-30"), QStringLiteral("--attribution"),
                   QStringLiteral("linear"), QStringLiteral("--lang"), QStringLiteral("en"),
                   QStringLiteral("--db"), db});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        auto opened = storage::Database::open(db);
        QVERIFY(opened);
        ReportSettings settings = defaultSettings();
        settings.window.from = QDate(2026, 1, 1);
        settings.window.to = QDate(2026, 9, 30);
        settings.attribution = analytics::Attribution::Linear;
        auto doc = documentFor(**opened, settings);
        QVERIFY(doc);
        const QString windowPdf = m_dir.filePath(QStringLiteral("window.pdf"));
        QVERIFY(writePdf(*doc, windowPdf));
        const QString a = poppler(QStringLiteral("pdftotext"), {cliPdf, QStringLiteral("-")});
        const QString b = poppler(QStringLiteral("pdftotext"), {windowPdf, QStringLiteral("-")});
        QVERIFY(a.size() > 2000);
        QCOMPARE(a, b);
        // Every table is there with its title and header (a table a little too wide for the
        // page once lost its text when its font could not shrink to fit).
        for (const Block &block : doc->blocks) {
            if (const auto *t = std::get_if<TableBlock>(&block)) {
                QVERIFY2(a.contains(t->title), qPrintable(t->title));
                for (const QString &h : t->header)
                    QVERIFY2(a.contains(h), qPrintable(h));
            }
        }
        QVERIFY(pageCount(cliPdf) > 1);

        // Without --output: a usage error, exit 2.
        QProcess bad;
        bad.setProcessEnvironment(env);
        bad.start(QStringLiteral(MIKOMI_EXE),
                  {QStringLiteral("report"), QStringLiteral("sources"), QStringLiteral("--format"),
                   QStringLiteral("pdf"), QStringLiteral("--db"), db});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 2);
    }

    // The Trends & Goals page on a demo database ending on 2026-12-03: the trend table ends
    // with November, the last whole month (December is not over: it is never compared with
    // whole months), and its total row is the analytics' total over September to November; a
    // goal row per month of the year, the owners add up to every lead; screenshots at 1024×700
    // and 1280×800 in both languages ($MIKOMI_SHOTS).
    void trendsPage() {
        const auto opened = demoDatabase(m_dir.filePath(QStringLiteral("trends.mikomi")));
        QVERIFY(opened);
        storage::Database &db = *opened;
        auto facts = services::loadFacts(db);
        QVERIFY(facts);
        LanguageManager lm;
        QVERIFY(lm.apply(QStringLiteral("en")));
        ui::TrendsPage page;
        page.setToday(QDate(2026, 12, 3));
        page.setDatabase(&db);
        page.resize(1024, 700);
        page.show();
        QTRY_VERIFY(!page.loading());
        auto *trends = page.findChild<QTableWidget *>(QStringLiteral("trendTable"));
        QVERIFY(trends);
        analytics::TrendOptions o = analytics::trendMonthsOf(*facts, analytics::Window());
        QCOMPARE(o.lastMonth, analytics::monthNumber(2026, 12)); // the demo has December leads
        o.lastMonth = analytics::monthNumber(2026, 11);
        o.firstMonth = o.lastMonth - 2; // the default: the last 3 (whole) months
        auto expected = analytics::computeTrends(*facts, o);
        QVERIFY(expected);
        QCOMPARE(trends->rowCount(), int(expected->rows.size()) + 1);
        const int thisPeriod = trends->columnCount() - 5;
        QCOMPARE(trends->horizontalHeaderItem(1)->text(), QStringLiteral("2026/09"));
        QCOMPARE(trends->horizontalHeaderItem(thisPeriod - 1)->text(), QStringLiteral("2026/11"));
        QCOMPARE(trends->horizontalHeaderItem(thisPeriod)->text(), QStringLiteral("This period"));
        QCOMPARE(trends->item(trends->rowCount() - 1, thisPeriod)->text(),
                 QLocale().toString(expected->total.current.leads));
        QCOMPARE(trends->item(trends->rowCount() - 1, thisPeriod + 1)->text(),
                 QLocale().toString(expected->total.previous.leads)); // June to August
        // Double-clicking a count lists exactly that many leads: a source's first month, the
        // total of this period and of the previous one, a goal month's leads, an owner's leads.
        std::optional<storage::LeadFilter> asked;
        connect(&page, &ui::Page::leadsRequested, this,
                [&asked](const storage::LeadFilter &f, const QString &) { asked = f; });
        const auto drilled = [&](QTableWidget *table, int row, int column) -> qint64 {
            asked.reset();
            emit table->activated(table->model()->index(row, column));
            if (!asked)
                return -1;
            auto n = storage::LeadQuery(db).count(*asked);
            return n ? *n : -2;
        };
        const int total = trends->rowCount() - 1;
        for (const auto &[row, column] : {std::pair(0, 1), std::pair(total, thisPeriod),
                                          std::pair(total, thisPeriod + 1), std::pair(total, 3)})
            QCOMPARE(QString::number(drilled(trends, row, column)),
                     trends->item(row, column)->text().remove(QLatin1Char(',')));
        QCOMPARE(drilled(trends, total, thisPeriod + 2), -1); // a change in % lists nothing
        const auto notes = page.findChildren<QLabel *>();
        QVERIFY(std::any_of(notes.begin(), notes.end(), [](const QLabel *l) {
            return l->text().contains(QStringLiteral("2026/12 is not over yet"));
        }));
        auto *goals = page.findChild<QTableWidget *>(QStringLiteral("goalTable"));
        QVERIFY(goals);
        QCOMPARE(goals->rowCount(), 13); // twelve months and "to date"
        auto *owners = page.findChild<QTableWidget *>(QStringLiteral("ownerTable"));
        QVERIFY(owners);
        QVERIFY(owners->rowCount() >= 1);
        qint64 worked = 0;
        for (int r = 0; r < owners->rowCount(); ++r)
            worked += QLocale().toLongLong(owners->item(r, 1)->text());
        QCOMPARE(worked, qint64(facts->leads.size()));
        // The goals of 2026: January's leads ("actual / target (gap)"), an owner's leads.
        QCOMPARE(QString::number(drilled(goals, 0, 1)),
                 goals->item(0, 1)->text().section(QLatin1Char(' '), 0, 0).remove(u','));
        int ownersDrilled = 0;
        for (int r = 0; r < owners->rowCount(); ++r) {
            if (drilled(owners, r, 1) == -1)
                continue; // the leads nobody owns
            ++ownersDrilled;
            QCOMPARE(QString::number(drilled(owners, r, 1)),
                     owners->item(r, 1)->text().remove(u','));
            QCOMPARE(QString::number(drilled(owners, r, 3)),
                     owners->item(r, 3)->text().remove(u','));
        }
        QVERIFY(ownersDrilled > 0);

        const QString shots = qEnvironmentVariable("MIKOMI_SHOTS");
        if (shots.isEmpty())
            return;
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("trendTabs"));
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("ja")}) {
            QVERIFY(lm.apply(language));
            QCoreApplication::processEvents();
            for (const QSize size : {QSize(1024, 700), QSize(1280, 800)}) {
                page.resize(size);
                for (int tab = 0; tab < 2; ++tab) {
                    tabs->setCurrentIndex(tab);
                    QCoreApplication::processEvents();
                    QVERIFY(
                        page.grab().save(QDir(shots).filePath(QStringLiteral("trends_%1_%2_%3.png")
                                                                  .arg(language)
                                                                  .arg(size.width())
                                                                  .arg(tab))));
                }
            }
        }
    }

    // File > Print Preview of the Report…: the preview shows the report's pages.
    void printPreview() {
        const auto opened = demoDatabase(m_dir.filePath(QStringLiteral("preview.mikomi")));
        QVERIFY(opened);
        LanguageManager lm;
        QVERIFY(lm.apply(QStringLiteral("ja")));
        int pages = 0;
        bool seen = false;
        // Acts once the dialog is up (the report paints charts, which processes events before).
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *preview = dialog->findChild<QPrintPreviewWidget *>();
            if (!preview || preview->pageCount() == 0)
                return;
            poll.stop();
            seen = true;
            pages = preview->pageCount();
            const QString shots = qEnvironmentVariable("MIKOMI_SHOTS");
            if (!shots.isEmpty()) {
                dialog->resize(1024, 700);
                QCoreApplication::processEvents();
                dialog->grab().save(QDir(shots).filePath(QStringLiteral("preview_ja.png")));
            }
            dialog->reject();
        });
        poll.start();
        ui::report::previewReport(nullptr, opened.get());
        QVERIFY(seen);
        QVERIFY2(pages > 1, qPrintable(QString::number(pages)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TstReportPdf)
#include "tst_reportpdf.moc"
