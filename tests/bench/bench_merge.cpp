// Booth merge speed (issue 14, product.md: "booth merge of 2,000 cards < 2 s"): a booth laptop's
// file of 2,000 demo leads with their stage history, touchpoints, activities and a follow-up
// task each, merged by `storage::mergeDatabases` into a 10,000-lead team file, then merged again
// (nothing to do: the second run of an idempotent merge). Against the floor measured in the same
// run: the sqlite3 shell copying the same rows into a copy of the same team file (ATTACH, one
// INSERT … SELECT per table, lead ids mapped by uuid, one transaction, process start included).
// Wall and CPU time are both printed: on the shared, loaded build machine the CPU time says more.
// Each run merges into fresh copies of the two files. A fingerprint of the merged target (every
// lead's uuid and main fields, every row's uuid and lead, hashed) is printed, so two builds of
// the merge can be compared for the same result on the same files (pass a folder to keep them).
// Usage: bench_merge [FOLDER [runs]]  (FOLDER: office.mikomi and booth.mikomi are made there
// when missing; default a temporary folder; runs default 3).

#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/databasemerge.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

double cpuSeconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Timing {
    double wallMs = 0;
    double cpuMs = 0;
};

bool shell(const QString &db, const QString &sql, Timing *t, QByteArray *output = nullptr) {
    QElapsedTimer wall;
    const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
    wall.start();
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {db, sql});
    const bool ok =
        p.waitForFinished(600000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (t) {
        t->wallMs = double(wall.nsecsElapsed()) / 1e6;
        t->cpuMs = (cpuSeconds(RUSAGE_CHILDREN) - cpu0) * 1000;
    }
    const QByteArray err = p.readAllStandardError();
    if (output)
        *output = p.readAllStandardOutput();
    if (!ok || !err.isEmpty()) {
        std::printf("sqlite3 shell failed: %s\n", err.constData());
        return false;
    }
    return true;
}

// Every lead of the file with its main fields, every row with its lead, by uuid: hashed.
QByteArray fingerprint(const QString &path) {
    QByteArray out;
    const QString sql = QStringLiteral(
        "SELECT l.uuid, l.company, l.family_name, l.given_name, l.email, l.phone, l.notes, "
        "l.stage, l.lost, coalesce(u.name, ''), coalesce(s.name, ''), l.created_at FROM leads l "
        "LEFT JOIN users u ON u.id = l.owner_id LEFT JOIN sources s ON s.id = l.source_id ORDER "
        "BY l.uuid; "
        "SELECT h.uuid, l.uuid, h.to_stage, h.changed_at FROM stage_history h JOIN leads l ON "
        "l.id = h.lead_id ORDER BY h.uuid; "
        "SELECT t.uuid, l.uuid, t.occurred_at, coalesce(s.name, ''), t.campaign FROM touchpoints "
        "t JOIN leads l ON l.id = t.lead_id LEFT JOIN sources s ON s.id = t.source_id ORDER BY "
        "t.uuid; "
        "SELECT a.uuid, l.uuid, a.kind, a.occurred_at, a.notes FROM activities a JOIN leads l ON "
        "l.id = a.lead_id ORDER BY a.uuid; "
        "SELECT t.uuid, l.uuid, t.title, t.due_at, coalesce(t.done_at, ''), coalesce(u.name, '') "
        "FROM tasks t JOIN leads l ON l.id = t.lead_id LEFT JOIN users u ON u.id = t.owner_id "
        "ORDER BY t.uuid;");
    if (!shell(path, sql, nullptr, &out))
        return "?";
    return QCryptographicHash::hash(out, QCryptographicHash::Sha256).toHex().left(16);
}

qint64 count(const QString &path, const QString &sql) {
    QByteArray out;
    if (!shell(path, sql, nullptr, &out))
        return -1;
    return out.trimmed().toLongLong();
}

