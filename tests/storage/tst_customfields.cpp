#include "models/io/headermap.h"
#include "models/services/exporter.h"
#include "models/services/importer.h"
#include "models/services/personexport.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/privacy.h"
#include "models/storage/repositories.h"
#include "models/storage/schema.h"

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

// Custom fields (issue 12: "an unmapped column can be kept in notes or a custom field the user
// names"): Lead::customFields is stored (lead_custom_fields, schema v12) wherever a whole lead is
// written or read, filled by `--map "HEADER=custom:NAME"`, written by the CSV export as
// "custom:NAME" columns that import back by themselves, kept by merges and undo, in the person
// export and gone with an erased person. The HubSpot file is tests/import/data/layouts/hubspot.csv
// (its README says where the layout was learned); all people are made up.
class TestCustomFields final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_files = 0;

    static QList<CustomField> twoFields() {
        return {{QStringLiteral("Industry"), QStringLiteral("窯業")},
                {QStringLiteral("展示会ブース"), QStringLiteral("B-12\n2日目に来訪")}};
    }

    static Lead person() {
        Lead l;
        l.company = QStringLiteral("株式会社水無瀬窯業");
        l.familyName = QStringLiteral("水無瀬");
        l.givenName = QStringLiteral("琥珀");
        l.email = QStringLiteral("kohaku@minase-kiln.example");
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        l.updatedAt = l.createdAt;
        l.customFields = twoFields();
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
                                           QList<std::pair<QString, QString>> rules = {},
                                           services::OnMatch onMatch = services::OnMatch::Merge) {
        services::ImportOptions o;
        o.path = path;
        o.onMatch = onMatch;
        o.columnRules = std::move(rules);
        o.followUpDays = 0;
        o.now = QDateTime(QDate(2026, 5, 1), QTime(12, 0));
        return services::runImport(*m_db, o);
    }

    QList<Lead> allLeads() const {
        QList<Lead> out;
        if (!LeadRepository(*m_db).forEach({}, [&out](Lead &&l) {
                out << l;
                return true;
            }))
            qFatal("forEach failed");
        return out;
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
        QCOMPARE(repo.get(l.id)->customFields, twoFields());
        // A save is the whole lead: a removed field is gone, a new one is there.
        l.customFields = {{QStringLiteral("Budget"), QStringLiteral("未定")}};
        QVERIFY(repo.update(l));
        QCOMPARE(repo.get(l.id)->customFields, l.customFields);
        QCOMPARE(allLeads().first().customFields, l.customFields);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_custom_fields")), 1);
    }

    // --map "HEADER=custom:NAME" keeps the HubSpot file's Record ID in a field of its own instead
    // of the notes; a name is required; an unknown header is an error naming it.
    void importKeepsAColumnInACustomField() {
        const QString hubspot = QStringLiteral(MIKOMI_LAYOUTS "/hubspot.csv");
        QVERIFY(QFile::exists(hubspot));
        auto s =
            import(hubspot, {{QStringLiteral("Record ID"), QStringLiteral("custom:HubSpot ID")},
                             {QStringLiteral("Lead Status"), QStringLiteral("custom:Status")}});
        QVERIFY2(s, qPrintable(s ? QString() : s.error()));
        QCOMPARE(s->created, 1);
        const Lead l = allLeads().first();
        QCOMPARE(l.customFields,
                 (QList<CustomField>{{QStringLiteral("HubSpot ID"), QStringLiteral("5001")},
                                     {QStringLiteral("Status"), QStringLiteral("In Progress")}}));
        QVERIFY2(!l.notes.contains(QStringLiteral("5001")), qPrintable(l.notes));
        for (const auto &c : s->notImported)
            QVERIFY(c.header != QLatin1String("Record ID"));
        QVERIFY(!import(hubspot, {{QStringLiteral("Record ID"), QStringLiteral("custom:")}}));
        QVERIFY(!import(hubspot, {{QStringLiteral("No such"), QStringLiteral("custom:X")}}));
    }

    // The export writes a "custom:NAME" column per name any lead has; importing that file into an
    // empty database brings every field back, no --map needed. A re-import with update takes the
    // newer value and lists the change; merge only fills.
    void csvExportImportsBack() {
        LeadRepository repo(*m_db);
        Lead a = person();
        QVERIFY(repo.insert(a));
        Lead b;
        b.company = QStringLiteral("Larkspur Optics LLC");
        b.familyName = QStringLiteral("Vance");
        b.email = QStringLiteral("ivy.vance@larkspur.example");
        b.customFields = {{QStringLiteral("industry"), QStringLiteral("Optics")}};
        QVERIFY(repo.insert(b));
        services::ExportOptions o;
        o.path = m_dir.filePath(QStringLiteral("out.csv"));
        auto ex = services::exportLeads(*m_db, o);
        QVERIFY(ex);
        QCOMPARE(ex->written, 2);
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString header = QString::fromUtf8(f.readLine()).trimmed();
        QVERIFY2(header.endsWith(QStringLiteral(",custom:Industry,custom:展示会ブース")),
                 qPrintable(header));
        f.close();

        m_db.reset();
        m_db = Database::open(m_dir.filePath(QStringLiteral("back.mikomi"))).value();
        auto s = import(o.path);
        QVERIFY(s);
        QCOMPARE(s->created, 2);
        QCOMPARE(s->rejected, 0);
        QVERIFY(s->notImported.isEmpty());
        QList<Lead> back = allLeads();
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).customFields, twoFields());
        QCOMPARE(back.at(1).customFields,
                 (QList<CustomField>{{QStringLiteral("Industry"), QStringLiteral("Optics")}}));

        // A newer file: merge fills nothing that is set, update takes the new value.
        const QString newer = writeFile("email,custom:Industry,custom:Budget\r\n"
                                        "kohaku@minase-kiln.example,Ceramics,500万円\r\n");
        s = import(newer);
        QVERIFY(s);
        QCOMPARE(s->merged, 1);
        Lead m = LeadRepository(*m_db).get(back.at(0).id).value();
        QCOMPARE(m.customFields.at(0).value, QStringLiteral("窯業"));
        QCOMPARE(m.customFields.at(2),
                 (CustomField{QStringLiteral("Budget"), QStringLiteral("500万円")}));
        s = import(newer, {}, services::OnMatch::Update);
        QVERIFY(s);
        m = LeadRepository(*m_db).get(back.at(0).id).value();
        QCOMPARE(m.customFields.at(0).value, QStringLiteral("Ceramics"));
        bool listed = false;
        for (const services::FieldChange &c : s->changes)
            listed = listed || (c.field == QLatin1String("custom:Industry") &&
                                c.before == QStringLiteral("窯業"));
        QVERIFY(listed);
    }

    void personExportAndEraseThem() {
        LeadRepository repo(*m_db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        Lead other;
        other.company = QStringLiteral("Other KK");
        other.customFields = {{QStringLiteral("Industry"), QStringLiteral("Retail")}};
        QVERIFY(repo.insert(other));
        auto json = services::exportPerson(*m_db, {l.id}, services::PersonExportFormat::Json);
        QVERIFY(json);
        const QJsonArray custom = QJsonDocument::fromJson(*json)
                                      .object()
                                      .value(QStringLiteral("people"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QStringLiteral("lead"))
                                      .toObject()
                                      .value(QStringLiteral("custom_fields"))
                                      .toArray();
        QCOMPARE(custom.size(), 2);
        QCOMPARE(custom.at(1).toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("B-12\n2日目に来訪"));
        QVERIFY(erase(*m_db, {l.id}));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_custom_fields")), 1);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_custom_fields WHERE value LIKE "
                                     "'%B-12%'")),
                 0);
        QCOMPARE(repo.get(other.id)->customFields, other.customFields);
    }

    void deleteUndoRestoresThem() {
        LeadRepository repo(*m_db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        auto snap = snapshotLead(*m_db, l.id);
        QVERIFY(snap);
        QVERIFY(deleteLeads(*m_db, {l.id}));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM lead_custom_fields")), 0);
        QVERIFY(restoreLead(*m_db, *snap));
        QCOMPARE(repo.get(l.id)->customFields, twoFields());
    }

    // Merging two duplicates keeps every field of both (a differing value beside the kept one's);
    // undo gives each its own back.
    void mergeKeepsBothAndUndoRestores() {
        LeadRepository repo(*m_db);
        Lead keep = person();
        Lead other;
        other.company = keep.company;
        other.familyName = keep.familyName;
        other.givenName = keep.givenName;
        other.customFields = {{QStringLiteral("industry"), QStringLiteral("セラミックス")},
                              {QStringLiteral("Budget"), QStringLiteral("未定")}};
        QVERIFY(repo.insert(keep));
        QVERIFY(repo.insert(other));
        const auto snapshot = snapshotLead(*m_db, other.id);
        QVERIFY(snapshot);
        QVERIFY(mergeLeads(*m_db, keep.id, other.id));
        QList<CustomField> expected = twoFields();
        expected[0].value = QStringLiteral("窯業\nセラミックス");
        expected << CustomField{QStringLiteral("Budget"), QStringLiteral("未定")};
        QCOMPARE(repo.get(keep.id)->customFields, expected);
        QVERIFY(restoreLead(*m_db, *snapshot));
        keep.version = 0; // as MergeLeadsCommand's undo: over the merge's version
        QVERIFY(repo.update(keep));
        QCOMPARE(repo.get(other.id)->customFields, other.customFields);
        QCOMPARE(repo.get(keep.id)->customFields, twoFields());
    }

    void helpers() {
        io::HeaderMap map = io::mapLeadHeaders(
            {QStringLiteral("email"), QStringLiteral("Custom:Region "), QStringLiteral("Tier")});
        QCOMPARE(map.role(1), io::ColumnRole::Custom);
        QCOMPARE(map.columnCustomName.at(1), QStringLiteral("Region"));
        QVERIFY(io::applyColumnRule(map, QStringLiteral("tier"), QStringLiteral("custom:Tier A")));
        QCOMPARE(map.role(2), io::ColumnRole::Custom);
        QCOMPARE(map.columnCustomName.at(2), QStringLiteral("Tier A"));
        QVERIFY(io::applyColumnRule(map, QStringLiteral("Tier"), QStringLiteral("notes")));
        QCOMPARE(map.columnCustomName.at(2), QString());

        Lead l;
        l.customFields = {{QStringLiteral("A"), QStringLiteral("1")},
                          {QStringLiteral("a "), QStringLiteral("2")}};
        QVERIFY(!customFieldProblem(l).isEmpty());
        l.customFields = {{QString(), QStringLiteral("orphan")}};
        QVERIFY(!customFieldProblem(l).isEmpty());
        l.customFields = {{QStringLiteral("A"), QStringLiteral("1")}};
        QVERIFY(customFieldProblem(l).isEmpty());
        QCOMPARE(addCustomFields(l, {{QStringLiteral("a"), QStringLiteral("2")}},
                                 CustomFieldMerge::Keep),
                 0);
        QCOMPARE(addCustomFields(l, {{QStringLiteral("a"), QStringLiteral("2")}},
                                 CustomFieldMerge::Overwrite),
                 1);
        QCOMPARE(l.customFields.first().value, QStringLiteral("2"));
    }

    void migratesAnOlderFile() {
        m_db.reset();
        const QString path = m_dir.filePath(QStringLiteral("v11.mikomi"));
        {
            OpenOptions o;
            o.targetVersion = 11;
            auto old = Database::open(path, o);
            QVERIFY(old);
            // A lead as version 11 stored it.
            QSqlQuery q(QSqlDatabase::database((*old)->connectionName()));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO leads(company, created_at, updated_at) VALUES ('旧株式会社', "
                "'2026-01-01T00:00:00+09:00', '2026-01-01T00:00:00+09:00')")));
        }
        m_db = Database::open(path).value();
        QCOMPARE(m_db->schemaVersion(), currentSchemaVersion());
        Lead l = LeadRepository(*m_db).get(1).value();
        QVERIFY(l.customFields.isEmpty());
        l.customFields = twoFields();
        QVERIFY(LeadRepository(*m_db).update(l));
        QCOMPARE(LeadRepository(*m_db).get(1)->customFields, twoFields());
    }
};

QTEST_GUILESS_MAIN(TestCustomFields)
#include "tst_customfields.moc"
