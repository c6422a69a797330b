#include "models/analytics/stagefunnel.h"

namespace mikomi::analytics {

std::optional<double> StageFunnel::stepRate(Stage s) const {
    const int i = int(s);
    if (i <= 0 || i >= StageCount || stages[i - 1] <= 0)
        return std::nullopt;
    return stages[i] / stages[i - 1];
}

std::optional<double> StageFunnel::leadToCustomer() const {
    if (at(Stage::Inquiry) <= 0)
        return std::nullopt;
    return at(Stage::Customer) / at(Stage::Inquiry);
}

const SourceRow *selectedRow(const SourceReport &report, const FunnelSelection &selection) {
    if (selection.all || selection.category)
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
    const Funnel *f = nullptr;
    if (selection.category) {
        for (const GroupRow &g : report.byCategory) {
            if (g.category == selection.category)
                f = &g.funnel;
        }
    } else if (const SourceRow *row = selectedRow(report, selection)) {
        f = &row->funnel;
    }
    if (f) {
        out.stages[int(Stage::Inquiry)] = double(f->leads);
        out.stages[int(Stage::Mql)] = double(f->mql);
        out.stages[int(Stage::Sql)] = double(f->sql);
        out.stages[int(Stage::Opportunity)] = double(f->opportunity);
        out.stages[int(Stage::Customer)] = f->customer;
    }
    return out;
}

} // namespace mikomi::analytics
