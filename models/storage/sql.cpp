#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMetaObject>

namespace mikomi::storage {

QSqlDatabase connection(const Database &db) {
    db.settlePendingWork();
    return QSqlDatabase::database(db.connectionName(), false);
}

QString lockedMessage() {
    return QCoreApplication::translate(
        "mikomi::storage::Sql",
        "The database is locked by another program. Close it and try again.");
}

QString sqlErrorMessage(const QSqlError &e) {
    const QString native = e.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another program holds the database.
    if (native == QLatin1String("5") || native == QLatin1String("6"))
        return lockedMessage();
    if (native == QLatin1String("11") || native == QLatin1String("26"))
        return QCoreApplication::translate(
                   "mikomi::storage::Sql",
                   "The database file is damaged or is not a Mikomi database (%1).")
            .arg(e.databaseText());
    if (native == QLatin1String("13"))
        return QCoreApplication::translate("mikomi::storage::Sql", "The disk is full: %1")
            .arg(e.databaseText());
    return QCoreApplication::translate("mikomi::storage::Sql", "Database error: %1").arg(e.text());
}

ErrorKind sqliteErrorKind(int code) {
    switch (code & 0xff) { // the primary code of an extended one
    case 3:                // SQLITE_PERM
    case 8:                // SQLITE_READONLY
        return ErrorKind::ReadOnly;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return ErrorKind::Locked;
    case 10: // SQLITE_IOERR
    case 14: // SQLITE_CANTOPEN
    case 15: // SQLITE_PROTOCOL
        return ErrorKind::Io;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return ErrorKind::Corrupt;
    case 13: // SQLITE_FULL
        return ErrorKind::DiskFull;
    case 19: // SQLITE_CONSTRAINT
        return ErrorKind::Constraint;
    default:
        return ErrorKind::Other;
    }
}

namespace {

// PostgreSQL reports a five-character SQLSTATE (SQLite's codes have at most four digits).
bool isSqlState(const QString &code) {
    return code.size() == 5;
}

ErrorKind sqlStateKind(const QString &state) {
    if (state.startsWith(QLatin1String("23")))
        return ErrorKind::Constraint; // integrity constraint violation
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") ||
        state == QLatin1String("55P03"))
        return ErrorKind::Locked; // serialization failure, deadlock, lock not available
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")) ||
        state.startsWith(QLatin1String("58")))
        return ErrorKind::Io; // connection lost, server shut down, system error
    if (state == QLatin1String("53100"))
        return ErrorKind::DiskFull;
    if (state == QLatin1String("25006") || state == QLatin1String("42501"))
        return ErrorKind::ReadOnly; // read-only transaction, insufficient privilege
    return ErrorKind::Other;
}

} // namespace

ErrorKind sqlErrorKind(const QSqlError &e) {
    if (isSqlState(e.nativeErrorCode()))
        return sqlStateKind(e.nativeErrorCode());
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? sqliteErrorKind(code) : ErrorKind::Other;
}

Error sqliteError(int code, const QString &text, const QString &path) {
    const ErrorKind kind = sqliteErrorKind(code);
    if (path.isEmpty()) {
        switch (kind) {
        case ErrorKind::Locked:
            return {lockedMessage(), kind};
        case ErrorKind::Corrupt:
            return {QCoreApplication::translate(
                        "mikomi::storage::Sql",
                        "The database file is damaged or is not a Mikomi database (%1).")
                        .arg(text),
                    kind};
        case ErrorKind::DiskFull:
            return {QCoreApplication::translate("mikomi::storage::Sql", "The disk is full: %1")
                        .arg(text),
                    kind};
        default:
            return {
                QCoreApplication::translate("mikomi::storage::Sql", "Database error: %1").arg(text),
                kind};
        }
    }
    const QString file = QDir::toNativeSeparators(path);
    switch (kind) {
    case ErrorKind::Locked:
        return {QCoreApplication::translate("mikomi::storage::Sql",
                                            "The database %1 is in use by another program (it is "
                                            "locked). Close that program or wait a moment, then "
                                            "try again.")
                    .arg(file),
                kind};
    case ErrorKind::Corrupt:
        return {corruptMessage(path), kind};
    case ErrorKind::DiskFull:
        return {QCoreApplication::translate("mikomi::storage::Sql",
                                            "The disk holding the database %1 is full. Free some "
                                            "space, then try again; this change was not saved.")
                    .arg(file),
                kind};
    case ErrorKind::ReadOnly:
        return {readOnlyMessage(path), kind};
    case ErrorKind::Io:
        return {
            QCoreApplication::translate(
                "mikomi::storage::Sql",
                "Reading or writing the database %1 failed (%2). Check that the disk or network "
                "drive is still there, then try again.")
                .arg(file, text),
            kind};
    default:
        return {QCoreApplication::translate("mikomi::storage::Sql", "Database error in %1: %2")
                    .arg(file, text),
                kind};
    }
}

Error sqlError(const QSqlError &e, const QString &path) {
    // A team server with row-level security on (rowsecurity.h): a rep wrote a lead that would
    // not be theirs (given to someone else, or without an owner), or a row only a manager writes.
    if (e.nativeErrorCode() == QLatin1String("42501") &&
        e.databaseText().contains(QLatin1String("row-level security")))
        return {QCoreApplication::translate(
                    "mikomi::storage::Sql",
                    "Not saved: on this team server reps see and change only the leads they own "
                    "(row-level security), so a lead must stay yours (its owner you), and only a "
                    "manager may change users, server logins and managers. Ask a manager. "
                    "(%1)")
                    .arg(e.databaseText().trimmed()),
                ErrorKind::ReadOnly};
    if (isSqlState(e.nativeErrorCode()))
        return {
            path.isEmpty()
                ? QCoreApplication::translate("mikomi::storage::Sql", "Database error: %1")
                      .arg(e.text())
                : QCoreApplication::translate("mikomi::storage::Sql", "Database error in %1: %2")
                      .arg(path, e.text()),
            sqlStateKind(e.nativeErrorCode())};
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    if (!ok)
        return {path.isEmpty() ? sqlErrorMessage(e)
                               : QCoreApplication::translate("mikomi::storage::Sql",
                                                             "Database error in %1: %2")
                                     .arg(QDir::toNativeSeparators(path), e.text()),
                ErrorKind::Other};
    if (path.isEmpty())
        return {sqlErrorMessage(e), sqliteErrorKind(code)};
    return sqliteError(code, e.databaseText(), path);
}

