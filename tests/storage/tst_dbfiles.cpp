#include "models/storage/database.h"
#include "models/storage/livefiles.h"
#include "models/storage/repositories.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::storage;

// Files that are not what they claim (issue 11): damaged files, other programs' SQLite files,
// read-only and full disks, failed upgrades; each refused with a message that names the file,
// an ErrorKind, and the file left byte-identical.
namespace {

QByteArray fileHash(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs SQL on a plain SQLite connection (another program's view of the file).
QStringList rawQuery(const QString &path, const QString &sql) {
    QStringList out;
    {
        QSqlDatabase c =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        c.setDatabaseName(path);
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(sql)) {
                while (q.next())
                    out << q.value(0).toString();
            } else {
                out << QStringLiteral("error: ") + q.lastError().text();
            }
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return out;
}

// A closed Mikomi database with `n` leads (and their stage history, sources, ...).
bool makeDatabase(const QString &path, int n) {
    auto db = Database::open(path);
    if (!db)
        return false;
    LeadRepository leads(**db);
    Transaction tx(**db);
    for (int i = 0; i < n; ++i) {
        Lead l;
        l.company = QStringLiteral("株式会社サンプル%1").arg(i);
        l.familyName = QStringLiteral("山田");
        l.givenName = QStringLiteral("太郎%1").arg(i);
        l.email = QStringLiteral("taro%1@example.com").arg(i);
        l.notes = QStringLiteral("ウェビナー参加 %1").arg(i).repeated(3);
        if (!leads.insert(l))
            return false;
    }
    return tx.commit().ok();
}

} // namespace

class TestDbFiles final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_good; // a healthy database with 300 leads

private slots:
    void initTestCase() {
        m_good = m_dir.filePath(QStringLiteral("good.mikomi"));
        QVERIFY(makeDatabase(m_good, 300));
        QCOMPARE(rawQuery(m_good, QStringLiteral("PRAGMA integrity_check")),
                 QStringList{QStringLiteral("ok")});
    }

    // Truncations, header bytes, zeroed pages and bit flips: every copy that SQLite's
    // quick_check calls damaged is refused as Corrupt (or not-ours), never read or written.
    // (quick_check does not compare indexes with their tables; integrity_check does, at several
    // times the cost.)
    void refusesEveryCorruptCopy() {
        const QByteArray good = readAll(m_good);
        const int pageSize = 8192;
        const int pages = int(good.size() / pageSize);
        QVERIFY(pages > 4);
        QList<std::pair<QString, QByteArray>> copies;
        for (qint64 size : {qint64(50), qint64(good.size() / 2), qint64(good.size() - pageSize)})
            copies.append({QStringLiteral("truncated to %1").arg(size), good.left(size)});
        for (int offset : {16, 17, 18, 20, 21, 28, 32, 36, 44, 52, 56, 60, 64, 96, 100, 101, 105}) {
            QByteArray b = good;
            b[offset] = char(b[offset] ^ 0x5a);
            copies.append({QStringLiteral("header byte %1").arg(offset), b});
        }
        for (int page = 1; page < pages; page += qMax(1, pages / 10)) {
            QByteArray b = good;
            b.replace(page * pageSize, pageSize, QByteArray(pageSize, '\0'));
            copies.append({QStringLiteral("page %1 zeroed").arg(page + 1), b});
        }
        QRandomGenerator rng(11);
        for (int i = 0; i < 30; ++i) {
            QByteArray b = good;
            const int page = 1 + int(rng.bounded(pages - 1));
            for (int k = 0; k < 64; ++k) {
                const int at = page * pageSize + int(rng.bounded(pageSize));
                b[at] = char(b[at] ^ (1 << rng.bounded(8)));
            }
            copies.append(
                {QStringLiteral("64 bit flips in page %1 (set %2)").arg(page + 1).arg(i), b});
        }

        int corrupt = 0;
        for (const auto &[what, bytes] : copies) {
            const QString probe = m_dir.filePath(QStringLiteral("probe.db"));
            const QString path = m_dir.filePath(QStringLiteral("copy.mikomi"));
            QFile::remove(probe);
            QFile::remove(path);
            QVERIFY(writeAll(probe, bytes));
            QVERIFY(writeAll(path, bytes));
            const QStringList check = rawQuery(probe, QStringLiteral("PRAGMA quick_check"));
            if (check == QStringList{QStringLiteral("ok")})
                continue; // harmless damage (an unused byte): no need to refuse it
            ++corrupt;
            const QByteArray before = fileHash(path);
            auto db = Database::open(path);
            QVERIFY2(!db.ok(), qPrintable(what + QStringLiteral(" was opened: ") +
                                          check.mid(0, 3).join(QLatin1Char('|'))));
            QVERIFY2(db.errorKind() == ErrorKind::Corrupt || db.errorKind() == ErrorKind::NotMikomi,
                     qPrintable(what + QStringLiteral(": ") + db.error()));
            QVERIFY2(db.error().contains(QDir::toNativeSeparators(path)), qPrintable(db.error()));
            if (db.errorKind() == ErrorKind::Corrupt)
                QVERIFY2(db.error().contains(QStringLiteral(".recover")), qPrintable(db.error()));
            QVERIFY2(fileHash(path) == before, qPrintable(what + QStringLiteral(" was changed")));
        }
        QVERIFY2(corrupt >= 20, qPrintable(QString::number(corrupt)));
    }

    // A large file is checked before its first write instead of at open: a damaged one still
    // gets no write. (quickCheckAtOpenBytes = 0 makes this small file count as large.)
    void largeFileIsCheckedBeforeFirstWrite() {
        const QString path = m_dir.filePath(QStringLiteral("large.mikomi"));
        QByteArray b = readAll(m_good);
        const int pageSize = 8192;
        const int page = int(b.size() / pageSize / 2);
        b.replace(page * pageSize, pageSize, QByteArray(pageSize, '\0'));
        QVERIFY(writeAll(path, b));
        QVERIFY(rawQuery(path, QStringLiteral("PRAGMA quick_check")) !=
                QStringList{QStringLiteral("ok")});
        const QByteArray before = fileHash(path);
        OpenOptions o;
        o.quickCheckAtOpenBytes = 0;
        auto db = Database::open(path, o);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QVERIFY(!(*db)->verified());
        LeadRepository leads(**db);
        Lead l;
        l.company = QStringLiteral("Should not be written");
        auto r = leads.insert(l);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorKind(), ErrorKind::Corrupt);
        QVERIFY2(r.error().contains(QStringLiteral(".recover")), qPrintable(r.error()));
        // A single statement outside a transaction is refused too.
        const Status setting =
            SettingsRepository(**db).setValue(QStringLiteral("k"), QStringLiteral("v"));
        QCOMPARE(setting.errorKind(), ErrorKind::Corrupt);
        db = Error{};
        QCOMPARE(fileHash(path), before);

        // A healthy large file: checked once, then written.
        const QString fine = m_dir.filePath(QStringLiteral("large-ok.mikomi"));
        QVERIFY(QFile::copy(m_good, fine));
        auto ok = Database::open(fine, o);
        QVERIFY(ok.ok());
        QVERIFY(!(*ok)->verified());
        QVERIFY(LeadRepository(**ok).insert(l).ok());
        QVERIFY((*ok)->verified());
    }

