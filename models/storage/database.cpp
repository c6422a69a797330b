#include "models/storage/database.h"

#include "models/storage/sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mikomi::storage {
namespace {

QString nextConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("mikomi-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

// A non-empty file must start with the SQLite header; anything else is not ours to touch.
bool looksLikeSqlite(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(16);
    return head == QByteArray("SQLite format 3\0", 16);
}

QString backupPathFor(const QString &path, int version) {
    const QString base = QStringLiteral("%1.v%2.bak").arg(path).arg(version);
    if (!QFileInfo::exists(base))
        return base;
    return QStringLiteral("%1.v%2-%3.bak")
        .arg(path)
        .arg(version)
        .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
}

} // namespace

Database::~Database() {
    {
        QSqlDatabase c = QSqlDatabase::database(m_connection, false);
        if (c.isOpen())
            c.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const OpenOptions &options) {
    const std::vector<Migration> &migrations =
        options.migrations ? *options.migrations : builtinMigrations();
    const int target =
        options.targetVersion >= 0 ? options.targetVersion : static_cast<int>(migrations.size());

    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return Error{QCoreApplication::translate("Mikomi", "%1 is a folder, not a database file.")
                         .arg(path)};
    if (info.exists() && info.size() > 0 && !looksLikeSqlite(path))
        return Error{
            QCoreApplication::translate(
                "Mikomi", "%1 is not a Mikomi database, or it is damaged. It was not changed.")
                .arg(path)};
    if (!info.exists() && !options.readOnly) {
        const QDir dir = info.absoluteDir();
        if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
            return Error{QCoreApplication::translate("Mikomi", "Cannot create the folder %1.")
                             .arg(dir.absolutePath())};
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_connection = nextConnectionName();
    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connection);
    if (!c.isValid())
        return Error{QCoreApplication::translate(
            "Mikomi", "The SQLite driver for Qt is not installed (QSQLITE).")};
    c.setDatabaseName(path);
    c.setConnectOptions(options.readOnly
                            ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                            : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!c.open())
        return Error{QCoreApplication::translate("Mikomi", "Cannot open the database %1: %2")
                         .arg(path, c.lastError().text())};

    auto version = exec(*db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Error{QCoreApplication::translate("Mikomi", "Cannot read the database %1: %2")
                         .arg(path, version.error())};
    int current = version->next() ? version->value(0).toInt() : 0;
    version->finish();
    // A new file: 8 KiB pages (SQLite's default is 4 KiB). Lead rows are wide and indexes many;
    // larger pages mean fewer page splits and less per-page work when a database is filled.
    if (current == 0 && !options.readOnly)
        (void)exec(*db, QStringLiteral("PRAGMA page_size = 8192"));
    // Make sure the rest of the file is readable too before we write anything.
    if (current > 0) {
        auto check = exec(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!check)
            return Error{QCoreApplication::translate("Mikomi", "Cannot read the database %1: %2")
                             .arg(path, check.error())};
    }

    if (current > target)
        return Error{QCoreApplication::translate(
                         "Mikomi",
                         "The database %1 was made by a newer version of Mikomi (schema version "
                         "%2; this version knows up to %3). Please update Mikomi. The file was "
                         "not changed.")
                         .arg(path)
                         .arg(current)
                         .arg(target)};

    if (current < target) {
        if (options.readOnly)
            return Error{QCoreApplication::translate(
                             "Mikomi", "The database %1 needs an upgrade but was opened read-only.")
                             .arg(path)};
        if (current > 0) {
            // Fold any WAL content into the file, then keep a copy of it as it was.
            (void)exec(*db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db->m_backupPath = backupPathFor(path, current);
            if (!QFile::copy(path, db->m_backupPath))
                return Error{QCoreApplication::translate(
                                 "Mikomi",
                                 "Cannot make a backup copy of %1 before upgrading it; the "
                                 "database was not changed.")
                                 .arg(path)};
        }
        // All steps in one transaction (each a savepoint): a failure leaves the file as it was.
        Transaction tx(*db);
        if (!tx.started())
            return Error{tx.error()};
        for (const Migration &m : migrations) {
            if (m.version <= current || m.version > target)
                continue;
            for (const QString &statement : m.statements) {
                auto r = exec(*db, statement);
                if (!r) {
                    tx.rollback();
                    return Error{QCoreApplication::translate(
                                     "Mikomi",
                                     "Upgrading the database to schema version %1 failed: %2 The "
                                     "database was left unchanged.")
                                     .arg(m.version)
                                     .arg(r.error())};
                }
            }
        }
        if (auto r = exec(*db, QStringLiteral("PRAGMA user_version = %1").arg(target)); !r)
            return Error{r.error()};
        if (Status s = tx.commit(); !s)
            return Error{
                QCoreApplication::translate(
                    "Mikomi", "Upgrading the database failed: %1 The database was left unchanged.")
                    .arg(s.error())};
        current = target;
    }
    db->m_version = current;

    // Pragmas that must be set outside a transaction. WAL is persistent in the file.
    (void)exec(*db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!options.readOnly) {
        // Refused while another program fills the file in rollback-journal mode (BulkJournal):
        // then this connection follows the file's mode, which is WAL again once that ends.
        auto wal = exec(*db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!wal && wal.error() != lockedMessage())
            return Error{wal.error()};
        // FULL: a committed card survives a power cut, not only a crash of the program.
        (void)exec(*db, QStringLiteral("PRAGMA synchronous = FULL"));
    }
    return db;
}

namespace {

QString journalMode(Database &db, const QString &mode) {
    auto q = exec(db, QStringLiteral("PRAGMA journal_mode = %1").arg(mode));
    return q && q->next() ? q->value(0).toString().toLower() : QString();
}

} // namespace

BulkJournal::BulkJournal(Database &db)
    : m_db(db) {
    if (db.transactionDepth() == 0)
        m_active = journalMode(db, QStringLiteral("DELETE")) == QLatin1String("delete");
}

BulkJournal::~BulkJournal() {
    if (m_active)
        (void)journalMode(m_db, QStringLiteral("WAL"));
}

bool Database::integrityOk() const {
    auto r = exec(*this, QStringLiteral("PRAGMA integrity_check"));
    return r && r->next() && r->value(0).toString() == QLatin1String("ok");
}

Transaction::Transaction(Database &db)
    : m_db(db) {
    int &depth = m_db.transactionDepth();
    m_level = depth + 1;
    const QString sql = m_level == 1 ? QStringLiteral("BEGIN IMMEDIATE")
                                     : QStringLiteral("SAVEPOINT sp%1").arg(m_level);
    auto r = exec(m_db, sql);
    if (!r) {
        m_error = r.error();
        m_done = true;
        return;
    }
    depth = m_level;
    m_started = true;
}

Transaction::~Transaction() {
    if (!m_done)
        rollback();
}

Status Transaction::commit() {
    if (!m_started || m_done)
        return Error{m_error.isEmpty() ? QCoreApplication::translate(
                                             "Mikomi", "The transaction was already finished.")
                                       : m_error};
    const QString sql = m_level == 1 ? QStringLiteral("COMMIT")
                                     : QStringLiteral("RELEASE SAVEPOINT sp%1").arg(m_level);
    auto r = exec(m_db, sql);
    if (!r) {
        rollback();
        return Error{r.error()};
    }
    m_done = true;
    m_db.transactionDepth() = m_level - 1;
    if (m_level == 1)
        m_db.changes().flush(); // once per commit, with everything written in it
    return {};
}

void Transaction::rollback() {
    if (m_done)
        return;
    m_done = true;
    m_db.noteRollback();
    if (m_level == 1) {
        (void)exec(m_db, QStringLiteral("ROLLBACK"));
        m_db.changes().discard(); // nothing of it happened
    } else {
        (void)exec(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT sp%1").arg(m_level));
        (void)exec(m_db, QStringLiteral("RELEASE SAVEPOINT sp%1").arg(m_level));
    }
    m_db.transactionDepth() = m_level - 1;
}

} // namespace mikomi::storage
