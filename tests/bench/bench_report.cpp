// `report sources` on 1,000,000 demo leads: load + compute for each attribution model, and the
// `mikomi report sources` command itself, against the sqlite3 shell running the equivalent
// GROUP BY (leads per source with stage counts) on the same file. Run: bench_report [DB] (an
// existing demo database is reused; otherwise one is written to a temporary folder, which takes
// a few minutes). Each time is the best of three; CPU times are given too, since on a shared
// machine the wall clock also measures the other processes (the load average is printed).
#include "models/analytics/json.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/textreport.h"
#include "models/services/demowriter.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace mikomi;

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

// CPU time of this process and of its finished children, in ms.
double cpuMs() {
    timespec self{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &self);
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    const auto tv = [](const timeval &v) {
        return double(v.tv_sec) * 1e3 + double(v.tv_usec) / 1e3;
    };
    return double(self.tv_sec) * 1e3 + double(self.tv_nsec) / 1e6 + tv(children.ru_utime) +
           tv(children.ru_stime);
}

struct Timing {
    double wall = 1e18; // ms, best run
    double cpu = 1e18;  // ms, best run
};

// Best of `runs` wall-clock (and CPU) times of f(), in ms.
template <typename F> Timing bestOf(int runs, F f) {
    Timing best;
    for (int i = 0; i < runs; ++i) {
        const double cpu0 = cpuMs();
        QElapsedTimer t;
        t.start();
        f();
        best.wall = std::min(best.wall, double(t.nsecsElapsed()) / 1e6);
        best.cpu = std::min(best.cpu, cpuMs() - cpu0);
    }
    return best;
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

QString ms(const Timing &t) {
    return QStringLiteral("%1 ms (CPU %2 ms)").arg(t.wall, 7, 'f', 1).arg(t.cpu, 7, 'f', 1);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const qint64 leads = qEnvironmentVariableIntValue("MIKOMI_BENCH_LEADS") > 0
                             ? qEnvironmentVariableIntValue("MIKOMI_BENCH_LEADS")
                             : 1000000;
    QTemporaryDir dir;
    QString path = app.arguments().size() > 1 ? app.arguments().at(1)
                                              : dir.filePath(QStringLiteral("bench.db"));
    const bool existing = QFileInfo::exists(path);
    auto db = storage::Database::open(path);
    if (!db) {
        out() << "cannot open " << path << ": " << db.error() << Qt::endl;
        return 1;
    }
    if (!existing) {
        QElapsedTimer t;
        t.start();
        auto n = services::writeDemo(**db, leads, 1, QDate(2026, 6, 30));
        if (!n) {
            out() << "demo failed: " << n.error() << Qt::endl;
            return 1;
        }
        out() << "wrote " << *n << " demo leads in " << t.elapsed() / 1000.0 << " s" << Qt::endl;
    }
    out() << "database " << path << ", loader "
          << (services::reportLoaderIsNative() ? "native sqlite3 API" : "Qt SQL")
          << ", load average " << loadAverage() << Qt::endl;

    // Reference: the sqlite3 shell, the same counts by GROUP BY.
    const QString sql = QStringLiteral(
        "SELECT source_id, count(*), sum(furthest_stage <> 'inquiry'), "
        "sum(furthest_stage IN ('sql','opportunity','customer')), "
        "sum(furthest_stage IN ('opportunity','customer')), sum(furthest_stage = 'customer'), "
        "sum(CASE WHEN furthest_stage = 'customer' THEN deal_value END) "
        "FROM leads GROUP BY source_id;");
    bool shellOk = true;
    const Timing ref = bestOf(3, [&] {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {path, sql});
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            shellOk = false;
    });
    if (!shellOk) {
        out() << "the sqlite3 shell failed" << Qt::endl;
        return 1;
    }
    out() << "reference: sqlite3 shell GROUP BY            " << ms(ref) << Qt::endl;
    // A second yardstick: one pass of the shell over every lead column the report reads (what
    // SQLite itself needs to read them, whatever index a GROUP BY picks).
    const QString passSql = QStringLiteral(
        "SELECT count(*), sum(source_id), sum(length(furthest_stage)), sum(lost), "
        "sum(length(created_at)), sum(length(won_at)), sum(deal_value), sum(lifetime_value) "
        "FROM leads;");
    const Timing pass = bestOf(3, [&] {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {path, passSql});
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            shellOk = false;
    });
    out() << "reference: sqlite3 shell one pass, same columns " << ms(pass) << Qt::endl;

    analytics::Facts facts;
    const Timing load = bestOf(3, [&] {
        auto f = services::loadFacts(**db);
        if (f)
            facts = std::move(*f);
    });
    out() << QStringLiteral("load facts (%1 leads, %2 touchpoints read) %3  (%4× reference)")
                 .arg(facts.leads.size())
                 .arg(facts.touches.size())
                 .arg(ms(load))
                 .arg(load.wall / ref.wall, 0, 'f', 2)
          << Qt::endl;
