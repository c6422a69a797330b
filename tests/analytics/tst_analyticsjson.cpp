#include "factsbuilder.h"

#include "models/analytics/json.h"
#include "models/analytics/textreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

QStringList sortedKeys(const QJsonObject &o) {
    QStringList k = o.keys();
    k.sort();
    return k;
}

QStringList keys(std::initializer_list<const char *> names) {
    QStringList k;
    for (const char *n : names)
        k.append(QString::fromLatin1(n));
    k.sort();
    return k;
}

// 展示会: 2 customers (deal 600000 and 400000), 1 inquiry, spend 1500000 (ltv_cac 500000/750000).
// "=cmd": 1 inquiry (a name a spreadsheet would run). "A, Inc.": 1 inquiry. One unknown lead.
// Total 6 leads: 展示会 share 0.5 (no concentration), unknown 1/6 > 0.1.
Facts dataset() {
    FactsBuilder b;
    const QDate d(2026, 1, 10);
    const qint32 tenji = b.source(QStringLiteral("展示会"), SourceCategory::Event, Tier::Core);
    const qint32 cmd = b.source(QStringLiteral("=cmd"), SourceCategory::Paid, Tier::Growth);
    const qint32 inc =
        b.source(QStringLiteral("A, Inc."), SourceCategory::Partnership, Tier::Experiment);
    b.customer(tenji, d, d.addDays(10), 600000);
    b.customer(tenji, d, d.addDays(20), 400000);
    b.lead(tenji, d, Stage::Inquiry);
    b.lead(cmd, d, Stage::Inquiry);
    b.lead(inc, d, Stage::Inquiry);
    b.lead(NoSource, d, Stage::Inquiry);
    b.spend(tenji, 2026, 1, 1500000);
    return b.facts;
}

SourceReport makeReport() {
    ReportOptions o;
    o.window.from = QDate(2026, 1, 1);
    return computeSourceReport(dataset(), o).value();
}

} // namespace

class TestAnalyticsJson final : public QObject {
    Q_OBJECT
private slots:
    void moneyUnits() {
        QCOMPARE(moneyJson(1000000, 0).toInteger(), 1000000);
        QCOMPARE(moneyJson(123456, 2).toDouble(), 1234.56);
        QCOMPARE(moneyJson(1234.5, 0).toInteger(), 1235); // credit-weighted: rounded
        // Whole numbers are written as integers, not 1e+06.
        const QByteArray j = QJsonDocument(QJsonObject{{QStringLiteral("m"), moneyJson(1e12, 0)}})
                                 .toJson(QJsonDocument::Compact);
        QCOMPARE(j, QByteArray(R"({"m":1000000000000})"));
    }

