#include "models/domain/holidays.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace mikomi::holidays {
namespace {

// The n-th Monday of a month (Happy Monday system).
QDate nthMonday(int year, int month, int n) {
    const QDate first(year, month, 1);
    const int toMonday = (8 - first.dayOfWeek()) % 7; // dayOfWeek: Monday = 1
    return first.addDays(toMonday + 7 * (n - 1));
}

// The national holidays (国民の祝日) of a year, unsorted.
QList<QDate> nationalHolidays(int y) {
    QList<QDate> d{
        QDate(y, 1, 1),                     // 元日
        nthMonday(y, 1, 2),                 // 成人の日 (Happy Monday from 2000)
        QDate(y, 2, 11),                    // 建国記念の日
        QDate(y, 3, vernalEquinoxDay(y)),   // 春分の日
        QDate(y, 4, 29),                    // みどりの日, 昭和の日 from 2007
        QDate(y, 5, 3),                     // 憲法記念日
        QDate(y, 5, 5),                     // こどもの日
        QDate(y, 9, autumnalEquinoxDay(y)), // 秋分の日
        QDate(y, 11, 3),                    // 文化の日
        QDate(y, 11, 23),                   // 勤労感謝の日
    };
    // 海の日: 7/20, Happy Monday from 2003, moved for the Olympics in 2020 and 2021.
    d << (y < 2003    ? QDate(y, 7, 20)
          : y == 2020 ? QDate(y, 7, 23)
          : y == 2021 ? QDate(y, 7, 22)
                      : nthMonday(y, 7, 3));
    // 敬老の日: 9/15, Happy Monday from 2003.
    d << (y < 2003 ? QDate(y, 9, 15) : nthMonday(y, 9, 3));
    // 体育の日 (スポーツの日 from 2020): Happy Monday from 2000, Olympic moves.
    d << (y == 2020 ? QDate(y, 7, 24) : y == 2021 ? QDate(y, 7, 23) : nthMonday(y, 10, 2));
    // 山の日 from 2016, Olympic moves.
    if (y >= 2016)
        d << (y == 2020 ? QDate(y, 8, 10) : y == 2021 ? QDate(y, 8, 8) : QDate(y, 8, 11));
    if (y >= 2007)
        d << QDate(y, 5, 4); // みどりの日 (before: a citizens' holiday by the rule below)
    // 天皇誕生日: 12/23 (平成) until 2018, none in 2019, 2/23 (令和) from 2020.
    if (y <= 2018)
        d << QDate(y, 12, 23);
    if (y >= 2020)
        d << QDate(y, 2, 23);
    if (y == 2019)
        d << QDate(y, 5, 1) << QDate(y, 10, 22); // 即位の日, 即位礼正殿の儀
    return d;
}

using YearTable = QList<std::pair<QDate, Kind>>;

YearTable computeYear(int y) {
    const QList<QDate> national = nationalHolidays(y);
    YearTable out;
    for (const QDate &d : national)
        out.append({d, Kind::National});
    // 国民の休日: a day that is not a national holiday, between two national holidays.
    for (const QDate &d : national) {
        const QDate between = d.addDays(1);
        if (between.year() == y && !national.contains(between) &&
            national.contains(between.addDays(1)))
            out.append({between, Kind::Citizens});
    }
    // 振替休日: a national holiday on a Sunday gives the next day that is not a national
    // holiday (from 2007); before 2007 only the Monday, when it was not a holiday itself.
    for (const QDate &d : national) {
        if (d.dayOfWeek() != 7)
            continue;
        QDate sub = d.addDays(1);
        if (y >= 2007) {
            while (national.contains(sub))
                sub = sub.addDays(1);
        } else if (national.contains(sub)) {
            continue;
        }
        const auto it =
            std::find_if(out.begin(), out.end(), [&sub](const auto &e) { return e.first == sub; });
        if (it != out.end())
            it->second = Kind::Substitute; // never lands on a national holiday
        else
            out.append({sub, Kind::Substitute});
    }
    std::sort(out.begin(), out.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return out;
}

// The table of the year asked last (SLA computations walk day by day through one year).
const YearTable &tableOf(int y) {
    thread_local int cachedYear = std::numeric_limits<int>::min();
    thread_local YearTable cached;
    if (cachedYear != y) {
        cached = computeYear(y);
        cachedYear = y;
    }
    return cached;
}

// The standard formula (valid 1980–2099):
// day = floor(base + 0.242194 (y − 1980) − floor((y − 1980) / 4)).
int equinox(double base, int year) {
    const int n = year - 1980;
    const int leap = n >= 0 ? n / 4 : -((-n + 3) / 4);
    return int(base + 0.242194 * n - leap);
}

} // namespace

int vernalEquinoxDay(int year) {
    return equinox(20.8431, year);
}

int autumnalEquinoxDay(int year) {
    return equinox(23.2488, year);
}

Kind kindOf(const QDate &date) {
    if (!date.isValid())
        return Kind::None;
    for (const auto &[d, kind] : tableOf(date.year())) {
        if (d == date)
            return kind;
    }
    return Kind::None;
}

QList<QDate> holidaysOf(int year) {
    QList<QDate> out;
    for (const auto &e : tableOf(year))
        out.append(e.first);
    return out;
}

bool isYearEndBreak(const QDate &date) {
    return date.isValid() &&
           ((date.month() == 12 && date.day() >= 29) || (date.month() == 1 && date.day() <= 3));
}

bool isBusinessDay(const QDate &date) {
    return date.isValid() && date.dayOfWeek() <= 5 && !isYearEndBreak(date) && !isHoliday(date);
}

} // namespace mikomi::holidays
