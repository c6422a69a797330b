#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mikomi::dates {

// Storage formats (ISO-8601): dates "YYYY-MM-DD"; times with offset "YYYY-MM-DDTHH:MM:SS+09:00".
QString toIsoDate(const QDate &d);
QString toIsoDateTime(const QDateTime &t);
std::optional<QDate> fromIsoDate(const QString &s);
std::optional<QDateTime> fromIsoDateTime(const QString &s);

// Strict parse of user/import input: YYYY-MM-DD, YYYY/MM/DD, "YYYY-MM-DD HH:MM[:SS]" (and the
// same with slashes or a T). Anything else (or an impossible date like 2026-02-30) is nullopt,
// never a guess. A date without a time is midnight local time.
std::optional<QDateTime> parseUserDateTime(const QString &s);
// A local date and time as a fixed UTC offset (the local one at that moment), so later
// comparisons and formatting need no time-zone lookup.
QDateTime localDateTime(const QDate &d, const QTime &t);
std::optional<QDate> parseUserDate(const QString &s);

} // namespace mikomi::dates
