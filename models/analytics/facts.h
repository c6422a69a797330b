#pragma once

#include "models/domain/enums.h"
#include "models/domain/lead.h"
#include "models/domain/sourcedictionary.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <limits>
#include <optional>
#include <vector>

// The input of every report: compact, index-based facts that a loader fills from SQLite in one
// query per table (no QString per lead). Dates are day numbers (Julian days, see dayNumber()),
// months are month numbers (see monthNumber()), money is minor units (mikomi::Money), sources
// are indexes into Facts::sources.
namespace mikomi::analytics {

// A source index meaning "no source recorded" (reported in the Unknown row).
inline constexpr qint32 NoSource = -1;
// A day number meaning "no date".
inline constexpr qint32 NoDay = std::numeric_limits<qint32>::min();

// Julian day of a date (NoDay for an invalid date). Day differences are calendar days.
qint32 dayNumber(const QDate &date);
QDate dateFromDay(qint32 day);

// Month number: year * 12 + (month − 1). Consecutive months have consecutive numbers.
constexpr qint32 monthNumber(int year, int month) {
    return year * 12 + (month - 1);
}
qint32 monthNumber(const QDate &date);
// "YYYY-MM" (as stored in spend rows) → month number; nullopt for anything else.
std::optional<qint32> monthFromKey(const QString &key);
QString monthKey(qint32 month);

// product.md: unknown = empty, or unknown/other/none/n/a/不明/その他/なし after normalisation;
// one definition for storage and analytics, in models/domain/sourcedictionary.
using sources::isUnknownSourceName;

// One row of the source table. Every source whose name is an unknown name (isUnknown) is
// reported together with leads that have no source, as the single Unknown row.
struct SourceInfo {
    QString name; // canonical name
    SourceCategory category = SourceCategory::Unknown;
    Tier tier = Tier::Experiment;
    bool isUnknown = false;
    qint64 id = 0; // in the database (0: not from one); for the Dashboard's drill-down

    // Fills isUnknown from the name.
    static SourceInfo make(const QString &name, SourceCategory category, Tier tier);
};

// One lead (or several alike: count). 40 bytes; 1,000,000 leads are 40 MB.
struct LeadFact {
    Money dealValue = 0;           // valid when hasDealValue
    Money lifetimeValue = 0;       // valid when hasLifetimeValue
    qint32 sourceIndex = NoSource; // original source as recorded on the lead; NoSource = none
    qint32 createdDay = NoDay;     // created date (window filter), dayNumber()
    qint32 wonDay = NoDay;         // won date of a customer, NoDay when not known
    // How many leads this fact stands for: 1, or (a server's report) a group of leads alike in
    // every field here, none of them a customer; every computation counts it that many times.
    qint32 count = 1;
    Stage furthestStage = Stage::Inquiry; // furthest stage reached (customer = won)
    bool lost = false; // informational: lost leads count at their furthest stage anyway
    bool hasDealValue = false;
    bool hasLifetimeValue = false;

    bool isCustomer() const { return furthestStage == Stage::Customer; }
    std::optional<Money> deal() const {
        return hasDealValue ? std::optional<Money>(dealValue) : std::nullopt;
    }
    // Lifetime value if known, else deal value (the value that LTV averages).
    std::optional<Money> value() const {
        if (hasLifetimeValue)
            return lifetimeValue;
        return deal();
    }
};

// One touchpoint of a lead.
struct TouchFact {
    qint64 occurredAt = 0;         // ms since the epoch (UTC): orders the touchpoints of a lead
    qint32 leadIndex = 0;          // index into Facts::leads
    qint32 sourceIndex = NoSource; // NoSource = unknown
    qint32 day = NoDay;            // calendar date where it happened (compared with the won date)

    static TouchFact make(qint32 leadIndex, const QDateTime &occurredAt, qint32 sourceIndex);
};

// Spend of one source in one month (several rows for the same source and month add up).
struct SpendFact {
    Money amount = 0;
    qint32 sourceIndex = NoSource;
    qint32 month = 0; // monthNumber()
};

struct Facts {
    std::vector<SourceInfo> sources;
    std::vector<LeadFact> leads;
    // Any order; sorted by (leadIndex, occurredAt) — ORDER BY lead, occurred_at over an index —
    // is fastest (1.5M touchpoints: ~30 ms in order, ~200 ms shuffled, sorted into a copy).
    // Every touchpoint of a lead, or none of them: the reports read only those of the leads for
    // which reportsReadTouches() is true, so a loader may leave out the others.
    std::vector<TouchFact> touches;
    std::vector<SpendFact> spend;
};

// True when a report reads the touchpoints of `lead`: a customer (the attribution models share
// out its credit over them) or a lead without a named source (its original source is the one of
// its earliest touchpoint). The touchpoints of every other lead change no report.
bool reportsReadTouches(const std::vector<SourceInfo> &sources, const LeadFact &lead);

// Leads created in [from, to] (inclusive; a missing end is open) and the spend of every month
// that overlaps the window.
struct Window {
    std::optional<QDate> from;
    std::optional<QDate> to;

    bool containsDay(qint32 day) const;
    bool overlapsMonth(qint32 month) const;
};

enum class Attribution { First = 0, Last, Linear, TimeDecay, Position };
inline constexpr int AttributionCount = 5;

// "first", "last", "linear", "time_decay", "position".
QString attributionKey(Attribution a);
std::optional<Attribution> attributionFromKey(const QString &key);
QString attributionLabel(Attribution a);

} // namespace mikomi::analytics
