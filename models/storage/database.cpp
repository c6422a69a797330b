#include "models/storage/database.h"

#include "models/domain/log.h"
#include "models/storage/filelistener.h"
#include "models/storage/livefiles.h"
#include "models/storage/pgnotify.h"
#include "models/storage/sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <utility>

namespace mikomi::storage {
namespace {

QString nextConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("mikomi-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

bool hasSqliteMagic(const QByteArray &header) {
    return header.startsWith(QByteArray("SQLite format 3\0", 16));
}

QString file(const QString &path) {
    return QDir::toNativeSeparators(path);
}

Error notMikomi(const QString &path) {
    return {QCoreApplication::translate("mikomi::storage::Database",
                                        "%1 is not a Mikomi database; it was not changed. Check "
                                        "the file name, or choose another file.")
                .arg(file(path)),
            ErrorKind::NotMikomi};
}

// No SQLite header: another kind of file, or a database whose first page was overwritten.
Error notSqlite(const QString &path) {
    return {QCoreApplication::translate("mikomi::storage::Database",
                                        "%1 is not a Mikomi database, or it is damaged (it does "
                                        "not start like an SQLite file); it was not changed. "
                                        "Check the file name, or restore a backup copy.")
                .arg(file(path)),
            ErrorKind::NotMikomi};
}

Error corrupt(const QString &path) {
    return {corruptMessage(path), ErrorKind::Corrupt};
}

// The newest modification of the file's content: the file or its -wal (stat() only).
QDateTime contentStamp(const QString &path) {
    QDateTime t = QFileInfo(path).lastModified();
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.lastModified() > t)
        t = wal.lastModified();
    return t;
}

// A copy made before an earlier attempt to migrate from `version` that did not finish: it is
// newer than the last change of the file, so it holds exactly what the file holds now.
QString reusableBackup(const QString &path, int version, const QDateTime &stamp) {
    const QFileInfo info(path);
    const QStringList names = info.absoluteDir().entryList(
        {QStringLiteral("%1.v%2.bak").arg(info.fileName()).arg(version),
         QStringLiteral("%1.v%2-*.bak").arg(info.fileName()).arg(version)},
        QDir::Files);
    for (const QString &name : names) {
        const QFileInfo b(info.absoluteDir().filePath(name));
        if (b.size() > 0 && stamp.isValid() && b.lastModified() > stamp)
            return b.absoluteFilePath();
    }
    return {};
}

QString newBackupPath(const QString &path, int version) {
    const QString base = QStringLiteral("%1.v%2.bak").arg(path).arg(version);
    if (!QFileInfo::exists(base))
        return base;
    return QStringLiteral("%1.v%2-%3.bak")
        .arg(path)
        .arg(version)
        .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
}

// Writes a copy of the live database through SQLite itself (VACUUM INTO reads through this
// connection, WAL content included), never by opening the file: see the rule in database.h.
Status backupThroughSqlite(Database &db, const QString &target) {
    const QString part = target + QStringLiteral(".part");
    if (QFileInfo::exists(part) && !LiveFiles::isLive(part))
        QFile::remove(part); // a leftover of an interrupted copy
    if (auto r = exec(db, QStringLiteral("VACUUM INTO ?"), {part}); !r) {
        QFile::remove(part);
        return r.failure();
    }
    if (!QFile::rename(part, target)) {
        QFile::remove(part);
        return Error{QCoreApplication::translate("mikomi::storage::Database", "Cannot write %1.")
                         .arg(file(target)),
                     ErrorKind::Io};
    }
    return {};
}

} // namespace

Database::Database() = default;

Database::~Database() {
    m_listener.reset(); // the listeners read through this connection: stopped before it closes
    m_fileListener.reset();
    {
        QSqlDatabase c = QSqlDatabase::database(m_connection, false);
        if (c.isOpen())
            c.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    // m_live is released after this: the file stops being live once the connection is closed.
}

Status Database::verify() {
    if (!m_needsCheck)
        return {};
    if (!LiveFiles::beginCheck(*m_live)) {
        m_needsCheck = false;
        return {};
    }
    bool ok = false;
    Error failure = corrupt(m_path);
    if (auto r = exec(*this, QStringLiteral("PRAGMA quick_check(1)")); r) {
        ok = r->next() && r->value(0).toString() == QLatin1String("ok");
    } else if (r.errorKind() != ErrorKind::Corrupt) {
        failure = r.failure(); // locked, I/O: not known to be damaged
    }
    LiveFiles::endCheck(*m_live, ok);
    if (!ok)
        return failure;
    m_needsCheck = false;
    return {};
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const OpenOptions &options) {
    if (isServerUrl(path))
        return openServer(path, options);
    const std::vector<Migration> &migrations =
        options.migrations ? *options.migrations : builtinMigrations();
    const int target = options.targetVersion >= 0
                           ? options.targetVersion
                           : (migrations.empty() ? 0 : migrations.back().version);

    const QFileInfo info(path); // stat() only
    if (info.exists() && info.isDir())
        return Error{QCoreApplication::translate("mikomi::storage::Database",
                                                 "%1 is a folder, not a database file.")
                         .arg(file(path))};
    const QDateTime stamp = contentStamp(path);

    // Registered before the connection exists; the header is probed only when no connection of
    // this process has the file (never open() a live database file: see database.h).
    LiveFiles::Opening live = LiveFiles::open(path);
    if (live.first && live.exists && live.size > 0 && !hasSqliteMagic(live.header))
        return notSqlite(path);
    if (!options.readOnly) {
        if (live.exists && !info.isWritable())
            return Error{readOnlyMessage(path), ErrorKind::ReadOnly};
        const QDir dir = info.absoluteDir();
        if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
            return Error{QCoreApplication::translate("mikomi::storage::Database",
                                                     "Cannot create the folder %1.")
                             .arg(file(dir.absolutePath())),
                         ErrorKind::ReadOnly};
        // WAL needs to create PATH-wal and PATH-shm beside the file.
        if (!QFileInfo(dir.absolutePath()).isWritable())
            return Error{readOnlyMessage(path), ErrorKind::ReadOnly};
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_live = live.handle;
    db->m_connection = nextConnectionName();
    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connection);
    if (!c.isValid())
        return Error{QCoreApplication::translate(
            "mikomi::storage::Database", "The SQLite driver for Qt is not installed (QSQLITE).")};
    c.setDatabaseName(path);
    c.setConnectOptions(options.readOnly
                            ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                            : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!c.open())
        return sqlError(c.lastError(), path);

    // A page-1 fragment (a few bytes that start like SQLite) is a damaged file, not a new one.
    if (live.first && live.exists && live.size > 0 && live.size < 512)
        return corrupt(path);
    auto version = exec(*db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.failure();
    int current = version->next() ? version->value(0).toInt() : 0;
    version->finish();

    if (!live.verified) {
        // Only a file with nothing in it is new; any other SQLite file without our version
        // belongs to another program and is not touched.
        auto objects = exec(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!objects)
            return objects.errorKind() == ErrorKind::Other ? corrupt(path) : objects.failure();
        const qint64 count = objects->next() ? objects->value(0).toLongLong() : 0;
        objects->finish();
        if (current == 0 && count > 0)
            return notMikomi(path);
        if (current > 0) {
            // Ours has the tables of version 1 (another program may use user_version too).
            auto ours =
                exec(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = "
                                         "'table' AND name IN ('settings', 'leads', 'sources')"));
            if (!ours)
                return ours.errorKind() == ErrorKind::Other ? corrupt(path) : ours.failure();
            const qint64 n = ours->next() ? ours->value(0).toLongLong() : 0;
            ours->finish();
            if (n != 3)
                return notMikomi(path);
        }
        // Damaged pages are found before anything is read or written. Large files are checked
        // before the first write (Transaction) instead, so that opening stays fast.
        db->m_needsCheck = current > 0;
        if (current > 0 && (live.size <= options.quickCheckAtOpenBytes || current < target)) {
            if (Status s = db->verify(); !s)
                return s.failure();
        }
    }

    if (current > target)
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Database",
                         "The database %1 was made by a newer version of Mikomi (schema version "
                         "%2; this version knows up to %3). Please update Mikomi. The file was "
                         "not changed.")
                         .arg(file(path))
                         .arg(current)
                         .arg(target),
                     ErrorKind::NewerSchema};

