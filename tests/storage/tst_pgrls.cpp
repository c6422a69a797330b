// Team mode (issue 14, docs/team.md "Reps see only their own leads"): PostgreSQL's row-level
// security on a throwaway server (pgserver.h), with three people signed in as their own roles:
// two reps and a manager; the tables belong to the test's superuser (the admin). When it is
// on, each rep's list, search, report facts and export hold only their own leads, and SQL typed
// by hand can neither change nor delete the other's, nor make the rep a manager; the manager
// sees everything; turned off, everyone sees everything again. On a file it does not exist.

#include "models/services/exporter.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/database.h"
#include "models/storage/factreader.h"
#include "models/storage/leadquery.h"
#include "models/storage/pgcopy.h"
#include "models/storage/repositories.h"
#include "models/storage/rowsecurity.h"
#include "models/storage/serverlogin.h"
#include "models/storage/serversearch.h"
#include "pgserver.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

class CountingSink final : public FactSink {
public:
    QSet<qint64> leads;
    void source(const FactSourceRow &) override {}
    void lead(const FactLeadRow &row) override { leads.insert(row.id); }
    void touch(const FactTouchRow &) override {}
    void spend(const FactSpendRow &) override {}
};

// Every source groupable: a lead that is not a customer comes counted from lead_groups
// (schema 22), through mikomi_report_groups, which applies the role's view itself.
class GroupingSink final : public FactSink {
public:
    std::vector<qint64> sources;
    qint64 one = 0, grouped = 0;
    void source(const FactSourceRow &row) override { sources.push_back(row.id); }
    std::optional<std::vector<qint64>> groupableSources() override { return sources; }
    void lead(const FactLeadRow &) override { ++one; }
    void leads(const FactLeadRow &, qint64 count) override { grouped += count; }
    void touch(const FactTouchRow &) override {}
    void spend(const FactSpendRow &) override {}
};

// No source groupable (-1 is none): every lead comes one by one, and the touchpoints of `asked`
// are asked for, whoever's leads they are (the sink's wish is only a hint to the reader).
class TouchSink final : public FactSink {
public:
    std::vector<qint64> asked;
    QSet<qint64> leads, touched;
    void source(const FactSourceRow &) override {}
    std::optional<std::vector<qint64>> groupableSources() override {
        return std::vector<qint64>{-1};
    }
    void lead(const FactLeadRow &row) override { leads.insert(row.id); }
    std::optional<std::vector<qint64>> wantedTouchLeads() override { return asked; }
    void touch(const FactTouchRow &row) override { touched.insert(row.leadId); }
    void spend(const FactSpendRow &) override {}
};

} // namespace

class TestPgRls final : public QObject {
    Q_OBJECT
private:
    pgtest::Server m_server;
    QTemporaryDir m_dir;
    QString m_url, m_name;
    std::unique_ptr<Database> m_admin, m_taro, m_jiro, m_hanako;
    QList<qint64> m_taroLeads, m_jiroLeads;
    qint64 m_unowned = 0;

    std::unique_ptr<Database> signIn(const QString &role) {
        QString url = m_url;
        url.replace(QString::fromLatin1(pgtest::Server::kUser) + QLatin1Char('@'),
                    role + QLatin1Char('@'));
        auto db = Database::open(url);
        if (!db) {
            qWarning("%s", qPrintable(db.error()));
            return {};
        }
        return std::move(db).value();
    }

    // One statement typed by hand on `db`'s own connection: rows changed, or -1 when refused.
    static int byHand(Database &db, const QString &sql, QString *error = nullptr) {
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        if (!q.exec(sql)) {
            if (error)
                *error = q.lastError().text();
            return -1;
        }
        return q.isSelect() ? (q.next() ? q.value(0).toInt() : 0) : q.numRowsAffected();
    }

    static QSet<qint64> listed(Database &db, const QString &search = {}) {
        LeadFilter f;
        f.search = search;
        auto rows = LeadQuery(db).rows(f, LeadSort::Created, true, 0, 100);
        if (!rows) {
            qWarning("%s", qPrintable(rows.error()));
            return {-1};
        }
        QSet<qint64> out;
        for (const LeadRow &r : *rows)
            out.insert(r.id);
        return out;
    }

    static QSet<qint64> reported(Database &db) {
        CountingSink sink;
        if (!readFacts(db, sink))
            return {-1};
        return sink.leads;
    }

