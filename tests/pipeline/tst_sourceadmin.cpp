#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/schema.h"
#include "models/storage/sourceadmin.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

class TestSourceAdmin final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

    qint64 addLead(const QString &source, const QString &company = QStringLiteral("会社")) {
        LeadRepository repo(*m_db);
        Lead l;
        l.company = company;
        l.familyName = QStringLiteral("山田");
        l.source = source;
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(10, 0), QTimeZone(9 * 3600));
        l.updatedAt = l.createdAt;
        auto id = repo.insert(l);
        return id ? *id : -1;
    }
    void addTouch(qint64 lead, const QString &source) {
        LeadRepository repo(*m_db);
        Touchpoint t;
        t.leadId = lead;
        t.source = source;
        t.occurredAt = QDateTime(QDate(2026, 4, 2), QTime(10, 0), QTimeZone(9 * 3600));
        QVERIFY(repo.addTouchpoint(t));
    }
    // Everything a merge touches, as text, to compare before/after undo.
    QString snapshot() {
        LeadRepository repo(*m_db);
        QString out;
        auto sources = repo.sources().list();
        for (const Source &s : *sources)
            out += QStringLiteral("S %1 %2 %3 %4 [%5] %6\n")
                       .arg(s.id)
                       .arg(s.name, categoryKey(s.category), tierKey(s.tier),
                            s.aliases.join(QLatin1Char(',')))
                       .arg(s.leadCount);
        auto spend = repo.spend();
        for (const SpendRow &r : *spend)
            out += QStringLiteral("$ %1 %2 %3\n").arg(r.source, r.month).arg(r.amount);
        for (qint64 id = 1; id <= 6; ++id) {
            auto l = repo.get(id);
            if (l)
                out += QStringLiteral("L %1 %2\n").arg(id).arg(l->source);
            auto t = repo.touchpoints(id);
            for (const Touchpoint &tp : *t)
                out += QStringLiteral("T %1 %2 %3\n").arg(tp.id).arg(tp.leadId).arg(tp.source);
        }
        return out;
    }

