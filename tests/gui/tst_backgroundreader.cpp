// ui::BackgroundReader: a read runs on a worker thread with its own connection and its result
// reaches the GUI thread (the same as reading there); only the newest request is handed over;
// cancelling, or deleting the reader or the database while a read runs, hands nothing over and
// does not crash; failures arrive as errors. And the busy veil of a page: shown only for a read
// that takes longer than a moment, translated (screenshots with MIKOMI_SHOTS).
#include "models/analytics/json.h"
#include "models/analytics/sourcereport.h"
#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "ui/backgroundreader.h"
#include "ui/busyoverlay.h"
#include "ui/dashboardpage.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace mikomi;

namespace {

using FactsResult = Result<analytics::Facts>;

// The same facts, field by field.
bool sameFacts(const analytics::Facts &a, const analytics::Facts &b) {
    if (a.sources.size() != b.sources.size() || a.leads.size() != b.leads.size() ||
        a.touches.size() != b.touches.size() || a.spend.size() != b.spend.size())
        return false;
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        const auto &x = a.sources[i];
        const auto &y = b.sources[i];
        if (x.name != y.name || x.category != y.category || x.tier != y.tier)
            return false;
    }
    for (std::size_t i = 0; i < a.leads.size(); ++i) {
        const auto &x = a.leads[i];
        const auto &y = b.leads[i];
        if (x.sourceIndex != y.sourceIndex || x.createdDay != y.createdDay ||
            x.wonDay != y.wonDay || x.furthestStage != y.furthestStage || x.lost != y.lost ||
            x.deal() != y.deal() || x.value() != y.value())
            return false;
    }
    for (std::size_t i = 0; i < a.touches.size(); ++i) {
        const auto &x = a.touches[i];
        const auto &y = b.touches[i];
        if (x.occurredAt != y.occurredAt || x.leadIndex != y.leadIndex ||
            x.sourceIndex != y.sourceIndex || x.day != y.day)
            return false;
    }
    for (std::size_t i = 0; i < a.spend.size(); ++i) {
        if (a.spend[i].amount != b.spend[i].amount ||
            a.spend[i].sourceIndex != b.spend[i].sourceIndex ||
            a.spend[i].month != b.spend[i].month)
            return false;
    }
    return true;
}

std::function<FactsResult(storage::Database &)> loadFactsWork() {
    return [](storage::Database &db) { return services::loadFacts(db); };
}

} // namespace

