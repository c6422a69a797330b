#pragma once

#include "models/domain/enums.h"
#include "models/domain/lead.h"

#include <QList>
#include <QString>

#include <optional>

namespace mikomi::sources {

// A category suggested for a new source name from a built-in bilingual dictionary (seed 004:
// the five doors). Matching is on text::sourceKey, so width and case do not matter. The user
// confirms the suggestion; nothing is set silently. nullopt when no entry matches.
std::optional<SourceCategory> suggestCategory(const QString &name);

// The usual spelling of a well-known source name given in another case or width ("seo" → "SEO",
// "google ads" → "Google Ads", "ｌｉｎｋｅｄｉｎ" → "LinkedIn"); nullopt for any other name.
std::optional<QString> wellKnownSpelling(const QString &name);

// The source key without a trailing advertising word ("ads", "ad", "広告", "advertising"),
// so "LinkedIn Ads" and "LinkedIn" compare equal as duplicate candidates.
QString stemKey(const QString &name);

// Levenshtein distance between two strings (code units).
int editDistance(const QString &a, const QString &b);

// Two sources that are probably the same. `into` is the one to keep (more leads; then the
// shorter, then the alphabetically first name).
struct DuplicateSuggestion {
    qint64 fromId = 0;
    QString from;
    qint64 intoId = 0;
    QString into;
    enum class Reason { SameKey, Suffix, Typo } reason = Reason::SameKey;
};

// Likely duplicates among `sources`: same key after normalisation, same after removing an
// advertising suffix, or a small edit distance (1 for names of 4–7 characters, 2 for longer;
// never for shorter names, where "SEO"/"SMS" would collide). Sorted by the kept name.
QList<DuplicateSuggestion> suggestDuplicates(const QList<Source> &sources);

QString reasonLabel(DuplicateSuggestion::Reason r);

// product.md: an unknown source = empty, or unknown/other/none/n/a/不明/その他/なし after
// normalisation (text::foldKey: NFKC, white space folded, case-folded). The one definition the
// unknown-source audit (storage) and the reports (analytics) share.
bool isUnknownSourceName(const QString &name);

} // namespace mikomi::sources
