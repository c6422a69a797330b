#pragma once

#include <QString>

// Japanese-aware normalisation used on every path in (typing, import, touchpoints) so that
// variants of the same value compare equal. All functions are pure and thread-safe.
namespace mikomi::text {

// NFKC (full-width ASCII → half-width, half-width kana → full-width), trims, folds runs of white
// space (including U+3000) to one ASCII space.
QString nfkcSimplified(const QString &s);

// A phone number as typed, folded for reading: NFKC (full-width digits, brackets, plus, spaces),
// trimmed, and the dashes NFKC keeps (hyphen, non-breaking hyphen, figure/en/em dash, minus, the
// katakana prolonged sound mark and its half-width form, typed in place of a dash) turned into
// '-'. The one rule the stored form (tidyPhone) and the parser (text::parsePhone) share.
QString foldPhoneText(const QString &s);

// Key for comparing free text: nfkcSimplified, then case-folded.
QString foldKey(const QString &s);

// Source names: "LinkedIn", "linkedin " and "ＬｉｎｋｅｄＩｎ" give the same key.
QString sourceKey(const QString &name);

// Emails: NFKC, trimmed, lower-cased. Returns an empty string for empty input.
QString normalizeEmail(const QString &email);
// True when the (normalised) email has a plausible shape: local@domain.tld, no spaces.
bool isValidEmail(const QString &email);

// Phones: see phone.h (parsePhone, phoneError, phoneKey), which know every country's numbers.

// Company key for duplicate detection: NFKC, case-folded, legal forms (株式会社, ㈱, (株),
// 有限会社, Inc., Co., Ltd., LLC, GmbH…) and punctuation removed.
QString companyKey(const QString &company);

// Person key: family + given, NFKC, case-folded, spaces removed.
QString personKey(const QString &family, const QString &given);

// Katakana → hiragana (for reading comparison and search); other characters unchanged.
QString toHiragana(const QString &s);
// Hiragana → katakana.
QString toKatakana(const QString &s);

// Key used to sort and search readings: NFKC, hiragana, case-folded.
QString readingKey(const QString &s);

// Escape % _ and \ for a LIKE pattern used with ESCAPE '\'.
QString escapeLike(const QString &s);

} // namespace mikomi::text
