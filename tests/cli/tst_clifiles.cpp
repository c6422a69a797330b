#include "clirun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `--db` pointing at a file that is not a healthy Mikomi database (issue 11): every command
// refuses it with exit 1 and a message naming the file, and leaves it byte-identical.
class TestCliFiles final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    using Run = clitest::Run;
    static Run mikomi(const QStringList &args) { return clitest::mikomi(args); }

    static QByteArray hash(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly)
                   ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                   : QByteArray();
    }

    static void raw(const QString &path, const QStringList &statements) {
        {
            QSqlDatabase c =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            for (const QString &s : statements)
                QVERIFY(q.exec(s));
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    // Every command that reads or writes the database, on `path`.
    void everyCommandRefuses(const QString &path, const QString &expected) {
        const QString csv = m_dir.filePath(QStringLiteral("one.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("company,family_name,email\nNewCo,佐藤,sato@example.com\n");
        f.close();
        const QByteArray before = hash(path);
        const QList<QStringList> commands{
            {QStringLiteral("report"), QStringLiteral("sources")},
            {QStringLiteral("sources"), QStringLiteral("list")},
            {QStringLiteral("import"), csv},
            {QStringLiteral("export"), m_dir.filePath(QStringLiteral("out.csv"))},
        };
        for (QStringList args : commands) {
            args << QStringLiteral("--db") << path;
            const Run r = mikomi(args);
            QVERIFY2(r.code == 1, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                             QString::number(r.code) + QLatin1Char(' ') + r.err));
            QVERIFY2(r.err.contains(expected) && r.err.contains(QDir::toNativeSeparators(path)),
                     qPrintable(r.err));
            QVERIFY2(hash(path) == before,
                     qPrintable(args.first() + QStringLiteral(" changed it")));
        }
    }

private slots:
    void refusesAnotherProgramsFile() {
        const QString path = m_dir.filePath(QStringLiteral("other_app.db"));
        raw(path,
            {QStringLiteral("CREATE TABLE t(x)"), QStringLiteral("INSERT INTO t VALUES (1)")});
        everyCommandRefuses(path, QStringLiteral("is not a Mikomi database"));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesDamagedFile() {
        const QString path = m_dir.filePath(QStringLiteral("damaged.mikomi"));
        QCOMPARE(mikomi({QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("300"),
                         QStringLiteral("--db"), path})
                     .code,
                 0);
        // Bit flips inside one page in the middle of the file (a table or index page).
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 at = (f.size() / 8192 / 2) * 8192;
        QVERIFY(f.seek(at));
        QByteArray page = f.read(8192);
        for (int i = 16; i < page.size(); i += 97)
            page[i] = char(page[i] ^ 0x24);
        QVERIFY(f.seek(at));
        QCOMPARE(f.write(page), qint64(page.size()));
        f.close();
        everyCommandRefuses(path, QStringLiteral(".recover"));
    }

    // Exporting over the open database itself is refused; the database still works.
    void exportOverTheDatabaseIsRefused() {
        const QString path = m_dir.filePath(QStringLiteral("self.mikomi"));
        QCOMPARE(mikomi({QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("20"),
                         QStringLiteral("--db"), path})
                     .code,
                 0);
        const QByteArray before = hash(path);
        const Run r = mikomi({QStringLiteral("export"), path, QStringLiteral("--db"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Choose another file")), qPrintable(r.err));
        QCOMPARE(hash(path), before);
        const Run again = mikomi({QStringLiteral("import"), path, QStringLiteral("--db"), path});
        QCOMPARE(again.code, 1);
        QCOMPARE(hash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestCliFiles)
#include "tst_clifiles.moc"
