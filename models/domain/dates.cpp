#include "models/domain/dates.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <limits>

namespace mikomi::dates {
namespace {

// The UTC offset of a local date and time. QDateTime asks the C library (mktime), which re-reads
// the time zone file on every call: a fifth of an import's time went there. Offsets change
// only at transitions, which are on quarter hours and at most one a day: a day whose first and
// last quarter hours have the same offset has it all day, and is kept per day; the day of a
// transition is kept per quarter hour.
int localOffset(const QDate &d, const QTime &t) {
    constexpr int kMixed = std::numeric_limits<int>::min();
    thread_local QHash<qint64, int> days;
    thread_local QHash<qint64, int> quarters;
    const qint64 day = d.toJulianDay();
    auto it = days.constFind(day);
    if (it == days.cend()) {
        // A midnight skipped by a transition (00:00 → 01:00) is invalid: a mixed day too.
        const QDateTime first(d, QTime(0, 0));
        const QDateTime last(d, QTime(23, 45));
        const bool same =
            first.isValid() && last.isValid() && first.offsetFromUtc() == last.offsetFromUtc();
        if (days.size() > 100000)
            days.clear();
        it = days.insert(day, same ? first.offsetFromUtc() : kMixed);
    }
    if (*it != kMixed)
        return *it;
    const qint64 slot = day * 96 + t.hour() * 4 + t.minute() / 15;
    if (const auto q = quarters.constFind(slot); q != quarters.cend())
        return *q;
    // A local time skipped by a transition (02:30 when clocks go from 02:00 to 03:00) is not
    // valid for QDateTime and would get offset 0: it takes the offset from before the gap.
    const QDateTime local(d, t);
    const int offset = local.isValid() ? local.offsetFromUtc()
                                       : QDateTime(d.addDays(-1), QTime(23, 45)).offsetFromUtc();
    if (quarters.size() > 100000)
        quarters.clear();
    quarters.insert(slot, offset);
    return offset;
}

} // namespace

QDateTime localDateTime(const QDate &d, const QTime &t) {
    return QDateTime(d, t, Qt::OffsetFromUTC, localOffset(d, t));
}

QString toIsoDate(const QDate &d) {
    return d.toString(Qt::ISODate);
}

QString toIsoDateTime(const QDateTime &t) {
    if (!t.isValid())
        return {};
    // Hand-written: QDateTime::toString(Qt::ISODate) goes through QString::asprintf and was
    // 12% of writing a million demo leads. Same output: "YYYY-MM-DDTHH:MM:SS+HH:MM".
    const QDate d = t.date();
    const QTime tm = t.time();
    const int offset = t.timeSpec() == Qt::LocalTime ? localOffset(d, tm) : t.offsetFromUtc();
    const int year = d.year();
    if (year < 0 || year > 9999) {
        QDateTime withOffset = t;
        if (t.timeSpec() == Qt::LocalTime)
            withOffset = t.toOffsetFromUtc(offset);
        return withOffset.toString(Qt::ISODate);
    }
    char16_t buf[25];
    const auto two = [&buf](int at, int v) {
        buf[at] = char16_t(u'0' + v / 10);
        buf[at + 1] = char16_t(u'0' + v % 10);
    };
    two(0, year / 100);
    two(2, year % 100);
    buf[4] = u'-';
    two(5, d.month());
    buf[7] = u'-';
    two(8, d.day());
    buf[10] = u'T';
    two(11, tm.hour());
    buf[13] = u':';
    two(14, tm.minute());
    buf[16] = u':';
    two(17, tm.second());
    if (t.timeSpec() == Qt::UTC)
        return QString(reinterpret_cast<const QChar *>(buf), 19) + QLatin1Char('Z');
    const int abs = offset < 0 ? -offset : offset;
    buf[19] = offset < 0 ? u'-' : u'+';
    two(20, abs / 3600);
    buf[22] = u':';
    two(23, (abs / 60) % 60);
    return QString(reinterpret_cast<const QChar *>(buf), 25);
}

std::optional<QDate> fromIsoDate(const QString &s) {
    const QDate d = QDate::fromString(s.left(10), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QDateTime> fromIsoDateTime(const QString &s) {
    if (s.size() == 10) {
        const auto d = fromIsoDate(s);
        if (!d)
            return std::nullopt;
        return QDateTime(*d, QTime(0, 0));
    }
    const QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

std::optional<QDateTime> parseUserDateTime(const QString &input) {
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$)"));
    const QString s = input.normalized(QString::NormalizationForm_KC).trimmed();
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    QTime t(0, 0);
    if (m.hasCaptured(4) && !m.captured(4).isEmpty()) {
        t = QTime(m.captured(4).toInt(), m.captured(5).toInt(),
                  m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
        if (!t.isValid())
            return std::nullopt;
    }
    return localDateTime(d, t);
}

std::optional<QDate> parseUserDate(const QString &s) {
    const auto t = parseUserDateTime(s);
    if (!t)
        return std::nullopt;
    return t->date();
}

} // namespace mikomi::dates