    // A new file: 8 KiB pages (SQLite's default is 4 KiB). Lead rows are wide and indexes many;
    // larger pages mean fewer page splits and less per-page work when a database is filled.
    // Only speed depends on it: a refusal is logged, and the file keeps SQLite's page size.
    if (current == 0 && !options.readOnly) {
        if (auto r = exec(*db, QStringLiteral("PRAGMA page_size = 8192")); !r)
            qCWarning(log::storage, "PRAGMA page_size = 8192 refused on %s: %s",
                      qUtf8Printable(path), qUtf8Printable(r.error()));
    }

    if (current < target) {
        if (options.readOnly)
            return Error{QCoreApplication::translate(
                             "mikomi::storage::Database",
                             "The database %1 needs an upgrade but was opened read-only.")
                             .arg(file(path)),
                         ErrorKind::ReadOnly};
        if (current > 0) {
            // One copy per version, however often an upgrade is tried: an earlier attempt's copy
            // is reused while the file has not changed since.
            db->m_backupPath = reusableBackup(path, current, stamp);
            if (db->m_backupPath.isEmpty()) {
                db->m_backupPath = newBackupPath(path, current);
                if (Status s = backupThroughSqlite(*db, db->m_backupPath); !s)
                    return Error{QCoreApplication::translate(
                                     "mikomi::storage::Database",
                                     "Cannot make a backup copy of %1 before upgrading it (%2); "
                                     "the database was not changed.")
                                     .arg(file(path), s.error()),
                                 s.errorKind()};
            }
        }
        const QString kept = db->m_backupPath.isEmpty()
                                 ? QString()
                                 : QCoreApplication::translate(
                                       "mikomi::storage::Database",
                                       "A copy of the file from before the upgrade is at %1.")
                                       .arg(file(db->m_backupPath));
        const auto failed = [&](const Error &why) {
            Error e{QCoreApplication::translate(
                        "mikomi::storage::Database",
                        "Upgrading the database %1 to schema version %2 failed: %3 The database "
                        "was left unchanged.")
                        .arg(file(path))
                        .arg(target)
                        .arg(why.message),
                    why.kind};
            if (!kept.isEmpty())
                e.message += QLatin1Char(' ') + kept;
            return e;
        };
        // All steps in one transaction (each a savepoint): a failure leaves the file as it was.
        Transaction tx(*db);
        if (!tx.started())
            return failed(Error{tx.error(), tx.errorKind()});
        for (const Migration &m : migrations) {
            if (m.version <= current || m.version > target)
                continue;
            for (const QString &statement : m.statements) {
                auto r = exec(*db, statement);
                if (!r) {
                    tx.rollback();
                    Error why = r.failure();
                    why.message =
                        QCoreApplication::translate("mikomi::storage::Database", "step %1: %2")
                            .arg(m.version)
                            .arg(why.message);
                    return failed(why);
                }
            }
            if (m.run) {
                if (Status s = m.run(*db); !s) {
                    tx.rollback();
                    Error why = s.failure();
                    why.message =
                        QCoreApplication::translate("mikomi::storage::Database", "step %1: %2")
                            .arg(m.version)
                            .arg(why.message);
                    return failed(why);
                }
            }
        }
        if (auto r = exec(*db, QStringLiteral("PRAGMA user_version = %1").arg(target)); !r)
            return failed(r.failure());
        if (Status s = tx.commit(); !s)
            return failed(s.failure());
        current = target;
    }
    db->m_version = current;
    if (live.first && !live.exists)
        LiveFiles::refresh(*db->m_live); // SQLite has created the file: note its inode
    if (!db->m_needsCheck)
        LiveFiles::markVerified(*db->m_live);

