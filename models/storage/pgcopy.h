#pragma once
// Internal to models/storage: rows written to a team server with COPY ... FROM STDIN through
// libpq, on the connection Qt's QPSQL driver holds (its native handle, as the file's bulk writer
// uses SQLite's). A multi-row INSERT through QPSQL sends every value as SQL text inside an
// EXECUTE statement the server parses, plans and evaluates (at a booth merge into a million leads
// that was half of the server's time on the leads' INSERTs: 811-1,362 ms for 2,000 cards against
// 339-505 ms for the same rows by INSERT ... SELECT); COPY hands the server rows it only
// converts. Builds without libpq (MIKOMI_HAVE_LIBPQ unset) and connections it cannot use say so
// (canCopyRows), and the caller writes INSERTs instead.

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QByteArray>
#include <QString>
#include <QVariantList>

#include <functional>

namespace mikomi::storage {

// Whether rows can be copied to `db` now: a server, libpq built in, the driver's handle is a
// libpq connection with no command of Qt's in progress (a forward-only query still reading).
bool canCopyRows(const Database &db);

// canCopyRows(), and `table` is not under row-level security for this login: PostgreSQL refuses
// COPY FROM into a table whose policies apply ("COPY FROM not supported with row-level
// security"), so a rep's rows on a server with reps limited to their own leads go by INSERT, each
// row checked by the policies.
Result<bool> canCopyInto(const Database &db, const QString &table);

// `rows` rows of `columns` values each, row after row from the first of `values`, appended to `out`
// in COPY's text format (\N for a null QVariant, as QPSQL binds it; a null QString is ''). Types:
// strings, integers, booleans, doubles, byte arrays; anything else is an error naming its type
// (nothing is guessed).
Status appendCopyRows(QByteArray &out, const QVariantList &values, int rows, int columns);

// Runs "COPY <target> FROM STDIN" (target: "table(a, b)") with `data` (appendCopyRows) inside
// whatever transaction the connection is in. A refused row fails the whole statement, as an
// INSERT's would, with the server's message (and SQLSTATE: a row-level security refusal reads as
// sqlError() says it).
Status copyRows(const Database &db, const QString &target, const QByteArray &data);

// copyRows() without waiting for the server: the statement is started, `data` and its end are
// handed to libpq (the connection in non-blocking mode; what the socket does not take yet stays
// in libpq's buffer), and the caller goes on while the server reads the rows. copyFinished()
// sends what is left and tells whether the server is done (`wait`: waits until it is), with
// the server's refusal as copyRows() gives it; only then may anything else use the connection.
Status startCopyRows(const Database &db, const QString &target, const QByteArray &data);
Result<bool> copyFinished(const Database &db, bool wait);

// A function another thread may call to ask the server to stop the statement `db`'s connection
// is running (libpq's PQcancel; the statement fails with "canceling statement due to user
// request"); empty without libpq or on a file. Valid while that connection is open.
std::function<void()> statementCanceller(const Database &db);

// Tests: false makes canCopyRows() say no (the bulk writer's INSERTs, to compare both ways), and
// how many COPY statements this process has run.
void setCopyRowsAllowed(bool allowed);
int copyStatementsRun();

} // namespace mikomi::storage
