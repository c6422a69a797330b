#include "models/storage/bulkwriter.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

class TestRepositories final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

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
        l.dealValue = 1'500'000;
        l.lifetimeValue = 4'000'000;
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(10, 30), QTimeZone(9 * 3600));
        l.updatedAt = QDateTime(QDate(2026, 4, 2), QTime(11, 0), QTimeZone(9 * 3600));
        l.wonAt = QDate(2026, 5, 1);
        l.lostReason = QStringLiteral("価格");
        return l;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("r.mikomi")));
        auto db = Database::open(m_dir.filePath(QStringLiteral("r.mikomi")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        m_db = std::move(db).value();
    }
    void cleanup() { m_db.reset(); }

    void bulkWriterChecksItsRowsAtFinish() {
        // While a bulk fill runs, CHECK constraints are verified once in finish() instead of per
        // row: a bad value is still refused, and the checks are back on afterwards.
        const auto sql = [this](const QString &statement, qint64 id) {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            q.prepare(statement);
            q.addBindValue(id);
            return q.exec();
        };
        {
            Transaction tx(*m_db);
            BulkWriter w(*m_db, true);
            Lead l = fullLead();
            const qint64 id = w.insertLead(l).value();
            QVERIFY(w.insertStageChange(id, StageChange{}).ok());
            QVERIFY(sql(QStringLiteral("UPDATE leads SET stage = 'bogus' WHERE id = ?"), id));
            QVERIFY(!w.finish().ok());
            tx.rollback();
        }
        QCOMPARE(LeadRepository(*m_db).count().value(), 0);
        {
            Transaction tx(*m_db);
            BulkWriter w(*m_db, true);
            Lead l = fullLead();
            QVERIFY(w.insertLead(l).ok());
            QVERIFY(w.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(LeadRepository(*m_db).count().value(), 1);
        QVERIFY(!sql(QStringLiteral("UPDATE leads SET stage = 'bogus' WHERE id = ?"), 1));
    }

    // A buffered writer (many rows per statement, ids given by the writer, the search index's
    // insert trigger off while writing) leaves the same rows as the row-by-row one: leads of
    // every kind, scores, stage history and further contacts, more leads than one statement
    // holds, with and without deferred indexes; the schema is whole again afterwards, also after
    // a rollback.
    void bufferedBulkWriterWritesWhatRowByRowDoes() {
        const auto leads = [] {
            QList<Lead> out;
            for (int i = 0; i < 75; ++i) {
                Lead l = fullLead();
                l.email = QStringLiteral("person%1@sample.co.jp").arg(i);
                l.familyName += QString::number(i);
                l.stage = Stage(i % 5);
                l.furthestStage = l.stage;
                l.lost = i % 7 == 0;
                l.score = i;
                if (i % 3 == 0)
                    l.dealValue.reset();
                if (i % 4 == 0)
                    l.extraContacts = {
                        ContactPoint{ContactKind::Email,
                                     QStringLiteral("other%1@sample.co.jp").arg(i),
                                     QStringLiteral("work")},
                        ContactPoint{ContactKind::Fax, QStringLiteral("03-1234-9999"), {}}};
                out << l;
            }
            return out;
        }();
        const auto dump = [](const Database &db) {
            QStringList out;
            QSqlQuery q(QSqlDatabase::database(db.connectionName()));
            for (const char *table : {"leads", "lead_scores", "stage_history", "lead_contacts"}) {
                if (!q.exec(
                        QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table))))
                    return QStringList{q.lastError().text()};
                while (q.next()) {
                    QStringList row;
                    for (int c = 0; c < q.record().count(); ++c) {
                        // A row's uuid is new on every write: present, not compared.
                        if (q.record().fieldName(c) == QLatin1String("uuid"))
                            row << (q.value(c).toString().size() == 36 ? QStringLiteral("<uuid>")
                                                                       : q.value(c).toString());
                        else
                            row << (q.value(c).isNull() ? QStringLiteral("<null>")
                                                        : q.value(c).toString());
                    }
                    out << row.join(u'|');
                }
            }
            QSqlQuery s(QSqlDatabase::database(db.connectionName()));
            if (s.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY name")))
                while (s.next())
                    out << s.value(1).toString() + u' ' + s.value(2).toString();
            return out;
        };
        const auto write = [&](Database &db, bool defer, bool buffered) {
            Transaction tx(db);
            BulkWriter w(db, defer, buffered);
            for (const Lead &l : leads) {
                const qint64 id = w.insertLead(l).value();
                StageChange first;
                first.toStage = Stage::Inquiry;
                first.changedAt = l.createdAt;
                QVERIFY(w.insertStageChange(id, first).ok());
                if (l.stage > Stage::Inquiry) {
                    StageChange c;
                    c.fromStage = Stage::Inquiry;
                    c.toStage = l.stage;
                    c.changedAt = l.createdAt.addDays(1);
                    QVERIFY(w.insertStageChange(id, c).ok());
                }
            }
            QVERIFY(w.finish().ok());
            QVERIFY(tx.commit().ok());
        };
        for (const bool defer : {false, true}) {
            const QString name = QStringLiteral("rowbyrow%1.mikomi").arg(int(defer));
            auto other = Database::open(m_dir.filePath(name));
            QVERIFY(other.ok());
            write(**other, defer, false);
            const QStringList expected = dump(**other);
            // 75 leads and scores, 135 history rows, 38 further contacts, and the schema.
            QVERIFY(expected.size() > 75 + 75 + 135 + 38);
            init();
            write(*m_db, defer, true);
            QCOMPARE(dump(*m_db), expected);
        }
        // Rolled back: nothing written, the trigger is back.
        const QStringList before = dump(*m_db);
        {
            Transaction tx(*m_db);
            BulkWriter w(*m_db, true, true);
            QVERIFY(w.insertLead(fullLead()).ok());
            tx.rollback();
        }
        QCOMPARE(dump(*m_db), before);
    }

    // A writer that defers the schema's CHECK constraints verifies them in finish(): a row of
    // the written tables that breaks one (written meanwhile on the same connection, checks off)
    // fails the import, whichever column it is; values the checks allow, NULL included, pass.
    void deferredChecksCatchEveryColumn() {
        const QStringList broken{
            QStringLiteral("UPDATE leads SET stage = 'won'"),
            QStringLiteral("UPDATE leads SET sql_kind = 'xyz'"),
            QStringLiteral("UPDATE leads SET furthest_stage = 'won'"),
            QStringLiteral("UPDATE leads SET lost = 2"),
            QStringLiteral("UPDATE leads SET anonymous = 2"),
            QStringLiteral("UPDATE leads SET opt_out = 2"),
            QStringLiteral("UPDATE leads SET temperature_override = 'tepid'"),
            QStringLiteral("UPDATE leads SET consent_basis = 'whim'"),
            QStringLiteral("UPDATE stage_history SET to_stage = 'won'"),
            QStringLiteral("UPDATE lead_contacts SET kind = 'pager'"),
        };
        const QStringList allowed{
            QStringLiteral("UPDATE leads SET temperature_override = NULL"),
            QStringLiteral("UPDATE leads SET temperature_override = 'warm', sql_kind = 'sgl', "
                           "consent_basis = 'legitimate_interest', stage = 'customer'"),
            QStringLiteral("UPDATE lead_contacts SET kind = 'fax'"),
        };
        const auto run = [this](const QString &change) {
            Transaction tx(*m_db);
            BulkWriter w(*m_db, true, true);
            Lead l = fullLead();
            l.extraContacts = {
                ContactPoint{ContactKind::Email, QStringLiteral("second@sample.co.jp"), {}}};
            const qint64 id = w.insertLead(l).value();
            StageChange first;
            first.toStage = Stage::Inquiry;
            first.changedAt = l.createdAt;
            if (!w.insertStageChange(id, first).ok() || !w.flush().ok())
                return QStringLiteral("write failed");
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            if (!q.exec(change))
                return q.lastError().text();
            const Status done = w.finish();
            tx.rollback();
            return done ? QString() : done.error();
        };
        for (const QString &change : broken)
            QVERIFY2(run(change).contains(QLatin1String("check")), qPrintable(change));
        for (const QString &change : allowed) {
            const QString error = run(change);
            QVERIFY2(error.isEmpty(), qPrintable(change + u' ' + error));
        }
    }

    // leads.last_activity_at is the latest activity's time, whatever writes the activities:
    // the repository (triggers), a move between leads, a delete, or a bulk writer (triggers off,
    // the column set by the writer and the triggers back afterwards, also after a rollback).
    void lastActivityFollowsActivities() {
        const auto last = [this](qint64 id) {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            q.prepare(QStringLiteral("SELECT last_activity_at FROM leads WHERE id = ?"));
            q.addBindValue(id);
            if (!q.exec() || !q.next())
                return QStringLiteral("<no row>");
            return q.value(0).isNull() ? QStringLiteral("<null>") : q.value(0).toString();
        };
        const auto triggers = [this]() {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            // The triggers that keep last_activity_at (v15's tombstone trigger stays on).
            if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = "
                                       "'trigger' AND tbl_name = 'activities' AND name GLOB "
                                       "'activities_last_*'")) ||
                !q.next())
                return -1;
            return q.value(0).toInt();
        };
        const auto at = [](int day) {
            return QDateTime(QDate(2026, 5, day), QTime(10, 0), QTimeZone(9 * 3600));
        };
        const auto activity = [&](qint64 lead, int day) {
            Activity a;
            a.leadId = lead;
            a.kind = ActivityKind::Meeting;
            a.occurredAt = at(day);
            return a;
        };
        const int liveTriggers = triggers();
        QCOMPARE(liveTriggers, 3);
        LeadRepository repo(*m_db);
        Lead first = fullLead(), second = fullLead(), l = fullLead();
        const qint64 a = repo.insert(first).value();
        const qint64 b = repo.insert(second).value();
        QCOMPARE(last(a), QStringLiteral("<null>"));
        Activity later = activity(a, 20);
        QVERIFY(repo.addActivity(later).ok());
        Activity earlier = activity(a, 10);
        QVERIFY(repo.addActivity(earlier).ok());
        QCOMPARE(last(a), QStringLiteral("2026-05-20T10:00:00+09:00"));
        QVERIFY(repo.removeActivity(later.id).ok());
        QCOMPARE(last(a), QStringLiteral("2026-05-10T10:00:00+09:00"));
        {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            q.prepare(QStringLiteral("UPDATE activities SET lead_id = ? WHERE id = ?"));
            q.addBindValue(b);
            q.addBindValue(earlier.id);
            QVERIFY(q.exec());
        }
        QCOMPARE(last(a), QStringLiteral("<null>"));
        QCOMPARE(last(b), QStringLiteral("2026-05-10T10:00:00+09:00"));

        // Rolled back: nothing written, the triggers are back.
        {
            Transaction tx(*m_db);
            BulkWriter w(*m_db);
            QVERIFY(w.insertLead(l, {activity(0, 1)}).ok());
            QCOMPARE(triggers(), 0);
            tx.rollback();
        }
        QCOMPARE(triggers(), liveTriggers);
        qint64 c = 0;
        {
            Transaction tx(*m_db);
            BulkWriter w(*m_db, true);
            c = w.insertLead(l, {activity(0, 3), activity(0, 25), activity(0, 7)}).value();
            QCOMPARE(last(c), QStringLiteral("2026-05-25T10:00:00+09:00"));
            // An activity of an older lead through the writer: brought up to date by finish().
            QVERIFY(w.insertActivity(b, activity(b, 28)).ok());
            QVERIFY(w.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(triggers(), liveTriggers);
        QCOMPARE(last(b), QStringLiteral("2026-05-28T10:00:00+09:00"));
        QCOMPARE(last(c), QStringLiteral("2026-05-25T10:00:00+09:00"));
        Activity newest = activity(c, 30);
        QVERIFY(repo.addActivity(newest).ok());
        QCOMPARE(last(c), QStringLiteral("2026-05-30T10:00:00+09:00"));
        QVERIFY(repo.remove(c).ok());
        QCOMPARE(repo.activities(c).value().size(), 0);
    }

    void leadRoundTripsEveryField() {
        LeadRepository repo(*m_db);
        Lead l = fullLead();
        auto id = repo.insert(l, QStringLiteral("tester"));
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error()));
        QVERIFY(l.id > 0);
        auto back = repo.get(l.id);
        QVERIFY(back.ok());
        QCOMPARE(back->createdAt.toMSecsSinceEpoch(), l.createdAt.toMSecsSinceEpoch());
        QCOMPARE(back->createdAt.offsetFromUtc(), 9 * 3600);
        Lead expected = l;
        expected.createdAt = back->createdAt;
        expected.updatedAt = back->updatedAt;
        QCOMPARE(*back, expected);

        // Update every field and read it back.
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

    void sourcesAreNormalised() {
        SourceRepository sources(*m_db);
        const qint64 a = *sources.resolve(QStringLiteral("LinkedIn"));
        QVERIFY(a > 0);
        QCOMPARE(*sources.resolve(QStringLiteral("linkedin ")), a);
        QCOMPARE(*sources.resolve(QStringLiteral("ＬｉｎｋｅｄＩｎ")), a);
        QCOMPARE(*sources.resolve(QString()), 0);
        const qint64 ads = *sources.resolve(QStringLiteral("LinkedIn Ads"), false);
        QCOMPARE(ads, 0); // not created when create = false
        QVERIFY(sources.addAlias(QStringLiteral("LinkedIn Ads"), a).ok());
        QCOMPARE(*sources.resolve(QStringLiteral("linkedin  ads")), a);
        QCOMPARE(*sources.canonicalName(QStringLiteral("ＬＩＮＫＥＤＩＮ ＡＤＳ")),
                 std::optional<QString>(QStringLiteral("LinkedIn")));
        QVERIFY(!sources.addAlias(QStringLiteral("linkedin"), a).ok());
        const auto list = sources.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().aliases, QStringList{QStringLiteral("LinkedIn Ads")});
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
        QCOMPARE(lost->furthestStage, Stage::Sql);
        QCOMPARE(lost->sqlKind, SqlKind::Sal);
        QCOMPARE(lost->lostReason, QStringLiteral("競合"));
        QVERIFY(repo.recycle(l.id, QStringLiteral("c"), t1.addDays(10)).ok());
        auto recycled = repo.get(l.id);
        QVERIFY(!recycled->lost);
        QCOMPARE(recycled->stage, Stage::Mql);
        QCOMPARE(recycled->furthestStage, Stage::Sql); // the furthest stage is kept
        auto h = repo.history(l.id);
        QVERIFY(h.ok());
        QCOMPARE(h->size(), 5);
        QCOMPARE(h->at(0).toStage, Stage::Inquiry);
        QVERIFY(!h->at(0).fromStage.has_value());
        QCOMPARE(h->at(2).toStage, Stage::Sql);
        QCOMPARE(h->at(2).user, QStringLiteral("b"));
        QVERIFY(h->at(3).lost);
        QVERIFY(h->at(4).recycled);
        QCOMPARE(h->at(4).toStage, Stage::Mql);
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
        Activity a;
        a.leadId = l.id;
        a.kind = ActivityKind::Seminar;
        a.occurredAt = QDateTime::currentDateTime();
        QVERIFY(repo.addActivity(a).ok());
        QCOMPARE(repo.touchpoints(l.id)->size(), 1);
        QCOMPARE(repo.activities(l.id)->first().kind, ActivityKind::Seminar);
        QVERIFY(repo.remove(l.id).ok());
        QVERIFY(!repo.get(l.id).ok());
        QCOMPARE(repo.touchpoints(l.id)->size(), 0);
        QCOMPARE(repo.history(l.id)->size(), 0);
        QVERIFY(!repo.remove(l.id).ok()); // already gone: an error, not silence
    }

    void rolledBackSourceIsNotRemembered() {
        LeadRepository repo(*m_db);
        {
            Transaction tx(*m_db);
            Lead l;
            l.company = QStringLiteral("X");
            l.source = QStringLiteral("Brand new source");
            QVERIFY(repo.insert(l).ok());
        } // rolled back, the source row with it
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
        QVERIFY(!repo.setSpend({QString(), QStringLiteral("2026-01"), 1}).ok());
        auto s = repo.spend();
        QCOMPARE(s->size(), 1);
        QCOMPARE(s->first().amount, 120000);
        QCOMPARE(s->first().source, QStringLiteral("Google Ads"));
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
