// The import/export pipeline (models/services/importer.h, exporter.h): row errors, matching,
// on-match modes, cancel and dry run leave the database unchanged, CP932, header dialects, spend
// and touchpoints, vCard, formula neutralisation and the import → export → import round trip.

#include "models/io/csv.h"
#include "models/services/demowriter.h"
#include "models/services/exporter.h"
#include "models/services/importer.h"
#include "models/storage/assignment.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

#include <tuple>

using namespace mikomi;
using namespace mikomi::services;

namespace {

QString data(const char *name) {
    return QStringLiteral(MIKOMI_TEST_DATA "/") + QLatin1String(name);
}

// A hash of every row of every table: equal hashes = equal content.
QByteArray contentHash(const storage::Database &db, qint64 *rows = nullptr) {
    QSqlDatabase c = QSqlDatabase::database(db.connectionName());
    QSqlQuery tables(c);
    tables.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    QCryptographicHash h(QCryptographicHash::Sha256);
    qint64 n = 0;
    for (const QString &t : names) {
        QSqlQuery q(c);
        if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(t)))
            continue; // virtual tables of a missing module
        h.addData(t.toUtf8());
        while (q.next()) {
            ++n;
            for (int i = 0; i < q.record().count(); ++i)
                h.addData(QByteArray(q.value(i).toString().toUtf8() + "\x1f"));
            h.addData("\n");
        }
    }
    if (rows)
        *rows = n;
    return h.result();
}

QList<Lead> allLeads(storage::Database &db) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.exec(QStringLiteral("SELECT id FROM leads ORDER BY id"));
    storage::LeadRepository repo(db);
    QList<Lead> out;
    while (q.next())
        out << repo.get(q.value(0).toLongLong()).value();
    return out;
}

qint64 scalar(storage::Database &db, const QString &sql) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.exec(sql);
    q.next();
    return q.value(0).toLongLong();
}

ImportOptions opts(const QString &path) {
    ImportOptions o;
    o.path = path;
    o.now = QDateTime(QDate(2026, 5, 1), QTime(12, 0));
    o.user = QStringLiteral("tester");
    return o;
}

} // namespace

class TestImporter final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    int m_n = 0;

    std::unique_ptr<storage::Database> freshDb() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("db%1.mikomi").arg(++m_n)));
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        return std::move(db).value();
    }
    ImportSummary run(const ImportOptions &o, storage::Database *db = nullptr) {
        auto s = runImport(db ? *db : *m_db, o);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        else
            for (const io::RowError &e : s->errors)
                qDebug("%s", qPrintable(describeRowError(e)));
        return s ? *s : ImportSummary{};
    }
    Lead byEmail(const QString &email) {
        for (const Lead &l : allLeads(*m_db))
            if (l.email.compare(email, Qt::CaseInsensitive) == 0)
                return l;
        return {};
    }

