#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 4: the Leads list sorted by source or owner name walks the sources (users) in
// name order and each one's leads by the leads_source (leads_owner) index, instead of sorting a
// million joined rows (see leadquery.cpp). These indexes give that name order.
Migration migrationV4() {
    return {
        4,
        {
            QStringLiteral("CREATE INDEX sources_name_sort ON sources(name, id)"),
            QStringLiteral("CREATE INDEX users_name_sort ON users(name, id)"),
        },
    };
}

} // namespace mikomi::storage
