#pragma once

#include <QDate>
#include <QList>

// Japanese public holidays (国民の祝日に関する法律), computed, no table to keep up to date.
// Valid for 2000–2099: fixed-date holidays, the Happy Monday rules (成人の日 and 体育の日 /
// スポーツの日 from 2000, 海の日 and 敬老の日 from 2003), the vernal and autumnal equinox by the
// standard formula (valid 1980–2099), the changes of 2007 (昭和の日, みどりの日 on 5/4, substitute
// holidays that move past other holidays), 山の日 from 2016, the Emperor's birthday (12/23 until
// 2018, 2/23 from 2020), the one-off days of 2019 (即位の日, 即位礼正殿の儀) and the Olympic
// moves of 2020 and 2021, substitute holidays (振替休日) and citizens' holidays (国民の休日: a
// day between two national holidays). Years after 2099 follow the same rules; the equinox
// formula drifts by then.
//
// Business closure: the year-end and New Year break 12/29–1/3 is not a public holiday but most
// Japanese companies are closed; isBusinessDay() treats it as non-working.
namespace mikomi::holidays {

enum class Kind {
    None = 0,
    National,   // 国民の祝日
    Substitute, // 振替休日
    Citizens,   // 国民の休日
};

// What kind of public holiday `date` is (None on an ordinary day, weekends included).
Kind kindOf(const QDate &date);
inline bool isHoliday(const QDate &date) {
    return kindOf(date) != Kind::None;
}

// Every public holiday of `year`, in date order.
QList<QDate> holidaysOf(int year);

// 12/29 – 1/3.
bool isYearEndBreak(const QDate &date);

// Monday–Friday, not a public holiday, not in the year-end break.
bool isBusinessDay(const QDate &date);

// The day of the vernal (春分) / autumnal (秋分) equinox in March / September of `year`.
int vernalEquinoxDay(int year);
int autumnalEquinoxDay(int year);

} // namespace mikomi::holidays