    // Another program's SQLite file given as the database: refused, byte-identical.
    void refusesAnotherProgramsFile() {
        const QString path = m_dir.filePath(QStringLiteral("other_app.db"));
        QVERIFY(rawQuery(path, QStringLiteral("CREATE TABLE t(x)")).isEmpty());
        QVERIFY(rawQuery(path, QStringLiteral("INSERT INTO t VALUES (1)")).isEmpty());
        const QByteArray before = fileHash(path);
        for (bool readOnly : {false, true}) {
            OpenOptions o;
            o.readOnly = readOnly;
            auto db = Database::open(path, o);
            QVERIFY(!db.ok());
            QCOMPARE(db.errorKind(), ErrorKind::NotMikomi);
            QVERIFY2(db.error().contains(QStringLiteral("is not a Mikomi database")) &&
                         db.error().contains(QDir::toNativeSeparators(path)),
                     qPrintable(db.error()));
            QCOMPARE(fileHash(path), before);
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

        // One that uses user_version for itself.
        QVERIFY(rawQuery(path, QStringLiteral("PRAGMA user_version = 3")).isEmpty());
        const QByteArray v3 = fileHash(path);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.errorKind(), ErrorKind::NotMikomi);
        QCOMPARE(fileHash(path), v3);
        const QStringList backups =
            QDir(m_dir.path()).entryList({QStringLiteral("other_app.db.*")}, QDir::Files);
        QVERIFY2(backups.isEmpty(), qPrintable(backups.join(QLatin1Char(' '))));
    }

    // An empty SQLite file (nothing in sqlite_schema) is a new database.
    void emptySqliteFileIsNew() {
        const QString path = m_dir.filePath(QStringLiteral("empty.db"));
        QVERIFY(rawQuery(path, QStringLiteral("PRAGMA user_version")) ==
                QStringList{QStringLiteral("0")});
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
    }

