#pragma once

#include <QList>
#include <QString>

#include <memory>

// Japanese postal codes offline: Japan Post's KEN_ALL as a compact table built into the program
// (data/postal.bin, made by scripts/make_postal_data.py; data/README.md says where it came
// from and its date). Code → prefecture, city and town; an address → its code.
namespace mikomi::japan {

struct PostalAddress {
    QString code; // "100-0005"
    QString prefecture;
    QString city;
    QString town; // empty when the code covers the whole city (KEN_ALL's 以下に掲載がない場合)
    bool operator==(const PostalAddress &) const = default;
};

// The date of Japan Post's data built in (data/README.md); tst_postalcodes checks that the
// table says the same.
inline constexpr char kBuiltInPostalDate[] = "2022-11-02";

// The seven digits of a typed postal code ("〒100-0005", "１００－０００５", "1000005"), or an
// empty string when the text is not a complete Japanese postal code.
QString postalDigits(const QString &typed);
// "1000005" → "100-0005" (how Mikomi stores a Japanese postal code).
QString formatPostalCode(const QString &digits);
// Whether a country as written in a lead or a database names Japan: JP, JPN, Japan, Nippon,
// Nihon, 日本, 日本国 (case and width do not matter).
bool isJapan(const QString &country);

class PostalCodes final {
public:
    // The table built into the program, read on first use (about 120,000 codes).
    static const PostalCodes &builtIn();
    // A table from a file in make_postal_data.py's format (tests).
    explicit PostalCodes(const QByteArray &compressed);
    ~PostalCodes();
    PostalCodes(const PostalCodes &) = delete;
    PostalCodes &operator=(const PostalCodes &) = delete;

    // Empty when the table was read; otherwise why not (translated).
    QString error() const;
    // The date of Japan Post's data the table was made from ("2022-11-02").
    QString dataDate() const;
    qsizetype size() const;

    // Every address of a code (several when a code covers several towns, or two prefectures),
    // in the table's order. `code` as typed (see postalDigits).
    QList<PostalAddress> lookup(const QString &code) const;
    // The addresses that fit what is written: the prefecture (may be empty when the city is
    // unique), the city, and the street as written ("丸の内1-9-1"): the towns the street
    // begins with, the longest first; the city's own code (empty town) when no town fits.
    QList<PostalAddress> reverseLookup(const QString &prefecture, const QString &city,
                                       const QString &street) const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace mikomi::japan
