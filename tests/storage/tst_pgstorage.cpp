// Team mode (issue 14): the storage layer on a PostgreSQL server. Every test function runs on both
// backends (the "sqlite" and "postgres" rows of initTestCase_data): the same repository calls,
// the same expected results. The server is a throwaway one (pgserver.h); the postgres rows are
// skipped, saying why, only when PostgreSQL is not installed.

#include "models/storage/bulkwriter.h"
#include "models/storage/changefeed.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/factreader.h"
#include "models/storage/followups.h"
#include "models/storage/leadquery.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/pgbulkwriter.h"
#include "models/storage/pgcopy.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/privacy.h"
#include "models/storage/repositories.h"
#include "models/storage/scorepass.h"
#include "models/storage/searchindex.h"
#include "models/storage/serverlogin.h"
#include "models/storage/serversearch.h"
#include "pgserver.h"
#include "tests/support/testshard.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <mutex>

using namespace mikomi;
using namespace mikomi::storage;

class TestPgStorage final : public QObject {
    Q_OBJECT
private:
    pgtest::Server m_server;
    bool m_started = false;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_files = 0;

    QString m_shared;   // the server database of init(): emptied for each test (resetShared)
    QString m_template; // a file with the current schema, copied for each test

    // A new empty database of the current row's backend: a file, or a server database.
    QString newLocation() {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgres"))
            return m_server.createDatabase();
        return m_dir.filePath(QStringLiteral("t%1.mikomi").arg(++m_files));
    }

