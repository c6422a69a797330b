#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 7: consent per lead (product.md §Privacy). consent_at is the date the person
// opted in (ISO "YYYY-MM-DD", NULL = not recorded); consent_basis the legal basis the data is
// held on (models/domain/consent.h: '' = not recorded). opt_out stays as it was: a lead can have
// consented once and opted out later.
Migration migrationV7() {
    return {7,
            {
                QStringLiteral("ALTER TABLE leads ADD COLUMN consent_at TEXT"),
                QStringLiteral("ALTER TABLE leads ADD COLUMN consent_basis TEXT NOT NULL DEFAULT "
                               "'' CHECK (consent_basis IN ('', 'consent', 'contract', "
                               "'legitimate_interest', 'other'))"),
            }};
}

} // namespace mikomi::storage
