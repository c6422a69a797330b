// Start-up must not grow with the database (issue 13): the time from launch to a painted window
// on a database of 1,000,000 leads against the same on 1,000 leads, measured in the same run
// (each start in a fresh process, alternating, the median of each reported). Target: within 1.5x.
// The sqlite3 shell counting the leads of each file is printed beside (the cost of opening it).
// Usage: bench_startup [--small N] [--large N] [--runs R] [--dir PATH]
//   files are PATH/startup-N.mikomi, created with demo data when missing (default: a temporary
//   folder; a 1,000,000-lead demo takes minutes, so pass --dir to keep them between runs).
// Internal: bench_startup --one FILE prints the start-up time of one window on FILE.

#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

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

// One window on `path`: "<ms> <peak MB>" on stdout.
int startOnce(const QString &path) {
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
    if (!QTest::qWaitForWindowExposed(&w))
        return 1;
    QCoreApplication::processEvents();
    (void)w.grab(); // first paint done
    const double ms = double(t.nsecsElapsed()) / 1e6;
    std::printf("%.1f %lld\n", ms, peakRssKb() / 1024);
    std::fflush(stdout);
    return 0;
}

bool ensureDemo(const QString &path, qint64 leads) {
    if (QFile::exists(path))
        return true;
    std::printf("creating %lld demo leads in %s …\n", leads, qPrintable(path));
    std::fflush(stdout);
    auto db = storage::Database::open(path);
    return db && services::writeDemo(**db, leads, 1, QDate(2026, 11, 1)).ok();
}

struct Sample {
    double ms = 0;
    qint64 mb = 0;
};

bool runChild(const QString &self, const QString &path, Sample *out) {
    QProcess p;
    p.start(self, {QStringLiteral("--one"), path});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return false;
    const QList<QByteArray> parts = p.readAllStandardOutput().trimmed().split(' ');
    if (parts.size() != 2)
        return false;
    out->ms = parts[0].toDouble();
    out->mb = parts[1].toLongLong();
    return true;
}

double shellCountMs(const QString &path) {
    QElapsedTimer t;
    t.start();
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM leads")});
    sqlite.waitForFinished(60000);
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--one"))
        return startOnce(args.at(2));

    qint64 small = 1000;
    qint64 large = 1000000;
    int runs = 3;
    QString dirPath;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--small"))
            small = args.at(i + 1).toLongLong();
        if (args.at(i) == QLatin1String("--large"))
            large = args.at(i + 1).toLongLong();
        if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
        if (args.at(i) == QLatin1String("--dir"))
            dirPath = args.at(i + 1);
    }
    QTemporaryDir tmp;
    const QDir dir(dirPath.isEmpty() ? tmp.path() : dirPath);
    const QString smallPath = dir.filePath(QStringLiteral("startup-%1.mikomi").arg(small));
    const QString largePath = dir.filePath(QStringLiteral("startup-%1.mikomi").arg(large));
    if (!ensureDemo(smallPath, small) || !ensureDemo(largePath, large)) {
        std::fprintf(stderr, "cannot create the demo databases\n");
        return 1;
    }

    const QString self = QCoreApplication::applicationFilePath();
    std::vector<double> smallMs;
    std::vector<double> largeMs;
    qint64 smallMb = 0;
    qint64 largeMb = 0;
    for (int r = 0; r < runs; ++r) {
        Sample s;
        Sample l;
        if (!runChild(self, smallPath, &s) || !runChild(self, largePath, &l)) {
            std::fprintf(stderr, "a start-up failed\n");
            return 1;
        }
        smallMs.push_back(s.ms);
        largeMs.push_back(l.ms);
        smallMb = std::max(smallMb, s.mb);
        largeMb = std::max(largeMb, l.mb);
    }
    const double sm = median(smallMs);
    const double lm = median(largeMs);
    const double ratio = lm / sm;
    std::printf("start-up to painted window, median of %d:\n", runs);
    std::printf("  %8lld leads: %7.0f ms  peak %lld MB  (sqlite3 shell count(*): %.0f ms)\n", small,
                sm, smallMb, shellCountMs(smallPath));
    std::printf("  %8lld leads: %7.0f ms  peak %lld MB  (sqlite3 shell count(*): %.0f ms)\n", large,
                lm, largeMb, shellCountMs(largePath));
    std::printf("ratio %.2fx (target <= 1.5x)\n", ratio);
    return ratio <= 1.5 ? 0 : 1;
}