// The booth: demo leads of another seed (so some are the office's people under other ids) and a
// follow-up task for each, every third one done.
bool makeFiles(const QString &office, const QString &booth) {
    if (!QFileInfo::exists(office)) {
        auto db = Database::open(office);
        if (!db || !services::writeDemo(**db, 10000, 1, QDate(2026, 9, 30))) {
            std::printf("cannot write %s\n", qPrintable(office));
            return false;
        }
    }
    if (!QFileInfo::exists(booth)) {
        auto db = Database::open(booth);
        if (!db || !services::writeDemo(**db, 2000, 7, QDate(2026, 10, 15))) {
            std::printf("cannot write %s\n", qPrintable(booth));
            return false;
        }
        Transaction tx(**db);
        FollowUpRepository tasks(**db);
        const QDateTime due(QDate(2026, 10, 20), QTime(10, 0), QTimeZone(9 * 3600));
        int n = 0;
        if (Status s = LeadRepository(**db).forEach({},
                                                    [&](Lead &&l) {
                                                        FollowUp t;
                                                        t.leadId = l.id;
                                                        t.title =
                                                            QStringLiteral("展示会のお礼の電話");
                                                        t.owner = l.owner;
                                                        t.dueAt = due;
                                                        if (n++ % 3 == 0)
                                                            t.doneAt = due.addDays(-1);
                                                        return bool(tasks.add(t));
                                                    });
            !s || !tx.commit()) {
            std::printf("cannot add tasks to %s\n", qPrintable(booth));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir tmp;
    const QString dir = app.arguments().size() > 1 ? app.arguments().at(1) : tmp.path();
    const int runs = app.arguments().size() > 2 ? app.arguments().at(2).toInt() : 3;
    QDir().mkpath(dir);
    const QString office = QDir(dir).filePath(QStringLiteral("office.mikomi"));
    const QString booth = QDir(dir).filePath(QStringLiteral("booth.mikomi"));
    if (!makeFiles(office, booth))
        return 1;
    const qint64 leads = count(booth, QStringLiteral("SELECT count(*) FROM leads;"));
    const qint64 rows = count(
        booth, QStringLiteral("SELECT (SELECT count(*) FROM stage_history) + (SELECT count(*) "
                              "FROM touchpoints) + (SELECT count(*) FROM activities) + (SELECT "
                              "count(*) FROM tasks);"));
    std::printf("booth: %lld leads, %lld history/touchpoint/activity/task rows; team file: %lld "
                "leads\n",
                leads, rows, count(office, QStringLiteral("SELECT count(*) FROM leads;")));

    // The floor: the same rows copied by the sqlite3 shell (columns read from the booth).
    QByteArray cols;
    shell(booth,
          QStringLiteral("SELECT group_concat(name, ', ') FROM pragma_table_info('leads') WHERE "
                         "name NOT IN ('id', 'owner_id', 'source_id');"),
          nullptr, &cols);
    const QString leadCols = QString::fromUtf8(cols.trimmed());
    const QString copySql =
        QStringLiteral(
            "ATTACH '%1' AS b; BEGIN; "
            "INSERT INTO leads(%2, owner_id, source_id) SELECT %2, (SELECT u.id FROM users u JOIN "
            "b.users bu ON bu.name_key = u.name_key WHERE bu.id = bl.owner_id), (SELECT s.id FROM "
            "sources s JOIN b.sources bs ON bs.name_key = s.name_key WHERE bs.id = bl.source_id) "
            "FROM b.leads bl; "
            "INSERT INTO lead_scores(lead_id, score) SELECT l.id, bs.score FROM b.lead_scores bs "
            "JOIN b.leads bl ON bl.id = bs.lead_id JOIN leads l ON l.uuid = bl.uuid; "
            "INSERT INTO stage_history(lead_id, from_stage, to_stage, lost, recycled, changed_at, "
            "user_name, note, uuid) SELECT l.id, h.from_stage, h.to_stage, h.lost, h.recycled, "
            "h.changed_at, h.user_name, h.note, h.uuid FROM b.stage_history h JOIN b.leads bl ON "
            "bl.id = h.lead_id JOIN leads l ON l.uuid = bl.uuid; "
            "INSERT INTO touchpoints(lead_id, occurred_at, source_id, medium, campaign, content, "
            "url, uuid) SELECT l.id, t.occurred_at, (SELECT s.id FROM sources s JOIN b.sources bs "
            "ON bs.name_key = s.name_key WHERE bs.id = t.source_id), t.medium, t.campaign, "
            "t.content, t.url, t.uuid FROM b.touchpoints t JOIN b.leads bl ON bl.id = t.lead_id "
            "JOIN leads l ON l.uuid = bl.uuid; "
            "INSERT INTO activities(lead_id, kind, occurred_at, user_name, notes, uuid) SELECT "
            "l.id, a.kind, a.occurred_at, a.user_name, a.notes, a.uuid FROM b.activities a JOIN "
            "b.leads bl ON bl.id = a.lead_id JOIN leads l ON l.uuid = bl.uuid; "
            "INSERT INTO tasks(lead_id, title, owner_id, due_at, done_at, created_at, uuid) "
            "SELECT l.id, t.title, NULL, t.due_at, t.done_at, t.created_at, t.uuid FROM b.tasks t "
            "JOIN b.leads bl ON bl.id = t.lead_id JOIN leads l ON l.uuid = bl.uuid; COMMIT;")
            .arg(booth, leadCols);

    QList<double> ratios;
    for (int run = 1; run <= runs; ++run) {
        const QString floorCopy = QDir(dir).filePath(QStringLiteral("floor%1.mikomi").arg(run));
        const QString target = QDir(dir).filePath(QStringLiteral("target%1.mikomi").arg(run));
        const QString source = QDir(dir).filePath(QStringLiteral("source%1.mikomi").arg(run));
        for (const QString &f : {floorCopy, target, source}) {
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(f + suffix);
        }
        QFile::copy(office, floorCopy);
        QFile::copy(office, target);
        QFile::copy(booth, source);
        Timing floor;
        if (!shell(floorCopy, copySql, &floor))
            return 1;

        auto t = Database::open(target);
        auto s = Database::open(source);
        if (!t || !s) {
            std::printf("cannot open the copies\n");
            return 1;
        }
        QElapsedTimer wall;
        double cpu0 = cpuSeconds(RUSAGE_SELF);
        wall.start();
        auto first = mergeDatabases(**s, **t);
        const double firstMs = double(wall.nsecsElapsed()) / 1e6;
        const double firstCpu = (cpuSeconds(RUSAGE_SELF) - cpu0) * 1000;
        if (!first) {
            std::printf("merge failed: %s\n", qPrintable(first.error()));
            return 1;
        }
        cpu0 = cpuSeconds(RUSAGE_SELF);
        wall.restart();
        auto second = mergeDatabases(**s, **t);
        const double secondMs = double(wall.nsecsElapsed()) / 1e6;
        const double secondCpu = (cpuSeconds(RUSAGE_SELF) - cpu0) * 1000;
        if (!second) {
            std::printf("second merge failed: %s\n", qPrintable(second.error()));
            return 1;
        }
        t->reset();
        s->reset();
        std::printf("run %d: sqlite3 shell copying the rows: %.0f ms (cpu %.0f ms)\n", run,
                    floor.wallMs, floor.cpuMs);
        std::printf("run %d: merge: %.0f ms (cpu %.0f ms) = x%.2f of the shell's wall; added %d, "
                    "updated %d, unchanged %d, rows %d, conflicts %lld, duplicates offered "
                    "%lld; target < 2000 ms: %s\n",
                    run, firstMs, firstCpu, firstMs / floor.wallMs, first->added, first->updated,
                    first->unchanged, first->rowsAdded, qlonglong(first->conflicts.size()),
                    qlonglong(first->duplicates.size()), firstMs < 2000 ? "met" : "NOT met");
        std::printf("run %d: merge again: %.0f ms (cpu %.0f ms); added %d, updated %d, unchanged "
                    "%d, rows %d\n",
                    run, secondMs, secondCpu, second->added, second->updated, second->unchanged,
                    second->rowsAdded);
        if (run == 1 || app.arguments().size() > 1)
            std::printf("run %d: fingerprint of the merged file: %s\n", run,
                        fingerprint(target).constData());
        ratios << firstMs / floor.wallMs;
    }
    std::sort(ratios.begin(), ratios.end());
    if (!ratios.isEmpty())
        std::printf("median merge / shell copy: x%.2f\n", ratios.at(ratios.size() / 2));
    return 0;
}
