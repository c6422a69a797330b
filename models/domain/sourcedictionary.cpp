#include "models/domain/sourcedictionary.h"

#include "models/text/normalize.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace mikomi::sources {
namespace {

struct Entry {
    const char16_t *word; // matched as a substring of the source key
    SourceCategory category;
};

// Longer, more specific words first: "linkedin ads" is Paid although "linkedin" is Outbound.
const Entry kDictionary[] = {
    // Paid (有料広告)
    {u"google ads", SourceCategory::Paid},
    {u"adwords", SourceCategory::Paid},
    {u"linkedin ads", SourceCategory::Paid},
    {u"facebook ads", SourceCategory::Paid},
    {u"instagram ads", SourceCategory::Paid},
    {u"youtube ads", SourceCategory::Paid},
    {u"yahoo広告", SourceCategory::Paid},
    {u"リスティング", SourceCategory::Paid},
    {u"listing", SourceCategory::Paid},
    {u"retargeting", SourceCategory::Paid},
    {u"リターゲティング", SourceCategory::Paid},
    {u"ppc", SourceCategory::Paid},
    {u"cpc", SourceCategory::Paid},
    {u"display", SourceCategory::Paid},
    {u"ディスプレイ", SourceCategory::Paid},
    {u"sponsored", SourceCategory::Paid},
    {u"native ad", SourceCategory::Paid},
    {u"広告", SourceCategory::Paid},
    {u" ads", SourceCategory::Paid},
    {u"paid", SourceCategory::Paid},
    // Events (イベント)
    {u"展示会", SourceCategory::Event},
    {u"trade show", SourceCategory::Event},
    {u"tradeshow", SourceCategory::Event},
    {u"expo", SourceCategory::Event},
    {u"conference", SourceCategory::Event},
    {u"カンファレンス", SourceCategory::Event},
    {u"webinar", SourceCategory::Event},
    {u"ウェビナー", SourceCategory::Event},
    {u"セミナー", SourceCategory::Event},
    {u"seminar", SourceCategory::Event},
    {u"workshop", SourceCategory::Event},
    {u"ワークショップ", SourceCategory::Event},
    {u"summit", SourceCategory::Event},
    {u"サミット", SourceCategory::Event},
    {u"イベント", SourceCategory::Event},
    {u"event", SourceCategory::Event},
    {u"名刺交換", SourceCategory::Event},
    // Partnership (パートナー・紹介)
    {u"紹介", SourceCategory::Partnership},
    {u"referral", SourceCategory::Partnership},
    {u"affiliate", SourceCategory::Partnership},
    {u"アフィリエイト", SourceCategory::Partnership},
    {u"partner", SourceCategory::Partnership},
    {u"パートナー", SourceCategory::Partnership},
    {u"reseller", SourceCategory::Partnership},
    {u"代理店", SourceCategory::Partnership},
    {u"リセラー", SourceCategory::Partnership},
    {u"co-marketing", SourceCategory::Partnership},
    {u"共催", SourceCategory::Partnership},
    // Outbound (アウトバウンド)
    {u"テレアポ", SourceCategory::Outbound},
    {u"cold call", SourceCategory::Outbound},
    {u"コールドコール", SourceCategory::Outbound},
    {u"cold email", SourceCategory::Outbound},
    {u"コールドメール", SourceCategory::Outbound},
    {u"direct mail", SourceCategory::Outbound},
    {u"ダイレクトメール", SourceCategory::Outbound},
    {u"dm", SourceCategory::Outbound},
    {u"sdr", SourceCategory::Outbound},
    {u"abm", SourceCategory::Outbound},
    {u"outbound", SourceCategory::Outbound},
    {u"アウトバウンド", SourceCategory::Outbound},
    {u"linkedin", SourceCategory::Outbound},
    {u"飛び込み", SourceCategory::Outbound},
    {u"フォーム営業", SourceCategory::Outbound},
    // Inbound (インバウンド)
    {u"seo", SourceCategory::Inbound},
    {u"organic", SourceCategory::Inbound},
    {u"オーガニック", SourceCategory::Inbound},
    {u"自然検索", SourceCategory::Inbound},
    {u"blog", SourceCategory::Inbound},
    {u"ブログ", SourceCategory::Inbound},
    {u"ホワイトペーパー", SourceCategory::Inbound},
    {u"whitepaper", SourceCategory::Inbound},
    {u"資料請求", SourceCategory::Inbound},
    {u"資料ダウンロード", SourceCategory::Inbound},
    {u"ebook", SourceCategory::Inbound},
    {u"podcast", SourceCategory::Inbound},
    {u"ポッドキャスト", SourceCategory::Inbound},
    {u"youtube", SourceCategory::Inbound},
    {u"問い合わせ", SourceCategory::Inbound},
    {u"お問い合わせ", SourceCategory::Inbound},
    {u"contact form", SourceCategory::Inbound},
    {u"website", SourceCategory::Inbound},
    {u"ウェブサイト", SourceCategory::Inbound},
    {u"direct", SourceCategory::Inbound},
    {u"newsletter", SourceCategory::Inbound},
    {u"メルマガ", SourceCategory::Inbound},
    {u"social", SourceCategory::Inbound},
    {u"sns", SourceCategory::Inbound},
    {u"inbound", SourceCategory::Inbound},
    {u"インバウンド", SourceCategory::Inbound},
    // Unknown (不明)
    {u"不明", SourceCategory::Unknown},
    {u"unknown", SourceCategory::Unknown},
    {u"その他", SourceCategory::Unknown},
};

const char16_t *const kSuffixes[] = {u" advertising", u" ads", u" ad", u"広告",
                                     u" 広告",        u"ads",  u" ppc"};

bool isAsciiWordChar(QChar c) {
    return c.isLetterOrNumber() && c.unicode() < 0x80;
}

// Substring match; short ASCII words ("dm", "seo", "ppc") must stand as whole words.
bool containsWord(const QString &key, const QString &word) {
    qsizetype from = 0;
    while (true) {
        const qsizetype at = key.indexOf(word, from);
        if (at < 0)
            return false;
        const bool asciiWord = isAsciiWordChar(word.front());
        const bool startOk = !asciiWord || at == 0 || !isAsciiWordChar(key.at(at - 1));
        const qsizetype end = at + word.size();
        const bool endOk =
            !isAsciiWordChar(word.back()) || end >= key.size() || !isAsciiWordChar(key.at(end));
        if (startOk && (endOk || word.size() > 4))
            return true;
        from = at + 1;
    }
}

// Spellings of well-known sources, matched by text::sourceKey (case and width folded).
const char16_t *const kSpellings[] = {
    u"SEO",
    u"SEM",
    u"SNS",
    u"PPC",
    u"Google Ads",
    u"Yahoo!広告",
    u"Facebook Ads",
    u"Instagram Ads",
    u"LinkedIn Ads",
    u"LinkedIn",
    u"Facebook",
    u"Instagram",
    u"YouTube",
    u"YouTube Ads",
    u"X (Twitter)",
    u"Twitter",
    u"Organic Search",
    u"Google",
    u"Yahoo!",
    u"Bing",
    u"Webinar",
    u"Referral",
    u"Email",
    u"Direct",
    u"HubSpot",
    u"Salesforce",
    u"Sansan",
    u"Eight",
};

} // namespace

