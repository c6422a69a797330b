#include "models/analytics/budget.h"
#include "models/analytics/sourcereport.h"
#include "models/budgetmodel.h"
#include "models/sourcereportmodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTimeZone>
#include <QtTest>

using namespace mikomi;
using namespace mikomi::analytics;

namespace {

// Two named sources and one lead without a source.
Facts facts() {
    Facts f;
    f.sources.push_back(
        SourceInfo::make(QStringLiteral("展示会"), SourceCategory::Event, Tier::Core));
    f.sources.push_back(
        SourceInfo::make(QStringLiteral("Google Ads"), SourceCategory::Paid, Tier::Growth));
    const auto lead = [&](qint32 source, Stage stage, std::optional<Money> deal = {}) {
        LeadFact l;
        l.sourceIndex = source;
        l.createdDay = dayNumber(QDate(2026, 1, 10));
        l.furthestStage = stage;
        if (deal) {
            l.hasDealValue = true;
            l.dealValue = *deal;
            l.wonDay = dayNumber(QDate(2026, 2, 9));
        }
        f.leads.push_back(l);
    };
    lead(0, Stage::Customer, 300000);
    lead(0, Stage::Mql);
    lead(0, Stage::Inquiry);
    lead(1, Stage::Sql);
    lead(NoSource, Stage::Inquiry);
    f.spend.push_back({300000, 0, monthNumber(2026, 1)});
    f.spend.push_back({50000, 1, monthNumber(2026, 1)});
    return f;
}

} // namespace

class TstReportModels final : public QObject {
    Q_OBJECT
private slots:
    void sourceRows() {
        SourceReportModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto r = computeSourceReport(facts(), {});
        QVERIFY(r);
        model.setReport(*r, Currency::JPY);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(SourceReportModel::ColumnCount));
        const auto cell = [&](int row, int col) { return model.index(row, col).data().toString(); };
        QCOMPARE(cell(0, SourceReportModel::Name), QStringLiteral("展示会"));
        QCOMPARE(cell(0, SourceReportModel::Leads), QStringLiteral("3"));
        QCOMPARE(cell(0, SourceReportModel::Cpl), formatMoney(100000, Currency::JPY));
        QCOMPARE(cell(0, SourceReportModel::Cac), formatMoney(300000, Currency::JPY));
        QCOMPARE(cell(0, SourceReportModel::Share), QLocale().toString(60.0, 'f', 1) + u'%');
        // Google Ads has no customer: CAC, LTV and LTV:CAC are null, shown as a dash.
        QCOMPARE(cell(1, SourceReportModel::Cac), QStringLiteral("—"));
        QCOMPARE(cell(1, SourceReportModel::LtvCac), QStringLiteral("—"));
        QVERIFY(
            !model.index(1, SourceReportModel::Cac).data(SourceReportModel::SortRole).isValid());
        QCOMPARE(cell(2, SourceReportModel::Name), QStringLiteral("Unknown"));
        QCOMPARE(model.index(2, SourceReportModel::Name)
                     .data(SourceReportModel::SourceIndexRole)
                     .toInt(),
                 NoSource);

        // Numeric sort: spend ascending puts the unknown row (0) first, 展示会 (300,000) last.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SourceReportModel::SortRole);
        proxy.sort(SourceReportModel::Spend, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, SourceReportModel::Name).data().toString(),
                 QStringLiteral("Unknown"));
        QCOMPARE(proxy.index(2, SourceReportModel::Name).data().toString(),
                 QStringLiteral("展示会"));
        proxy.sort(SourceReportModel::Leads, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, SourceReportModel::Name).data().toString(),
                 QStringLiteral("展示会"));
    }

    void groupings() {
        SourceReportModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto r = computeSourceReport(facts(), {});
        QVERIFY(r);
        model.setReport(*r, Currency::JPY);
        model.setGrouping(SourceReportModel::Grouping::Category);
        QCOMPARE(model.rowCount(), SourceCategoryCount);
        QCOMPARE(
            model.index(int(SourceCategory::Event), SourceReportModel::Leads).data().toString(),
            QStringLiteral("3"));
        QCOMPARE(model.headerData(SourceReportModel::Name, Qt::Horizontal).toString(),
                 QStringLiteral("Category"));
        model.setGrouping(SourceReportModel::Grouping::Tier);
        QCOMPARE(model.index(0, SourceReportModel::Name).data().toString(), tierLabel(Tier::Core));
        QCOMPARE(model.index(1, SourceReportModel::Leads).data().toString(), QStringLiteral("1"));
        model.retranslate();
        QCOMPARE(model.index(0, SourceReportModel::Name).data().toString(), tierLabel(Tier::Core));
    }

    void budgetRows() {
        BudgetModel model;
        BudgetTierModel tiers;
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&tiers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        BudgetOptions o;
        o.total = 1000000;
        auto plan = computeBudget(facts(), o);
        QVERIFY(plan);
        model.setPlan(*plan, Currency::JPY);
        tiers.setPlan(*plan, Currency::JPY);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, BudgetModel::Source).data().toString(), QStringLiteral("展示会"));
        QCOMPARE(model.index(0, BudgetModel::Amount).data().toString(),
                 formatMoney(700000, Currency::JPY));
        QCOMPARE(model.index(1, BudgetModel::Amount).data(BudgetModel::SortRole).toLongLong(),
                 200000);
        QCOMPARE(tiers.rowCount(), 3);
        QCOMPARE(tiers.index(2, BudgetTierModel::Amount).data().toString(),
                 formatMoney(100000, Currency::JPY));
        // Experiment has no source: its amount is unallocated and says so.
        QVERIFY(
            !tiers.index(2, BudgetTierModel::Amount).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(tiers.index(0, BudgetTierModel::ActualShare).data().toString(),
                 QLocale().toString(85.7, 'f', 1) + u'%');
    }
};

QTEST_GUILESS_MAIN(TstReportModels)
#include "tst_reportmodels.moc"
