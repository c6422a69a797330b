// Import speed (product.md "Scale and speed"): a generated 100,000-row leads CSV (Japanese and
// English) imported into a fresh database by the import pipeline, against the sqlite3 shell's own
// `.import --csv FILE t` of the same file into a plain table, timed in the same run.
// Usage: bench_import [rows [csv-file]]   (default 100000, a temporary file). Target: within 3× of
// the shell.

#include "models/services/importer.h"
#include "models/storage/database.h"
#include "models/storage/searchindex.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace mikomi;

namespace {

void generate(const QString &path, int rows) {
    static const char16_t *families[] = {u"山田", u"佐藤", u"鈴木", u"髙橋", u"田中",
                                         u"伊藤", u"渡辺", u"中村", u"小林", u"加藤"};
    static const char16_t *familyReadings[] = {u"ヤマダ",   u"サトウ", u"スズキ",   u"タカハシ",
                                               u"タナカ",   u"イトウ", u"ワタナベ", u"ナカムラ",
                                               u"コバヤシ", u"カトウ"};
    static const char16_t *givens[] = {u"太郎", u"花子", u"一郎", u"美咲", u"健太", u"陽子"};
    static const char *latinFamilies[] = {"Smith", "Johnson", "Brown", "Garcia", "Miller"};
    static const char *latinGivens[] = {"Anna", "Bob", "Carol", "David", "Emma", "Frank"};
    static const char16_t *sources[] = {u"展示会", u"Google Ads", u"LinkedIn",
                                        u"紹介",   u"ウェビナー", u"Organic Search"};
    static const char *stages[] = {"inquiry", "mql", "sql", "opportunity", "customer", "lost"};
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QTextStream out(&f);
    out << "会社名,姓,名,姓カナ,メールアドレス,電話番号,都道府県,リードソース,ステージ,作成日,"
           "受注金額,備考\n";
    QRandomGenerator rng(42);
    for (int i = 0; i < rows; ++i) {
        const bool ja = rng.bounded(10) < 7;
        const int fi = int(rng.bounded(10));
        QString company, family, given, reading;
        if (ja) {
            company = QStringLiteral("株式会社サンプル%1").arg(i / 3);
            family = QString::fromUtf16(families[fi]);
            given = QString::fromUtf16(givens[rng.bounded(6)]);
            reading = QString::fromUtf16(familyReadings[fi]);
        } else {
            company = QStringLiteral("Example %1 Inc.").arg(i / 3);
            family = QLatin1String(latinFamilies[rng.bounded(5)]);
            given = QLatin1String(latinGivens[rng.bounded(6)]);
        }
        out << company << ',' << family << ',' << given << ',' << reading << ','
            << QStringLiteral("user%1@example%2.jp").arg(i).arg(i % 97) << ','
            << QStringLiteral("03-%1-%2").arg(1000 + i % 9000).arg(1000 + (i * 7) % 9000) << ','
            << (ja ? QStringLiteral("東京都") : QString()) << ','
            << QString::fromUtf16(sources[rng.bounded(6)]) << ',' << stages[rng.bounded(6)] << ','
            << QStringLiteral("2025-%1-%2 10:%3")
                   .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
            << ','
            << (rng.bounded(4) == 0 ? QString::number(100000 * rng.bounded(1, 50)) : QString())
            << ',' << (i % 10 == 0 ? QStringLiteral("\"メモ, 複数行\n二行目\"") : QString())
            << '\n';
    }
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    // A second argument keeps the generated file there (for profiling `mikomi import`).
    const QString csv =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("leads.csv"));
    generate(csv, rows);
    std::printf("rows: %d, file: %.1f MB\n", rows, double(QFile(csv).size()) / 1e6);

