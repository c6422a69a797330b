#include "models/analytics/facts.h"

#include "models/text/normalize.h"

#include <QCoreApplication>

#include <array>

namespace mikomi::analytics {

static_assert(sizeof(LeadFact) <= 40, "LeadFact is loaded a million times: keep it small");

qint32 dayNumber(const QDate &date) {
    return date.isValid() ? static_cast<qint32>(date.toJulianDay()) : NoDay;
}

QDate dateFromDay(qint32 day) {
    return day == NoDay ? QDate() : QDate::fromJulianDay(day);
}

qint32 monthNumber(const QDate &date) {
    return monthNumber(date.year(), date.month());
}

std::optional<qint32> monthFromKey(const QString &key) {
    const QString k = key.trimmed();
    if (k.size() != 7 || k.at(4) != QLatin1Char('-'))
        return std::nullopt;
    bool okYear = false;
    bool okMonth = false;
    const int year = QStringView(k).left(4).toInt(&okYear);
    const int month = QStringView(k).mid(5, 2).toInt(&okMonth);
    if (!okYear || !okMonth || month < 1 || month > 12 || !k.at(5).isDigit())
        return std::nullopt;
    return monthNumber(year, month);
}

QString monthKey(qint32 month) {
    const int year = month / 12;
    const int m = month % 12 + 1;
    return QStringLiteral("%1-%2")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(m, 2, 10, QLatin1Char('0'));
}

SourceInfo SourceInfo::make(const QString &name, SourceCategory category, Tier tier) {
    return SourceInfo{name, category, tier, isUnknownSourceName(name), 0};
}

bool reportsReadTouches(const std::vector<SourceInfo> &sources, const LeadFact &lead) {
    if (lead.isCustomer())
        return true;
    const qint32 s = lead.sourceIndex;
    return s < 0 || std::size_t(s) >= sources.size() || sources[std::size_t(s)].isUnknown;
}

TouchFact TouchFact::make(qint32 leadIndex, const QDateTime &occurredAt, qint32 sourceIndex) {
    TouchFact t;
    t.occurredAt = occurredAt.toMSecsSinceEpoch();
    t.leadIndex = leadIndex;
    t.sourceIndex = sourceIndex;
    t.day = dayNumber(occurredAt.date());
    return t;
}

bool Window::containsDay(qint32 day) const {
    if (from && day < dayNumber(*from))
        return false;
    if (to && day > dayNumber(*to))
        return false;
    return true;
}

bool Window::overlapsMonth(qint32 month) const {
    if (from && month < monthNumber(*from))
        return false;
    if (to && month > monthNumber(*to))
        return false;
    return true;
}

namespace {
struct AttributionEntry {
    const char *key;
    const char *label;
};
// clang-format off
constexpr std::array<AttributionEntry, AttributionCount> kAttributions{{
    {"first", QT_TRANSLATE_NOOP("mikomi::analytics::Facts", "First touch")},
    {"last", QT_TRANSLATE_NOOP("mikomi::analytics::Facts", "Last touch")},
    {"linear", QT_TRANSLATE_NOOP("mikomi::analytics::Facts", "Linear")},
    {"time_decay", QT_TRANSLATE_NOOP("mikomi::analytics::Facts", "Time decay")},
    {"position", QT_TRANSLATE_NOOP("mikomi::analytics::Facts", "Position-based (40/20/40)")},
}};
// clang-format on
} // namespace

QString attributionKey(Attribution a) {
    return QString::fromLatin1(kAttributions[static_cast<std::size_t>(a)].key);
}

std::optional<Attribution> attributionFromKey(const QString &key) {
    const QString k = key.trimmed().toLower();
    for (std::size_t i = 0; i < kAttributions.size(); ++i) {
        if (k == QLatin1String(kAttributions[i].key))
            return static_cast<Attribution>(i);
    }
    return std::nullopt;
}

QString attributionLabel(Attribution a) {
    return QCoreApplication::translate("mikomi::analytics::Facts",
                                       kAttributions[static_cast<std::size_t>(a)].label);
}

} // namespace mikomi::analytics
