// Start-up to a usable window on a database of N leads (default 100,000; target < 1 s),
// beside the sqlite3 shell counting the same leads (the cost of merely opening the file).
// Usage: bench_startup [--leads N] [--db PATH]   (PATH is created with demo data if missing)

#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace mikomi;

namespace {

qint64 peakRssKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 leads = 100000;
    QString path;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--leads"))
            leads = args.at(i + 1).toLongLong();
        if (args.at(i) == QLatin1String("--db"))
            path = args.at(i + 1);
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("startup.mikomi"));
    if (!QFile::exists(path)) {
        std::printf("creating %lld demo leads in %s …\n", leads, qPrintable(path));
        auto db = storage::Database::open(path);
        if (!db || !services::writeDemo(**db, leads, 1, QDate(2026, 11, 1)).ok()) {
            std::fprintf(stderr, "cannot create the demo database\n");
            return 1;
        }
    }

    // Reference: the sqlite3 shell opening the file and counting the leads.
    QElapsedTimer ref;
    ref.start();
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM leads")});
    sqlite.waitForFinished(60000);
    const double refMs = double(ref.nsecsElapsed()) / 1e6;

    QElapsedTimer t;
    t.start();
    LanguageManager language;
    language.apply(QStringLiteral("ja"));
    ui::MainWindow w(&language);
    if (Status s = w.openDatabase(path); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    w.show();
    (void)QTest::qWaitForWindowExposed(&w);
    QCoreApplication::processEvents();
    (void)w.grab(); // first paint done
    const double ms = double(t.nsecsElapsed()) / 1e6;

    std::printf("start-up to painted window: %.0f ms (target < 1000 ms)\n", ms);
    std::printf("reference sqlite3 shell count(*): %.0f ms  ratio %.1fx\n", refMs, ms / refMs);
    std::printf("peak memory: %lld MB\n", peakRssKb() / 1024);
    return ms < 1000 ? 0 : 1;
}
