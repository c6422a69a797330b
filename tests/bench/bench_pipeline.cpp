// The kanban on 1,000,000 demo leads: column totals (one aggregate query) and the newest 200
// cards of each column, unfiltered and filtered by owner, against the sqlite3 shell running a
// plain `SELECT count(*) FROM leads` and the same GROUP BY on the same file; plus the unknown-
// source audit and a full score recompute. Run: bench_pipeline [DB] (an existing database is
// reused; otherwise demo data is written, MIKOMI_BENCH_LEADS leads, default 1,000,000).
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "models/storage/sourceadmin.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

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

double shell(const QString &path, const QString &sql) {
    return bestOf(3, [&] {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {path, sql});
        p.waitForFinished(-1);
    });
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const qint64 leads = qEnvironmentVariableIntValue("MIKOMI_BENCH_LEADS") > 0
                             ? qEnvironmentVariableIntValue("MIKOMI_BENCH_LEADS")
                             : 1000000;
    QTemporaryDir dir;
    const QString path = app.arguments().size() > 1 ? app.arguments().at(1)
                                                    : dir.filePath(QStringLiteral("bench.db"));
    const bool existing = QFileInfo::exists(path);
    auto opened = Database::open(path);
    if (!opened) {
        out() << "cannot open " << path << ": " << opened.error() << Qt::endl;
        return 1;
    }
    Database &db = **opened;
    if (!existing) {
        QElapsedTimer t;
        t.start();
        auto n = services::writeDemo(db, leads, 1, QDate(2026, 6, 30));
        if (!n) {
            out() << "demo failed: " << n.error() << Qt::endl;
            return 1;
        }
        out() << "wrote " << *n << " demo leads in " << t.elapsed() / 1000.0 << " s" << Qt::endl;
    }
    const double refCount = shell(path, QStringLiteral("SELECT count(*) FROM leads;"));
    const double refGroup = shell(
        path,
        QStringLiteral(
            "SELECT lost, stage, count(*), sum(deal_value) FROM leads GROUP BY lost, stage;"));
    out() << "reference sqlite3 shell: count(*) " << refCount << " ms, GROUP BY lost, stage "
          << refGroup << " ms (process start included)" << Qt::endl;

    PipelineQuery q(db);
    auto report = [&](const char *what, double ms) {
        out() << what << ": " << ms << " ms  (x" << ms / refCount << " of shell count, x"
              << ms / refGroup << " of shell GROUP BY)" << Qt::endl;
    };
    report("totals, everyone", bestOf(3, [&] { (void)q.totals({}); }));
    report("200 newest cards x 6 columns, everyone", bestOf(3, [&] {
               for (int c = 0; c < PipelineColumnCount; ++c)
                   (void)q.cards(PipelineColumn(c), {}, 200);
           }));
    PipelineFilter byOwner;
    if (auto users = UserRepository(db).list(); users && !users->isEmpty())
        byOwner.ownerId = users->first().id;
    report("totals, one owner", bestOf(3, [&] { (void)q.totals(byOwner); }));
    report("200 newest cards x 6 columns, one owner", bestOf(3, [&] {
               for (int c = 0; c < PipelineColumnCount; ++c)
                   (void)q.cards(PipelineColumn(c), byOwner, 200);
           }));
    report("unknown-source audit", bestOf(3, [&] { (void)SourceAdmin(db).unknownAudit(); }));
    report("recompute all scores", bestOf(1, [&] {
               (void)ScoringStore(db).recomputeAll(QDateTime(QDate(2026, 6, 30), QTime(12, 0)));
           }));
    // After the recompute, so the scores are real.
    PipelineFilter ready;
    ready.ready = scoring::Readiness::Mql;
    report("totals, ready for MQL", bestOf(3, [&] { (void)q.totals(ready); }));
    report("200 newest cards x 6 columns, ready for MQL", bestOf(3, [&] {
               for (int c = 0; c < PipelineColumnCount; ++c)
                   (void)q.cards(PipelineColumn(c), ready, 200);
           }));
    ready.ready = scoring::Readiness::Sql;
    report("totals, ready for SQL", bestOf(3, [&] { (void)q.totals(ready); }));
    report("200 newest cards x 6 columns, ready for SQL", bestOf(3, [&] {
               for (int c = 0; c < PipelineColumnCount; ++c)
                   (void)q.cards(PipelineColumn(c), ready, 200);
           }));
    return 0;
}
