#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QString>

namespace mikomi::storage {

// A lead's original (first-touch) and latest (last-touch) source, derived from the lead and its
// touchpoints by models/domain/leadsources.h, so they are right whatever order touchpoints
// were recorded in.
struct LeadSourcePair {
    QString original;
    QString latest;
};
Result<LeadSourcePair> leadSources(Database &db, qint64 leadId);

} // namespace mikomi::storage