    // How many leads the report's counted facts hold (-1: the read failed); every one of this
    // test's leads is counted (none is a customer).
    static qint64 counted(Database &db) {
        GroupingSink sink;
        if (!readFacts(db, sink))
            return -1;
        return sink.one == 0 ? sink.grouped : -2;
    }

    // The exported CSV's data lines.
    int exported(Database &db) {
        static int n = 0;
        services::ExportOptions o;
        o.path = m_dir.filePath(QStringLiteral("export%1.csv").arg(++n));
        o.includeOptedOut = true;
        auto s = services::exportLeads(db, o);
        if (!s) {
            qWarning("%s", qPrintable(s.error()));
            return -1;
        }
        return int(s->written);
    }

    static QSet<qint64> set(const QList<qint64> &ids) { return {ids.cbegin(), ids.cend()}; }

    Lead lead(const QString &company, const QString &owner) {
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("山本");
        l.givenName = company.right(2);
        l.email = company.toLower().remove(QLatin1Char(' ')) + QStringLiteral("@example.jp");
        l.owner = owner;
        l.source = QStringLiteral("展示会");
        l.createdAt = QDateTime::currentDateTimeUtc();
        return l;
    }

private slots:
    void initTestCase() {
        if (!m_server.start()) {
            if (pgtest::Server::binDir().isEmpty())
                QSKIP(qPrintable(m_server.reason()));
            QFAIL(qPrintable(m_server.reason()));
        }
        m_url = m_server.createMigratedDatabase(QStringLiteral("rls"));
        QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.reason()));
        m_name = m_url.section(QLatin1Char('/'), -1);
        auto admin = Database::open(m_url); // the superuser: owns the tables (the admin)
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error()));
        m_admin = std::move(admin).value();
        // The roles and rights docs/team.md gives a team.
        for (const char *role : {"taro", "jiro", "hanako"}) {
            QVERIFY2(m_server.admin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                                        .arg(QLatin1String(role),
                                             QString::fromLatin1(pgtest::Server::kPassword))),
                     qPrintable(m_server.reason()));
            for (const QString &grant :
                 {QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                                 "public TO %1"),
                  QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1")})
                QVERIFY2(m_server.admin(grant.arg(QLatin1String(role)), m_name),
                         qPrintable(m_server.reason()));
        }
        // Taro and Jiro sign in as users of their own names; Hanako's role is the manager
        // 花子.
        QVERIFY(setServerLogin(*m_admin, QStringLiteral("hanako"), QStringLiteral("山田 花子")));
        QVERIFY(setTeamManager(*m_admin, QStringLiteral("hanako"), true));
        LeadRepository repo(*m_admin);
        for (int i = 0; i < 3; ++i) {
            Lead l = lead(QStringLiteral("Taro Corp %1").arg(i), QStringLiteral("Taro"));
            QVERIFY(repo.insert(l).ok());
            m_taroLeads << l.id;
            Activity a;
            a.leadId = l.id;
            a.occurredAt = QDateTime::currentDateTimeUtc();
            a.notes = QStringLiteral("電話");
            QVERIFY(repo.addActivity(a).ok());
        }
        for (int i = 0; i < 2; ++i) {
            Lead l = lead(QStringLiteral("次郎商事 %1").arg(i), QStringLiteral("Jiro"));
            QVERIFY(repo.insert(l).ok());
            m_jiroLeads << l.id;
            Activity a;
            a.leadId = l.id;
            a.occurredAt = QDateTime::currentDateTimeUtc();
            a.notes = QStringLiteral("訪問");
            QVERIFY(repo.addActivity(a).ok());
        }
        Lead nobody = lead(QStringLiteral("Unowned KK"), QString());
        QVERIFY(repo.insert(nobody).ok());
        m_unowned = nobody.id;
        m_taro = signIn(QStringLiteral("taro"));
        m_jiro = signIn(QStringLiteral("jiro"));
        m_hanako = signIn(QStringLiteral("hanako"));
        QVERIFY(m_taro && m_jiro && m_hanako);
        QCOMPARE(signedInUser(*m_taro).value(), QStringLiteral("Taro"));
        QCOMPARE(signedInUser(*m_hanako).value(), QStringLiteral("山田 花子"));
    }

    void cleanupTestCase() {
        m_taro.reset();
        m_jiro.reset();
        m_hanako.reset();
        m_admin.reset();
        m_server.stop();
    }

    // Off (as migrated): everyone sees every lead; the admin is the tables' owner.
    void offByDefault() {
        const QSet<qint64> all = set(m_taroLeads + m_jiroLeads + QList<qint64>{m_unowned});
        auto state = rowSecurity(*m_taro);
        QVERIFY(state.ok());
        QVERIFY(state->available);
        QVERIFY(!state->on);
        QVERIFY(!state->mayChange);
        QVERIFY(!state->seesAll);
        QCOMPARE(state->owner, QString::fromLatin1(pgtest::Server::kUser));
        QVERIFY(rowSecurity(*m_admin)->mayChange);
        QCOMPARE(listed(*m_taro), all);
        QCOMPARE(counted(*m_taro), 6);
    }

    // Only the owner may switch it; a rep's attempt, by the app or by hand, is refused.
    void onlyTheOwnerSwitches() {
        Status refused = setRowSecurity(*m_taro, true);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QString::fromLatin1(pgtest::Server::kUser)),
                 qPrintable(refused.error()));
        QCOMPARE(byHand(*m_hanako, QStringLiteral("ALTER TABLE leads ENABLE ROW LEVEL SECURITY")),
                 -1);
        QVERIFY(setRowSecurity(*m_admin, true));
        QVERIFY(rowSecurity(*m_taro)->on);
        QCOMPARE(byHand(*m_taro, QStringLiteral("ALTER TABLE leads DISABLE ROW LEVEL SECURITY")),
                 -1);
        QVERIFY(rowSecurity(*m_jiro)->on);
    }

    // On: a rep's list, search, report facts and export hold only their own leads.
    void repsSeeOnlyTheirOwn() {
        QVERIFY(setRowSecurity(*m_admin, true)); // (on already when run in order)
        QVERIFY(rowSecurity(*m_taro)->on);
        QCOMPARE(listed(*m_taro), set(m_taroLeads));
        QCOMPARE(listed(*m_jiro), set(m_jiroLeads));
        LeadFilter all;
        QCOMPARE(LeadQuery(*m_taro).count(all).value(), 3);
        QCOMPARE(listed(*m_taro, QStringLiteral("次郎商事")), QSet<qint64>{});
        QCOMPARE(listed(*m_jiro, QStringLiteral("次郎商事")), set(m_jiroLeads));
        QCOMPARE(listed(*m_taro, QStringLiteral("taro corp")), set(m_taroLeads));
        QCOMPARE(reported(*m_taro), set(m_taroLeads));
        QCOMPARE(reported(*m_jiro), set(m_jiroLeads));
        QCOMPARE(counted(*m_taro), 3);
        QCOMPARE(counted(*m_jiro), 2);
        // The counts themselves are read only through the function: a GRANT on every table
        // gives a rep nothing of lead_groups, and no way to write it.
        QCOMPARE(byHand(*m_taro, QStringLiteral("SELECT count(*) FROM lead_groups")), 0);
        QCOMPARE(byHand(*m_taro, QStringLiteral("INSERT INTO lead_groups(stage, lost, n) VALUES "
                                                "('i', 0, 100)")),
                 -1);
        QCOMPARE(byHand(*m_taro, QStringLiteral("DELETE FROM lead_groups")), 0);
        QCOMPARE(counted(*m_admin), 6);
        QCOMPARE(exported(*m_taro), 3);
        QCOMPARE(exported(*m_jiro), 2);
        QVERIFY(!LeadRepository(*m_taro).get(m_jiroLeads.first()).ok());
        // What hangs off a lead: only their leads' rows.
        QCOMPARE(byHand(*m_taro, QStringLiteral("SELECT count(*) FROM activities")), 3);
        QCOMPARE(byHand(*m_jiro, QStringLiteral("SELECT count(*) FROM stage_history")), 2);
        QCOMPARE(byHand(*m_taro, QStringLiteral("SELECT count(*) FROM leads")), 3);
        // The search view reads with the rep's rights, not its owner's.
        QCOMPARE(byHand(*m_taro, QStringLiteral("SELECT count(*) FROM leads_search")), 3);
    }

    // The manager and the owner see everything; the manager may change anyone's lead.
    void managerSeesAll() {
        const QSet<qint64> all = set(m_taroLeads + m_jiroLeads + QList<qint64>{m_unowned});
        QVERIFY(setRowSecurity(*m_admin, true));
        QVERIFY(rowSecurity(*m_hanako)->seesAll);
        QCOMPARE(listed(*m_hanako), all);
        QCOMPARE(reported(*m_hanako), all);
        QCOMPARE(counted(*m_hanako), 6);
        QCOMPARE(exported(*m_hanako), 6);
        QCOMPARE(listed(*m_admin), all);
        QCOMPARE(
            byHand(*m_hanako, QStringLiteral("UPDATE leads SET notes = 'checked' WHERE id = %1")
                                  .arg(m_jiroLeads.first())),
            1);
    }

    // SQL typed by hand: another's lead can be neither changed nor deleted, given away to or
    // written for someone else, and a rep cannot make themselves a manager or someone else.
    // The report's touchpoints (schema 22: mikomi_report_touches, which decides per lead what
    // the role may see) are those of the role's own leads, even when others' leads are asked for.
    void reportTouchesAreTheRolesTouches() {
        QVERIFY(setRowSecurity(*m_admin, true));
        const QList<qint64> everyone = m_taroLeads + m_jiroLeads + QList<qint64>{m_unowned};
        QVERIFY(byHand(*m_admin, QStringLiteral("INSERT INTO touchpoints(lead_id, occurred_at) "
                                                "SELECT id, '2026-11-0' || (id % 9 + 1) || "
                                                "'T10:00:00+09:00' FROM leads")) >= 6);
        const auto read = [&](Database &db, QSet<qint64> &leads, QSet<qint64> &touched) {
            TouchSink sink;
            sink.asked = {everyone.cbegin(), everyone.cend()};
            std::sort(sink.asked.begin(), sink.asked.end());
            if (!readFacts(db, sink))
                return false;
            leads = sink.leads;
            touched = sink.touched;
            return true;
        };
        QSet<qint64> leads, touched;
        QVERIFY(read(*m_taro, leads, touched));
        QCOMPARE(leads, set(m_taroLeads));
        QCOMPARE(touched, set(m_taroLeads));
        QVERIFY(read(*m_jiro, leads, touched));
        QCOMPARE(touched, set(m_jiroLeads));
        QVERIFY(read(*m_hanako, leads, touched));
        QCOMPARE(touched, set(everyone));
        QVERIFY(read(*m_admin, leads, touched));
        QCOMPARE(touched, set(everyone));
        QVERIFY(byHand(*m_admin, QStringLiteral("DELETE FROM touchpoints")) >= 6);
    }

    void handWrittenSqlCannotReachOthers() {
        QVERIFY(setRowSecurity(*m_admin, true));
        const qint64 his = m_jiroLeads.first();
        QCOMPARE(byHand(*m_taro,
                        QStringLiteral("UPDATE leads SET company = 'mine' WHERE id = %1").arg(his)),
                 0);
        QCOMPARE(byHand(*m_taro, QStringLiteral("UPDATE leads SET company = 'mine'")), 3);
        QCOMPARE(byHand(*m_taro, QStringLiteral("DELETE FROM leads WHERE id = %1").arg(his)), 0);
        QCOMPARE(
            byHand(*m_taro, QStringLiteral("DELETE FROM activities WHERE lead_id = %1").arg(his)),
            0);
        QCOMPARE(byHand(*m_admin, QStringLiteral("SELECT count(*) FROM leads WHERE id = %1 AND "
                                                 "company LIKE '次郎商事%%'")
                                      .arg(his)),
                 1);
        QString why;
        // Giving his own lead to Jiro, or writing one for him, is refused.
        QCOMPARE(byHand(*m_taro,
                        QStringLiteral("UPDATE leads SET owner_id = (SELECT id FROM users WHERE "
                                       "name = 'Jiro') WHERE id = %1")
                            .arg(m_taroLeads.first()),
                        &why),
                 -1);
        QVERIFY2(why.contains(QLatin1String("row-level security")), qPrintable(why));
        Lead forJiro = lead(QStringLiteral("Sneaky KK"), QStringLiteral("Jiro"));
        auto refused = LeadRepository(*m_taro).insert(forJiro);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("reps see and change only the leads they "
                                                        "own")),
                 qPrintable(refused.error()));
        // The same through an import's bulk writer: refused with the same words, nothing of it
        // written. By INSERTs: the server refuses COPY FROM into a table whose policies apply to
        // the login (pgcopy.h canCopyInto), whatever the rows.
        {
            const int copies = copyStatementsRun();
            Transaction tx(*m_taro);
            QVERIFY(tx.started());
            BulkWriter w(*m_taro, true, true);
            QVERIFY(w.insertLead(forJiro).ok()); // gathered, not yet written
            const Status bulk = w.finish();
            QVERIFY(!bulk.ok());
            QVERIFY2(bulk.error().contains(QLatin1String("reps see and change only the leads they "
                                                         "own")),
                     qPrintable(bulk.error()));
            QCOMPARE(copyStatementsRun(), copies);
        }
        QCOMPARE(byHand(*m_admin, QStringLiteral("SELECT count(*) FROM leads WHERE company = "
                                                 "'Sneaky KK'")),
                 0);
        Lead own = lead(QStringLiteral("Taro New KK"), QStringLiteral("Taro"));
        QVERIFY(LeadRepository(*m_taro).insert(own).ok());
        QVERIFY(LeadRepository(*m_taro).remove(own.id).ok());
        // Not a manager by the app, by a settings row, by a temporary table, by another login.
        QVERIFY(!setTeamManager(*m_taro, QStringLiteral("taro"), true));
        QCOMPARE(byHand(*m_taro, QStringLiteral("INSERT INTO settings(key, value) VALUES "
                                                "('team_manager:taro', '1')")),
                 -1);
        QCOMPARE(byHand(*m_taro, QStringLiteral("UPDATE settings SET value = 'Jiro' WHERE key "
                                                "= 'server_login:hanako'")),
                 0);
        QCOMPARE(byHand(*m_taro, QStringLiteral("INSERT INTO settings(key, value) VALUES "
                                                "('server_login:taro', 'Jiro')")),
                 -1);
        QCOMPARE(byHand(*m_taro, QStringLiteral("UPDATE users SET name = 'taro2' WHERE name = "
                                                "'Taro'")),
                 0);
        QCOMPARE(byHand(*m_taro, QStringLiteral("CREATE TEMP TABLE settings (key text, value "
                                                "text)")),
                 0);
        QCOMPARE(byHand(*m_taro, QStringLiteral("INSERT INTO settings VALUES "
                                                "('team_manager:taro', '1')")),
                 1);
        QCOMPARE(byHand(*m_taro, QStringLiteral("SELECT count(*) FROM public.leads")), 3);
        QCOMPARE(byHand(*m_taro, QStringLiteral("DROP TABLE pg_temp.settings")), 0);
        QCOMPARE(byHand(*m_taro, QStringLiteral("TRUNCATE leads CASCADE")), -1);
        QVERIFY(!rowSecurity(*m_taro)->seesAll);
        QCOMPARE(listed(*m_taro), set(m_taroLeads));
    }

    // Turned off again: full visibility for everyone.
    // Schema 18: the search's matches under row-level security come from mikomi_search_ids
    // (through the trigram index, which LIKE on leads cannot use under a policy). Called by
    // hand it answers only about the leads the role may see, as the policy would.
    void searchMatchesOnlyWhatTheRoleSees() {
        QVERIFY(setRowSecurity(*m_admin, true));
        const QString every = QStringLiteral("SELECT count(*) FROM mikomi_search_ids('%')");
        QCOMPARE(byHand(*m_taro, every), 3);
        QCOMPARE(byHand(*m_jiro, every), 2);
        QCOMPARE(byHand(*m_hanako, every), 6); // the manager
        QCOMPARE(byHand(*m_admin, every), 6);  // the owner
        const QString jiros =
            QStringLiteral("SELECT count(*) FROM mikomi_search_ids('%次郎商事%', '%じろう%')");
        QCOMPARE(byHand(*m_taro, jiros), 0);
        QCOMPARE(byHand(*m_jiro, jiros), 2);
        // The list's search as the rep, through it: the same leads as before.
        QCOMPARE(listed(*m_jiro, QStringLiteral("次郎商事")), set(m_jiroLeads));
        QCOMPARE(listed(*m_taro, QStringLiteral("次郎商事")), QSet<qint64>{});
        QCOMPARE(listed(*m_hanako, QStringLiteral("次郎商事")), set(m_jiroLeads));
        QCOMPARE(LeadQuery(*m_taro)
                     .count([] {
                         LeadFilter f;
                         f.search = QStringLiteral("taro corp");
                         return f;
                     }())
                     .value(),
                 3);
        // Off: everyone's matches again.
        QVERIFY(setRowSecurity(*m_admin, false));
        QCOMPARE(byHand(*m_taro, every), 6);
        QVERIFY(setRowSecurity(*m_admin, true));
    }

    // A newest-first search under row-level security (mikomi_search_ids for trigram words, LIKE
    // under the policy for two letters): every page is the one the owner's list gives, less the
    // leads the role may not see.
    // Sorted by creation, a search on a server reads the newest leads the role may see first
    // (LeadQuery::newestWindowIds) and only when they hold fewer matches than the page needs
    // reads every match: the pages are the same whatever the window (0: never read; 1-30: some
    // pages filled there, others not; the default: all of them), newest or oldest first.
    void newestFirstSearchPagesAreTheRolesPages() {
        QVERIFY(setRowSecurity(*m_admin, true));
        const auto page = [](Database &db, const QString &search, bool asc, int offset, int limit,
                             int window) {
            LeadFilter f;
            f.search = search;
            LeadQuery query(db);
            query.setWindowRows(window);
            auto rows = query.rows(f, LeadSort::Created, asc, offset, limit);
            QList<qint64> ids;
            if (!rows)
                return QList<qint64>{-1};
            for (const LeadRow &r : *rows)
                ids << r.id;
            return ids;
        };
        const QSet<qint64> everyone = set(m_taroLeads + m_jiroLeads + QList<qint64>{m_unowned});
        const struct {
            Database *db;
            QSet<qint64> sees;
        } roles[] = {{m_admin.get(), everyone},
                     {m_taro.get(), set(m_taroLeads)},
                     {m_jiro.get(), set(m_jiroLeads)},
                     {m_hanako.get(), everyone}};
        int pages = 0;
        for (const QString &search : {QStringLiteral("商事"), QStringLiteral("次郎商事"),
                                      QStringLiteral("taro corp"), QStringLiteral("zzqx")}) {
            for (const bool asc : {false, true}) {
                // The owner's, read without the window (no policy holds the owner).
                QList<qint64> owners = page(*m_admin, search, asc, 0, 100, 0);
                QVERIFY(!owners.contains(-1));
                for (const auto &role : roles) {
                    QList<qint64> expected;
                    for (const qint64 id : std::as_const(owners)) {
                        if (role.sees.contains(id))
                            expected << id;
                    }
                    for (const int window : {0, 1, 2, 3, 10, 30, LeadQuery::kWindowRows}) {
                        for (const int limit : {1, 2, 100}) {
                            for (const int offset : {0, 1}) {
                                QCOMPARE(page(*role.db, search, asc, offset, limit, window),
                                         expected.mid(offset, limit));
                                pages += expected.size() > offset + limit ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        QVERIFY(pages > 0); // some pages are full, with more matches after them
    }

    // Schema 18: an activity that leaves the lead's last activity as it was does not rewrite
    // the lead's row (a new row version, an entry in each of its indexes: what made filling a
    // server 60 % slower); one that moves it does.
    void activityRewritesTheLeadOnlyWhenItsLastActivityChanges() {
        LeadRepository repo(*m_admin);
        const QString version =
            QStringLiteral("SELECT xmin::text::bigint FROM leads WHERE id = %1").arg(m_unowned);
        const auto add = [&](const QDateTime &when) {
            Activity a;
            a.leadId = m_unowned;
            a.occurredAt = when;
            a.notes = QStringLiteral("メモ");
            return repo.addActivity(a).ok();
        };
        const QDateTime day(QDate(2026, 5, 1), QTime(9, 0), QTimeZone::utc());
        QVERIFY(add(day));
        const int first = byHand(*m_admin, version);
        QVERIFY(add(day.addDays(-30))); // older: the lead stays as it is
        QCOMPARE(byHand(*m_admin, version), first);
        QVERIFY(add(day.addDays(1))); // newer: the lead moves on
        QVERIFY(byHand(*m_admin, version) != first);
        QCOMPARE(byHand(*m_admin, QStringLiteral("SELECT count(*) FROM leads l WHERE id = %1 AND "
                                                 "last_activity_at = (SELECT max(occurred_at) "
                                                 "FROM activities WHERE lead_id = l.id) AND "
                                                 "last_activity_at LIKE '2026-05-02%'")
                                      .arg(m_unowned)),
                 1);
        // Schema 23: one INSERT of several activities (as a bulk writer's or a merge's) sets
        // each of its leads' last activity to its latest, once per statement.
        const qint64 other = m_taroLeads.first();
        QCOMPARE(byHand(*m_admin,
                        QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at) VALUES "
                                       "(%1, 'call', '2026-06-01T09:00:00+00:00'), (%1, 'call', "
                                       "'2026-06-03T09:00:00+00:00'), (%2, 'call', "
                                       "'2020-01-01T09:00:00+00:00'), (%2, 'call', "
                                       "'2030-01-01T09:00:00+00:00'), (%1, 'call', "
                                       "'2026-06-02T09:00:00+00:00')")
                            .arg(m_unowned)
                            .arg(other)),
                 5);
        QCOMPARE(byHand(*m_admin, QStringLiteral("SELECT count(*) FROM leads l WHERE id IN (%1, "
                                                 "%2) AND last_activity_at = (SELECT "
                                                 "max(occurred_at) FROM activities WHERE lead_id "
                                                 "= l.id)")
                                      .arg(m_unowned)
                                      .arg(other)),
                 2);
        QCOMPARE(byHand(*m_admin, QStringLiteral("SELECT count(*) FROM leads WHERE id = %1 AND "
                                                 "last_activity_at LIKE '2030-01-01%'")
                                      .arg(other)),
                 1);
    }

    void offRestoresEverything() {
        const QSet<qint64> all = set(m_taroLeads + m_jiroLeads + QList<qint64>{m_unowned});
        QVERIFY(setRowSecurity(*m_admin, false));
        QVERIFY(!rowSecurity(*m_taro)->on);
        QCOMPARE(listed(*m_taro), all);
        QCOMPARE(reported(*m_jiro), all);
        QCOMPARE(exported(*m_taro), 6);
    }

    // Schema 16's other half: a server database made without the trigram search index (as by
    // the first team-mode release) gets pg_trgm and the index at the upgrade.
    void olderDatabaseGetsTheSearchIndex() {
        const QString url = m_server.createDatabase(QStringLiteral("old"));
        const QString name = url.section(QLatin1Char('/'), -1);
        {
            OpenOptions o;
            o.targetVersion = 15;
            auto old = Database::open(url, o);
            QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error()));
            QVERIFY(!serverSearchIndexProblem(**old)->isEmpty()); // not there
            Lead l = lead(QStringLiteral("古い株式会社"), QStringLiteral("Taro"));
            QVERIFY(LeadRepository(**old).insert(l).ok());
        }
        QVERIFY2(m_server.admin(QStringLiteral("DROP EXTENSION IF EXISTS pg_trgm"), name),
                 qPrintable(m_server.reason()));
        auto now = Database::open(url);
        QVERIFY2(now.ok(), qPrintable(now.ok() ? QString() : now.error()));
        QCOMPARE((*now)->schemaVersion(), currentSchemaVersion());
        QCOMPARE(serverSearchIndexProblem(**now).value(), QString());
        QCOMPARE(byHand(**now, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                              "'leads_search_trgm'")),
                 1);
        QCOMPARE(listed(**now, QStringLiteral("古い株式")).size(), 1);
        QVERIFY((*now)->integrityOk());
    }

    // A file: the setting does not exist, and says why.
    void fileHasNone() {
        auto file = Database::open(m_dir.filePath(QStringLiteral("one.mikomi")));
        QVERIFY(file.ok());
        auto state = rowSecurity(**file);
        QVERIFY(state.ok());
        QVERIFY(!state->available);
        Status refused = setRowSecurity(**file, true);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("team server")),
                 qPrintable(refused.error()));
        QVERIFY(teamManagers(**file)->isEmpty());
        QCOMPARE(serverSearchIndexProblem(**file).value(), QString()); // FTS5 on a file
    }
};

QTEST_GUILESS_MAIN(TestPgRls)
#include "tst_pgrls.moc"
