#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 16 (issue 14, team mode): row-level security on a server (docs/team.md,
// "Reps see only their own leads"). Nothing on a file: SQLite has no roles and no row-level
// security, and a file has one user. On a server (pgschema.cpp, rowSecurityPolicies) the
// policies are created here, switched off; the owner of the tables turns them on and off
// (storage/rowsecurity.h).
Migration migrationV16() {
    return {16, {}};
}

} // namespace mikomi::storage
