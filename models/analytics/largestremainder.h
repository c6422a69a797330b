#pragma once

#include <QString>

#include <optional>
#include <vector>

// Exact integer arithmetic shared by the budget and the planner (product.md §Formulas).
namespace mikomi::analytics {

// ⌊a × b / c⌋ and ⌈a × b / c⌉ for a, b ≥ 0 and c > 0, exact (128-bit intermediate); nullopt
// when an argument is out of range or the result does not fit in qint64.
std::optional<qint64> mulDivFloor(qint64 a, qint64 b, qint64 c);
std::optional<qint64> mulDivCeil(qint64 a, qint64 b, qint64 c);

// Splits `total` (≥ 0) into parts proportional to `weights` (each ≥ 0) so that they add up to
// `total` exactly: each part gets the floor of its exact share total × w / Σw, then the units
// left over go one each to the parts with the largest fractional remainders; ties go to the
// larger exact share, then to the smaller name (`names`, code-point order; empty = by index).
// When every weight is zero (or there are none), the split is equal (every weight counts 1).
// Returns one amount per weight, in the order given.
std::vector<qint64> largestRemainder(qint64 total, const std::vector<qint64> &weights,
                                     const std::vector<QString> &names = {});

} // namespace mikomi::analytics
