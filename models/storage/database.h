#pragma once

#include "models/domain/result.h"
#include "models/storage/changefeed.h"
#include "models/storage/schema.h"

#include <QString>

#include <memory>

namespace mikomi::storage {

struct OpenOptions {
    // Migrate up to this version (default: the current schema). Tests open older versions.
    int targetVersion = -1;
    // The migrations to run (default: the built-in ones). Tests inject a failing step.
    const std::vector<Migration> *migrations = nullptr;
    bool readOnly = false;
};

// One SQLite database file: opened or created, checked, migrated forward after a backup copy,
// then set to WAL, foreign keys on and a busy timeout. One instance = one named Qt SQL
// connection, to be used from the thread that opened it.
class Database final {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens `path` (created when missing). A damaged file, a file that is not a database, a
    // schema newer than this program, or a failed migration gives an Error with a translated
    // message; the file is left as it was.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  const OpenOptions &options = {});

    QString path() const { return m_path; }
    QString connectionName() const { return m_connection; }
    int schemaVersion() const { return m_version; }
    // Path of the backup copy made before the last migration ("" when none was needed).
    QString backupPath() const { return m_backupPath; }

    // Transaction nesting depth, kept by Transaction.
    int &transactionDepth() { return m_depth; }
    // Counts rollbacks, so caches of ids can tell that rows they remember may be gone.
    int rollbackGeneration() const { return m_rollbacks; }
    void noteRollback() { ++m_rollbacks; }

    // PRAGMA integrity_check == "ok".
    bool integrityOk() const;

    // Where the writes to this database are announced once committed (changefeed.h).
    ChangeFeed &changes() const { return *m_changes; }

private:
    Database() = default;
    QString m_path;
    QString m_connection;
    QString m_backupPath;
    int m_version = 0;
    int m_depth = 0;
    int m_rollbacks = 0;
    std::unique_ptr<ChangeFeed> m_changes = std::make_unique<ChangeFeed>(*this);
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

private:
    Database &m_db;
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