    // Pragmas that must be set outside a transaction. WAL is persistent in the file.
    // Without it deleting a lead would leave its history, tasks and score behind: refuse.
    if (auto r = exec(*db, QStringLiteral("PRAGMA foreign_keys = ON")); !r)
        return r.failure();
    // SQLite ignores the pragma without an error where it cannot apply it (a build without
    // foreign keys): read it back.
    if (auto r = exec(*db, QStringLiteral("PRAGMA foreign_keys")); !r) {
        return r.failure();
    } else if (!r->next() || r->value(0).toInt() != 1) {
        return Error{QCoreApplication::translate("mikomi::storage::Database", "Database error: %1")
                         .arg(QStringLiteral("PRAGMA foreign_keys = ON had no effect"))};
    }
    // Deleted rows are overwritten with zeros, not left in free pages (privacy: an erased
    // person must not stay in the file). Qt's bundled SQLite (Windows, macOS) has it off.
    if (auto r = exec(*db, QStringLiteral("PRAGMA secure_delete = ON")); !r)
        return r.failure();
    if (!options.readOnly) {
        // Refused while another program fills the file in rollback-journal mode (BulkJournal):
        // then this connection follows the file's mode, which is WAL again once that ends.
        auto wal = exec(*db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!wal && wal.errorKind() != ErrorKind::Locked)
            return wal.failure();
        // FULL: a committed card survives a power cut, not only a crash of the program.
        if (auto r = exec(*db, QStringLiteral("PRAGMA synchronous = FULL")); !r)
            qCWarning(log::storage, "PRAGMA synchronous = FULL refused on %s: %s",
                      qUtf8Printable(path), qUtf8Printable(r.error()));
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
    if (db.transactionDepth() == 0 && db.backend() == Backend::Sqlite)
        m_active = journalMode(db, QStringLiteral("DELETE")) == QLatin1String("delete");
}

BulkJournal::~BulkJournal() {
    // Best effort: a reader holding the file keeps it in rollback mode until the next open,
    // which sets WAL again.
    if (m_active && journalMode(m_db, QStringLiteral("WAL")) != QLatin1String("wal"))
        qCInfo(log::storage, "journal mode stays DELETE until the file is opened again");
}

void Database::noteCommit() {
    ++m_ownCommits;
    if (m_live)
        LiveFiles::noteCommit(*m_live);
}

quint64 Database::commitsByOthersHere() const {
    return m_live ? LiveFiles::commits(*m_live) - m_ownCommits : 0;
}

Status Database::checkIntegrity() const {
    if (m_backend == Backend::Postgres)
        return checkServerIntegrity();
    auto r = exec(*this, QStringLiteral("PRAGMA integrity_check"));
    if (!r)
        return r.failure();
    if (r->next() && r->value(0).toString() == QLatin1String("ok"))
        return {};
    return Error{corruptMessage(m_path), ErrorKind::Corrupt};
}

std::optional<qint64> Database::ownLeadVersion(qint64 leadId) const {
    const auto it = m_ownVersions.constFind(leadId);
    if (it == m_ownVersions.cend())
        return std::nullopt;
    return *it;
}

Result<QHash<qint64, qint64>> Transaction::ownVersionsWritten() {
    QHash<qint64, qint64> out;
    const DataChange change = m_db.changes().pending();
    QSet<qint64> ids = std::exchange(m_db.m_watchedLeads, {});
    if (!change.touches(DataKind::Leads) && ids.isEmpty())
        return out;
    if (change.leadIds.isEmpty() && change.touches(DataKind::Leads)) {
        for (auto it = m_db.m_ownVersions.cbegin(); it != m_db.m_ownVersions.cend(); ++it)
            ids.insert(it.key()); // any lead may have changed (a bulk write)
    } else {
        for (qint64 id : change.leadIds)
            if (m_db.m_ownVersions.contains(id))
                ids.insert(id);
    }
    QList<qint64> all(ids.cbegin(), ids.cend());
    for (qsizetype at = 0; at < all.size(); at += 500) {
        const QList<qint64> part = all.mid(at, 500);
        QStringList marks;
        QVariantList binds;
        for (qint64 id : part) {
            marks << QStringLiteral("?");
            binds << id;
            out.insert(id, -1); // -1: gone (deleted in this transaction)
        }
        auto q = exec(
            m_db,
            QStringLiteral("SELECT id, version FROM leads WHERE id IN (%1)").arg(marks.join(u',')),
            binds);
        if (!q)
            return q.failure();
        while (q->next())
            out.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
    }
    return out;
}

Transaction::Transaction(Database &db)
    : m_db(db) {
    int &depth = m_db.transactionDepth();
    m_level = depth + 1;
    // Nothing is written into a damaged file: a large file, not checked at open, is checked
    // before its first write.
    if (m_level == 1 && !m_db.verified()) {
        if (Status s = m_db.verify(); !s) {
            m_error = s.error();
            m_kind = s.errorKind();
            m_done = true;
            return;
        }
    }
    const QString sql = m_level == 1 ? m_db.dialect().beginTransaction()
                                     : QStringLiteral("SAVEPOINT sp%1").arg(m_level);
    auto r = exec(m_db, sql);
    if (!r) {
        m_error = r.error();
        m_kind = r.errorKind();
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
        return Error{m_error.isEmpty()
                         ? QCoreApplication::translate("mikomi::storage::Database",
                                                       "The transaction was already finished.")
                         : m_error,
                     m_kind};
    const QString sql = m_level == 1 ? QStringLiteral("COMMIT")
                                     : QStringLiteral("RELEASE SAVEPOINT sp%1").arg(m_level);
    // On a team server the others hear of the change from the same transaction: NOTIFY is
    // delivered at COMMIT, and not at all when it rolls back (pgnotify.h).
    QHash<qint64, qint64> versions;
    if (m_level == 1) {
        auto own = ownVersionsWritten();
        if (!own) {
            rollback();
            return own.failure();
        }
        versions = std::move(own).value();
        if (Status s = notifyServer(m_db, m_db.changes().pending()); !s) {
            rollback();
            return s;
        }
    }
    auto r = exec(m_db, sql);
    if (!r) {
        rollback();
        return r.failure();
    }
    m_done = true;
    m_db.transactionDepth() = m_level - 1;
    if (m_level == 1) {
        m_db.noteCommit();
        for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
            if (it.value() < 0)
                m_db.m_ownVersions.remove(it.key());
            else
                m_db.m_ownVersions.insert(it.key(), it.value());
        }
        m_db.changes().m_inCommit = true;
        m_db.changes().flush(); // once per commit, with everything written in it
        m_db.changes().m_inCommit = false;
    }
    return {};
}

void Transaction::rollback() {
    if (m_done)
        return;
    m_done = true;
    m_db.noteRollback();
    // A failed rollback (SQLite may already have rolled back after an I/O error) is logged:
    // the caller is reporting the error that caused it.
    const auto logged = [](const auto &r) {
        if (!r)
            qCWarning(log::storage, "rollback: %s", qUtf8Printable(r.error()));
    };
    if (m_level == 1) {
        m_db.m_watchedLeads.clear();
        logged(exec(m_db, QStringLiteral("ROLLBACK")));
        m_db.changes().discard(); // nothing of it happened
    } else {
        logged(exec(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT sp%1").arg(m_level)));
        logged(exec(m_db, QStringLiteral("RELEASE SAVEPOINT sp%1").arg(m_level)));
    }
    m_db.transactionDepth() = m_level - 1;
}

} // namespace mikomi::storage
