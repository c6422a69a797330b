#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/spendstore.h"
#include "models/storage/sql.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

struct Pair {
    qint64 id = 0;
    QString name;
    bool hasNote = false;
};

const RowMapper<Pair> kPairRow{
    {"id", [](Pair &p, const QVariant &v) { p.id = v.toLongLong(); }},
    {"name", [](Pair &p, const QVariant &v) { p.name = v.toString(); }},
    {"note", [](Pair &p, const QVariant &v) { p.hasNote = !v.isNull(); }},
};

} // namespace

// Rows read by column name (storage::RowMapper): the order of a SELECT list does not matter, and
// the repositories that read through it give what they gave when they read by position.
class TestRowMapper final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private slots:
    void init() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("r.mikomi")));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
    }
    void cleanup() {
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("r.mikomi")));
    }

    void readsByNameInAnyOrder() {
        for (const QString &sql :
             {QStringLiteral("SELECT 7 AS id, 'a' AS name, NULL AS note"),
              QStringLiteral("SELECT NULL AS note, 'a' AS name, 7 AS id"),
              QStringLiteral("SELECT 'x' AS extra, 'a' AS NAME, NULL AS note, 7 AS Id")}) {
            auto q = exec(*m_db, sql);
            QVERIFY(q.ok());
            const auto row = kPairRow.bind(*q);
            QVERIFY(q->next());
            const Pair p = row.read();
            QCOMPARE(p.id, 7);
            QCOMPARE(p.name, QStringLiteral("a"));
            QVERIFY(!p.hasNote);
        }
    }

    // One column of a single row, by name (columnValue), wherever the SELECT puts it.
    void columnValueReadsByName() {
        for (const QString &sql : {QStringLiteral("SELECT 7 AS id, 'a' AS name"),
                                   QStringLiteral("SELECT 'a' AS name, 7 AS id")}) {
            auto q = exec(*m_db, sql);
            QVERIFY(q.ok());
            QVERIFY(q->next());
            QCOMPARE(columnValue(*q, "id").toLongLong(), 7);
            QCOMPARE(columnValue(*q, "name").toString(), QStringLiteral("a"));
        }
    }

    // The readers moved to names: follow-ups, response rules, pipeline cards and campaigns read
    // back what was written, field by field (the lead list: tst_leadquery).
    void repositoriesReadEveryField() {
        FollowUpRepository tasks(*m_db);
        sla::ResponseRule rule;
        rule.source = QStringLiteral("展示会");
        rule.category = SourceCategory::Event;
        rule.hours = 5;
        sla::ResponseRule any;
        any.hours = 30;
        QVERIFY(tasks.setRules({rule, any}).ok());
        QCOMPARE(tasks.rules().value(), (QList<sla::ResponseRule>{rule, any}));

        Lead l;
        l.company = QStringLiteral("株式会社見本");
        l.familyName = QStringLiteral("山田");
        l.givenName = QStringLiteral("花子");
        l.title = QStringLiteral("部長");
        l.owner = QStringLiteral("青木");
        l.source = QStringLiteral("展示会");
        l.dealValue = 1200000;
        l.temperatureOverride = Temperature::Warm;
        l.createdAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0));
        LeadRepository repo(*m_db);
        QVERIFY(repo.insert(l).ok());
        QVERIFY(
            repo.markLost(l.id, QStringLiteral("予算"), QString(), l.createdAt.addDays(1)).ok());

        FollowUp t;
        t.leadId = l.id;
        t.title = QStringLiteral("電話");
        t.owner = QStringLiteral("青木");
        t.dueAt = QDateTime(QDate(2026, 5, 2), QTime(9, 0));
        QVERIFY(tasks.add(t).ok());
        const QList<FollowUp> open = tasks.open(QString(), 10).value();
        QCOMPARE(open.size(), 1);
        const FollowUp &o = open.first();
        QCOMPARE(o.id, t.id);
        QCOMPARE(o.leadId, l.id);
        QCOMPARE(o.title, t.title);
        QCOMPARE(o.owner, t.owner);
        QCOMPARE(o.dueAt, t.dueAt);
        QCOMPARE(o.company, l.company);
        QCOMPARE(o.familyName, l.familyName);
        QCOMPARE(o.givenName, l.givenName);
        QCOMPARE(o.source, l.source);

        const PipelineCard c = PipelineQuery(*m_db).card(l.id).value();
        QCOMPARE(c.id, l.id);
        QCOMPARE(c.company, l.company);
        QCOMPARE(c.familyName, l.familyName);
        QCOMPARE(c.givenName, l.givenName);
        QCOMPARE(c.title, l.title);
        QCOMPARE(c.owner, l.owner);
        QCOMPARE(c.source, l.source);
        QCOMPARE(c.stage, Stage::Inquiry);
        QVERIFY(c.lost);
        QCOMPARE(c.lostReason, QStringLiteral("予算"));
        QCOMPARE(c.dealValue, std::optional<Money>(1200000));
        QCOMPARE(c.temperatureOverride, std::optional<Temperature>(Temperature::Warm));
        QCOMPARE(c.createdAt, l.createdAt);

        Campaign camp;
        camp.name = QStringLiteral("秋の展示会 2026");
        camp.source = l.source;
        camp.start = QDate(2026, 10, 1);
        camp.end = QDate(2026, 10, 3);
        camp.budget = 500000;
        camp.actualCost = 480000;
        camp.notes = QStringLiteral("ブース B-12");
        CampaignStore campaigns(*m_db);
        QVERIFY(campaigns.insert(camp).ok());
        Campaign open2;
        open2.name = QStringLiteral("日付なし");
        QVERIFY(campaigns.insert(open2).ok());
        const QList<Campaign> all = campaigns.list().value();
        QCOMPARE(all.size(), 2);
        for (const Campaign &want : {camp, open2}) {
            const Campaign got = campaigns.get(want.id).value();
            QCOMPARE(got.id, want.id);
            QCOMPARE(got.name, want.name);
            QCOMPARE(got.source, want.source);
            QCOMPARE(got.start, want.start);
            QCOMPARE(got.end, want.end);
            QCOMPARE(got.budget, want.budget);
            QCOMPARE(got.actualCost, want.actualCost);
            QCOMPARE(got.notes, want.notes);
        }
    }
};

QTEST_GUILESS_MAIN(TestRowMapper)
#include "tst_rowmapper.moc"
