#pragma once

#include "models/ocr/page.h"

#include <QMap>
#include <QRect>
#include <QString>
#include <QStringList>

namespace mikomi::ocr {

// How far a prefilled field can be trusted: the line it came from was read with a confidence of
// at least 90 (right 97% of the time in the measurements behind issue 16), or less (check it), or
// nothing was found.
enum class Certainty { Empty, Check, Confident };

struct Field {
    QString value;
    double confidence = 0; // 0-1: the mean word confidence of the line it came from
    QRect box;             // where on the image (empty when it is unknown)
    int line = -1;         // the index of that line in Page::lines
};

// The fields of one card under the lead field names of the import table (cli.md): company,
// company_reading, department, title, family_name, given_name, family_reading, given_reading,
// email, phone, mobile, fax, postal_code, prefecture, city, street, building, country, website.
// A field not found on the card is absent. The country is its ISO 3166 code when the card names
// one Mikomi knows (countryCode()), and the card's words for it are under country_as_written.
struct CardFields {
    QMap<QString, Field> fields;

    bool has(const QString &key) const { return fields.contains(key); }
    QString value(const QString &key) const { return fields.value(key).value; }
    Certainty certainty(const QString &key) const;
    // Fills the fields this card lacks from `other` (the other side of a two-sided card); a
    // Latin name on the back of a Japanese card becomes the reading.
    void fillFrom(const CardFields &other);
    // The region the card's phone numbers are read in: its country's code when it names one
    // libphonenumber knows, else `fileRegion` (the file's country, storage::phoneRegion()).
    QString phoneRegion(const QString &fileRegion) const;
    // A card from another country than the file's: its numbers written without a country code
    // ("030 1234567" on a card from Deutschland) get it ("+49 30 1234567"), as they would
    // otherwise be read, stored and matched as numbers of the file's country. Numbers with a
    // country code, numbers of the file's country and numbers not valid in the card's country
    // stay as the card writes them.
    void addCountryCodes(const QString &fileRegion);
};

// Every field name, in the order of the form.
const QStringList &fieldNames();
// The confidence from which a field counts as confident (0.90).
constexpr double confidentFrom = 0.90;

// Reads the fields from the lines of a page (no image needed): company forms, department and
// title keywords, the name (the line of the largest type left over), the reading line next to it,
// 〒 and the address split into prefecture / city / street / building, TEL / FAX / 携帯 / 直通 /
// Mobile, email and URL, for Japanese and English cards.
CardFields extractFields(const Page &page);

// The address parts of a Japanese address ("東京都千代田区丸の内1-2-3 丸の内ビル5F"); what is not
// recognised stays in street.
struct AddressParts {
    QString prefecture, city, street, building;
    QString postalCode, country; // only from splitEnglishAddress()
};
AddressParts splitJapaneseAddress(const QString &address);

// The parts of an address written in Latin letters, comma-separated as on a card:
//  - US: "500 Main Street, Suite 200, Springfield, IL 62701, USA" (the state in prefecture);
//  - UK: "221B Baker Street, London NW1 6XE, United Kingdom";
//  - Japan in English: "1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan" (Tokyo in
//    prefecture; the country Japan when the prefecture and the 〒 code say so);
//  - Germany and the like: "Friedrichstrasse 12, 10117 Berlin, Germany".
// A building, suite or floor goes to building. Without a postal code nothing is split: the
// whole text stays in street.
AddressParts splitEnglishAddress(const QString &address);

// Whether the text holds Latin letters (a Japanese name line read as "RR" needs the second pass).
bool hasLatin(const QString &text);
// The ISO 3166 code of a country as an address or a card writes it, the way the rest of Mikomi
// keeps countries (the file's country and phone region, models/storage/countrystore.h):
// "Deutschland" → "DE", "USA" / "U.S.A." / "United States" → "US", "日本" / "Japan" → "JP"
// (every territory Qt's CLDR data names in English or in its own languages, and the usual short
// forms); "" when the text names no country it knows.
QString countryCode(const QString &written);
// A company name as a scan read it, less what a logo beside it was read as: a stray symbol at its
// end ("Acme Corp ®", "Acme Corp |", "サンプル株式会社 ■"), or a lone I, l, 1, TM or SM after the
// legal form ("Acme Corp I": the logo's bar). Letters and digits that belong to the name stay
// ("Apollo Fund I", "Acme Co., Ltd.", "(株)").
QString trimStrayTrailing(const QString &company);
// Kanji numerals and full-width digits as ASCII digits (電話 〇三・五五五五… on vertical cards).
QString asciiDigits(const QString &text);

} // namespace mikomi::ocr
