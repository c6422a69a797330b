// How long each page of the window takes to fill on a large database, and how long the GUI
// thread is blocked meanwhile (issue 13). A QTimer ticks every 10 ms on the GUI thread; the
// longest gap between two ticks while a page is shown (or reloaded) and filled is the longest
// time the window did not respond. Reference in the same run: the sqlite3 shell counting the
// leads (the cost of one pass over the file). Pages that read in the background
// (ui/backgroundreader.h) report Page::loading() until their data is on screen.
// Usage: bench_pages DB [--runs R]   (a demo database: `mikomi --db DB demo --leads 1000000`)

#include "models/language.h"
#include "models/services/reportloader.h"
#include "models/sourcelistmodel.h"
#include "models/storage/database.h"
#include "models/unknownleadmodel.h"
#include "ui/mainwindow.h"
#include "ui/page.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace mikomi;

namespace {

// Ticks every 10 ms; remembers the longest gap between two ticks since reset().
class Ticker final {
public:
    Ticker() {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
        m_clock.start();
        m_timer.start();
        reset();
    }
    void reset() {
        m_last = m_clock.nsecsElapsed();
        m_max = 0;
    }
    double maxGapMs() {
        tick();
        return double(m_max) / 1e6;
    }

private:
    void tick() {
        const qint64 now = m_clock.nsecsElapsed();
        m_max = std::max(m_max, now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_max = 0;
};

struct Sample {
    double fillMs = 0;
    double gapMs = 0;
};

// Runs `start`, then the event loop until the page is filled; the fill time and the longest gap.
template <typename F> Sample measure(Ticker &ticker, ui::Page *page, F start) {
    QCoreApplication::processEvents();
    QTest::qWait(30);
    ticker.reset();
    QElapsedTimer t;
    t.start();
    start();
    while (page->loading() || page->reloadPending())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QCoreApplication::processEvents();
    Sample s;
    s.fillMs = double(t.nsecsElapsed()) / 1e6;
    QTest::qWait(20); // the tick after the last blocking stretch
    s.gapMs = ticker.maxGapMs();
    return s;
}

double shellCountMs(const QString &path) {
    QElapsedTimer t;
    t.start();
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM leads")});
    sqlite.waitForFinished(60000);
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || !QFileInfo::exists(args.at(1))) {
        std::fprintf(stderr, "usage: bench_pages DB [--runs R]\n");
        return 2;
    }
    const QString path = args.at(1);
    int runs = 2;
    for (int i = 2; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
    }
    std::printf("sqlite3 shell count(*): %.0f ms\n", shellCountMs(path));

    LanguageManager language;
    language.apply(QStringLiteral("en"));
    ui::MainWindow w(&language);
    Ticker ticker;
    QElapsedTimer t;
    t.start();
    if (Status s = w.openDatabase(path); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return 1;
    std::printf("open + show: %.0f ms, longest GUI gap %.0f ms\n", double(t.nsecsElapsed()) / 1e6,
                ticker.maxGapMs());

    // What the pages did on the GUI thread before they read in the background.
    {
        QElapsedTimer r;
        r.start();
        const auto facts = services::loadFacts(*w.database());
        const double factsMs = double(r.nsecsElapsed()) / 1e6;
        r.restart();
        const auto sources = SourceListModel::read(*w.database());
        const auto unknown = UnknownLeadModel::read(*w.database(), 1000);
        const double sourcesMs = double(r.nsecsElapsed()) / 1e6;
        std::printf("reads on the GUI thread (as before): report facts %.0f ms (%zu leads), "
                    "Sources lists %.0f ms\n",
                    factsMs, facts ? facts->leads.size() : std::size_t(0), sourcesMs);
    }
    std::printf("%-10s %12s %12s %12s %12s\n", "page", "show ms", "show gap", "reload ms",
                "reload gap");
    double worstGap = 0;
    const QList<ui::Page *> pages = w.pages();
    for (int i = 0; i < pages.size(); ++i) {
        ui::Page *page = pages.at(i);
        const Sample shown = measure(ticker, page, [&] { w.showPage(i); });
        Sample reloaded{1e18, 1e18};
        for (int r = 0; r < runs; ++r) {
            const Sample s = measure(ticker, page, [&] {
                page->databaseChanged({storage::kAllDataKinds, {}});
            });
            reloaded.fillMs = std::min(reloaded.fillMs, s.fillMs);
            reloaded.gapMs = std::min(reloaded.gapMs, s.gapMs);
        }
        worstGap = std::max({worstGap, shown.gapMs, reloaded.gapMs});
        std::printf("%-10s %12.0f %12.0f %12.0f %12.0f\n", qPrintable(page->title()), shown.fillMs,
                    shown.gapMs, reloaded.fillMs, reloaded.gapMs);
        std::fflush(stdout);
    }
    std::printf("longest GUI gap: %.0f ms\n", worstGap);
    return 0;
}
