#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"

#include <array>
#include <vector>

// Leads per month of creation, by source category (the Dashboard's "leads per month by category"
// chart). Pure function over Facts, with the source report's rules:
// - a lead counts in the month of its created date when that date is in the window;
// - its category is the category of its original source (the recorded source when it is a named
//   source, else the source of its earliest touchpoint, else none); leads without a known source,
//   and sources with an unknown name, count as Unknown. So the counts of a category add up to the
//   `leads` of that category in computeSourceReport() for the same window.
// - months run from the window's first month (or the first month with a lead when the window is
//   open at the start) to the window's last month (or the last month with a lead), every month
//   in between included, with zeros. A window without leads and without both ends has no months.
namespace mikomi::analytics {

struct MonthlyByCategory {
    std::vector<qint32> months; // consecutive month numbers (monthNumber()), ascending
    // counts[category][i] = leads of that category created in months[i].
    std::array<std::vector<qint64>, SourceCategoryCount> counts;

    qint64 count(SourceCategory c, std::size_t monthIndex) const {
        return counts[std::size_t(c)][monthIndex];
    }
    qint64 total(SourceCategory c) const;   // over all months
    qint64 monthTotal(std::size_t i) const; // over all categories
    // Categories with at least one lead, in enum order (Unknown last).
    std::vector<SourceCategory> categoriesWithLeads() const;
};

// Fails (translated message) like computeSourceReport(): a window that starts after it ends, or
// facts whose indexes are out of range.
Result<MonthlyByCategory> computeMonthlyByCategory(const Facts &facts, const Window &window);

} // namespace mikomi::analytics
