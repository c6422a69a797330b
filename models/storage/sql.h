#pragma once

// Internal to models/: the Qt SQL helpers. Never included from ui/ (Qt::Sql is private).

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

namespace mikomi::storage {

QSqlDatabase connection(const Database &db);

// The message sqlErrorMessage() gives when another program holds the database.
QString lockedMessage();
// A translated message for a failed query, saying what failed.
QString sqlErrorMessage(const QSqlError &e);
// The kind of a SQLite result code (primary or extended): Locked for BUSY/LOCKED, Corrupt for
// CORRUPT/NOTADB, DiskFull for FULL, ReadOnly for READONLY/PERM, Io for IOERR/CANTOPEN, ...
ErrorKind sqliteErrorKind(int code);
ErrorKind sqlErrorKind(const QSqlError &e);
// A failed query as an Error with its kind. With `path`, the message names the database file and
// says what to do (not SQLite's own text alone).
Error sqlError(const QSqlError &e, const QString &path = {});
// "The database F is damaged ... restore a backup, or sqlite3 F .recover".
QString corruptMessage(const QString &path);
// "The database F is read-only / its folder is read-only ... what to do" (decided by stat()).
QString readOnlyMessage(const QString &path);
// The same for a result code of the native sqlite3 API (`text`: sqlite3_errmsg).
Error sqliteError(int code, const QString &text, const QString &path = {});

// Prepares and runs `sql` with bound positional parameters (never string-built values).
Result<QSqlQuery> exec(const Database &db, const QString &sql, const QVariantList &binds = {});

// Team server, outside a transaction: when a statement failed because the connection is gone
// (the server restarted, an administrator ended it, the network dropped), connects again
// (Database::reconnect) and tells the window (ChangeFeed::serverConnection, then everything is
// read again). True when it did: the caller may prepare and run its statement again. exec()
// does this itself for statements that change nothing; a cache of prepared statements
// (LeadRepository::get) does it too, preparing its statements again.
bool recoverConnection(const Database &db);

// Runs an already prepared query after binding `binds`.
Status execPrepared(QSqlQuery &q, const QVariantList &binds);

// Null QVariant for an empty optional/empty string where the column is nullable.
template <typename T> QVariant nullable(const std::optional<T> &v) {
    return v ? QVariant::fromValue(*v) : QVariant();
}

} // namespace mikomi::storage
