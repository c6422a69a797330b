// Team mode (issue 14): row UUIDs and lead versions (schema v13), no lost updates, and
// `mikomi merge` (storage::mergeDatabases). Every test runs with the target on a file and on a
// PostgreSQL server (a throwaway one, pgserver.h); the booth laptop is always a file. The people
// are synthetic.

#include "models/domain/dates.h"
#include "models/storage/database.h"
#include "models/storage/databasemerge.h"
#include "models/storage/duplicates.h"
#include "models/storage/followups.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/privacy.h"
#include "models/storage/repositories.h"
#include "models/storage/rowuuid.h"
#include "pgserver.h"
#include "tests/support/testshard.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

namespace {
// The two people of boothFile(), by their email addresses.
QString kenEmail() {
    return QStringLiteral("ken.yamamoto@test-kogyo.example");
}
QString yumiEmail() {
    return QStringLiteral("yumi.nakamura@test-kogyo.example");
}
} // namespace

class TestTeamMerge final : public QObject {
    Q_OBJECT
private:
    pgtest::Server m_server;
    bool m_started = false;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString m_fileTemplate; // a file migrated once, copied by migratedFile()

    QString newFile() { return m_dir.filePath(QStringLiteral("f%1.mikomi").arg(++m_files)); }

    // A new file with the current schema and nothing else: a copy of one migrated once (faster
    // than migrating each), with an identity of its own (settings database_id, made by the
    // migration), as a file migrated from zero would have: `mikomi merge` tells peers apart by it.
    QString migratedFile() {
        if (m_fileTemplate.isEmpty()) {
            const QString path = m_dir.filePath(QStringLiteral("template.mikomi"));
            if (!open(path)) // migrated, and closed again
                return {};
            m_fileTemplate = path;
        }
        const QString path = newFile();
        if (!QFile::copy(m_fileTemplate, path))
            return {};
        auto db = open(path);
        if (!db || !SettingsRepository(*db).setValue(QStringLiteral("database_id"), newRowUuid()))
            return {};
        return path;
    }

    // A new database of the row's backend (the team database) with the current schema and
    // nothing else: a copy of a migrated one (pgserver.h on a server).
    QString newTarget() {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgres"))
            return m_server.createMigratedDatabase();
        return migratedFile();
    }

    static std::unique_ptr<Database> open(const QString &where) {
        auto db = Database::open(where);
        if (!db)
            qWarning("%s", qPrintable(db.error()));
        return db ? std::move(db).value() : nullptr;
    }

    static QVariant scalar(Database &db, const QString &sql, const QVariantList &binds = {}) {
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        if (!q.prepare(sql))
            return QStringLiteral("<prepare failed>");
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return QStringLiteral("<no row>");
        return q.value(0);
    }

    static Lead person(const QString &family, const QString &given, const QString &email) {
        Lead l;
        l.company = QStringLiteral("株式会社テスト工業");
        l.familyName = family;
        l.givenName = given;
        l.email = email;
        l.phone = QStringLiteral("03-5555-0101");
        l.source = QStringLiteral("展示会");
        l.owner = QStringLiteral("佐藤 美咲");
        l.notes = QStringLiteral("ブースで名刺交換");
        l.createdAt = QDateTime(QDate(2026, 10, 1), QTime(11, 0), QTimeZone(9 * 3600));
        l.updatedAt = l.createdAt;
        return l;
    }

    // A booth laptop's file: two leads, one with an activity and a touchpoint.
    QString boothFile() {
        const QString path = migratedFile();
        auto db = open(path);
        if (!db)
            return {};
        LeadRepository repo(*db);
        Lead a = person(QStringLiteral("山本"), QStringLiteral("健"), kenEmail());
        Lead b = person(QStringLiteral("中村"), QStringLiteral("由美"), yumiEmail());
        b.phone = QStringLiteral("03-5555-0202");
        if (!repo.insert(a) || !repo.insert(b))
            return {};
        Activity act;
        act.leadId = a.id;
        act.kind = ActivityKind::Call;
        act.occurredAt = QDateTime(QDate(2026, 10, 2), QTime(9, 0), QTimeZone(9 * 3600));
        act.notes = QStringLiteral("資料送付の依頼");
        Touchpoint tp;
        tp.leadId = b.id;
        tp.occurredAt = QDateTime(QDate(2026, 10, 1), QTime(12, 0), QTimeZone(9 * 3600));
        tp.source = QStringLiteral("展示会");
        tp.campaign = QStringLiteral("秋の展示会2026");
        if (!repo.addActivity(act) || !repo.addTouchpoint(tp))
            return {};
        return path;
    }

    static MergeOptions dryRun() {
        MergeOptions o;
        o.dryRun = true;
        return o;
    }

    // A booth laptop's file (boothFile) and a new team database of the row's backend, both
    // open, the booth merged into it once or not yet. False (said with qWarning) when any of it
    // failed.
    enum class MergeFirst { No, Yes };
    struct BoothAndTeam {
        QString booth;
        std::unique_ptr<Database> source; // the booth's file
        std::unique_ptr<Database> target; // the team database
        explicit operator bool() const { return source && target; }
    };
    BoothAndTeam boothAndTeam(MergeFirst merge) {
        BoothAndTeam s;
        s.booth = boothFile();
        if (s.booth.isEmpty())
            return s;
        s.target = open(newTarget());
        s.source = open(s.booth);
        if (s && merge == MergeFirst::Yes) {
            if (auto r = mergeDatabases(*s.source, *s.target); !r) {
                qWarning("%s", qPrintable(r.error()));
                s.target.reset();
            }
        }
        return s;
    }

    static qint64 leadIdByEmail(Database &db, const QString &email) {
        return scalar(db, QStringLiteral("SELECT id FROM leads WHERE email = ?"), {email})
            .toLongLong();
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (!pgtest::Server::binDir().isEmpty())
            m_started = m_server.start();
    }

    void cleanupTestCase() { m_server.stop(); }