private slots:
    void init() {
        m_db.reset();
        const QString path = m_dir.filePath(QStringLiteral("s%1.mikomi").arg(++m_n));
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error()));
        m_db = std::move(db).value();
    }

    void migrationCreatesDefaults() { QCOMPARE(m_db->schemaVersion(), currentSchemaVersion()); }

    void normalisationOnTheWayIn() {
        SourceRepository repo(*m_db);
        auto a = repo.resolve(QStringLiteral("LinkedIn"));
        auto b = repo.resolve(QStringLiteral("linkedin "));
        auto c = repo.resolve(QStringLiteral("ＬｉｎｋｅｄＩｎ"));
        QVERIFY(a && b && c);
        QCOMPARE(*a, *b);
        QCOMPARE(*a, *c);
    }

    void mergeRepointsEverythingAndUndoRestores() {
        const qint64 l1 = addLead(QStringLiteral("LinkedIn Ads"));
        const qint64 l2 = addLead(QStringLiteral("LinkedIn"));
        const qint64 l3 = addLead(QStringLiteral("ＬＩＮＫＥＤＩＮ ＡＤＳ")); // same as l1's
        addTouch(l2, QStringLiteral("LinkedIn Ads"));
        addTouch(l2, QStringLiteral("LinkedIn"));
        LeadRepository repo(*m_db);
        QVERIFY(repo.sources().addAlias(QStringLiteral("LI Ads"),
                                        *repo.sources().resolve(QStringLiteral("LinkedIn Ads"))));
        QVERIFY(repo.setSpend({QStringLiteral("LinkedIn Ads"), QStringLiteral("2026-04"), 30000}));
        QVERIFY(repo.setSpend({QStringLiteral("LinkedIn Ads"), QStringLiteral("2026-05"), 10000}));
        QVERIFY(repo.setSpend({QStringLiteral("LinkedIn"), QStringLiteral("2026-04"), 5000}));
        Campaign c;
        c.name = QStringLiteral("春のキャンペーン");
        c.source = QStringLiteral("LinkedIn Ads");
        QVERIFY(repo.addCampaign(c));
        const QString before = snapshot();

        SourceAdmin admin(*m_db);
        auto r = admin.mergeByName(QStringLiteral("linkedin ads"), QStringLiteral("LinkedIn"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error()));
        QCOMPARE(r->leadIds.size(), 2);
        QCOMPARE(r->touchpointIds.size(), 1);
        QCOMPARE(r->campaignIds.size(), 1);

        LeadRepository after(*m_db); // a fresh repository: no stale name cache
        for (qint64 id : {l1, l2, l3})
            QCOMPARE(after.get(id)->source, QStringLiteral("LinkedIn"));
        const QList<Touchpoint> touchpoints = after.touchpoints(l2).value();
        for (const Touchpoint &t : touchpoints)
            QCOMPARE(t.source, QStringLiteral("LinkedIn"));
        const auto spend = *after.spend();
        QCOMPARE(spend.size(), 2); // one row per month: 2026-04 summed
        for (const SpendRow &s : spend) {
            QCOMPARE(s.source, QStringLiteral("LinkedIn"));
            QCOMPARE(s.amount, s.month == QLatin1String("2026-04") ? 35000 : 10000);
        }
        const auto sources = *after.sources().list();
        QCOMPARE(sources.size(), 1);
        QCOMPARE(sources.first().leadCount, 3);
        QVERIFY(sources.first().aliases.contains(QStringLiteral("LinkedIn Ads")));
        QVERIFY(sources.first().aliases.contains(QStringLiteral("LI Ads")));
        // The merged name keeps resolving, to the kept source.
        QCOMPARE(*after.sources().canonicalName(QStringLiteral("linkedin ads")),
                 std::optional<QString>(QStringLiteral("LinkedIn")));
        QCOMPARE(*after.sources().resolve(QStringLiteral("LinkedIn Ads"), false),
                 *after.sources().resolve(QStringLiteral("LinkedIn"), false));

        QVERIFY(admin.undoMerge(*r));
        QCOMPARE(snapshot(), before);
        QVERIFY(m_db->integrityOk());
    }

    void mergeRefusesNonsense() {
        addLead(QStringLiteral("SEO"));
        SourceAdmin admin(*m_db);
        QVERIFY(!admin.mergeByName(QStringLiteral("SEO"), QStringLiteral("seo")));
        QVERIFY(!admin.mergeByName(QStringLiteral("nothing"), QStringLiteral("SEO")));
        QVERIFY(!admin.mergeByName(QStringLiteral("SEO"), QStringLiteral("nothing")));
        QVERIFY(!admin.merge(1, 1));
    }

    void unknownAuditAndBulkFix() {
        for (int i = 0; i < 7; ++i)
            addLead(QStringLiteral("SEO"));
        const qint64 a = addLead(QString());
        const qint64 b = addLead(QStringLiteral("不明"));
        const qint64 c = addLead(QStringLiteral("N/A"));
        SourceAdmin admin(*m_db);
        auto audit = admin.unknownAudit();
        QVERIFY(audit);
        QCOMPARE(audit->total, 10);
        QCOMPARE(audit->unknown, 3);
        QVERIFY(audit->warning());
        auto list = admin.unknownLeads(100);
        QVERIFY(list);
        QCOMPARE(list->size(), 3);

        const qint64 seo = *SourceRepository(*m_db).resolve(QStringLiteral("SEO"), false);
        auto before = admin.assignSource({a, b}, seo);
        QVERIFY(before);
        QCOMPARE(before->at(0), 0);
        QVERIFY(before->at(1) > 0);
        audit = admin.unknownAudit();
        QCOMPARE(audit->unknown, 1);
        QVERIFY(!audit->warning()); // exactly 10% is not above the line
        QCOMPARE(LeadRepository(*m_db).get(a)->source, QStringLiteral("SEO"));
        QVERIFY(admin.restoreSources({a, b}, *before));
        QCOMPARE(admin.unknownAudit()->unknown, 3);
        QCOMPARE(LeadRepository(*m_db).get(b)->source, QStringLiteral("不明"));
        Q_UNUSED(c)
    }
};

QTEST_GUILESS_MAIN(TestSourceAdmin)
#include "tst_sourceadmin.moc"
