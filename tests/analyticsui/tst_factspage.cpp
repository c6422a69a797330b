// The fact-loading lifecycle the Dashboard, Budget and Planner share (ui/factspage.h): facts are
// read when a page is shown after its database was set or reloaded, never while it is hidden,
// kept across hide/show, and a language change recomputes from them.
#include "reportdb.h"

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

protected:
    void recompute() override {
        ++recomputes;
        leads = facts().leads.size();
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
        QCOMPARE(page.recomputes, 1);
        QCOMPARE(page.leads, std::size_t(7));
        page.hide();
        page.show();
        QCOMPARE(page.recomputes, 1); // kept across hide/show

        addLead(**db, QStringLiteral("E1"));
        page.reload(); // visible: at once
        QCOMPARE(page.recomputes, 2);
        QCOMPARE(page.leads, std::size_t(8));

        page.hide();
        addLead(**db, QStringLiteral("E2"));
        page.reload(); // hidden: when shown
        QCOMPARE(page.recomputes, 2);
        page.show();
        QCOMPARE(page.recomputes, 3);
        QCOMPARE(page.leads, std::size_t(9));

        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&page, &change);
        QCOMPARE(page.retranslates, 1);
        QCOMPARE(page.recomputes, 4); // from the kept facts
        QCOMPARE(page.leads, std::size_t(9));

        page.setDatabase(nullptr); // visible: no facts at once
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
        QCOMPARE(page.leads, std::size_t(7));
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE spend")));
        page.reload();
        QCOMPARE(page.errors.size(), 1);
        QVERIFY(page.errors.first().contains(QStringLiteral("spend")));
        QCOMPARE(page.recomputes, 2);
        QCOMPARE(page.leads, std::size_t(0));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TstFactsPage)
#include "tst_factspage.moc"