    void init() {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgres")) {
            if (pgtest::Server::binDir().isEmpty())
                QSKIP("PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install "
                      "postgresql libqt6sql6-psql");
            QVERIFY2(m_started, qPrintable(m_server.reason()));
        }
    }

    // Every new lead and every row hanging off it gets a UUID where it is made; the versions
    // start at 1 and every change makes a new one.
    void newRowsGetUuidsAndVersions() {
        auto db = open(newTarget());
        QVERIFY(db);
        LeadRepository repo(*db);
        Lead l = person(QStringLiteral("小林"), QStringLiteral("翔"),
                        QStringLiteral("sho.kobayashi@test-kogyo.example"));
        QVERIFY(repo.insert(l));
        QCOMPARE(l.uuid.size(), 36);
        QCOMPARE(l.version, 1);
        Activity a;
        a.leadId = l.id;
        a.occurredAt = QDateTime::currentDateTime();
        QVERIFY(repo.addActivity(a));
        Touchpoint tp;
        tp.leadId = l.id;
        tp.occurredAt = QDateTime::currentDateTime();
        tp.source = QStringLiteral("Google Ads");
        QVERIFY(repo.addTouchpoint(tp));
        const QRegularExpression form(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        for (const QString &table : uuidTables()) {
            if (table == QLatin1String("tasks"))
                continue;
            QCOMPARE(
                scalar(*db, QStringLiteral("SELECT count(*) FROM %1 WHERE uuid = ''").arg(table))
                    .toInt(),
                0);
            const QString u =
                scalar(*db, QStringLiteral("SELECT max(uuid) FROM %1").arg(table)).toString();
            QVERIFY2(form.match(u).hasMatch(), qPrintable(table + QLatin1String(": ") + u));
        }
        QVERIFY(repo.changeStage(l.id, Stage::Mql, SqlKind::None, QStringLiteral("佐藤 美咲"),
                                 QDateTime::currentDateTime()));
        QCOMPARE(repo.get(l.id)->version, 2);
        Lead again = repo.get(l.id).value();
        again.notes = QStringLiteral("電話済み");
        QVERIFY(repo.update(again));
        const Lead stored = repo.get(l.id).value();
        QCOMPARE(stored.version, 3);
        QCOMPARE(stored.uuid, l.uuid); // an update keeps the identity
        // A thousand UUIDs, all different.
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(newRowUuid());
        QCOMPARE(seen.size(), 1000);
        // Version 7: the first 48 bits are the milliseconds it was made, so rows made later sort
        // after (a server's uuid indexes take a booth's cards at their end).
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString first = newRowUuid();
        QTest::qWait(3);
        const QString second = newRowUuid();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(first < second, qPrintable(first + QLatin1Char(' ') + second));
        const qint64 made = QString(first.left(8) + first.mid(9, 4)).toLongLong(nullptr, 16);
        QVERIFY2(made >= before && made <= after,
                 qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(made).arg(before).arg(after)));
        QVERIFY(form.match(first).hasMatch());
    }

    // Two people (two connections) open the same lead; the second save is refused, not lost.
    void lostUpdateRefused() {
        const QString where = newTarget();
        auto one = open(where);
        QVERIFY(one);
        Lead l = person(QStringLiteral("加藤"), QStringLiteral("誠"),
                        QStringLiteral("makoto.kato@test-kogyo.example"));
        QVERIFY(LeadRepository(*one).insert(l));
        auto two = open(where);
        QVERIFY(two);
        Lead mine = LeadRepository(*one).get(l.id).value();
        Lead theirs = LeadRepository(*two).get(l.id).value();
        QCOMPARE(mine.version, theirs.version);
        theirs.notes = QStringLiteral("来週デモ希望");
        QVERIFY(LeadRepository(*two).update(theirs));
        mine.title = QStringLiteral("課長");
        const Status refused = LeadRepository(*one).update(mine);
        QVERIFY(!refused);
        QCOMPARE(refused.errorKind(), ErrorKind::Changed);
        const Lead now = LeadRepository(*one).get(l.id).value();
        QCOMPARE(now.notes, QStringLiteral("来週デモ希望")); // theirs kept
        QCOMPARE(now.title, QString());                      // mine not written
        // Resolved over the new version: saved.
        Lead resolved = now;
        resolved.title = mine.title;
        QVERIFY(LeadRepository(*one).update(resolved));
        QCOMPARE(LeadRepository(*two).get(l.id)->title, QStringLiteral("課長"));
        QCOMPARE(LeadRepository(*two).get(l.id)->notes, QStringLiteral("来週デモ希望"));

        // Two people drag the same card: the first wins, the second is told.
        const qint64 seen = LeadRepository(*two).get(l.id)->version;
        QVERIFY(LeadRepository(*one).changeStage(l.id, Stage::Sql, SqlKind::Sal, QString(),
                                                 QDateTime::currentDateTime(), QString(), seen));
        const Status late =
            LeadRepository(*two).changeStage(l.id, Stage::Opportunity, SqlKind::None, QString(),
                                             QDateTime::currentDateTime(), QString(), seen);
        QCOMPARE(late.errorKind(), ErrorKind::Changed);
        QCOMPARE(LeadRepository(*one).get(l.id)->stage, Stage::Sql);
        QCOMPARE(LeadRepository(*one).history(l.id)->size(), 2); // no history for the refused
    }

    // A file of schema 12 with leads, history, activities, touchpoints and tasks upgrades: every
    // row gets a UUID, every lead version 1, the database an identity.
    void version12FileUpgrades() {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgres"))
            QSKIP("a file upgrade (the server's schema is checked by the other tests)");
        const QString path = newFile();
        {
            OpenOptions o;
            o.targetVersion = 12;
            auto old = Database::open(path, o);
            QVERIFY(old);
            QCOMPARE((*old)->schemaVersion(), 12);
            QSqlQuery q(QSqlDatabase::database((*old)->connectionName()));
            for (const char *sql : {
                     "INSERT INTO leads(id, company, family_name, email, created_at, updated_at) "
                     "VALUES (1, '旧株式会社', '田中', 'tanaka@old.example', "
                     "'2026-01-01T00:00:00+09:00', '2026-01-01T00:00:00+09:00')",
                     "INSERT INTO leads(id, company, family_name, created_at, updated_at) VALUES "
                     "(2, '旧株式会社', '伊藤', '2026-01-02T00:00:00+09:00', "
                     "'2026-01-02T00:00:00+09:00')",
                     "INSERT INTO stage_history(lead_id, to_stage, changed_at) VALUES (1, "
                     "'inquiry', '2026-01-01T00:00:00+09:00')",
                     "INSERT INTO stage_history(lead_id, to_stage, changed_at) VALUES (2, "
                     "'inquiry', '2026-01-02T00:00:00+09:00')",
                     "INSERT INTO activities(lead_id, kind, occurred_at) VALUES (1, 'call', "
                     "'2026-01-03T00:00:00+09:00')",
                     "INSERT INTO touchpoints(lead_id, occurred_at) VALUES (2, "
                     "'2026-01-02T00:00:00+09:00')",
                     "INSERT INTO tasks(lead_id, title, due_at, created_at) VALUES (1, '電話', "
                     "'2026-01-05T00:00:00+09:00', '2026-01-01T00:00:00+09:00')",
                 })
                QVERIFY2(q.exec(QString::fromUtf8(sql)), qPrintable(q.lastError().text()));
        }
        auto db = open(path);
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), currentSchemaVersion());
        QVERIFY(currentSchemaVersion() >= 13);
        QSet<QString> all;
        int rows = 0;
        for (const QString &table : uuidTables()) {
            QSqlQuery q(QSqlDatabase::database(db->connectionName()));
            QVERIFY(q.exec(QStringLiteral("SELECT uuid FROM %1").arg(table)));
            while (q.next()) {
                QCOMPARE(q.value(0).toString().size(), 36);
                all.insert(q.value(0).toString());
                ++rows;
            }
        }
        QCOMPARE(rows, 7);
        QCOMPARE(all.size(), 7); // all different
        const Lead l = LeadRepository(*db).get(1).value();
        QCOMPARE(l.version, 1);
        QCOMPARE(l.company, QStringLiteral("旧株式会社"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT length(value) FROM settings WHERE key = "
                                            "'database_id'"))
                     .toInt(),
                 36);
        // A UUID is unique: a second row with the same one is refused.
        QSqlQuery dup(QSqlDatabase::database(db->connectionName()));
        QVERIFY(!dup.exec(QStringLiteral("UPDATE leads SET uuid = (SELECT uuid FROM leads WHERE "
                                         "id = 1) WHERE id = 2")));
        // Schema 15 on the upgraded file: no tombstones yet; a deletion leaves one.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM tombstones")).toInt(), 0);
        const QString uuid2 = LeadRepository(*db).get(2)->uuid;
        QVERIFY(LeadRepository(*db).remove(2));
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT table_name FROM tombstones WHERE uuid = ?"), {uuid2})
                .toString(),
            QStringLiteral("leads"));
    }

    // A booth laptop's file merged into the team database: added; merged again: nothing.
    void mergeTwiceAddsNothing() {
        auto setup = boothAndTeam(MergeFirst::No);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;

        auto dry = mergeDatabases(*source, *target, dryRun());
        QVERIFY2(dry.ok(), qPrintable(dry.ok() ? QString() : dry.error()));
        QCOMPARE(dry->added, 2);
        QCOMPARE(LeadRepository(*target).count().value(), 0); // a dry run changes nothing

        auto first = mergeDatabases(*source, *target);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error()));
        QCOMPARE(first->added, 2);
        QCOMPARE(first->updated, 0);
        QVERIFY(first->conflicts.isEmpty());
        QCOMPARE(LeadRepository(*target).count().value(), 2);
        const qint64 ken = leadIdByEmail(*target, kenEmail());
        QVERIFY(ken > 0);
        QCOMPARE(LeadRepository(*target).activities(ken)->size(), 1);
        QCOMPARE(LeadRepository(*target).history(ken)->size(), 1);
        QCOMPARE(LeadRepository(*target).get(ken)->source, QStringLiteral("展示会"));
        QCOMPARE(LeadRepository(*target).get(ken)->owner, QStringLiteral("佐藤 美咲"));
        // The same identities on both sides.
        const QString uuid = LeadRepository(*target).get(ken)->uuid;
        QCOMPARE(
            scalar(*source, QStringLiteral("SELECT count(*) FROM leads WHERE uuid = ?"), {uuid})
                .toInt(),
            1);

        auto second = mergeDatabases(*source, *target);
        QVERIFY(second.ok());
        QCOMPARE(second->added, 0);
        QCOMPARE(second->updated, 0);
        QCOMPARE(second->unchanged, 2);
        QCOMPARE(second->rowsAdded, 0);
        QCOMPARE(LeadRepository(*target).count().value(), 2);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM activities")).toInt(), 1);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM touchpoints")).toInt(), 1);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM stage_history")).toInt(), 2);

        // The other way (team database into the laptop): nothing new either.
        auto back = mergeDatabases(*target, *source);
        QVERIFY(back.ok());
        QCOMPARE(back->added, 0);
        QCOMPARE(back->updated, 0);
        QVERIFY(back->conflicts.isEmpty());
    }

    // After a merge, a field changed on one side only is taken (or kept); on both sides it is a
    // conflict, listed, not overwritten.
    // The target merged the booth's lead into another one (a duplicate): its rows moved there and
    // the lead left a tombstone. Merging the booth again adds neither the lead nor its rows back
    // (the rows of a lead the target neither has nor deleted are not looked up: this one it
    // deleted).
    void duplicateMergedAwayThereAddsNothingBack() {
        auto setup = boothAndTeam(MergeFirst::No);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        auto first = mergeDatabases(*source, *target);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error()));
        const qint64 ken = leadIdByEmail(*target, kenEmail());
        QVERIFY(ken > 0);
        Lead keep;
        keep.company = QStringLiteral("株式会社サンプル");
        keep.familyName = QStringLiteral("山田");
        keep.givenName = QStringLiteral("健");
        auto kept = LeadRepository(*target).insert(keep);
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error()));
        const auto rows = [&] {
            return scalar(*target, QStringLiteral("SELECT (SELECT count(*) FROM activities) + "
                                                  "(SELECT count(*) FROM touchpoints) + "
                                                  "(SELECT count(*) FROM stage_history)"))
                .toInt();
        };
        QVERIFY(mergeLeads(*target, *kept, ken).ok());
        const int before = rows();
        QCOMPARE(scalar(*target,
                        QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ?"),
                        {*kept})
                     .toInt(),
                 1); // Ken's activity moved to the lead kept

        auto again = mergeDatabases(*source, *target);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error()));
        QCOMPARE(again->added, 0);
        QCOMPARE(again->rowsAdded, 0);
        QCOMPARE(again->deletedHere, 1);
        QCOMPARE(rows(), before);
        QCOMPARE(LeadRepository(*target).count().value(), 2);
    }

    void oneSideTakenBothSidesConflict() {
        auto setup = boothAndTeam(MergeFirst::Yes);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const qint64 sKen = leadIdByEmail(*source, kenEmail());
        const qint64 tKen = leadIdByEmail(*target, kenEmail());

        // At the booth: a new title (booth only) and a note; in the office: the same note field
        // changed, and the phone.
        Lead atBooth = LeadRepository(*source).get(sKen).value();
        atBooth.title = QStringLiteral("部長");
        atBooth.notes = QStringLiteral("見積り送付済み");
        QVERIFY(LeadRepository(*source).update(atBooth));
        QVERIFY(LeadRepository(*source).changeStage(sKen, Stage::Mql, SqlKind::None, QString(),
                                                    QDateTime::currentDateTime()));
        Lead atOffice = LeadRepository(*target).get(tKen).value();
        atOffice.notes = QStringLiteral("来週デモ希望 (電話済み)");
        atOffice.mobile = QStringLiteral("090-5555-0303");
        QVERIFY(LeadRepository(*target).update(atOffice));

        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->added, 0);
        QCOMPARE(r->updated, 1);
        QCOMPARE(r->unchanged, 1);
        QCOMPARE(r->conflicts.size(), 1);
        const MergeConflict c = r->conflicts.first();
        QCOMPARE(c.field, QStringLiteral("notes"));
        QCOMPARE(c.before, QStringLiteral("ブースで名刺交換"));
        QCOMPARE(c.source, QStringLiteral("見積り送付済み"));
        QCOMPARE(c.target, QStringLiteral("来週デモ希望 (電話済み)"));
        QCOMPARE(c.targetId, tKen);
        const Lead merged = LeadRepository(*target).get(tKen).value();
        QCOMPARE(merged.title, QStringLiteral("部長"));                    // taken
        QCOMPARE(merged.stage, Stage::Mql);                                // taken
        QCOMPARE(merged.mobile, QStringLiteral("090-5555-0303"));          // kept
        QCOMPARE(merged.notes, QStringLiteral("来週デモ希望 (電話済み)")); // not overwritten
        QCOMPARE(LeadRepository(*target).history(tKen)->size(), 2);        // the booth's move

        // Again: the conflict is still there (undecided), nothing else changes.
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->conflicts.size(), 1);
        // Decided in the office (the booth's note taken by hand): no conflict any more.
        Lead decided = LeadRepository(*target).get(tKen).value();
        decided.notes = c.source;
        QVERIFY(LeadRepository(*target).update(decided));
        auto settled = mergeDatabases(*source, *target);
        QVERIFY(settled.ok());
        QVERIFY(settled->conflicts.isEmpty());
        QCOMPARE(settled->updated, 0);

        // The team database into the laptop: the office's mobile number is taken there, and the
        // booth's values stay.
        auto back = mergeDatabases(*target, *source);
        QVERIFY(back.ok());
        QVERIFY(back->conflicts.isEmpty());
        QCOMPARE(back->updated, 1);
        QCOMPARE(LeadRepository(*source).get(sKen)->mobile, QStringLiteral("090-5555-0303"));
        QCOMPARE(LeadRepository(*source).get(sKen)->notes, c.source);
    }

    // The same person typed in twice (two UUIDs): added, and offered as a possible duplicate.
    void samePersonTwiceIsOffered() {
        auto target = open(newTarget());
        QVERIFY(target);
        Lead office = person(QStringLiteral("山本"), QStringLiteral("健"), kenEmail());
        QVERIFY(LeadRepository(*target).insert(office));
        const QString booth = boothFile(); // has 山本 健 too, under its own UUID
        auto source = open(booth);
        QVERIFY(source);
        auto r = mergeDatabases(*source, *target);
        QVERIFY(r.ok());
        QCOMPARE(r->added, 2);
        QCOMPARE(r->duplicates.size(), 1);
        const MergeDuplicate d = r->duplicates.first();
        QCOMPARE(d.existingId, office.id);
        QCOMPARE(d.reason, DuplicateReason::Email);
        QVERIFY(d.addedId > 0 && d.addedId != office.id);
        QCOMPARE(LeadRepository(*target).count().value(), 3); // never merged silently
        QCOMPARE(LeadRepository(*target).get(office.id)->uuid, office.uuid);
    }

    // The merge looks duplicates up set-wise (not lead by lead): the same answers as
    // findDuplicates, for each rule, and a lead of the booth offered as the duplicate of another
    // booth lead added before it in the same merge. Rows added to a lead both have (an activity
    // and a task of the booth) arrive once.
    void duplicatesFoundSetWise() {
        const qint64 apartBefore = mergeLookupsApart();
        auto target = open(newTarget());
        QVERIFY(target);
        LeadRepository office(*target);
        Lead byEmail = person(QStringLiteral("青木"), QStringLiteral("大輔"),
                              QStringLiteral("d.aoki@example.jp"));
        Lead byExtra = person(QStringLiteral("石井"), QStringLiteral("愛"), QString());
        byExtra.phone.clear();
        byExtra.extraContacts = {{ContactKind::Email, QStringLiteral("ai.ishii@example.jp"), {}}};
        Lead byMobile = person(QStringLiteral("上田"), QStringLiteral("亮"), QString());
        byMobile.phone.clear();
        byMobile.mobile = QStringLiteral("090-5555-0404");
        Lead byName = person(QStringLiteral("遠藤"), QStringLiteral("光"), QString());
        byName.phone.clear();
        byName.company = QStringLiteral("株式会社テスト工業");
        for (Lead *l : {&byEmail, &byExtra, &byMobile, &byName})
            QVERIFY(office.insert(*l));

        const QString path = migratedFile();
        {
            auto booth = open(path);
            QVERIFY(booth);
            LeadRepository repo(*booth);
            Lead a = person(QStringLiteral("青木"), QStringLiteral("大輔"),
                            QStringLiteral("D.Aoki@example.jp")); // email, another case
            a.phone.clear();
            Lead b = person(QStringLiteral("石井"), QStringLiteral("愛"),
                            QStringLiteral("ai.ishii@example.jp")); // the office's extra email
            b.phone.clear();
            b.company = QStringLiteral("別会社");
            Lead c = person(QStringLiteral("上田"), QStringLiteral("亮"), QString());
            c.company = QStringLiteral("別会社");
            c.phone = QStringLiteral("+81 90-5555-0404"); // the office's mobile
            Lead d = person(QStringLiteral("遠藤"), QStringLiteral("光"), QString());
            d.phone.clear();
            d.company = QStringLiteral("㈱テスト工業"); // company written differently
            Lead e = person(QStringLiteral("新人"), QStringLiteral("一"),
                            QStringLiteral("hajime@booth.example"));
            e.phone.clear();
            e.company = QStringLiteral("ブース商事");
            Lead f = e; // the same card typed twice at the booth
            for (Lead *l : {&a, &b, &c, &d, &e, &f})
                QVERIFY(repo.insert(*l));
        }
        auto source = open(path);
        QVERIFY(source);
        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->added, 6);
        QHash<QString, QList<std::pair<qint64, DuplicateReason>>> offered; // by family name
        for (const MergeDuplicate &d : r->duplicates) {
            const Lead added = LeadRepository(*target).get(d.addedId).value();
            offered[added.familyName].append({d.existingId, d.reason});
        }
        using P = std::pair<qint64, DuplicateReason>;
        QCOMPARE(offered.value(QStringLiteral("青木")),
                 (QList<P>{{byEmail.id, DuplicateReason::Email}}));
        QCOMPARE(offered.value(QStringLiteral("石井")),
                 (QList<P>{{byExtra.id, DuplicateReason::Email}}));
        QCOMPARE(offered.value(QStringLiteral("上田")),
                 (QList<P>{{byMobile.id, DuplicateReason::Phone}}));
        QCOMPARE(offered.value(QStringLiteral("遠藤")),
                 (QList<P>{{byName.id, DuplicateReason::Suggestion}}));
        // The second card of 新人 is offered as the duplicate of the first, added just before.
        const QList<P> newcomer = offered.value(QStringLiteral("新人"));
        QCOMPARE(newcomer.size(), 1);
        QCOMPARE(newcomer.first().second, DuplicateReason::Email);
        // On a server, looked up on a second connection while the cards were written.
        QFETCH_GLOBAL(QString, backend);
        QCOMPARE(mergeLookupsApart(), apartBefore + (backend == QLatin1String("postgres") ? 1 : 0));
        // Each offer is what findDuplicates says of the added lead (leaving out leads added
        // after it).
        for (const MergeDuplicate &d : r->duplicates) {
            const Lead added = LeadRepository(*target).get(d.addedId).value();
            auto found = findDuplicates(*target, added);
            QVERIFY(found.ok());
            QList<qint64> before;
            for (const DuplicateMatch &m : *found) {
                if (m.id < d.addedId)
                    before << m.id;
            }
            QVERIFY2(before.contains(d.existingId), qPrintable(added.familyName));
        }

        // Later at the booth: an activity and a task on a lead both have; merged once.
        {
            const qint64 sA = leadIdByEmail(*source, QStringLiteral("D.Aoki@example.jp"));
            Activity act;
            act.leadId = sA;
            act.kind = ActivityKind::Meeting;
            act.occurredAt = QDateTime(QDate(2026, 10, 3), QTime(15, 0), QTimeZone(9 * 3600));
            QVERIFY(LeadRepository(*source).addActivity(act));
            FollowUp task;
            task.leadId = sA;
            task.title = QStringLiteral("見積りを送る");
            task.owner = QStringLiteral("佐藤 美咲");
            task.dueAt = QDateTime(QDate(2026, 10, 6), QTime(10, 0), QTimeZone(9 * 3600));
            QVERIFY(FollowUpRepository(*source).add(task));
        }
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QCOMPARE(again->added, 0);
        QCOMPARE(again->updated, 1);
        QCOMPARE(again->rowsAdded, 2);
        QCOMPARE(again->unchanged, 5);
        const qint64 tA = leadIdByEmail(*target, QStringLiteral("D.Aoki@example.jp"));
        QCOMPARE(LeadRepository(*target).activities(tA)->size(), 1);
        QCOMPARE(scalar(*target,
                        QStringLiteral("SELECT count(*) FROM tasks WHERE lead_id = ? AND "
                                       "title = ?"),
                        {tA, QStringLiteral("見積りを送る")})
                     .toInt(),
                 1);
        auto third = mergeDatabases(*source, *target);
        QVERIFY(third.ok());
        QCOMPARE(third->updated, 0);
        QCOMPARE(third->rowsAdded, 0);
        QCOMPARE(third->unchanged, 6);
    }

    // A show the booth added comes with the category and tier it was given there; a source the
    // team database already has (by name or alias) keeps the team's; a touchpoint's new source
    // comes too; one no card or touchpoint names stays behind.
    void newSourcesKeepTheirCategory() {
        auto target = open(newTarget());
        QVERIFY(target);
        SourceRepository team(*target);
        QVERIFY(team.resolve(QStringLiteral("パートナー紹介"), true, SourceCategory::Partnership,
                             Tier::Core));
        const qint64 webinar =
            team.resolve(QStringLiteral("ウェビナー"), true, SourceCategory::Inbound, Tier::Core)
                .value();
        QVERIFY(team.addAlias(QStringLiteral("オンラインセミナー"), webinar));
        const QString path = migratedFile();
        {
            auto booth = open(path);
            QVERIFY(booth);
            SourceRepository sources(*booth);
            QVERIFY(sources.resolve(QStringLiteral("東京ビッグサイト展 2026"), true,
                                    SourceCategory::Event, Tier::Growth));
            QVERIFY(sources.resolve(QStringLiteral("パートナー紹介"), true, SourceCategory::Event,
                                    Tier::Experiment));
            QVERIFY(sources.resolve(QStringLiteral("オンラインセミナー"), true,
                                    SourceCategory::Event, Tier::Experiment));
            QVERIFY(sources.resolve(QStringLiteral("業界紙広告"), true, SourceCategory::Paid,
                                    Tier::Growth));
            QVERIFY(sources.resolve(QStringLiteral("使われない展示会"), true, SourceCategory::Event,
                                    Tier::Growth));
            LeadRepository repo(*booth);
            Lead a = person(QStringLiteral("新井"), QStringLiteral("一"),
                            QStringLiteral("hajime.arai@example.jp"));
            a.source = QStringLiteral("東京ビッグサイト展 2026");
            Lead b = person(QStringLiteral("新井"), QStringLiteral("二"),
                            QStringLiteral("ji.arai@example.jp"));
            b.source = QStringLiteral("パートナー紹介");
            Lead c = person(QStringLiteral("新井"), QStringLiteral("三"),
                            QStringLiteral("zo.arai@example.jp"));
            c.source = QStringLiteral("オンラインセミナー");
            for (Lead *l : {&a, &b, &c})
                QVERIFY(repo.insert(*l));
            Touchpoint tp;
            tp.leadId = a.id;
            tp.occurredAt = QDateTime(QDate(2026, 9, 20), QTime(10, 0), QTimeZone(9 * 3600));
            tp.source = QStringLiteral("業界紙広告");
            QVERIFY(repo.addTouchpoint(tp));
        }
        auto source = open(path);
        QVERIFY(source);
        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->added, 3);
        const auto listed = SourceRepository(*target).list();
        QVERIFY(listed.ok());
        QHash<QString, Source> byName;
        for (const Source &s : *listed)
            byName.insert(s.name, s);
        const Source show = byName.value(QStringLiteral("東京ビッグサイト展 2026"));
        QCOMPARE(show.category, SourceCategory::Event);
        QCOMPARE(show.tier, Tier::Growth);
        QCOMPARE(show.leadCount, 1);
        const Source partner = byName.value(QStringLiteral("パートナー紹介"));
        QCOMPARE(partner.category, SourceCategory::Partnership);
        QCOMPARE(partner.tier, Tier::Core);
        QVERIFY(!byName.contains(QStringLiteral("オンラインセミナー"))); // the team's alias
        QCOMPARE(byName.value(QStringLiteral("ウェビナー")).leadCount, 1);
        QCOMPARE(byName.value(QStringLiteral("業界紙広告")).category, SourceCategory::Paid);
        QVERIFY(!byName.contains(QStringLiteral("使われない展示会")));
    }

    // Without a second connection (a server at its connection limit) the lookup runs on the
    // merge's own one after the cards are written, leaving them out: the same offers.
    void duplicatesFoundWithoutSecondConnection() {
        setMergeSecondConnectionFails(true);
        duplicatesFoundSetWise();
        setMergeSecondConnectionFails(false);
    }

    // Every way a lead or a row is deleted leaves a tombstone (schema 15: uuid, table, when, by
    // whom), the rows deleted with their lead none; undoing a delete takes it back.
    void deletesLeaveTombstones() {
        auto db = open(newTarget());
        QVERIFY(db);
        LeadRepository repo(*db);
        QList<Lead> leads;
        for (int i = 0; i < 5; ++i) {
            Lead l = person(QStringLiteral("削除"), QString::number(i),
                            QStringLiteral("del%1@test-kogyo.example").arg(i));
            l.phone.clear();
            l.company = QStringLiteral("会社%1").arg(i);
            QVERIFY(repo.insert(l));
            leads << l;
        }
        const auto tomb = [&](const QString &uuid) {
            return scalar(*db,
                          QStringLiteral("SELECT table_name || '/' || erased FROM tombstones "
                                         "WHERE uuid = ?"),
                          {uuid})
                .toString();
        };
        QVERIFY(repo.remove(leads.at(0).id));
        QCOMPARE(tomb(leads.at(0).uuid), QStringLiteral("leads/0"));
        QVERIFY(!scalar(*db, QStringLiteral("SELECT deleted_at FROM tombstones WHERE uuid = ?"),
                        {leads.at(0).uuid})
                     .toString()
                     .isEmpty());
        // Its history went with it: no tombstone of its own.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM tombstones WHERE table_name = "
                                            "'stage_history'"))
                     .toInt(),
                 0);
        // Deleted in the window and undone.
        auto snap = snapshotLead(*db, leads.at(1).id);
        QVERIFY(snap.ok());
        QVERIFY(deleteLeads(*db, {leads.at(1).id}));
        QCOMPARE(tomb(leads.at(1).uuid), QStringLiteral("leads/0"));
        QVERIFY(restoreLead(*db, *snap));
        QCOMPARE(tomb(leads.at(1).uuid), QStringLiteral("<no row>"));
        // Two duplicates merged: the one merged in is deleted, its history moved (kept).
        QVERIFY(mergeLeads(*db, leads.at(2).id, leads.at(3).id));
        QCOMPARE(tomb(leads.at(3).uuid), QStringLiteral("leads/0"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM tombstones")).toInt(), 2);
        // Erased: the tombstone says so, and is the uuid alone.
        QVERIFY(erase(*db, {leads.at(4).id}).ok());
        QCOMPARE(tomb(leads.at(4).uuid), QStringLiteral("leads/1"));
        // An activity removed (undo of adding it).
        Activity a;
        a.leadId = leads.at(2).id;
        a.occurredAt = QDateTime::currentDateTime();
        QVERIFY(repo.addActivity(a));
        const QString activityUuid =
            scalar(*db, QStringLiteral("SELECT uuid FROM activities WHERE id = ?"), {a.id})
                .toString();
        QVERIFY(repo.removeActivity(a.id));
        QCOMPARE(tomb(activityUuid), QStringLiteral("activities/0"));
    }

    // A lead deleted on one side is deleted on the other at the next merge (when unchanged
    // there since), and one deleted in the target never comes back; merging again changes
    // nothing.
    void deletionsTravel() {
        auto setup = boothAndTeam(MergeFirst::Yes);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const QString ken = kenEmail(), yumi = yumiEmail();

        // At the booth: 山本 deleted.
        QVERIFY(LeadRepository(*source).remove(leadIdByEmail(*source, ken)));
        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->deleted, 1);
        QCOMPARE(r->added, 0);
        QVERIFY(r->conflicts.isEmpty());
        QCOMPARE(leadIdByEmail(*target, ken), 0);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM activities")).toInt(), 0);
        // The target has its own tombstone now (the deletion travels on from there).
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM tombstones WHERE "
                                                "table_name = 'leads'"))
                     .toInt(),
                 1);
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QCOMPARE(again->deleted, 0);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(LeadRepository(*target).count().value(), 1);

        // In the office: 中村 deleted; the booth's copy does not bring her back.
        QVERIFY(LeadRepository(*target).remove(leadIdByEmail(*target, yumi)));
        auto notBack = mergeDatabases(*source, *target);
        QVERIFY(notBack.ok());
        QCOMPARE(notBack->added, 0);
        QCOMPARE(notBack->deletedHere, 1);
        QCOMPARE(notBack->rowsAdded, 0);
        QCOMPARE(LeadRepository(*target).count().value(), 0);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM touchpoints")).toInt(), 0);
        // The laptop takes the office's deletion before the next show.
        auto pull = mergeDatabases(*target, *source);
        QVERIFY(pull.ok());
        QCOMPARE(pull->deleted, 1);
        QCOMPARE(LeadRepository(*source).count().value(), 0);
        auto pullAgain = mergeDatabases(*target, *source);
        QVERIFY(pullAgain.ok());
        QCOMPARE(pullAgain->deleted, 0);
        QCOMPARE(pullAgain->added, 0);
    }

    // Deleted at the booth but changed in the office since the last merge: a conflict, the lead
    // stays. Erased at the booth: it goes all the same, and no merge base keeps the person.
    void deletedThereChangedHere() {
        auto setup = boothAndTeam(MergeFirst::Yes);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const QString ken = kenEmail(), yumi = yumiEmail();
        const qint64 tKen = leadIdByEmail(*target, ken);
        Lead changed = LeadRepository(*target).get(tKen).value();
        changed.notes = QStringLiteral("来月に再訪問");
        QVERIFY(LeadRepository(*target).update(changed));
        QVERIFY(LeadRepository(*source).remove(leadIdByEmail(*source, ken)));
        auto r = mergeDatabases(*source, *target);
        QVERIFY(r.ok());
        QCOMPARE(r->deleted, 0);
        QCOMPARE(r->conflicts.size(), 1);
        QVERIFY(r->conflicts.first().deletedInSource);
        QCOMPARE(r->conflicts.first().targetId, tKen);
        QCOMPARE(leadIdByEmail(*target, ken), tKen);
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QCOMPARE(again->conflicts.size(), 1);
        QCOMPARE(again->updated + again->added + again->deleted, 0);

        const qint64 tYumi = leadIdByEmail(*target, yumi);
        const QString yumiUuid = LeadRepository(*target).get(tYumi)->uuid;
        Lead edited = LeadRepository(*target).get(tYumi).value();
        edited.title = QStringLiteral("主任");
        QVERIFY(LeadRepository(*target).update(edited));
        QVERIFY(erase(*source, {leadIdByEmail(*source, yumi)}).ok());
        auto erased = mergeDatabases(*source, *target);
        QVERIFY(erased.ok());
        QCOMPARE(erased->deleted, 1);
        QCOMPARE(leadIdByEmail(*target, yumi), 0);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT erased FROM tombstones WHERE uuid = ?"),
                        {yumiUuid})
                     .toInt(),
                 1);
        for (Database *db : {target.get(), source.get()}) {
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM merge_base WHERE uuid = ?"),
                            {yumiUuid})
                         .toInt(),
                     0);
            // Nothing of her in the tombstones but the uuid.
            QCOMPARE(scalar(*db,
                            QStringLiteral("SELECT count(*) FROM tombstones WHERE uuid || "
                                           "table_name || deleted_at || deleted_by LIKE ? "
                                           "OR uuid || deleted_by LIKE ?"),
                            {QStringLiteral("%nakamura%"), QStringLiteral("%中村%")})
                         .toInt(),
                     0);
        }
    }

    // A deletion conflict (deleted at the booth, changed in the office) settled "keep": the lead
    // stays, the decision is recorded (the next merge, either way, is quiet) and noted in its
    // history; settled "delete" (--prefer source): it goes. A lead with a follow-up, deleted at
    // the booth and unchanged here, goes as before (its tasks' bases are not field changes).
    void deletionConflictSettled() {
        auto setup = boothAndTeam(MergeFirst::No);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const QString ken = kenEmail(), yumi = yumiEmail();
        const QString sho = QStringLiteral("sho.kobayashi@test-kogyo.example");
        Lead third = person(QStringLiteral("小林"), QStringLiteral("翔"), sho);
        third.phone = QStringLiteral("03-5555-0303");
        QVERIFY(LeadRepository(*source).insert(third));
        FollowUp call;
        call.leadId = leadIdByEmail(*source, yumi);
        call.title = QStringLiteral("お礼の電話");
        call.dueAt = QDateTime(QDate(2026, 10, 6), QTime(10, 0), QTimeZone(9 * 3600));
        QVERIFY(FollowUpRepository(*source).add(call));
        QVERIFY(mergeDatabases(*source, *target).ok());

        QVERIFY(LeadRepository(*source).remove(leadIdByEmail(*source, yumi)));
        auto plain = mergeDatabases(*source, *target);
        QVERIFY(plain.ok());
        QCOMPARE(plain->deleted, 1);
        QVERIFY(plain->conflicts.isEmpty());

        const qint64 tKen = leadIdByEmail(*target, ken);
        const qint64 tSho = leadIdByEmail(*target, sho);
        for (qint64 id : {tKen, tSho}) {
            Lead l = LeadRepository(*target).get(id).value();
            l.notes = QStringLiteral("来月に再訪問");
            QVERIFY(LeadRepository(*target).update(l));
        }
        QVERIFY(LeadRepository(*source).remove(leadIdByEmail(*source, ken)));
        QVERIFY(LeadRepository(*source).remove(leadIdByEmail(*source, sho)));
        auto dry = mergeDatabases(*source, *target, dryRun());
        QVERIFY(dry.ok());
        QCOMPARE(dry->conflicts.size(), 2);
        MergeOptions o;
        o.user = QStringLiteral("佐藤 美咲");
        for (const MergeConflict &c : dry->conflicts) {
            QVERIFY(c.deletedInSource);
            if (c.targetId == tKen)
                o.choices.insert(c.key(), MergeChoice::of(c, MergeSide::Target));
        }
        auto r = mergeDatabases(*source, *target, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->resolved, 1);
        QCOMPARE(r->deleted, 0);
        QCOMPARE(r->conflicts.size(), 2); // 小林 left undecided
        QCOMPARE(leadIdByEmail(*target, ken), tKen);
        const Activity note = LeadRepository(*target).activities(tKen)->constLast();
        QCOMPARE(note.kind, ActivityKind::Note);
        QCOMPARE(note.user, QStringLiteral("佐藤 美咲"));
        QVERIFY2(note.notes.contains(QFileInfo(booth).fileName()), qPrintable(note.notes));

        // Kept is recorded: the next merge offers only 小林; --prefer source deletes him.
        auto again = mergeDatabases(*source, *target, dryRun());
        QVERIFY(again.ok());
        QCOMPARE(again->conflicts.size(), 1);
        QCOMPARE(again->conflicts.first().targetId, tSho);
        MergeOptions theirs;
        theirs.prefer = MergeSide::Source;
        auto gone = mergeDatabases(*source, *target, theirs);
        QVERIFY(gone.ok());
        QCOMPARE(gone->resolved, 1);
        QCOMPARE(gone->deleted, 1);
        QCOMPARE(leadIdByEmail(*target, sho), 0);
        QCOMPARE(leadIdByEmail(*target, ken), tKen);
        auto quiet = mergeDatabases(*source, *target);
        QVERIFY(quiet.ok());
        QVERIFY(quiet->conflicts.isEmpty());
        QCOMPARE(quiet->deleted + quiet->updated + quiet->added + quiet->rowsAdded, 0);
        // The team database into the laptop: 山本, kept against the laptop's deletion, comes
        // back there with his history (the office's note, the merge's note), under his uuid.
        const QString kenUuid = LeadRepository(*target).get(tKen)->uuid;
        const int officeRows = LeadRepository(*target).activities(tKen)->size();
        auto back = mergeDatabases(*target, *source);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error()));
        QVERIFY(back->conflicts.isEmpty());
        QCOMPARE(back->added, 1);
        QCOMPARE(back->deletedHere, 0);
        const qint64 sKen = leadIdByEmail(*source, ken);
        QVERIFY(sKen > 0);
        const Lead atBooth = LeadRepository(*source).get(sKen).value();
        QCOMPARE(atBooth.uuid, kenUuid);
        QCOMPARE(atBooth.notes, QStringLiteral("来月に再訪問"));
        QCOMPARE(LeadRepository(*source).activities(sKen)->size(), officeRows);
        QVERIFY(LeadRepository(*source).history(sKen)->size() > 0);
        QCOMPARE(scalar(*source, QStringLiteral("SELECT count(*) FROM tombstones WHERE uuid = ?"),
                        {kenUuid})
                     .toInt(),
                 0);
        // And from then on quiet, both ways.
        for (int i = 0; i < 2; ++i) {
            auto still = mergeDatabases(*source, *target);
            QVERIFY(still.ok());
            QVERIFY(still->conflicts.isEmpty());
            QCOMPARE(still->deleted + still->updated + still->added + still->rowsAdded +
                         still->deletedHere,
                     0);
            auto stillBack = mergeDatabases(*target, *source);
            QVERIFY(stillBack.ok());
            QVERIFY(stillBack->conflicts.isEmpty());
            QCOMPARE(stillBack->deleted + stillBack->updated + stillBack->added +
                         stillBack->rowsAdded + stillBack->deletedHere,
                     0);
        }
        QCOMPARE(leadIdByEmail(*target, ken), tKen);
        QCOMPARE(leadIdByEmail(*source, ken), sKen);
    }

    // A follow-up deleted at the booth and rescheduled (or done) in the office since the last
    // merge is a conflict, like a lead's deletion: kept until settled. Kept: the laptop gets it
    // back at the next merge the other way, and later merges are quiet; deleted (--prefer
    // source): it goes. One deleted at the booth and unchanged in the office just goes.
    void taskDeletedThereChangedHere() {
        auto setup = boothAndTeam(MergeFirst::No);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const qint64 sKen = leadIdByEmail(*source, kenEmail());
        const QStringList titles{QStringLiteral("見積りを送る"), QStringLiteral("デモ日程調整"),
                                 QStringLiteral("資料郵送")};
        for (const QString &title : titles) {
            FollowUp t;
            t.leadId = sKen;
            t.title = title;
            t.owner = QStringLiteral("佐藤 美咲");
            t.dueAt = QDateTime(QDate(2026, 10, 6), QTime(10, 0), QTimeZone(9 * 3600));
            QVERIFY(FollowUpRepository(*source).add(t));
        }
        QVERIFY(mergeDatabases(*source, *target).ok());
        const auto taskId = [](Database &db, const QString &title) {
            return scalar(db, QStringLiteral("SELECT id FROM tasks WHERE title = ?"), {title})
                .toLongLong();
        };
        const QDateTime tuesday(QDate(2026, 10, 13), QTime(9, 0), QTimeZone(9 * 3600));
        // In the office: the quote and the demo rescheduled.
        QVERIFY(FollowUpRepository(*target).reschedule(taskId(*target, titles.at(0)), tuesday));
        QVERIFY(FollowUpRepository(*target).reschedule(taskId(*target, titles.at(1)), tuesday));
        // At the booth: all three deleted (the trigger leaves their tombstones).
        for (const QString &title : titles) {
            QSqlQuery q(QSqlDatabase::database(source->connectionName()));
            QVERIFY(q.prepare(QStringLiteral("DELETE FROM tasks WHERE title = ?")));
            q.addBindValue(title);
            QVERIFY(q.exec());
        }
        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->rowsDeleted, 1); // the mailing, unchanged here
        QCOMPARE(taskId(*target, titles.at(2)), 0);
        QCOMPARE(r->conflicts.size(), 2);
        QStringList listed;
        for (const MergeConflict &c : r->conflicts) {
            QVERIFY(c.deletedInSource);
            QVERIFY(!c.taskUuid.isEmpty());
            QVERIFY(c.field.isEmpty());
            QCOMPARE(c.targetId, leadIdByEmail(*target, kenEmail()));
            QVERIFY(!c.resolved);
            listed << c.taskTitle;
        }
        listed.sort();
        QStringList expected{titles.at(0), titles.at(1)};
        expected.sort();
        QCOMPARE(listed, expected);
        QVERIFY(taskId(*target, titles.at(0)) > 0); // kept until settled
        QVERIFY(taskId(*target, titles.at(1)) > 0);
        auto again = mergeDatabases(*source, *target, dryRun());
        QVERIFY(again.ok());
        QCOMPARE(again->conflicts.size(), 2);
        QCOMPARE(again->rowsDeleted, 0);

        // The quote kept (chosen on the dry run's list); the demo left undecided.
        MergeOptions o;
        o.user = QStringLiteral("佐藤 美咲");
        for (const MergeConflict &c : again->conflicts) {
            if (c.taskTitle == titles.at(0))
                o.choices.insert(c.key(), MergeChoice::of(c, MergeSide::Target));
        }
        auto kept = mergeDatabases(*source, *target, o);
        QVERIFY(kept.ok());
        QCOMPARE(kept->resolved, 1);
        QCOMPARE(kept->rowsDeleted, 0);
        QVERIFY(taskId(*target, titles.at(0)) > 0);
        const Activity note =
            LeadRepository(*target).activities(leadIdByEmail(*target, kenEmail()))->constLast();
        QVERIFY2(note.notes.contains(titles.at(0)), qPrintable(note.notes));
        auto onlyDemo = mergeDatabases(*source, *target, dryRun());
        QVERIFY(onlyDemo.ok());
        QCOMPARE(onlyDemo->conflicts.size(), 1);
        QCOMPARE(onlyDemo->conflicts.first().taskTitle, titles.at(1));
        // The demo: deleted as at the booth.
        MergeOptions theirs;
        theirs.prefer = MergeSide::Source;
        auto gone = mergeDatabases(*source, *target, theirs);
        QVERIFY(gone.ok());
        QCOMPARE(gone->rowsDeleted, 1);
        QCOMPARE(taskId(*target, titles.at(1)), 0);
        QCOMPARE(taskId(*target, titles.at(0)) > 0, true);

        // The team database into the laptop: the kept quote comes back there, as the office has
        // it (rescheduled to Tuesday); nothing else.
        auto back = mergeDatabases(*target, *source);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error()));
        QVERIFY(back->conflicts.isEmpty());
        QVERIFY(taskId(*source, titles.at(0)) > 0);
        QCOMPARE(taskId(*source, titles.at(1)), 0);
        QCOMPARE(taskId(*source, titles.at(2)), 0);
        QCOMPARE(dates::fromIsoDateTime(scalar(*source,
                                               QStringLiteral("SELECT due_at FROM tasks WHERE "
                                                              "title = ?"),
                                               {titles.at(0)})
                                            .toString())
                     .value(),
                 tuesday);
        // From then on quiet, both ways.
        for (int i = 0; i < 2; ++i) {
            auto still = mergeDatabases(*source, *target);
            QVERIFY(still.ok());
            QVERIFY(still->conflicts.isEmpty());
            QCOMPARE(still->rowsAdded + still->rowsDeleted + still->rowsUpdated + still->updated,
                     0);
            auto stillBack = mergeDatabases(*target, *source);
            QVERIFY(stillBack.ok());
            QVERIFY(stillBack->conflicts.isEmpty());
            QCOMPARE(stillBack->rowsAdded + stillBack->rowsDeleted + stillBack->rowsUpdated +
                         stillBack->updated,
                     0);
        }
        QVERIFY(taskId(*source, titles.at(0)) > 0);
        QVERIFY(taskId(*target, titles.at(0)) > 0);
    }

    // Deleted in the office, changed at the booth since the last merge: the booth's change is
    // not dropped with a count; the lead is listed ("deleted here, changed there"), stays
    // deleted until settled. Restored (Source): back in the office with the booth's values and
    // history; left deleted (Target): the deletion then reaches the laptop at the next merge
    // the other way without asking again, and all is quiet. Unchanged at the booth: it stays
    // deleted without a word (deletionsTravel).
    void deletedHereChangedThere() {
        auto setup = boothAndTeam(MergeFirst::Yes);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const QString ken = kenEmail(), yumi = yumiEmail();
        const QString kenUuid = LeadRepository(*source).get(leadIdByEmail(*source, ken))->uuid;
        for (const QString &email : {ken, yumi}) {
            QVERIFY(LeadRepository(*target).remove(leadIdByEmail(*target, email)));
            Lead l = LeadRepository(*source).get(leadIdByEmail(*source, email)).value();
            l.notes = QStringLiteral("ブースで見積り依頼");
            QVERIFY(LeadRepository(*source).update(l));
        }
        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->added, 0);
        QCOMPARE(r->deletedHere, 2);
        QCOMPARE(r->conflicts.size(), 2);
        for (const MergeConflict &c : r->conflicts) {
            QVERIFY(c.deletedInTarget);
            QVERIFY(!c.deletedInSource);
            QCOMPARE(c.targetId, 0);
            QVERIFY(!c.resolved);
        }
        QCOMPARE(LeadRepository(*target).count().value(), 0);
        auto again = mergeDatabases(*source, *target, dryRun());
        QVERIFY(again.ok());
        QCOMPARE(again->conflicts.size(), 2);

        // 山本 restored, 中村 left deleted.
        MergeOptions o;
        for (const MergeConflict &c : again->conflicts)
            o.choices.insert(c.key(), MergeChoice::of(c, c.uuid == kenUuid ? MergeSide::Source
                                                                           : MergeSide::Target));
        auto settled = mergeDatabases(*source, *target, o);
        QVERIFY(settled.ok());
        QCOMPARE(settled->resolved, 2);
        QCOMPARE(settled->added, 1);
        QCOMPARE(settled->deletedHere, 1);
        const qint64 tKen = leadIdByEmail(*target, ken);
        QVERIFY(tKen > 0);
        QCOMPARE(LeadRepository(*target).get(tKen)->notes, QStringLiteral("ブースで見積り依頼"));
        QCOMPARE(LeadRepository(*target).get(tKen)->uuid, kenUuid);
        // His call, back, and a note of the decision.
        const QList<Activity> acts = LeadRepository(*target).activities(tKen).value();
        QCOMPARE(acts.size(), 2);
        QCOMPARE(acts.constLast().kind, ActivityKind::Note);
        QVERIFY2(acts.constLast().notes.contains(QFileInfo(booth).fileName()),
                 qPrintable(acts.constLast().notes));
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM tombstones WHERE uuid = ?"),
                        {kenUuid})
                     .toInt(),
                 0);
        QCOMPARE(leadIdByEmail(*target, yumi), 0);

        // The laptop takes the office's deletion of 中村 without a question; then all is quiet.
        auto back = mergeDatabases(*target, *source);
        QVERIFY(back.ok());
        QVERIFY(back->conflicts.isEmpty());
        QCOMPARE(back->deleted, 1);
        QCOMPARE(leadIdByEmail(*source, yumi), 0);
        QVERIFY(leadIdByEmail(*source, ken) > 0);
        for (int i = 0; i < 2; ++i) {
            auto still = mergeDatabases(*source, *target);
            QVERIFY(still.ok());
            QVERIFY(still->conflicts.isEmpty());
            QCOMPARE(still->added + still->updated + still->deleted + still->rowsAdded, 0);
            auto stillBack = mergeDatabases(*target, *source);
            QVERIFY(stillBack.ok());
            QVERIFY(stillBack->conflicts.isEmpty());
            QCOMPARE(stillBack->added + stillBack->updated + stillBack->deleted +
                         stillBack->rowsAdded,
                     0);
        }
    }

    // A history row or an activity deleted at the booth is deleted in the office too.
    void rowDeletionsTravel() {
        auto setup = boothAndTeam(MergeFirst::Yes);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const qint64 sKen = leadIdByEmail(*source, kenEmail());
        const QList<Activity> acts = LeadRepository(*source).activities(sKen).value();
        QCOMPARE(acts.size(), 1);
        QVERIFY(LeadRepository(*source).removeActivity(acts.first().id));
        auto r = mergeDatabases(*source, *target);
        QVERIFY(r.ok());
        QCOMPARE(r->rowsDeleted, 1);
        QCOMPARE(r->rowsAdded, 0);
        QCOMPARE(scalar(*target, QStringLiteral("SELECT count(*) FROM activities")).toInt(), 0);
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QCOMPARE(again->rowsDeleted, 0);
        QCOMPARE(again->rowsAdded, 0);
    }

    // A follow-up done, reopened or rescheduled on one side after the last merge arrives on the
    // other; rescheduled on both sides it is a conflict, listed like a lead field's. Merging
    // again changes nothing.
    void taskChangesTravel() {
        auto setup = boothAndTeam(MergeFirst::No);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const qint64 sKen = leadIdByEmail(*source, kenEmail());
        QHash<QString, qint64> boothTask; // by title
        const QStringList titles{QStringLiteral("見積りを送る"), QStringLiteral("デモ日程調整"),
                                 QStringLiteral("資料郵送"), QStringLiteral("再訪問")};
        for (const QString &title : titles) {
            FollowUp t;
            t.leadId = sKen;
            t.title = title;
            t.owner = QStringLiteral("佐藤 美咲");
            t.dueAt = QDateTime(QDate(2026, 10, 6), QTime(10, 0), QTimeZone(9 * 3600));
            QVERIFY(FollowUpRepository(*source).add(t));
            boothTask.insert(title, t.id);
        }
        QVERIFY(mergeDatabases(*source, *target).ok());
        // Open in the office too (a merge used to write them with done_at '', read as done).
        QCOMPARE(FollowUpRepository(*target).open(QString(), 100)->size(), 4);
        const auto officeTask = [&](const QString &title) {
            return scalar(*target, QStringLiteral("SELECT id FROM tasks WHERE title = ?"), {title})
                .toLongLong();
        };
        const auto times = [](Database &db, const QString &title) {
            return scalar(db,
                          QStringLiteral("SELECT due_at || '/' || coalesce(done_at, '') FROM "
                                         "tasks WHERE title = ?"),
                          {title})
                .toString();
        };
        const QDateTime monday(QDate(2026, 10, 12), QTime(9, 0), QTimeZone(9 * 3600));
        const QDateTime tuesday(QDate(2026, 10, 13), QTime(9, 0), QTimeZone(9 * 3600));
        const QDateTime done(QDate(2026, 10, 5), QTime(16, 0), QTimeZone(9 * 3600));
        // At the booth: the quote sent (done), the demo moved; the visit moved to Monday.
        auto act = FollowUpRepository(*source).complete(
            boothTask.value(titles.at(0)), ActivityKind::Email, QStringLiteral("佐藤 美咲"), done);
        QVERIFY(act.ok());
        QVERIFY(FollowUpRepository(*source).reschedule(boothTask.value(titles.at(1)), monday));
        QVERIFY(FollowUpRepository(*source).reschedule(boothTask.value(titles.at(3)), monday));
        // In the office: the mailing moved (office only); the visit moved to Tuesday (both).
        QVERIFY(FollowUpRepository(*target).reschedule(officeTask(titles.at(2)), tuesday));
        QVERIFY(FollowUpRepository(*target).reschedule(officeTask(titles.at(3)), tuesday));
        const QString officeMailing = times(*target, titles.at(2));

        auto r = mergeDatabases(*source, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->rowsUpdated, 2);
        QCOMPARE(r->rowsAdded, 1); // the activity of completing the quote
        QCOMPARE(r->updated, 1);
        QCOMPARE(times(*target, titles.at(0)), times(*source, titles.at(0))); // done here too
        QVERIFY(times(*target, titles.at(0)).endsWith(QStringLiteral("16:00:00+09:00")));
        QCOMPARE(times(*target, titles.at(1)), times(*source, titles.at(1))); // moved here too
        QCOMPARE(times(*target, titles.at(2)), officeMailing);                // kept
        QCOMPARE(r->conflicts.size(), 1);
        const MergeConflict c = r->conflicts.first();
        QCOMPARE(c.taskTitle, titles.at(3));
        QVERIFY(!c.taskUuid.isEmpty());
        QCOMPARE(c.field, QStringLiteral("due_at"));
        QVERIFY(c.hasBefore);
        QCOMPARE(dates::fromIsoDateTime(c.before).value(),
                 QDateTime(QDate(2026, 10, 6), QTime(10, 0), QTimeZone(9 * 3600)));
        QCOMPARE(dates::fromIsoDateTime(c.source).value(), monday);
        QCOMPARE(dates::fromIsoDateTime(c.target).value(), tuesday);
        QVERIFY(mergeConflictFieldLabel(c).contains(titles.at(3)));
        QVERIFY(times(*target, titles.at(3)).startsWith(QStringLiteral("2026-10-13"))); // kept

        // Again: nothing changes; the visit is still listed.
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QCOMPARE(again->rowsUpdated, 0);
        QCOMPARE(again->rowsAdded, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->conflicts.size(), 1);

        // The team database into the laptop: the office's mailing date arrives there.
        auto back = mergeDatabases(*target, *source);
        QVERIFY(back.ok());
        QCOMPARE(back->rowsUpdated, 1);
        QCOMPARE(times(*source, titles.at(2)), officeMailing);
        QCOMPARE(back->conflicts.size(), 1);

        // The quote reopened at the booth (undo of done): reopened here, its activity deleted.
        QVERIFY(FollowUpRepository(*source).reopen(boothTask.value(titles.at(0)), *act));
        auto reopened = mergeDatabases(*source, *target);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->rowsUpdated, 1);
        QCOMPARE(reopened->rowsDeleted, 1);
        QVERIFY(times(*target, titles.at(0)).endsWith(QLatin1Char('/')));
        auto quiet = mergeDatabases(*source, *target);
        QVERIFY(quiet.ok());
        QCOMPARE(quiet->rowsUpdated + quiet->rowsAdded + quiet->rowsDeleted + quiet->updated, 0);
    }

    // Conflicts settled by the user, field by field (the window's choices, made on a dry run's
    // list) or all one way (--prefer): applied in the merge's transaction, noted in the lead's
    // history with who chose; merging again (either way) is quiet.
    void conflictsSettled() {
        auto setup = boothAndTeam(MergeFirst::No);
        QVERIFY(setup);
        auto &[booth, source, target] = setup;
        const qint64 sKen = leadIdByEmail(*source, kenEmail());
        FollowUp visit;
        visit.leadId = sKen;
        visit.title = QStringLiteral("再訪問");
        visit.dueAt = QDateTime(QDate(2026, 10, 6), QTime(10, 0), QTimeZone(9 * 3600));
        QVERIFY(FollowUpRepository(*source).add(visit));
        QVERIFY(mergeDatabases(*source, *target).ok());
        const qint64 tKen = leadIdByEmail(*target, kenEmail());
        const qint64 tVisit =
            scalar(*target, QStringLiteral("SELECT id FROM tasks WHERE title = ?"), {visit.title})
                .toLongLong();
        // Notes, title and the visit's date changed on both sides.
        Lead atBooth = LeadRepository(*source).get(sKen).value();
        atBooth.notes = QStringLiteral("見積り送付済み");
        atBooth.title = QStringLiteral("部長");
        QVERIFY(LeadRepository(*source).update(atBooth));
        Lead atOffice = LeadRepository(*target).get(tKen).value();
        atOffice.notes = QStringLiteral("来週デモ希望");
        atOffice.title = QStringLiteral("課長");
        QVERIFY(LeadRepository(*target).update(atOffice));
        const QDateTime monday(QDate(2026, 10, 12), QTime(9, 0), QTimeZone(9 * 3600));
        QVERIFY(FollowUpRepository(*source).reschedule(visit.id, monday));
        QVERIFY(FollowUpRepository(*target).reschedule(
            tVisit, QDateTime(QDate(2026, 10, 13), QTime(9, 0), QTimeZone(9 * 3600))));

        auto dry = mergeDatabases(*source, *target, dryRun());
        QVERIFY(dry.ok());
        QCOMPARE(dry->conflicts.size(), 3);
        MergeOptions o;
        o.user = QStringLiteral("佐藤 美咲");
        for (const MergeConflict &c : dry->conflicts) {
            QVERIFY(!c.resolved);
            // Theirs (the booth's) for the notes and the visit, mine for the title.
            const MergeSide side =
                c.field == QLatin1String("title") ? MergeSide::Target : MergeSide::Source;
            o.choices.insert(c.key(), MergeChoice::of(c, side));
        }
        const int activitiesBefore = LeadRepository(*target).activities(tKen)->size();
        auto r = mergeDatabases(*source, *target, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
        QCOMPARE(r->resolved, 3);
        QCOMPARE(r->conflicts.size(), 3);
        for (const MergeConflict &c : r->conflicts)
            QVERIFY(c.resolved);
        QCOMPARE(r->updated, 1);
        QCOMPARE(r->rowsUpdated, 1);
        const Lead merged = LeadRepository(*target).get(tKen).value();
        QCOMPARE(merged.notes, QStringLiteral("見積り送付済み")); // theirs
        QCOMPARE(merged.title, QStringLiteral("課長"));           // mine
        QVERIFY(scalar(*target, QStringLiteral("SELECT due_at FROM tasks WHERE id = ?"), {tVisit})
                    .toString()
                    .startsWith(QStringLiteral("2026-10-12")));
        // Noted in the lead's history, by who chose.
        const QList<Activity> acts = LeadRepository(*target).activities(tKen).value();
        QCOMPARE(acts.size(), activitiesBefore + 1);
        const Activity note = acts.constLast();
        QCOMPARE(note.kind, ActivityKind::Note);
        QCOMPARE(note.user, QStringLiteral("佐藤 美咲"));
        QVERIFY2(note.notes.contains(QStringLiteral("見積り送付済み")) &&
                     note.notes.contains(QStringLiteral("課長")) &&
                     note.notes.contains(QFileInfo(booth).fileName()),
                 qPrintable(note.notes));

        // Again: nothing to settle, nothing changes.
        auto again = mergeDatabases(*source, *target);
        QVERIFY(again.ok());
        QVERIFY(again->conflicts.isEmpty());
        QCOMPARE(again->updated + again->added + again->rowsAdded + again->rowsUpdated, 0);
        // The other way: the kept title (and the note) reach the laptop; then quiet both ways.
        auto back = mergeDatabases(*target, *source);
        QVERIFY(back.ok());
        QVERIFY(back->conflicts.isEmpty());
        QCOMPARE(LeadRepository(*source).get(sKen)->title, QStringLiteral("課長"));
        QCOMPARE(LeadRepository(*source).get(sKen)->notes, QStringLiteral("見積り送付済み"));
        for (auto [from, into] :
             {std::pair{source.get(), target.get()}, std::pair{target.get(), source.get()}}) {
            auto quiet = mergeDatabases(*from, *into);
            QVERIFY(quiet.ok());
            QVERIFY(quiet->conflicts.isEmpty());
            QCOMPARE(quiet->updated + quiet->added + quiet->rowsAdded + quiet->rowsUpdated, 0);
        }

        // A choice made on values that changed since is not applied: asked again.
        atBooth = LeadRepository(*source).get(sKen).value();
        atBooth.department = QStringLiteral("営業部");
        QVERIFY(LeadRepository(*source).update(atBooth));
        atOffice = LeadRepository(*target).get(tKen).value();
        atOffice.department = QStringLiteral("営業企画部");
        QVERIFY(LeadRepository(*target).update(atOffice));
        auto seen = mergeDatabases(*source, *target, dryRun());
        QVERIFY(seen.ok());
        QCOMPARE(seen->conflicts.size(), 1);
        MergeOptions stale;
        stale.choices.insert(seen->conflicts.first().key(),
                             MergeChoice::of(seen->conflicts.first(), MergeSide::Source));
        atBooth = LeadRepository(*source).get(sKen).value();
        atBooth.department = QStringLiteral("営業本部");
        QVERIFY(LeadRepository(*source).update(atBooth));
        auto late = mergeDatabases(*source, *target, stale);
        QVERIFY(late.ok());
        QCOMPARE(late->resolved, 0);
        QCOMPARE(late->conflicts.size(), 1);
        QCOMPARE(LeadRepository(*target).get(tKen)->department, QStringLiteral("営業企画部"));

        // All one way (--prefer target): kept here, then quiet.
        MergeOptions mine;
        mine.prefer = MergeSide::Target;
        auto kept = mergeDatabases(*source, *target, mine);
        QVERIFY(kept.ok());
        QCOMPARE(kept->resolved, 1);
        QCOMPARE(kept->conflicts.first().resolved, MergeSide::Target);
        QCOMPARE(LeadRepository(*target).get(tKen)->department, QStringLiteral("営業企画部"));
        auto after = mergeDatabases(*source, *target);
        QVERIFY(after.ok());
        QVERIFY(after->conflicts.isEmpty());
        QCOMPARE(after->updated, 0);
    }

    // The command line: cli.md's JSON, idempotent, exit codes.
    void commandLine() {
        if (!QFileInfo::exists(QStringLiteral(MIKOMI_EXE)))
            QSKIP("the mikomi executable is not built (ninja builds it by default)");
        const QString booth = boothFile();
        const QString target = newTarget();
        const auto run = [&](const QStringList &extra, int *code) {
            QProcess p;
            p.setProgram(QStringLiteral(MIKOMI_EXE));
            p.setArguments(QStringList{QStringLiteral("--db"), target, QStringLiteral("--lang"),
                                       QStringLiteral("en"), QStringLiteral("merge")} +
                           extra);
            p.start();
            p.waitForFinished(60000);
            *code = p.exitCode();
            if (*code != 0)
                qWarning("%s", p.readAllStandardError().constData());
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        int code = -1;
        QJsonObject dry = run({booth, QStringLiteral("--dry-run"), QStringLiteral("--format"),
                               QStringLiteral("json")},
                              &code);
        QCOMPARE(code, 0);
        QCOMPARE(dry.value(QStringLiteral("added")).toInt(), 2);
        QJsonObject first = run({booth, QStringLiteral("--format"), QStringLiteral("json")}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(first.value(QStringLiteral("added")).toInt(), 2);
        QVERIFY(first.value(QStringLiteral("conflicts")).isArray());
        QVERIFY(first.value(QStringLiteral("possible_duplicates")).isArray());
        QJsonObject second =
            run({booth, QStringLiteral("--format"), QStringLiteral("json")}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(second.value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("updated")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("unchanged")).toInt(), 2);
        // The notes changed on both sides: listed and left; --prefer target settles it (and
        // the next run is quiet); --prefer takes source or target only.
        {
            auto t = open(target);
            auto b = open(booth);
            QVERIFY(t && b);
            const QString email = kenEmail();
            for (auto [db, notes] : {std::pair{t.get(), QStringLiteral("来週デモ希望")},
                                     std::pair{b.get(), QStringLiteral("見積り送付済み")}}) {
                Lead l = LeadRepository(*db).get(leadIdByEmail(*db, email)).value();
                l.notes = notes;
                QVERIFY(LeadRepository(*db).update(l));
            }
        }
        QJsonObject listed =
            run({booth, QStringLiteral("--format"), QStringLiteral("json")}, &code);
        QCOMPARE(code, 0);
        const QJsonObject conflict =
            listed.value(QStringLiteral("conflicts")).toArray().first().toObject();
        QCOMPARE(conflict.value(QStringLiteral("field")).toString(), QStringLiteral("notes"));
        QVERIFY(conflict.value(QStringLiteral("resolved")).isNull());
        QVERIFY(conflict.value(QStringLiteral("task_uuid")).isNull());
        run({booth, QStringLiteral("--prefer"), QStringLiteral("both")}, &code);
        QCOMPARE(code, 2);
        run({QStringLiteral("--help")}, &code); // says what --prefer does
        QCOMPARE(code, 0);
        QJsonObject settled = run({booth, QStringLiteral("--prefer"), QStringLiteral("target"),
                                   QStringLiteral("--format"), QStringLiteral("json")},
                                  &code);
        QCOMPARE(code, 0);
        QCOMPARE(settled.value(QStringLiteral("resolved")).toInt(), 1);
        QCOMPARE(settled.value(QStringLiteral("conflicts"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("resolved"))
                     .toString(),
                 QStringLiteral("target"));
        QJsonObject quiet = run({booth, QStringLiteral("--format"), QStringLiteral("json")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(quiet.value(QStringLiteral("conflicts")).toArray().isEmpty());
        QCOMPARE(quiet.value(QStringLiteral("updated")).toInt(), 0);
        run({m_dir.filePath(QStringLiteral("missing.mikomi"))}, &code);
        QCOMPARE(code, 1);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("missing.mikomi"))));
        run({}, &code);
        QCOMPARE(code, 2);
    }
};

MIKOMI_TEST_GUILESS_MAIN(TestTeamMerge) // run as shares (CMakeLists.txt: SHARDS)
#include "tst_teammerge.moc"
