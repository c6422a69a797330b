#pragma once

// Team mode (docs/team.md): who is signed in. On a server each person signs in as their own
// PostgreSQL role; the role stands for a Mikomi user, and that user is who history, edits and
// new leads record. The mapping lives in the database's settings (key "server_login:ROLE", the
// user's name as value), so everyone on the server sees the same; no column is needed.

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QList>
#include <QString>

#include <utility>

namespace mikomi::storage {

// The role signed in to the server (current_user); "" on a file.
Result<QString> serverRole(Database &db);

// The Mikomi user the signed-in role stands for: the user set for the role (setServerLogin), else
// the user whose name or email address is the role's name (case-insensitively), else the role's
// name itself (it becomes a user when it first owns or records something). "" on a file: there
// the user's own setting (AppSettings::ownerName) says who they are.
Result<QString> signedInUser(Database &db);

// The roles given a user, by role name: (role, user name).
Result<QList<std::pair<QString, QString>>> serverLogins(Database &db);
// Sets the user `role` stands for; an empty `userName` removes the mapping.
Status setServerLogin(Database &db, const QString &role, const QString &userName);

} // namespace mikomi::storage
