#include "models/services/demowriter.h"
#include "models/services/personexport.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/leadimages.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/privacy.h"
#include "models/storage/repositories.h"
#include "models/storage/schema.h"
#include "models/storage/searchindex.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

// --- FTS5 leaf pages (sqlite/ext/fts5/fts5_index.c), to see what the search index still holds.
// leads_fts_data rows: id 1 = averages, 10 = structure; others are pages, id = segid << 37 |
// dlidx << 36 | height << 31 | pgno. A leaf page: u16 offset of its first rowid, u16 size of
// the page without its footer; then terms with their doclists; the footer lists the terms'
// offsets as varints (delta-coded). The first term on a page is "varint size, bytes", the others
// "varint shared-prefix size, varint suffix size, suffix bytes". Each term starts with '0' (the
// main index). Deleted rows are only tombstones in newer segments until segments are merged, so a
// term found here is text of a row the index still holds or held.

qint64 varint(const QByteArray &b, qsizetype &i) {
    quint64 v = 0;
    for (int n = 0; n < 9 && i < b.size(); ++n) {
        const auto c = quint8(b.at(i++));
        if (n == 8)
            return qint64((v << 8) | c);
        v = (v << 7) | (c & 0x7f);
        if (!(c & 0x80))
            break;
    }
    return qint64(v);
}

QSet<QByteArray> leafTerms(const QByteArray &page) {
    QSet<QByteArray> terms;
    if (page.size() < 4)
        return terms;
    const int footer = (quint8(page.at(2)) << 8) | quint8(page.at(3));
    qsizetype i = footer;
    qint64 offset = 0;
    QByteArray term;
    bool first = true;
    while (i < page.size()) {
        offset += varint(page, i);
        qsizetype p = offset;
        if (p <= 0 || p >= footer)
            break;
        qint64 prefix = 0;
        if (!first)
            prefix = varint(page, p);
        const qint64 n = varint(page, p);
        if (prefix > term.size() || n < 0 || p + n > footer)
            break;
        term = term.left(prefix) + page.mid(p, n);
        first = false;
        terms.insert(term);
    }
    return terms;
}

// Every term on every leaf page of the lead search index (segments and tombstones alike).
QSet<QByteArray> indexTerms(const Database &db) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QSet<QByteArray> terms;
    if (!q.exec(QStringLiteral("SELECT id, block FROM leads_fts_data WHERE id > 10")))
        return terms;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const bool leaf = ((id >> 31) & 0x3f) == 0; // height 0, not a doclist index
        if (leaf)
            terms.unite(leafTerms(q.value(1).toByteArray()));
    }
    return terms;
}

// The trigrams of a text, as the index stores them ('0' + three characters, UTF-8).
QSet<QByteArray> trigrams(const QString &text) {
    QSet<QByteArray> out;
    const QList<uint> cps = text.toLower().toUcs4();
    for (qsizetype i = 0; i + 3 <= cps.size(); ++i)
        out.insert('0' +
                   QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[i]), 3).toUtf8());
    return out;
}