class TstBackgroundReader final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.mikomi"));
        auto db = storage::Database::open(m_path);
        QVERIFY(db);
        QVERIFY(services::writeDemo(**db, 1500, 3, QDate(2026, 11, 1)).ok());
        m_db = std::move(db).value();
    }

    // The result comes from another thread, through the event loop, and equals the facts read
    // on this thread with this thread's connection.
    void resultEqualsSynchronousRead() {
        ui::BackgroundReader reader;
        QSignalSpy busy(&reader, &ui::BackgroundReader::busyChanged);
        std::atomic<QThread *> workThread = nullptr;
        std::optional<FactsResult> got;
        QThread *doneThread = nullptr;
        reader.read<analytics::Facts>(
            *m_db,
            [&workThread](storage::Database &db) {
                workThread = QThread::currentThread();
                return services::loadFacts(db);
            },
            [&](FactsResult r) {
                doneThread = QThread::currentThread();
                got.emplace(std::move(r));
            });
        QVERIFY(reader.busy());
        QVERIFY(!got); // never handed over inside read()
        QTRY_VERIFY(got.has_value());
        QVERIFY(!reader.busy());
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        QVERIFY(workThread.load() != nullptr);
        QVERIFY(workThread.load() != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error()));

        const FactsResult direct = services::loadFacts(*m_db);
        QVERIFY(direct.ok());
        QVERIFY(direct->leads.size() == 1500);
        QVERIFY(sameFacts(got->value(), *direct));
        auto a = analytics::computeSourceReport(got->value(), {});
        auto b = analytics::computeSourceReport(*direct, {});
        QVERIFY(a && b);
        QCOMPARE(analytics::sourceReportJson(*a, 0), analytics::sourceReportJson(*b, 0));
    }

    // A read asked for while another runs supersedes it: the older result is dropped, a waiting
    // read that a newer one replaced never starts, and only the newest is handed over.
    void newestRequestWins() {
        ui::BackgroundReader reader;
        QSemaphore gate;
        QStringList delivered;
        const auto slow = [&gate](storage::Database &) -> Result<QString> {
            gate.acquire(); // held until the test lets it go
            return QStringLiteral("first");
        };
        const auto named = [](const QString &name) {
            return [name](storage::Database &) -> Result<QString> { return name; };
        };
        const auto record = [&delivered](Result<QString> r) { delivered << r.value(); };
        reader.read<QString>(*m_db, slow, record);
        QTRY_COMPARE(reader.threadsStarted(), 1);
        reader.read<QString>(*m_db, named(QStringLiteral("second")), record); // waits
        reader.read<QString>(*m_db, named(QStringLiteral("third")), record);  // replaces it
        QTest::qWait(50);
        QCOMPARE(reader.threadsStarted(), 1); // one read at a time
        gate.release();
        QTRY_VERIFY(!reader.busy());
        QCOMPARE(delivered, QStringList{QStringLiteral("third")});
        QCOMPARE(reader.threadsStarted(), 2); // "second" never ran

        // Two requests before the event loop runs: the first is dropped even when it was quick.
        delivered.clear();
        reader.read<QString>(*m_db, named(QStringLiteral("a")), record);
        reader.read<QString>(*m_db, named(QStringLiteral("b")), record);
        QTRY_VERIFY(!reader.busy());
        QTest::qWait(20);
        QCOMPARE(delivered, QStringList{QStringLiteral("b")});
    }

    // Cancel while a read runs: nothing is handed over; the reader can read again afterwards.
    void cancelDropsTheRunningRead() {
        ui::BackgroundReader reader;
        QSemaphore gate;
        int delivered = 0;
        reader.read<int>(
            *m_db,
            [&gate](storage::Database &) -> Result<int> {
                gate.acquire();
                return 1;
            },
            [&delivered](Result<int>) { ++delivered; });
        QTRY_COMPARE(reader.threadsStarted(), 1);
        reader.cancel();
        QVERIFY(!reader.busy());
        gate.release();
        QTest::qWait(100);
        QCOMPARE(delivered, 0);
        reader.read<int>(
            *m_db, [](storage::Database &) -> Result<int> { return 2; },
            [&delivered](Result<int> r) { delivered = r.value(); });
        QTRY_COMPARE(delivered, 2);
    }

    // The window closes its database (and the reader goes with the page) while a read runs:
    // the read has its own connection, nothing is handed over, nothing crashes.
    void databaseAndReaderGoAwayWhileReading() {
        const QString path = m_dir.filePath(QStringLiteral("closing.mikomi"));
        auto db = storage::Database::open(path);
        QVERIFY(db);
        QVERIFY(services::writeDemo(**db, 300, 5, QDate(2026, 11, 1)).ok());
        QSemaphore gate;
        QSemaphore started;
        bool delivered = false;
        std::atomic<qsizetype> readLeads = -1;
        {
            auto reader = std::make_unique<ui::BackgroundReader>();
            reader->read<analytics::Facts>(
                **db,
                [&](storage::Database &conn) {
                    started.release();
                    gate.acquire();
                    auto facts = services::loadFacts(conn);
                    readLeads = facts ? qsizetype(facts->leads.size()) : -2;
                    return facts;
                },
                [&delivered](FactsResult) { delivered = true; });
            QVERIFY(started.tryAcquire(1, 5000));
            db->reset(); // the window's connection is closed
            gate.release();
            reader.reset(); // waits for the read, drops its result
        }
        QCOMPARE(readLeads.load(), qsizetype(300)); // its own connection still read the file
        QTest::qWait(50);
        QVERIFY(!delivered);
    }

    // Failures arrive as errors: a query that fails; a file the worker cannot open.
    void errorsAreHandedOver() {
        const QString path = m_dir.filePath(QStringLiteral("broken.mikomi"));
        auto db = storage::Database::open(path);
        QVERIFY(db);
        std::optional<FactsResult> got;
        ui::BackgroundReader reader;
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE spend")));
        reader.read<analytics::Facts>(**db, loadFactsWork(),
                                      [&got](FactsResult r) { got.emplace(std::move(r)); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->ok());
        QVERIFY2(got->error().contains(QStringLiteral("spend")), qPrintable(got->error()));

        // Another program removed the file: the window's connection still has it, a new one
        // cannot open it.
        QVERIFY(QFile::remove(path));
        got.reset();
        reader.read<analytics::Facts>(
            **db, [](storage::Database &) -> FactsResult { return analytics::Facts(); },
            [&got](FactsResult r) { got.emplace(std::move(r)); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->ok());
        QVERIFY2(!got->error().isEmpty(), "an empty message");
    }

    // The veil: not for a read shorter than its delay (no flicker), shown for a longer one,
    // translated; screenshots of the Dashboard under it in both languages (MIKOMI_SHOTS).
    void busyVeil() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        QWidget page;
        page.resize(800, 500);
        auto *text = new QLabel(QStringLiteral("figures"), &page);
        text->move(20, 20);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ui::BusyOverlay veil(&page);
        int shows = 0;
        struct Counter : QObject {
            int *n;
            explicit Counter(int *count)
                : n(count) {}
            bool eventFilter(QObject *, QEvent *e) override {
                if (e->type() == QEvent::Show)
                    ++*n;
                return false;
            }
        } counter(&shows);
        veil.installEventFilter(&counter);
        veil.setBusy(true);
        QTest::qWait(ui::BusyOverlay::kDelayMs / 3);
        veil.setBusy(false);
        QTest::qWait(ui::BusyOverlay::kDelayMs * 2);
        QCOMPARE(shows, 0); // a fast read: nothing showed

        veil.setBusy(true);
        QTRY_VERIFY(veil.shown());
        QCOMPARE(shows, 1);
        QCOMPARE(veil.geometry(), page.rect());
        QVERIFY(veil.text().startsWith(QStringLiteral("Reading the database")));
        page.resize(900, 600);
        QCOMPARE(veil.geometry(), page.rect());
        QVERIFY(language.apply(QStringLiteral("ja")));
        QCoreApplication::processEvents();
        QVERIFY2(veil.text().startsWith(QStringLiteral("データベースを読み込んでいます")),
                 qPrintable(veil.text()));
        veil.setBusy(false);
        QVERIFY(!veil.shown());
        QVERIFY(language.apply(QStringLiteral("en")));

        const QString shots = qEnvironmentVariable("MIKOMI_SHOTS");
        if (shots.isEmpty())
            return;
        QVERIFY(QDir().mkpath(shots));
        ui::DashboardPage dashboard;
        dashboard.setDatabase(m_db.get());
        dashboard.resize(1100, 700);
        dashboard.show();
        QTRY_VERIFY(!dashboard.loading());
        ui::BusyOverlay dashboardVeil(&dashboard);
        dashboardVeil.setBusy(true);
        QTRY_VERIFY(dashboardVeil.shown());
        for (const QString &lang : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(language.apply(lang));
            QCoreApplication::processEvents();
            const QString file =
                QDir(shots).filePath(QStringLiteral("busy_dashboard_%1.png").arg(lang));
            QVERIFY(dashboard.grab().save(file));
            QVERIFY(QFileInfo(file).size() > 1000);
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<storage::Database> m_db;
};

QTEST_MAIN(TstBackgroundReader)
#include "tst_backgroundreader.moc"
