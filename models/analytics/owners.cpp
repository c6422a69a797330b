#include "models/analytics/owners.h"

#include <algorithm>

namespace mikomi::analytics {

OwnerFigures ownerFigures(const OwnerStageTotals &t) {
    enum { Inquiry = 0, Mql, Sql, Opportunity, Customer, Lost };
    OwnerFigures f;
    f.owner = t.owner;
    f.ownerId = t.ownerId;
    for (qint64 n : t.counts)
        f.leadsWorked += n;
    f.customers = t.counts[Customer];
    if (f.leadsWorked > 0)
        f.conversion = double(f.customers) / double(f.leadsWorked);
    f.wonRevenue = t.values[Customer];
    for (int c : {Inquiry, Mql, Sql, Opportunity}) {
        f.openPipeline += t.values[std::size_t(c)];
        f.openLeads += t.counts[std::size_t(c)];
    }
    return f;
}

std::vector<OwnerFigures> ownerFigures(const std::vector<OwnerStageTotals> &totals) {
    std::vector<OwnerFigures> out;
    for (const OwnerStageTotals &t : totals)
        out.push_back(ownerFigures(t));
    std::stable_sort(out.begin(), out.end(), [](const OwnerFigures &a, const OwnerFigures &b) {
        if (a.wonRevenue != b.wonRevenue)
            return a.wonRevenue > b.wonRevenue;
        if (a.leadsWorked != b.leadsWorked)
            return a.leadsWorked > b.leadsWorked;
        return a.owner < b.owner;
    });
    return out;
}

} // namespace mikomi::analytics
