// `report sources` on 1,000,000 demo leads: load + compute for each attribution model, against
// the sqlite3 shell running the equivalent GROUP BY (leads per source with stage counts) on the
// same file. Run: bench_report [DB] (an existing demo database is reused; otherwise one is
// written to a temporary folder, which takes a few minutes).
#include "models/analytics/sourcereport.h"
#include "models/services/demowriter.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace mikomi;

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

// Best of `runs` wall-clock times of f(), in ms.
template <typename F> double bestOf(int runs, F f) {
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
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
          << (services::reportLoaderIsNative() ? "native sqlite3 API" : "Qt SQL") << Qt::endl;

    // Reference: the sqlite3 shell, the same counts by GROUP BY.
    const QString sql = QStringLiteral(
        "SELECT source_id, count(*), sum(furthest_stage <> 'inquiry'), "
        "sum(furthest_stage IN ('sql','opportunity','customer')), "
        "sum(furthest_stage IN ('opportunity','customer')), sum(furthest_stage = 'customer'), "
        "sum(CASE WHEN furthest_stage = 'customer' THEN deal_value END) "
        "FROM leads GROUP BY source_id;");
    bool shellOk = true;
    const double ref = bestOf(3, [&] {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {path, sql});
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            shellOk = false;
    });
    if (!shellOk) {
        out() << "the sqlite3 shell failed" << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("reference: sqlite3 shell GROUP BY      %1 ms").arg(ref, 8, 'f', 1)
          << Qt::endl;

    analytics::Facts facts;
    const double load = bestOf(3, [&] {
        auto f = services::loadFacts(**db);
        if (f)
            facts = std::move(*f);
    });
    out() << QStringLiteral("load facts (%1 leads, %2 touchpoints) %3 ms  (%4× reference)")
                 .arg(facts.leads.size())
                 .arg(facts.touches.size())
                 .arg(load, 0, 'f', 1)
                 .arg(load / ref, 0, 'f', 2)
          << Qt::endl;
    for (int a = 0; a < analytics::AttributionCount; ++a) {
        analytics::ReportOptions options;
        options.attribution = static_cast<analytics::Attribution>(a);
        qint64 rows = 0;
        const double compute = bestOf(3, [&] {
            auto r = analytics::computeSourceReport(facts, options);
            rows = r ? qint64(r->sources.size()) : -1;
        });
        const double total = bestOf(2, [&] {
            auto f = services::loadFacts(**db);
            auto r = analytics::computeSourceReport(*f, options);
            rows = r ? qint64(r->sources.size()) : -1;
        });
        out() << QStringLiteral("report sources --attribution %1: load+compute %2 ms (compute "
                                "alone %3 ms), %4 rows, ratio to reference %5×  %6")
                     .arg(analytics::attributionKey(options.attribution), -10)
                     .arg(total, 7, 'f', 1)
                     .arg(compute, 6, 'f', 1)
                     .arg(rows)
                     .arg(total / ref, 0, 'f', 2)
                     .arg(total < 500 ? QStringLiteral("(under 500 ms)")
                                      : QStringLiteral("(OVER 500 ms)"))
              << Qt::endl;
    }
    return 0;
}
