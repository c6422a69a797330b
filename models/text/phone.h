#pragma once

#include <QList>
#include <QString>

// Phone numbers from anywhere, through Google's libphonenumber (the reference for the world's
// numbering plans; Debian's libphonenumber8). Its types stay in phone.cpp. All functions are
// thread-safe (the library's PhoneNumberUtil is a read-only singleton).
namespace mikomi::text {

struct PhoneNumber {
    bool valid = false;
    QString e164;          // "+12125550188": the number without its extension
    QString extension;     // "201" from "ext. 201", "x201", "#201", "内線 201"; "" when none
    QString region;        // "US": the region the number belongs to ("" when invalid)
    QString national;      // "(212) 555-0188 ext. 201": as dialled inside its country
    QString international; // "+1 212-555-0188 ext. 201"
    QString error;         // why the text is not a valid number (translated), "" when valid
};

// Parses a number as a person wrote it: "(212) 555-0188", "+44 131 635 4287",
// "415-555-0110 ext. 201", "03-1234-5678", "０９０ー１２３４ー５６７８", "03-1234-5678 内線 201".
// Full-width digits, Japanese dashes (ー − ‐) and brackets are accepted. A number without a
// country code belongs to `defaultRegion` (ISO 3166 code: "JP", "US", "GB"); written with "+"
// (or 00 / 010 from that region) it may belong to any country. A text that is not a valid number
// (letters, too short, no such number in that country) gives valid = false and a reason;
// nothing is guessed.
PhoneNumber parsePhone(const QString &text, const QString &defaultRegion);

// The translated reason `text` is not a valid phone number, or "" when it is one (or is empty).
// For every place a number is typed or imported, including the extra numbers of a lead
// (ContactPoint values).
QString phoneError(const QString &text, const QString &defaultRegion);

// What duplicates are matched on: E.164 without the extension ("+819012345678" for
// 090-1234-5678 in JP and for +81 90 1234 5678 anywhere). A text that is not a valid number (kept
// from before numbers were checked) gets its digits alone, which never look like an E.164 key:
// "" for empty input.
QString phoneKey(const QString &text, const QString &defaultRegion);

// The fast path of phoneError() and phoneKey() (phone.cpp): the E.164 form when `text` is a
// number it reads exactly as libphonenumber's parser would and libphonenumber finds valid, ""
// when it leaves the text to the parser. For tests proving both agree.
QString fastPhoneE164(const QString &text, const QString &defaultRegion);

// True when libphonenumber knows the region ("JP", "US", "GB", …).
bool isPhoneRegion(const QString &region);

// The regions offered in Preferences, each with its name (translated), Japan and the United States
// first.
struct PhoneRegionName {
    QString code;
    QString name;
};
QList<PhoneRegionName> phoneRegionNames();

} // namespace mikomi::text
