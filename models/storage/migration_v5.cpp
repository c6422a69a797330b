#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 5: the reports read a million leads and their touchpoints from indexes alone
// (see services/reportloader.cpp), never from the wide rows.
// - leads_report is a narrow copy of the lead columns the reports use, in id order (so it is led
//   by id): a pass over it reads ~60 bytes a lead instead of the whole row, and hands the leads
//   over in the order the facts keep them.
// - touchpoints_lead gains id and source_id: the touchpoints of a lead in (occurred_at, id)
//   order, as before, with their source, without visiting the table.
Migration migrationV5() {
    return {
        5,
        {
            QStringLiteral(
                "CREATE INDEX leads_report ON leads(id, source_id, furthest_stage, lost, "
                "created_at, won_at, deal_value, lifetime_value)"),
            QStringLiteral("DROP INDEX touchpoints_lead"),
            QStringLiteral("CREATE INDEX touchpoints_lead ON touchpoints(lead_id, occurred_at, "
                           "id, source_id)"),
        },
    };
}

} // namespace mikomi::storage
