// The fact-loading lifecycle the Dashboard, Budget and Planner share (ui/factspage.h): facts are
// read when a page is shown after its database was set or reloaded, never while it is hidden,
// kept across hide/show, and a language change recomputes from them. They are read in the
// background (loading() meanwhile): the page gets what a read on the GUI thread gives, only the
// newest read reaches it, and those of a database that was replaced or closed never do.
#include "reportdb.h"

#include "models/analytics/json.h"
#include "models/analytics/sourcereport.h"
#include "models/services/reportloader.h"
#include "ui/factspage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace mikomi;

namespace {

class CountingPage final : public ui::FactsPage {
public:
    QString title() const override { return QStringLiteral("Counting"); }
    int recomputes = 0;
    int retranslates = 0;
    std::size_t leads = 0;
    QStringList errors;

    // The lead count of every recompute, in order.
    QList<std::size_t> shown;
    const analytics::Facts &currentFacts() const { return facts(); }

protected:
    void recompute() override {
        ++recomputes;
        leads = facts().leads.size();
        shown << leads;
    }
    void retranslate() override { ++retranslates; }
    void showLoadError(const QString &message) override { errors << message; }
};

void addLead(storage::Database &db, const QString &name) {
    storage::LeadRepository repo(db);
    reportdb::addLead(repo, name, QStringLiteral("展示会"), QDate(2026, 3, 1), Stage::Inquiry);
}

} // namespace

