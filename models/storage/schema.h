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

// The built-in migrations, oldest first. The schema version is their count.
const std::vector<Migration> &builtinMigrations();
int currentSchemaVersion();

} // namespace mikomi::storage