QString scalar(const Database &db, const QString &sql, const QVariantList &binds = {}) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool run(const Database &db, const QString &sql) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    return q.exec(sql);
}

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPrivacy final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Distinctive values: no demo lead has them.
    static Lead person() {
        Lead l;
        l.company = QStringLiteral("株式会社轟木ジルコン研究所");
        l.familyName = QStringLiteral("轟木");
        l.givenName = QStringLiteral("瑠璃音");
        l.familyReading = QStringLiteral("トドロキ");
        l.givenReading = QStringLiteral("ルリネ");
        l.email = QStringLiteral("rurine.todoroki@zirkon-qx.example");
        l.phone = QStringLiteral("03-9187-4602");
        l.mobile = QStringLiteral("080-7361-2954");
        l.street = QStringLiteral("緑ヶ丘9-8-7");
        l.notes = QStringLiteral("Quokkafenster note");
        l.source = QStringLiteral("展示会");
        l.owner = QStringLiteral("鈴木 花子");
        l.consentAt = QDate(2026, 3, 14);
        l.consentBasis = ConsentBasis::Consent;
        return l;
    }

    // The identifiers that must be gone, as text in the file (UTF-8).
    static QList<QByteArray> needles() {
        return {"rurine.todoroki@zirkon-qx.example",
                "03-9187-4602",
                "0391874602",
                "080-7361-2954",
                "08073612954",
                "轟木",
                "瑠璃音",
                "ルリネ",
                "るりね",
                "ジルコン",
                "緑ヶ丘9-8-7",
                "Quokkafenster",
                "Wombatmeeting",
                "+81391874602",
                "03-5550-1234"};
    }

    struct Setup {
        std::unique_ptr<Database> db;
        qint64 id = 0;
        QSet<QByteArray> ownTrigrams; // trigrams of the person's search text no other lead has
    };

    // A 300-lead file whose search index was built by SearchIndex::catchUp (as the window's
    // SearchIndexer does), then the person with history, a touchpoint, an activity and a task,
    // edited once, then more leads. secure_delete off while filling, as in Qt's own SQLite
    // (Windows, macOS): freed bytes are left where they were.
    Setup fill(const QString &name) {
        Setup s;
        auto db = Database::open(m_dir.filePath(name));
        if (!db)
            qFatal("open: %s", qPrintable(db.error()));
        s.db = std::move(db).value();
        Database &d = *s.db;
        if (!run(d, QStringLiteral("PRAGMA secure_delete = OFF")))
            qFatal("secure_delete");
        if (!services::writeDemo(d, 300, 7, QDate(2026, 6, 1)))
            qFatal("demo");
        if (auto r = SearchIndex(d).catchUp(); !r || !*r)
            qFatal("catchUp");
        LeadRepository repo(d);
        Lead l = person();
        l.phone = QStringLiteral("03-5550-1234"); // changed below: the old number must go too
        auto id = repo.insert(l, QStringLiteral("鈴木 花子"));
        if (!id)
            qFatal("insert: %s", qPrintable(id.error()));
        s.id = *id;
        l.phone = person().phone;
        if (!repo.update(l))
            qFatal("update");
        const QDateTime t(QDate(2026, 4, 1), QTime(10, 0), QTimeZone(9 * 3600));
        Touchpoint tp;
        tp.leadId = s.id;
        tp.occurredAt = t;
        tp.source = QStringLiteral("展示会");
        tp.campaign = QStringLiteral("Quokkafenster campaign");
        if (!repo.addTouchpoint(tp))
            qFatal("touchpoint");
        Activity a;
        a.leadId = s.id;
        a.kind = ActivityKind::Meeting;
        a.occurredAt = t.addDays(1);
        a.user = QStringLiteral("鈴木 花子");
        a.notes = QStringLiteral("Wombatmeeting about 瑠璃音's order");
        if (!repo.addActivity(a))
            qFatal("activity");
        if (!repo.changeStage(s.id, Stage::Mql, SqlKind::None, QStringLiteral("鈴木 花子"),
                              t.addDays(2), QStringLiteral("Quokkafenster stage")))
            qFatal("stage");
        FollowUp task;
        task.leadId = s.id;
        task.title = QStringLiteral("Call 轟木 back");
        task.owner = QStringLiteral("鈴木 花子");
        task.dueAt = t.addDays(3);
        if (!FollowUpRepository(d).add(task))
            qFatal("task");
        // The business card it was scanned from (the bytes stand for a JPEG holding the card's
        // text).
        if (!LeadImageStore(d).add(s.id, QStringLiteral("front"),
                                   QByteArray("\xff\xd8 Quokkafenster card image"),
                                   QStringLiteral("jpeg")))
            qFatal("image");
        for (int i = 0; i < 5; ++i) {
            Lead other;
            other.company = QStringLiteral("Later %1 KK").arg(i);
            other.email = QStringLiteral("later%1@example.com").arg(i);
            if (!repo.insert(other))
                qFatal("later");
        }
        // The person's own trigrams: in their search text, in nobody else's.
        const QString mine =
            scalar(d, QStringLiteral("SELECT search FROM leads_search WHERE id = ?"), {s.id});
        QSqlQuery q(QSqlDatabase::database(d.connectionName()));
        QSet<QByteArray> others;
        q.prepare(QStringLiteral("SELECT search FROM leads_search WHERE id <> ?"));
        q.addBindValue(s.id);
        q.exec();
        while (q.next())
            others.unite(trigrams(q.value(0).toString()));
        s.ownTrigrams = trigrams(mine).subtract(others);
        return s;
    }

    // What is left of the person: identifiers in the file or its log, trigrams in the index.
    // The log is read while the connection is open (SQLite holds no lock on it); the database
    // file only after the connection is closed (storage rule: never another handle on a live
    // database file).
    static QStringList residue(Setup &s) {
        QStringList found;
        const QSet<QByteArray> terms = indexTerms(*s.db);
        int inIndex = 0;
        for (const QByteArray &t : std::as_const(s.ownTrigrams))
            inIndex += terms.contains(t) ? 1 : 0;
        if (inIndex > 0)
            found << QStringLiteral("search index: %1 of the person's %2 trigrams")
                         .arg(inIndex)
                         .arg(s.ownTrigrams.size());
        const QString path = s.db->path();
        const QByteArray wal = fileBytes(path + QStringLiteral("-wal"));
        s.db.reset();
        const QByteArray file = fileBytes(path);
        for (const QByteArray &n : needles()) {
            if (wal.contains(n))
                found << QStringLiteral("-wal: ") + QString::fromUtf8(n);
            if (file.contains(n))
                found << QStringLiteral("file: ") + QString::fromUtf8(n);
        }
        return found;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The checks see the person before anything is erased (so they can fail).
    void residueIsSeenBeforeErase() {
        Setup s = fill(QStringLiteral("before.mikomi"));
        QVERIFY2(s.ownTrigrams.size() >= 20, QByteArray::number(s.ownTrigrams.size()).constData());
        const QSet<QByteArray> terms = indexTerms(*s.db);
        for (const QByteArray &t : std::as_const(s.ownTrigrams))
            QVERIFY2(terms.contains(t), t.constData());
        const QStringList found = residue(s);
        QVERIFY(found.size() > needles().size()); // in the log, the file and the index
    }

    // The Leads page's Delete (undoable, storage::deleteLeads) leaves the person in the index
    // and the log: why erase exists.
    void deleteLeavesThePerson() {
        Setup s = fill(QStringLiteral("delete.mikomi"));
        QVERIFY(deleteLeads(*s.db, {s.id}));
        const QStringList found = residue(s);
        QVERIFY(found.join(u'\n').contains(QStringLiteral("search index")));
    }

    // Erase: no byte of the person's email, phones, name, address or notes in the file, its
    // write-ahead log or the search index.
    void eraseLeavesNoByte() {
        Setup s = fill(QStringLiteral("erase.mikomi"));
        const qint64 leadsBefore =
            scalar(*s.db, QStringLiteral("SELECT count(*) FROM leads")).toLongLong();
        auto ids = leadsWithEmail(*s.db, QStringLiteral(" Rurine.Todoroki@ZIRKON-QX.example "));
        QVERIFY(ids);
        QCOMPARE(*ids, QList<qint64>{s.id});
        auto r = erase(*s.db, *ids);
        QVERIFY2(r, r ? "" : qPrintable(r.error()));
        QCOMPARE(r->leads, 1);
        QCOMPARE(r->stageChanges, 2); // created as an inquiry, then MQL
        QCOMPARE(r->touchpoints, 1);
        QCOMPARE(r->activities, 1);
        QCOMPARE(r->tasks, 1);
        QCOMPARE(r->cardImages, 1);
        QVERIFY(r->compacted);
        QVERIFY(r->walEmptied);
        QCOMPARE(QFileInfo(s.db->path() + QStringLiteral("-wal")).size(), 0);
        // Everyone else is still there and still found by the search.
        QCOMPARE(scalar(*s.db, QStringLiteral("SELECT count(*) FROM leads")).toLongLong(),
                 leadsBefore - 1);
        QCOMPARE(scalar(*s.db, QStringLiteral("SELECT count(*) FROM leads_fts WHERE leads_fts "
                                              "MATCH '\"later3@example.com\"'"))
                     .toInt(),
                 1);
        QCOMPARE(
            scalar(*s.db, QStringLiteral("SELECT count(*) FROM tasks WHERE lead_id = ?"), {s.id})
                .toInt(),
            0);
        const QString path = s.db->path();
        const QStringList found = residue(s);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        auto again = Database::open(path);
        QVERIFY(again);
        QVERIFY((*again)->integrityOk());
    }

    void exportHoldsEverything() {
        Setup s = fill(QStringLiteral("export.mikomi"));
        auto bytes = services::exportPerson(*s.db, {s.id}, services::PersonExportFormat::Json);
        QVERIFY(bytes);
        const QJsonObject root = QJsonDocument::fromJson(*bytes).object();
        const QJsonArray people = root[u"people"].toArray();
        QCOMPARE(people.size(), 1);
        const QJsonObject p = people.at(0).toObject();
        const QJsonObject lead = p[u"lead"].toObject();
        QCOMPARE(lead[u"email"].toString(), person().email);
        QCOMPARE(lead[u"phone"].toString(), person().phone);
        QCOMPARE(lead[u"family_name"].toString(), person().familyName);
        QCOMPARE(lead[u"street"].toString(), person().street);
        QCOMPARE(lead[u"notes"].toString(), person().notes);
        QCOMPARE(lead[u"source"].toString(), QStringLiteral("展示会"));
        QVERIFY(!lead[u"source_category"].toString().isEmpty());
        QCOMPARE(lead[u"consent_date"].toString(), QStringLiteral("2026-03-14"));
        QCOMPARE(lead[u"consent_basis"].toString(), QStringLiteral("consent"));
        const QJsonObject consent = p[u"consent"].toObject();
        QCOMPARE(consent[u"date"].toString(), QStringLiteral("2026-03-14"));
        QCOMPARE(consent[u"basis"].toString(), QStringLiteral("consent"));
        QCOMPARE(consent[u"opt_out"].toBool(), false);
        QCOMPARE(p[u"stage_history"].toArray().size(), 2);
        QStringList notes;
        for (const QJsonValue &h : p[u"stage_history"].toArray())
            notes << h.toObject()[u"note"].toString();
        QVERIFY2(notes.contains(QStringLiteral("Quokkafenster stage")),
                 qPrintable(notes.join(u',')));
        QCOMPARE(p[u"touchpoints"].toArray().at(0).toObject()[u"campaign"].toString(),
                 QStringLiteral("Quokkafenster campaign"));
        QCOMPARE(p[u"activities"].toArray().at(0).toObject()[u"kind"].toString(),
                 QStringLiteral("meeting"));
        QCOMPARE(p[u"tasks"].toArray().size(), 1);
        QCOMPARE(p[u"tasks"].toArray().at(0).toObject()[u"title"].toString(),
                 QStringLiteral("Call 轟木 back"));
        // The card image, in base64 with its format.
        const QJsonArray images = p[u"card_images"].toArray();
        QCOMPARE(images.size(), 1);
        const QJsonObject image = images.at(0).toObject();
        QCOMPARE(image[u"side"].toString(), QStringLiteral("front"));
        QCOMPARE(image[u"format"].toString(), QStringLiteral("jpeg"));
        QCOMPARE(image[u"media_type"].toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(QByteArray::fromBase64(image[u"data_base64"].toString().toLatin1()),
                 QByteArray("\xff\xd8 Quokkafenster card image"));
        QCOMPARE(image[u"bytes"].toInt(), 27);
        QVERIFY(!image[u"created_at"].toString().isEmpty());
        QVERIFY(services::eraseContentLines(eraseCount(*s.db, {s.id}).value())
                    .contains(QStringLiteral("Business card images: 1")));

        auto card = services::exportPerson(*s.db, {s.id}, services::PersonExportFormat::VCard);
        QVERIFY(card);
        QVERIFY(card->startsWith("BEGIN:VCARD"));
        QVERIFY(card->contains("rurine.todoroki@zirkon-qx.example"));
        QCOMPARE(services::personExportFormatFor(QStringLiteral("a.VCF")),
                 services::PersonExportFormat::VCard);
        QCOMPARE(services::personExportFormatFor(QStringLiteral("a.json")),
                 services::PersonExportFormat::Json);
    }

    // Consent is stored, read back and kept by updates (schema v7).
    void consentRoundTrip() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("consent.mikomi")));
        QVERIFY(db);
        LeadRepository repo(**db);
        Lead l = person();
        auto id = repo.insert(l);
        QVERIFY(id);
        auto back = repo.get(*id);
        QVERIFY(back);
        QCOMPARE(back->consentAt, std::optional<QDate>(QDate(2026, 3, 14)));
        QCOMPARE(back->consentBasis, ConsentBasis::Consent);
        l.consentBasis = ConsentBasis::LegitimateInterest;
        l.consentAt.reset();
        QVERIFY(repo.update(l));
        back = repo.get(*id);
        QCOMPARE(back->consentBasis, ConsentBasis::LegitimateInterest);
        QVERIFY(!back->consentAt);
        QCOMPARE(consentBasisFromKey(QStringLiteral("legitimate_interest")),
                 std::optional(ConsentBasis::LegitimateInterest));
        QCOMPARE(consentBasisFromKey(QStringLiteral("正当な利益")),
                 std::optional(ConsentBasis::LegitimateInterest));
        QVERIFY(!consentBasisFromKey(QStringLiteral("maybe")));
    }

    // The migration backup (F.v6.bak) holds everyone from before: erase lists it, and
    // deleteCopies removes it.
    void backupCopiesAreListed() {
        const QString path = m_dir.filePath(QStringLiteral("old.mikomi"));
        {
            OpenOptions o;
            o.targetVersion = 6;
            auto v6 = Database::open(path, o);
            QVERIFY(v6);
            Lead l = person();
            l.consentAt.reset();
            l.consentBasis = ConsentBasis::None;
            // v6 has no consent columns: write the lead with plain SQL.
            QVERIFY(run(**v6, QStringLiteral("INSERT INTO leads(family_name, email, email_key, "
                                             "created_at, updated_at) VALUES ('轟木', "
                                             "'rurine.todoroki@zirkon-qx.example', "
                                             "'rurine.todoroki@zirkon-qx.example', "
                                             "'2026-04-01T10:00:00+09:00', "
                                             "'2026-04-01T10:00:00+09:00')")));
        }
        auto db = Database::open(path);
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        QVERIFY(!(*db)->backupPath().isEmpty());
        auto ids = leadsWithEmail(**db, QStringLiteral("rurine.todoroki@zirkon-qx.example"));
        QVERIFY(ids && ids->size() == 1);
        auto r = erase(**db, *ids);
        QVERIFY(r);
        QCOMPARE(r->copies, QStringList{(*db)->backupPath()});
        QVERIFY(fileBytes(r->copies.at(0)).contains("rurine.todoroki@zirkon-qx.example"));
        QVERIFY(deleteCopies(r->copies).isEmpty());
        QVERIFY(!QFile::exists(r->copies.at(0)));
        QVERIFY(databaseCopies(path).isEmpty());
    }

    void exportNeverReplacesTheOpenDatabase() {
        Setup s = fill(QStringLiteral("target.mikomi"));
        QFile before(s.db->path());
        QVERIFY(before.exists());
        const qint64 size = before.size();
        // A user who picks the database itself (or its -wal) as the export file is refused, and
        // the database stays what it was.
        QVERIFY(!services::writePersonExport(*s.db, {s.id}, s.db->path(), 1));
        QVERIFY(
            !services::writePersonExport(*s.db, {s.id}, s.db->path() + QStringLiteral("-wal"), 1));
        QCOMPARE(QFile(s.db->path()).size(), size);
        QVERIFY(LeadRepository(*s.db).get(s.id));
    }

    void unknownLeadIsAnError() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("none.mikomi")));
        QVERIFY(db);
        QVERIFY(!erase(**db, {12345}));
        QVERIFY(!eraseCount(**db, {12345}));
        auto ids = leadsWithEmail(**db, QStringLiteral("nobody@example.com"));
        QVERIFY(ids && ids->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