    // Reference: the sqlite3 shell's .import into a plain table.
    const QString refDb = dir.filePath(QStringLiteral("ref.db"));
    QElapsedTimer t;
    t.start();
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {refDb, QStringLiteral(".import --csv %1 t").arg(csv)});
    if (!shell.waitForFinished(600000) || shell.exitCode() != 0) {
        std::printf("sqlite3 shell failed: %s\n", shell.readAllStandardError().constData());
        return 1;
    }
    const double shellMs = double(t.nsecsElapsed()) / 1e6;

    auto db = storage::Database::open(dir.filePath(QStringLiteral("mikomi.db")));
    if (!db) {
        std::printf("%s\n", qPrintable(db.error()));
        return 1;
    }
    services::ImportOptions o;
    o.path = csv;
    t.restart();
    auto s = services::runImport(**db, o);
    const double importMs = double(t.nsecsElapsed()) / 1e6;
    if (!s) {
        std::printf("import failed: %s\n", qPrintable(s.error()));
        return 1;
    }
    std::printf("mikomi import: %.0f ms (created %lld, merged %lld, rejected %lld)\n", importMs,
                s->created, s->merged, s->rejected);
    std::printf("sqlite3 .import: %.0f ms\n", shellMs);
    std::printf("ratio: %.2fx (target <= 3x)\n", importMs / shellMs);
    // A second, stricter reference: SQLite's own share. The sqlite3 shell writes exactly the rows
    // the import wrote (read from a copy of the result) into an empty database of the same
    // schema, with the same deferred indexes, journal and cache: what is left of the import
    // beyond this is reading, normalising and matching.
    {
        const QString rows = dir.filePath(QStringLiteral("rows.db"));
        const QString floor = dir.filePath(QStringLiteral("floor.db"));
        (void)storage::exec(**db, QStringLiteral("VACUUM INTO ?"), {rows});
        QStringList drops, creates;
        {
            auto empty = storage::Database::open(floor);
            if (!empty) {
                std::printf("%s\n", qPrintable(empty.error()));
                return 1;
            }
            auto q = storage::exec(**empty, QStringLiteral("SELECT name, sql FROM sqlite_schema "
                                                           "WHERE type = 'index' AND sql IS NOT "
                                                           "NULL AND tbl_name IN ('leads', "
                                                           "'stage_history', 'tasks')"));
            while (q && q->next()) {
                drops << QStringLiteral("DROP INDEX %1;").arg(q->value(0).toString());
                creates << q->value(1).toString() + u';';
            }
        }
        const QString script =
            QStringLiteral("PRAGMA journal_mode = DELETE; PRAGMA cache_size = -262144; PRAGMA "
                           "foreign_keys = OFF; ATTACH '%1' AS r; BEGIN; %2 INSERT INTO "
                           "search_pending SELECT * FROM r.search_pending; INSERT INTO users "
                           "SELECT * FROM r.users WHERE id NOT IN (SELECT id FROM users); "
                           "INSERT INTO sources SELECT * FROM r.sources WHERE id NOT IN (SELECT "
                           "id FROM sources); INSERT INTO leads SELECT * FROM r.leads; INSERT "
                           "INTO stage_history SELECT * FROM r.stage_history; INSERT INTO tasks "
                           "SELECT * FROM r.tasks; %3 COMMIT;")
                .arg(rows, drops.join(u' '), creates.join(u' '));
        t.restart();
        QProcess replay;
        replay.start(QStringLiteral("sqlite3"), {floor, script});
        if (!replay.waitForFinished(600000) || replay.exitCode() != 0) {
            std::printf("sqlite3 replay failed: %s\n", replay.readAllStandardError().constData());
            return 1;
        }
        const double floorMs = double(t.nsecsElapsed()) / 1e6;
        std::printf("sqlite3 writing the same rows into the same schema: %.0f ms (import is "
                    "%.2fx of it)\n",
                    floorMs, importMs / floorMs);
    }
    // After the commit the app indexes the new leads for search in the background (searches
    // read them directly meanwhile); timed here on its own.
    t.restart();
    auto caught = storage::SearchIndex(**db).catchUp();
    std::printf("search index catch-up afterwards (background in the app): %.0f ms%s\n",
                double(t.nsecsElapsed()) / 1e6, caught && *caught ? "" : " FAILED");

    // Re-import of the same file (every row matches: merge, nothing new).
    t.restart();
    auto again = services::runImport(**db, o);
    std::printf("re-import (merge, no changes): %.0f ms, created %lld, merged %lld (%.2fx)\n",
                double(t.nsecsElapsed()) / 1e6, again ? again->created : -1,
                again ? again->merged : -1, double(t.nsecsElapsed()) / 1e6 / shellMs);
    return 0;
}
