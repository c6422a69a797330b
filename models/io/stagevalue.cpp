#include "models/io/stagevalue.h"

#include "models/io/headermap.h"

#include <QHash>

namespace mikomi::io {
namespace {

struct StageAlias {
    const char *text; // UTF-8; compared by headerKey, so case, width, spaces, '-' and '_' do not
                      // matter ("Open - Not Contacted" = "OPEN_NOT_CONTACTED")
    StageValue value;
};

constexpr StageValue kInquiry{Stage::Inquiry, SqlKind::None, false};
constexpr StageValue kMql{Stage::Mql, SqlKind::None, false};
constexpr StageValue kSql{Stage::Sql, SqlKind::None, false};
constexpr StageValue kSal{Stage::Sql, SqlKind::Sal, false};
constexpr StageValue kSgl{Stage::Sql, SqlKind::Sgl, false};
constexpr StageValue kOpportunity{Stage::Opportunity, SqlKind::None, false};
constexpr StageValue kCustomer{Stage::Customer, SqlKind::None, false};
constexpr StageValue kLost{Stage::Inquiry, SqlKind::None, true};

// Stage values of other tools and their Mikomi meaning. A status that says sales is working the
// lead (contacted, in progress) is an SQL accepted by sales (SAL); one that says it was
// disqualified or is dead is lost; nurturing or "not now, later" stays an inquiry.
// clang-format off
const StageAlias kStageAliases[] = {
    // Mikomi's own keys and the base list of cli.md.
    {"inquiry", kInquiry}, {"enquiry", kInquiry}, {"lead", kInquiry}, {"subscriber", kInquiry},
    {"new", kInquiry}, {"問い合わせ", kInquiry}, {"お問い合わせ", kInquiry}, {"問合せ", kInquiry},
    {"mql", kMql}, {"marketing qualified lead", kMql},
    {"sql", kSql}, {"sales qualified lead", kSql},
    {"sal", kSal}, {"sales accepted lead", kSal},
    {"sgl", kSgl}, {"sales generated lead", kSgl},
    {"opportunity", kOpportunity}, {"商談", kOpportunity},
    {"customer", kCustomer}, {"won", kCustomer}, {"closed won", kCustomer}, {"受注", kCustomer},
    {"顧客", kCustomer},
    {"lost", kLost}, {"closed lost", kLost}, {"失注", kLost},

    // HubSpot lifecycle stages (internal values; the labels are covered by the spaced forms).
    {"marketingqualifiedlead", kMql}, {"salesqualifiedlead", kSql}, {"evangelist", kCustomer},
    {"other", kInquiry}, // HubSpot's catch-all: a contact with no further stage
    // HubSpot lead statuses.
    {"open", kInquiry}, {"attempted to contact", kSal}, {"connected", kSal},
    {"in progress", kSal}, {"open deal", kOpportunity}, {"unqualified", kLost},
    {"bad timing", kLost},

    // Salesforce lead statuses (classic and current defaults) and opportunity stages.
    {"open - not contacted", kInquiry}, {"working - contacted", kSal}, {"working", kSal},
    {"nurturing", kInquiry}, {"qualified", kSql}, {"closed - converted", kOpportunity},
    {"converted", kOpportunity}, {"closed - not converted", kLost},
    {"prospecting", kOpportunity}, {"qualification", kOpportunity},
    {"needs analysis", kOpportunity}, {"value proposition", kOpportunity},
    {"id. decision makers", kOpportunity}, {"identify decision makers", kOpportunity},
    {"perception analysis", kOpportunity}, {"proposal/price quote", kOpportunity},
    {"negotiation/review", kOpportunity},

    // Zoho CRM lead statuses and deal stages.
    {"not contacted", kInquiry}, {"contact in future", kInquiry}, {"contacted", kSal},
    {"pre-qualified", kMql}, {"not qualified", kLost}, {"junk lead", kLost},
    {"lost lead", kLost}, {"closed lost to competition", kLost},

    // Japanese wording of CRMs and spreadsheets.
    {"見込み客", kInquiry}, {"見込客", kInquiry}, {"リード", kInquiry}, {"新規", kInquiry},
    {"新規リード", kInquiry}, {"未対応", kInquiry}, {"未接触", kInquiry}, {"未連絡", kInquiry},
    {"育成中", kInquiry}, {"ナーチャリング", kInquiry}, {"ナーチャリング中", kInquiry},
    {"購読者", kInquiry}, {"その他", kInquiry},
    {"マーケティング認定リード", kMql}, {"ホットリード", kMql},
    {"営業認定リード", kSql}, {"有望", kSql}, {"アポ獲得", kSql},
    {"対応中", kSal}, {"連絡済み", kSal}, {"連絡済", kSal}, {"コンタクト済み", kSal},
    {"アプローチ中", kSal},
    {"商談中", kOpportunity}, {"商談化", kOpportunity}, {"提案中", kOpportunity},
    {"見積提出", kOpportunity}, {"見積中", kOpportunity}, {"交渉中", kOpportunity},
    {"商談機会", kOpportunity},
    {"成約", kCustomer}, {"契約", kCustomer}, {"契約済み", kCustomer}, {"受注済み", kCustomer},
    {"既存顧客", kCustomer}, {"エバンジェリスト", kCustomer},
    {"失注済み", kLost}, {"不成立", kLost}, {"見送り", kLost}, {"対象外", kLost},
    {"見込みなし", kLost}, {"ジャンク", kLost},
};
// clang-format on

} // namespace

std::optional<StageValue> parseStageValue(const QString &value) {
    static const QHash<QString, StageValue> table = [] {
        QHash<QString, StageValue> t;
        for (const StageAlias &a : kStageAliases) {
            const QString key = headerKey(QString::fromUtf8(a.text));
            Q_ASSERT(!t.contains(key) || t.value(key) == a.value);
            t.insert(key, a.value);
        }
        return t;
    }();
    // A file's stage column holds a few values over and over: each is folded once per thread
    // (headerKey normalises; measured a twentieth of reading a row).
    thread_local QHash<QString, std::optional<StageValue>> seen;
    if (const auto s = seen.constFind(value); s != seen.cend())
        return *s;
    const auto it = table.constFind(headerKey(value));
    const std::optional<StageValue> out =
        it == table.cend() ? std::nullopt : std::optional<StageValue>(*it);
    if (seen.size() >= 1024)
        seen.clear();
    seen.insert(value, out);
    return out;
}

} // namespace mikomi::io