    void reportShape() {
        const QJsonObject o = sourceReportJson(makeReport(), 0);
        QCOMPARE(sortedKeys(o), keys({"window", "attribution", "totals", "sources", "warnings"}));
        const QJsonObject window = o.value(QStringLiteral("window")).toObject();
        QCOMPARE(sortedKeys(window), keys({"from", "to"}));
        QCOMPARE(window.value(QStringLiteral("from")).toString(), QStringLiteral("2026-01-01"));
        QVERIFY(window.value(QStringLiteral("to")).isNull());
        QCOMPARE(o.value(QStringLiteral("attribution")).toString(), QStringLiteral("first"));
        const QJsonObject totals = o.value(QStringLiteral("totals")).toObject();
        QCOMPARE(sortedKeys(totals), keys({"leads", "customer", "spend", "revenue"}));
        QCOMPARE(totals.value(QStringLiteral("leads")).toInteger(), 6);
        QCOMPARE(totals.value(QStringLiteral("customer")).toInteger(), 2);
        QCOMPARE(totals.value(QStringLiteral("spend")).toInteger(), 1500000);
        QCOMPARE(totals.value(QStringLiteral("revenue")).toInteger(), 1000000);

        const QJsonArray sources = o.value(QStringLiteral("sources")).toArray();
        QCOMPARE(sources.size(), 4);
        for (const QJsonValue &v : sources) {
            QCOMPARE(sortedKeys(v.toObject()),
                     keys({"source", "category", "tier", "leads", "mql", "sql", "opportunity",
                           "customer", "spend", "revenue", "cpl", "cac", "ltv", "ltv_cac", "roi",
                           "lead_to_customer", "share", "median_days_to_close"}));
        }
        const QJsonObject t = sources.at(0).toObject();
        QCOMPARE(t.value(QStringLiteral("source")).toString(), QStringLiteral("展示会"));
        QCOMPARE(t.value(QStringLiteral("category")).toString(), QStringLiteral("event"));
        QCOMPARE(t.value(QStringLiteral("tier")).toString(), QStringLiteral("core"));
        QCOMPARE(t.value(QStringLiteral("leads")).toInteger(), 3);
        QCOMPARE(t.value(QStringLiteral("customer")).toInteger(), 2);
        QCOMPARE(t.value(QStringLiteral("cpl")).toInteger(), 500000);    // 1500000 / 3
        QCOMPARE(t.value(QStringLiteral("cac")).toInteger(), 750000);    // 1500000 / 2
        QCOMPARE(t.value(QStringLiteral("ltv")).toInteger(), 500000);    // (600000 + 400000) / 2
        QCOMPARE(t.value(QStringLiteral("ltv_cac")).toDouble(), 0.6667); // 4 decimals
        QCOMPARE(t.value(QStringLiteral("roi")).toDouble(), -0.3333);
        QCOMPARE(t.value(QStringLiteral("lead_to_customer")).toDouble(), 0.6667);
        QCOMPARE(t.value(QStringLiteral("share")).toDouble(), 0.5);
        QCOMPARE(t.value(QStringLiteral("median_days_to_close")).toInteger(), 15);

        // A source without spend or customers: nulls, not 0.
        const QJsonObject cmd = sources.at(0 + 1).toObject();
        QCOMPARE(cmd.value(QStringLiteral("source")).toString(), QStringLiteral("=cmd"));
        for (const char *k : {"cac", "ltv", "ltv_cac", "roi", "median_days_to_close"})
            QVERIFY2(cmd.value(QLatin1String(k)).isNull(), k);
        QCOMPARE(cmd.value(QStringLiteral("cpl")).toInteger(), 0); // 0 spend / 1 lead
        QCOMPARE(cmd.value(QStringLiteral("lead_to_customer")).toInteger(), 0);

        const QJsonObject unknown = sources.at(3).toObject();
        QCOMPARE(unknown.value(QStringLiteral("source")).toString(), QStringLiteral("unknown"));
        QCOMPARE(unknown.value(QStringLiteral("category")).toString(), QStringLiteral("unknown"));
        QVERIFY(unknown.value(QStringLiteral("tier")).isNull());

        const QJsonArray warnings = o.value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 2);
        const QJsonObject w0 = warnings.at(0).toObject();
        QCOMPARE(sortedKeys(w0), keys({"kind", "share"}));
        QCOMPARE(w0.value(QStringLiteral("kind")).toString(), QStringLiteral("unknown_sources"));
        QCOMPARE(w0.value(QStringLiteral("share")).toDouble(), 0.1667);
        const QJsonObject w1 = warnings.at(1).toObject();
        QCOMPARE(sortedKeys(w1), keys({"kind", "source", "ltv_cac"}));
        QCOMPARE(w1.value(QStringLiteral("kind")).toString(), QStringLiteral("ltv_cac_low"));
        QCOMPARE(w1.value(QStringLiteral("source")).toString(), QStringLiteral("展示会"));

