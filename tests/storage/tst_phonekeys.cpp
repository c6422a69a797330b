// Phone numbers in the database (issue 12): the country of a database (countrystore.h), the
// phone_key/mobile_key columns in E.164, duplicates matched across the ways a number is written,
// and the migration that recomputes the keys of a file made by an older version.

#include "models/storage/countrystore.h"
#include "models/storage/currencystore.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/leadquery.h"
#include "models/storage/repositories.h"
#include "models/storage/searchindex.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

// The schema version that turned the phone keys into E.164 (migration_v9.cpp).
constexpr int kPhoneKeysVersion = 11;

QString sqlValue(const Database &db, const QString &sql, const QVariantList &binds = {}) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).toString();
}

bool run(const Database &db, const QString &sql, const QVariantList &binds = {}) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("%s", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// A lead as an older version wrote it: its keys computed by the old rule (digits, "+81" → 0).
qint64 insertOldLead(const Database &db, const QString &family, const QString &phone,
                     const QString &phoneKey, const QString &mobile, const QString &mobileKey) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.prepare(QStringLiteral("INSERT INTO leads(family_name, person_key, phone, phone_key, mobile, "
                             "mobile_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                             "'2026-04-01T09:00:00+09:00', '2026-04-01T09:00:00+09:00')"));
    for (const QString &v : {family, family.toLower(), phone, phoneKey, mobile, mobileKey})
        q.addBindValue(v.isNull() ? QStringLiteral("") : v);
    if (!q.exec()) {
        qWarning("%s", qPrintable(q.lastError().text()));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

Lead person(const QString &family, const QString &phone, const QString &mobile = {}) {
    Lead l;
    l.familyName = family;
    l.phone = phone;
    l.mobile = mobile;
    return l;
}

qint64 found(Database &db, const QString &search) {
    LeadFilter f;
    f.search = search;
    auto n = LeadQuery(db).count(f);
    return n ? *n : -1;
}

} // namespace

class TestPhoneKeys final : public QObject {
    Q_OBJECT
private slots:
    void countryFollowsCurrencyUntilSet() {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("c.mikomi")));
        QVERIFY(db.ok());
        QCOMPARE(*storedCountry(**db), std::optional<QString>());
        QCOMPARE(*phoneRegion(**db), QStringLiteral("JP")); // nothing stored: Mikomi's default
        QCOMPARE(*adoptCurrency(**db, Currency::USD), Currency::USD);
        QCOMPARE(*phoneRegion(**db), QStringLiteral("US")); // a dollar database
        QVERIFY(changeCountry(**db, QStringLiteral("GB")).ok());
        QCOMPARE(*phoneRegion(**db), QStringLiteral("GB"));
        QCOMPARE(*storedCountry(**db), std::optional<QString>(QStringLiteral("GB")));
        const Status bad = changeCountry(**db, QStringLiteral("XX"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QStringLiteral("XX")), qPrintable(bad.error()));
        QCOMPARE(*phoneRegion(**db), QStringLiteral("GB"));
        QCOMPARE(countryForCurrency(Currency::JPY), QStringLiteral("JP"));
        QCOMPARE(countryForCurrency(Currency::USD), QStringLiteral("US"));
    }

    void keysAreE164() {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("k.mikomi")));
        QVERIFY(db.ok());
        LeadRepository leads(**db);
        Lead tokyo = person(QStringLiteral("山田"), QStringLiteral("03-1234-5678"),
                            QStringLiteral("090-1234-5678 内線 12"));
        auto id = leads.insert(tokyo);
        QVERIFY(id.ok());
        QCOMPARE(sqlValue(**db, QStringLiteral("SELECT phone_key FROM leads WHERE id = ?"), {*id}),
                 QStringLiteral("+81312345678"));
        QCOMPARE(sqlValue(**db, QStringLiteral("SELECT mobile_key FROM leads WHERE id = ?"), {*id}),
                 QStringLiteral("+819012345678"));
        // The number is kept as written.
        QCOMPARE(leads.get(*id)->mobile, QStringLiteral("090-1234-5678 内線 12"));
        // In an American database, a number without +1 is American.
        QVERIFY(changeCountry(**db, QStringLiteral("US")).ok());
        Lead ny = person(QStringLiteral("Smith"), QStringLiteral("(212) 555-0188"));
        auto ny_id = leads.insert(ny);
        QVERIFY(ny_id.ok());
        QCOMPARE(
            sqlValue(**db, QStringLiteral("SELECT phone_key FROM leads WHERE id = ?"), {*ny_id}),
            QStringLiteral("+12125550188"));
        // The search finds a number as it is dialled at home, though the key is E.164.
        QCOMPARE(found(**db, QStringLiteral("03-1234-5678")), 1);
        QCOMPARE(found(**db, QStringLiteral("０９０－１２３４")), 1);
        QCOMPARE(found(**db, QStringLiteral("212-555-0188")), 1);
    }

    void duplicatesAcrossFormats() {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("d.mikomi")));
        QVERIFY(db.ok());
        LeadRepository leads(**db);
        Lead typed = person(QStringLiteral("山田"), QString(), QStringLiteral("090-1234-5678"));
        auto jp = leads.insert(typed);
        QVERIFY(jp.ok());
        // Imported in international form, as the phone's own address book writes it.
        auto m = findDuplicates(
            **db, person(QStringLiteral("Yamada"), QStringLiteral("+81 90 1234 5678")));
        QVERIFY(m.ok());
        QCOMPARE(m->size(), 1);
        QCOMPARE(m->first().id, *jp);
        QCOMPARE(m->first().reason, DuplicateReason::Phone);

        QVERIFY(changeCountry(**db, QStringLiteral("US")).ok());
        Lead us = person(QStringLiteral("Smith"), QStringLiteral("(212) 555-0188"));
        auto usId = leads.insert(us);
        QVERIFY(usId.ok());
        for (const char *written : {"+1 212 555 0188", "212.555.0188 ext. 7", "1-212-555-0188"}) {
            auto d =
                findDuplicates(**db, person(QStringLiteral("Smyth"), QString::fromUtf8(written)));
            QVERIFY(d.ok());
            QCOMPARE(d->size(), 1);
            QCOMPARE(d->first().id, *usId);
        }
        // The groups of the duplicates page pair them too.
        Lead again = person(QStringLiteral("Smith"), QStringLiteral("+1 (212) 555-0188"));
        QVERIFY(leads.insert(again).ok());
        auto groups = duplicateGroups(**db);
        QVERIFY(groups.ok());
        bool paired = false;
        for (const DuplicateGroup &g : *groups)
            paired = paired || (g.reason == DuplicateReason::Phone && g.leads.size() == 2 &&
                                g.leads.first().id == *usId);
        QVERIFY(paired);
    }

    void migrationRecomputesKeys() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.mikomi"));
        qint64 tokyo = 0, us = 0, junk = 0;
        {
            OpenOptions old;
            old.targetVersion = kPhoneKeysVersion - 1;
            auto db = Database::open(path, old);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
            tokyo = insertOldLead(**db, QStringLiteral("山田"), QStringLiteral("03-1234-5678"),
                                  QStringLiteral("0312345678"), QStringLiteral("+81 90 1234 5678"),
                                  QStringLiteral("09012345678"));
            us = insertOldLead(**db, QStringLiteral("Smith"), QStringLiteral("+1 415 555 0100"),
                               QStringLiteral("+14155550100"), QString(), QString());
            junk = insertOldLead(**db, QStringLiteral("佐藤"), QStringLiteral("12-34"),
                                 QStringLiteral("1234"), QString(), QString());
            QVERIFY(tokyo > 0 && us > 0 && junk > 0);
            QCOMPARE(found(**db, QStringLiteral("03-1234-5678")), 1);
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        const auto key = [&](const char *col, qint64 id) {
            return sqlValue(
                **db, QStringLiteral("SELECT %1 FROM leads WHERE id = ?").arg(QLatin1String(col)),
                {id});
        };
        QCOMPARE(key("phone_key", tokyo), QStringLiteral("+81312345678"));
        QCOMPARE(key("mobile_key", tokyo), QStringLiteral("+819012345678"));
        QCOMPARE(key("phone_key", us), QStringLiteral("+14155550100"));
        QCOMPARE(key("phone_key", junk), QStringLiteral("1234"));      // not a number: digits, kept
        QCOMPARE(key("phone", tokyo), QStringLiteral("03-1234-5678")); // as written
        // The country the keys were computed in is kept with them.
        QCOMPARE(*storedCountry(**db), std::optional<QString>(QStringLiteral("JP")));
        // The search still finds every lead by its number, before and after the background
        // indexer has caught up, and the index is consistent.
        QCOMPARE(found(**db, QStringLiteral("03-1234-5678")), 1);
        QCOMPARE(found(**db, QStringLiteral("415 555 0100")), 1);
        auto done = SearchIndex(**db).catchUp();
        QVERIFY(done.ok() && *done);
        QCOMPARE(found(**db, QStringLiteral("03-1234-5678")), 1);
        QCOMPARE(found(**db, QStringLiteral("090-1234-5678")), 1);
        QCOMPARE(found(**db, QStringLiteral("山田")), 1);
        QVERIFY(
            run(**db, QStringLiteral(
                          "INSERT INTO leads_fts(leads_fts, rank) VALUES ('integrity-check', 1)")));
        QVERIFY((*db)->integrityOk());
        // A lead typed today as 090-1234-5678 is the migrated one.
        auto m =
            findDuplicates(**db, person(QStringLiteral("山田"), QStringLiteral("090-1234-5678")));
        QVERIFY(m.ok());
        QCOMPARE(m->size(), 1);
        QCOMPARE(m->first().id, tokyo);
    }

    void migrationUsesTheCurrencysCountry() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("usd.mikomi"));
        qint64 id = 0;
        {
            OpenOptions old;
            old.targetVersion = kPhoneKeysVersion - 1;
            auto db = Database::open(path, old);
            QVERIFY(db.ok());
            QVERIFY(run(**db, QStringLiteral("INSERT INTO settings(key, value) VALUES "
                                             "('currency', 'USD')")));
            id = insertOldLead(**db, QStringLiteral("Smith"), QStringLiteral("+1 (212) 555-0188"),
                               QStringLiteral("+12125550188"), QStringLiteral("+1 415-555-0110"),
                               QStringLiteral("+14155550110"));
            QVERIFY(id > 0);
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(*storedCountry(**db), std::optional<QString>()); // no key changed: nothing pinned
        QCOMPARE(*phoneRegion(**db), QStringLiteral("US"));
        auto m =
            findDuplicates(**db, person(QStringLiteral("Smith"), QStringLiteral("(212) 555-0188")));
        QVERIFY(m.ok());
        QCOMPARE(m->size(), 1);
        QCOMPARE(m->first().id, id);
    }
};

QTEST_GUILESS_MAIN(TestPhoneKeys)
#include "tst_phonekeys.moc"
