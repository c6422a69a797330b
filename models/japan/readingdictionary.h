#pragma once

#include <QString>

#include <memory>

// Readings (フリガナ, katakana) of Japanese names from two dictionaries of Debian: MeCab with
// mecab-ipadic-utf8 and KAKASI. Measured on tests/data/readings/names.tsv (85 surnames, given
// names and company names with their standard readings): MeCab 77 right, KAKASI 79; where the two
// agree (74 of 85) they were right every time, where they differ each is right about half the
// time. So a reading both give is offered as is, and one they differ on is offered for checking,
// with the other as an alternative.
namespace mikomi::japan {

enum class ReadingKind { Person, Company };

struct ReadingGuess {
    QString reading;     // katakana; empty when neither dictionary could read the text
    QString alternative; // the other dictionary's reading when they differ
    bool agreed = false; // both dictionaries gave `reading`
};

// The company name without its legal form (株式会社, 有限会社, 合同会社, ㈱, (株)…): readings of
// companies leave it out (株式会社日立製作所 → ヒタチセイサクショ), as Japanese lists do.
QString companyWithoutLegalForm(const QString &company);
// True when `s` is katakana or hiragana only (with ー, ・ and spaces): a usable reading.
bool isKana(const QString &s);

class ReadingDictionary final {
public:
    ReadingDictionary();
    ~ReadingDictionary();
    ReadingDictionary(const ReadingDictionary &) = delete;
    ReadingDictionary &operator=(const ReadingDictionary &) = delete;

    // Empty when both dictionaries are there; otherwise which is missing (translated).
    QString error() const;

    // The reading of one dictionary, katakana; empty when it left kanji or Latin letters unread.
    QString mecabReading(const QString &text) const;
    QString kakasiReading(const QString &text) const;
    // Both, compared. A company is read without its legal form.
    ReadingGuess guess(const QString &text, ReadingKind kind) const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace mikomi::japan
