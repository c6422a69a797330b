#include "models/analytics/period.h"

#include <QCoreApplication>

#include <array>

namespace mikomi::analytics {
namespace {

struct PeriodName {
    const char *key;
    const char *label;
};

constexpr std::array<PeriodName, PeriodCount> kPeriods{{
    {"all", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "All dates")},
    {"this_month", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "This month")},
    {"last_month", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "Last month")},
    {"this_quarter", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "This quarter")},
    {"last_90_days", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "Last 90 days")},
    {"this_year", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "This year")},
    {"last_year", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "Last year")},
    {"custom", QT_TRANSLATE_NOOP("mikomi::analytics::Period", "Custom")},
}};

Window monthWindow(int year, int month) {
    const QDate first(year, month, 1);
    return {first, first.addMonths(1).addDays(-1)};
}

QString dayText(const QDate &d) {
    return d.toString(QStringLiteral("yyyy/MM/dd"));
}

} // namespace

QString periodKey(Period p) {
    return QString::fromLatin1(kPeriods[std::size_t(p)].key);
}

std::optional<Period> periodFromKey(const QString &key) {
    for (std::size_t i = 0; i < kPeriods.size(); ++i) {
        if (key == QLatin1String(kPeriods[i].key))
            return Period(i);
    }
    return std::nullopt;
}

QString periodLabel(Period p) {
    return QCoreApplication::translate("mikomi::analytics::Period", kPeriods[std::size_t(p)].label);
}

Window periodWindow(Period p, const QDate &today, const Window &custom) {
    switch (p) {
    case Period::All:
        return {};
    case Period::ThisMonth:
        return monthWindow(today.year(), today.month());
    case Period::LastMonth: {
        const QDate last = today.addMonths(-1);
        return monthWindow(last.year(), last.month());
    }
    case Period::ThisQuarter: {
        const QDate first(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    case Period::Last90Days:
        return {today.addDays(-89), today};
    case Period::ThisYear:
        return {QDate(today.year(), 1, 1), QDate(today.year(), 12, 31)};
    case Period::LastYear:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
    case Period::Custom:
        return custom;
    }
    return {};
}

QString windowText(const Window &w) {
    if (w.from && w.to)
        return QCoreApplication::translate("mikomi::analytics::Period", "%1 – %2")
            .arg(dayText(*w.from), dayText(*w.to));
    if (w.from)
        return QCoreApplication::translate("mikomi::analytics::Period", "from %1")
            .arg(dayText(*w.from));
    if (w.to)
        return QCoreApplication::translate("mikomi::analytics::Period", "until %1")
            .arg(dayText(*w.to));
    return QCoreApplication::translate("mikomi::analytics::Period", "all dates");
}

} // namespace mikomi::analytics
