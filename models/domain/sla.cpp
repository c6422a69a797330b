#include "models/domain/sla.h"

#include "models/domain/holidays.h"

#include "models/text/normalize.h"

namespace mikomi::sla {
namespace {

// `like` moved to another date and time, keeping its time spec (local time or offset).
QDateTime at(const QDateTime &like, const QDate &d, const QTime &t) {
    QDateTime r = like;
    r.setDate(d);
    r.setTime(t);
    return r;
}

bool isWorkingDay(const QDate &d) {
    return holidays::isBusinessDay(d);
}

// The first moment at or after `t` inside business hours.
QDateTime clockStart(const QDateTime &t) {
    QDate d = t.date();
    QTime time = t.time();
    if (isWorkingDay(d) && time >= QTime(DayStartHour, 0) && time < QTime(DayEndHour, 0))
        return t;
    if (isWorkingDay(d) && time < QTime(DayStartHour, 0))
        return at(t, d, QTime(DayStartHour, 0));
    d = d.addDays(1);
    while (!isWorkingDay(d))
        d = d.addDays(1);
    return at(t, d, QTime(DayStartHour, 0));
}

} // namespace

QList<ResponseRule> defaultRules() {
    return {
        {QString(), SourceCategory::Event, 4},
        {QString(), SourceCategory::Partnership, 24},
        {QString(), SourceCategory::Inbound, 24},
        {QString(), std::nullopt, 72},
    };
}

int hoursFor(const QList<ResponseRule> &rules, const QString &source, SourceCategory category) {
    const QString key = text::sourceKey(source);
    for (const ResponseRule &r : rules) {
        if (!r.source.isEmpty() && text::sourceKey(r.source) != key)
            continue;
        if (r.category && *r.category != category)
            continue;
        return r.hours;
    }
    return 72;
}

QDateTime dueAt(const QDateTime &arrived, int hours) {
    if (!arrived.isValid())
        return {};
    QDateTime t = clockStart(arrived);
    if (hours >= 24) {
        int days = hours / 24;
        QDate d = t.date();
        while (days > 0) {
            d = d.addDays(1);
            if (isWorkingDay(d))
                --days;
        }
        return at(t, d, t.time());
    }
    qint64 remaining = qint64(hours) * 3600;
    while (true) {
        const QDateTime end = at(t, t.date(), QTime(DayEndHour, 0));
        const qint64 left = t.secsTo(end);
        if (remaining <= left)
            return t.addSecs(remaining);
        remaining -= left;
        t = clockStart(end);
    }
}

} // namespace mikomi::sla
