// Owners given as email addresses (issue 12): HubSpot's "Contact owner" and Zoho's "Lead Owner"
// may hold "rep@example.com" instead of a name. A user whose email address is that one (folded
// like the leads' emails) is assigned; an address no user has is kept as written and listed in
// the summary, never dropped; a name matches by name as before. The layouts are those of
// tests/import/data/layouts (README.md there says where each was learned).

#include "models/services/importer.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/schema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::services;

namespace {

QString data(const char *name) {
    return QStringLiteral(MIKOMI_TEST_DATA "/layouts/") + QLatin1String(name);
}

const QString kHubSpotOwner = QStringLiteral("hana.sato@mikomi-demo.example");

} // namespace

class TestOwnerEmails final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<storage::Database> freshDb() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("o%1.mikomi").arg(++m_n)));
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        return std::move(db).value();
    }

    static ImportSummary import(storage::Database &db, const QString &path,
                                std::optional<dates::DateOrder> order = {}) {
        ImportOptions o;
        o.path = path;
        o.now = QDateTime(QDate(2026, 5, 1), QTime(12, 0));
        o.user = QStringLiteral("tester");
        o.dateOrder = order;
        auto s = runImport(db, o);
        if (!s)
            qFatal("%s", qPrintable(s.error()));
        return *s;
    }

    static QStringList owners(storage::Database &db) {
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        q.exec(QStringLiteral(
            "SELECT coalesce(u.name, '') FROM leads l LEFT JOIN users u ON u.id = l.owner_id "
            "ORDER BY l.id"));
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    static QStringList userNames(storage::Database &db) {
        QStringList out;
        const QList<User> users = storage::UserRepository(db).list().value();
        for (const User &u : users)
            out << u.name;
        return out;
    }

    static qint64 makeUser(storage::Database &db, const QString &name, const QString &email) {
        storage::UserRepository users(db);
        const qint64 id = users.resolve(name).value();
        if (Status st = users.setEmail(id, email); !st)
            qFatal("%s", qPrintable(st.error()));
        return id;
    }

private slots:
    // The address in HubSpot's "Contact owner" is Hana Sato's (written in another case): the
    // lead is hers, no user named after the address appears, and the summary lists nothing.
    // Zoho's "Lead Owner" names her: the same user, by name.
    void anEmailAUserHasAssignsThatUser() {
        auto db = freshDb();
        makeUser(*db, QStringLiteral("Hana Sato"), QStringLiteral("Hana.Sato@Mikomi-Demo.EXAMPLE"));
        const ImportSummary s = import(*db, data("hubspot.csv"));
        QCOMPARE(s.rejected, 0);
        QCOMPARE(s.created, 1);
        QCOMPARE(owners(*db), QStringList{QStringLiteral("Hana Sato")});
        QVERIFY(s.ownerEmails.isEmpty());
        QVERIFY(!summaryLines(s).join(u'\n').contains(kHubSpotOwner));
        const ImportSummary z = import(*db, data("zoho.csv"), dates::DateOrder::Dmy);
        QCOMPARE(z.created, 2);
        QCOMPARE(owners(*db), QStringList(3, QStringLiteral("Hana Sato")));
        QCOMPARE(userNames(*db), QStringList{QStringLiteral("Hana Sato")});
    }

    // Re-importing an export whose owner is an address updates a lead that a name-owner had:
    // update takes the user the address names, not the address itself.
    void updateAssignsTheUserOfTheAddress() {
        auto db = freshDb();
        makeUser(*db, QStringLiteral("Hana Sato"), kHubSpotOwner);
        import(*db, data("hubspot.csv"));
        ImportOptions o;
        o.path = data("hubspot.csv");
        o.onMatch = OnMatch::Update;
        auto s = runImport(*db, o);
        QVERIFY(s);
        QCOMPARE(s->updated, 1);
        QCOMPARE(owners(*db), QStringList{QStringLiteral("Hana Sato")});
    }

    // No user has the address: kept as written (the owner is the address) and listed.
    void anEmailNobodyHasIsKeptAndListed() {
        auto db = freshDb();
        makeUser(*db, QStringLiteral("Hana Sato"), QStringLiteral("hana@elsewhere.example"));
        const ImportSummary s = import(*db, data("hubspot.csv"));
        QCOMPARE(s.created, 1);
        QCOMPARE(owners(*db), QStringList{kHubSpotOwner});
        QCOMPARE(s.ownerEmails, QStringList{kHubSpotOwner});
        QVERIFY(summaryLines(s).join(u'\n').contains(kHubSpotOwner));
    }

    // A dry run says the same as the import.
    void dryRunAssignsToo() {
        auto db = freshDb();
        makeUser(*db, QStringLiteral("Hana Sato"), kHubSpotOwner);
        ImportOptions o;
        o.path = data("hubspot.csv");
        o.dryRun = true;
        auto s = runImport(*db, o);
        QVERIFY(s);
        QCOMPARE(s->created, 1);
        QVERIFY(s->ownerEmails.isEmpty());
        QVERIFY(owners(*db).isEmpty());
    }

    // Setting addresses: folded like the leads' emails (case, full width), unique among users,
    // checked, clearable; two users can swap theirs in one call.
    void emailsAreUniqueAndChecked() {
        auto db = freshDb();
        storage::UserRepository users(*db);
        const qint64 hana = makeUser(*db, QStringLiteral("Hana Sato"), kHubSpotOwner);
        const qint64 ken = users.resolve(QStringLiteral("Ken Ito")).value();
        Status dup = users.setEmail(ken, QStringLiteral("ＨＡＮＡ.SATO@mikomi-demo.example"));
        QVERIFY(!dup);
        QVERIFY2(dup.error().contains(QStringLiteral("Hana Sato")), qPrintable(dup.error()));
        QVERIFY(!users.setEmail(ken, QStringLiteral("not an address")));
        QVERIFY(users.setEmail(ken, QStringLiteral(" ken@mikomi-demo.example ")));
        QCOMPARE(users.nameForEmail(QStringLiteral("KEN@mikomi-demo.example")).value(),
                 QStringLiteral("Ken Ito"));
        // A failed batch changes nothing.
        QVERIFY(!users.setEmails({{hana, QStringLiteral("x@mikomi-demo.example")},
                                  {ken, QStringLiteral("x@mikomi-demo.example")}}));
        QCOMPARE(users.nameForEmail(kHubSpotOwner).value(), QStringLiteral("Hana Sato"));
        QVERIFY(users.setEmails(
            {{hana, QStringLiteral("ken@mikomi-demo.example")}, {ken, kHubSpotOwner}}));
        QCOMPARE(users.nameForEmail(kHubSpotOwner).value(), QStringLiteral("Ken Ito"));
        QVERIFY(users.setEmail(ken, QString()));
        QCOMPARE(users.nameForEmail(kHubSpotOwner).value(), QString());
        const QList<User> all = users.list().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).email, QStringLiteral("ken@mikomi-demo.example")); // Hana Sato
        QCOMPARE(all.at(1).email, QString());
    }

    // A file of schema 11 gains the column; its users keep their names and have no address.
    void migratesAnOlderFile() {
        const QString path = m_dir.filePath(QStringLiteral("v11.mikomi"));
        {
            storage::OpenOptions o;
            o.targetVersion = 11;
            auto old = storage::Database::open(path, o);
            QVERIFY(old);
            QVERIFY(storage::UserRepository(**old).resolve(QStringLiteral("Hana Sato")));
        }
        auto db = storage::Database::open(path);
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), storage::currentSchemaVersion());
        const QList<User> all = storage::UserRepository(**db).list().value();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().email, QString());
        QVERIFY(storage::UserRepository(**db).setEmail(all.first().id, kHubSpotOwner));
        import(**db, data("hubspot.csv"));
        QCOMPARE(owners(**db), QStringList{QStringLiteral("Hana Sato")});
    }
};

QTEST_GUILESS_MAIN(TestOwnerEmails)
#include "tst_owneremails.moc"