class TstFactsPage final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("report.db"));
        reportdb::create(m_path);
    }

    void readsWhenShownOnly() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        CountingPage page;
        page.setDatabase(db->get());
        QCOMPARE(page.recomputes, 0); // hidden: nothing read yet
        page.show();
        QVERIFY(page.loading());
        QCOMPARE(page.recomputes, 0); // read in the background
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.recomputes, 1);
        QCOMPARE(page.leads, std::size_t(7));
        page.hide();
        page.show();
        QVERIFY(!page.loading());
        QCOMPARE(page.recomputes, 1); // kept across hide/show

        addLead(**db, QStringLiteral("E1"));
        page.reload(); // visible: at once
        QVERIFY(page.loading());
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.recomputes, 2);
        QCOMPARE(page.leads, std::size_t(8));

        page.hide();
        addLead(**db, QStringLiteral("E2"));
        page.reload(); // hidden: when shown
        QCOMPARE(page.recomputes, 2);
        page.show();
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.recomputes, 3);
        QCOMPARE(page.leads, std::size_t(9));

        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&page, &change);
        QCOMPARE(page.retranslates, 1);
        QCOMPARE(page.recomputes, 4); // from the kept facts
        QCOMPARE(page.leads, std::size_t(9));

        page.setDatabase(nullptr); // visible: no facts at once
        QVERIFY(!page.loading());
        QCOMPARE(page.recomputes, 5);
        QCOMPARE(page.leads, std::size_t(0));
        QVERIFY(page.errors.isEmpty());
    }

    void staleLanguageChangeDoesNotCompute() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        CountingPage page;
        page.setDatabase(db->get());
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&page, &change);
        QCOMPARE(page.retranslates, 1);
        QCOMPARE(page.recomputes, 0);
    }

    void errorIsShownAndLeavesNoFacts() {
        const QString path = m_dir.filePath(QStringLiteral("broken.db"));
        reportdb::create(path);
        auto db = storage::Database::open(path);
        QVERIFY(db);
        CountingPage page;
        page.setDatabase(db->get());
        page.show();
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.leads, std::size_t(7));
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE spend")));
        page.reload();
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.errors.size(), 1);
        QVERIFY(page.errors.first().contains(QStringLiteral("spend")));
        QCOMPARE(page.recomputes, 2);
        QCOMPARE(page.leads, std::size_t(0));
    }

    // What arrives from the background equals what the GUI thread would read itself.
    void backgroundFactsEqualSynchronousRead() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        CountingPage page;
        page.setDatabase(db->get());
        page.show();
        QTRY_VERIFY(!page.loading());
        const auto direct = services::loadFacts(**db);
        QVERIFY(direct.ok());
        const analytics::Facts &got = page.currentFacts();
        QCOMPARE(got.leads.size(), direct->leads.size());
        QCOMPARE(got.touches.size(), direct->touches.size());
        QCOMPARE(got.spend.size(), direct->spend.size());
        QCOMPARE(got.sources.size(), direct->sources.size());
        auto a = analytics::computeSourceReport(got, {});
        auto b = analytics::computeSourceReport(*direct, {});
        QVERIFY(a && b);
        QCOMPARE(analytics::sourceReportJson(*a, 0), analytics::sourceReportJson(*b, 0));
        for (std::size_t i = 0; i < got.leads.size(); ++i) {
            QCOMPARE(got.leads[i].createdDay, direct->leads[i].createdDay);
            QCOMPARE(got.leads[i].sourceIndex, direct->leads[i].sourceIndex);
            QCOMPARE(got.leads[i].value(), direct->leads[i].value());
        }
    }

    // Reloads in a row: one recompute, with the facts of the last.
    void supersededReadIsDropped() {
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        CountingPage page;
        page.setDatabase(db->get());
        page.show();
        QTRY_VERIFY(!page.loading());
        const int before = page.recomputes;
        page.reload();
        addLead(**db, QStringLiteral("S1"));
        page.reload(); // supersedes the first: its result (without S1) never reaches the page
        QTRY_VERIFY(!page.loading());
        QTest::qWait(50);
        QCOMPARE(page.recomputes, before + 1);
        QCOMPARE(page.leads, std::size_t(page.shown.first() + 1));
    }

    // The database is replaced (another file opened) while the page reads: the old one's facts
    // are cleared at once and never come back; then it is closed while reading: nothing shows.
    void replacedOrClosedDatabaseWhileReading() {
        const QString otherPath = m_dir.filePath(QStringLiteral("other.db"));
        reportdb::create(otherPath);
        auto other = storage::Database::open(otherPath);
        QVERIFY(other);
        for (int i = 0; i < 5; ++i)
            addLead(**other, QStringLiteral("O%1").arg(i)); // 12 leads against 7+
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        const std::size_t first = services::loadFacts(**db)->leads.size();
        CountingPage page;
        page.setDatabase(db->get());
        page.show();
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.leads, first);

        page.reload(); // a read of the first database runs…
        QVERIFY(page.loading());
        page.setDatabase(other->get());       // …when another is opened
        QCOMPARE(page.leads, std::size_t(0)); // the first one's figures are gone at once
        page.shown.clear();
        db->reset(); // and its connection closed
        QTRY_VERIFY(!page.loading());
        QTest::qWait(50);
        QCOMPARE(page.shown, QList<std::size_t>{12}); // never the first database's 7+

        page.reload();
        page.setDatabase(nullptr); // closed while reading
        other->reset();
        QVERIFY(!page.loading());
        QTest::qWait(100);
        QCOMPARE(page.leads, std::size_t(0));
        QCOMPARE(page.shown.last(), std::size_t(0));
        QVERIFY(page.errors.isEmpty());

        // Hidden when replaced: the old figures are cleared too, the new read when shown.
        auto again = storage::Database::open(otherPath);
        QVERIFY(again);
        page.setDatabase(again->get());
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.leads, std::size_t(12));
        page.hide();
        auto third = storage::Database::open(m_path);
        QVERIFY(third);
        page.setDatabase(third->get());
        QCOMPARE(page.leads, std::size_t(0));
        QVERIFY(!page.loading());
        page.show();
        QTRY_VERIFY(!page.loading());
        QCOMPARE(page.leads, services::loadFacts(**third)->leads.size());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TstFactsPage)
#include "tst_factspage.moc"
