#include "models/io/headermap.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <array>

namespace mikomi::io {
namespace {

struct FieldInfo {
    const char *key;
    const char *label;
};

// clang-format off
constexpr std::array<FieldInfo, LeadFieldCount> kLeadFields{{
    {"company", QT_TRANSLATE_NOOP("Mikomi", "Company")},
    {"company_reading", QT_TRANSLATE_NOOP("Mikomi", "Company reading")},
    {"department", QT_TRANSLATE_NOOP("Mikomi", "Department")},
    {"title", QT_TRANSLATE_NOOP("Mikomi", "Job title")},
    {"family_name", QT_TRANSLATE_NOOP("Mikomi", "Family name")},
    {"given_name", QT_TRANSLATE_NOOP("Mikomi", "Given name")},
    {"full_name", QT_TRANSLATE_NOOP("Mikomi", "Full name")},
    {"family_reading", QT_TRANSLATE_NOOP("Mikomi", "Family name reading")},
    {"given_reading", QT_TRANSLATE_NOOP("Mikomi", "Given name reading")},
    {"full_reading", QT_TRANSLATE_NOOP("Mikomi", "Full name reading")},
    {"email", QT_TRANSLATE_NOOP("Mikomi", "Email address")},
    {"phone", QT_TRANSLATE_NOOP("Mikomi", "Phone")},
    {"mobile", QT_TRANSLATE_NOOP("Mikomi", "Mobile")},
    {"postal_code", QT_TRANSLATE_NOOP("Mikomi", "Postal code")},
    {"prefecture", QT_TRANSLATE_NOOP("Mikomi", "Prefecture / state")},
    {"city", QT_TRANSLATE_NOOP("Mikomi", "City")},
    {"street", QT_TRANSLATE_NOOP("Mikomi", "Street")},
    {"building", QT_TRANSLATE_NOOP("Mikomi", "Building")},
    {"country", QT_TRANSLATE_NOOP("Mikomi", "Country")},
    {"website", QT_TRANSLATE_NOOP("Mikomi", "Website")},
    {"source", QT_TRANSLATE_NOOP("Mikomi", "Source")},
    {"source_category", QT_TRANSLATE_NOOP("Mikomi", "Source category")},
    {"stage", QT_TRANSLATE_NOOP("Mikomi", "Stage")},
    {"created_at", QT_TRANSLATE_NOOP("Mikomi", "Created")},
    {"won_at", QT_TRANSLATE_NOOP("Mikomi", "Won date")},
    {"lost_at", QT_TRANSLATE_NOOP("Mikomi", "Lost date")},
    {"lost_reason", QT_TRANSLATE_NOOP("Mikomi", "Lost reason")},
    {"deal_value", QT_TRANSLATE_NOOP("Mikomi", "Deal value")},
    {"lifetime_value", QT_TRANSLATE_NOOP("Mikomi", "Lifetime value")},
    {"owner", QT_TRANSLATE_NOOP("Mikomi", "Owner")},
    {"notes", QT_TRANSLATE_NOOP("Mikomi", "Notes")},
    {"opt_out", QT_TRANSLATE_NOOP("Mikomi", "Opt-out")},
    {"consent_date", QT_TRANSLATE_NOOP("Mikomi", "Consent date")},
    {"consent_basis", QT_TRANSLATE_NOOP("Mikomi", "Consent basis")},
}};
constexpr std::array<FieldInfo, SpendFieldCount> kSpendFields{{
    {"source", QT_TRANSLATE_NOOP("Mikomi", "Source")},
    {"month", QT_TRANSLATE_NOOP("Mikomi", "Month")},
    {"amount", QT_TRANSLATE_NOOP("Mikomi", "Amount")},
}};
constexpr std::array<FieldInfo, TouchpointFieldCount> kTouchpointFields{{
    {"email", QT_TRANSLATE_NOOP("Mikomi", "Email address")},
    {"occurred_at", QT_TRANSLATE_NOOP("Mikomi", "Date and time")},
    {"source", QT_TRANSLATE_NOOP("Mikomi", "Source")},
    {"medium", QT_TRANSLATE_NOOP("Mikomi", "Medium")},
    {"campaign", QT_TRANSLATE_NOOP("Mikomi", "Campaign")},
    {"content", QT_TRANSLATE_NOOP("Mikomi", "Content")},
    {"url", QT_TRANSLATE_NOOP("Mikomi", "URL")},
}};

struct Alias {
    int field;
    const char *text; // UTF-8
    bool weak = false;
    // What the column becomes when a strong alias of the same field takes its place.
    ColumnRole displaced = ColumnRole::Note;
};

#define LF(x) int(LeadField::x)
const Alias kLeadAliases[] = {
    {LF(Company), "company"}, {LF(Company), "company name"}, {LF(Company), "account name"},
    {LF(Company), "account"}, {LF(Company), "organization"}, {LF(Company), "organisation"},
    {LF(Company), "company / account"}, {LF(Company), "会社名"}, {LF(Company), "企業名"},
    {LF(Company), "勤務先名"}, {LF(Company), "会社"}, {LF(Company), "社名"},
    {LF(Company), "法人名"}, {LF(Company), "勤務先"},
    {LF(Company), "associated company", true}, {LF(Company), "取引先名"},
    {LF(Company), "取引先"},
    {LF(CompanyReading), "company kana"}, {LF(CompanyReading), "company reading"},
    {LF(CompanyReading), "会社名カナ"}, {LF(CompanyReading), "会社よみ"},
    {LF(CompanyReading), "会社名フリガナ"}, {LF(CompanyReading), "会社名(カナ)"},
    {LF(CompanyReading), "会社名(フリガナ)"}, {LF(CompanyReading), "会社名よみがな"},
    {LF(CompanyReading), "企業名カナ"}, {LF(CompanyReading), "企業名フリガナ"},
    {LF(Department), "department"}, {LF(Department), "部署"}, {LF(Department), "部署名"},
    {LF(Department), "所属"}, {LF(Department), "部門"},
    {LF(Title), "title", true, ColumnRole::Honorific}, {LF(Title), "job title"}, {LF(Title), "position"},
    {LF(Title), "役職"}, {LF(Title), "役職名"},
    {LF(Title), "designation"}, {LF(Title), "肩書"}, {LF(Title), "肩書き"},
    {LF(FamilyName), "last name"}, {LF(FamilyName), "family name"}, {LF(FamilyName), "surname"},
    {LF(FamilyName), "姓"}, {LF(FamilyName), "氏名(姓)"}, {LF(FamilyName), "名前(姓)"},
    {LF(FamilyName), "お名前(姓)"},
    {LF(GivenName), "first name"}, {LF(GivenName), "given name"}, {LF(GivenName), "名"},
    {LF(GivenName), "氏名(名)"}, {LF(GivenName), "名前(名)"}, {LF(GivenName), "お名前(名)"},
    {LF(FullName), "name"}, {LF(FullName), "full name"}, {LF(FullName), "contact name"},
    {LF(FullName), "氏名"}, {LF(FullName), "名前"}, {LF(FullName), "お名前"},
    {LF(FamilyReading), "last name kana"}, {LF(FamilyReading), "family name kana"},
    {LF(FamilyReading), "last name reading"}, {LF(FamilyReading), "family name reading"},
    {LF(FamilyReading), "姓カナ"}, {LF(FamilyReading), "セイ"}, {LF(FamilyReading), "せい"},
    {LF(FamilyReading), "よみ(姓)"}, {LF(FamilyReading), "フリガナ(姓)"},
    {LF(FamilyReading), "姓(カナ)"}, {LF(FamilyReading), "姓(フリガナ)"},
    {LF(FamilyReading), "姓(よみ)"}, {LF(FamilyReading), "姓よみ"},
    {LF(GivenReading), "first name kana"}, {LF(GivenReading), "given name kana"},
    {LF(GivenReading), "first name reading"}, {LF(GivenReading), "given name reading"},
    {LF(GivenReading), "名カナ"}, {LF(GivenReading), "メイ"}, {LF(GivenReading), "めい"},
    {LF(GivenReading), "よみ(名)"}, {LF(GivenReading), "フリガナ(名)"},
    {LF(GivenReading), "名(カナ)"}, {LF(GivenReading), "名(フリガナ)"},
    {LF(GivenReading), "名(よみ)"}, {LF(GivenReading), "名よみ"},
    {LF(FullReading), "name kana"}, {LF(FullReading), "name reading"},
    {LF(FullReading), "フリガナ"}, {LF(FullReading), "ふりがな"}, {LF(FullReading), "よみがな"},
    {LF(FullReading), "氏名カナ"}, {LF(FullReading), "氏名フリガナ"},
    {LF(FullReading), "氏名(カナ)"}, {LF(FullReading), "氏名(フリガナ)"},
    {LF(Email), "email"}, {LF(Email), "e-mail"}, {LF(Email), "email address"},
    {LF(Email), "e-mail address"}, {LF(Email), "mail"}, {LF(Email), "メール"},
    {LF(Email), "メールアドレス"}, {LF(Email), "eメール"}, {LF(Email), "e-mailアドレス"},
    {LF(Phone), "phone"}, {LF(Phone), "phone number"}, {LF(Phone), "tel"},
    {LF(Phone), "telephone"}, {LF(Phone), "business phone"}, {LF(Phone), "work phone"},
    {LF(Phone), "電話番号"}, {LF(Phone), "電話"}, {LF(Phone), "tel会社"},
    {LF(Phone), "会社電話"}, {LF(Phone), "tel部門"}, {LF(Phone), "tel直通"},
    {LF(Mobile), "mobile"}, {LF(Mobile), "mobile phone"}, {LF(Mobile), "mobile phone number"},
    {LF(Mobile), "cell"}, {LF(Mobile), "cell phone"}, {LF(Mobile), "携帯"},
    {LF(Mobile), "携帯電話"}, {LF(Mobile), "携帯番号"}, {LF(Mobile), "携帯電話番号"},
    {LF(Mobile), "mobile number"}, {LF(Mobile), "携帯tel"},
    {LF(PostalCode), "zip"}, {LF(PostalCode), "zip code"}, {LF(PostalCode), "postal code"},
    {LF(PostalCode), "postcode"}, {LF(PostalCode), "郵便番号"}, {LF(PostalCode), "〒"},
    {LF(PostalCode), "zip/postal code"}, {LF(PostalCode), "mailing zip/postal code"},
    {LF(PostalCode), "mailing postal code"}, {LF(PostalCode), "mailing zip"},
    {LF(PostalCode), "会社郵便番号"},
    {LF(Prefecture), "state"}, {LF(Prefecture), "prefecture"}, {LF(Prefecture), "state/region"},
    {LF(Prefecture), "都道府県"},
    {LF(Prefecture), "state/province"}, {LF(Prefecture), "mailing state/province"},
    {LF(Prefecture), "mailing state"}, {LF(Prefecture), "province"},
    {LF(City), "city"}, {LF(City), "市区町村"},
    {LF(City), "mailing city"}, {LF(City), "市区郡"},
    {LF(Street), "street"}, {LF(Street), "street address"}, {LF(Street), "address"},
    {LF(Street), "町域・番地"}, {LF(Street), "住所"}, {LF(Street), "番地"},
    {LF(Street), "住所1"},
    {LF(Street), "mailing street"}, {LF(Street), "address 1"}, {LF(Street), "address line 1"},
    {LF(Street), "会社住所"}, {LF(Street), "所在地"},
    {LF(Building), "building"}, {LF(Building), "ビル名"}, {LF(Building), "建物名"},
    {LF(Building), "住所2"},
    {LF(Building), "address 2"}, {LF(Building), "address line 2"},
    {LF(Building), "建物名・部屋番号"},
    {LF(Country), "country"}, {LF(Country), "country/region"}, {LF(Country), "国"},
    {LF(Country), "mailing country"}, {LF(Country), "国名"}, {LF(Country), "国/地域"},
    {LF(Website), "website"}, {LF(Website), "web site"}, {LF(Website), "website url"},
    {LF(Website), "url"}, {LF(Website), "ホームページ"}, {LF(Website), "ウェブサイト"},
    {LF(Website), "会社url"}, {LF(Website), "web"},
    {LF(Source), "lead source"}, {LF(Source), "source"}, {LF(Source), "original source"},
    {LF(Source), "リードソース"}, {LF(Source), "流入元"}, {LF(Source), "獲得経路"},
    {LF(Source), "hs_analytics_source"}, {LF(Source), "リードのソース"},
    {LF(Source), "流入経路"}, {LF(Source), "媒体"},
    {LF(SourceCategory), "source category"}, {LF(SourceCategory), "ソース種別"},
    {LF(Stage), "lifecycle stage"}, {LF(Stage), "stage"}, {LF(Stage), "ステージ"},
    {LF(Stage), "ライフサイクルステージ"}, {LF(Stage), "lead status", true},
    {LF(Stage), "lead stage"}, {LF(Stage), "商談ステージ"}, {LF(Stage), "hs_lead_status", true},
    {LF(Stage), "リードステータス", true}, {LF(Stage), "リードのステータス", true},
    {LF(CreatedAt), "created"}, {LF(CreatedAt), "create date"}, {LF(CreatedAt), "created date"},
    {LF(CreatedAt), "created at"}, {LF(CreatedAt), "作成日"}, {LF(CreatedAt), "作成日時"},
    {LF(CreatedAt), "登録日"}, {LF(CreatedAt), "登録日時"}, {LF(CreatedAt), "名刺交換日"},
    {LF(CreatedAt), "created time"}, {LF(CreatedAt), "作成時間"}, {LF(CreatedAt), "交換日"},
    {LF(WonAt), "close date"}, {LF(WonAt), "closed date"}, {LF(WonAt), "won date"},
    {LF(WonAt), "受注日"},
    {LF(LostAt), "lost date"}, {LF(LostAt), "失注日"},
    {LF(LostReason), "lost reason"}, {LF(LostReason), "closed lost reason"},
    {LF(LostReason), "失注理由"},
    {LF(DealValue), "amount"}, {LF(DealValue), "deal value"}, {LF(DealValue), "deal amount"},
    {LF(DealValue), "受注金額"}, {LF(DealValue), "金額"},
    {LF(LifetimeValue), "ltv"}, {LF(LifetimeValue), "lifetime value"},
    {LF(LifetimeValue), "生涯価値"},
    {LF(Owner), "owner"}, {LF(Owner), "lead owner"}, {LF(Owner), "contact owner"},
    {LF(Owner), "担当者"}, {LF(Owner), "担当"}, {LF(Owner), "担当営業"},
    {LF(Owner), "account owner"}, {LF(Owner), "リードの所有者"},
    {LF(Owner), "リード所有者"}, {LF(Owner), "所有者"}, {LF(Owner), "名刺所有者"},
    {LF(Owner), "担当者名"},
    {LF(Notes), "notes"}, {LF(Notes), "note"}, {LF(Notes), "description"},
    {LF(Notes), "メモ"}, {LF(Notes), "備考"},
    {LF(Notes), "説明"}, {LF(Notes), "詳細情報"},
    {LF(OptOut), "email opt out"}, {LF(OptOut), "opt out"}, {LF(OptOut), "unsubscribed"},
    {LF(OptOut), "配信停止"}, {LF(OptOut), "メール配信停止"},
    {LF(OptOut), "has opted out of email"}, {LF(OptOut), "unsubscribed from all email"},
    {LF(OptOut), "メールの受信拒否"}, {LF(OptOut), "メール受信拒否"},
    {LF(ConsentDate), "consent at"}, {LF(ConsentDate), "opt in date"},
    {LF(ConsentDate), "同意日"}, {LF(ConsentDate), "同意取得日"},
    {LF(ConsentBasis), "legal basis"}, {LF(ConsentBasis), "lawful basis"},
    {LF(ConsentBasis), "同意の根拠"}, {LF(ConsentBasis), "取得根拠"},
    // Real exports (issue 12). Google Contacts (current: "Organization Name", "Phonetic First
    // Name"; older: "Given Name Yomi", numbered "Organization 1 - Name" handled by pattern below),
    // Outlook ("Company Yomi", "Business Street"…), Salesforce Data Loader (API names such as
    // MOBILEPHONE, CREATEDDATE compare equal to "Mobile Phone", "Created Date"), Sansan's
    // Salesforce-style list (email1, TEL1).
    {LF(Company), "organization name"},
    {LF(CompanyReading), "company yomi"}, {LF(CompanyReading), "organization yomi name"},
    {LF(CompanyReading), "company name kana"}, {LF(CompanyReading), "会社名(ヨミ)"},
    {LF(Department), "organization department"},
    {LF(Title), "organization title"},
    {LF(FamilyReading), "phonetic last name"}, {LF(FamilyReading), "family name yomi"},
    {LF(FamilyReading), "surname yomi"}, {LF(FamilyReading), "last name yomi"},
    {LF(GivenReading), "phonetic first name"}, {LF(GivenReading), "given name yomi"},
    {LF(GivenReading), "given yomi"}, {LF(GivenReading), "first name yomi"},
    {LF(FullReading), "yomi name"},
    {LF(Email), "email1"}, {LF(Email), "primary email"}, {LF(Email), "e-mail 1"},
    {LF(Phone), "tel1"}, {LF(Phone), "main phone"}, {LF(Phone), "tel-1"},
    {LF(Street), "business street"}, {LF(Street), "町名・番地"}, {LF(Street), "町名番地"},
    {LF(Building), "business street 2"},
    {LF(City), "business city"},
    {LF(Prefecture), "business state"}, {LF(Prefecture), "region"},
    {LF(PostalCode), "business postal code"},
    {LF(Country), "business country/region"}, {LF(Country), "business country"},
    {LF(Website), "web page"}, {LF(Website), "business web page"},
};

#undef LF


// Columns that map no field but hold something a user keeps (issue 12). Sources: Outlook's CSV
// header (Business Fax, Business Phone 2, Home Phone, E-mail 2 Address…), HubSpot ("Additional
// email addresses", semicolon-separated), Zoho ("Secondary Email", "Salutation", "Tag"), Google
// ("Nickname", "Birthday", "Labels", "Group Membership"), Salesforce Data Loader (ID, OWNERID).
struct RoleAlias {
    ColumnRole role;
    const char *text; // UTF-8
};
#define CR(x) ColumnRole::x
const RoleAlias kRoleAliases[] = {
    {CR(Fax), "fax"}, {CR(Fax), "fax number"}, {CR(Fax), "business fax"}, {CR(Fax), "home fax"},
    {CR(Fax), "other fax"}, {CR(Fax), "fax1"}, {CR(Fax), "fax2"}, {CR(Fax), "fax番号"},
    {CR(Fax), "ファックス"}, {CR(Fax), "ファクス"}, {CR(Fax), "ファックス番号"}, {CR(Fax), "会社fax"},
    {CR(ExtraPhone), "home phone"}, {CR(ExtraPhone), "home phone 2"},
    {CR(ExtraPhone), "other phone"}, {CR(ExtraPhone), "business phone 2"},
    {CR(ExtraPhone), "company main phone"}, {CR(ExtraPhone), "primary phone"},
    {CR(ExtraPhone), "assistant's phone"}, {CR(ExtraPhone), "car phone"},
    {CR(ExtraPhone), "callback"}, {CR(ExtraPhone), "radio phone"}, {CR(ExtraPhone), "isdn"},
    {CR(ExtraPhone), "pager"}, {CR(ExtraPhone), "tty/tdd phone"}, {CR(ExtraPhone), "telex"},
    {CR(ExtraPhone), "tel2"}, {CR(ExtraPhone), "tel3"}, {CR(ExtraPhone), "tel4"},
    {CR(ExtraPhone), "phone 2"}, {CR(ExtraPhone), "phone 3"}, {CR(ExtraPhone), "直通"},
    {CR(ExtraPhone), "直通電話"}, {CR(ExtraPhone), "代表電話"},
    {CR(ExtraMobile), "mobile 2"}, {CR(ExtraMobile), "携帯電話2"},
    {CR(ExtraEmail), "email2"}, {CR(ExtraEmail), "email3"}, {CR(ExtraEmail), "email 2"},
    {CR(ExtraEmail), "email 3"}, {CR(ExtraEmail), "secondary email"},
    {CR(ExtraEmail), "additional email addresses"}, {CR(ExtraEmail), "additional emails"},
    {CR(ExtraEmail), "other email"}, {CR(ExtraEmail), "alternate email"},
    {CR(ExtraEmail), "email address 2"}, {CR(ExtraEmail), "メールアドレス2"},
    {CR(MiddleName), "middle name"}, {CR(MiddleName), "additional name"},
    {CR(Honorific), "salutation"}, {CR(Honorific), "name prefix"}, {CR(Honorific), "prefix"},
    {CR(Honorific), "honorific"}, {CR(Honorific), "敬称"},
    {CR(FormattedAddress), "full address"}, {CR(FormattedAddress), "住所[全て]"},
    {CR(Covered), "e-mail type"}, {CR(Covered), "e-mail display name"},
    {CR(Covered), "file as"},
    {CR(Note), "nickname"}, {CR(Note), "birthday"}, {CR(Note), "labels"},
    {CR(Note), "group membership"}, {CR(Note), "tags"}, {CR(Note), "tag"},
    {CR(Note), "categories"}, {CR(Note), "anniversary"}, {CR(Note), "name suffix"},
    {CR(Note), "suffix"}, {CR(Note), "phonetic middle name"}, {CR(Note), "additional name yomi"},
    {CR(Note), "middle name yomi"}, {CR(Note), "id"}, {CR(Note), "record id"},
    {CR(Note), "ownerid"}, {CR(Note), "lead id"}, {CR(Note), "contact id"},
    {CR(Note), "personal web page"}, {CR(Note), "business street 3"},
    {CR(Note), "home street"}, {CR(Note), "home street 2"}, {CR(Note), "home city"},
    {CR(Note), "home state"}, {CR(Note), "home postal code"}, {CR(Note), "home country/region"},
    {CR(Note), "other street"}, {CR(Note), "other city"}, {CR(Note), "other state"},
    {CR(Note), "other postal code"}, {CR(Note), "other country/region"},
    {CR(Note), "名刺id"},
};
#undef CR

constexpr std::array<FieldInfo, 12> kRoles{{
    {"", ""},
    {"extra_email", QT_TRANSLATE_NOOP("Mikomi", "Further email address")},
    {"extra_phone", QT_TRANSLATE_NOOP("Mikomi", "Further phone number")},
    {"extra_mobile", QT_TRANSLATE_NOOP("Mikomi", "Further mobile number")},
    {"fax", QT_TRANSLATE_NOOP("Mikomi", "Fax")},
    {"notes", QT_TRANSLATE_NOOP("Mikomi", "Keep in notes")},
    {"middle_name", QT_TRANSLATE_NOOP("Mikomi", "Middle name")},
    {"honorific", QT_TRANSLATE_NOOP("Mikomi", "Honorific")},
    {"formatted_address", QT_TRANSLATE_NOOP("Mikomi", "Whole address")},
    {"label", QT_TRANSLATE_NOOP("Mikomi", "Label of another column")},
    {"covered", QT_TRANSLATE_NOOP("Mikomi", "Repeats other columns")},
    {"custom", QT_TRANSLATE_NOOP("Mikomi", "Custom field")},
}};

#define SF(x) int(SpendField::x)
const Alias kSpendAliases[] = {
    {SF(Source), "source"}, {SF(Source), "lead source"}, {SF(Source), "channel"},
    {SF(Source), "リードソース"}, {SF(Source), "流入元"}, {SF(Source), "ソース"},
    {SF(Source), "媒体"}, {SF(Source), "チャネル"},
    {SF(Month), "month"}, {SF(Month), "月"}, {SF(Month), "年月"}, {SF(Month), "対象月"},
    {SF(Amount), "amount"}, {SF(Amount), "spend"}, {SF(Amount), "cost"}, {SF(Amount), "費用"},
    {SF(Amount), "金額"}, {SF(Amount), "コスト"}, {SF(Amount), "広告費"},
};
#undef SF

#define TF(x) int(TouchpointField::x)
const Alias kTouchpointAliases[] = {
    {TF(Email), "email"}, {TF(Email), "e-mail"}, {TF(Email), "email address"},
    {TF(Email), "メール"}, {TF(Email), "メールアドレス"},
    {TF(OccurredAt), "occurred at"}, {TF(OccurredAt), "date"}, {TF(OccurredAt), "datetime"},
    {TF(OccurredAt), "timestamp"}, {TF(OccurredAt), "日時"}, {TF(OccurredAt), "発生日時"},
    {TF(OccurredAt), "日付"},
    {TF(Source), "source"}, {TF(Source), "utm_source"}, {TF(Source), "流入元"},
    {TF(Source), "ソース"}, {TF(Source), "リードソース"},
    {TF(Medium), "medium"}, {TF(Medium), "utm_medium"}, {TF(Medium), "メディア"},
    {TF(Campaign), "campaign"}, {TF(Campaign), "utm_campaign"}, {TF(Campaign), "キャンペーン"},
    {TF(Content), "content"}, {TF(Content), "utm_content"}, {TF(Content), "コンテンツ"},
    {TF(Url), "url"}, {TF(Url), "page url"}, {TF(Url), "landing page"}, {TF(Url), "ページurl"},
};
#undef TF
// clang-format on

struct Match {
    int field = -1;
    bool weak = false;
    ColumnRole displaced = ColumnRole::Note;
};

template <std::size_t N, std::size_t M>
QHash<QString, Match> buildIndex(const Alias (&aliases)[N],
                                 const std::array<FieldInfo, M> &fields) {
    QHash<QString, Match> index;
    for (std::size_t i = 0; i < M; ++i)
        index.insert(headerKey(QLatin1String(fields[i].key)), Match{int(i), false});
    for (const Alias &a : aliases)
        index.insert(headerKey(QString::fromUtf8(a.text)), Match{a.field, a.weak, a.displaced});
    return index;
}

const QHash<QString, Match> &leadIndex() {
    static const auto index = buildIndex(kLeadAliases, kLeadFields);
    return index;
}
const QHash<QString, Match> &spendIndex() {
    static const auto index = buildIndex(kSpendAliases, kSpendFields);
    return index;
}
const QHash<QString, Match> &touchpointIndex() {
    static const auto index = buildIndex(kTouchpointAliases, kTouchpointFields);
    return index;
}

HeaderMap mapWith(const QStringList &headers, const QHash<QString, Match> &index, int fieldCount) {
    HeaderMap map;
    map.headers = headers;
    map.columnField = QList<int>(headers.size(), -1);
    map.fieldColumn = QList<int>(fieldCount, -1);
    QList<bool> weak(fieldCount, false);
    for (int c = 0; c < headers.size(); ++c) {
        const auto it = index.constFind(headerKey(headers.at(c)));
        if (it == index.cend()) {
            map.unmapped.append(c);
            continue;
        }
        const int f = it->field;
        const int prev = map.fieldColumn[f];
        if (prev < 0) {
            map.fieldColumn[f] = c;
            map.columnField[c] = f;
            weak[f] = it->weak;
        } else if (weak[f] && !it->weak) {
            // A strong alias replaces a weak one mapped earlier.
            map.columnField[prev] = -1;
            map.duplicates.append(prev);
            map.fieldColumn[f] = c;
            map.columnField[c] = f;
            weak[f] = false;
        } else {
            map.duplicates.append(c);
        }
    }
    std::sort(map.duplicates.begin(), map.duplicates.end());
    return map;
}

const QHash<QString, ColumnRole> &roleIndex() {
    static const auto index = [] {
        QHash<QString, ColumnRole> out;
        for (const RoleAlias &a : kRoleAliases)
            out.insert(headerKey(QString::fromUtf8(a.text)), a.role);
        return out;
    }();
    return index;
}

// How one lead header is read: a field (weak or strong), or a role.
struct LeadMatch {
    int field = -1;
    bool weak = false;
    ColumnRole displaced = ColumnRole::Note;
    ColumnRole role = ColumnRole::None;
    // Google's numbered groups ("Phone 2 - Value" / "Phone 2 - Label"): the group ("phone2")
    // and whether this column is a value or the group's label.
    QString group;
    bool isLabel = false;
};

ColumnRole extraRoleOf(int field) {
    switch (LeadField(field)) {
    case LeadField::Email:
        return ColumnRole::ExtraEmail;
    case LeadField::Phone:
        return ColumnRole::ExtraPhone;
    case LeadField::Mobile:
        return ColumnRole::ExtraMobile;
    default:
        return ColumnRole::Note;
    }
}

LeadMatch classifyKey(const QString &key);

// Google Contacts' numbered columns: "E-mail 1 - Value", "Phone 2 - Label", "Address 1 - City",
// "Organization 1 - Yomi Name", "Website 1 - Value", "Relation 1 - Value"… (keys without spaces
// and '-'), and Outlook's "E-mail 2 Address" / "E-mail 2 Display Name".
std::optional<LeadMatch> classifyNumbered(const QString &key) {
    static const QRegularExpression re(QStringLiteral(
        "^(email|phone|address|website|organization|relation|event|im|customfield|externalid|"
        "calendarlink|sipaddress|location)([0-9]+)([a-z].*)$"));
    const auto m = re.match(key);
    if (!m.hasMatch())
        return std::nullopt;
    const QString kind = m.captured(1);
    const int n = m.captured(2).toInt();
    const QString part = m.captured(3);
    LeadMatch out;
    out.group = kind + m.captured(2);
    const bool label = part == u"label" || part == u"type";
    if (kind == u"email" || kind == u"phone") {
        if (label) {
            out.role = ColumnRole::Label;
            out.isLabel = true;
        } else if (part == u"value" || part == u"address") {
            const int field = kind == u"email" ? int(LeadField::Email) : int(LeadField::Phone);
            if (n == 1)
                out.field = field;
            else
                out.role = extraRoleOf(field);
        } else {
            out.role = ColumnRole::Covered; // "E-mail 2 Display Name"
        }
        return out;
    }
    if (label && n == 1 && (kind == u"address" || kind == u"website" || kind == u"organization")) {
        out.role = ColumnRole::Label;
        out.isLabel = true;
        return out;
    }
    if (label || n != 1) {
        // "Relation 1 - Type", "Custom Field 1 - Label": what the value beside it is, kept with
        // it in the notes; so are the second address, website and organisation.
        out.role = ColumnRole::Note;
        return out;
    }
    if (kind == u"address") {
        static const QHash<QString, int> parts{
            {QStringLiteral("street"), int(LeadField::Street)},
            {QStringLiteral("city"), int(LeadField::City)},
            {QStringLiteral("region"), int(LeadField::Prefecture)},
            {QStringLiteral("postalcode"), int(LeadField::PostalCode)},
            {QStringLiteral("country"), int(LeadField::Country)},
            {QStringLiteral("extendedaddress"), int(LeadField::Building)},
        };
        if (part == u"formatted")
            out.role = ColumnRole::FormattedAddress;
        else
            out.field = parts.value(part, -1);
        if (out.field < 0 && out.role == ColumnRole::None)
            out.role = ColumnRole::Note; // PO Box
        return out;
    }
    if (kind == u"website" && part == u"value") {
        out.field = int(LeadField::Website);
        return out;
    }
    if (kind == u"organization") {
        static const QHash<QString, int> parts{
            {QStringLiteral("name"), int(LeadField::Company)},
            {QStringLiteral("yominame"), int(LeadField::CompanyReading)},
            {QStringLiteral("title"), int(LeadField::Title)},
            {QStringLiteral("department"), int(LeadField::Department)},
        };
        out.field = parts.value(part, -1);
        if (out.field < 0)
            out.role = ColumnRole::Note; // Symbol, Location, Job Description
        return out;
    }
    out.role = ColumnRole::Note; // Relation, Event, IM, Custom Field … values
    return out;
}

LeadMatch classifyKey(const QString &key) {
    LeadMatch out;
    if (const auto it = leadIndex().constFind(key); it != leadIndex().cend()) {
        out.field = it->field;
        out.weak = it->weak;
        out.displaced = it->displaced;
        return out;
    }
    if (const auto it = roleIndex().constFind(key); it != roleIndex().cend()) {
        out.role = *it;
        return out;
    }
    if (auto numbered = classifyNumbered(key))
        return *numbered;
    // Sansan's download: "Email(1)", "TEL-1(1)", "住所(1)［全て］" — the card's first (n = 1) or
    // further (n > 1) value of a column.
    static const QRegularExpression indexed(QStringLiteral(R"(^(.+)\(([0-9]+)\)(\[全て\])?$)"));
    if (const auto m = indexed.match(key); m.hasMatch()) {
        if (!m.captured(3).isEmpty()) {
            out.role = ColumnRole::FormattedAddress;
            return out;
        }
        LeadMatch base = classifyKey(m.captured(1));
        if (m.captured(2).toInt() > 1 && base.field >= 0) {
            base.role = extraRoleOf(base.field);
            base.field = -1;
        }
        base.group.clear();
        return base;
    }
    return out;
}

HeaderMap mapLeads(const QStringList &headers) {
    HeaderMap map;
    map.headers = headers;
    map.columnField = QList<int>(headers.size(), -1);
    map.fieldColumn = QList<int>(LeadFieldCount, -1);
    map.columnRole = QList<ColumnRole>(headers.size(), ColumnRole::None);
    map.columnLabel = QList<int>(headers.size(), -1);
    map.columnCustomName = QStringList(headers.size(), QString());
    QList<bool> weak(LeadFieldCount, false);
    QList<ColumnRole> displacedRole(LeadFieldCount, ColumnRole::Note);
    QHash<QString, int> labelOfGroup; // "phone2" → column of "Phone 2 - Label"
    QList<QString> groupOf(headers.size());
    for (int c = 0; c < headers.size(); ++c) {
        // Mikomi's own export: "custom:NAME" is the custom field NAME.
        if (const QString custom = customNameOfHeader(headers.at(c)); !custom.isEmpty()) {
            map.columnRole[c] = ColumnRole::Custom;
            map.columnCustomName[c] = custom;
            continue;
        }
        const LeadMatch m = classifyKey(headerKey(headers.at(c)));
        groupOf[c] = m.group;
        if (m.isLabel && !m.group.isEmpty() && !labelOfGroup.contains(m.group))
            labelOfGroup.insert(m.group, c);
        if (m.field < 0) {
            map.columnRole[c] = m.role;
            if (m.role == ColumnRole::None)
                map.unmapped.append(c);
            continue;
        }
        const int f = m.field;
        const int prev = map.fieldColumn[f];
        if (prev < 0) {
            map.fieldColumn[f] = c;
            map.columnField[c] = f;
            weak[f] = m.weak;
            displacedRole[f] = m.displaced;
        } else if (weak[f] && !m.weak) {
            // A strong alias replaces a weak one mapped earlier; the weak column keeps a role.
            map.columnField[prev] = -1;
            map.columnRole[prev] =
                displacedRole[f] == ColumnRole::Note ? extraRoleOf(f) : displacedRole[f];
            map.duplicates.append(prev);
            map.fieldColumn[f] = c;
            map.columnField[c] = f;
            weak[f] = false;
        } else {
            map.columnRole[c] =
                m.weak && m.displaced != ColumnRole::Note ? m.displaced : extraRoleOf(f);
            map.duplicates.append(c);
        }
    }
    // "Status" alone is too vague to be the stage, except in a Salesforce lead export (Data
    // Loader's STATUS beside LEADSOURCE or OWNERID), where it is the lead status.
    if (map.fieldColumn[int(LeadField::Stage)] < 0) {
        int status = -1;
        bool salesforce = false;
        for (int c = 0; c < headers.size(); ++c) {
            const QString k = headerKey(headers.at(c));
            if (k == u"status" && map.unmapped.contains(c))
                status = c;
            if (k == u"leadsource" || k == u"ownerid" || k == u"isconverted")
                salesforce = true;
        }
        if (status >= 0 && salesforce) {
            map.unmapped.removeAll(status);
            map.fieldColumn[int(LeadField::Stage)] = status;
            map.columnField[status] = int(LeadField::Stage);
        }
    }
    for (int c = 0; c < headers.size(); ++c) {
        if (groupOf.at(c).isEmpty() || map.columnRole.at(c) == ColumnRole::Label)
            continue;
        map.columnLabel[c] = labelOfGroup.value(groupOf.at(c), -1);
    }
    std::sort(map.duplicates.begin(), map.duplicates.end());
    return map;
}

QString translated(const FieldInfo &info) {
    return QCoreApplication::translate("Mikomi", info.label);
}

} // namespace

QString headerKey(const QString &header) {
    QString k = text::foldKey(header);
    // A BOM left on the first header by a careless exporter, required-field stars, quotes.
    k.remove(QChar(0xFEFF));
    while (k.endsWith(u'*'))
        k.chop(1);
    QString out;
    out.reserve(k.size());
    for (const QChar c : k) {
        if (c.isSpace() || c == u'_' || c == u'-')
            continue;
        out.append(c);
    }
    return out;
}

QString leadFieldKey(LeadField f) {
    return QLatin1String(kLeadFields.at(std::size_t(f)).key);
}

std::optional<LeadField> leadFieldFromKey(const QString &key) {
    const QString k = key.trimmed();
    for (std::size_t i = 0; i < kLeadFields.size(); ++i)
        if (k == QLatin1String(kLeadFields[i].key))
            return LeadField(i);
    return std::nullopt;
}

QString leadFieldLabel(LeadField f) {
    return translated(kLeadFields.at(std::size_t(f)));
}

QString spendFieldKey(SpendField f) {
    return QLatin1String(kSpendFields.at(std::size_t(f)).key);
}

QString spendFieldLabel(SpendField f) {
    return translated(kSpendFields.at(std::size_t(f)));
}

QString touchpointFieldKey(TouchpointField f) {
    return QLatin1String(kTouchpointFields.at(std::size_t(f)).key);
}

QString touchpointFieldLabel(TouchpointField f) {
    return translated(kTouchpointFields.at(std::size_t(f)));
}

std::optional<LeadField> matchLeadHeader(const QString &header) {
    const auto it = leadIndex().constFind(headerKey(header));
    if (it == leadIndex().cend())
        return std::nullopt;
    return LeadField(it->field);
}

HeaderMap mapLeadHeaders(const QStringList &headers) {
    return mapLeads(headers);
}

QList<int> HeaderMap::columnsWith(ColumnRole r) const {
    QList<int> out;
    for (int c = 0; c < columnRole.size(); ++c)
        if (columnRole.at(c) == r)
            out.append(c);
    return out;
}

QString columnRoleKey(ColumnRole r) {
    return QLatin1String(kRoles.at(std::size_t(r)).key);
}

QString columnRoleLabel(ColumnRole r) {
    if (r == ColumnRole::None)
        return {};
    return translated(kRoles.at(std::size_t(r)));
}

void setColumnRole(HeaderMap &map, int column, ColumnRole role) {
    if (column < 0 || column >= map.headers.size())
        return;
    setColumnField(map, column, -1);
    if (map.columnRole.size() < map.headers.size())
        map.columnRole.resize(map.headers.size(), ColumnRole::None);
    map.columnRole[column] = role;
    if (role != ColumnRole::None)
        map.unmapped.removeAll(column);
    if (map.columnCustomName.size() < map.headers.size())
        map.columnCustomName.resize(map.headers.size());
    map.columnCustomName[column].clear();
}

void setColumnCustom(HeaderMap &map, int column, const QString &name) {
    if (column < 0 || column >= map.headers.size())
        return;
    const QString n = name.trimmed();
    setColumnRole(map, column, n.isEmpty() ? ColumnRole::None : ColumnRole::Custom);
    map.columnCustomName[column] = n;
}

QString customColumnHeader(const QString &name) {
    return QStringLiteral("custom:") + name;
}

QString customNameOfHeader(const QString &header) {
    const QString h = header.trimmed();
    if (!h.startsWith(QLatin1String("custom:"), Qt::CaseInsensitive))
        return {};
    return h.mid(7).trimmed();
}

Result<int> applyColumnRule(HeaderMap &map, const QString &header, const QString &target) {
    const QString key = headerKey(header);
    int column = -1;
    for (int c = 0; c < map.headers.size() && column < 0; ++c)
        if (map.headers.at(c) == header)
            column = c;
    for (int c = 0; c < map.headers.size() && column < 0; ++c)
        if (headerKey(map.headers.at(c)) == key)
            column = c;
    if (column < 0)
        return Error{
            QCoreApplication::translate("Mikomi", "The file has no column \"%1\".").arg(header)};
    const QString t = target.trimmed().toLower();
    if (t.startsWith(QLatin1String("custom:")) || t == u"custom") {
        const QString name = customNameOfHeader(target);
        if (name.isEmpty())
            return Error{QCoreApplication::translate(
                "Mikomi", "A custom field needs a name: \"custom:NAME\".")};
        setColumnCustom(map, column, name);
        return column;
    }
    if (t == u"ignore" || t == u"-" || t == u"none") {
        setColumnRole(map, column, ColumnRole::None);
        return column;
    }
    if (t == u"notes" || t == u"note") {
        setColumnRole(map, column, ColumnRole::Note);
        return column;
    }
    for (std::size_t r = 1; r < kRoles.size(); ++r) {
        if (t == QLatin1String(kRoles[r].key)) {
            setColumnRole(map, column, ColumnRole(r));
            return column;
        }
    }
    if (const auto f = leadFieldFromKey(t)) {
        setColumnField(map, column, int(*f));
        return column;
    }
    QStringList keys;
    for (std::size_t i = 0; i < kLeadFields.size(); ++i)
        keys << QLatin1String(kLeadFields[i].key);
    for (const char *k : {"notes", "extra_email", "extra_phone", "extra_mobile", "fax",
                          "middle_name", "honorific", "formatted_address", "custom:NAME", "ignore"})
        if (!keys.contains(QLatin1String(k)))
            keys << QLatin1String(k);
    return Error{QCoreApplication::translate(
                     "Mikomi", "\"%1\" is not a field to map a column to; use one of: %2.")
                     .arg(target, keys.join(QStringLiteral(", ")))};
}

HeaderMap mapSpendHeaders(const QStringList &headers) {
    return mapWith(headers, spendIndex(), SpendFieldCount);
}

HeaderMap mapTouchpointHeaders(const QStringList &headers) {
    return mapWith(headers, touchpointIndex(), TouchpointFieldCount);
}

void setColumnField(HeaderMap &map, int column, int field) {
    if (column < 0 || column >= map.columnField.size())
        return;
    const int old = map.columnField[column];
    if (old >= 0 && old < map.fieldColumn.size())
        map.fieldColumn[old] = -1;
    map.columnField[column] = -1;
    map.unmapped.removeAll(column);
    map.duplicates.removeAll(column);
    if (column < map.columnRole.size())
        map.columnRole[column] = ColumnRole::None;
    if (field < 0 || field >= map.fieldColumn.size()) {
        map.unmapped.append(column);
        std::sort(map.unmapped.begin(), map.unmapped.end());
        return;
    }
    const int prev = map.fieldColumn[field];
    if (prev >= 0) {
        map.columnField[prev] = -1;
        map.unmapped.append(prev);
        std::sort(map.unmapped.begin(), map.unmapped.end());
    }
    map.fieldColumn[field] = column;
    map.columnField[column] = field;
}

CsvKind detectCsvKind(const QStringList &headers) {
    const HeaderMap lead = mapLeadHeaders(headers);
    const bool hasPerson = lead.has(int(LeadField::FamilyName)) ||
                           lead.has(int(LeadField::GivenName)) ||
                           lead.has(int(LeadField::FullName)) || lead.has(int(LeadField::Company));
    const HeaderMap spend = mapSpendHeaders(headers);
    if (!hasPerson && !lead.has(int(LeadField::Email)) && spend.has(int(SpendField::Source)) &&
        spend.has(int(SpendField::Month)) && spend.has(int(SpendField::Amount)))
        return CsvKind::Spend;
    const HeaderMap tp = mapTouchpointHeaders(headers);
    if (!hasPerson && tp.has(int(TouchpointField::Email)) &&
        tp.has(int(TouchpointField::OccurredAt)) && tp.has(int(TouchpointField::Source)))
        return CsvKind::Touchpoints;
    return CsvKind::Leads;
}

} // namespace mikomi::io
