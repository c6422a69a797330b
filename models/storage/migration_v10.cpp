#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 10: the emails and numbers of a lead beyond its own email, phone and mobile
// columns (a second address, a direct line, a fax; issue 12), in the order the source gave them.
// `value` as written (tidied like leads.email/phone), `label` as the source named it ("Work",
// "直通", "TEL2"), `key` the normalised form duplicates are matched on (text::normalizeEmail for
// kind 'email', text::phoneKey (E.164) otherwise; leadcontacts.cpp). They go with their lead.
Migration migrationV10() {
    return {
        10,
        {
            QStringLiteral(R"(CREATE TABLE lead_contacts (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('email','phone','mobile','fax')),
    value TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX lead_contacts_lead ON lead_contacts(lead_id, position)"),
            QStringLiteral("CREATE INDEX lead_contacts_key ON lead_contacts(key) WHERE key <> ''"),
        }};
}

} // namespace mikomi::storage