private slots:
    void init() { m_db = freshDb(); }

    void rowErrorsAndGoodRows() {
        const ImportSummary s = run(opts(data("leads_errors.csv")));
        QCOMPARE(s.rowsRead, 9);
        QCOMPARE(s.rejected, 4);
        QCOMPARE(s.created, 4);
        QCOMPARE(s.merged, 1); // line 8 is line 2 again (email case differs)
        QCOMPARE(s.errors.size(), 4);
        QCOMPARE(s.errors.at(0).line, 4);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("Create Date"));
        QVERIFY(s.errors.at(0).reason.contains(QStringLiteral("2026-13-01")));
        QCOMPARE(s.errors.at(1).line, 5);
        QCOMPARE(s.errors.at(1).column, QStringLiteral("Amount"));
        QVERIFY(s.errors.at(1).reason.contains(QStringLiteral("12abc")));
        QCOMPARE(s.errors.at(2).line, 6);
        QCOMPARE(s.errors.at(2).column, QStringLiteral("Lifecycle Stage"));
        QVERIFY(s.errors.at(2).reason.contains(QStringLiteral("hot prospect")));
        QCOMPARE(s.errors.at(3).line, 7);
        QCOMPARE(s.errors.at(3).column, QString());
        QCOMPARE(describeRowError(s.errors.at(0)).left(7), QStringLiteral("Line 4,"));

        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 4);
        const Lead yamada = byEmail(QStringLiteral("taro@yamada.example"));
        QCOMPARE(yamada.company, QStringLiteral("株式会社山田商事"));
        QCOMPARE(yamada.stage, Stage::Opportunity);
        QCOMPARE(yamada.dealValue, std::optional<Money>(1'200'000));
        QCOMPARE(yamada.createdAt.date(), QDate(2026, 2, 1));
        // First history row (inquiry at created_at) + the imported stage.
        storage::LeadRepository repo(*m_db);
        const auto hist = repo.history(yamada.id).value();
        QCOMPARE(hist.size(), 2);
        QCOMPARE(hist.at(0).toStage, Stage::Inquiry);
        QCOMPARE(hist.at(0).changedAt, yamada.createdAt);
        QCOMPARE(hist.at(1).toStage, Stage::Opportunity);
        // Rows without a created_at get the import time, never a guess from elsewhere.
        const Lead acme = byEmail(QStringLiteral("anna@acme.example"));
        QCOMPARE(acme.phone, QStringLiteral("03-1234-5678"));
        // Sato by phone + family name: "Sato" and "佐藤" are different families → two leads.
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads WHERE phone_key = "
                                              "'+819011112222'")),
                 2);

        // The report holds the four rejected rows to fix and re-import.
        const QString report = m_dir.filePath(QStringLiteral("rejected.csv"));
        QVERIFY(writeRejectedReport(s, report).ok());
        auto table = io::readCsvFile(report).value();
        QCOMPARE(table.records.size(), 5);
        QCOMPARE(table.records.at(0).fields.last(), QStringLiteral("import_error"));
        QCOMPARE(table.records.at(1).fields.at(0), QStringLiteral("Beta LLC"));
        QCOMPARE(table.records.at(1).fields.at(8), QStringLiteral("4"));
        QCOMPARE(table.records.at(1).fields.at(9), QStringLiteral("Create Date"));
        // Re-importing the report (after no fix) rejects the same rows and maps the same columns.
        const ImportSummary again = run(opts(report));
        QCOMPARE(again.rejected, 4);
        QCOMPARE(again.created, 0);
    }

    void reimportCreatesNoDuplicates() {
        run(opts(data("leads_errors.csv")));
        const QByteArray before = contentHash(*m_db);
        const ImportSummary s = run(opts(data("leads_errors.csv")));
        QCOMPARE(s.created, 0);
        QCOMPARE(s.merged, 5);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 4);
        QCOMPARE(contentHash(*m_db), before); // merge of identical data changes nothing
        // vCard twice: one lead.
        for (int i = 0; i < 2; ++i)
            run(opts(QStringLiteral(MIKOMI_CORPUS "/vcard/android/v30_japanese.vcf")));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 5);
    }

    void newLeadsGetOwnerScoreAndFollowUp() {
        // Imported leads are new leads: the assignment rules give an owner to rows without one,
        // the attribute rules a score, and recent open leads their first follow-up task.
        storage::UserRepository users(*m_db);
        QVERIFY(users.resolve(QStringLiteral("佐藤")).ok());
        QVERIFY(users.resolve(QStringLiteral("鈴木")).ok());
        storage::AssignmentRule rule;
        rule.source = QStringLiteral("展示会");
        rule.owner = QStringLiteral("佐藤");
        QVERIFY(storage::AssignmentRules(*m_db).setRules({rule}).ok());
        const QString path = m_dir.filePath(QStringLiteral("booth.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("会社名,姓,メールアドレス,役職,リードソース,ステージ,作成日,担当者\n"
                               "A社,田中,a@example.jp,営業部長,展示会,,2026-04-30,\n"
                               "B社,山本,b@example.jp,,Web,,2026-04-29,\n"
                               "C社,木村,c@example.jp,,Web,customer,2025-01-10,\n"
                               "D社,林,d@example.jp,,Web,,2026-04-30,鈴木\n")
                    .toUtf8());
        f.close();
        const ImportSummary s = run(opts(path));
        QCOMPARE(s.created, 4);
        QCOMPARE(s.followUps, 3); // not the customer from 2025
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM tasks")), 3);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM tasks t JOIN leads l ON "
                                              "l.id = t.lead_id WHERE l.email = 'c@example.jp'")),
                 0);
        const Lead a = byEmail(QStringLiteral("a@example.jp"));
        QCOMPARE(a.owner, QStringLiteral("佐藤")); // the rule for 展示会
        QVERIFY2(a.score >= 15, "営業部長 matches the default title rule");
        QCOMPARE(byEmail(QStringLiteral("b@example.jp")).score, 0);
        QVERIFY(!byEmail(QStringLiteral("b@example.jp")).owner.isEmpty()); // round-robin
        QCOMPARE(byEmail(QStringLiteral("d@example.jp")).owner, QStringLiteral("鈴木")); // given
        // The task of a lead is owned by the lead's owner.
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM tasks t JOIN leads l ON l.id "
                                              "= t.lead_id WHERE t.owner_id IS NOT l.owner_id")),
                 0);
    }

    void onMatchModes_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("mobile");
        QTest::addColumn<QString>("stage");
        // Merge fills empty fields and records a stage that advanced (a newer export).
        QTest::newRow("merge") << int(OnMatch::Merge) << "CEO"
                               << "090-5555-6666"
                               << "sql";
        QTest::newRow("skip") << int(OnMatch::Skip) << "CEO"
                              << ""
                              << "inquiry";
        QTest::newRow("update") << int(OnMatch::Update) << "CTO"
                                << "090-5555-6666"
                                << "sql";
    }
    void onMatchModes() {
        QFETCH(int, mode);
        QFETCH(QString, title);
        QFETCH(QString, mobile);
        QFETCH(QString, stage);
        const QString first = m_dir.filePath(QStringLiteral("first.csv"));
        const QString second = m_dir.filePath(QStringLiteral("second.csv"));
        QFile f1(first), f2(second);
        QVERIFY(f1.open(QIODevice::WriteOnly) && f2.open(QIODevice::WriteOnly));
        f1.write("company,family_name,given_name,email,title,notes\n"
                 "Acme,Smith,Anna,anna@acme.example,CEO,keep me\n");
        f2.write("company,family_name,given_name,email,title,mobile,notes,stage\n"
                 "Acme,Smith,Anna,ANNA@acme.example,CTO,090-5555-6666,,sql\n");
        f1.close();
        f2.close();
        run(opts(first));
        ImportOptions o = opts(second);
        o.onMatch = OnMatch(mode);
        const ImportSummary s = run(o);
        QCOMPARE(s.created, 0);
        QCOMPARE(s.skipped + s.merged + s.updated, 1);
        const QList<Lead> leads = allLeads(*m_db);
        QCOMPARE(leads.size(), 1);
        QCOMPARE(leads.at(0).title, title);
        QCOMPARE(leads.at(0).mobile, mobile);
        QCOMPARE(leads.at(0).notes, QStringLiteral("keep me")); // empty never overwrites
        QCOMPARE(stageKey(leads.at(0).stage), stage);
    }

    // A newer export of the same people: the stage that advanced goes into the stage history,
    // a newer title replaces the old one (update), a creation date the first file lacked is
    // filled in, and the summary says field by field what changed. Merge never moves a stage
    // back.
    void reimportOfANewerExportRecordsWhatChanged() {
        const QString first = m_dir.filePath(QStringLiteral("crm-may.csv"));
        const QString second = m_dir.filePath(QStringLiteral("crm-june.csv"));
        QFile f1(first), f2(second);
        QVERIFY(f1.open(QIODevice::WriteOnly) && f2.open(QIODevice::WriteOnly));
        f1.write("company,family_name,given_name,email,title,stage\n"
                 "Acme,Smith,Anna,anna@acme.example,Manager,inquiry\n"
                 "Birch,Lee,Ben,ben@birch.example,CFO,opportunity\n");
        f2.write("company,family_name,given_name,email,title,stage,created\n"
                 "Acme,Smith,Anna,anna@acme.example,Director,mql,2026-03-02\n"
                 "Birch,Lee,Ben,ben@birch.example,CFO,sql,2026-03-05\n");
        f1.close();
        f2.close();
        QCOMPARE(run(opts(first)).created, 2);
        const QDateTime firstImport = byEmail(QStringLiteral("anna@acme.example")).createdAt;

        // Dry run first: the same summary, nothing changed.
        ImportOptions dry = opts(second);
        dry.onMatch = OnMatch::Update;
        dry.dryRun = true;
        const ImportSummary preview = run(dry);
        QCOMPARE(byEmail(QStringLiteral("anna@acme.example")).title, QStringLiteral("Manager"));

        ImportOptions o = opts(second);
        o.onMatch = OnMatch::Update;
        o.now = QDateTime(QDate(2026, 6, 1), QTime(9, 0));
        const ImportSummary s = run(o);
        QCOMPARE(s.changes, preview.changes);
        const Lead anna = byEmail(QStringLiteral("anna@acme.example"));
        QCOMPARE(anna.title, QStringLiteral("Director"));
        QCOMPARE(anna.stage, Stage::Mql);
        QCOMPARE(anna.createdAt.date(), QDate(2026, 3, 2));
        QVERIFY(anna.createdAt < firstImport);
        auto history = storage::LeadRepository(*m_db).history(anna.id);
        QVERIFY(history && history->size() == 2);
        QCOMPARE(history->at(0).changedAt.date(), QDate(2026, 3, 2)); // moved with created_at
        QCOMPARE(history->at(1).fromStage, std::optional<Stage>(Stage::Inquiry));
        QCOMPARE(history->at(1).toStage, Stage::Mql);
        // Update follows the file's stage back too (Ben: opportunity -> sql).
        QCOMPARE(byEmail(QStringLiteral("ben@birch.example")).stage, Stage::Sql);

        QStringList fields;
        for (const FieldChange &c : s.changes)
            fields << QString::number(c.line) + QLatin1Char(' ') + c.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("2 title"), QStringLiteral("2 created_at"),
                                      QStringLiteral("2 stage"), QStringLiteral("3 created_at"),
                                      QStringLiteral("3 stage")}));
        QCOMPARE(s.changes.at(0).before, QStringLiteral("Manager"));
        QCOMPARE(s.changes.at(0).after, QStringLiteral("Director"));
        QCOMPARE(s.changes.at(0).leadId, anna.id);
        QVERIFY(s.changes.at(1).after.startsWith(QStringLiteral("2026-03-02T00:00:00")));
        QCOMPARE(s.changes.at(2).before, QStringLiteral("inquiry"));
        QCOMPARE(s.changes.at(2).after, QStringLiteral("mql"));
        const QString text = summaryLines(s).join(u'\n');
        QVERIFY2(text.contains(QStringLiteral("Job title: 1 lead(s), e.g. line 2: \"Manager\" → "
                                              "\"Director\"")) ||
                     text.contains(QStringLiteral("Job title: 1 lead, e.g. line 2: \"Manager\" → "
                                                  "\"Director\"")),
                 qPrintable(text));

        // Merge: a stage never goes back (Ben stays at sql when a file says inquiry).
        const QString third = m_dir.filePath(QStringLiteral("old-list.csv"));
        QFile f3(third);
        QVERIFY(f3.open(QIODevice::WriteOnly));
        f3.write("email,stage\nben@birch.example,inquiry\n");
        f3.close();
        const ImportSummary merged = run(opts(third));
        QCOMPARE(byEmail(QStringLiteral("ben@birch.example")).stage, Stage::Sql);
        QVERIFY(merged.changes.isEmpty());
    }

    // Rows of one file that match the same existing lead (read ahead per batch of rows) each
    // see what the rows before them merged in; so do rows matching a lead created by the file.
    void rowsMatchingTheSameLeadSeeEachOther() {
        const QString first = m_dir.filePath(QStringLiteral("base.csv"));
        const QString second = m_dir.filePath(QStringLiteral("again.csv"));
        QFile f1(first), f2(second);
        QVERIFY(f1.open(QIODevice::WriteOnly) && f2.open(QIODevice::WriteOnly));
        f1.write("company,family_name,given_name,email\n"
                 "Acme,Smith,Anna,anna@acme.example\n");
        f2.write("company,family_name,given_name,email,title,mobile,department,notes\n"
                 "Acme,Smith,Anna,anna@acme.example,CEO,,,\n"
                 "Acme,Smith,Anna,anna@acme.example,CTO,090-5555-6666,,\n"
                 "Globex,Jones,Bob,bob@globex.example,,,,first\n"
                 "Acme,Smith,Anna,ANNA@acme.example,,,Sales,\n"
                 "Globex,Jones,Bob,bob@globex.example,Buyer,,,\n");
        f1.close();
        f2.close();
        run(opts(first));
        for (const OnMatch mode : {OnMatch::Merge, OnMatch::Update}) {
            ImportOptions o = opts(second);
            o.onMatch = mode;
            const ImportSummary s = run(o);
            const Lead anna = byEmail(QStringLiteral("anna@acme.example"));
            // Merge fills only empty fields: the first title stays; update overwrites.
            QCOMPARE(anna.title,
                     mode == OnMatch::Merge ? QStringLiteral("CEO") : QStringLiteral("CTO"));
            QCOMPARE(anna.mobile, QStringLiteral("090-5555-6666"));
            QCOMPARE(anna.department, QStringLiteral("Sales"));
            const Lead bob = byEmail(QStringLiteral("bob@globex.example"));
            QCOMPARE(bob.title, QStringLiteral("Buyer"));
            QCOMPARE(bob.notes, QStringLiteral("first"));
            QCOMPARE(allLeads(*m_db).size(), 2);
            QCOMPARE(s.rejected, 0);
        }
    }

    // Rows are looked up a batch ahead (to read their leads at once); a row still sees what the
    // rows before it in its batch did: a lead one of them created (matched by phone and family
    // name, without an email), and an email a merge gave a stored lead (then another email with
    // its phone is someone else).
    void rowsSeeWhatEarlierRowsOfTheirBatchDid() {
        const QString first = m_dir.filePath(QStringLiteral("stored.csv"));
        const QString second = m_dir.filePath(QStringLiteral("batch.csv"));
        QFile f1(first), f2(second);
        QVERIFY(f1.open(QIODevice::WriteOnly) && f2.open(QIODevice::WriteOnly));
        f1.write("company,family_name,given_name,email,phone\n"
                 "Initech,Lee,Kim,,03-3333-4444\n");
        f2.write("company,family_name,given_name,email,phone,title\n"
                 "Acme,Smith,Anna,anna@acme.example,03-1111-2222,\n"
                 "Acme2,Smith,Ann,,03-1111-2222,CEO\n"
                 "Initech,Lee,Kim,kim@initech.example,03-3333-4444,\n"
                 "Other,Lee,Kai,kai@other.example,03-3333-4444,Buyer\n");
        f1.close();
        f2.close();
        run(opts(first));
        const ImportSummary s = run(opts(second));
        QCOMPARE(s.created, 2); // Anna, and Kai: Kim has another email by now
        QCOMPARE(s.merged, 2);  // the row without an email into Anna, Kim's email into Kim
        QCOMPARE(byEmail(QStringLiteral("anna@acme.example")).title, QStringLiteral("CEO"));
        QCOMPARE(byEmail(QStringLiteral("kim@initech.example")).title, QString());
        QCOMPARE(byEmail(QStringLiteral("kai@other.example")).title, QStringLiteral("Buyer"));
        QCOMPARE(allLeads(*m_db).size(), 3);
    }

    void cancelAndDryRunLeaveDatabaseUnchanged() {
        run(opts(data("leads_errors.csv")));
        // A file large enough to cancel in the middle.
        const QString big = m_dir.filePath(QStringLiteral("big.csv"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("会社名,姓,名,メールアドレス,ステージ\n");
        for (int i = 0; i < 2000; ++i)
            f.write(QStringLiteral("会社%1,山田,太郎%1,u%1@example.jp,mql\n").arg(i).toUtf8());
        f.write("Acme Inc.,Smith,Anna,anna@acme.example,customer\n");
        f.close();
        qint64 rowsBefore = 0;
        const QByteArray before = contentHash(*m_db, &rowsBefore);
        QVERIFY(rowsBefore > 4);

        std::atomic<bool> cancel = false;
        qint64 seen = 0;
        auto s = runImport(
            *m_db, opts(big),
            [&](qint64 rows, qint64, qint64) {
                seen = rows;
                if (rows >= 500)
                    cancel = true;
            },
            &cancel);
        QVERIFY(s.ok());
        QVERIFY(s->cancelled);
        QVERIFY(seen >= 500 && seen < 2000);
        QCOMPARE(contentHash(*m_db), before);

        ImportOptions dry = opts(big);
        dry.dryRun = true;
        dry.onMatch = OnMatch::Update;
        const ImportSummary d = run(dry);
        QVERIFY(d.dryRun);
        QCOMPARE(d.rowsRead, 2001);
        QCOMPARE(d.created, 2000);
        QCOMPARE(d.updated, 1);
        QCOMPARE(contentHash(*m_db), before);
        QVERIFY(m_db->integrityOk());
        // The same import for real after the rollbacks (source/user caches must not be stale).
        const ImportSummary real = run(opts(big));
        QCOMPARE(real.created, 2000);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 2004);
    }

    void cp932ImportsAndExportsBack() {
        auto a = analyseImport(opts(data("cp932_leads.csv")));
        QVERIFY(a.ok());
        QCOMPARE(a->encoding, io::Encoding::Cp932);
        const ImportSummary s = run(opts(data("cp932_leads.csv")));
        QCOMPARE(s.created, 2);
        QCOMPARE(s.encoding, io::Encoding::Cp932);
        const Lead l = byEmail(QStringLiteral("ichiro@takahashi.example"));
        QCOMPARE(l.company, QStringLiteral("髙橋工業株式会社"));
        QCOMPARE(l.notes, QStringLiteral("①会議室～午後"));
        const Lead t = byEmail(QStringLiteral("hanako@number.example"));
        QCOMPARE(t.company, QStringLiteral("㈱ナンバー"));
        QCOMPARE(t.givenName, QStringLiteral("②子"));

        ExportOptions e;
        e.path = m_dir.filePath(QStringLiteral("out932.csv"));
        e.encoding = io::Encoding::Cp932;
        auto ex = exportLeads(*m_db, e);
        QVERIFY(ex.ok());
        QVERIFY(ex->replaced.isEmpty());
        QCOMPARE(ex->written, 2);
        QFile out(e.path);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        const QByteArray notes932 =
            io::encode(QStringLiteral("①会議室～午後"), io::Encoding::Cp932).value();
        QCOMPARE(notes932.size(), 14);
        QVERIFY(bytes.contains(notes932));
        QVERIFY(bytes.contains("\xfb\xfc")); // 髙 in CP932 (IBM extension)
        // Back in: identical.
        auto fresh = freshDb();
        const ImportSummary back = run(opts(e.path), fresh.get());
        QCOMPARE(back.created, 2);
        QCOMPARE(back.encoding, io::Encoding::Cp932);
        const QList<Lead> a1 = allLeads(*m_db), a2 = allLeads(*fresh);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(a2.at(i).company, a1.at(i).company);
            QCOMPARE(a2.at(i).givenName, a1.at(i).givenName);
            QCOMPARE(a2.at(i).notes, a1.at(i).notes);
        }

        // A character CP932 lacks no longer stops the export (it wrote nothing before): the
        // file is written with 〓, the cell is named, and the UTF-8 file beside it is exact.
        storage::LeadRepository repo(*m_db);
        Lead emoji = l;
        emoji.notes = QStringLiteral("よろしく😀");
        QVERIFY(repo.update(emoji).ok());
        e.path = m_dir.filePath(QStringLiteral("bad932.csv"));
        ex = exportLeads(*m_db, e);
        QVERIFY(ex.ok());
        QCOMPARE(ex->written, 2);
        QCOMPARE(ex->replaced.size(), 1);
        QCOMPARE(ex->replaced.at(0).leadId, l.id);
        QCOMPARE(ex->replaced.at(0).column, io::leadFieldKey(io::LeadField::Notes));
        QCOMPARE(ex->replaced.at(0).characters, QList<char32_t>{U'\U0001F600'});
        QVERIFY(QFile::exists(e.path));
        QCOMPARE(ex->losslessPath, m_dir.filePath(QStringLiteral("bad932.utf8.csv")));
        QVERIFY(QFile::exists(ex->losslessPath));
    }

    void headerDialects() {
        ImportSummary s = run(opts(data("hubspot.csv")));
        QCOMPARE(s.encoding, io::Encoding::Utf8Bom);
        QCOMPARE(s.created, 1);
        Lead l = byEmail(QStringLiteral("anna@acme.example"));
        QCOMPARE(l.familyName, QStringLiteral("Smith"));
        QCOMPARE(l.givenName, QStringLiteral("Anna"));
        QCOMPARE(l.company, QStringLiteral("Acme Inc."));
        QCOMPARE(l.title, QStringLiteral("CTO"));
        QCOMPARE(l.stage, Stage::Sql); // "Lead Status" gives way to "Lifecycle Stage"
        QCOMPARE(l.source, QStringLiteral("Organic Search"));
        QCOMPARE(l.createdAt, QDateTime(QDate(2026, 1, 10), QTime(9, 0)));

        s = run(opts(data("salesforce.csv")));
        QCOMPARE(s.rejected, 0);
        l = byEmail(QStringLiteral("bob@beta.example"));
        QCOMPARE(l.company, QStringLiteral("Beta LLC"));
        QCOMPARE(l.title, QStringLiteral("VP Sales"));
        QCOMPARE(l.source, QStringLiteral("Web"));

        s = run(opts(data("eight.csv")));
        QCOMPARE(s.rejected, 0);
        l = byEmail(QStringLiteral("suzuki@sample.example"));
        QCOMPARE(l.company, QStringLiteral("株式会社サンプル"));
        QCOMPARE(l.department, QStringLiteral("営業部"));
        QCOMPARE(l.familyName, QStringLiteral("鈴木"));
        QCOMPARE(l.givenReading, QStringLiteral("イチロウ"));
        QCOMPARE(l.mobile, QStringLiteral("090-3333-4444"));
        QCOMPARE(l.createdAt.date(), QDate(2026, 4, 1));
    }

    // Exports of other CRMs: their headers map, their stage values become Mikomi stages (lost
    // where they mean it), and an unknown value is one row error naming it and the accepted ones.
    void salesforceLeadStatuses() {
        ImportSummary s = run(opts(data("salesforce_leads.csv")));
        QCOMPARE(s.rowsRead, 8);
        QCOMPARE(s.created, 7);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.size(), 1);
        QCOMPARE(s.errors.at(0).line, 9);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("Lead Status"));
        QVERIFY(s.errors.at(0).reason.contains(QStringLiteral("\"Maybe Later\"")));
        QVERIFY(s.errors.at(0).reason.contains(QStringLiteral("opportunity")));
        struct Expected {
            const char *email;
            Stage stage;
            SqlKind kind;
            bool lost;
        };
        for (const Expected &e : {
                 Expected{"carl@able.example", Stage::Inquiry, SqlKind::None, false},
                 Expected{"dana@baker.example", Stage::Sql, SqlKind::Sal, false},
                 Expected{"eric@clark.example", Stage::Opportunity, SqlKind::None, false},
                 Expected{"fay@doyle.example", Stage::Inquiry, SqlKind::None, true},
                 Expected{"gus@evans.example", Stage::Sql, SqlKind::None, false},
                 Expected{"hana@fox.example", Stage::Inquiry, SqlKind::None, true},
                 Expected{"ian@gray.example", Stage::Inquiry, SqlKind::None, false},
             }) {
            const Lead l = byEmail(QLatin1String(e.email));
            QVERIFY2(l.id > 0, e.email);
            QCOMPARE(l.stage, e.stage);
            QCOMPARE(l.sqlKind, e.kind);
            QCOMPARE(l.lost, e.lost);
        }
        const Lead carl = byEmail(QStringLiteral("carl@able.example"));
        QCOMPARE(carl.givenName, QStringLiteral("Carl"));
        QCOMPARE(carl.company, QStringLiteral("Able Co"));
        QCOMPARE(carl.mobile, QStringLiteral("090-1111-0001"));
        QCOMPARE(carl.street, QStringLiteral("1-2-3 Marunouchi"));
        QCOMPARE(carl.city, QStringLiteral("Chiyoda-ku"));
        QCOMPARE(carl.prefecture, QStringLiteral("Tokyo"));
        QCOMPARE(carl.postalCode, QStringLiteral("100-0005"));
        QCOMPARE(carl.country, QStringLiteral("Japan"));
        QCOMPARE(carl.source, QStringLiteral("Web"));
        QCOMPARE(carl.owner, QStringLiteral("Ken Sato"));
        QCOMPARE(carl.createdAt.date(), QDate(2026, 1, 5));
        QVERIFY(byEmail(QStringLiteral("fay@doyle.example")).optOut);
    }

    void hubspotLifecycleStages() {
        ImportSummary s = run(opts(data("hubspot_contacts.csv")));
        QCOMPARE(s.rowsRead, 9);
        QCOMPARE(s.created, 8);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.at(0).line, 10);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("Lifecycle Stage"));
        QVERIFY(s.errors.at(0).reason.contains(QStringLiteral("\"Champion\"")));
        // The lifecycle stage decides; "Lead Status" is only used when there is none.
        const QList<std::pair<const char *, Stage>> expected{
            {"kim@ito.example", Stage::Inquiry},      {"leo@jones.example", Stage::Inquiry},
            {"max@king.example", Stage::Mql},         {"nia@lee.example", Stage::Sql},
            {"oli@moss.example", Stage::Opportunity}, {"pia@nash.example", Stage::Customer},
            {"quin@owen.example", Stage::Customer},   {"rae@park.example", Stage::Inquiry},
        };
        for (const auto &[email, stage] : expected) {
            const Lead l = byEmail(QLatin1String(email));
            QVERIFY2(l.id > 0, email);
            QCOMPARE(l.stage, stage);
            QVERIFY(!l.lost);
        }
        const Lead kim = byEmail(QStringLiteral("kim@ito.example"));
        QCOMPARE(kim.mobile, QStringLiteral("090-2222-0001"));
        QCOMPARE(kim.street, QStringLiteral("2-1 Umeda"));
        QCOMPARE(kim.prefecture, QStringLiteral("Osaka"));
        QCOMPARE(kim.postalCode, QStringLiteral("530-0001"));
        QCOMPARE(kim.website, QStringLiteral("https://ito.example"));
        QCOMPARE(kim.source, QStringLiteral("Organic Search"));
        QCOMPARE(kim.owner, QStringLiteral("Mia Chen"));
        QVERIFY(byEmail(QStringLiteral("quin@owen.example")).optOut);

        s = run(opts(data("hubspot_lead_status.csv")));
        QCOMPARE(s.created, 8);
        QCOMPARE(s.rejected, 0);
        struct Expected {
            const char *email;
            Stage stage;
            SqlKind kind;
            bool lost;
        };
        for (const Expected &e : {
                 Expected{"s1@status.example", Stage::Inquiry, SqlKind::None, false},
                 Expected{"s2@status.example", Stage::Inquiry, SqlKind::None, false},
                 Expected{"s3@status.example", Stage::Sql, SqlKind::Sal, false},
                 Expected{"s4@status.example", Stage::Opportunity, SqlKind::None, false},
                 Expected{"s5@status.example", Stage::Inquiry, SqlKind::None, true},
                 Expected{"s6@status.example", Stage::Sql, SqlKind::Sal, false},
                 Expected{"s7@status.example", Stage::Sql, SqlKind::Sal, false},
                 Expected{"s8@status.example", Stage::Inquiry, SqlKind::None, true},
             }) {
            const Lead l = byEmail(QLatin1String(e.email));
            QVERIFY2(l.id > 0, e.email);
            QCOMPARE(l.stage, e.stage);
            QCOMPARE(l.sqlKind, e.kind);
            QCOMPARE(l.lost, e.lost);
        }
    }

    void zohoJapaneseStatuses() {
        ImportSummary s = run(opts(data("zoho_ja.csv")));
        QCOMPARE(s.rowsRead, 8);
        QCOMPARE(s.created, 7);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.at(0).line, 9);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("リードのステータス"));
        QVERIFY(s.errors.at(0).reason.contains(QStringLiteral("検討中かも")));
        const QList<std::tuple<const char *, Stage, bool>> expected{
            {"aoki@aoba.example", Stage::Inquiry, false},
            {"ishii@iroha.example", Stage::Opportunity, false},
            {"ueda@umi.example", Stage::Customer, false},
            {"eto@egao.example", Stage::Inquiry, true},
            {"okada@oka.example", Stage::Inquiry, false},
            {"kawaguchi@kawa.example", Stage::Sql, false},
            {"kitamura@kita.example", Stage::Inquiry, true},
        };
        for (const auto &[email, stage, lost] : expected) {
            const Lead l = byEmail(QLatin1String(email));
            QVERIFY2(l.id > 0, email);
            QCOMPARE(l.stage, stage);
            QCOMPARE(l.lost, lost);
        }
        const Lead aoki = byEmail(QStringLiteral("aoki@aoba.example"));
        QCOMPARE(aoki.owner, QStringLiteral("佐藤"));
        QCOMPARE(aoki.title, QStringLiteral("部長"));
        QCOMPARE(aoki.notes, QStringLiteral("初回名刺交換"));
        QCOMPARE(aoki.mobile, QStringLiteral("090-3333-0001"));
        QCOMPARE(aoki.createdAt, QDateTime(QDate(2026, 3, 1), QTime(9, 0)));
    }

    void spendWithAliases() {
        storage::SourceRepository sources(*m_db);
        const qint64 google = sources.resolve(QStringLiteral("Google Ads")).value();
        QVERIFY(sources.addAlias(QStringLiteral("Google広告"), google).ok());
        auto a = analyseImport(opts(data("spend.csv")));
        QVERIFY(a.ok());
        QCOMPARE(a->kind, ImportKind::Spend);
        ImportSummary s = run(opts(data("spend.csv")));
        QCOMPARE(s.kind, ImportKind::Spend);
        QCOMPARE(s.rowsRead, 5);
        QCOMPARE(s.created, 4);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.at(0).line, 6);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("month"));
        storage::LeadRepository repo(*m_db);
        const QList<SpendRow> spend = repo.spend().value();
        QCOMPARE(spend.size(), 4);
        int googleRows = 0;
        for (const SpendRow &r : spend)
            googleRows += r.source == QStringLiteral("Google Ads");
        QCOMPARE(googleRows, 3);
        // Again: upserts, nothing new.
        s = run(opts(data("spend.csv")));
        QCOMPARE(s.created, 0);
        QCOMPARE(s.skipped, 4);
        QCOMPARE(repo.spend().value().size(), 4);
    }

    void touchpointsWithAliases() {
        storage::SourceRepository sources(*m_db);
        const qint64 google = sources.resolve(QStringLiteral("Google Ads")).value();
        QVERIFY(sources.addAlias(QStringLiteral("Google広告"), google).ok());
        run(opts(data("hubspot.csv")));
        ImportSummary s = run(opts(data("touchpoints.csv")));
        QCOMPARE(s.kind, ImportKind::Touchpoints);
        QCOMPARE(s.created, 2);
        QCOMPARE(s.rejected, 2);
        QCOMPARE(s.errors.at(0).line, 4);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("email"));
        QCOMPARE(s.errors.at(1).line, 5);
        QCOMPARE(s.errors.at(1).column, QStringLiteral("occurred_at"));
        storage::LeadRepository repo(*m_db);
        const Lead anna = byEmail(QStringLiteral("anna@acme.example"));
        const auto tps = repo.touchpoints(anna.id).value();
        QCOMPARE(tps.size(), 2);
        QCOMPARE(tps.at(0).source, QStringLiteral("Google Ads"));
        QCOMPARE(tps.at(1).source, QStringLiteral("Google Ads"));
        QCOMPARE(tps.at(1).content, QStringLiteral("banner2"));
        s = run(opts(data("touchpoints.csv")));
        QCOMPARE(s.created, 0);
        QCOMPARE(s.skipped, 2);
    }

    void vcardJapanese() {
        // Android's test card has TEL 0300000000, a number no Japanese line can have (03-0000 is
        // not allocated): the card is refused, saying which line and number and why.
        const QString android = QStringLiteral(MIKOMI_CORPUS "/vcard/android/v21_japanese_1.vcf");
        ImportSummary s = run(opts(android));
        QCOMPARE(s.kind, ImportKind::VCard);
        QCOMPARE(s.created, 0);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.size(), 1);
        QCOMPARE(s.errors.first().line, 5);
        QCOMPARE(s.errors.first().column, QStringLiteral("TEL"));
        QVERIFY2(s.errors.first().reason.contains(QStringLiteral("0300000000")),
                 qPrintable(s.errors.first().reason));
        // The same card with a number that exists.
        QFile in(android);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QString fixed = m_dir.filePath(QStringLiteral("v21_japanese_1_fixed.vcf"));
        QFile out(fixed);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(in.readAll().replace("0300000000", "0312345678")) > 0);
        out.close();
        ImportOptions o = opts(fixed);
        o.defaultSource = QStringLiteral("名刺");
        s = run(o);
        QCOMPARE(s.kind, ImportKind::VCard);
        QCOMPARE(s.created, 1);
        Lead l = allLeads(*m_db).at(0);
        QCOMPARE(l.familyName, QStringLiteral("安藤ロイド"));
        QCOMPARE(l.familyReading, QStringLiteral("アンドウロイド"));
        QCOMPARE(l.phone, QStringLiteral("0312345678"));
        QCOMPARE(l.source, QStringLiteral("名刺"));
        s = run(opts(QStringLiteral(MIKOMI_CORPUS "/vcard/android/v21_japanese_2.vcf")));
        QCOMPARE(s.created, 1);
        l = allLeads(*m_db).at(1);
        QCOMPARE(l.givenReading, QStringLiteral("ロイド1"));
        QCOMPARE(l.postalCode, QStringLiteral("150-8512"));
        // A malformed line is a warning, not fatal.
        s = run(opts(QStringLiteral(MIKOMI_CORPUS "/vcard/android/v21_invalid_comment_line.vcf")));
        QVERIFY(s.created + s.merged >= 1);
        // Export as vCard 4.0 keeps the readings.
        ExportOptions e;
        e.path = m_dir.filePath(QStringLiteral("out.vcf"));
        e.format = ExportFormat::VCard;
        e.vcardVersion = io::VCardVersion::V40;
        QVERIFY(exportLeads(*m_db, e).ok());
        auto back = io::readVCardFile(e.path).value();
        QVERIFY(back.cards.size() >= 2);
        QCOMPARE(back.cards.at(0).version, QStringLiteral("4.0"));
        QCOMPARE(back.cards.at(0).lead.familyReading, QStringLiteral("アンドウロイド"));
    }

    // Sources first stored by an import under a well-known name take the dictionary's category
    // and spelling at once, marked suggested until a person confirms or changes them.
    void wellKnownSourcesTakeTheDictionaryCategory() {
        const QString in = m_dir.filePath(QStringLiteral("sources.csv"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("company,email,lead source\n"
                "A,a@x.example,google ads\n"
                "B,b@x.example,seo\n"
                "C,c@x.example,展示会\n"
                "D,d@x.example,紹介\n"
                "E,e@x.example,テレアポ\n"
                "F,f@x.example,Kumagaya Bookshelf\n"
                "G,g@x.example,unknown\n");
        f.close();
        QCOMPARE(run(opts(in)).created, 7);
        storage::SourceRepository repo(*m_db);
        auto list = repo.list();
        QVERIFY(list);
        QHash<QString, Source> byName;
        for (const Source &s : *list)
            byName.insert(s.name, s);
        const QList<std::tuple<QString, SourceCategory, bool>> expected{
            {QStringLiteral("Google Ads"), SourceCategory::Paid, true},
            {QStringLiteral("SEO"), SourceCategory::Inbound, true},
            {QStringLiteral("展示会"), SourceCategory::Event, true},
            {QStringLiteral("紹介"), SourceCategory::Partnership, true},
            {QStringLiteral("テレアポ"), SourceCategory::Outbound, true},
            {QStringLiteral("Kumagaya Bookshelf"), SourceCategory::Unknown, false},
        };
        for (const auto &[name, category, suggested] : expected) {
            QVERIFY2(byName.contains(name), qPrintable(byName.keys().join(u',')));
            QCOMPARE(byName.value(name).category, category);
            QCOMPARE(byName.value(name).suggested, suggested);
        }
        // A person's choice ends the suggestion; so does confirming it as it is.
        QVERIFY(repo.setCategory(byName.value(QStringLiteral("SEO")).id, SourceCategory::Paid));
        QVERIFY(repo.confirm(byName.value(QStringLiteral("紹介")).id));
        QVERIFY(!repo.get(byName.value(QStringLiteral("SEO")).id)->suggested);
        QCOMPARE(repo.get(byName.value(QStringLiteral("SEO")).id)->category, SourceCategory::Paid);
        QVERIFY(!repo.get(byName.value(QStringLiteral("紹介")).id)->suggested);
        QCOMPARE(repo.get(byName.value(QStringLiteral("紹介")).id)->category,
                 SourceCategory::Partnership);
        // The file's own category column is not a suggestion.
        const QString cat = m_dir.filePath(QStringLiteral("sources2.csv"));
        QFile g(cat);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("company,email,lead source,source category\nH,h@x.example,Bing Ads,paid\n");
        g.close();
        QCOMPARE(run(opts(cat)).created, 1);
        const auto id = repo.resolve(QStringLiteral("Bing Ads"), false);
        QVERIFY(id && *id > 0);
        QCOMPARE(repo.get(*id)->category, SourceCategory::Paid);
        QVERIFY(!repo.get(*id)->suggested);
    }

    // A date typed in Tokyo keeps its day when exported on a machine in Los Angeles (and back).
    void datesKeepTheirDayInEveryTimeZone() {
        const QByteArray zone = qgetenv("TZ");
        const auto restore = qScopeGuard([zone] {
            if (zone.isNull())
                qunsetenv("TZ");
            else
                qputenv("TZ", zone);
            tzset();
        });
        qputenv("TZ", "Asia/Tokyo");
        tzset();
        const QString in = m_dir.filePath(QStringLiteral("tz.csv"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("company,family_name,email,created,won date,stage\n"
                "TZ Co,Ota,ota@tz.example,2026-05-01,2026-06-10,customer\n");
        f.close();
        QCOMPARE(run(opts(in)).created, 1);
        for (const char *west : {"America/Los_Angeles", "Pacific/Honolulu", "Europe/London"}) {
            qputenv("TZ", west);
            tzset();
            ExportOptions e;
            e.path = m_dir.filePath(QStringLiteral("tz-out.csv"));
            QVERIFY(exportLeads(*m_db, e).ok());
            QFile out(e.path);
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(out.readAll());
            QVERIFY2(text.contains(QStringLiteral(",2026-05-01 00:00:00,2026-06-10,")),
                     qPrintable(QString::fromLatin1(west) + u'\n' + text));
            const Lead l = byEmail(QStringLiteral("ota@tz.example"));
            QCOMPARE(l.createdAt.date(), QDate(2026, 5, 1));
        }
    }

    // Progress every thousand leads read; a cancel stops the export and keeps an existing file.
    void exportReportsProgressAndCancels() {
        QVERIFY(services::writeDemo(*m_db, 2500, 3, QDate(2026, 6, 30)).ok());
        for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::VCard}) {
            ExportOptions e;
            e.path = m_dir.filePath(QStringLiteral("progress.out"));
            e.format = format;
            e.includeOptedOut = true;
            QList<qint64> reports;
            auto done = exportLeads(*m_db, e, [&](qint64 n) { reports << n; });
            QVERIFY(done.ok());
            QCOMPARE(done->written, 2500);
            QVERIFY(!done->cancelled);
            QCOMPARE(reports, (QList<qint64>{1000, 2000}));

            QFile old(e.path);
            QVERIFY(old.open(QIODevice::WriteOnly | QIODevice::Truncate));
            old.write("old file");
            old.close();
            std::atomic<bool> cancel = false;
            reports.clear();
            auto stopped = exportLeads(
                *m_db, e,
                [&](qint64 n) {
                    reports << n;
                    cancel = true;
                },
                &cancel);
            QVERIFY(stopped.ok());
            QVERIFY(stopped->cancelled);
            QCOMPARE(reports, QList<qint64>{1000});
            QVERIFY(old.open(QIODevice::ReadOnly));
            QCOMPARE(old.readAll(), QByteArray("old file"));
            old.close();
        }
    }

    void formulaCellsNeutralisedOnExport() {
        QCOMPARE(run(opts(data("injection.csv"))).created, 2);
        ExportOptions e;
        e.path = m_dir.filePath(QStringLiteral("inj.csv"));
        QVERIFY(exportLeads(*m_db, e).ok());
        auto t = io::readCsvFile(e.path).value();
        QCOMPARE(t.encoding, io::Encoding::Utf8Bom);
        const int company = t.records.at(0).fields.indexOf(QStringLiteral("company"));
        const int notes = t.records.at(0).fields.indexOf(QStringLiteral("notes"));
        QCOMPARE(t.records.at(1).fields.at(company),
                 QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"x\")"));
        QCOMPARE(t.records.at(1).fields.at(notes), QStringLiteral("'@SUM(1+1)"));
        QCOMPARE(t.records.at(2).fields.at(company), QStringLiteral("'+cmd"));
        QCOMPARE(t.records.at(2).fields.at(notes), QStringLiteral("'-2+3"));
        // Mikomi's own export imports back to the original text.
        auto fresh = freshDb();
        QCOMPARE(run(opts(e.path), fresh.get()).created, 2);
        QCOMPARE(allLeads(*fresh).at(0).company,
                 QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"));
        QCOMPARE(allLeads(*fresh).at(1).notes, QStringLiteral("-2+3"));
    }

    // Review F8: full-width ＝, a BOM or white space before = is neutralised too (the editor keeps
    // notes untrimmed; the import trims other fields).
    void formulaVariantsNeutralisedOnExport() {
        QCOMPARE(run(opts(data("values_injection.csv"))).rejected, 0);
        storage::LeadRepository repo(*m_db);
        Lead typed;
        typed.company = QStringLiteral("Typed Co");
        typed.email = QStringLiteral("typed@inj.example.com");
        typed.notes = QStringLiteral("  =HYPERLINK(\"http://evil.example\",\"x\")");
        QVERIFY(repo.insert(typed).ok());
        Lead lf;
        lf.company = QStringLiteral("\u3000=1+1 typed");
        lf.email = QStringLiteral("lf@typed.example.com");
        lf.notes = QStringLiteral("\n=1+1");
        QVERIFY(repo.insert(lf).ok());
        ExportOptions e;
        e.path = m_dir.filePath(QStringLiteral("variants.csv"));
        e.includeOptedOut = true;
        QVERIFY(exportLeads(*m_db, e).ok());
        auto t = io::readCsvFile(e.path).value();
        const int company = t.records.at(0).fields.indexOf(QStringLiteral("company"));
        const int email = t.records.at(0).fields.indexOf(QStringLiteral("email"));
        const int notes = t.records.at(0).fields.indexOf(QStringLiteral("notes"));
        QHash<QString, QStringList> byEmail;
        for (const io::CsvRecord &r : t.records)
            byEmail.insert(r.fields.value(email), r.fields);
        QCOMPARE(byEmail.value(QStringLiteral("fw@inj.example.com")).value(company),
                 QStringLiteral("'＝1+1 FullWidth"));
        QCOMPARE(byEmail.value(QStringLiteral("fw@inj.example.com")).value(notes),
                 QStringLiteral("'＝SUM(1,2)"));
        QCOMPARE(byEmail.value(QStringLiteral("bom@inj.example.com")).value(company),
                 QStringLiteral("'\uFEFF=1+1 BOM"));
        QCOMPARE(byEmail.value(QStringLiteral("typed@inj.example.com")).value(notes),
                 QStringLiteral("'  =HYPERLINK(\"http://evil.example\",\"x\")"));
        QCOMPARE(byEmail.value(QStringLiteral("lf@typed.example.com")).value(notes),
                 QStringLiteral("'\n=1+1"));
        QCOMPARE(byEmail.value(QStringLiteral("lf@typed.example.com")).value(company),
                 QStringLiteral("'\u3000=1+1 typed"));
        QCOMPARE(byEmail.value(QStringLiteral("neg@inj.example.com")).value(notes),
                 QStringLiteral("-5"));
        // Mikomi's own export imports back without the apostrophes.
        auto fresh = freshDb();
        QCOMPARE(run(opts(e.path), fresh.get()).rejected, 0);
        const auto leads = allLeads(*fresh);
        const auto it = std::find_if(leads.begin(), leads.end(), [](const Lead &l) {
            return l.email == QLatin1String("fw@inj.example.com");
        });
        QVERIFY(it != leads.end());
        QCOMPARE(it->company, QStringLiteral("＝1+1 FullWidth"));
    }

    // Review F4: a card is checked as a CSV row is; each error names the card's line and property.
    void vcardValuesCheckedLikeCsv() {
        ImportSummary s = run(opts(data("values_bad.vcf")));
        QCOMPARE(s.kind, ImportKind::VCard);
        QCOMPARE(s.rowsRead, 2);
        QCOMPARE(s.created, 0);
        QCOMPARE(s.rejected, 2);
        QList<std::pair<int, QString>> where;
        for (const io::RowError &e : s.errors)
            where.append({e.line, e.column});
        const QList<std::pair<int, QString>> expected{{5, QStringLiteral("EMAIL")},
                                                      {6, QStringLiteral("TEL")},
                                                      {12, QStringLiteral("EMAIL")},
                                                      {13, QStringLiteral("TEL")}};
        QCOMPARE(where, expected);
        QVERIFY2(s.errors.at(0).reason.contains(QStringLiteral("\"a@\"")),
                 qPrintable(s.errors.at(0).reason));
        QVERIFY(s.errors.at(3).reason.contains(QStringLiteral("03-1234-ABCD")));
        QCOMPARE(s.rejectedRows.at(1).line, 9);
        QCOMPARE(describeRowError(s.errors.at(0)).left(7), QStringLiteral("Line 5,"));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 0);

        // Invalid UTF-8: refused like the CSV import, not stored as Latin-1 mojibake.
        s = run(opts(data("values_badutf.vcf")));
        QCOMPARE(s.created, 0);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.size(), 1);
        QCOMPARE(s.errors.at(0).line, 3);
        QVERIFY2(s.errors.at(0).reason.contains(QStringLiteral("UTF-8")),
                 qPrintable(s.errors.at(0).reason));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 0);
    }

    // Review F9: NUL bytes are row errors naming line and column, and no save path stores them.
    void controlCharactersRefused() {
        const ImportSummary s = run(opts(data("values_nul.csv")));
        QCOMPARE(s.created, 0);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.errors.size(), 3);
        QCOMPARE(s.errors.at(0).line, 2);
        QCOMPARE(s.errors.at(0).column, QStringLiteral("company"));
        QVERIFY2(s.errors.at(0).reason.contains(QStringLiteral("U+0000")),
                 qPrintable(s.errors.at(0).reason));
        QCOMPARE(s.errors.at(1).column, QStringLiteral("last name"));
        QCOMPARE(s.errors.at(2).column, QStringLiteral("notes"));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads")), 0);
        // The editor's and business-card mode's save path (the repository) refuses them too.
        storage::LeadRepository repo(*m_db);
        Lead l;
        l.company = QStringLiteral("Nul") + QChar(0) + QStringLiteral("Co");
        QVERIFY(!repo.insert(l).ok());
        l.company = QStringLiteral("Fine Co");
        l.notes = QStringLiteral("two\nlines\tand a tab");
        QVERIFY(repo.insert(l).ok());
    }

    // Review F5: amounts that used to become other amounts are row errors that say why.
    void amountsParsedStrictly() {
        const ImportSummary s = run(opts(data("values_bad.csv")));
        const auto errorAt = [&s](int line) {
            for (const io::RowError &e : s.errors)
                if (e.line == line)
                    return e;
            return io::RowError{};
        };
        QCOMPARE(errorAt(33).column, QStringLiteral("amount"));
        QVERIFY2(errorAt(33).reason.contains(QStringLiteral("another currency")),
                 qPrintable(errorAt(33).reason));
        QCOMPARE(errorAt(38).column, QStringLiteral("amount"));
        QVERIFY2(errorAt(38).reason.contains(QStringLiteral("ambiguous")),
                 qPrintable(errorAt(38).reason));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads WHERE company IN "
                                              "('BadCo031', 'BadCo036')")),
                 0);
        // The full-width email is accepted and stored as the address it is.
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM leads WHERE company = "
                                              "'BadCo054' AND email = 'a@b.com'")),
                 1);

        const ImportSummary spend = run(opts(data("values_spend.csv")));
        QCOMPARE(spend.kind, ImportKind::Spend);
        bool found = false;
        for (const io::RowError &e : spend.errors) {
            if (e.line == 8) {
                found = true;
                QCOMPARE(e.column, QStringLiteral("amount"));
                QVERIFY2(e.reason.contains(QStringLiteral("ambiguous")), qPrintable(e.reason));
            }
        }
        QVERIFY(found);
        QCOMPARE(
            scalar(*m_db, QStringLiteral("SELECT count(*) FROM spend WHERE month = '2025-06'")), 0);
    }

    // Full-width email and phone numbers typed in the editor or business-card mode are stored
    // half-width, as the import stores them.
    void contactValuesStoredHalfWidth() {
        storage::LeadRepository repo(*m_db);
        Lead l;
        l.company = QStringLiteral("全角商事");
        l.email = QStringLiteral("ａ＠ｂ．ｃｏｍ");
        l.phone = QStringLiteral("０３－６４５５－１２１２");
        l.mobile = QStringLiteral(" ０９０ー１２３４ー５６７８ ");
        auto id = repo.insert(l);
        QVERIFY(id.ok());
        Lead back = repo.get(*id).value();
        QCOMPARE(back.email, QStringLiteral("a@b.com"));
        QCOMPARE(back.phone, QStringLiteral("03-6455-1212"));
        QCOMPARE(back.mobile, QStringLiteral("090-1234-5678"));
        back.email = QStringLiteral("Ｔａｒｏ＠ＥＸＡＭＰＬＥ．ＪＰ");
        QVERIFY(repo.update(back).ok());
        QCOMPARE(repo.get(*id).value().email, QStringLiteral("Taro@example.jp"));
    }

    void roundTripIsStable() {
        ImportSummary s = run(opts(data("roundtrip.csv")));
        QCOMPARE(s.rejected, 0);
        QCOMPARE(s.created, 5);
        const Lead beta = byEmail(QStringLiteral("bob@beta.example"));
        QVERIFY(beta.lost);
        QCOMPARE(beta.stage, Stage::Opportunity);
        QCOMPARE(beta.lostAt, std::optional<QDate>(QDate(2026, 4, 1)));
        const Lead anna = byEmail(QStringLiteral("anna@acme.example"));
        QCOMPARE(anna.stage, Stage::Sql);
        QCOMPARE(anna.sqlKind, SqlKind::Sal);

        // Default export leaves the opted-out lead out.
        ExportOptions e;
        e.path = m_dir.filePath(QStringLiteral("rt.csv"));
        auto ex = exportLeads(*m_db, e);
        QVERIFY(ex.ok());
        QCOMPARE(ex->written, 4);
        QCOMPARE(ex->leftOut, 1);
        e.includeOptedOut = true;
        ex = exportLeads(*m_db, e);
        QCOMPARE(ex->written, 5);

        auto fresh = freshDb();
        s = run(opts(e.path), fresh.get());
        QCOMPARE(s.rejected, 0);
        QCOMPARE(s.created, 5);
        const QList<Lead> a = allLeads(*m_db), b = allLeads(*fresh);
        QCOMPARE(b.size(), a.size());
        for (int i = 0; i < a.size(); ++i) {
            Lead x = a.at(i), y = b.at(i);
            QCOMPARE(y.createdAt.toSecsSinceEpoch(), x.createdAt.toSecsSinceEpoch());
            y.id = x.id;
            y.createdAt = x.createdAt;
            y.updatedAt = x.updatedAt;
            y.uuid = x.uuid; // each database made its own (schema v13)
            y.version = x.version;
            for (int f = 0; f < io::LeadFieldCount; ++f)
                QCOMPARE(leadFieldText(y, io::LeadField(f)), leadFieldText(x, io::LeadField(f)));
            QVERIFY2(x == y, qPrintable(x.email));
        }
        storage::SourceRepository src(*fresh);
        QCOMPARE(src.get(src.resolve(QStringLiteral("展示会"), false).value()).value().category,
                 SourceCategory::Event);
        // And once more into the same fresh DB: nothing changes.
        const QByteArray h = contentHash(*fresh);
        s = run(opts(e.path), fresh.get());
        QCOMPARE(s.created, 0);
        QCOMPARE(contentHash(*fresh), h);
    }

    // The export reads the leads with one query; its files are byte for byte what the export
    // wrote when it read each lead with LeadRepository::get (done here the old way).
    void streamedExportMatchesPerLeadExport() {
        QVERIFY(writeDemo(*m_db, 3000, 7, QDate(2026, 5, 1)).ok());
        storage::LeadRepository repo(*m_db);
        const QList<qint64> all = [&] {
            QList<qint64> ids;
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            q.exec(QStringLiteral("SELECT id FROM leads ORDER BY id"));
            while (q.next())
                ids << q.value(0).toLongLong();
            return ids;
        }();
        QCOMPARE(all.size(), 3000);

        // forEachLead gives exactly what get() gives, in id order.
        int n = 0;
        QVERIFY(forEachLead(*m_db, {}, [&](Lead &&l) {
                    if (l.id != all.at(n) || !(l == repo.get(l.id).value()))
                        return false;
                    ++n;
                    return true;
                }).ok());
        QCOMPARE(n, all.size());

        QHash<QString, SourceCategory> categories;
        const QList<Source> sources = repo.sources().list().value();
        for (const Source &src : sources)
            categories.insert(src.name, src.category);
        const auto oldCsv = [&](const QList<qint64> &ids, bool includeOptedOut, io::Encoding enc,
                                int minor) {
            QList<QStringList> rows;
            QStringList header;
            for (io::LeadField f : exportFields())
                header << io::leadFieldKey(f);
            rows << header;
            for (qint64 id : ids) {
                const Lead l = repo.get(id).value();
                if (!includeOptedOut && (l.optOut || l.anonymous))
                    continue;
                QStringList row;
                for (io::LeadField f : exportFields()) {
                    QString v = leadFieldText(l, f, minor);
                    if (f == io::LeadField::SourceCategory && !l.source.isEmpty())
                        v = categoryKey(categories.value(l.source, SourceCategory::Unknown));
                    row << v;
                }
                rows << row;
            }
            io::CsvWriteOptions wo;
            wo.encoding = enc;
            return io::writeCsv(rows, wo).value();
        };
        const auto readAll = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };

        QList<qint64> some;
        for (int i = all.size() - 1; i >= 0; i -= 7)
            some << all.at(i); // every 7th lead, newest first (more than one chunk of ids)
        some << all.first() << all.first(); // asked twice: written twice, as before

        struct Case {
            QList<qint64> ids;
            bool includeOptedOut;
            io::Encoding encoding;
            int minor;
        };
        int i = 0;
        for (const Case &c :
             {Case{{}, false, io::Encoding::Utf8Bom, 1}, Case{{}, true, io::Encoding::Utf8, 100},
              Case{some, false, io::Encoding::Utf8Bom, 1}}) {
            ExportOptions e;
            e.path = m_dir.filePath(QStringLiteral("stream%1.csv").arg(++i));
            e.leadIds = c.ids;
            e.includeOptedOut = c.includeOptedOut;
            e.encoding = c.encoding;
            e.minorUnitsPerMajor = c.minor;
            auto ex = exportLeads(*m_db, e);
            QVERIFY(ex.ok());
            QVERIFY(ex->replaced.isEmpty());
            const QByteArray expected =
                oldCsv(c.ids.isEmpty() ? all : c.ids, c.includeOptedOut, c.encoding, c.minor);
            const QByteArray got = readAll(e.path);
            QCOMPARE(got.size(), expected.size());
            QVERIFY(got == expected);
            QCOMPARE(ex->written + ex->leftOut, c.ids.isEmpty() ? all.size() : c.ids.size());
            QCOMPARE(ex->written, qint64(io::readCsvFile(e.path).value().records.size() - 1));
        }

        // vCard of selected leads: the same as writing the leads read one by one.
        ExportOptions v;
        v.path = m_dir.filePath(QStringLiteral("stream.vcf"));
        v.format = ExportFormat::VCard;
        v.includeOptedOut = true;
        v.leadIds = some;
        QVERIFY(exportLeads(*m_db, v).ok());
        QList<Lead> leads;
        for (qint64 id : some)
            leads << repo.get(id).value();
        QVERIFY(readAll(v.path) == io::writeVCards(leads, io::VCardVersion::V30));

        // An id that does not exist is an error, and no file is left behind.
        ExportOptions gone;
        gone.path = m_dir.filePath(QStringLiteral("gone.csv"));
        gone.leadIds = {all.first(), all.last() + 1000};
        QVERIFY(!exportLeads(*m_db, gone).ok());
        QVERIFY(!QFile::exists(gone.path));
    }

    void previewShowsStoredValues() {
        auto a = analyseImport(opts(data("leads_errors.csv")), 3);
        QVERIFY(a.ok());
        QCOMPARE(a->kind, ImportKind::Leads);
        QCOMPARE(a->delimiter, QChar(u','));
        QCOMPARE(a->previewRecords.size(), 3);
        const auto rows = previewRows(*a, 1, QStringLiteral("JP"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).values.at(int(io::LeadField::DealValue)), QStringLiteral("1200000"));
        QCOMPARE(rows.at(1).values.at(int(io::LeadField::CreatedAt)),
                 QStringLiteral("2026-02-01 00:00:00"));
        QCOMPARE(rows.at(2).errors.size(), 1);
        QCOMPARE(rows.at(2).line, 4);
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