QString corruptMessage(const QString &path) {
    const QString file = QDir::toNativeSeparators(path);
    return QCoreApplication::translate(
               "mikomi::storage::Sql",
               "The database %1 is damaged, so Mikomi does not read or change it. Restore your "
               "latest backup copy of it, or rescue what is left with the sqlite3 program: "
               "sqlite3 \"%1\" \".recover\" | sqlite3 rescued.mikomi")
        .arg(file);
}

QString readOnlyMessage(const QString &path) {
    const QFileInfo info(path);
    const QString file = QDir::toNativeSeparators(path);
    if (info.exists() && !info.isWritable())
        return QCoreApplication::translate("mikomi::storage::Sql",
                                           "The database %1 is read-only. Make the file writable "
                                           "(its properties or permissions), or copy it to a "
                                           "folder of yours and open the copy.")
            .arg(file);
    return QCoreApplication::translate(
               "mikomi::storage::Sql",
               "The folder of the database %1 is read-only. Mikomi needs to create working files "
               "beside the database (%2-wal, %2-shm): move the file to a folder you can write "
               "to, or make the folder writable.")
        .arg(file, info.fileName());
}

Status execPrepared(QSqlQuery &q, const QVariantList &binds) {
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        // A null QString would be bound as SQL NULL; text columns want ''. Nullable columns are
        // given an invalid QVariant on purpose.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, v);
    }
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

namespace {

// A statement that may change the file (anything but reading, PRAGMAs and transaction control).
bool mayWrite(const QString &sql) {
    const QString head = sql.trimmed().left(9).toUpper();
    for (const char *reader : {"SELECT", "PRAGMA", "WITH", "BEGIN", "COMMIT", "ROLLBACK",
                               "SAVEPOINT", "RELEASE", "EXPLAIN"})
        if (head.startsWith(QLatin1String(reader)))
            return false;
    return true;
}

} // namespace

bool recoverConnection(const Database &constDb) {
    auto &db = const_cast<Database &>(constDb);
    if (db.backend() != Backend::Postgres || db.transactionDepth() > 0)
        return false;
    // QPSQL marks the connection closed when libpq finds it gone, but not on every path (a
    // forward-only statement's error leaves it "open"): asked once more, without a statement.
    if (QSqlDatabase c = connection(db); c.isOpen()) {
        QSqlQuery probe(c);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return false; // the statement failed for another reason
    }
    if (!db.reconnect().ok())
        return false;
    // As after the listener's reconnect (pgnotify.cpp): the window says so, and every page reads
    // again what others changed meanwhile. Queued: the caller is in the middle of its work.
    ChangeFeed *feed = &db.changes();
    const QString message = QCoreApplication::translate("mikomi::storage::Pgnotify",
                                                        "Reconnected to the team server %1.")
                                .arg(db.path());
    QMetaObject::invokeMethod(
        feed,
        [feed, message] {
            emit feed->serverConnection(true, message);
            feed->publish({kAllDataKinds, {}});
        },
        Qt::QueuedConnection);
    return true;
}

namespace {

Result<QSqlQuery> execOnce(const Database &db, const QString &sql, const QVariantList &binds) {
    QSqlQuery q(connection(db));
    // QPSQL reads a forward-only query row by row (libpq's single-row mode), and the connection
    // can run nothing else until it has been read to the end: a repository that runs a second
    // query before reading the first would lose the first one's rows. On a server the result is
    // therefore read whole.
    q.setForwardOnly(db.dialect().streamsResults());
    // A write outside a transaction is a commit of its own (Database::noteCommit).
    const auto committed = [&] {
        if (const_cast<Database &>(db).transactionDepth() == 0 && mayWrite(sql))
            const_cast<Database &>(db).noteCommit();
    };
    if (binds.isEmpty() && !db.dialect().prepareUnbound()) {
        if (!q.exec(sql))
            return sqlError(q.lastError(), db.path());
        committed();
        return q;
    }
    if (!q.prepare(sql))
        return sqlError(q.lastError(), db.path());
    if (Status s = execPrepared(q, binds); !s)
        return sqlError(q.lastError(), db.path());
    committed();
    return q;
}

} // namespace

Result<QSqlQuery> exec(const Database &db, const QString &sql, const QVariantList &binds) {
    // Nothing is written into a damaged file: a large file, not checked at open, is checked
    // before its first write (Transaction does the same for BEGIN).
    if (!db.verified() && mayWrite(sql)) {
        if (Status s = const_cast<Database &>(db).verify(); !s)
            return s.failure();
    }
    auto r = execOnce(db, sql, binds);
    // A team server that dropped the connection while the window was idle: connected again and,
    // for a statement that changes nothing (a read, BEGIN), run again. A write outside a
    // transaction is not repeated (the caller is told; it may have reached the server).
    if (!r && recoverConnection(db) && !mayWrite(sql))
        r = execOnce(db, sql, binds);
    return r;
}

} // namespace mikomi::storage
