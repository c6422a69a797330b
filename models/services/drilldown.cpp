#include "models/services/drilldown.h"

namespace mikomi::services {

storage::LeadFilter drillDownFilter(const analytics::Facts &facts, const analytics::Window &window,
                                    const analytics::FunnelSelection &selection, Stage reached) {
    storage::LeadFilter f;
    f.createdFrom = window.from;
    f.createdTo = window.to;
    if (reached != Stage::Inquiry)
        f.reached = reached;
    if (selection.all)
        return f;
    storage::OriginFilter o;
    for (const analytics::SourceInfo &s : facts.sources) {
        if (s.isUnknown)
            o.unknownIds << s.id;
    }
    if (selection.category) {
        // The category's sources; the Unknown category also holds the Unknown row.
        for (const analytics::SourceInfo &s : facts.sources) {
            if (!s.isUnknown && s.category == *selection.category)
                o.ids << s.id;
        }
        o.unknown = *selection.category == SourceCategory::Unknown;
    } else if (selection.unknown) {
        o.unknown = true;
    } else if (selection.sourceIndex >= 0 &&
               std::size_t(selection.sourceIndex) < facts.sources.size()) {
        o.ids << facts.sources[std::size_t(selection.sourceIndex)].id;
    }
    f.origin = o;
    return f;
}

} // namespace mikomi::services