#ifdef MIKOMI_EXE
    const QString exe = QStringLiteral(MIKOMI_EXE);
#else
    const QString exe;
#endif
    for (int a = 0; a < analytics::AttributionCount; ++a) {
        analytics::ReportOptions options;
        options.attribution = static_cast<analytics::Attribution>(a);
        const QString model = analytics::attributionKey(options.attribution);
        qint64 rows = 0;
        const Timing compute = bestOf(3, [&] {
            auto r = analytics::computeSourceReport(facts, options);
            rows = r ? qint64(r->sources.size()) : -1;
        });
        const Timing total = bestOf(3, [&] {
            auto f = services::loadFacts(**db);
            auto r = analytics::computeSourceReport(*f, options);
            rows = r ? qint64(r->sources.size()) : -1;
        });
        out() << QStringLiteral("%1 load+compute %2, compute alone %3, %4 rows: %5× reference "
                                "(CPU %6×), %8× one pass %7")
                     .arg(model, -10)
                     .arg(ms(total))
                     .arg(compute.wall, 0, 'f', 1)
                     .arg(rows)
                     .arg(total.wall / ref.wall, 0, 'f', 2)
                     .arg(total.cpu / ref.cpu, 0, 'f', 2)
                     .arg(total.wall < 500 ? QStringLiteral("(under 500 ms)")
                                           : QStringLiteral("(OVER 500 ms)"))
                     .arg(total.wall / pass.wall, 0, 'f', 2)
              << Qt::endl;
        if (exe.isEmpty())
            continue;
        bool cliOk = true;
        const Timing cli = bestOf(3, [&] {
            QProcess p;
            p.start(exe, {QStringLiteral("report"), QStringLiteral("sources"),
                          QStringLiteral("--db"), path, QStringLiteral("--attribution"), model,
                          QStringLiteral("--format"), QStringLiteral("json")});
            if (!p.waitForFinished(120000) || p.exitCode() != 0)
                cliOk = false;
        });
        out() << QStringLiteral("%1 `mikomi report sources --format json` %2: %3× reference (CPU "
                                "%4×), %6× one pass %5")
                     .arg(model, -10)
                     .arg(ms(cli))
                     .arg(cli.wall / ref.wall, 0, 'f', 2)
                     .arg(cli.cpu / ref.cpu, 0, 'f', 2)
                     .arg(!cliOk           ? QStringLiteral("(FAILED)")
                          : cli.wall < 500 ? QStringLiteral("(under 500 ms)")
                                           : QStringLiteral("(OVER 500 ms)"))
                     .arg(cli.wall / pass.wall, 0, 'f', 2)
              << Qt::endl;
    }
    // MIKOMI_BENCH_VERIFY=1: the reports from these facts against those from every touchpoint
    // read by the portable path (the previous loader), for every model.
    if (qEnvironmentVariableIntValue("MIKOMI_BENCH_VERIFY") == 1) {
        auto all = services::loadFacts(**db, {true, true});
        if (!all) {
            out() << "portable load failed: " << all.error() << Qt::endl;
            return 1;
        }
        for (int a = 0; a < analytics::AttributionCount; ++a) {
            analytics::ReportOptions options;
            options.attribution = static_cast<analytics::Attribution>(a);
            const auto fast = analytics::computeSourceReport(facts, options);
            const auto portable = analytics::computeSourceReport(*all, options);
            const bool same =
                fast && portable &&
                analytics::sourceReportJson(*fast, 0) ==
                    analytics::sourceReportJson(*portable, 0) &&
                analytics::sourceReportCsv(*fast, 0) == analytics::sourceReportCsv(*portable, 0);
            out() << analytics::attributionKey(options.attribution)
                  << (same ? ": same JSON and CSV as the portable loader with every touchpoint"
                           : ": DIFFERENT from the portable loader")
                  << Qt::endl;
            if (!same)
                return 1;
        }
    }
    out() << "load average at the end " << loadAverage() << Qt::endl;
    return 0;
}
