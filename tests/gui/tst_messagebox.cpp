#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QProcess>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;

// The message-box seam: a queued answer is taken without a modal loop, and what was asked is
// recorded, so the window's questions and error paths can be tested.
class TestMessageBox final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString demoFile(const QString &name, qint64 leads) {
        const QString path = m_dir.filePath(name);
        auto db = storage::Database::open(path);
        if (!db)
            return {};
        if (!services::writeDemo(**db, leads, 3, QDate(2026, 11, 1)).ok())
            return {};
        return path;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { ui::MessageBox::clear(); }

    void queuedAnswersAreTakenInOrderAndRecorded() {
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QCOMPARE(ui::MessageBox::question(nullptr, QStringLiteral("T1"), QStringLiteral("first")),
                 QMessageBox::No);
        QCOMPARE(ui::MessageBox::question(nullptr, QStringLiteral("T2"), QStringLiteral("second")),
                 QMessageBox::Yes);
        QCOMPARE(ui::MessageBox::pendingAnswers(), 0);
        QCOMPARE(ui::MessageBox::takeShown(),
                 (QStringList{QStringLiteral("T1: first"), QStringLiteral("T2: second")}));
        QVERIFY(ui::MessageBox::takeShown().isEmpty());

        // A box with its own buttons is answered by a button's text.
        QMessageBox box(QMessageBox::Question, QStringLiteral("Own"), QStringLiteral("pick"),
                        QMessageBox::NoButton);
        box.addButton(QStringLiteral("Alpha"), QMessageBox::AcceptRole);
        QAbstractButton *beta = box.addButton(QStringLiteral("Beta"), QMessageBox::RejectRole);
        ui::MessageBox::setNextAnswer(QStringLiteral("Beta"));
        QCOMPARE(ui::MessageBox::exec(box), beta);
        ui::MessageBox::setNextAnswer(QStringLiteral("Gamma"));
        QCOMPARE(ui::MessageBox::exec(box), nullptr);
    }

    // Delete in the Leads list asks first: No keeps the lead, Yes deletes it.
    void deletingLeadsAsksFirst() {
        const QString path = demoFile(QStringLiteral("delete.mikomi"), 40);
        QVERIFY(!path.isEmpty());
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(path).ok());
        w.resize(1200, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *count = w.findChild<QLabel *>(QStringLiteral("leadsCount"));
        QVERIFY(count);
        auto *view = count->parentWidget()->findChild<QTableView *>();
        QVERIFY(view);
        QTRY_COMPARE(view->model()->rowCount(), 40);
        view->setFocus();
        view->selectRow(0);

        ui::MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(ui::MessageBox::pendingAnswers(), 0);
        const QStringList asked = ui::MessageBox::takeShown();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(
            asked.first(),
            QStringLiteral("Delete leads: Delete 1 lead with their history? You can undo this."));
        QTest::qWait(50);
        QCOMPARE(view->model()->rowCount(), 40);

        view->selectRow(0);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(ui::MessageBox::pendingAnswers(), 0);
        QTRY_COMPARE(view->model()->rowCount(), 39);
    }

    // A dashboard that cannot read its numbers says so (before the seam this path could only be
    // reached with a modal box nobody could close).
    void dashboardLoadErrorIsShown() {
        const QString path = demoFile(QStringLiteral("broken.mikomi"), 30);
        QVERIFY(!path.isEmpty());
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(path).ok());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Another program breaks the file while the window has it open.
        QProcess shell;
        shell.start(QStringLiteral("sqlite3"),
                    {path, QStringLiteral("ALTER TABLE spend RENAME TO spend_elsewhere")});
        QVERIFY(shell.waitForFinished(30000));
        QCOMPARE(shell.exitCode(), 0);

        ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(nav);
        nav->setCurrentRow(3); // Dashboard
        QTRY_COMPARE(ui::MessageBox::pendingAnswers(), 0);
        const QStringList shown = ui::MessageBox::takeShown();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().startsWith(QStringLiteral("Dashboard: ")),
                 qPrintable(shown.first()));
        QVERIFY2(shown.first().contains(QStringLiteral("spend")), qPrintable(shown.first()));
    }
};

QTEST_MAIN(TestMessageBox)
#include "tst_messagebox.moc"
