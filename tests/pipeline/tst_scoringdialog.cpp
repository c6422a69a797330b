// Settings > Scoring rules > OK: the rules are saved and every lead rescored on a worker thread
// behind a cancellable progress dialog; the dialog never blocks the event loop, a cancel
// changes nothing and keeps the edits, and the pages can read the new scores once it closes.
#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "ui/scoringdialog.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mikomi;

namespace {

// Scores that do not depend on the time they are computed at: attribute rules only.
scoring::Rules titleRules(int points) {
    scoring::Rules r;
    r.attributes = {{QStringLiteral("title"), scoring::AttributeRule::Op::Contains,
                     QStringLiteral("部長"), points}};
    r.thresholds.mqlScore = 40;
    return r;
}

} // namespace

class TestScoringDialog final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    QList<Lead> m_leads;

    QHash<qint64, int> scores() {
        QHash<qint64, int> out;
        const Status s = storage::LeadRepository(*m_db).forEach({}, [&](Lead &&l) {
            out.insert(l.id, l.score);
            return true;
        });
        if (!s)
            qFatal("%s", qPrintable(s.error()));
        return out;
    }

    // A modal message box would block the test forever: close whatever is left open (while
    // `dialog` lives, so that no later test is disturbed).
    static void closeModalsAfter(QObject *dialog, int ms) {
        QTimer::singleShot(ms, dialog, [] {
            if (QWidget *w = QApplication::activeModalWidget())
                w->close();
        });
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("dialog.mikomi")));
        QVERIFY2(db, qPrintable(db ? QString() : db.error()));
        m_db = std::move(db).value();
        auto n = services::writeDemo(*m_db, 2000, 3, QDate(2026, 6, 30));
        QVERIFY2(n, qPrintable(n ? QString() : n.error()));
        QVERIFY(storage::ScoringStore(*m_db).save(titleRules(10)));
        QVERIFY(storage::ScoringStore(*m_db).recomputeAll(QDateTime::currentDateTime()));
    }

    void cancelChangesNothingAndKeepsTheEdits() {
        const auto rulesBefore = *storage::ScoringStore(*m_db).load();
        const auto scoresBefore = scores();
        ui::ScoringDialog dialog(*m_db);
        dialog.show();
        dialog.setRules(titleRules(77));
        // Another connection holds the write lock, so the recompute has to wait for it: the
        // dialog must not wait with it.
        auto other = storage::Database::open(m_db->path());
        QVERIFY2(other, qPrintable(other ? QString() : other.error()));
        std::optional<storage::Transaction> lock(std::in_place, **other);
        QVERIFY(lock->started());
        closeModalsAfter(&dialog, 8000);
        QElapsedTimer t;
        t.start();
        dialog.accept();
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto *progress = dialog.findChild<QProgressDialog *>(QStringLiteral("recomputeProgress"));
        QVERIFY(progress);
        QTRY_VERIFY(progress->isVisible()); // the event loop runs meanwhile
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        lock.reset(); // rolled back: the worker gets the database, sees the cancel, rolls back
        QTRY_VERIFY(!dialog.findChild<QProgressDialog *>(QStringLiteral("recomputeProgress")));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.rules(), titleRules(77)); // the edits are still there
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("recomputeStatus"));
        QVERIFY(status && status->isVisible() && !status->text().isEmpty());
        QCOMPARE(*storage::ScoringStore(*m_db).load(), rulesBefore);
        QCOMPARE(scores(), scoresBefore);
    }

    void okSavesAndRescoresInTheBackground() {
        ui::ScoringDialog dialog(*m_db);
        dialog.show();
        dialog.setRules(titleRules(55));
        closeModalsAfter(&dialog, 8000);
        dialog.accept();
        // The work is on another thread; its end is delivered through the event loop, so
        // the dialog cannot be done yet.
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(*storage::ScoringStore(*m_db).load(), titleRules(55));
        qint64 bosses = 0;
        for (auto [id, score] : scores().asKeyValueRange()) {
            auto lead = storage::LeadRepository(*m_db).get(id);
            QVERIFY(lead);
            const bool boss = lead->title.contains(QStringLiteral("部長"));
            bosses += boss;
            QCOMPARE(score, boss ? 55 : 0);
        }
        QVERIFY(bosses > 0);
        QCOMPARE(dialog.changedScores(), bosses); // 10 -> 55 for each of them, no other
    }

    void failureSaysSoAndChangesNothing() {
        const auto rulesBefore = *storage::ScoringStore(*m_db).load();
        ui::ScoringDialog dialog(*m_db);
        dialog.show();
        dialog.setRules(titleRules(3));
        auto other = storage::Database::open(m_db->path());
        QVERIFY(other);
        storage::Transaction lock(**other); // held past the 5 s busy timeout
        QVERIFY(lock.started());
        QString message;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                box && box != &dialog && !box->findChild<QProgressBar *>()) {
                if (auto *label = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label")))
                    message = label->text();
                box->close();
            }
        });
        poll.start(50);
        dialog.accept();
        QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), 20000);
        QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        lock.rollback();
        QCOMPARE(*storage::ScoringStore(*m_db).load(), rulesBefore);
    }

    // $MIKOMI_SHOTS=DIR: the progress while the recompute waits, and the dialog after a cancel.
    void shots_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void shots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("MIKOMI_SHOTS is not set");
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        QVERIFY(QDir().mkpath(dir));
        ui::ScoringDialog dialog(*m_db);
        dialog.show();
        auto other = storage::Database::open(m_db->path());
        QVERIFY(other);
        std::optional<storage::Transaction> lock(std::in_place, **other);
        QVERIFY(lock->started());
        closeModalsAfter(&dialog, 8000);
        dialog.accept();
        auto *progress = dialog.findChild<QProgressDialog *>(QStringLiteral("recomputeProgress"));
        QVERIFY(progress);
        QTRY_VERIFY(progress->isVisible());
        QCOMPARE(progress->labelText() == QStringLiteral("Recomputing the score of every lead…"),
                 lang == QStringLiteral("en"));
        QVERIFY(progress->grab().save(QStringLiteral("%1/scoring_progress_%2.png").arg(dir, lang)));
        progress->findChild<QPushButton *>()->click();
        lock.reset();
        QTRY_VERIFY(!dialog.findChild<QProgressDialog *>(QStringLiteral("recomputeProgress")));
        QVERIFY(dialog.grab().save(QStringLiteral("%1/scoring_cancelled_%2.png").arg(dir, lang)));
    }
};

QTEST_MAIN(TestScoringDialog)
#include "tst_scoringdialog.moc"
