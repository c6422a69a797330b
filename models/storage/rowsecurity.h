#pragma once

// Team mode (docs/team.md, "Reps see only their own leads"): PostgreSQL's row-level security,
// an optional setting of a server database. When it is on, the role of a rep sees and changes
// only the leads they own (and those leads' history, touchpoints, activities, tasks, images,
// contacts, custom fields and scores), in every list, search, report and export and in any SQL
// typed by hand; a manager's role sees everything. The policies are made by migration 16
// (pgschema.cpp) and switched here.
// - Who may switch it (the admin): the role that owns Mikomi's tables (the one that created the
//   database's schema, `createdb --owner`), or a superuser. PostgreSQL allows nobody else to
//   (ALTER TABLE … ROW LEVEL SECURITY), so no rep can turn it off, even by hand. That role is
//   never limited by the policies.
// - Who is a manager: a role marked so (setTeamManager, the setting team_manager:ROLE = 1);
//   while it is on, only a manager or the owner may change that mark or server_login:ROLE (the
//   user a role stands for), and only they may change or remove users.
// - Who owns a lead: leads.owner_id, the user the role stands for (serverlogin.h).
// A file has one user and SQLite no row-level security: nothing here applies to it.

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace mikomi::storage {

struct RowSecurity {
    bool available = false; // a server database of PostgreSQL 15 or later (never a file)
    int serverVersion = 0;  // server_version_num (150004 …); 0 on a file
    bool on = false;        // reps see only their own leads
    bool mayChange = false; // the role signed in may switch it (owns the tables, or superuser)
    bool seesAll = false;   // the role signed in sees every lead even when on (owner, manager)
    QString owner;          // the role that owns the tables: who may switch it
};

// The tables whose rows hang off a lead (lead_id): seen when their lead is seen.
const QStringList &leadChildTables();

// Where the setting stands, and what the role signed in may do with it. On a file: all false.
Result<RowSecurity> rowSecurity(Database &db);
// Turns it on or off for every table it covers, in one transaction. Refused with a message
// naming the owner when the role signed in does not own the tables; refused on a file.
Status setRowSecurity(Database &db, bool on);

// The roles marked as managers (the setting team_manager:ROLE = 1); empty on a file.
Result<QSet<QString>> teamManagers(Database &db);
// Marks `role` a manager or not. While row-level security is on, only a manager or the owner
// may (anyone else gets an error saying so).
Status setTeamManager(Database &db, const QString &role, bool manager);

} // namespace mikomi::storage
