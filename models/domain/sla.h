#pragma once

#include "models/domain/enums.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Response-time rules (product.md §Capabilities 4): how soon a new lead must be contacted.
//
// DECISION (documented): the clock runs in business time, 09:00–18:00 local time on business
// days: Monday–Friday except Japanese public holidays (national holidays, 振替休日, 国民の休日)
// and the year-end break 12/29–1/3 (see models/domain/holidays.h).
// - A rule under 24 hours counts business hours: a webinar lead at Friday 17:00 with 4 h is due
//   Monday 12:00 (Tuesday when that Monday is a holiday); a lead arriving at night, on a
//   weekend or on a holiday starts at the next business day's 09:00.
// - A rule of 24 hours or more counts whole business days (24 h = 1 day, 72 h = 3 days): due at
//   the same time of day that many business days later, counted from the start of the clock
//   (a referral on Friday 15:00 with 24 h is due Monday 15:00).
namespace mikomi::sla {

inline constexpr int DayStartHour = 9;
inline constexpr int DayEndHour = 18;

// A rule matches a source name (by text::sourceKey), else a category; the first matching rule
// in the list wins; a rule with neither is the default.
struct ResponseRule {
    QString source;                         // empty = any
    std::optional<SourceCategory> category; // nullopt = any
    int hours = 72;
    bool operator==(const ResponseRule &) const = default;
};

QList<ResponseRule> defaultRules();

// The hours of the first rule matching the source (name, category); 72 when none matches.
int hoursFor(const QList<ResponseRule> &rules, const QString &source, SourceCategory category);

// When a lead that arrived at `arrived` must have been contacted, under the business-time
// decision above.
QDateTime dueAt(const QDateTime &arrived, int hours);

} // namespace mikomi::sla
