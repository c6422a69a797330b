#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Saved data must survive another process reading the file while the app has it open (issue 11:
// POSIX locks are per process, so one stray open()/close() of the database file in the app
// dropped its locks; the reader then deleted the -wal and every later save was lost at a crash).
class TestLockLoss final : public QObject {
    Q_OBJECT
private:
    static QByteArray runReader(const QStringList &program) {
        QProcess p;
        p.start(program.first(), program.mid(1));
        if (!p.waitForFinished(30000))
            return {};
        return p.readAllStandardOutput().trimmed() + p.readAllStandardError().trimmed();
    }

    void committedRowsSurviveKill(const QStringList &reader) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("booth.mikomi"));
        constexpr int rows = 25;

        QProcess writer;
        writer.start(QStringLiteral(LOCKLOSS_HELPER),
                     {QStringLiteral("write"), path, QString::number(rows)});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(30000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));

        // Another process reads the file while the "window" has it open.
        QStringList cmd = reader;
        cmd << path;
        if (reader.first().endsWith(QLatin1String("sqlite3")))
            cmd << QStringLiteral("SELECT count(*) FROM leads");
        else
            cmd.insert(1, QStringLiteral("read"));
        QCOMPARE(runReader(cmd), QByteArray("0"));
        const bool walKept = QFileInfo::exists(path + QStringLiteral("-wal"));

        writer.write("go\n");
        QVERIFY(writer.waitForReadyRead(30000));
        while (!writer.canReadLine())
            QVERIFY(writer.waitForReadyRead(30000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("committed ") + QByteArray::number(rows));

        writer.kill(); // SIGKILL: no chance to checkpoint or clean up
        QVERIFY(writer.waitForFinished(30000));

        QStringList check{QStringLiteral(LOCKLOSS_HELPER), QStringLiteral("read"), path};
        QCOMPARE(runReader(check), QByteArray::number(rows));
        QVERIFY2(walKept, "the reader deleted the -wal of a file still open in another process");
    }

private slots:
    void readerProcessWithOwnConnection() {
        committedRowsSurviveKill({QStringLiteral(LOCKLOSS_HELPER)});
    }

    void sqliteShellReads() {
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (shell.isEmpty())
            QSKIP("the sqlite3 shell is not installed");
        committedRowsSurviveKill({shell});
    }
};

QTEST_GUILESS_MAIN(TestLockLoss)
#include "tst_lockloss.moc"
