#pragma once

#include "models/domain/result.h"
#include "models/storage/changefeed.h"
#include "models/storage/dialect.h"
#include "models/storage/livefiles.h"
#include "models/storage/schema.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mikomi::storage {

// Files up to this size get PRAGMA quick_check at open; larger ones before their first write
// transaction (or earlier, in the background, by the search indexer). Measured with Debian's
// SQLite 3.40: quick_check of a 1,000,000-lead file (1.6 GB) takes 6.6-7.4 s of CPU (33-37 s
// wall on a loaded 2-core machine), about 4 ms per MB, so 64 MB (~40,000 leads) costs ~0.3 s.
inline constexpr qint64 kQuickCheckAtOpenBytes = 64LL * 1024 * 1024;

struct OpenOptions {
    // Migrate up to this version (default: the current schema). Tests open older versions.
    int targetVersion = -1;
    // The migrations to run (default: the built-in ones). Tests inject a failing step.
    const std::vector<Migration> *migrations = nullptr;
    bool readOnly = false;
    // Check files up to this size at open (tests lower it to test the deferred check).
    qint64 quickCheckAtOpenBytes = kQuickCheckAtOpenBytes;
};

// One SQLite database file: opened or created, checked, migrated forward after a backup copy,
// then set to WAL, foreign keys on, secure_delete on and a busy timeout. One instance = one
// named Qt SQL connection, to be used from the thread that opened it.
//
// THE RULE (see livefiles.h): while a Database is open on a file, nothing in this process may
// open(), read, copy, replace or remove that file (or its -wal/-shm) by any means other than
// SQLite: POSIX locks belong to the process, so a single close() of any descriptor on the file
// drops all of them and another program will then delete the -wal under us. Hence:
//  - the header probe happens only when no connection of the process has the file (LiveFiles);
//  - backups are written by SQLite itself (VACUUM INTO), never QFile::copy;
//  - paths a user picks for import/export go through LiveFiles::refuseLiveDatabase();
//  - more connections to the same file (worker threads) are fine: SQLite shares its locks.
//
// What is refused, with a message naming the file and an ErrorKind: not a SQLite file or another
// program's SQLite file (NotMikomi, the file is not changed), a damaged file (Corrupt: failing
// PRAGMA quick_check, checked at open up to kQuickCheckAtOpenBytes, and for larger files before
// the first write transaction or by verify()), a newer schema (NewerSchema), a read-only file
// or folder (ReadOnly), a locked file (Locked).
class Database final {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens `path` (created when missing). A damaged file, a file that is not a database, a
    // schema newer than this program, or a failed migration gives an Error with a translated
    // message; the file is left as it was.
    // A `postgresql://user@host:port/dbname` URL opens that server database instead
    // (pgdatabase.cpp): an empty one gets the schema, a Mikomi one is migrated forward.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  const OpenOptions &options = {});

    // The file's path, or the server's URL without its password.
    QString path() const { return m_path; }
    // What opens this database again, for another thread's connection: the path, or the
    // server's URL as given (with a password typed into the window, kept in memory only).
    // Never shown or stored: show path().
    QString location() const { return m_location.isEmpty() ? m_path : m_location; }
    Backend backend() const { return m_backend; }
    const Dialect &dialect() const { return dialectFor(m_backend); }
    QString connectionName() const { return m_connection; }
    int schemaVersion() const { return m_version; }
    // Path of the backup copy made before the last migration ("" when none was needed).
    QString backupPath() const { return m_backupPath; }

    // Transaction nesting depth, kept by Transaction.
    int &transactionDepth() { return m_depth; }
    bool inTransaction() const { return m_depth > 0; }
    // Counts rollbacks, so caches of ids can tell that rows they remember may be gone.
    int rollbackGeneration() const { return m_rollbacks; }
    void noteRollback() { ++m_rollbacks; }

    // Whether the database is whole. A file: PRAGMA integrity_check says "ok". A team server
    // (its storage is the server's to check): the connection answers, the schema version table
    // holds the version this database was opened at, and every table, view, index and trigger
    // the migrations made is there (none dropped or left invalid by hand).
    bool integrityOk() const { return checkIntegrity().ok(); }
    // The same, with what is wrong (a translated message naming the missing objects).
    Status checkIntegrity() const;

    // Team server: how many times the connection was made again after the server dropped it
    // (reconnect()). Statements prepared on an older connection are gone with it: a cache of
    // prepared statements keeps the generation it prepared them in and prepares them again
    // when this has changed. Always 0 on a file.
    int connectionGeneration() const { return m_connectionGeneration; }
    // Team server: a new connection with the same settings in place of the current one (which
    // the server dropped). It gets a new Qt SQL connection name, so that the statements
    // prepared on the old one die with the old driver (freed by Qt on the new connection, they
    // would abort its transaction). Listens again when listen() was called. Refused inside a
    // transaction (its work is lost with the old connection; the caller rolls it back).
    // Nothing to do on a file.
    Status reconnect();