        // The concentration warning's shape.
        SourceReport r;
        r.warnings.push_back({ReportWarning::Kind::Concentration, QStringLiteral("G"), 0.62});
        const QJsonObject c =
            sourceReportJson(r, 0).value(QStringLiteral("warnings")).toArray().at(0).toObject();
        QCOMPARE(sortedKeys(c), keys({"kind", "source", "share"}));
        QCOMPARE(c.value(QStringLiteral("share")).toDouble(), 0.62);
    }

    void reportMoneyInDollars() {
        // The same numbers read as cents: spend 1500000 cents = 15000.00 dollars.
        const QJsonObject o = sourceReportJson(makeReport(), 2);
        QCOMPARE(
            o.value(QStringLiteral("totals")).toObject().value(QStringLiteral("spend")).toDouble(),
            15000.0);
        const QJsonObject t = o.value(QStringLiteral("sources")).toArray().at(0).toObject();
        QCOMPARE(t.value(QStringLiteral("cpl")).toDouble(), 5000.0);
    }

    void budgetShape() {
        BudgetOptions bo;
        bo.total = 1000000;
        const BudgetPlan p = computeBudget(dataset(), bo).value();
        const QJsonObject o = budgetJson(p, 0);
        QCOMPARE(sortedKeys(o), keys({"total", "tiers", "allocations", "warnings"}));
        QCOMPARE(o.value(QStringLiteral("total")).toInteger(), 1000000);
        const QJsonArray tiers = o.value(QStringLiteral("tiers")).toArray();
        QCOMPARE(tiers.size(), 3);
        const QJsonObject core = tiers.at(0).toObject();
        QCOMPARE(sortedKeys(core), keys({"tier", "target_share", "amount", "actual_share"}));
        QCOMPARE(core.value(QStringLiteral("tier")).toString(), QStringLiteral("core"));
        QCOMPARE(core.value(QStringLiteral("target_share")).toDouble(), 0.7);
        QCOMPARE(core.value(QStringLiteral("amount")).toInteger(), 700000);
        QCOMPARE(core.value(QStringLiteral("actual_share")).toInteger(), 1);
        const QJsonArray alloc = o.value(QStringLiteral("allocations")).toArray();
        QCOMPARE(alloc.size(), 3);
        QCOMPARE(sortedKeys(alloc.at(0).toObject()), keys({"source", "tier", "amount"}));
        QCOMPARE(alloc.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("展示会"));
        QVERIFY(o.value(QStringLiteral("warnings")).toArray().isEmpty());

        // tier_empty shape: only core sources.
        FactsBuilder b;
        b.source(QStringLiteral("X"), SourceCategory::Paid, Tier::Core);
        const QJsonArray w = budgetJson(computeBudget(b.facts, bo).value(), 0)
                                 .value(QStringLiteral("warnings"))
                                 .toArray();
        QCOMPARE(w.size(), 2);
        QCOMPARE(sortedKeys(w.at(0).toObject()), keys({"kind", "tier"}));
        QCOMPARE(w.at(0).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("tier_empty"));
        QCOMPARE(w.at(1).toObject().value(QStringLiteral("tier")).toString(),
                 QStringLiteral("experiment"));
        QVERIFY(budgetJson(computeBudget(b.facts, bo).value(), 0)
                    .value(QStringLiteral("tiers"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("actual_share"))
                    .isNull());
    }

    void planShape() {
        PlanOptions po;
        po.revenueTarget = 2000000;
        FactsBuilder b;
        const qint32 s = b.source(QStringLiteral("展示会"), SourceCategory::Event, Tier::Core);
        const QDate d(2026, 1, 1);
        b.customer(s, d, d, 400000);
        b.leads(s, d, Stage::Opportunity, 2);
        b.leads(s, d, Stage::Inquiry, 7);
        const PlanResult r = computePlan(b.facts, po);
        QVERIFY(r.ok());
        const QJsonObject o = planJson(r.value(), 0);
        QCOMPARE(sortedKeys(o), keys({"revenue_target", "avg_deal", "rates", "required",
                                      "per_month", "per_source"}));
        QCOMPARE(o.value(QStringLiteral("revenue_target")).toInteger(), 2000000);
        QCOMPARE(o.value(QStringLiteral("avg_deal")).toInteger(), 400000);
        const QJsonObject rates = o.value(QStringLiteral("rates")).toObject();
        QCOMPARE(sortedKeys(rates), keys({"lead_to_mql", "mql_to_sql", "sql_to_opportunity",
                                          "opportunity_to_customer"}));
        QCOMPARE(rates.value(QStringLiteral("lead_to_mql")).toDouble(), 0.3);
        QCOMPARE(rates.value(QStringLiteral("opportunity_to_customer")).toDouble(), 0.3333);
        const QStringList counts = keys({"customer", "opportunity", "sql", "mql", "lead"});
        QCOMPARE(sortedKeys(o.value(QStringLiteral("required")).toObject()), counts);
        QCOMPARE(sortedKeys(o.value(QStringLiteral("per_month")).toObject()), counts);
        // customer 5, opportunity 15, sql 15, mql 15, lead 50.
        QCOMPARE(o.value(QStringLiteral("required"))
                     .toObject()
                     .value(QStringLiteral("lead"))
                     .toInteger(),
                 50);
        const QJsonArray ps = o.value(QStringLiteral("per_source")).toArray();
        QCOMPARE(ps.size(), 1);
        QCOMPARE(sortedKeys(ps.at(0).toObject()), keys({"source", "lead"}));
        QCOMPARE(ps.at(0).toObject().value(QStringLiteral("lead")).toInteger(), 50);

        const QJsonObject e = planErrorJson({QStringLiteral("lead_to_mql"), QStringLiteral("x")});
        QCOMPARE(e.value(QStringLiteral("error")).toString(), QStringLiteral("lead_to_mql"));
    }

    void tableAndCsv() {
        const SourceReport r = makeReport();
        const QString table =
            sourceReportTable(r, 0, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(table.contains(QStringLiteral("Source")));
        QVERIFY(table.contains(QStringLiteral("展示会")));
        QVERIFY(table.contains(QStringLiteral("—")));       // nulls
        QVERIFY(table.contains(QStringLiteral("Unknown"))); // the Unknown row's label
        QVERIFY(table.contains(QStringLiteral("1,500,000")));
        QVERIFY(table.contains(QStringLiteral("Warnings:")));

        const QString csv = sourceReportCsv(r, 0);
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines[0].startsWith(QStringLiteral("Source,Category,Tier,Leads,")));
        QVERIFY(lines[1].startsWith(QStringLiteral("展示会,event,core,3,2,2,2,2,1500000,1000000,"
                                                   "500000,750000,500000,0.6667,-0.3333,")));
        QVERIFY(lines[2].startsWith(QStringLiteral("'=cmd,paid,growth,1,0,0,0,0,0,0,0,,,,,0,")));
        QVERIFY(lines[3].startsWith(QStringLiteral("\"A, Inc.\",partnership,")));

        // Table columns line up by display width: CJK characters count two.
        QCOMPARE(displayWidth(QStringLiteral("展示会")), 6);
        QCOMPARE(displayWidth(QStringLiteral("ABC")), 3);
        TextTable t;
        t.headers = {QStringLiteral("Name"), QStringLiteral("N")};
        t.rightAligned = {false, true};
        t.rows = {{QStringLiteral("展示会"), QStringLiteral("1")},
                  {QStringLiteral("Web"), QStringLiteral("22")}};
        QCOMPARE(renderTable(t),
                 QStringLiteral("Name     N\n------  --\n展示会   1\nWeb     22\n"));

        BudgetOptions bo;
        bo.total = 1000000;
        QVERIFY(budgetTable(computeBudget(dataset(), bo).value(), 0, QLocale(QLocale::English))
                    .contains(QStringLiteral("700,000")));
        PlanOptions po;
        po.revenueTarget = 1000000;
        const PlanResult p = computePlan(dataset(), po);
        QVERIFY(p.ok());
        QVERIFY(planTable(p.value(), 0, QLocale::c()).contains(QStringLiteral("Leads needed")));
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsJson)
#include "tst_analyticsjson.moc"
