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

namespace {
QString formatIsoDateTime(const QDateTime &t);
} // namespace

QString toIsoDateTime(const QDateTime &t) {
    if (!t.isValid())
        return {};
    // The last two texts are kept: an import writes each lead's creation time two or three
    // times in a row (the lead, its stage history) and the time of the import for every lead.
    // A fixed offset or UTC says all the text depends on; a local time's offset is the one
    // localOffset() keeps per day (a zone changed meanwhile is not seen there either).
    const Qt::TimeSpec spec = t.timeSpec();
    if (spec != Qt::OffsetFromUTC && spec != Qt::UTC && spec != Qt::LocalTime)
        return formatIsoDateTime(t);
    struct Recent {
        qint64 msecs = 0;
        int offset = 0;
        Qt::TimeSpec spec = Qt::LocalTime;
        QString text;
    };
    thread_local Recent recent[2];
    thread_local int next = 0;
    // Local time: its wall-clock time (the offset would cost what formatting does).
    const qint64 msecs = spec == Qt::LocalTime
                             ? t.date().toJulianDay() * 86400000 + t.time().msecsSinceStartOfDay()
                             : t.toMSecsSinceEpoch();
    const int offset = spec == Qt::OffsetFromUTC ? t.offsetFromUtc() : 0;
    for (const Recent &r : recent) {
        if (r.spec == spec && r.msecs == msecs && r.offset == offset)
            return r.text;
    }
    Recent &r = recent[next];
    next = 1 - next;
    r = Recent{msecs, offset, spec, formatIsoDateTime(t)};
    return r.text;
}

namespace {

QString formatIsoDateTime(const QDateTime &t) {
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

} // namespace

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

QString dateOrderKey(DateOrder o) {
    switch (o) {
    case DateOrder::Mdy:
        return QStringLiteral("mdy");
    case DateOrder::Dmy:
        return QStringLiteral("dmy");
    case DateOrder::Ymd:
        break;
    }
    return QStringLiteral("ymd");
}

std::optional<DateOrder> dateOrderFromKey(const QString &key) {
    const QString k = key.trimmed().toLower();
    for (const DateOrder o : {DateOrder::Ymd, DateOrder::Mdy, DateOrder::Dmy})
        if (k == dateOrderKey(o))
            return o;
    return std::nullopt;
}

namespace {

// "M/D/YYYY" or "D/M/YYYY" ('/', '-' or '.'), then optionally " h:mm[:ss]" and AM/PM.
const QRegularExpression &yearLastRe() {
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$)"));
    return re;
}

std::optional<QTime> timeOf(const QString &h, const QString &m, const QString &sec,
                            const QString &ampm) {
    if (h.isEmpty())
        return QTime(0, 0);
    int hour = h.toInt();
    if (!ampm.isEmpty()) {
        if (hour < 1 || hour > 12)
            return std::nullopt;
        const bool pm = ampm.at(0).toLower() == u'p';
        hour = hour % 12 + (pm ? 12 : 0);
    }
    const QTime t(hour, m.toInt(), sec.isEmpty() ? 0 : sec.toInt());
    if (!t.isValid())
        return std::nullopt;
    return t;
}

// ASCII text (NFKC leaves it as it is), without the white space trimmed() removes around it.
std::optional<QStringView> trimmedAscii(const QString &input) {
    for (const QChar c : input) {
        if (c.unicode() >= 0x80)
            return std::nullopt;
    }
    return QStringView(input).trimmed();
}

bool isDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

// The 1 to `max` ASCII digits at `i` (advanced past them) as a number; -1 when there is none.
int digitsAt(QStringView s, qsizetype &i, int max) {
    int value = 0;
    int n = 0;
    while (n < max && i < s.size() && isDigit(s[i])) {
        value = value * 10 + (s[i].unicode() - u'0');
        ++i;
        ++n;
    }
    return n == 0 ? -1 : value;
}

// The commonest form of a date in a file, "YYYY-MM-DD[ HH:MM[:SS]]" ('-' or '/', ' ' or 'T'),
// read by hand: exactly what parseUserDateTime's first pattern accepts, with the same result
// (its regular expression and captures were most of reading a date). `matched` false: the text
// has another form (the general parser reads it).
std::optional<QDateTime> parseCommonDateTime(QStringView s, bool *matched) {
    *matched = false;
    qsizetype i = 0;
    const auto sep = [&](std::initializer_list<char16_t> any) {
        if (i >= s.size())
            return false;
        for (const char16_t c : any) {
            if (s[i] == c) {
                ++i;
                return true;
            }
        }
        return false;
    };
    qsizetype start = i;
    const int year = digitsAt(s, i, 4);
    if (i - start != 4 || !sep({u'-', u'/'}))
        return std::nullopt;
    const int month = digitsAt(s, i, 2);
    if (month < 0 || !sep({u'-', u'/'}))
        return std::nullopt;
    const int day = digitsAt(s, i, 2);
    if (day < 0)
        return std::nullopt;
    int hour = -1;
    int minute = 0;
    int second = 0;
    if (i < s.size()) {
        if (!sep({u' ', u'T'}))
            return std::nullopt;
        hour = digitsAt(s, i, 2);
        if (hour < 0 || !sep({u':'}))
            return std::nullopt;
        start = i;
        minute = digitsAt(s, i, 2);
        if (i - start != 2)
            return std::nullopt;
        if (i < s.size()) {
            if (!sep({u':'}))
                return std::nullopt;
            start = i;
            second = digitsAt(s, i, 2);
            if (i - start != 2)
                return std::nullopt;
        }
        if (i != s.size())
            return std::nullopt;
    }
    *matched = true;
    const QDate d(year, month, day);
    if (!d.isValid())
        return std::nullopt;
    QTime t(0, 0);
    if (hour >= 0) {
        t = QTime(hour, minute, second);
        if (!t.isValid())
            return std::nullopt;
    }
    return localDateTime(d, t);
}

} // namespace