    // Each test gets a database with the current schema and nothing else: on a server the one
    // shared database, emptied (every table truncated, the rows the migrations wrote put back
    // from the schema `seed`, the identity counters reset) in one statement, ~0.1 s instead of
    // a copy per test (CREATE DATABASE, and removing all the copies when the server stops, cost
    // 0.3-1 s each on a loaded machine); a file is copied from a migrated one (it is not open).
    QString migratedLocation() {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgres")) {
            if (!m_server.admin(QStringLiteral(R"(DO $$ DECLARE r record; BEGIN
SET LOCAL session_replication_role = replica;
EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('public.%I', tablename), ', ') ||
    ' RESTART IDENTITY' FROM pg_tables WHERE schemaname = 'public');
FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'seed' LOOP
    EXECUTE format('INSERT INTO public.%I SELECT * FROM seed.%I', r.tablename, r.tablename);
END LOOP;
FOR r IN SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), '
        'coalesce((SELECT max(%I) FROM public.%I), 0) + 1, false)',
        'public.' || r.table_name, r.column_name, r.column_name, r.table_name);
END LOOP;
END $$)"),
                                m_shared))
                return {};
            return m_server.url(m_shared);
        }
        const QString path = m_dir.filePath(QStringLiteral("t%1.mikomi").arg(++m_files));
        if (m_template.isEmpty()) {
            m_template = m_dir.filePath(QStringLiteral("template.mikomi"));
            if (!Database::open(m_template).ok())
                return {};
        }
        return QFile::copy(m_template, path) ? path : QString();
    }

    bool isServer() const { return m_db && m_db->backend() == Backend::Postgres; }

    // One value through the test's own connection (the schema is what is being checked).
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) {
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        if (!q.prepare(sql))
            return QStringLiteral("<prepare failed>");
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return QStringLiteral("<no row>");
        return q.value(0);
    }

    static Lead fullLead() {
        Lead l;
        l.company = QStringLiteral("株式会社サンプル商事");
        l.companyReading = QStringLiteral("サンプルショウジ");
        l.department = QStringLiteral("営業部");
        l.title = QStringLiteral("部長");
        l.familyName = QStringLiteral("髙橋");
        l.givenName = QStringLiteral("一郎");
        l.familyReading = QStringLiteral("タカハシ");
        l.givenReading = QStringLiteral("イチロウ");
        l.honorific = QStringLiteral("様");
        l.email = QStringLiteral("ichiro.takahashi@sample.co.jp");
        l.phone = QStringLiteral("03-1234-5678");
        l.mobile = QStringLiteral("090-1234-5678");
        l.postalCode = QStringLiteral("100-0001");
        l.prefecture = QStringLiteral("東京都");
        l.city = QStringLiteral("千代田区");
        l.street = QStringLiteral("千代田1-1");
        l.building = QStringLiteral("サンプルビル 5F");
        l.country = QStringLiteral("日本");
        l.website = QStringLiteral("https://sample.co.jp");
        l.owner = QStringLiteral("鈴木 花子");
        l.source = QStringLiteral("展示会");
        l.notes = QStringLiteral("名刺交換。①資料送付 ～ 来週");
        l.stage = Stage::Opportunity;
        l.furthestStage = Stage::Opportunity;
        l.optOut = true;
        l.temperatureOverride = Temperature::Hot;
        l.score = 42;
        l.dealValue = 3'000'000'000LL; // beyond 32 bits: money columns are 64-bit on both
        l.lifetimeValue = 4'000'000;
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(10, 30), QTimeZone(9 * 3600));
        l.updatedAt = QDateTime(QDate(2026, 4, 2), QTime(11, 0), QTimeZone(9 * 3600));
        l.wonAt = QDate(2026, 5, 1);
        l.lostReason = QStringLiteral("価格");
        return l;
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (pgtest::Server::binDir().isEmpty())
            return; // the postgres rows are skipped in init()
        QElapsedTimer t;
        t.start();
        m_started = m_server.start();
        if (m_started) {
            // The shared database, a copy of the migrated template (the run's, pgserver.h), and
            // a copy of the rows the migrations wrote (settings, the source dictionary …) to put
            // back after emptying it.
            const QString url = m_server.createMigratedDatabase(QStringLiteral("shared"));
            QVERIFY2(!url.isEmpty(), qPrintable(m_server.reason()));
            m_shared = url.section(QLatin1Char('/'), -1);
            QVERIFY2(m_server.admin(QStringLiteral(R"(DO $$ DECLARE r record; n bigint; BEGIN
CREATE SCHEMA seed;
FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('SELECT count(*) FROM public.%I', r.tablename) INTO n;
    IF n > 0 THEN
        EXECUTE format('CREATE TABLE seed.%I AS SELECT * FROM public.%I', r.tablename,
            r.tablename);
    END IF;
END LOOP;
END $$)"),
                                    m_shared),
                     qPrintable(m_server.reason()));
        }
        qInfo("PostgreSQL test server: %s in %lld ms (port %d)",
              m_started ? (m_server.shared() ? "the run's" : "started") : "FAILED",
              static_cast<long long>(t.elapsed()), m_server.port());
    }

    void cleanupTestCase() {
        m_db.reset();
        m_server.stop();
    }

    void init() {
        QFETCH_GLOBAL(QString, backend);
        m_db.reset();
        if (backend == QLatin1String("postgres")) {
            if (pgtest::Server::binDir().isEmpty())
                QSKIP("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install "
                      "postgresql libqt6sql6-psql");
            QVERIFY2(m_started, qPrintable(m_server.reason()));
        }
        const QString where = migratedLocation();
        QVERIFY2(!where.isEmpty(), qPrintable(m_server.reason()));
        auto db = Database::open(where);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        m_db = std::move(db).value();
    }

    void cleanup() { m_db.reset(); }

    void schemaIsCreatedAndRecorded() {
        m_db.reset();
        auto fresh = Database::open(newLocation());
        QVERIFY2(fresh.ok(), qPrintable(fresh.ok() ? QString() : fresh.error()));
        m_db = std::move(fresh).value();
        QCOMPARE(m_db->schemaVersion(), currentSchemaVersion());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM leads")).toInt(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM scoring_rules")).toInt(), 11);
        const QString where = m_db->path();
        if (isServer()) {
            QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(),
                     currentSchemaVersion());
            QVERIFY(where.startsWith(QLatin1String("postgresql://mikomi_test@127.0.0.1:")));
        } else {
            QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), currentSchemaVersion());
        }
        // Opened again: nothing to do, the same version.
        m_db.reset();
        auto again = Database::open(where);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error()));
        QCOMPARE((*again)->schemaVersion(), currentSchemaVersion());
    }

    void failedMigrationChangesNothing() {
        const QString where = newLocation();
        std::vector<Migration> steps = builtinMigrations();
        steps.push_back({currentSchemaVersion() + 1,
                         {QStringLiteral("CREATE TABLE half_done (x INTEGER)"),
                          QStringLiteral("SELECT no_such_column FROM leads")}});
        OpenOptions options;
        options.migrations = &steps;
        auto failed = Database::open(where, options);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(QStringLiteral("step %1").arg(steps.back().version)),
                 qPrintable(failed.error()));
        // Nothing of it stayed: a new database is empty again and opens at the current version.
        auto fresh = Database::open(where);
        QVERIFY2(fresh.ok(), qPrintable(fresh.ok() ? QString() : fresh.error()));
        QCOMPARE((*fresh)->schemaVersion(), currentSchemaVersion());
        m_db = std::move(fresh).value();
        // No such table.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM half_done")).toString(),
                 QStringLiteral("<prepare failed>"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM leads")).toInt(), 0);
    }

    void newerSchemaIsRefused() {
        const QString where = m_db->path();
        const QString bump = isServer() ? QStringLiteral("UPDATE schema_version SET version = 99")
                                        : QStringLiteral("PRAGMA user_version = 99");
        QVERIFY(QSqlQuery(QSqlDatabase::database(m_db->connectionName())).exec(bump));
        m_db.reset();
        auto newer = Database::open(where);
        QVERIFY(!newer.ok());
        QCOMPARE(newer.errorKind(), ErrorKind::NewerSchema);
        QVERIFY2(newer.error().contains(QLatin1String("99")), qPrintable(newer.error()));
    }

    void leadRoundTripsEveryField() {
        LeadRepository repo(*m_db);
        Lead l = fullLead();
        auto id = repo.insert(l, QStringLiteral("tester"));
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error()));
        QVERIFY(l.id > 0);
        auto back = repo.get(l.id);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error()));
        QCOMPARE(back->createdAt.toMSecsSinceEpoch(), l.createdAt.toMSecsSinceEpoch());
        QCOMPARE(back->createdAt.offsetFromUtc(), 9 * 3600);
        Lead expected = l;
        expected.createdAt = back->createdAt;
        expected.updatedAt = back->updatedAt;
        QCOMPARE(*back, expected);

        Lead changed = *back;
        changed.company = QStringLiteral("Acme Corp");
        changed.givenName = QStringLiteral("Anna");
        changed.familyName = QStringLiteral("Smith");
        changed.email = QStringLiteral("anna@acme.example");
        changed.source = QStringLiteral("LinkedIn");
        changed.owner = QString();
        changed.optOut = false;
        changed.temperatureOverride.reset();
        changed.dealValue.reset();
        changed.wonAt.reset();
        QVERIFY(repo.update(changed).ok());
        auto again = repo.get(l.id);
        QVERIFY(again.ok());
        changed.updatedAt = again->updatedAt;
        QCOMPARE(again->version, changed.version + 1); // every save makes a new version
        changed.version = again->version;
        QCOMPARE(*again, changed);
    }

    void leadsAreListedAndCounted() {
        LeadRepository repo(*m_db);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            Lead l = fullLead();
            l.email = QStringLiteral("p%1@sample.co.jp").arg(i);
            l.familyName = QStringLiteral("山田%1").arg(i);
            QVERIFY(repo.insert(l).ok());
            ids << l.id;
        }
        QCOMPARE(repo.count().value(), 5);
        QStringList names;
        QVERIFY(repo.forEach({},
                             [&](Lead &&l) {
                                 names << l.familyName;
                                 return true;
                             })
                    .ok());
        QCOMPARE(names.size(), 5);
        QCOMPARE(names.first(), QStringLiteral("山田0"));
        names.clear();
        QVERIFY(repo.forEach({ids.at(3), ids.at(1)},
                             [&](Lead &&l) {
                                 names << l.familyName;
                                 return true;
                             })
                    .ok());
        QCOMPARE(names, (QStringList{QStringLiteral("山田3"), QStringLiteral("山田1")}));
        QVERIFY(!repo.forEach({999999}, [](Lead &&) { return true; }).ok());
        QVERIFY(repo.remove(ids.at(0)).ok());
        QCOMPARE(repo.count().value(), 4);
    }

    void stageChangesAreRecorded() {
        LeadRepository repo(*m_db);
        Lead l;
        l.company = QStringLiteral("Acme");
        l.createdAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), QTimeZone(9 * 3600));
        QVERIFY(repo.insert(l).ok());
        const QDateTime t1 = l.createdAt.addDays(3);
        QVERIFY(repo.changeStage(l.id, Stage::Mql, SqlKind::None, QStringLiteral("a"), t1).ok());
        QVERIFY(repo.changeStage(l.id, Stage::Sql, SqlKind::Sal, QStringLiteral("b"), t1.addDays(1))
                    .ok());
        QVERIFY(
            repo.markLost(l.id, QStringLiteral("競合"), QStringLiteral("b"), t1.addDays(2)).ok());
        auto lost = repo.get(l.id);
        QVERIFY(lost->lost);
        QCOMPARE(lost->stage, Stage::Sql);
        QCOMPARE(lost->sqlKind, SqlKind::Sal);
        QCOMPARE(lost->lostReason, QStringLiteral("競合"));
        QVERIFY(repo.recycle(l.id, QStringLiteral("c"), t1.addDays(10)).ok());
        auto recycled = repo.get(l.id);
        QVERIFY(!recycled->lost);
        QCOMPARE(recycled->stage, Stage::Mql);
        QCOMPARE(recycled->furthestStage, Stage::Sql);
        auto h = repo.history(l.id);
        QVERIFY(h.ok());
        QCOMPARE(h->size(), 5);
        QVERIFY(!h->at(0).fromStage.has_value());
        QCOMPARE(h->at(2).user, QStringLiteral("b"));
        QVERIFY(h->at(3).lost);
        QVERIFY(h->at(4).recycled);
        QVERIFY(
            repo.markWon(l.id, 2'500'000, QDate(2026, 2, 1), QStringLiteral("d"), t1.addDays(20))
                .ok());
        QCOMPARE(repo.get(l.id)->stage, Stage::Customer);
        QCOMPARE(repo.get(l.id)->dealValue, std::optional<Money>(2'500'000));
    }

    void lastActivityFollowsActivities() {
        LeadRepository repo(*m_db);
        Lead first = fullLead();
        QVERIFY(repo.insert(first).ok());
        const auto last = [&] {
            const QVariant v = scalar(QStringLiteral("SELECT last_activity_at FROM leads WHERE "
                                                     "id = ?"),
                                      {first.id});
            return v.isNull() ? QStringLiteral("<null>") : v.toString();
        };
        QCOMPARE(last(), QStringLiteral("<null>"));
        Activity later{0,
                       {}, // uuid: made when stored
                       first.id,
                       ActivityKind::Meeting,
                       QDateTime(QDate(2026, 5, 20), QTime(10, 0), QTimeZone(9 * 3600)),
                       {},
                       {}};
        Activity earlier = later;
        earlier.occurredAt = later.occurredAt.addDays(-10);
        QVERIFY(repo.addActivity(later).ok());
        QVERIFY(repo.addActivity(earlier).ok());
        QCOMPARE(last(), QStringLiteral("2026-05-20T10:00:00+09:00"));
        QVERIFY(repo.removeActivity(later.id).ok());
        QCOMPARE(last(), QStringLiteral("2026-05-10T10:00:00+09:00"));
        QCOMPARE(repo.activities(first.id)->size(), 1);
    }

    void deleteCascades() {
        LeadRepository repo(*m_db);
        Lead l = fullLead();
        QVERIFY(repo.insert(l).ok());
        Touchpoint tp;
        tp.leadId = l.id;
        tp.source = QStringLiteral("google ads");
        tp.occurredAt = QDateTime::currentDateTime();
        tp.medium = QStringLiteral("cpc");
        QVERIFY(repo.addTouchpoint(tp).ok());
        QCOMPARE(repo.touchpoints(l.id)->size(), 1);
        QVERIFY(repo.remove(l.id).ok());
        QVERIFY(!repo.get(l.id).ok());
        QCOMPARE(repo.touchpoints(l.id)->size(), 0);
        QCOMPARE(repo.history(l.id)->size(), 0);
        QVERIFY(!repo.remove(l.id).ok()); // already gone: an error, not silence
    }

    void sourcesAreNormalised() {
        SourceRepository sources(*m_db);
        const qint64 a = *sources.resolve(QStringLiteral("LinkedIn"));
        QVERIFY(a > 0);
        QCOMPARE(*sources.resolve(QStringLiteral("ＬｉｎｋｅｄＩｎ")), a);
        QVERIFY(sources.addAlias(QStringLiteral("LinkedIn Ads"), a).ok());
        QVERIFY(sources.addAlias(QStringLiteral("In-Mail"), a).ok());
        QCOMPARE(*sources.resolve(QStringLiteral("linkedin  ads")), a);
        QVERIFY(sources.resolve(QStringLiteral("Google Ads")).ok());
        const auto list = sources.list(SourceRepository::LeadCounts::Counted);
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error()));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("Google Ads"));
        QCOMPARE(list->at(1).aliases,
                 (QStringList{QStringLiteral("In-Mail"), QStringLiteral("LinkedIn Ads")}));
    }

    void rolledBackWritesAreGone() {
        LeadRepository repo(*m_db);
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            Lead l;
            l.company = QStringLiteral("X");
            l.source = QStringLiteral("Brand new source");
            QVERIFY(repo.insert(l).ok());
        } // rolled back, the source row with it
        QCOMPARE(repo.count().value(), 0);
        Lead l;
        l.company = QStringLiteral("Y");
        l.source = QStringLiteral("Brand new source");
        auto r = repo.insert(l);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(repo.get(l.id)->source, QStringLiteral("Brand new source"));
    }

    void spendUpserts() {
        LeadRepository repo(*m_db);
        QVERIFY(
            repo.setSpend({QStringLiteral("Google Ads"), QStringLiteral("2026-01"), 100000}).ok());
        QVERIFY(
            repo.setSpend({QStringLiteral("google ads"), QStringLiteral("2026-01"), 120000}).ok());
        auto s = repo.spend();
        QVERIFY(s.ok());
        QCOMPARE(s->size(), 1);
        QCOMPARE(s->first().amount, 120000);
    }

    // The rows the reports are computed from: the same numbers from both backends.
    void reportFactsAreTheSame() {
        LeadRepository repo(*m_db);
        Lead won = fullLead(); // created 2026-04-01 10:30 +09:00, won 2026-05-01
        QVERIFY(repo.insert(won).ok());
        Lead open;
        open.company = QStringLiteral("Acme");
        open.source = QStringLiteral("Google Ads");
        open.createdAt = QDateTime(QDate(2026, 1, 31), QTime(23, 30), QTimeZone(9 * 3600));
        QVERIFY(repo.insert(open).ok());
        Touchpoint tp;
        tp.leadId = open.id;
        tp.source = QStringLiteral("Google Ads");
        tp.occurredAt = QDateTime(QDate(2026, 2, 1), QTime(8, 15, 30), QTimeZone(9 * 3600));
        QVERIFY(repo.addTouchpoint(tp).ok());
        QVERIFY(
            repo.setSpend({QStringLiteral("Google Ads"), QStringLiteral("2026-02"), 50000}).ok());

        struct Sink final : FactSink {
            QStringList rows;
            void source(const FactSourceRow &r) override {
                rows << QStringLiteral("source %1 %2 %3").arg(r.name, r.category, r.tier);
            }
            void lead(const FactLeadRow &r) override {
                rows << QStringLiteral("lead %1 stage %2 lost %3 created %4 won %5 deal %6")
                            .arg(r.sourceId.has_value())
                            .arg(int(r.furthestStage))
                            .arg(r.lost)
                            .arg(r.createdDay.value_or(-1))
                            .arg(r.wonDay.value_or(-1))
                            .arg(r.dealValue.value_or(-1));
            }
            void touch(const FactTouchRow &r) override {
                rows << QStringLiteral("touch %1 %2 %3")
                            .arg(r.occurredAtMs)
                            .arg(r.day.value_or(-1))
                            .arg(r.sourceId.has_value());
            }
            void spend(const FactSpendRow &r) override {
                rows << QStringLiteral("spend %1 %2").arg(r.month).arg(r.amount);
            }
        } sink;
        QVERIFY(readFacts(*m_db, sink).ok());
        sink.rows.sort();
        const QStringList expected{
            QStringLiteral("lead 1 stage 0 lost 0 created %1 won -1 deal -1")
                .arg(QDate(2026, 1, 31).toJulianDay()),
            QStringLiteral("lead 1 stage 3 lost 0 created %1 won %2 deal 3000000000")
                .arg(QDate(2026, 4, 1).toJulianDay())
                .arg(QDate(2026, 5, 1).toJulianDay()),
            QStringLiteral("source Google Ads paid experiment"),
            QStringLiteral("source 展示会 event experiment"),
            QStringLiteral("spend 2026-02 50000"),
            QStringLiteral("touch %1 %2 1")
                .arg(tp.occurredAt.toMSecsSinceEpoch())
                .arg(QDate(2026, 2, 1).toJulianDay()),
        };
        QCOMPARE(sink.rows, expected);
    }

    // Server only from here: what a file has no counterpart for.

    // Sorted or filtered by temperature (schema v17): the same order and counts on both
    // backends, whether the page comes from the leads that can be hot or warm (found through the
    // v17 indexes, which the server has too) or from every lead (limit 0: a file walks them, a
    // server sorts them).
    void temperatureOrderIsTheSame() {
        LeadRepository repo(*m_db);
        for (int i = 0; i < 40; ++i) {
            Lead l;
            l.company = QStringLiteral("温度テスト%1").arg(i);
            l.familyName = QStringLiteral("佐藤");
            l.email = QStringLiteral("t%1@example.jp").arg(i);
            l.createdAt =
                QDateTime(QDate(2026, 6, 30).addDays(-2 * i), QTime(10, 0), QTimeZone(9 * 3600));
            l.updatedAt = l.createdAt;
            l.score = (i * 37) % 100;
            if (i % 11 == 3)
                l.temperatureOverride = Temperature::Hot;
            else if (i % 13 == 5)
                l.temperatureOverride = Temperature::Cold;
            QVERIFY(repo.insert(l).ok());
        }
        const auto rank = [](Temperature t) {
            return t == Temperature::Hot ? 0 : t == Temperature::Warm ? 1 : 2;
        };
        for (const QDate &today : {QDate(2026, 6, 30), QDate(2026, 12, 31)}) {
            for (const qint64 limit : {LeadQuery::kTemperatureCandidateLimit, qint64(0)}) {
                LeadQuery query(*m_db, today);
                query.setTemperatureCandidateLimit(limit);
                QCOMPARE(query.temperatureCandidates().value().has_value(), limit > 0);
                QList<LeadRow> all = query.rows({}, LeadSort::Created, true, 0, 1000).value();
                QCOMPARE(all.size(), 40);
                for (const bool asc : {true, false}) {
                    std::sort(all.begin(), all.end(), [&](const LeadRow &a, const LeadRow &b) {
                        const int ra = rank(a.temperature), rb = rank(b.temperature);
                        if (ra != rb)
                            return asc ? ra < rb : rb < ra;
                        return asc ? a.id < b.id : b.id < a.id;
                    });
                    QList<qint64> expected, paged;
                    for (const LeadRow &r : all)
                        expected << r.id;
                    for (int off = 0; off < 40; off += 7) {
                        const auto page = query.rows({}, LeadSort::Temperature, asc, off, 7);
                        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error()));
                        for (const LeadRow &r : page.value())
                            paged << r.id;
                    }
                    QCOMPARE(paged, expected);
                }
                for (const Temperature t : {Temperature::Hot, Temperature::Warm}) {
                    LeadFilter f;
                    f.temperature = t;
                    qint64 n = 0;
                    for (const LeadRow &r : all)
                        n += r.temperature == t ? 1 : 0;
                    QCOMPARE(query.count(f).value(), n);
                    QCOMPARE(query.rows(f, LeadSort::Created, false, 0, 100).value().size(), n);
                }
            }
        }
        if (isServer()) {
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname IN "
                                           "('leads_last_activity', 'leads_temperature_set')"))
                         .toInt(),
                     2);
        }
    }

    // Search (FTS5 on a file, pg_trgm on a server): the same leads for the same text, in Japanese
    // too, whatever the width or kana the user types.
    void searchFindsTheSameLeads() {
        LeadRepository repo(*m_db);
        const auto add = [&](const QString &company, const QString &family, const QString &email,
                             const QString &phone) {
            Lead l;
            l.company = company;
            l.familyName = family;
            l.email = email;
            l.phone = phone;
            l.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone(9 * 3600));
            QVERIFY(repo.insert(l).ok());
        };
        add(QStringLiteral("株式会社サンプル商事"), QStringLiteral("髙橋"),
            QStringLiteral("takahashi@sample.co.jp"), QStringLiteral("03-1234-5678"));
        add(QStringLiteral("Acme Corporation"), QStringLiteral("Smith"),
            QStringLiteral("anna@acme.example"), QStringLiteral("06-9876-5432"));
        add(QStringLiteral("さくら商店"), QStringLiteral("山田"),
            QStringLiteral("y@sakura.example"), QString());
        LeadQuery query(*m_db, QDate(2026, 6, 1));
        const auto found = [&](const QString &text) {
            LeadFilter f;
            f.search = text;
            auto rows = query.rows(f, LeadSort::Created, true, 0, 50);
            if (!rows)
                return QStringList{QStringLiteral("<error: %1>").arg(rows.error())};
            QStringList out;
            for (const LeadRow &r : *rows)
                out << r.company;
            const auto n = query.count(f);
            if (!n || *n != out.size())
                out << QStringLiteral("<count differs>");
            return out;
        };
        const QStringList sample{QStringLiteral("株式会社サンプル商事")};
        const QStringList acme{QStringLiteral("Acme Corporation")};
        QCOMPARE(found(QStringLiteral("サンプル")), sample);
        QCOMPARE(found(QStringLiteral("さんぷる")), sample);  // hiragana finds katakana
        QCOMPARE(found(QStringLiteral("ｻﾝﾌﾟﾙ")), sample);     // half-width katakana
        QCOMPARE(found(QStringLiteral("ＡＣＭＥ")), acme);    // full-width letters
        QCOMPARE(found(QStringLiteral("acme corp")), acme);   // two tokens
        QCOMPARE(found(QStringLiteral("商事")), sample);      // two characters: LIKE
        QCOMPARE(found(QStringLiteral("sample.co")), sample); // in the email
        QCOMPARE(found(QStringLiteral("03-1234-5678")), sample);
        QCOMPARE(found(QStringLiteral("商")).size(), 2); // 商事, 商店
        QCOMPARE(found(QStringLiteral("zzz")), QStringList());
        QCOMPARE(found(QStringLiteral("smith")), acme);
        // Sorted by score and stage with the search alone (SQLite is told an index there).
        LeadFilter f;
        f.search = QStringLiteral("acme");
        for (LeadSort sort : {LeadSort::Score, LeadSort::Stage, LeadSort::Company, LeadSort::Source,
                              LeadSort::Temperature}) {
            auto rows = query.rows(f, sort, false, 0, 10);
            QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error()));
            QCOMPARE(rows->size(), 1);
        }
        if (isServer()) {
            // The search text has its trigram index, and a Japanese substring can use it.
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                           "'leads_search_trgm'"))
                         .toInt(),
                     1);
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            QVERIFY(q.exec(QStringLiteral("SET enable_seqscan = off")));
            QVERIFY(q.exec(QStringLiteral(
                "EXPLAIN SELECT id FROM leads l WHERE (l.company_key || ' ' || l.person_key || ' ' "
                "|| l.reading_key || ' ' || l.email_key || ' ' || l.phone_key || ' ' || "
                "l.mobile_key || ' ' || lower(l.company) || ' ' || lower(l.company_reading)) LIKE "
                "'%サンプル%'")));
            QString plan;
            while (q.next())
                plan += q.value(0).toString() + QLatin1Char('\n');
            QVERIFY2(plan.contains(QLatin1String("leads_search_trgm")), qPrintable(plan));
            QVERIFY(q.exec(QStringLiteral("SET enable_seqscan = on")));
        }
    }

    // A deleted lead comes back whole (undo), twice over (the upserts of its rows).
    void undoRestoresADeletedLead() {
        LeadRepository repo(*m_db);
        Lead l = fullLead();
        QVERIFY(repo.insert(l).ok());
        QVERIFY(repo.changeStage(l.id, Stage::Customer, SqlKind::None, QStringLiteral("a"),
                                 l.createdAt.addDays(3))
                    .ok());
        Touchpoint tp;
        tp.leadId = l.id;
        tp.source = QStringLiteral("Google Ads");
        tp.occurredAt = QDateTime(QDate(2026, 4, 1), QTime(8, 0), QTimeZone(9 * 3600));
        tp.campaign = QStringLiteral("春");
        QVERIFY(repo.addTouchpoint(tp).ok());
        Activity a{0, {}, l.id, ActivityKind::Call, l.createdAt.addDays(1), {}, {}};
        QVERIFY(repo.addActivity(a).ok());
        FollowUp task;
        task.leadId = l.id;
        task.title = QStringLiteral("電話");
        task.dueAt = l.createdAt.addDays(2);
        QVERIFY(FollowUpRepository(*m_db).add(task).ok());
        auto snap = snapshotLead(*m_db, l.id);
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error()));
        // Restored over itself (the rows are there): nothing doubles.
        auto again = restoreLead(*m_db, *snap);
        QVERIFY(!again.ok()); // the lead row itself is there: refused, nothing changed
        QVERIFY(deleteLeads(*m_db, {l.id}).ok());
        QVERIFY(!repo.get(l.id).ok());
        auto back = restoreLead(*m_db, *snap);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error()));
        QCOMPARE(repo.get(l.id)->company, l.company);
        QCOMPARE(repo.history(l.id)->size(), snap->history.size());
        QCOMPARE(repo.touchpoints(l.id)->size(), 1);
        QCOMPARE(repo.touchpoints(l.id)->first().campaign, QStringLiteral("春"));
        QCOMPARE(repo.activities(l.id)->size(), 1);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE lead_id = ?"), {l.id}).toInt(),
            1);
        // A new lead after the restore gets a new id (the server's sequence is not disturbed).
        Lead next = fullLead();
        next.email = QStringLiteral("next@sample.co.jp");
        auto inserted = repo.insert(next);
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error()));
        QVERIFY(next.id != l.id);
    }

    void duplicatesAreFoundAndMerged() {
        LeadRepository repo(*m_db);
        Lead a = fullLead();
        Lead b = fullLead(); // the same email and phone
        b.notes = QStringLiteral("二件目");
        Lead c = fullLead();
        c.email = QStringLiteral("other@sample.co.jp");
        c.phone = QStringLiteral("011-111-2222");
        c.mobile.clear();
        c.company = QStringLiteral("別会社");
        QVERIFY(repo.insert(a).ok());
        QVERIFY(repo.insert(b).ok());
        QVERIFY(repo.insert(c).ok());
        auto groups = duplicateGroups(*m_db);
        QVERIFY2(groups.ok(), qPrintable(groups.ok() ? QString() : groups.error()));
        QCOMPARE(groups->size(), 1);
        QCOMPARE(groups->first().reason, DuplicateReason::Email);
        QCOMPARE(groups->first().leads.size(), 2);
        QCOMPARE(groups->first().leads.at(0).id, a.id);
        QCOMPARE(groups->first().leads.at(1).id, b.id);
        auto matches = findDuplicates(*m_db, a);
        QVERIFY(matches.ok());
        QVERIFY(!matches->isEmpty());
        QVERIFY(mergeLeads(*m_db, a.id, b.id).ok());
        QCOMPARE(repo.count().value(), 2);
        QVERIFY(duplicateGroups(*m_db)->isEmpty());
    }

    void scoresAreRecomputed() {
        LeadRepository repo(*m_db);
        for (int i = 0; i < 6; ++i) {
            Lead l = fullLead();
            l.email = QStringLiteral("s%1@sample.co.jp").arg(i);
            l.title = i % 2 ? QStringLiteral("部長") : QStringLiteral("担当");
            l.score = 0;
            QVERIFY(repo.insert(l).ok());
            Activity a{0,
                       {},
                       l.id,
                       ActivityKind::DocumentDownload,
                       QDateTime(QDate(2026, 5, 1), QTime(9, 0), QTimeZone(9 * 3600)),
                       {},
                       {}};
            QVERIFY(repo.addActivity(a).ok());
        }
        scoring::Rules rules;
        rules.attributes << scoring::AttributeRule{QStringLiteral("title"),
                                                   scoring::AttributeRule::Op::Contains,
                                                   QStringLiteral("部長"), 30};
        rules.attributes << scoring::AttributeRule{QStringLiteral("source"),
                                                   scoring::AttributeRule::Op::Equals,
                                                   QStringLiteral("展示会"), 5};
        rules.behaviours << scoring::BehaviourRule{ActivityKind::DocumentDownload, 10, 0};
        setScorePassIndexRebuildFrom(1); // the file drops and rebuilds its score indexes
        Transaction tx(*m_db);
        QVERIFY(tx.started());
        auto pass = recomputeScores(*m_db, rules,
                                    QDateTime(QDate(2026, 6, 1), QTime(9, 0), QTimeZone(0)), {});
        setScorePassIndexRebuildFrom(50000);
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(pass->changed, 6);
        QVERIFY(tx.commit().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT sum(score) FROM lead_scores")).toLongLong(),
                 3 * 45 + 3 * 15);
    }

    void followUpsAreKept() {
        LeadRepository repo(*m_db);
        Lead l = fullLead();
        l.stage = l.furthestStage = Stage::Inquiry;
        QVERIFY(repo.insert(l).ok());
        FollowUpRepository tasks(*m_db);
        auto id = tasks.createForLead(l.id);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error()));
        auto open = tasks.open(QString(), 10);
        QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error()));
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().company, l.company);
        const QDateTime due = open->first().dueAt;
        auto old = tasks.reschedule(*id, due.addDays(1));
        QVERIFY(old.ok());
        QCOMPARE(*old, due);
        auto act =
            tasks.complete(*id, ActivityKind::Call, QStringLiteral("花子"), due.addSecs(3600));
        QVERIFY2(act.ok(), qPrintable(act.ok() ? QString() : act.error()));
        QCOMPARE(tasks.open(QString(), 10)->size(), 0);
        QVERIFY(tasks.reopen(*id, *act).ok());
        QCOMPARE(tasks.open(QString(), 10)->size(), 1);
    }

    void pipelineCountsAndCards() {
        LeadRepository repo(*m_db);
        for (int i = 0; i < 4; ++i) {
            Lead l = fullLead();
            l.email = QStringLiteral("p%1@sample.co.jp").arg(i);
            l.stage = l.furthestStage = i < 3 ? Stage::Inquiry : Stage::Opportunity;
            l.score = i * 40;
            l.dealValue = 1000 * (i + 1);
            QVERIFY(repo.insert(l).ok());
        }
        PipelineQuery pipe(*m_db);
        PipelineFilter f;
        auto totals = pipe.totals(f);
        QVERIFY2(totals.ok(), qPrintable(totals.ok() ? QString() : totals.error()));
        QCOMPARE(totals->at(int(PipelineColumn::Inquiry)).count, 3);
        QCOMPARE(totals->at(int(PipelineColumn::Inquiry)).value, 6000);
        QCOMPARE(totals->at(int(PipelineColumn::Opportunity)).count, 1);
        auto cards = pipe.cards(PipelineColumn::Inquiry, f, 10);
        QVERIFY2(cards.ok(), qPrintable(cards.ok() ? QString() : cards.error()));
        QCOMPARE(cards->size(), 3);
        f.ready = scoring::Readiness::Mql;
        f.mqlScore = 40;
        auto ready = pipe.cards(PipelineColumn::Inquiry, f, 10);
        QVERIFY2(ready.ok(), qPrintable(ready.ok() ? QString() : ready.error()));
        QCOMPARE(ready->size(), 2);
        auto one = pipe.card(ready->first().id);
        QVERIFY(one.ok());
    }

    void aPersonIsErased() {
        LeadRepository repo(*m_db);
        Lead l = fullLead();
        QVERIFY(repo.insert(l).ok());
        Lead other = fullLead();
        other.email = QStringLiteral("keep@sample.co.jp");
        QVERIFY(repo.insert(other).ok());
        auto ids = leadsWithEmail(*m_db, l.email);
        QVERIFY(ids.ok());
        QCOMPARE(*ids, QList<qint64>{l.id});
        auto records = personRecords(*m_db, *ids);
        QVERIFY(records.ok());
        auto erased = erase(*m_db, *ids);
        QVERIFY2(erased.ok(), qPrintable(erased.ok() ? QString() : erased.error()));
        QCOMPARE(erased->leads, 1);
        QVERIFY2(erased->compacted, qPrintable(erased->compactError));
        QVERIFY(erased->walEmptied);
        QCOMPARE(repo.count().value(), 1);
        LeadFilter f;
        f.search = QStringLiteral("ichiro.takahashi");
        QCOMPARE(LeadQuery(*m_db).count(f).value(), 0);
    }

    // A team server's bulk writes go by COPY (pgcopy.h); they must store exactly what the
    // multi-row INSERTs store: text with COPY's own separators and escapes in it (tab, newline,
    // carriage return, backslash, a literal \N), empty against NULL, emoji, 64-bit money, rows of
    // every table the writer fills.
    void bulkCopyStoresWhatInsertsStore() {
        if (!isServer())
            QSKIP("COPY is the team server's");
        const QStringList tricky = {QStringLiteral("tab\there"),
                                    QStringLiteral("line\nbreak"),
                                    QStringLiteral("crlf\r\nend"),
                                    QStringLiteral("back\\slash \\N \\t"),
                                    QStringLiteral("\\N"),
                                    QStringLiteral("it's \"quoted\" 🎪 ＡＢＣ"),
                                    QStringLiteral("café Ωmega Жук ½"),
                                    QStringLiteral("lone ") + QChar(0xD83C) +
                                        QStringLiteral(" end"),
                                    QString()};
        const auto write = [&](bool copy) -> QString {
            setCopyRowsAllowed(copy);
            const int before = copyStatementsRun();
            Transaction tx(*m_db);
            if (!tx.started())
                return QStringLiteral("no transaction");
            BulkWriter w(*m_db, true, true);
            for (qsizetype i = 0; i < tricky.size(); ++i) {
                Lead l = fullLead();
                l.email = QStringLiteral("t%1@sample.co.jp").arg(i);
                l.notes = tricky.at(i);
                l.building = tricky.at((i + 1) % tricky.size());
                l.source = i % 2 ? QString() : QStringLiteral("展示会");
                l.owner = i % 3 ? QString() : QStringLiteral("鈴木 花子");
                l.dealValue = i == 0 ? 0 : 9'007'199'254'740'993LL; // not a double's
                // (a contact's label may hold no control character: contactTextProblem)
                l.extraContacts << ContactPoint{
                    ContactKind::Phone, QStringLiteral("03-0000-000%1").arg(i),
                    QString(tricky.at(i))
                        .remove(QRegularExpression(QStringLiteral("[\\t\\r\\n]")))};
                QList<Activity> acts{
                    Activity{0,
                             {},
                             0,
                             ActivityKind::Meeting,
                             QDateTime(QDate(2026, 5, 2), QTime(9, int(i)), QTimeZone(9 * 3600)),
                             tricky.at(i),
                             tricky.at((i + 2) % tricky.size())}};
                auto id = w.insertLead(l, acts);
                if (!id)
                    return id.error();
                StageChange c;
                c.fromStage = i % 2 ? std::optional<Stage>() : Stage::Mql;
                c.toStage = Stage::Opportunity;
                c.changedAt = l.createdAt;
                c.note = tricky.at(i);
                if (Status s = w.insertStageChange(*id, c); !s)
                    return s.error();
                if (Status s = w.flush(); !s)
                    return s.error();
                Touchpoint tp;
                tp.source = i % 2 ? QString() : QStringLiteral("Google Ads");
                tp.occurredAt = l.createdAt;
                tp.campaign = tricky.at(i);
                if (Status s = w.insertTouchpoint(*id, tp); !s)
                    return s.error();
            }
            if (Status s = w.finish(); !s)
                return s.error();
            if (Status s = tx.commit(); !s)
                return s.error();
            if ((copyStatementsRun() > before) != copy)
                return copy ? QStringLiteral("COPY not used") : QStringLiteral("COPY used");
            // Every row of every table written, without the ids and uuids each write makes.
            QStringList rows;
            const QString lead = QStringLiteral(" || jsonb_build_object('lead', l.email)");
            for (const QString &sql :
                 {QStringLiteral("SELECT (to_jsonb(t) - 'id' - 'uuid')::text FROM leads t"),
                  QStringLiteral("SELECT (to_jsonb(t) - 'lead_id'%1)::text FROM lead_scores t JOIN "
                                 "leads l ON l.id = t.lead_id")
                      .arg(lead),
                  QStringLiteral("SELECT (to_jsonb(t) - 'id' - 'uuid' - 'lead_id'%1)::text FROM "
                                 "stage_history t JOIN leads l ON l.id = t.lead_id")
                      .arg(lead),
                  QStringLiteral("SELECT (to_jsonb(t) - 'id' - 'lead_id'%1)::text FROM "
                                 "lead_contacts t JOIN leads l ON l.id = t.lead_id")
                      .arg(lead),
                  QStringLiteral("SELECT (to_jsonb(t) - 'id' - 'uuid' - 'lead_id'%1)::text FROM "
                                 "touchpoints t JOIN leads l ON l.id = t.lead_id")
                      .arg(lead),
                  QStringLiteral("SELECT (to_jsonb(t) - 'id' - 'uuid' - 'lead_id'%1)::text FROM "
                                 "activities t JOIN leads l ON l.id = t.lead_id")
                      .arg(lead)}) {
                QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
                if (!q.exec(sql + QStringLiteral(" ORDER BY 1")))
                    return q.lastError().text();
                while (q.next())
                    rows << q.value(0).toString();
            }
            if (!m_server.admin(QStringLiteral("TRUNCATE leads CASCADE"), m_shared))
                return m_server.reason();
            return rows.join(u'\n');
        };
        const QString copied = write(true);
        const QString inserted = write(false);
        setCopyRowsAllowed(true);
        QVERIFY2(copied.count(u'\n') == 6 * tricky.size() - 1, qPrintable(copied));
        QCOMPARE(copied, inserted);
        // What went in is what was given (not merely the same both ways).
        QVERIFY(copied.contains(QStringLiteral("\"notes\": \"tab\\there\"")));
        QVERIFY(copied.contains(QStringLiteral("\"notes\": \"back\\\\slash \\\\N \\\\t\"")));
        QVERIFY(copied.contains(QStringLiteral("\"notes\": \"\\\\N\"")));
        QVERIFY(copied.contains(QStringLiteral("\"deal_value\": 9007199254740993")));
        QVERIFY(copied.contains(QStringLiteral("\"from_stage\": null")));
    }

    // A large import on a server no one else is connected to drops the secondary indexes and the
    // rows' foreign keys to the leads and makes them again at finish() (pgbulkwriter.h): the same
    // indexes and keys afterwards, none lost by a rollback, and none dropped while someone else
    // is connected.
    void bulkImportDefersIndexesOnlyWhenAlone() {
        if (!isServer())
            QSKIP("the server's bulk writer");
        const auto schema = [&] {
            return scalar(QStringLiteral(
                              "SELECT (SELECT string_agg(indexdef, ';' ORDER BY indexname) FROM "
                              "pg_indexes WHERE schemaname = 'public') || (SELECT "
                              "string_agg(conname || pg_get_constraintdef(oid), ';' ORDER BY "
                              "conname) FROM pg_constraint WHERE connamespace = "
                              "'public'::regnamespace)"))
                .toString();
        };
        const auto trigramIndexes = [&] {
            return scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                         "'leads_search_trgm'"))
                .toInt();
        };
        const QString before = schema();
        QVERIFY(before.contains(QLatin1String("leads_search_trgm")));
        QVERIFY(before.contains(QLatin1String("stage_history_lead_id_fkey")));
        LeadRepository repo(*m_db);
        const auto fill = [&](PgBulkWriter &w, int n, const QString &tag) {
            for (int i = 0; i < n; ++i) {
                Lead l = fullLead();
                l.email = QStringLiteral("%1%2@sample.co.jp").arg(tag).arg(i);
                auto id = w.insertLead(l, {}, nullptr);
                QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error()));
                StageChange c;
                c.toStage = Stage::Mql;
                c.changedAt = l.createdAt;
                QVERIFY(w.insertStageChange(*id, c).ok());
            }
        };
        // 1. Alone: dropped while writing, made again by finish(); the search's trigram index
        // is left pending, the search reads every lead meanwhile (the same results), and the
        // catch-up after the commit makes it again.
        SearchIndex search(*m_db);
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            PgBulkWriter w(*m_db, repo, true);
            QVERIFY2(w.deferredCount() > 10, qPrintable(QString::number(w.deferredCount())));
            QCOMPARE(trigramIndexes(), 0);
            fill(w, 300, QStringLiteral("alone"));
            const Status done = w.finish();
            QVERIFY2(done.ok(), qPrintable(done.error()));
            QCOMPARE(trigramIndexes(), 0);
            QCOMPARE(search.pending().value().size(), 1);
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(schema() != before);
        const Status whole = m_db->checkIntegrity(); // a pending index is not a damaged database
        QVERIFY2(whole.ok(), qPrintable(whole.error()));
        QCOMPARE(serverSearchIndexProblem(*m_db).value(), QString()); // pending: no warning
        LeadFilter f;
        f.search = QStringLiteral("alone29");
        QCOMPARE(LeadQuery(*m_db).count(f).value(), 11); // alone29, alone290..299
        QCOMPARE(search.pendingCount().value(), 300);
        auto built = search.catchUp();
        QVERIFY2(built && *built, qPrintable(built ? QStringLiteral("not built") : built.error()));
        QCOMPARE(schema(), before);
        QVERIFY(search.pending().value().isEmpty());
        QCOMPARE(LeadQuery(*m_db).count(f).value(), 11);
        // A build interrupted half-way leaves an invalid index behind: made again.
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            QVERIFY(markServerSearchIndexPending(*m_db).ok());
            QVERIFY(tx.commit().ok());
        }
        QSqlQuery invalid(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY2(invalid.exec(QStringLiteral("UPDATE pg_index SET indisvalid = false WHERE "
                                             "indexrelid = 'leads_search_trgm'::regclass")),
                 qPrintable(invalid.lastError().text())); // the test server's role: a superuser
        QCOMPARE(trigramIndexes(), 1);
        built = search.catchUp();
        QVERIFY2(built && *built, qPrintable(built ? QStringLiteral("not built") : built.error()));
        QCOMPARE(schema(), before);
        QVERIFY(search.pending().value().isEmpty());
        // 2. Rolled back without finish() (the import failed, the process died): all back.
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            PgBulkWriter w(*m_db, repo, true);
            QVERIFY(w.deferredCount() > 10);
            fill(w, 10, QStringLiteral("gone"));
            QVERIFY(w.flush().ok());
        }
        QCOMPARE(schema(), before);
        QCOMPARE(repo.count().value(), 300);
        // 3. Someone else connected (a colleague's window): nothing dropped, rows written.
        auto colleague = Database::open(m_db->path());
        QVERIFY2(colleague.ok(), qPrintable(colleague.ok() ? QString() : colleague.error()));
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            PgBulkWriter w(*m_db, repo, true);
            QCOMPARE(w.deferredCount(), 0);
            QCOMPARE(trigramIndexes(), 1);
            fill(w, 10, QStringLiteral("shared"));
            QVERIFY(w.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(LeadRepository(**colleague).count().value(), 310);
        QCOMPARE(schema(), before);
    }

    // The window's indexer stops a server's index build when the window closes (the statement
    // cancelled, not waited for): the index stays pending and the next catch-up makes it. The
    // build is held here by a lock an open transaction holds on the leads (CREATE INDEX
    // CONCURRENTLY waits for it), so the cancel reaches it mid-statement.
    void serverSearchIndexBuildCanBeCancelled() {
        if (!isServer())
            QSKIP("the server's search index");
        QSqlQuery drop(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(drop.exec(QStringLiteral("DROP INDEX leads_search_trgm")));
        QVERIFY(markServerSearchIndexPending(*m_db).ok());
        Transaction holding(*m_db);
        QVERIFY(holding.started());
        QSqlQuery lock(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(lock.exec(QStringLiteral("LOCK TABLE leads IN SHARE UPDATE EXCLUSIVE MODE")));
        // As the window's indexer: its own connection, opened on its own thread.
        std::mutex mutex;
        std::function<void()> cancel;
        Result<bool> built = false;
        const QString location = m_db->location();
        QElapsedTimer t;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            auto other = Database::open(location);
            if (!other) {
                built = other.failure();
                return;
            }
            SearchIndex building(**other);
            {
                const std::lock_guard hold(mutex);
                cancel = building.canceller();
            }
            built = building.catchUp();
            const std::lock_guard hold(mutex);
            cancel = {};
        }));
        worker->start();
        QTest::qWait(1500); // opened, and its build waiting for this transaction's lock
        QVERIFY2(worker->isRunning(),
                 qPrintable(built ? QStringLiteral("ended: %1").arg(*built) : built.error()));
        t.start();
        {
            const std::lock_guard hold(mutex);
            QVERIFY(cancel);
            cancel();
        }
        QVERIFY(worker->wait(5000));
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(!built.ok());
        QVERIFY2(built.error().contains(QStringLiteral("cancel")), qPrintable(built.error()));
        holding.rollback();
        SearchIndex index(*m_db);
        QCOMPARE(index.pending().value().size(), 1);
        auto again = index.catchUp();
        QVERIFY2(again && *again, qPrintable(again ? QStringLiteral("not built") : again.error()));
        QVERIFY(index.pending().value().isEmpty());
        QCOMPARE(serverSearchIndexProblem(*m_db).value(), QString());
    }

    // What an import or the demo writes through a BulkWriter, on either backend.
    void bulkWriterWritesLeadsAndTheirRows() {
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            BulkWriter w(*m_db, true, true);
            for (int i = 0; i < 300; ++i) {
                Lead l = fullLead();
                l.email = QStringLiteral("r%1@sample.co.jp").arg(i);
                QVERIFY(w.insertLead(l).ok());
            }
            QVERIFY(w.finish().ok());
        } // rolled back: nothing of it is left
        QCOMPARE(LeadRepository(*m_db).count().value(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM lead_scores")).toInt(), 0);
        QList<qint64> ids;
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            BulkWriter w(*m_db, true, true);
            for (int i = 0; i < 600; ++i) { // more than one statement's worth of rows
                Lead l = fullLead();
                l.email = QStringLiteral("b%1@sample.co.jp").arg(i);
                l.extraContacts << ContactPoint{
                    ContactKind::Email, QStringLiteral("b%1@home.example").arg(i), {}};
                if (i == 7)
                    l.customFields
                        << CustomField{QStringLiteral("展示会ブース"), QStringLiteral("A-12")};
                QList<Activity> acts;
                if (i % 3 == 0)
                    acts << Activity{0,
                                     {},
                                     0,
                                     ActivityKind::Meeting,
                                     QDateTime(QDate(2026, 5, 2), QTime(9, 0), QTimeZone(9 * 3600)),
                                     {},
                                     {}};
                auto id = w.insertLead(l, acts);
                QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error()));
                ids << *id;
                StageChange c;
                c.toStage = Stage::Opportunity;
                c.changedAt = l.createdAt;
                QVERIFY(w.insertStageChange(*id, c).ok());
                Touchpoint tp;
                tp.source = QStringLiteral("Google Ads");
                tp.occurredAt = l.createdAt;
                QVERIFY(w.flush().ok()); // a buffered writer's leads first (as the importer does)
                QVERIFY(w.insertTouchpoint(*id, tp).ok());
            }
            QVERIFY(w.insertActivity(ids.first(), Activity{0,
                                                           {},
                                                           0,
                                                           ActivityKind::Call,
                                                           QDateTime(QDate(2026, 6, 1), QTime(9, 0),
                                                                     QTimeZone(9 * 3600)),
                                                           {},
                                                           {}})
                        .ok());
            auto fin = w.finish();
            QVERIFY2(fin.ok(), qPrintable(fin.ok() ? QString() : fin.error()));
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 600);
        LeadRepository repo(*m_db);
        QCOMPARE(repo.count().value(), 600);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM lead_scores")).toInt(), 600);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stage_history")).toInt(), 600);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM touchpoints")).toInt(), 600);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM lead_contacts")).toInt(), 600);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM activities")).toInt(), 201);
        QCOMPARE(
            scalar(QStringLiteral("SELECT last_activity_at FROM leads WHERE id = ?"), {ids.first()})
                .toString(),
            QStringLiteral("2026-06-01T09:00:00+09:00"));
        QCOMPARE(repo.get(ids.at(7))->customFields.size(), 1);
        QCOMPARE(repo.get(ids.at(599))->email, QStringLiteral("b599@sample.co.jp"));
        // The search finds what was written in bulk (the file's index catches up by reading
        // pending leads directly).
        LeadFilter f;
        f.search = QStringLiteral("b599@");
        QCOMPARE(LeadQuery(*m_db).count(f).value(), 1);
        // And a lead written afterwards one by one gets an id of its own.
        Lead next = fullLead();
        next.email = QStringLiteral("after@sample.co.jp");
        QVERIFY(repo.insert(next).ok());
        QVERIFY(!ids.contains(next.id));
    }

    // Each person signs in as their own role; the role stands for a Mikomi user.
    void serverRolesAreUsers() {
        if (!isServer()) {
            QCOMPARE(signedInUser(*m_db).value(), QString()); // a file: the user's own setting
            QCOMPARE(serverRole(*m_db).value(), QString());
            return;
        }
        const QString role = QString::fromLatin1(pgtest::Server::kUser);
        QCOMPARE(serverRole(*m_db).value(), role);
        QCOMPARE(signedInUser(*m_db).value(), role); // nobody mapped: the role's own name
        QVERIFY(UserRepository(*m_db).resolve(QStringLiteral("Mikomi_Test")).ok());
        QCOMPARE(signedInUser(*m_db).value(), QStringLiteral("Mikomi_Test")); // by name
        QVERIFY(setServerLogin(*m_db, role, QStringLiteral("鈴木 花子")).ok());
        QCOMPARE(signedInUser(*m_db).value(), QStringLiteral("鈴木 花子"));
        // A second person with a role of their own, on the same database.
        const QString name = m_db->path().section(QLatin1Char('/'), -1);
        const QString hanako = QStringLiteral("hanako_%1").arg(name);
        QVERIFY2(m_server.admin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                                    .arg(hanako, QString::fromLatin1(pgtest::Server::kPassword))),
                 qPrintable(m_server.reason()));
        for (const QString &grant :
             {QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA public TO %1"),
              QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO %1")})
            QVERIFY2(m_server.admin(grant.arg(hanako), name), qPrintable(m_server.reason()));
        QVERIFY(setServerLogin(*m_db, hanako, QStringLiteral("山田 花子")).ok());
        auto logins = serverLogins(*m_db);
        QVERIFY(logins.ok());
        QCOMPARE(logins->size(), 2);
        QString url = m_db->path();
        url.replace(role + QLatin1Char('@'), hanako + QLatin1Char('@'));
        auto other = Database::open(url);
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error()));
        QCOMPARE(signedInUser(**other).value(), QStringLiteral("山田 花子"));
        // What she records is hers.
        LeadRepository repo(**other);
        Lead l = fullLead();
        l.owner = *signedInUser(**other);
        QVERIFY(repo.insert(l).ok());
        QVERIFY(
            repo.changeStage(l.id, Stage::Customer, SqlKind::None, l.owner, l.createdAt.addDays(1))
                .ok());
        QCOMPARE(repo.history(l.id)->last().user, QStringLiteral("山田 花子"));
        QCOMPARE(repo.get(l.id)->owner, QStringLiteral("山田 花子"));
        QVERIFY(setServerLogin(*m_db, hanako, QString()).ok()); // removed again
        QCOMPARE(serverLogins(*m_db)->size(), 1);
    }

    // The search's pg_trgm: a role that may not create it still gets a working database (the
    // upgrade goes on without the index, search reads the table) and is told what an
    // administrator should run; once they ran it, nothing more is said.
    void searchExtensionRefusalIsExplained() {
        if (!isServer())
            QSKIP("a server database only");
        const QString url = m_server.createDatabase();
        const QString name = url.section(QLatin1Char('/'), -1);
        const QString rep = QStringLiteral("rep_%1").arg(name);
        QVERIFY2(m_server.admin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                                    .arg(rep, QString::fromLatin1(pgtest::Server::kPassword))),
                 qPrintable(m_server.reason()));
        // Allowed to make tables, not to add extensions to the database.
        QVERIFY2(m_server.admin(
                     QStringLiteral("GRANT CREATE, USAGE ON SCHEMA public TO %1").arg(rep), name),
                 qPrintable(m_server.reason()));
        QString repUrl = url;
        repUrl.replace(QString::fromLatin1(pgtest::Server::kUser) + QLatin1Char('@'),
                       rep + QLatin1Char('@'));
        auto opened = Database::open(repUrl);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
        Database &db = **opened;
        QCOMPARE(db.schemaVersion(), currentSchemaVersion());
        QVERIFY2(db.integrityOk(), qPrintable(db.checkIntegrity().error()));
        auto problem = serverSearchIndexProblem(db);
        QVERIFY(problem.ok());
        QVERIFY2(problem->contains(QLatin1String("CREATE EXTENSION IF NOT EXISTS pg_trgm;")),
                 qPrintable(*problem));
        QVERIFY2(problem->contains(QLatin1String("CREATE INDEX leads_search_trgm")),
                 qPrintable(*problem));
        QVERIFY2(problem->contains(QLatin1String("pg_trgm")), qPrintable(*problem)); // the reason
        // The search works without it.
        Lead l = fullLead();
        QVERIFY(LeadRepository(db).insert(l).ok());
        LeadFilter f;
        f.search = QStringLiteral("サンプル商事");
        auto rows = LeadQuery(db).rows(f, LeadSort::Created, true, 0, 10);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        // An administrator runs the statements the message gives: nothing more to say.
        for (const QString &sql : serverSearchIndexSql())
            QVERIFY2(m_server.admin(sql, name), qPrintable(m_server.reason()));
        QCOMPARE(serverSearchIndexProblem(db).value(), QString());
        QCOMPARE(LeadQuery(db).rows(f, LeadSort::Created, true, 0, 10)->size(), 1);
    }

    // Live: another person's committed change reaches a listening window within 2 s, with ids
    // only; a rolled-back one never; one's own is not heard twice; a lost connection is said,
    // put back, and everything read again.
    void othersChangesArriveLive() {
        QVERIFY(m_db->listen().ok()); // a file: nothing to do
        if (!isServer())
            return;
        auto other = Database::open(m_db->location()); // a second person's window
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error()));
        QObject context;
        QList<DataChange> heard;
        QList<bool> states;
        connect(&m_db->changes(), &ChangeFeed::changed, &context,
                [&](const DataChange &c) { heard << c; });
        connect(&m_db->changes(), &ChangeFeed::serverConnection, &context,
                [&](bool connected, const QString &message) {
                    QVERIFY(message.contains(m_db->path()));
                    states << connected;
                });
        {
            Transaction tx(**other);
            Lead l = fullLead();
            QVERIFY(LeadRepository(**other).insert(l).ok());
        } // rolled back: nobody hears of it
        QTest::qWait(300);
        QVERIFY(heard.isEmpty());
        QElapsedTimer t;
        t.start();
        Lead theirs = fullLead();
        QVERIFY(LeadRepository(**other).insert(theirs).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 2000);
        qInfo("another person's new lead heard after %lld ms", static_cast<long long>(t.elapsed()));
        QVERIFY(heard.last().touches(DataKind::Leads));
        QCOMPARE(heard.last().leadIds, QList<qint64>{theirs.id});
        heard.clear();
        Lead mine = fullLead();
        mine.email = QStringLiteral("mine@sample.co.jp");
        QVERIFY(LeadRepository(*m_db).insert(mine).ok());
        QCOMPARE(heard.size(), 1); // published at commit
        QTest::qWait(300);
        QCOMPARE(heard.size(), 1); // and not echoed by the server
        // The server drops every connection to the database.
        const QString name = m_db->path().section(QLatin1Char('/'), -1);
        heard.clear();
        QVERIFY2(m_server.admin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                               "pg_stat_activity WHERE datname = '%1'")
                                    .arg(name)),
                 qPrintable(m_server.reason()));
        QTRY_VERIFY_WITH_TIMEOUT(states.size() >= 2, 6000);
        QCOMPARE(states.first(), false);
        QCOMPARE(states.last(), true);
        QVERIFY(!heard.isEmpty());
        QCOMPARE(heard.last().kinds, DataKinds(kAllDataKinds)); // everything is read again
        QCOMPARE(LeadRepository(*m_db).count().value(), 2);
        // And listening again: the other person's next change is heard.
        auto again = Database::open(m_db->location());
        QVERIFY(again.ok());
        heard.clear();
        Lead later = fullLead();
        later.email = QStringLiteral("later@sample.co.jp");
        QVERIFY(LeadRepository(**again).insert(later).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 2000);
        QCOMPARE(heard.last().leadIds, QList<qint64>{later.id});
    }

    // The importer's overlapped writing (BulkWriter::overlapWrites): batches sent by COPY while
    // more rows are gathered store every row; a repository's read on the same connection in
    // the middle waits for the batch in flight (Database::setPendingWork) and sees it; a batch
    // the server refuses fails the writer with the server's words and nothing is kept.
    void overlappedBulkWritesAreWhole() {
        if (!isServer())
            QSKIP("COPY is the team server's");
        const auto fill = [&](BulkWriter &w, int from, int to) -> Status {
            for (int i = from; i < to; ++i) {
                Lead l;
                l.company = QStringLiteral("重ね書き%1").arg(i);
                l.familyName = QStringLiteral("佐藤");
                l.email = QStringLiteral("o%1@overlap.example").arg(i);
                l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0), QTimeZone(0));
                auto id = w.insertLead(l);
                if (!id)
                    return id.failure();
                for (const Stage to : {Stage::Inquiry, Stage::Mql}) {
                    StageChange c;
                    c.toStage = to;
                    c.changedAt = l.createdAt;
                    if (Status st = w.insertStageChange(*id, c); !st)
                        return st;
                }
            }
            return {};
        };
        const int copiesBefore = copyStatementsRun();
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            BulkWriter w(*m_db, false, true);
            w.overlapWrites();
            QVERIFY(fill(w, 0, 5000).ok());
            // Not flushed: what was sent (2 batches of 2,048 leads: stage_history fills first)
            // is there; the rows still gathered are not.
            auto mid = LeadRepository(*m_db).count();
            QVERIFY2(mid, qPrintable(mid ? QString() : mid.error()));
            QCOMPARE(*mid, qint64(4096));
            QVERIFY(fill(w, 5000, 9000).ok());
            QVERIFY(w.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(copyStatementsRun() - copiesBefore >= 8);
        auto counted = LeadRepository(*m_db).count();
        QVERIFY(counted);
        QCOMPARE(*counted, qint64(9000));
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT uuid) FROM stage_history")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(18000));
        QCOMPARE(q.value(1).toLongLong(), qint64(18000));

        // A refused batch (two history rows with one uuid: the unique index) fails the writer
        // with the server's message, and the rollback keeps nothing of it.
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            BulkWriter w(*m_db, false, true);
            w.overlapWrites();
            Status failed;
            for (int i = 0; i < 5000 && failed.ok(); ++i) {
                Lead l;
                l.company = QStringLiteral("拒否%1").arg(i);
                l.email = QStringLiteral("r%1@overlap.example").arg(i);
                auto id = w.insertLead(l);
                QVERIFY(id);
                StageChange c;
                c.uuid = QStringLiteral("0190a000-0000-7000-8000-000000000001");
                c.changedAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0), QTimeZone(0));
                failed = w.insertStageChange(*id, c);
            }
            if (failed.ok())
                failed = w.finish();
            QVERIFY(!failed.ok());
            QVERIFY2(failed.error().contains(QStringLiteral("uuid")) ||
                         failed.error().contains(QStringLiteral("duplicate")),
                     qPrintable(failed.error()));
        }
        counted = LeadRepository(*m_db).count();
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error()));
        QCOMPARE(*counted, qint64(9000));
    }

    // Another person's change that reaches the connection while it is busy with a bulk write
    // (libpq reads the notification during the COPY, so the socket has nothing left to wake the
    // window with) is heard all the same, within 2 s.
    void othersChangesArriveDuringABulkWrite() {
        if (!isServer())
            QSKIP("LISTEN/NOTIFY is the server's");
        QVERIFY(m_db->listen().ok());
        auto other = Database::open(m_db->location());
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error()));
        QObject context;
        QList<DataChange> heard;
        connect(&m_db->changes(), &ChangeFeed::changed, &context,
                [&](const DataChange &c) { heard << c; });
        Lead theirs = fullLead();
        QVERIFY(LeadRepository(**other).insert(theirs).ok());
        QTest::qSleep(100); // their notification is on this connection's socket, unread
        const int copies = copyStatementsRun();
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            BulkWriter w(*m_db, false, true);
            for (int i = 0; i < 20; ++i) {
                Lead l = fullLead();
                l.email = QStringLiteral("busy%1@sample.co.jp").arg(i);
                QVERIFY(w.insertLead(l).ok());
            }
            QVERIFY(w.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(copyStatementsRun() > copies);
        const auto heardTheirs = [&] {
            return std::any_of(heard.cbegin(), heard.cend(), [&](const DataChange &c) {
                return c.leadIds == QList<qint64>{theirs.id};
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(heardTheirs(), 2000);
    }

    // After the server dropped the connection (an administrator, a restart, the network): what a
    // repository prepared on the old connection (LeadRepository::get, the bulk writer's INSERTs)
    // works on the new one, inside a transaction too; an edit saved right after the drop,
    // before anything noticed it, is written; the list, search, pipeline and report read.
    void preparedStatementsSurviveAReconnect() {
        if (!isServer()) {
            QVERIFY(m_db->reconnect().ok()); // nothing to do on a file
            QCOMPARE(m_db->connectionGeneration(), 0);
            return;
        }
        QObject context;
        QList<bool> states;
        int rereads = 0;
        connect(&m_db->changes(), &ChangeFeed::serverConnection, &context,
                [&](bool connected, const QString &) { states << connected; });
        connect(&m_db->changes(), &ChangeFeed::changed, &context, [&](const DataChange &c) {
            if (c.kinds == DataKinds(kAllDataKinds))
                ++rereads;
        });
        const QString name = m_db->path().section(QLatin1Char('/'), -1);
        const auto drop = [&] {
            return m_server.admin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                 "pg_stat_activity WHERE datname = '%1'")
                                      .arg(name));
        };
        LeadRepository repo(*m_db); // the editor's: get() is prepared once and kept
        Lead lead = fullLead();
        QVERIFY(repo.insert(lead).ok());
        QVERIFY(repo.get(lead.id).ok());

        // 1. Dropped while the window was idle; the user saves what they typed.
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        auto read = repo.get(lead.id);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error()));
        QCOMPARE(m_db->connectionGeneration(), 1);
        Lead typed = *read;
        typed.notes = QStringLiteral("電話で再確認（切断の後）");
        Status saved = repo.update(typed);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QCOMPARE(LeadRepository(*m_db).get(lead.id)->notes, typed.notes);
        // The window is told, and reads again what others changed meanwhile.
        QTRY_COMPARE(states, QList<bool>{true});
        QTRY_VERIFY(rereads >= 1);

        // 2. Dropped again, the save comes first: BEGIN finds the connection gone.
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        typed = repo.get(lead.id).value(); // (this get() reconnects; the save after it is new)
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        typed.city = QStringLiteral("横浜市");
        saved = repo.update(typed);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QCOMPARE(LeadRepository(*m_db).get(lead.id)->city, typed.city);

        // 3. Dropped, put back by the listener (Database::reconnect), then the cached statement
        // is first used inside a transaction: made again there without breaking it.
        const int before = m_db->connectionGeneration();
        QVERIFY(m_db->listen().ok());
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        QTRY_VERIFY_WITH_TIMEOUT(m_db->connectionGeneration() > before, 6000);
        {
            Transaction tx(*m_db);
            QVERIFY(tx.started());
            auto again = repo.get(lead.id);
            QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error()));
            Lead edited = *again;
            edited.title = QStringLiteral("本部長");
            saved = repo.update(edited);
            QVERIFY2(saved.ok(), qPrintable(saved.error()));
            // The bulk writer's statements, prepared in this transaction, kept by the writer.
            BulkWriter w(*m_db, true, true);
            Lead bulk = fullLead();
            bulk.email = QStringLiteral("bulk@sample.co.jp");
            QVERIFY(w.insertLead(bulk).ok());
            QVERIFY(w.finish().ok());
            Status committed = tx.commit();
            QVERIFY2(committed.ok(), qPrintable(committed.error()));
        }
        QCOMPARE(repo.get(lead.id)->title, QStringLiteral("本部長"));
        QCOMPARE(repo.count().value(), 2);

        // 4. The list, a search, the pipeline and the report facts right after a drop.
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        LeadFilter f;
        f.search = QStringLiteral("サンプル");
        auto rows = LeadQuery(*m_db).rows(f, LeadSort::Created, true, 0, 50);
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error()));
        QCOMPARE(rows->size(), 2);
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        auto totals = PipelineQuery(*m_db).totals(PipelineFilter());
        QVERIFY2(totals.ok(), qPrintable(totals.ok() ? QString() : totals.error()));
        QVERIFY2(drop(), qPrintable(m_server.reason()));
        struct Count final : FactSink {
            int leads = 0;
            void source(const FactSourceRow &) override {}
            void lead(const FactLeadRow &) override { ++leads; }
            void touch(const FactTouchRow &) override {}
            void spend(const FactSpendRow &) override {}
        } sink;
        Status facts = readFacts(*m_db, sink);
        QVERIFY2(facts.ok(), qPrintable(facts.error()));
        QCOMPARE(sink.leads, 2);
    }

    // A server session runs without PostgreSQL's JIT compiler (pgdatabase.cpp), also with
    // server options of the URL's own, which are kept.
    void serverSessionsRunWithoutJit() {
        if (!isServer())
            return;
        const auto show = [](const Database &db, const QString &setting) {
            QSqlQuery q(QSqlDatabase::database(db.connectionName()));
            return q.exec(QStringLiteral("SHOW ") + setting) && q.next() ? q.value(0).toString()
                                                                         : QString();
        };
        QCOMPARE(show(*m_db, QStringLiteral("jit")), QStringLiteral("off"));
        const QString url = m_db->location();
        auto other = Database::open(url + (url.contains(u'?') ? u'&' : u'?') +
                                    QStringLiteral("options=-c%20work_mem%3D7MB"));
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error()));
        QCOMPARE(show(**other, QStringLiteral("jit")), QStringLiteral("off"));
        QCOMPARE(show(**other, QStringLiteral("work_mem")), QStringLiteral("7MB"));
    }

    // Schema 20: on a server the report's covering index also holds the owner, which the
    // policy of "Reps see only their own leads" reads (a manager's report facts read the whole
    // table without it).
    void reportIndexHoldsTheOwnerOnAServer() {
        if (!isServer())
            return;
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(q.exec(
            QStringLiteral("SELECT indexdef FROM pg_indexes WHERE indexname = 'leads_report'")));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toString().endsWith(QLatin1String("INCLUDE (owner_id)")),
                 qPrintable(q.value(0).toString()));
        QCOMPARE(m_db->schemaVersion(), currentSchemaVersion());
    }

    // Database::integrityOk(): PRAGMA integrity_check on a file; on a server the connection,
    // the schema version and every table, view, index and trigger the migrations made.
    void integrityIsChecked() {
        Status whole = m_db->checkIntegrity();
        QVERIFY2(whole.ok(), qPrintable(whole.error()));
        QVERIFY(m_db->integrityOk());
        if (!isServer())
            return;
        const auto run = [&](const QString &sql) {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            return q.exec(sql);
        };
        // An index dropped by hand.
        QVERIFY(run(QStringLiteral("DROP INDEX leads_owner_created")));
        Status s = m_db->checkIntegrity();
        QVERIFY(!s.ok());
        QCOMPARE(s.errorKind(), ErrorKind::Corrupt);
        QVERIFY2(s.error().contains(QLatin1String("leads_owner_created")), qPrintable(s.error()));
        QVERIFY(!m_db->integrityOk());
        QVERIFY(run(
            QStringLiteral("CREATE INDEX leads_owner_created ON leads(owner_id, created_at, id)")));
        QVERIFY(m_db->integrityOk());
        // The trigger that keeps leads.last_activity_at.
        QVERIFY(run(QStringLiteral("DROP TRIGGER activities_last ON activities")));
        s = m_db->checkIntegrity();
        QVERIFY2(s.error().contains(QLatin1String("activities_last")), qPrintable(s.error()));
        QVERIFY(run(QStringLiteral("CREATE TRIGGER activities_last AFTER INSERT OR DELETE OR "
                                   "UPDATE OF lead_id, occurred_at ON activities FOR EACH ROW "
                                   "EXECUTE FUNCTION leads_last_activity()")));
        QVERIFY(m_db->integrityOk());
        // A schema version that is not the one the database was opened at.
        QVERIFY(run(QStringLiteral("UPDATE schema_version SET version = version - 1")));
        s = m_db->checkIntegrity();
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QString::number(m_db->schemaVersion() - 1)),
                 qPrintable(s.error()));
        QVERIFY(run(QStringLiteral("UPDATE schema_version SET version = version + 1")));
        QVERIFY(m_db->integrityOk());
        // A dropped connection is made again: still whole.
        const QString name = m_db->path().section(QLatin1Char('/'), -1);
        QVERIFY(m_server.admin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                              "pg_stat_activity WHERE datname = '%1'")
                                   .arg(name)));
        whole = m_db->checkIntegrity();
        QVERIFY2(whole.ok(), qPrintable(whole.error()));
    }

    void foreignServerDatabaseIsRefused() {
        if (!isServer())
            QSKIP("a server database only (tst_database covers other programs' files)");
        const QString url = m_server.createDatabase();
        const QString name = url.section(QLatin1Char('/'), -1);
        QVERIFY2(m_server.admin(QStringLiteral("CREATE TABLE invoices (id int)"), name),
                 qPrintable(m_server.reason()));
        auto refused = Database::open(url);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.errorKind(), ErrorKind::NotMikomi);
        QVERIFY2(refused.error().contains(url), qPrintable(refused.error()));
    }

    void passwordComesFromLibpq() {
        if (!isServer())
            QSKIP("a server database only");
        const QString url = m_db->path();
        m_db.reset();
        const QByteArray saved = qgetenv("PGPASSWORD");
        qunsetenv("PGPASSWORD");
        auto without = Database::open(url);
        qputenv("PGPASSWORD", saved);
        QVERIFY(!without.ok());
        QCOMPARE(without.errorKind(), ErrorKind::Io);
        QVERIFY2(without.error().contains(url), qPrintable(without.error()));
        auto with = Database::open(url); // PGPASSWORD again
        QVERIFY2(with.ok(), qPrintable(with.ok() ? QString() : with.error()));
    }

    void commandLineInitialisesAServer() {
        if (!isServer())
            QSKIP("a server database only (tst_cli covers files)");
        const QString url = m_server.createDatabase();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("MIKOMI_DB"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
        p.setProcessEnvironment(env);
        const auto mikomi = [&](const QStringList &args) {
            p.start(QStringLiteral(MIKOMI_EXE), QStringList{QStringLiteral("--db"), url} + args);
            return p.waitForFinished(60000) && p.exitCode() == 0;
        };
        QVERIFY2(mikomi({QStringLiteral("sources"), QStringLiteral("list")}),
                 p.readAllStandardError().constData());
        QVERIFY2(mikomi({QStringLiteral("sources"), QStringLiteral("list"),
                         QStringLiteral("--format"), QStringLiteral("json")}),
                 p.readAllStandardError().constData());
        QCOMPARE(p.readAllStandardOutput().simplified(), QByteArray("{ \"sources\": [ ] }"));
        // The schema is on the server.
        {
            auto db = Database::open(url);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
            QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
            LeadRepository repo(**db);
            Lead a = fullLead(); // 展示会, an opportunity
            QVERIFY(repo.insert(a).ok());
            Lead b = fullLead();
            b.email = QStringLiteral("b@sample.co.jp");
            b.stage = b.furthestStage = Stage::Customer;
            QVERIFY(repo.insert(b).ok());
        }
        // The report and the export read them.
        QVERIFY2(mikomi({QStringLiteral("report"), QStringLiteral("sources"),
                         QStringLiteral("--format"), QStringLiteral("csv")}),
                 p.readAllStandardError().constData());
        const QString report = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(report.contains(QStringLiteral("展示会,event,experiment,2,")), qPrintable(report));
        const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
        QVERIFY2(mikomi({QStringLiteral("export"), csv, QStringLiteral("--include-opted-out")}),
                 p.readAllStandardError().constData());
        QFile exported(csv);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll().count('\n'), 3); // the header and two leads
    }

    // `mikomi import` and `mikomi demo` on a server: the same CSV and the same demo give the same
    // leads and the same report as on a file; a failing import leaves nothing behind.
    void commandLineImportAndDemoMatchAFile() {
        if (!isServer())
            QSKIP("compares a server with a file");
        // The test's own emptied database (init): no copy to make for the import.
        const QString url = m_db->location();
        const QString file = m_dir.filePath(QStringLiteral("cli%1.mikomi").arg(++m_files));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("MIKOMI_DB"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        QByteArray out, err; // of the last run
        const auto mikomi = [&](const QString &db, const QStringList &args) {
            p.start(QStringLiteral(MIKOMI_EXE), QStringList{QStringLiteral("--db"), db} + args);
            const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit &&
                            p.exitCode() == 0;
            out = p.readAllStandardOutput();
            err = p.readAllStandardError();
            return ok;
        };
        // A synthetic export with the headers of a CRM's CSV (English names, headermap.cpp).
        QFile in(m_dir.filePath(QStringLiteral("leads.csv")));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("Company,Last name,First name,Email,Phone,Source,Stage,Created,Deal value\n");
        const char *sources[] = {"展示会", "Google Ads", "紹介", "Webinar"};
        const char *stages[] = {"inquiry", "mql", "sql", "opportunity", "customer"};
        for (int i = 0; i < 120; ++i) {
            in.write(QStringLiteral("株式会社テスト%1,山田,太郎%2,taro%2@test%1.example,03-5555-%3,"
                                    "%4,%5,2026-0%6-1%7,%8\n")
                         .arg(i % 40)
                         .arg(i)
                         .arg(1000 + i)
                         .arg(QString::fromUtf8(sources[i % 4]), QString::fromLatin1(stages[i % 5]))
                         .arg(1 + i % 6)
                         .arg(i % 10)
                         .arg(i % 5 == 4 ? 100000 * (i % 7 + 1) : 0)
                         .toUtf8());
        }
        // The same person twice, not the first lead read (matched by email: not added again).
        in.write("株式会社テスト17,山田,太郎57,TARO57@test17.example,,展示会,mql,2026-01-10,\n");
        in.close();
        QByteArray reports[2];
        QByteArray counts[2];
        int i = 0;
        for (const QString &db : {file, url}) {
            QVERIFY2(mikomi(db, {QStringLiteral("import"), in.fileName()}), err.constData());
            counts[i] = err;
            QVERIFY2(mikomi(db, {QStringLiteral("report"), QStringLiteral("sources"),
                                 QStringLiteral("--format"), QStringLiteral("csv")}),
                     err.constData());
            reports[i] = out;
            ++i;
        }
        QVERIFY2(reports[0].contains("展示会"), reports[0].constData());
        QCOMPARE(reports[1], reports[0]);
        QCOMPARE(counts[1].replace(url.toUtf8(), "DB"), counts[0].replace(file.toUtf8(), "DB"));
        QCOMPARE(LeadRepository(*m_db).count().value(), 120);
        // A dry run goes through every write and rolls it back: nothing is left on the server.
        const QString dryUrl = m_server.createMigratedDatabase();
        QVERIFY2(
            mikomi(dryUrl, {QStringLiteral("import"), in.fileName(), QStringLiteral("--dry-run")}),
            err.constData());
        QVERIFY(!err.isEmpty()); // the summary of what it would do
        {
            auto db = Database::open(dryUrl);
            QCOMPARE(LeadRepository(**db).count().value(), 0);
            QCOMPARE(SourceRepository(**db).list(SourceRepository::LeadCounts::Counted)->size(), 0);
        }
        // The demo: the same seed and day give the same numbers on both.
        const QString demoFile = m_dir.filePath(QStringLiteral("demo%1.mikomi").arg(++m_files));
        const QString demoUrl = m_server.createMigratedDatabase();
        i = 0;
        for (const QString &db : {demoFile, demoUrl}) {
            QVERIFY2(
                mikomi(db, {QStringLiteral("demo"), QStringLiteral("--leads"),
                            QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("7"),
                            QStringLiteral("--today"), QStringLiteral("2026-06-30")}),
                err.constData());
            QVERIFY2(mikomi(db, {QStringLiteral("report"), QStringLiteral("sources"),
                                 QStringLiteral("--format"), QStringLiteral("csv")}),
                     err.constData());
            reports[i++] = out;
        }
        QVERIFY(reports[0].count('\n') > 5);
        QCOMPARE(reports[1], reports[0]);
        auto db = Database::open(demoUrl);
        QCOMPARE(LeadRepository(**db).count().value(), 300);
    }
};

MIKOMI_TEST_GUILESS_MAIN(TestPgStorage) // run as shares (CMakeLists.txt: SHARDS)
#include "tst_pgstorage.moc"
