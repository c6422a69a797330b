#pragma once

#include "models/analytics/facts.h"

#include <QDate>
#include <QString>

#include <optional>

// The quick windows of the Dashboard (and of the report that shows it): "this month", "last
// quarter" … turned into a Window on a given day, so the same choice means the same dates in the
// window, in a PDF report and in a test on a fixed date.
// - Calendar periods are whole: "this month" is its first to its last day, even on the 3rd
//   (spend is monthly, and a lead created later this month belongs to it).
// - "Last 90 days" ends today and includes it: today − 89 … today.
// - Quarters are calendar quarters (January–March …).
// - All: no window (every lead). Custom: the dates given, each end optional.
namespace mikomi::analytics {

enum class Period {
    All = 0,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    Last90Days,
    ThisYear,
    LastYear,
    Custom
};
inline constexpr int PeriodCount = 8;

// "all", "this_month", "last_month", "this_quarter", "last_90_days", "this_year", "last_year",
// "custom".
QString periodKey(Period p);
std::optional<Period> periodFromKey(const QString &key);
// Translated ("This quarter").
QString periodLabel(Period p);

// The window of `p` on `today`; `custom` is returned as it is for Period::Custom.
Window periodWindow(Period p, const QDate &today, const Window &custom = {});

// The window in words, for titles: "2026/10/01 – 2026/12/31", "from 2026/10/01", "all dates"
// (translated; dates in ISO order with slashes, read the same in Japanese and English).
QString windowText(const Window &window);

} // namespace mikomi::analytics
