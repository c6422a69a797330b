#pragma once

#include "models/domain/result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace mikomi::storage {

class Database;

// One step of the schema: from version `version - 1` to `version`. Steps run in order, each in
// its own transaction, after a backup copy of the file. `run`, when set, is called after the
// statements, in the same transaction, for what SQL alone cannot do (recomputing keys with a
// C++ library).
struct Migration {
    int version = 0;
    QStringList statements;
    std::function<Status(Database &)> run = {};
};

// Each version's steps live in their own function (and file) so they can grow independently.
Migration migrationV1();  // schema.cpp: the first schema
Migration migrationV2();  // migration_v2.cpp: lead search (full-text index) and lead lists
Migration migrationV3();  // migration_v3.cpp: pipeline, scoring, follow-ups, assignment
Migration migrationV4();  // migration_v4.cpp: name-order indexes for sorting leads by source/owner
Migration migrationV5();  // migration_v5.cpp: covering indexes for loading the reports
Migration migrationV6();  // migration_v6.cpp: leads.last_activity_at, kept by triggers
Migration migrationV7();  // migration_v7.cpp: consent per lead (date and basis)
Migration migrationV8();  // migration_v8.cpp: scores in their own narrow table (lead_scores)
Migration migrationV9();  // migration_v9.cpp: sources.suggested (dictionary categories)
Migration migrationV10(); // migration_v10.cpp: lead_contacts (further emails and numbers)
Migration migrationV11(); // migration_v11.cpp: phone keys in E.164 (libphonenumber)
Migration migrationV12(); // migration_v12.cpp: users.email, lead_custom_fields
Migration migrationV13(); // migration_v13.cpp: row UUIDs, lead versions, merge_base
Migration migrationV14(); // migration_v14.cpp: lead_images (business-card images)
Migration migrationV15(); // migration_v15.cpp: tombstones (deletions travel with a merge)
Migration migrationV16(); // migration_v16.cpp: row-level security on a server (nothing on a file)
Migration migrationV17(); // migration_v17.cpp: indexes for the leads that can be hot or warm
Migration migrationV18(); // migration_v18.cpp: the team server at 1,000,000 leads (server only)
Migration migrationV19(); // migration_v19.cpp: the rows without a UUID found through an index
Migration migrationV20(); // migration_v20.cpp: leads_report holds the owner (server only)
Migration migrationV21(); // migration_v21.cpp: the owner's index in creation order
Migration migrationV22(); // migration_v22.cpp: the report's counted facts (server only)
Migration migrationV23(); // migration_v23.cpp: last activity set per statement (server only)

// The built-in migrations, oldest first. The schema version is the last one's version.
const std::vector<Migration> &builtinMigrations();
int currentSchemaVersion();

} // namespace mikomi::storage
