#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace mikomi::storage {

// One step of the schema: from version `version - 1` to `version`. Steps run in order, each in
// its own transaction, after a backup copy of the file.
struct Migration {
    int version = 0;
    QStringList statements;
};

// Each version's steps live in their own function (and file) so they can grow independently.
Migration migrationV1(); // schema.cpp: the first schema
Migration migrationV2(); // migration_v2.cpp: lead search (full-text index) and lead lists
Migration migrationV3(); // migration_v3.cpp: pipeline, scoring, follow-ups, assignment
// migration_v4_pipeline.cpp: index for the pipeline's "Ready for MQL/SQL" filter. (Another branch
// may also add a version 4: the lead engineer renumbers one of them on merge.)
Migration migrationV4Pipeline();

// The built-in migrations, oldest first. The schema version is their count.
const std::vector<Migration> &builtinMigrations();
int currentSchemaVersion();

} // namespace mikomi::storage
