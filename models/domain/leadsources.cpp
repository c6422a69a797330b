#include "models/domain/leadsources.h"

namespace mikomi::leadsources {
namespace {

bool earlier(const Touchpoint &a, const Touchpoint &b) {
    if (a.occurredAt != b.occurredAt)
        return a.occurredAt < b.occurredAt;
    return a.id < b.id;
}

} // namespace

QString original(const Lead &lead, const QList<Touchpoint> &touchpoints) {
    if (!lead.source.isEmpty())
        return lead.source;
    const Touchpoint *first = nullptr;
    for (const Touchpoint &t : touchpoints) {
        if (t.source.isEmpty())
            continue;
        if (!first || earlier(t, *first))
            first = &t;
    }
    return first ? first->source : QString();
}

QString latest(const Lead &lead, const QList<Touchpoint> &touchpoints) {
    const bool customer = lead.stage == Stage::Customer && lead.wonAt.has_value();
    const Touchpoint *last = nullptr;
    for (const Touchpoint &t : touchpoints) {
        if (t.source.isEmpty())
            continue;
        if (customer && t.occurredAt.date() > *lead.wonAt)
            continue;
        if (!last || earlier(*last, t))
            last = &t;
    }
    return last ? last->source : original(lead, touchpoints);
}

} // namespace mikomi::leadsources
