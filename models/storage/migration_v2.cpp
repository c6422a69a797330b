#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 2: lead search (full-text index) and what the Leads page needs.
Migration migrationV2() {
    return {2, {}};
}

} // namespace mikomi::storage
