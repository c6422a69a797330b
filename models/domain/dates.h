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

// The order of day, month and year in a numeric date whose year comes last (5/12/2026):
// month first (US exports: Salesforce reports, Outlook) or day first (most of Europe).
// Year-first dates (2026/05/12) are always year, month, day.
enum class DateOrder { Ymd = 0, Mdy, Dmy };
QString dateOrderKey(DateOrder o); // "ymd", "mdy", "dmy"
std::optional<DateOrder> dateOrderFromKey(const QString &key);

// Strict parse of user/import input: YYYY-MM-DD, YYYY/MM/DD, "YYYY-MM-DD HH:MM[:SS]" (and the
// same with slashes or a T), ISO 8601 date-times with a fraction and Z or an offset
// ("2026-05-12T08:30:00.000Z", kept at that offset), and 2026年5月12日 [9時30分]. With `order`
// Mdy or Dmy also the year-last forms M/D/YYYY or D/M/YYYY (or with '-' or '.') with an optional
// "h:mm[:ss]" and AM/PM ("5/12/2026 8:30 AM"). Anything else (or an impossible date like
// 2026-02-30, or 13/5/2026 read as month first) is nullopt, never a guess. A date without a
// time, or a time without an offset, is local time.
std::optional<QDateTime> parseUserDateTime(const QString &s, DateOrder order = DateOrder::Ymd);

// What one value says about the file's order of year-last dates: nothing (not such a date),
// ambiguous (5/6/2026: both first numbers are 12 or less), or that it can only be Mdy (5/13/2026)
// or only Dmy (13/5/2026).
enum class DateOrderEvidence { None = 0, Ambiguous, Mdy, Dmy, Impossible };
DateOrderEvidence dateOrderEvidence(const QString &s);
// A local date and time as a fixed UTC offset (the local one at that moment), so later
// comparisons and formatting need no time-zone lookup.
QDateTime localDateTime(const QDate &d, const QTime &t);
std::optional<QDate> parseUserDate(const QString &s, DateOrder order = DateOrder::Ymd);

} // namespace mikomi::dates