DateOrderEvidence dateOrderEvidence(const QString &input) {
    // Year-last dates start with one or two digits and a separator: an ASCII text that does not
    // (most dates of most files, "2026-05-12") is none, without the regular expression.
    if (const auto ascii = trimmedAscii(input)) {
        const QStringView s = *ascii;
        const auto isSep = [&](qsizetype i) {
            return i < s.size() && (s[i] == u'-' || s[i] == u'/' || s[i] == u'.');
        };
        const bool couldBe = !s.isEmpty() && isDigit(s[0]) &&
                             (isSep(1) || (s.size() > 1 && isDigit(s[1]) && isSep(2)));
        if (!couldBe)
            return DateOrderEvidence::None;
    }
    const QString s = input.normalized(QString::NormalizationForm_KC).trimmed();
    const auto m = yearLastRe().match(s);
    if (!m.hasMatch())
        return DateOrderEvidence::None;
    const int a = m.captured(1).toInt();
    const int b = m.captured(3).toInt();
    if (a > 12 && b > 12)
        return DateOrderEvidence::Impossible;
    if (a > 12)
        return DateOrderEvidence::Dmy;
    if (b > 12)
        return DateOrderEvidence::Mdy;
    return DateOrderEvidence::Ambiguous;
}

std::optional<QDateTime> parseUserDateTime(const QString &input, DateOrder order) {
    if (const auto ascii = trimmedAscii(input)) {
        bool matched = false;
        auto t = parseCommonDateTime(*ascii, &matched);
        if (matched)
            return t;
    }
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$)"));
    // ISO 8601 with a fraction and/or a zone: 2026-05-12T08:30:00.000Z, …T08:30:00+09:00.
    static const QRegularExpression iso(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$)"));
    static const QRegularExpression kanji(
        QStringLiteral(R"(^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})(?:時|:)(\d{2})分?)?$)"));
    const QString s = input.normalized(QString::NormalizationForm_KC).trimmed();
    if (const auto m = re.match(s); m.hasMatch()) {
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
    if (const auto m = iso.match(s); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QString frac = m.captured(7);
        const int ms = frac.isEmpty() ? 0 : QString(frac + QStringLiteral("00")).left(3).toInt();
        const QTime t(m.captured(4).toInt(), m.captured(5).toInt(),
                      m.captured(6).isEmpty() ? 0 : m.captured(6).toInt(), ms);
        if (!d.isValid() || !t.isValid())
            return std::nullopt;
        const QString zone = m.captured(8);
        if (zone.isEmpty())
            return localDateTime(d, t);
        if (zone == u"Z")
            return QDateTime(d, t, Qt::UTC);
        QString z = zone;
        z.remove(u':');
        const int sign = z.startsWith(u'-') ? -1 : 1;
        const int hh = z.mid(1, 2).toInt();
        const int mm = z.mid(3, 2).toInt();
        if (hh > 14 || mm > 59)
            return std::nullopt;
        return QDateTime(d, t, Qt::OffsetFromUTC, sign * (hh * 3600 + mm * 60));
    }
    if (const auto m = kanji.match(s); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!d.isValid())
            return std::nullopt;
        const auto t = timeOf(m.captured(4), m.captured(5), QString(), QString());
        if (!t)
            return std::nullopt;
        return localDateTime(d, *t);
    }
    if (order == DateOrder::Ymd)
        return std::nullopt;
    const auto m = yearLastRe().match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const int a = m.captured(1).toInt();
    const int b = m.captured(3).toInt();
    const int month = order == DateOrder::Mdy ? a : b;
    const int day = order == DateOrder::Mdy ? b : a;
    const QDate d(m.captured(4).toInt(), month, day);
    if (!d.isValid())
        return std::nullopt;
    const auto t = timeOf(m.captured(5), m.captured(6), m.captured(7), m.captured(8));
    if (!t)
        return std::nullopt;
    return localDateTime(d, *t);
}

std::optional<QDate> parseUserDate(const QString &s, DateOrder order) {
    const auto t = parseUserDateTime(s, order);
    if (!t)
        return std::nullopt;
    return t->date();
}

} // namespace mikomi::dates
