#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 14 (issue 16): lead_images, the business-card images a lead was scanned from
// (front and back), kept with the lead unless the user turned that off (AppSettings::
// keepCardImages), and viewable from the lead editor. The image is stored in the database (a
// JPEG of at most 1600 px, about 100-300 KB), so a backup or a copy of the file keeps it and the
// erasure of a person removes it with the lead (ON DELETE CASCADE).
// Written after version 13 (branch h-merge: row UUIDs and lead versions).
Migration migrationV14() {
    return {14,
            {
                QStringLiteral(R"(CREATE TABLE lead_images (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('front', 'back')),
    format TEXT NOT NULL,
    image BLOB NOT NULL,
    created_at TEXT NOT NULL))"),
                QStringLiteral("CREATE INDEX lead_images_lead ON lead_images(lead_id)"),
            }};
}

} // namespace mikomi::storage
