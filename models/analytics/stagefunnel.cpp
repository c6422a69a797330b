#include "models/analytics/stagefunnel.h"

namespace mikomi::analytics {

const SourceRow *selectedRow(const SourceReport &report, const FunnelSelection &selection) {
    if (selection.all)
        return nullptr;
    for (const SourceRow &row : report.sources) {
        if (selection.unknown ? row.isUnknown
                              : (!row.isUnknown && row.sourceIndex == selection.sourceIndex))
            return &row;
    }
    return nullptr;
}

StageFunnel stageFunnel(const SourceReport &report, const FunnelSelection &selection) {
    StageFunnel out;
    if (selection.all) {
        const ReportTotals &t = report.totals;
        out.stages[int(Stage::Inquiry)] = double(t.leads);
        out.stages[int(Stage::Mql)] = double(t.mql);
        out.stages[int(Stage::Sql)] = double(t.sql);
        out.stages[int(Stage::Opportunity)] = double(t.opportunity);
        out.stages[int(Stage::Customer)] = double(t.customer);
        return out;
    }
    if (const SourceRow *row = selectedRow(report, selection)) {
        const Funnel &f = row->funnel;
        out.stages[int(Stage::Inquiry)] = double(f.leads);
        out.stages[int(Stage::Mql)] = double(f.mql);
        out.stages[int(Stage::Sql)] = double(f.sql);
        out.stages[int(Stage::Opportunity)] = double(f.opportunity);
        out.stages[int(Stage::Customer)] = f.customer;
    }
    return out;
}

} // namespace mikomi::analytics
