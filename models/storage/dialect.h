#pragma once

// Internal to models/storage: what differs between the two database backends, in one place.
// A repository asks its Database for dialect() where the SQL of SQLite and PostgreSQL differ;
// everything else is written once in the common subset (bound `?` parameters, ON CONFLICT …
// DO UPDATE, RETURNING, CTEs, window functions). docs/team.md lists what is not ported yet.

#include "models/storage/schema.h"

#include <QString>

#include <vector>

namespace mikomi::storage {

enum class Backend {
    Sqlite,   // a file: the default, no server
    Postgres, // a team server: --db postgresql://user@host:port/dbname (Qt's QPSQL driver)
};

class Dialect {
public:
    virtual ~Dialect() = default;
    virtual Backend backend() const = 0;
    // Starts the outermost transaction. SQLite takes the write lock at once (BEGIN IMMEDIATE) so
    // that a writer never fails half-way on a lock upgrade; PostgreSQL locks rows as it goes.
    virtual QString beginTransaction() const = 0;
    // An aggregate joining the text values of `expr` with U+001F (unit separator) between them,
    // in the order of `orderBy`. (SQLite's group_concat takes the order of the rows it is given:
    // the caller aggregates over a subquery ordered the same way.)
    virtual QString joinedText(const QString &expr, const QString &orderBy) const = 0;
    // Whether a statement without parameters may be prepared. PostgreSQL prepares only SELECT,
    // INSERT, UPDATE, DELETE and VALUES (not DDL, BEGIN, SAVEPOINT…): such statements are sent
    // as they are (they carry no values, so nothing is string-built).
    virtual bool prepareUnbound() const = 0;
    // Whether a forward-only query leaves the connection free for other statements while its
    // rows are read (SQLite: yes; QPSQL: no, it holds the connection until the last row).
    virtual bool streamsResults() const = 0;
    // " INDEXED BY name" on SQLite, where the planner is told which index walks a list in its
    // order; "" on PostgreSQL, whose planner picks from its statistics (and knows no hints).
    virtual QString indexedBy(const QString &index) const = 0;
    // Appended to a SELECT inside a transaction whose rows are about to be written on what they
    // say (an undo checking a lead's version): " FOR UPDATE" on PostgreSQL, which locks them until
    // the commit; "" on SQLite, whose BEGIN IMMEDIATE already holds the only write lock.
    virtual QString lockForUpdate() const = 0;
    // Whether the lead search has SQLite's FTS5 index (leads_fts, fed by triggers and
    // SearchIndex). Without it (PostgreSQL) the search reads the same search text by LIKE, which a
    // pg_trgm GIN index on that text serves (pgschema.cpp), so no index has to be caught up.
    virtual bool fts5() const = 0;
    // The schema steps in this backend's SQL, from the built-in (SQLite) ones.
    virtual std::vector<Migration> migrations(const std::vector<Migration> &steps) const = 0;
};

const Dialect &dialectFor(Backend backend);

// "postgresql://…" or "postgres://…": a server, not a file name.
bool isServerUrl(const QString &location);

// The schema steps for PostgreSQL (pgschema.cpp): the SQLite steps with the column types of
// PostgreSQL, and the SQLite-only steps (FTS5, triggers) replaced by their equivalents or left
// out as docs/team.md says.
std::vector<Migration> postgresMigrations(const std::vector<Migration> &steps);

} // namespace mikomi::storage
