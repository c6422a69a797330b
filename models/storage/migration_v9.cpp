#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 9: a source's category can be a suggestion. A source first stored under a
// well-known name (an import's "Google Ads", "seo", "展示会") takes the built-in dictionary's
// category and spelling at once, marked suggested until a person confirms or changes it
// (models/domain/sourcedictionary.h); before, it landed in Unknown and the by-category reports
// were empty until every source was edited by hand. Existing sources are left as they are.
Migration migrationV9() {
    return {9,
            {
                QStringLiteral("ALTER TABLE sources ADD COLUMN suggested INTEGER NOT NULL DEFAULT "
                               "0 CHECK (suggested IN (0, 1))"),
            }};
}

} // namespace mikomi::storage