    // Undo and redo on a shared database (docs/team.md): the version of each lead as this
    // connection last wrote it through an undoable change. Kept up to date at every commit of
    // this connection for the leads it holds (whatever wrote them), so an undo or redo can tell
    // its own later changes from someone else's save. A lead is held from the commit after
    // watchLeadVersion(id); nullopt for a lead not held (or deleted since).
    std::optional<qint64> ownLeadVersion(qint64 leadId) const;
    void watchLeadVersion(qint64 leadId) { m_watchedLeads.insert(leadId); }

    // Where the writes to this database are announced once committed (changefeed.h).
    ChangeFeed &changes() const { return *m_changes; }
    // PRAGMA quick_check, once per file and process (a large file is not checked at open): a
    // Corrupt error when it fails. Transaction calls it before the first write; a worker thread
    // (the search indexer) may call it early so that the first save does not wait.
    Status verify();
    bool verified() const { return !m_needsCheck; }

    // For the window's connection to a team server: other people's changes are published
    // through changes() as they are committed, and a lost connection is reported
    // (ChangeFeed::serverConnection) and put back (pgnotify.h). Nothing on a file.
    Status listen();

    // Work this connection still has in flight that must end before anything else uses it (a
    // bulk writer's COPY sent while the importer goes on, pgbulkwriter.h): storage's
    // connection() runs it first. Set by that writer, cleared when it has nothing in flight.
    void setPendingWork(std::function<void()> settle) const { m_pendingWork = std::move(settle); }
    void settlePendingWork() const {
        if (m_pendingWork)
            std::exchange(m_pendingWork, {})();
    }

    // Notes a commit of this connection (Transaction::commit, a write outside a transaction), so
    // that the file listener of another connection of this process can tell this process's
    // writes from another program's (filelistener.h). Nothing on a server.
    void noteCommit();
    // Commits to this file by the other connections of this process, since they opened.
    quint64 commitsByOthersHere() const;

private:
    Database(); // in database.cpp, where ServerListener is complete
    static Result<std::unique_ptr<Database>> openServer(const QString &url,
                                                        const OpenOptions &options);
    Status checkServerIntegrity() const; // pgdatabase.cpp
    std::shared_ptr<LiveFiles::Handle> m_live;
    mutable std::function<void()> m_pendingWork;
    Backend m_backend = Backend::Sqlite;
    bool m_needsCheck = false;
    QString m_path;
    QString m_location; // a server's URL as given (see location())
    QString m_connection;
    QString m_backupPath;
    int m_version = 0;
    int m_depth = 0;
    int m_rollbacks = 0;
    int m_connectionGeneration = 0;
    QHash<qint64, qint64> m_ownVersions; // ownLeadVersion()
    QSet<qint64> m_watchedLeads;         // held from the next commit
    friend class Transaction;            // keeps m_ownVersions at commit
    std::unique_ptr<ChangeFeed> m_changes = std::make_unique<ChangeFeed>(*this);
    std::unique_ptr<class ServerListener> m_listener;   // listen() on a server
    std::unique_ptr<class FileListener> m_fileListener; // listen() on a file
    quint64 m_ownCommits = 0;
};

// RAII transaction. The outermost one is BEGIN IMMEDIATE … COMMIT; nested ones are savepoints.
// Destroyed without commit() → rolled back.
class Transaction final {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // False when BEGIN failed (e.g. the database is locked); error() says why.
    bool started() const { return m_started; }
    Status commit();
    void rollback();
    QString error() const { return m_error; }
    ErrorKind errorKind() const { return m_kind; }
    Error failure() const { return {m_error, m_kind}; }

private:
    // The versions of the leads the database holds (Database::ownLeadVersion) that this
    // transaction wrote, read before COMMIT; applied once it committed.
    Result<QHash<qint64, qint64>> ownVersionsWritten();
    Database &m_db;
    ErrorKind m_kind = ErrorKind::Other;
    int m_level = 0;
    bool m_started = false;
    bool m_done = false;
    QString m_error;
};

// For one transaction that writes much of the file (a demo fill, a large import): SQLite's
// rollback journal instead of WAL while this lives. WAL writes every new page twice (into the
// log, then into the file at the checkpoint); a rollback journal copies only the pages that
// existed before, so filling a file writes each page once. Commits are as atomic either way,
// and an interrupted fill is rolled back from the journal when the file is next opened.
// Changing the mode needs the only connection to the file and no open transaction; otherwise
// WAL simply stays. While it is on, other programs cannot open the file (it is locked until the
// commit). Switching back is best effort: should a reader hold the file then, it stays in
// rollback mode until Database::open sets WAL again. Declare it before the Transaction, so that
// it ends after it.
class BulkJournal final {
public:
    explicit BulkJournal(Database &db);
    ~BulkJournal();
    BulkJournal(const BulkJournal &) = delete;
    BulkJournal &operator=(const BulkJournal &) = delete;
    bool active() const { return m_active; }

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace mikomi::storage
