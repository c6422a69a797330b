#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 3: pipeline, scoring rules, follow-up tasks and response-time rules, assignment
// rules.
Migration migrationV3() {
    return {3, {}};
}

} // namespace mikomi::storage
