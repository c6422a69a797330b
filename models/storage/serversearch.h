#pragma once

// Team mode (docs/team.md, "Search on a server"): the lead search's trigram index on a server,
// made by migration 16 (pgschema.cpp) where it is missing: a database made before the index
// existed (schema 12 of the first team-mode release), or by a role that may not create the
// extension pg_trgm. When it cannot be made, the migration goes on without it (the search then
// reads the whole leads table: the same results, slower) and records why in the setting
// search_index_problem; the window says so once, with what an administrator should run.

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QString>
#include <QStringList>

namespace mikomi::storage {

// The statements that make the index (pg_trgm and a GIN index over the search text), exactly
// as an administrator should run them.
QStringList serverSearchIndexSql();

// Migration 16 on a server: makes the extension and the index when missing, inside a
// savepoint; when that fails, records the reason and succeeds (the search works without it).
Status ensureServerSearchIndex(Database &db);

// "" on a file, when the index is there, or when it is pending (below); else a translated
// message: the search is slower, why the index is missing, and the statements an administrator
// should run.
Result<QString> serverSearchIndexProblem(Database &db);

// A large import into a server, as into a file (where the search index of imported leads is
// caught up after the commit, searchindex.h), leaves the trigram index to be made after its
// commit: PgBulkWriter drops it with the other indexes and, instead of making it again inside the
// import's transaction (2.2 s of a 100,000-row import), marks it pending in that transaction.
// Until it is made the search reads every lead (the same results, slower).
Status markServerSearchIndexPending(Database &db);
Result<bool> serverSearchIndexPending(Database &db);
// Makes a pending index with CREATE INDEX CONCURRENTLY (others go on reading and writing the
// leads meanwhile), outside any transaction, when this login owns the leads (else false: left
// for the owner's window or command line). A build that was interrupted (an invalid index left
// behind) is dropped and made again. True when the index is there and no longer pending.
Result<bool> buildPendingServerSearchIndex(Database &db);

} // namespace mikomi::storage
