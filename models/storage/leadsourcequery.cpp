#include "models/storage/leadsourcequery.h"

#include "models/domain/leadsources.h"
#include "models/storage/repositories.h"

namespace mikomi::storage {

Result<LeadSourcePair> leadSources(Database &db, qint64 leadId) {
    LeadRepository repo(db);
    auto lead = repo.get(leadId);
    if (!lead)
        return lead.failure();
    auto touches = repo.touchpoints(leadId);
    if (!touches)
        return touches.failure();
    return LeadSourcePair{leadsources::original(*lead, *touches),
                          leadsources::latest(*lead, *touches)};
}

} // namespace mikomi::storage