    void newerSchemaHasItsKind() {
        const QString path = m_dir.filePath(QStringLiteral("future.mikomi"));
        QVERIFY(makeDatabase(path, 1));
        QVERIFY(rawQuery(path, QStringLiteral("PRAGMA user_version = 99")).isEmpty());
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.errorKind(), ErrorKind::NewerSchema);
        QVERIFY(db.error().contains(QDir::toNativeSeparators(path)));
    }

    // A failed upgrade tried again and again leaves one backup copy, and says where it is.
    void failedMigrationRetriedLeavesOneBackup() {
        const QString path = m_dir.filePath(QStringLiteral("retry.mikomi"));
        QVERIFY(makeDatabase(path, 10));
        // A v6 file that claims to be v1: the v2 step fails (its objects exist already).
        QVERIFY(rawQuery(path, QStringLiteral("PRAGMA user_version = 1")).isEmpty());
        const QByteArray before = fileHash(path);
        QString firstError;
        for (int attempt = 0; attempt < 10; ++attempt) {
            auto db = Database::open(path);
            QVERIFY(!db.ok());
            if (firstError.isEmpty())
                firstError = db.error();
            QCOMPARE(fileHash(path), before);
        }
        const QStringList backups =
            QDir(m_dir.path()).entryList({QStringLiteral("retry.mikomi.*")}, QDir::Files);
        QCOMPARE(backups, QStringList{QStringLiteral("retry.mikomi.v1.bak")});
        const QString backup =
            QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("retry.mikomi.v1.bak")));
        QVERIFY2(firstError.contains(backup), qPrintable(firstError));
        QCOMPARE(rawQuery(backup, QStringLiteral("SELECT count(*) FROM leads")),
                 QStringList{QStringLiteral("10")});

        // Once the file changes, the old copy is kept and a new one is made next to it.
        QTest::qWait(20);
        QVERIFY(rawQuery(path, QStringLiteral("DELETE FROM leads WHERE id = 1")).isEmpty());
        QVERIFY(!Database::open(path).ok());
        QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral("retry.mikomi.*.bak")}, QDir::Files)
                     .size(),
                 2);
    }

    void secureDeleteIsOn() {
        const QString path = m_dir.filePath(QStringLiteral("secure.mikomi"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA secure_delete")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);

        // And a deleted lead's bytes are gone from the file.
        LeadRepository leads(**db);
        Lead l;
        l.email = QStringLiteral("erase-me-7f3a@example.com");
        QVERIFY(leads.insert(l).ok());
        QVERIFY(leads.remove(l.id).ok());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        q.finish();
        const QByteArray bytes = readAll(path) + readAll(path + QStringLiteral("-wal"));
        QVERIFY(!bytes.contains("erase-me-7f3a"));
    }

    // A full disk, a locked file: errors with their kind and the file's name.
    void errorKindsFromSqliteCodes() {
        const QString path = m_dir.filePath(QStringLiteral("kinds.mikomi"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        {
            QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
            const int pages = q.value(0).toInt();
            QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        }
        LeadRepository leads(**db);
        Status full;
        for (int i = 0; i < 200 && full.ok(); ++i) {
            Lead l;
            l.notes = QString(2000, QLatin1Char('x'));
            auto r = leads.insert(l);
            if (!r)
                full = Error{r.error(), r.errorKind()};
        }
        QVERIFY(!full.ok());
        QCOMPARE(full.errorKind(), ErrorKind::DiskFull);
        QVERIFY2(full.error().contains(QDir::toNativeSeparators(path)), qPrintable(full.error()));

        // Another connection holds the write lock: Locked, after the busy timeout.
        auto other = Database::open(path);
        QVERIFY(other.ok());
        Transaction hold(**other);
        QVERIFY(hold.started());
        QSqlQuery t(QSqlDatabase::database((*db)->connectionName()));
        QVERIFY(t.exec(QStringLiteral("PRAGMA busy_timeout = 10")));
        Transaction blocked(**db);
        QVERIFY(!blocked.started());
        QCOMPARE(blocked.errorKind(), ErrorKind::Locked);
        QVERIFY2(blocked.error().contains(QDir::toNativeSeparators(path)),
                 qPrintable(blocked.error()));
    }

    void readOnlyFileAndFolder() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.mikomi"));
        QVERIFY(makeDatabase(path, 1));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
        if (QFileInfo(path).isWritable()) {
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
            QSKIP("running as root: permissions do not apply");
        }
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.errorKind(), ErrorKind::ReadOnly);
        QVERIFY2(db.error().contains(QStringLiteral("read-only")), qPrintable(db.error()));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        auto inFolder = Database::open(path);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!inFolder.ok());
        QCOMPARE(inFolder.errorKind(), ErrorKind::ReadOnly);
        QVERIFY2(inFolder.error().contains(QStringLiteral("folder")), qPrintable(inFolder.error()));
    }

    // The registry: a live database (and its -wal/-shm, under any name) is known; once closed
    // it is not.
    void liveFilesAreKnown() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.mikomi"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(LiveFiles::isLive(path));
            QVERIFY(LiveFiles::isLive(path + QStringLiteral("-wal")));
            QVERIFY(LiveFiles::isLive(dir.path() + QStringLiteral("/./live.mikomi")));
            QVERIFY(QFile::link(path, dir.filePath(QStringLiteral("alias.mikomi"))));
            QVERIFY(LiveFiles::isLive(dir.filePath(QStringLiteral("alias.mikomi"))));
            QVERIFY(!LiveFiles::isLive(dir.filePath(QStringLiteral("other.csv"))));
            const Status refused = LiveFiles::refuseLiveDatabase(path);
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().contains(QDir::toNativeSeparators(path)));
        }
        QVERIFY(!LiveFiles::isLive(path));
        QVERIFY(LiveFiles::refuseLiveDatabase(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestDbFiles)
#include "tst_dbfiles.moc"
