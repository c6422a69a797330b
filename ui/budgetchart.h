#pragma once

class QAbstractItemModel;
class QChart;

// The Budget page's chart: the actual split of spend per tier in the window against the
// 70-20-10 target, as grouped bars (target % and actual % per tier), read from a
// BudgetTierModel (its ValueRole). Title, axis titles, legend and tier names are translated;
// numbers follow the current locale; hovering a bar shows its exact value.
namespace mikomi::ui::budgetcharts {

QChart *tierSplit(const QAbstractItemModel &tiers);

} // namespace mikomi::ui::budgetcharts
