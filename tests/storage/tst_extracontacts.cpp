#include "models/io/vcard.h"
#include "models/services/exporter.h"
#include "models/services/importer.h"
#include "models/services/personexport.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadquery.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/privacy.h"
#include "models/storage/repositories.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

// Several emails and numbers per person (issue 12): Lead::extraContacts is stored (lead_contacts,
// schema v10) wherever a whole lead is written or read, kept by imports, merges and undo, found
// by duplicate detection, erased with the person and written by every export. All people here
// are made up.
class TestExtraContacts final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_files = 0;

    static QList<ContactPoint> threeContacts() {
        return {
            {ContactKind::Email, QStringLiteral("kohaku.second@minase-kiln.example"),
             QStringLiteral("Work")},
            {ContactKind::Phone, QStringLiteral("03-4471-2290"), QStringLiteral("直通")},
            {ContactKind::Fax, QStringLiteral("03-4471-2291"), QStringLiteral("FAX")},
        };
    }

    static Lead person() {
        Lead l;
        l.company = QStringLiteral("株式会社水無瀬窯業");
        l.familyName = QStringLiteral("水無瀬");
        l.givenName = QStringLiteral("琥珀");
        l.email = QStringLiteral("kohaku@minase-kiln.example");
        l.phone = QStringLiteral("03-4471-2200");
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        l.updatedAt = l.createdAt;
        l.extraContacts = threeContacts();
        return l;
    }

    qint64 rows(const QString &sql) const {
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    QString writeFile(const QByteArray &bytes) {
        const QString path = m_dir.filePath(QStringLiteral("in%1.csv").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    Result<services::ImportSummary> import(const QString &path,
                                           services::OnMatch onMatch = services::OnMatch::Merge) {
        services::ImportOptions o;
        o.path = path;
        o.onMatch = onMatch;
        o.followUpDays = 0;
        o.now = QDateTime(QDate(2026, 5, 1), QTime(12, 0));
        return services::runImport(*m_db, o);
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_db.reset();
        const QString path = m_dir.filePath(QStringLiteral("c.mikomi"));
        QFile::remove(path);
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        m_db = std::move(db).value();
    }
    void cleanup() { m_db.reset(); }

    void repositoryRoundTrip() {
        LeadRepository repo(*m_db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        Lead got = repo.get(l.id).value();
        QCOMPARE(got.extraContacts, threeContacts());
        // forEach (all leads, and by id) gives them too.
        QList<Lead> all;
        QVERIFY(repo.forEach({}, [&all](Lead &&x) {
            all << x;
            return true;
        }));
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().extraContacts, threeContacts());
        all.clear();
        QVERIFY(repo.forEach({l.id}, [&all](Lead &&x) {
            all << x;
            return true;
        }));
        QCOMPARE(all.first().extraContacts, threeContacts());
        // An update writes the new set: one removed, one added, order kept.
        got.extraContacts.removeAt(1);
        got.extraContacts << ContactPoint{ContactKind::Mobile, QStringLiteral("080-7711-4455"),
                                          QString()};
        got.version = 0; // saved again below from the same copy: not version-checked
        QVERIFY(repo.update(got));
        QCOMPARE(repo.get(l.id)->extraContacts, got.extraContacts);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_contacts")), 3);
        // Stored as the lead's own columns are (full-width folded), with the matching key.
        got.extraContacts = {{ContactKind::Email,
                              QStringLiteral("ＫＯＨＡＫＵ．３@Minase-Kiln.example"),
                              QStringLiteral(" 予備 ")}};
        QVERIFY(repo.update(got));
        QCOMPARE(repo.get(l.id)->extraContacts,
                 (QList<ContactPoint>{{ContactKind::Email,
                                       QStringLiteral("KOHAKU.3@minase-kiln.example"),
                                       QStringLiteral("予備")}}));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_contacts WHERE key = "
                                     "'kohaku.3@minase-kiln.example'")),
                 1);
        // A control character is refused like in any other field.
        got.extraContacts = {{ContactKind::Phone,
                              QStringLiteral("03-1111") + QChar(0) + QStringLiteral("2222"),
                              {}}};
        QVERIFY(!repo.update(got));
        // Deleting the lead removes them.
        QVERIFY(repo.remove(l.id));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_contacts")), 0);
    }

    void bulkWriterStoresThem() {
        {
            Transaction tx(*m_db);
            BulkWriter w(*m_db, true);
            auto id = w.insertLead(person());
            QVERIFY(id);
            QVERIFY(w.finish());
            QVERIFY(tx.commit());
        }
        QCOMPARE(LeadRepository(*m_db).get(1)->extraContacts, threeContacts());
        // The index dropped while filling is back.
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = "
                                     "'lead_contacts_key'")),
                 1);
    }

    void importStoresAndMergesThem() {
        // Mikomi's own export columns (email2, phone2, fax with their labels).
        const QString first = writeFile(
            "company,family_name,given_name,email,phone,email2,email2_label,phone2,phone2_label,"
            "fax,fax_label\n"
            "株式会社水無瀬窯業,水無瀬,琥珀,kohaku@minase-kiln.example,03-4471-2200,"
            "kohaku.second@minase-kiln.example,Work,03-4471-2290,直通,03-4471-2291,FAX\n");
        auto s = import(first);
        QVERIFY(s);
        QCOMPARE(s->created, 1);
        QCOMPARE(s->rejected, 0);
        const qint64 id = rows(QStringLiteral("SELECT id FROM leads"));
        QCOMPARE(LeadRepository(*m_db).get(id)->extraContacts, threeContacts());

        // A newer file of the same person (same email): another phone and a second fax, and one
        // extra already held (written differently). Merge keeps everything, each once.
        const QString second = writeFile(
            "email,phone,phone2,fax,fax_label\n"
            "kohaku@minase-kiln.example,03-4471-2299,０３−４４７１−２２９０,03-4471-2292,FAX2\n");
        s = import(second);
        QVERIFY(s);
        QCOMPARE(s->merged, 1);
        QList<ContactPoint> expected = threeContacts();
        expected << ContactPoint{ContactKind::Phone, QStringLiteral("03-4471-2299"), QString()}
                 << ContactPoint{ContactKind::Fax, QStringLiteral("03-4471-2292"),
                                 QStringLiteral("FAX2")};
        Lead merged = LeadRepository(*m_db).get(id).value();
        QCOMPARE(merged.phone, QStringLiteral("03-4471-2200"));
        QCOMPARE(merged.extraContacts, expected);

        // An update replaces the phone; the old one stays among the extras.
        const QString third = writeFile("email,phone\nkohaku@minase-kiln.example,03-4471-2300\n");
        s = import(third, services::OnMatch::Update);
        QVERIFY(s);
        QCOMPARE(s->updated, 1);
        merged = LeadRepository(*m_db).get(id).value();
        QCOMPARE(merged.phone, QStringLiteral("03-4471-2300"));
        expected << ContactPoint{ContactKind::Phone, QStringLiteral("03-4471-2200"), QString()};
        QCOMPARE(merged.extraContacts, expected);

        // A row whose email is this lead's extra email is this lead.
        const QString fourth = writeFile("email,title\nkohaku.second@minase-kiln.example,部長\n");
        s = import(fourth);
        QVERIFY(s);
        QCOMPARE(s->merged, 1);
        QCOMPARE(s->created, 0);
        QCOMPARE(LeadRepository(*m_db).get(id)->title, QStringLiteral("部長"));

        // A bad extra value is a row error naming its column, never dropped silently.
        const QString bad = writeFile("company,email,fax\n株式会社不正,bad@example.com,FAXなし\n");
        s = import(bad);
        QVERIFY(s);
        QCOMPARE(s->rejected, 1);
        QCOMPARE(s->errors.size(), 1);
        QCOMPARE(s->errors.first().column, QStringLiteral("fax"));
        QCOMPARE(s->errors.first().line, 2);
    }

    void csvExportImportsBackLosslessly() {
        LeadRepository repo(*m_db);
        Lead a = person();
        a.extraContacts << ContactPoint{
            ContactKind::Email, QStringLiteral("kohaku.third@minase-kiln.example"), QString()};
        QVERIFY(repo.insert(a));
        Lead b;
        b.company = QStringLiteral("Larkspur Optics LLC");
        b.familyName = QStringLiteral("Vance");
        b.email = QStringLiteral("ivy.vance@larkspur.example");
        QVERIFY(repo.insert(b));
        services::ExportOptions o;
        o.path = m_dir.filePath(QStringLiteral("out.csv"));
        auto ex = services::exportLeads(*m_db, o);
        QVERIFY(ex);
        QCOMPARE(ex->written, 2);
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString header = QString::fromUtf8(f.readLine()).trimmed();
        QVERIFY2(header.endsWith(QStringLiteral(",email2,email2_label,email3,email3_label,phone2,"
                                                "phone2_label,fax,fax_label")),
                 qPrintable(header));
        f.close();

        // Into an empty database: every contact comes back (grouped by kind, as the columns are).
        m_db.reset();
        const QString path = m_dir.filePath(QStringLiteral("back.mikomi"));
        m_db = Database::open(path).value();
        auto s = import(o.path);
        QVERIFY(s);
        QCOMPARE(s->created, 2);
        QCOMPARE(s->rejected, 0);
        QList<Lead> back;
        QVERIFY(LeadRepository(*m_db).forEach({}, [&back](Lead &&l) {
            back << l;
            return true;
        }));
        QCOMPARE(back.size(), 2);
        const QList<ContactPoint> expected{
            threeContacts().at(0),
            {ContactKind::Email, QStringLiteral("kohaku.third@minase-kiln.example"), QString()},
            threeContacts().at(1),
            threeContacts().at(2),
        };
        QCOMPARE(back.at(0).extraContacts, expected);
        QVERIFY(back.at(1).extraContacts.isEmpty());
    }

    void vcardAndPersonExportWriteThem() {
        Lead l = person();
        const QString card = QString::fromUtf8(io::writeVCard(l, io::VCardVersion::V30));
        QVERIFY2(card.contains(
                     QStringLiteral("EMAIL;TYPE=INTERNET:kohaku.second@minase-kiln.example\r\n")),
                 qPrintable(card));
        QVERIFY(card.contains(QStringLiteral("TEL;TYPE=WORK,VOICE:03-4471-2290\r\n")));
        QVERIFY(card.contains(QStringLiteral("TEL;TYPE=WORK,FAX:03-4471-2291\r\n")));
        const QString card4 = QString::fromUtf8(io::writeVCard(l, io::VCardVersion::V40));
        QVERIFY(card4.contains(QStringLiteral("TEL;TYPE=work,fax:03-4471-2291\r\n")));

        QVERIFY(LeadRepository(*m_db).insert(l));
        auto json = services::exportPerson(*m_db, {l.id}, services::PersonExportFormat::Json);
        QVERIFY(json);
        const QJsonArray extra = QJsonDocument::fromJson(*json)
                                     .object()
                                     .value(QStringLiteral("people"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("lead"))
                                     .toObject()
                                     .value(QStringLiteral("extra_contacts"))
                                     .toArray();
        QCOMPARE(extra.size(), 3);
        QCOMPARE(extra.at(2).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("fax"));
        QCOMPARE(extra.at(1).toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("直通"));
    }

    void mergeKeepsTheUnion() {
        LeadRepository repo(*m_db);
        Lead keep = person();
        Lead other;
        other.company = keep.company;
        other.familyName = keep.familyName;
        other.givenName = keep.givenName;
        other.email = QStringLiteral("k.minase@minase-kiln.example"); // differs: kept as extra
        other.phone = QStringLiteral("03-4471-2290");                 // keep's extra already
        other.extraContacts = {
            {ContactKind::Mobile, QStringLiteral("090-3321-7788"), QStringLiteral("携帯2")},
            {ContactKind::Fax, QStringLiteral("03 4471 2291"), QString()}, // same fax
        };
        QVERIFY(repo.insert(keep));
        QVERIFY(repo.insert(other));
        // Duplicate detection names the other (same company and person) …
        auto groups = duplicateGroups(*m_db);
        QVERIFY(groups);
        QCOMPARE(groups->size(), 1);
        const auto snapshot = snapshotLead(*m_db, other.id);
        QVERIFY(snapshot);
        QVERIFY(mergeLeads(*m_db, keep.id, other.id));
        QList<ContactPoint> expected = threeContacts();
        expected << ContactPoint{ContactKind::Email, QStringLiteral("k.minase@minase-kiln.example"),
                                 QString()}
                 << ContactPoint{ContactKind::Mobile, QStringLiteral("090-3321-7788"),
                                 QStringLiteral("携帯2")};
        QCOMPARE(repo.get(keep.id)->extraContacts, expected);
        // Undo of the merge (MergeLeadsCommand): the other comes back with its own set, the kept
        // one gets its old set back.
        QVERIFY(restoreLead(*m_db, *snapshot));
        keep.version = 0; // as MergeLeadsCommand's undo: over the merge's version
        QVERIFY(repo.update(keep));
        QCOMPARE(repo.get(other.id)->extraContacts, other.extraContacts);
        QCOMPARE(repo.get(keep.id)->extraContacts, threeContacts());
    }

    void duplicatesMatchExtraEmails() {
        LeadRepository repo(*m_db);
        Lead a = person();
        QVERIFY(repo.insert(a));
        Lead b;
        b.company = QStringLiteral("別会社");
        b.familyName = QStringLiteral("別人");
        b.email = QStringLiteral("Kohaku.Second@minase-kiln.example"); // a's extra email
        auto found = findDuplicates(*m_db, b);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, a.id);
        QCOMPARE(found->first().reason, DuplicateReason::Email);
        // And the other way round: a lead whose extra email is a stored lead's email.
        QVERIFY(repo.insert(b));
        Lead c;
        c.familyName = QStringLiteral("三人目");
        c.extraContacts = {{ContactKind::Email, QStringLiteral("kohaku@minase-kiln.example"), {}}};
        found = findDuplicates(*m_db, c);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, a.id);
        // The groups list: a and b share an email (b's own, a's extra).
        auto groups = duplicateGroups(*m_db);
        QVERIFY(groups);
        QCOMPARE(groups->size(), 1);
        QCOMPARE(groups->first().leads.size(), 2);
        // A shared office fax names nobody.
        Lead d;
        d.familyName = QStringLiteral("四人目");
        d.extraContacts = {{ContactKind::Fax, QStringLiteral("03-4471-2291"), {}}};
        found = findDuplicates(*m_db, d);
        QVERIFY(found);
        QVERIFY(found->isEmpty());
    }

    void searchFindsAnExtraEmailOrNumber() {
        LeadRepository repo(*m_db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        Lead other;
        other.company = QStringLiteral("無関係株式会社");
        QVERIFY(repo.insert(other));
        LeadQuery query(*m_db);
        for (const QString &search :
             {QStringLiteral("Kohaku.Second@minase-kiln.example"), QStringLiteral("0344712290"),
              QStringLiteral("03-4471-2291")}) {
            LeadFilter f;
            f.search = search;
            auto n = query.count(f);
            QVERIFY(n);
            QVERIFY2(*n == 1, qPrintable(search));
        }
        // The lead's own fields are still found as before.
        LeadFilter f;
        f.search = QStringLiteral("水無瀬");
        QCOMPARE(query.count(f).value(), 1);
    }

    void deleteUndoRestoresThem() {
        LeadRepository repo(*m_db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        auto snap = snapshotLead(*m_db, l.id);
        QVERIFY(snap);
        QVERIFY(deleteLeads(*m_db, {l.id}));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_contacts")), 0);
        QVERIFY(restoreLead(*m_db, *snap));
        QCOMPARE(repo.get(l.id)->extraContacts, threeContacts());
    }

    void eraseRemovesThem() {
        LeadRepository repo(*m_db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        Lead other;
        other.company = QStringLiteral("Other KK");
        other.extraContacts = {{ContactKind::Phone, QStringLiteral("06-1234-5678"), {}}};
        QVERIFY(repo.insert(other));
        // The person is found by an extra email too.
        auto ids = leadsWithEmail(*m_db, QStringLiteral("KOHAKU.SECOND@minase-kiln.example"));
        QVERIFY(ids);
        QCOMPARE(*ids, QList<qint64>{l.id});
        auto r = erase(*m_db, *ids);
        QVERIFY(r);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_contacts")), 1);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_contacts WHERE value LIKE "
                                     "'%4471%'")),
                 0);
        QCOMPARE(repo.get(other.id)->extraContacts.size(), 1);
    }

    void migratesAnOlderFile() {
        // A file at schema 7 gains the table; its leads read back with no extras.
        m_db.reset();
        const QString path = m_dir.filePath(QStringLiteral("v7.mikomi"));
        {
            OpenOptions o;
            o.targetVersion = 7;
            auto old = Database::open(path, o);
            QVERIFY(old);
            // A lead as version 7 stored it.
            QSqlQuery q(QSqlDatabase::database((*old)->connectionName()));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO leads(company, created_at, updated_at) VALUES ('旧株式会社', "
                "'2026-01-01T00:00:00+09:00', '2026-01-01T00:00:00+09:00')")));
        }
        auto db = Database::open(path);
        QVERIFY(db);
        m_db = std::move(db).value();
        QCOMPARE(m_db->schemaVersion(), currentSchemaVersion());
        Lead l = LeadRepository(*m_db).get(1).value();
        QCOMPARE(l.company, QStringLiteral("旧株式会社"));
        QVERIFY(l.extraContacts.isEmpty());
        l.extraContacts = threeContacts();
        QVERIFY(LeadRepository(*m_db).update(l));
        QCOMPARE(LeadRepository(*m_db).get(1)->extraContacts, threeContacts());
    }

    void contactHelpers() {
        Lead l;
        l.email = QStringLiteral("a@example.com");
        l.phone = QStringLiteral("03-1234-5678");
        const int added =
            addContacts(l,
                        {{ContactKind::Email, QStringLiteral("A@EXAMPLE.COM"), {}},
                         {ContactKind::Phone, QStringLiteral("0312345678"), {}},
                         {ContactKind::Email, QStringLiteral("b@example.com"), QStringLiteral("x")},
                         {ContactKind::Email, QStringLiteral("b@example.com"), QStringLiteral("y")},
                         {ContactKind::Fax, QString(), {}}},
                        QStringLiteral("JP"));
        QCOMPARE(added, 1);
        QCOMPARE(l.extraContacts.size(), 1);
        QCOMPARE(l.extraContacts.first().label, QStringLiteral("x"));
        QCOMPARE(services::contactColumnName(ContactKind::Email, 1, false),
                 QStringLiteral("email2"));
        QCOMPARE(services::contactColumnName(ContactKind::Fax, 1, true),
                 QStringLiteral("fax_label"));
        QCOMPARE(services::contactColumnName(ContactKind::Fax, 2, false), QStringLiteral("fax2"));
        for (const char *h :
             {"email2", "Email2_Label", "ＦＡＸ", "fax_label", "phone 3", "mobile2"})
            QVERIFY2(services::isContactColumn(QString::fromUtf8(h)), h);
        for (const char *h : {"email", "phone", "mobile", "email_label", "faxes", "tel2"})
            QVERIFY2(!services::isContactColumn(QString::fromUtf8(h)), h);
    }
};

QTEST_MAIN(TestExtraContacts)
#include "tst_extracontacts.moc"
