#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 12 (issue 12):
// - users.email: a user's email address, so an import whose owner column holds "rep@example.com"
//   (HubSpot's "Contact owner", Zoho's "Lead Owner") assigns that user. `email` as written,
//   `email_key` folded like the leads' (text::normalizeEmail); unique among users when set.
// - lead_custom_fields: the values of columns the user kept under a name of their own
//   (`--map "HEADER=custom:Name"`, the wizard's "Custom field…"), a row per field of a lead, in
//   the order they were given. They go with their lead.
Migration migrationV12() {
    return {
        12,
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE users ADD COLUMN email_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "CREATE UNIQUE INDEX users_email_key ON users(email_key) WHERE email_key <> ''"),
            QStringLiteral(R"(CREATE TABLE lead_custom_fields (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    value TEXT NOT NULL,
    UNIQUE (lead_id, name)))"),
        }};
}

} // namespace mikomi::storage