std::optional<QString> wellKnownSpelling(const QString &name) {
    const QString key = text::sourceKey(name);
    if (key.isEmpty())
        return std::nullopt;
    for (const char16_t *w : kSpellings) {
        const QString spelling = QString::fromUtf16(w);
        if (text::sourceKey(spelling) == key)
            return spelling;
    }
    return std::nullopt;
}

std::optional<SourceCategory> suggestCategory(const QString &name) {
    const QString key = text::sourceKey(name);
    if (key.isEmpty())
        return std::nullopt;
    for (const Entry &e : kDictionary) {
        if (containsWord(key, QString::fromUtf16(e.word)))
            return e.category;
    }
    return std::nullopt;
}

QString stemKey(const QString &name) {
    QString key = text::sourceKey(name);
    for (const char16_t *s : kSuffixes) {
        const QString suffix = QString::fromUtf16(s);
        if (key.size() > suffix.size() + 1 && key.endsWith(suffix)) {
            key.chop(suffix.size());
            break;
        }
    }
    return key.trimmed();
}

int editDistance(const QString &a, const QString &b) {
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int subst = prev[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QList<DuplicateSuggestion> suggestDuplicates(const QList<Source> &list) {
    QList<DuplicateSuggestion> out;
    auto keeps = [](const Source &a, const Source &b) {
        if (a.leadCount != b.leadCount)
            return a.leadCount > b.leadCount;
        if (a.name.size() != b.name.size())
            return a.name.size() < b.name.size();
        return a.name < b.name;
    };
    // Each source is compared by its name and its aliases: "Webiner" is a typo of the alias
    // "Webinar" of ウェビナー.
    auto names = [](const Source &s) {
        QStringList n{s.name};
        n += s.aliases;
        return n;
    };
    auto reasonFor = [](const QString &a,
                        const QString &b) -> std::optional<DuplicateSuggestion::Reason> {
        const QString ka = text::sourceKey(a);
        const QString kb = text::sourceKey(b);
        if (ka.isEmpty() || kb.isEmpty())
            return std::nullopt;
        if (ka == kb)
            return DuplicateSuggestion::Reason::SameKey;
        if (stemKey(a) == stemKey(b))
            return DuplicateSuggestion::Reason::Suffix;
        const qsizetype len = std::min(ka.size(), kb.size());
        const int allowed = len >= 8 ? 2 : len >= 4 ? 1 : 0;
        if (allowed > 0 && std::abs(ka.size() - kb.size()) <= allowed &&
            editDistance(ka, kb) <= allowed)
            return DuplicateSuggestion::Reason::Typo;
        return std::nullopt;
    };
    for (qsizetype i = 0; i < list.size(); ++i) {
        for (qsizetype j = i + 1; j < list.size(); ++j) {
            const Source &a = list.at(i);
            const Source &b = list.at(j);
            std::optional<DuplicateSuggestion::Reason> reason;
            for (const QString &na : names(a)) {
                for (const QString &nb : names(b)) {
                    auto r = reasonFor(na, nb);
                    if (r && (!reason || int(*r) < int(*reason)))
                        reason = r;
                }
            }
            if (!reason)
                continue;
            const bool keepA = keeps(a, b);
            const Source &into = keepA ? a : b;
            const Source &from = keepA ? b : a;
            out.append({from.id, from.name, into.id, into.name, *reason});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto &x, const auto &y) {
        return x.into != y.into ? x.into < y.into : x.from < y.from;
    });
    return out;
}

QString reasonLabel(DuplicateSuggestion::Reason r) {
    switch (r) {
    case DuplicateSuggestion::Reason::SameKey:
        return QCoreApplication::translate("mikomi::sources::SourceDictionary",
                                           "Same name after normalisation");
    case DuplicateSuggestion::Reason::Suffix:
        return QCoreApplication::translate("mikomi::sources::SourceDictionary",
                                           "Same name without the ad suffix");
    case DuplicateSuggestion::Reason::Typo:
        return QCoreApplication::translate("mikomi::sources::SourceDictionary",
                                           "Nearly the same spelling");
    }
    return {};
}

bool isUnknownSourceName(const QString &name) {
    static const QStringList unknown{QStringLiteral("unknown"), QStringLiteral("other"),
                                     QStringLiteral("none"),    QStringLiteral("n/a"),
                                     QStringLiteral("不明"),    QStringLiteral("その他"),
                                     QStringLiteral("なし")};
    const QString k = text::foldKey(name);
    return k.isEmpty() || unknown.contains(k);
}

} // namespace mikomi::sources
