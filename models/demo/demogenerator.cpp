#include "models/demo/demogenerator.h"

#include "models/demo/demodata.h"
#include "models/demo/demorandom.h"
#include "models/text/phone.h"

#include <QHash>

#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace mikomi::demo {
namespace {

using namespace mikomi::demo::data;

// A QString over static UTF-16 data: no allocation, no reference counting when copied.
QString raw(const char16_t *s) {
    qsizetype n = 0;
    while (s[n])
        ++n;
    return QString::fromRawData(reinterpret_cast<const QChar *>(s), n);
}

enum SourceIndex {
    Exhibition,
    Webinar,
    WebForm,
    Seo,
    Referral,
    Partner,
    GoogleAds,
    LinkedInAds,
    FacebookAds,
    ColdCall,
    Newsletter,
    UnknownSource,
    OtherSource,
    SourceCount,
    NoSource = SourceCount // a lead without any source (empty)
};

struct SourceSpec {
    const char16_t *name;
    SourceCategory category;
    Tier tier;
    std::array<const char16_t *, 2> aliases;
    // Chance in per mille of each step: inquiry→MQL, MQL→SQL, SQL→opportunity, →customer.
    std::array<int, 4> funnel;
    int speed;       // percent of the base delay between stages
    int dealPercent; // deal size against the average
    int cpl;         // target cost per lead (yen) of the monthly spend; 0: no spend rows
    const char16_t *medium;
    const char16_t *url;
    int jaWeight, enWeight, anonymousWeight;
    int nurtureWeight; // weight as a later (not first) touchpoint
};

// Referrals and inquiries convert best, ads worst (seed 004).
constexpr SourceSpec kSources[SourceCount] = {
    {u"展示会",
     SourceCategory::Event,
     Tier::Core,
     {u"展示会出展", u"Trade show"},
     {450, 300, 400, 300},
     100,
     110,
     10000,
     u"event",
     u"",
     16,
     6,
     0,
     5},
    {u"ウェビナー",
     SourceCategory::Event,
     Tier::Growth,
     {u"Webinar", u"オンラインセミナー"},
     {550, 350, 400, 300},
     100,
     100,
     8000,
     u"webinar",
     u"https://www.example.jp/webinar/",
     9,
     13,
     0,
     20},
    {u"Web問い合わせ",
     SourceCategory::Inbound,
     Tier::Core,
     {u"お問い合わせフォーム", u"Contact form"},
     {700, 500, 500, 350},
     80,
     100,
     0,
     u"website",
     u"https://www.example.jp/contact/",
     12,
     12,
     30,
     10},
    {u"SEO",
     SourceCategory::Inbound,
     Tier::Core,
     {u"オーガニック検索", u"Organic search"},
     {500, 350, 450, 300},
     100,
     100,
     0,
     u"organic",
     u"https://www.example.jp/blog/lead-generation/",
     13,
     15,
     35,
     15},
    {u"紹介",
     SourceCategory::Partnership,
     Tier::Core,
     {u"Referral", u"顧客紹介"},
     {750, 600, 600, 450},
     60,
     130,
     0,
     u"referral",
     u"",
     6,
     5,
     0,
     3},
    {u"パートナー経由",
     SourceCategory::Partnership,
     Tier::Growth,
     {u"Partner", u"代理店経由"},
     {650, 500, 500, 400},
     80,
     120,
     0,
     u"partner",
     u"",
     5,
     6,
     0,
     2},
    {u"Google Ads",
     SourceCategory::Paid,
     Tier::Growth,
     {u"Google広告", u"リスティング広告"},
     {350, 300, 350, 250},
     110,
     90,
     6000,
     u"cpc",
     u"https://www.example.jp/lp/crm/",
     11,
     14,
     20,
     10},
    {u"LinkedIn Ads",
     SourceCategory::Paid,
     Tier::Experiment,
     {u"LinkedIn広告", u"LinkedIn"},
     {400, 300, 350, 250},
     110,
     110,
     15000,
     u"paid_social",
     u"https://www.example.jp/lp/abm/",
     2,
     9,
     0,
     5},
    {u"Facebook Ads",
     SourceCategory::Paid,
     Tier::Experiment,
     {u"Facebook広告", u"Meta広告"},
     {250, 200, 300, 200},
     120,
     80,
     5000,
     u"paid_social",
     u"https://www.example.jp/lp/whitepaper/",
     5,
     5,
     10,
     5},
    {u"テレアポ",
     SourceCategory::Outbound,
     Tier::Growth,
     {u"Cold call", u"電話営業"},
     {300, 500, 350, 250},
     100,
     100,
     12000,
     u"phone",
     u"",
     9,
     4,
     0,
     0},
    {u"メールマガジン",
     SourceCategory::Inbound,
     Tier::Growth,
     {u"メルマガ", u"Newsletter"},
     {400, 250, 350, 250},
     120,
     90,
     0,
     u"email",
     u"https://www.example.jp/news/",
     6,
     5,
     0,
     25},
    {u"不明",
     SourceCategory::Unknown,
     Tier::Experiment,
     {nullptr, nullptr},
     {300, 300, 300, 250},
     110,
     90,
     0,
     u"",
     u"",
     2,
     0,
     0,
     0},
    {u"Other",
     SourceCategory::Unknown,
     Tier::Experiment,
     {u"その他", nullptr},
     {300, 300, 300, 250},
     110,
     90,
     0,
     u"",
     u"",
     1,
     3,
     0,
     0},
};
constexpr int kNoSourceJaWeight = 3, kNoSourceEnWeight = 3, kNoSourceAnonymousWeight = 5;

struct AdCampaign {
    int source;
    const char16_t *name;
    int weight; // share of the source's touchpoints and spend, percent
};
constexpr AdCampaign kAdCampaigns[] = {
    {GoogleAds, u"リスティング_指名", 40},
    {GoogleAds, u"リスティング_一般", 45},
    {GoogleAds, u"ディスプレイ_リターゲティング", 15},
    {LinkedInAds, u"ABM_製造業", 60},
    {LinkedInAds, u"LeadGenForm_IT", 40},
    {FacebookAds, u"リード獲得_資料DL", 100},
};
constexpr const char16_t *kAdContents[] = {u"text_a", u"text_b", u"banner_300x250", u"video_15s"};

constexpr const char16_t *kShowNames[] = {u"DX総合EXPO", u"営業・マーケティングWeek",
                                          u"Japan IT Week", u"ビジネスイノベーションEXPO"};

// Base delay between stages in days (before the source's speed factor).
constexpr int kStepDays[4][2] = {{1, 30}, {3, 45}, {3, 30}, {14, 90}};
// Chance (per mille) that a lead whose funnel stopped at a stage is closed as lost.
constexpr int kLostPermille[StageCount] = {100, 180, 340, 650, 0};
constexpr int kRecyclePermille = 150;

struct UserSpec {
    const char16_t *name;
    bool active;
    int jaWeight, enWeight;
};
constexpr UserSpec kUsers[] = {
    {u"佐藤 健太", true, 30, 5},    {u"鈴木 美咲", true, 30, 5},    {u"高橋 大輔", true, 25, 5},
    {u"Emily Carter", true, 5, 40}, {u"James Wilson", true, 5, 40}, {u"田中 翔", false, 0, 0},
};
constexpr int kInactiveUser = 5;
constexpr int kInactiveSinceDays = 180; // the inactive user left this many days before today

struct ActivitySpec {
    ActivityKind kind;
    const char16_t *ja;
    const char16_t *en;
    int points;
    bool sales; // done by the owner
};
constexpr ActivitySpec kActivities[] = {
    {ActivityKind::DocumentDownload, u"製品資料「営業DX入門ガイド」をダウンロード",
     u"Downloaded the \"Sales DX starter guide\"", 5, false},
    {ActivityKind::Seminar, u"ウェビナー「リード獲得の基本」に参加",
     u"Attended the webinar \"Lead generation basics\"", 10, false},
    {ActivityKind::EmailClick, u"メルマガのリンクをクリック", u"Clicked a newsletter link", 2,
     false},
    {ActivityKind::WebInquiry, u"Webフォームから問い合わせ",
     u"Sent an inquiry through the web form", 15, false},
    {ActivityKind::PricingPageVisit, u"料金ページを閲覧", u"Viewed the pricing page", 8, false},
    {ActivityKind::Call, u"電話でヒアリング", u"Discovery call", 5, true},
    {ActivityKind::Meeting, u"オンライン商談", u"Online meeting", 10, true},
    {ActivityKind::Visit, u"訪問して提案", u"On-site visit and proposal", 10, true},
    {ActivityKind::Email, u"見積書をメールで送付", u"Sent the quote by email", 2, true},
};
enum {
    ActDocument,
    ActSeminar,
    ActEmailClick,
    ActWebInquiry,
    ActPricing,
    ActCall,
    ActMeeting,
    ActVisit,
    ActEmail
};

constexpr qint64 kUnixEpochJulianDay = 2440588;
constexpr int kJstOffset = 9 * 3600;
constexpr qint64 kDay = 86400;

qint64 floorDiv(qint64 a, qint64 b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Seconds since the epoch of a JST wall-clock time on a Julian day.
qint64 secsAt(qint64 julianDay, int secondOfDay) {
    return (julianDay - kUnixEpochJulianDay) * kDay + secondOfDay - kJstOffset;
}
qint64 julianDayOf(qint64 secs) {
    return floorDiv(secs + kJstOffset, kDay) + kUnixEpochJulianDay;
}

quint64 fingerprint(const QString &s) {
    quint64 h = 0xcbf29ce484222325ULL;
    const ushort *p = s.utf16();
    for (const ushort *end = p + s.size(); p != end; ++p) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    return Random::splitMix(h);
}

// Open-addressing set of 64-bit fingerprints: enough to keep a million emails unique with
// 16 MB instead of a million strings. A (practically impossible) false hit only adds a suffix.
class FingerprintSet final {
public:
    void reserve(qint64 count) {
        std::size_t capacity = 4096;
        while (qint64(capacity) < 2 * count + 2)
            capacity *= 2;
        m_slots.assign(capacity, 0);
        m_size = 0;
    }
    bool insert(quint64 h) {
        if (h == 0)
            h = 1;
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            if (m_slots[i] == h)
                return false;
            if (m_slots[i] == 0) {
                m_slots[i] = h;
                ++m_size;
                return true;
            }
        }
    }

private:
    void grow() {
        std::vector<quint64> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 4096 : old.size() * 2, 0);
        m_size = 0;
        for (quint64 h : old)
            if (h != 0)
                insert(h);
    }
    std::vector<quint64> m_slots;
    std::size_t m_size = 0;
};

struct Company {
    QString name;
    QString reading;
    QString domain;
    QString website;
    QString country;
    QString prefecture;
    QString city;
    QString street;
    QString building;
    QString postalCode;
    const char *phonePrefix = ""; // JA: area code; EN: "+1 415-"
    bool ja = true;
};

struct Show {
    qint64 firstDay = 0; // Julian day; three days from it
    QString name;
    qint64 leads = 0;
    Money budget = 0;
    Money cost = 0;
};

struct Month {
    qint64 firstDay = 0;
    QString key; // YYYY-MM
    QString webinarCampaign;
    QString newsletterCampaign;
};

class Generator final {
public:
    Generator(const DemoOptions &options, DemoSink &sink);
    void run();

private:
    void makeTables();
    void makeCompanies();
    void makeCalendar();
    // The lead being made, passed from step to step of makeLead().
    struct Draft {
        Lead lead;
        bool anonymous = false;
        bool ja = true;
        int source = NoSource;
        const SourceSpec *spec = nullptr;
        int showIndex = -1; // the trade show it came from
        qint64 created = 0; // seconds
        qint64 createdDay = 0;
        int titlePoints = 0; // score points of the title
        QString owner;
        Stage furthest = Stage::Inquiry;            // before a recycle
        qint64 last = 0;                            // the latest stage change
        std::array<qint64, StageCount> reachedAt{}; // when each stage was reached (-1: never)
        qint64 wonAt = -1;
        int touches = 0;
        qint64 lastTouch = 0;
        int acts = 0;
        std::array<qint64, 5> times{}; // touchpoint, then activity times
        void sortTimes(int from, int to);
    };
    void makeLead(qint64 ordinal);
    void pickOrigin(Draft &d);
    void makePerson(Draft &d, qint64 ordinal);
    void makeStages(Draft &d);
    void makeDeal(Draft &d);
    void makeTouchpoints(Draft &d);
    void makeActivities(Draft &d);
    void finishLead(Draft &d);
    void emitSpendAndCampaigns();

    // A time at +09:00. Qt 6.5 has a cheap offset-only QTimeZone; before, Qt::OffsetFromUTC
    // (deprecated from 6.9) is about twice as fast as a QTimeZone(9 * 3600).
    QDateTime at(qint64 secs) const {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        return QDateTime::fromSecsSinceEpoch(secs, m_zone);
#else
        return QDateTime::fromSecsSinceEpoch(secs, Qt::OffsetFromUTC, kJstOffset);
#endif
    }
    int monthOf(qint64 day) const {
        return m_dayMonth[std::size_t(std::clamp<qint64>(day - m_firstDay, 0, m_span - 1))];
    }
    qint64 pickCreatedDay(bool anyDay);
    qint64 timeOnDay(qint64 day, int fromHour, int toHour) {
        return secsAt(day, fromHour * 3600 + int(m_rng.below(quint32((toHour - fromHour) * 3600))));
    }
    QString phone(const char *prefix, bool japanese);
    QString existingNumber(const QString &number, qsizetype localStart);
    QString mobile(const Company &company);
    QString email(qint64 ordinal, const QString &domain, bool ja, int given, int family);
    Touchpoint touchpoint(int source, qint64 secs, const QDateTime &time, int showIndex);
    Money roundTo(Money v, Money unit) const {
        return (v + unit / 2) / unit * unit;
    }

    const DemoOptions m_options;
    DemoSink &m_sink;
    Random m_rng;
    QHash<QString, bool> m_validExchange; // "011-469" → whether libphonenumber knows it
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const QTimeZone m_zone = QTimeZone::fromSecondsAheadOfUtc(kJstOffset);
#endif

    // Calendar: created dates lie in [m_firstDay, m_limitDay), times before m_limit.
    qint64 m_firstDay = 0;
    qint64 m_limitDay = 0;
    qint64 m_span = 0;
    qint64 m_limit = 0;
    std::vector<quint8> m_dayMonth;
    std::vector<Month> m_months;
    std::vector<Show> m_shows;
    int m_pastShows = 0;

    // Tables.
    std::vector<Company> m_jaCompanies, m_enCompanies;
    std::vector<QString> m_jaFamily, m_jaFamilyReading, m_jaGiven, m_jaGivenReading;
    std::vector<QString> m_enFamily, m_enGiven, m_enFamilyLower, m_enGivenLower;
    std::vector<QString> m_sourceNames;
    std::vector<QString> m_users;
    WeightedPick m_pickJaFamily, m_pickJaGiven, m_pickEnFamily, m_pickEnGiven;
    WeightedPick m_pickJaSource, m_pickEnSource, m_pickAnonymousSource, m_pickNurture;
    WeightedPick m_pickJaUser, m_pickEnUser;
    WeightedPick m_pickJaDepartment, m_pickJaTitle, m_pickEnDepartment;
    WeightedPick m_pickJaLost, m_pickEnLost;
    WeightedPick m_pickTouchCount{15, 35, 25, 15, 10};
    WeightedPick m_pickActivityCount{15, 20, 20, 20, 15, 10};
    WeightedPick m_pickMarketing{30, 15, 30, 10, 15};
    WeightedPick m_pickSales{35, 25, 15, 25};
    WeightedPick m_pickJaEmail{40, 10, 15, 10, 10, 15};
    WeightedPick m_pickEnEmail{50, 25, 10, 5, 10};
    WeightedPick m_pickDeal{35, 30, 25, 10};
    std::array<WeightedPick, SourceCount> m_pickAd;

    // Running state.
    FingerprintSet m_emails;
    std::array<std::vector<qint64>, SourceCount> m_leadsPerMonth;
    QString m_local;
    QList<StageChange> m_history;
    QList<Touchpoint> m_touchpoints;
    QList<Activity> m_activities;
};

Generator::Generator(const DemoOptions &options, DemoSink &sink)
    : m_options(options)
    , m_sink(sink)
    , m_rng(options.seed) {
    makeCalendar();
    makeTables();
    makeCompanies();
}

void Generator::makeCalendar() {
    // 24 calendar months ending with the one of yesterday (nothing happens on or after today).
    const QDate today = m_options.today;
    const QDate yesterday = today.addDays(-1);
    const QDate first = QDate(yesterday.year(), yesterday.month(), 1).addMonths(-23);
    m_firstDay = first.toJulianDay();
    m_limitDay = today.toJulianDay();
    m_span = std::max<qint64>(1, m_limitDay - m_firstDay);
    m_limit = secsAt(m_limitDay, 0);

    m_dayMonth.resize(std::size_t(m_span));
    QString webinar;
    for (int m = 0; m < 24; ++m) {
        const QDate d = first.addMonths(m);
        Month month;
        month.firstDay = d.toJulianDay();
        month.key = d.toString(u"yyyy-MM");
        const int quarter = (d.month() - 1) / 3 + 1;
        if (m == 0 || d.month() % 3 == 1)
            webinar = QStringLiteral("ウェビナー %1年Q%2").arg(d.year()).arg(quarter);
        month.webinarCampaign = webinar;
        month.newsletterCampaign =
            QStringLiteral("メルマガ %1年%2月号").arg(d.year()).arg(d.month());
        m_months.push_back(month);
    }
    for (qint64 i = 0; i < m_span; ++i) {
        int m = 0;
        while (m + 1 < 24 && m_months[std::size_t(m + 1)].firstDay <= m_firstDay + i)
            ++m;
        m_dayMonth[std::size_t(i)] = quint8(m);
    }

    // Eight trade shows over the window (Wednesday to Friday), and one coming up.
    const qint64 usable = std::max<qint64>(1, m_span - 40);
    for (int k = 0; k <= 8; ++k) {
        qint64 day = k < 8 ? m_firstDay + 20 + k * usable / 7 + m_rng.below(10)
                           : m_limitDay + 40 + m_rng.below(10);
        day += (2 - day % 7 + 7) % 7; // Julian day % 7 == 0 is a Monday
        if (k < 8)
            while (day + 3 > m_limitDay && day > m_firstDay + 7)
                day -= 7;
        if (k < 8 && (day < m_firstDay || day + 3 > m_limitDay))
            continue;
        const QDate d = QDate::fromJulianDay(day);
        static constexpr const char16_t *seasons[] = {u"冬", u"冬", u"春", u"春", u"春", u"夏",
                                                      u"夏", u"夏", u"秋", u"秋", u"秋", u"冬"};
        Show show;
        show.firstDay = day;
        show.name = raw(kShowNames[k % 4]) % u' ' % QString::number(d.year()) % u' ' %
                    raw(seasons[d.month() - 1]);
        m_shows.push_back(show);
        if (k < 8)
            ++m_pastShows;
    }
    for (auto &perMonth : m_leadsPerMonth)
        perMonth.assign(24, 0);
}

void Generator::makeTables() {
    for (const JaName &n : kJaFamilyNames) {
        m_jaFamily.push_back(raw(n.kanji));
        m_jaFamilyReading.push_back(raw(n.reading));
    }
    for (const JaName &n : kJaGivenNames) {
        m_jaGiven.push_back(raw(n.kanji));
        m_jaGivenReading.push_back(raw(n.reading));
    }
    for (const EnName &n : kEnFamilyNames) {
        m_enFamily.push_back(raw(n.name));
        m_enFamilyLower.push_back(m_enFamily.back().toLower());
    }
    for (const EnName &n : kEnGivenNames) {
        m_enGiven.push_back(raw(n.name));
        m_enGivenLower.push_back(m_enGiven.back().toLower());
    }
    const auto weight = [](const auto &x) { return x.weight; };
    m_pickJaFamily = WeightedPick(kJaFamilyNames, weight);
    m_pickJaGiven = WeightedPick(kJaGivenNames, weight);
    m_pickEnFamily = WeightedPick(kEnFamilyNames, weight);
    m_pickEnGiven = WeightedPick(kEnGivenNames, weight);
    m_pickJaDepartment = WeightedPick(kJaDepartments, weight);
    m_pickJaTitle = WeightedPick(kJaTitles, weight);
    m_pickEnDepartment = WeightedPick(kEnDepartments, weight);
    m_pickJaLost = WeightedPick(kJaLostReasons, weight);
    m_pickEnLost = WeightedPick(kEnLostReasons, weight);

    std::vector<int> ja, en, anonymous, nurture;
    for (const SourceSpec &s : kSources) {
        m_sourceNames.push_back(raw(s.name));
        ja.push_back(s.jaWeight);
        en.push_back(s.enWeight);
        anonymous.push_back(s.anonymousWeight);
        nurture.push_back(s.nurtureWeight);
    }
    ja.push_back(kNoSourceJaWeight);
    en.push_back(kNoSourceEnWeight);
    anonymous.push_back(kNoSourceAnonymousWeight);
    const auto self = [](int w) { return w; };
    m_pickJaSource = WeightedPick(ja, self);
    m_pickEnSource = WeightedPick(en, self);
    m_pickAnonymousSource = WeightedPick(anonymous, self);
    m_pickNurture = WeightedPick(nurture, self);

    std::vector<int> jaUser, enUser;
    for (const UserSpec &u : kUsers) {
        m_users.push_back(raw(u.name));
        jaUser.push_back(u.jaWeight);
        enUser.push_back(u.enWeight);
    }
    m_pickJaUser = WeightedPick(jaUser, self);
    m_pickEnUser = WeightedPick(enUser, self);

    for (int s = 0; s < SourceCount; ++s) {
        std::vector<int> w;
        for (const AdCampaign &c : kAdCampaigns)
            w.push_back(c.source == s ? c.weight : 0);
        if (std::any_of(w.begin(), w.end(), [](int x) { return x > 0; }))
            m_pickAd[std::size_t(s)] = WeightedPick(w, self);
    }
}

void Generator::makeCompanies() {
    const auto weight = [](const auto &x) { return x.weight; };
    const WeightedPick pickTown(kJaTowns, weight);
    const WeightedPick pickCity(kEnCities, weight);
    for (const Word &stem : kJaCompanyStems) {
        for (const Word &kind : kJaCompanyKinds) {
            Company c;
            const QString base = raw(stem.text) % raw(kind.text);
            const int form = m_rng.between(0, 99);
            if (form < 65)
                c.name = u"株式会社" % base;
            else if (form < 95)
                c.name = base % u"株式会社";
            else
                c.name = u"有限会社" % base;
            c.reading = raw(stem.reading) % raw(kind.reading);
            c.domain = QLatin1String(stem.romaji) % u'-' % QLatin1String(kind.romaji) % u".co.jp";
            c.website = u"https://www." % c.domain % u'/';
            c.country = QStringLiteral("JP");
            const JaTown &town = kJaTowns[pickTown(m_rng)];
            c.prefecture = raw(town.prefecture);
            c.city = raw(town.city);
            c.postalCode = raw(town.postalCode);
            if (town.chome)
                c.street = raw(town.town) % QString::number(m_rng.between(1, 5)) % u"丁目" %
                           QString::number(m_rng.between(1, 20)) % u'-' %
                           QString::number(m_rng.between(1, 15));
            else
                c.street = raw(town.town) % QString::number(m_rng.between(1, 800)) % u'-' %
                           QString::number(m_rng.between(1, 20));
            if (m_rng.percent(65)) {
                const QString owner = m_rng.percent(50) ? raw(stem.text) : raw(town.town);
                c.building = owner %
                             raw(kJaBuildingSuffixes[m_rng.below(std::size(kJaBuildingSuffixes))]) %
                             u' ' % QString::number(m_rng.between(2, 25)) % u'F';
            }
            c.phonePrefix = town.areaCode;
            c.ja = true;
            m_jaCompanies.push_back(std::move(c));
        }
    }
    static constexpr const char *ukLetters = "ABDEFGHJLNPQRSTUWXYZ";
    for (const Word &stem : kEnCompanyStems) {
        for (const Word &kind : kEnCompanyKinds) {
            Company c;
            const EnCity &city = kEnCities[pickCity(m_rng)];
            const bool uk = qstrcmp(city.country, "GB") == 0;
            const bool noKind = kind.romaji[0] == 0;
            const char16_t *legal = uk       ? (m_rng.percent(90) ? u"Ltd" : u"plc")
                                    : noKind ? u"Corp."
                                             : (m_rng.percent(60)   ? u"Inc."
                                                : m_rng.percent(50) ? u"LLC"
                                                                    : u"Corp.");
            const QString kindPart = noKind ? QString() : u' ' % raw(kind.text);
            c.name = raw(stem.text) % kindPart % u' ' % raw(legal);
            const QString domainKind =
                noKind ? QString() : u'-' % QString(QLatin1String(kind.romaji));
            c.domain =
                QLatin1String(stem.romaji) % domainKind % QLatin1String(uk ? ".co.uk" : ".com");
            c.website = u"https://www." % c.domain % u'/';
            c.country = QLatin1String(city.country);
            c.prefecture = raw(city.region);
            c.city = raw(city.city);
            if (uk) {
                const QStringList outward = QString::fromLatin1(city.postalBase).split(u' ');
                c.postalCode = outward.at(m_rng.below(quint32(outward.size()))) % u' ' %
                               QString::number(m_rng.between(1, 9)) %
                               QLatin1Char(ukLetters[m_rng.below(20)]) %
                               QLatin1Char(ukLetters[m_rng.below(20)]);
                c.street = QString::number(m_rng.between(1, 250)) % u' ' %
                           raw(city.streets[m_rng.below(3)]);
                if (m_rng.percent(60))
                    c.building = u"Floor " % QString::number(m_rng.between(1, 12));
            } else {
                c.postalCode =
                    QLatin1String(city.postalBase) % QString::number(m_rng.between(1, 9));
                c.street = QString::number(m_rng.between(100, 2999)) % u' ' %
                           raw(city.streets[m_rng.below(3)]);
                if (m_rng.percent(60))
                    c.building = u"Suite " % QString::number(m_rng.between(1, 30) * 100);
            }
            c.phonePrefix = city.phonePrefix;
            c.ja = false;
            m_enCompanies.push_back(std::move(c));
        }
    }
}

qint64 Generator::pickCreatedDay(bool anyDay) {
    for (;;) {
        const qint64 d = m_rng.below(quint32(m_span));
        // Lead volume grows by 60% over the two years.
        if (m_rng.below(1000) >= 625 + 375 * d / m_span)
            continue;
        const qint64 day = m_firstDay + d;
        if (day % 7 >= 5 && !m_rng.percent(anyDay ? 50 : 10))
            continue;
        return day;
    }
}

// Japanese: area code + local number (10 digits; mobiles 070/080/090-NNN0-NNNN, 11 digits, as
// libphonenumber requires); international: prefix + "NNN-NNNN".
QString Generator::phone(const char *prefix, bool japanese) {
    char16_t buf[32];
    int n = 0;
    for (const char *p = prefix; *p; ++p)
        buf[n++] = char16_t(*p);
    const auto digits = [&](int count) {
        buf[n++] = char16_t(u'2' + m_rng.below(8));
        for (int i = 1; i < count; ++i)
            buf[n++] = char16_t(u'0' + m_rng.below(10));
    };
    if (japanese) {
        const int area = n;
        const bool mobile = area == 3 && prefix[2] == '0' && prefix[1] >= '7' && prefix[1] <= '9';
        buf[n++] = u'-';
        digits(area == 2 ? 4 : 3);
        if (mobile)
            buf[n++] = u'0'; // the same draws as before, so the rest of the data does not move
        buf[n++] = u'-';
    } else {
        digits(3);
        buf[n++] = prefix[1] == '1' ? u'-' : u' ';
    }
    digits(4);
    const qsizetype localStart = japanese ? qsizetype(std::strlen(prefix)) + 1 : 0;
    return existingNumber(QString(reinterpret_cast<const QChar *>(buf), n),
                          japanese ? localStart : qsizetype(std::strlen(prefix)));
}

// Not every exchange of an area exists (011-469-… is no Sapporo number): a number in one that
// libphonenumber does not know gets the first exchange digit, from 2 up, that it knows. The draws
// stay the same, so the rest of the data does not move. Known exchanges are remembered (a parse
// takes ~17 µs).
QString Generator::existingNumber(const QString &number, qsizetype localStart) {
    const auto known = [this](const QString &n, qsizetype start) {
        const QString exchange = n.left(start + 3);
        auto it = m_validExchange.constFind(exchange);
        if (it == m_validExchange.cend())
            it = m_validExchange.insert(exchange, text::parsePhone(n, QStringLiteral("JP")).valid);
        return *it;
    };
    if (known(number, localStart))
        return number;
    QString other = number;
    for (char16_t d = u'2'; d <= u'9'; ++d) {
        other[localStart] = QChar(d);
        if (known(other, localStart))
            return other;
    }
    return number; // no exchange of this prefix is known as a whole number (the caller trims it)
}

QString Generator::mobile(const Company &company) {
    if (company.ja) {
        const int r = int(m_rng.below(10));
        return phone(r < 6 ? "090" : r < 9 ? "080" : "070", true);
    }
    if (company.country == u"GB") {
        // 07400 NNNNNN (10 digits after the 0). Ofcom's drama range, 07700 900xxx, is not a valid
        // number to libphonenumber, so demo leads would not pass the editor's check.
        QString m = phone("+44 7400 ", false);
        m.chop(1);
        return m;
    }
    return phone(company.phonePrefix, false);
}

QString Generator::email(qint64 ordinal, const QString &domain, bool ja, int given, int family) {
    m_local.clear();
    if (ja) {
        const QLatin1String g(kJaGivenNames[given].romaji);
        const QLatin1String f(kJaFamilyNames[family].romaji);
        switch (m_pickJaEmail(m_rng)) {
        case 0:
            m_local += g % u'.' % f;
            break;
        case 1:
            m_local += f % u'.' % g;
            break;
        case 2:
            m_local += g.front() % u'.' % f;
            break;
        case 3:
            m_local += f;
            break;
        case 4:
            m_local += f % u'-' % g.front();
            break;
        default:
            m_local += g.front() % f;
            break;
        }
    } else {
        const QString &g = m_enGivenLower[std::size_t(given)];
        const QString &f = m_enFamilyLower[std::size_t(family)];
        switch (m_pickEnEmail(m_rng)) {
        case 0:
            m_local += g % u'.' % f;
            break;
        case 1:
            m_local += g.front() % f;
            break;
        case 2:
            m_local += g;
            break;
        case 3:
            m_local += g % u'_' % f;
            break;
        default:
            m_local += g.front() % u'.' % f;
            break;
        }
    }
    QString address = m_local % u'@' % domain;
    // Name parts have no digits, so "local<ordinal>" can only collide with itself.
    if (!m_emails.insert(fingerprint(address)))
        address = m_local % QString::number(ordinal) % u'@' % domain;
    return address;
}

Touchpoint Generator::touchpoint(int source, qint64 secs, const QDateTime &time, int showIndex) {
    const SourceSpec &spec = kSources[source];
    Touchpoint t;
    t.occurredAt = time;
    t.source = m_sourceNames[std::size_t(source)];
    t.medium = raw(spec.medium);
    t.url = raw(spec.url);
    const Month &month = m_months[std::size_t(monthOf(julianDayOf(secs)))];
    switch (source) {
    case Exhibition: {
        if (showIndex < 0) { // the latest show before this time
            const qint64 day = julianDayOf(secs);
            for (int i = 0; i < m_pastShows; ++i)
                if (m_shows[std::size_t(i)].firstDay <= day)
                    showIndex = i;
        }
        if (showIndex >= 0)
            t.campaign = m_shows[std::size_t(showIndex)].name;
        break;
    }
    case Webinar:
        t.campaign = month.webinarCampaign;
        break;
    case Newsletter:
        t.campaign = month.newsletterCampaign;
        break;
    case GoogleAds:
    case LinkedInAds:
    case FacebookAds:
        t.campaign = raw(kAdCampaigns[m_pickAd[std::size_t(source)](m_rng)].name);
        t.content = raw(kAdContents[m_rng.below(std::size(kAdContents))]);
        break;
    default:
        break;
    }
    return t;
}

// A lead is made in steps, each drawing its random numbers in the order the steps run, so one
// seed always gives the same data.
void Generator::makeLead(qint64 ordinal) {
    m_history.clear();
    m_touchpoints.clear();
    m_activities.clear();
    Draft d;
    pickOrigin(d);
    makePerson(d, ordinal);
    makeStages(d);
    makeDeal(d);
    makeTouchpoints(d);
    makeActivities(d);
    finishLead(d);
    m_sink.lead(d.lead, m_history, m_touchpoints, m_activities);
}

// Anonymous or not, Japanese or not, the source, and when the lead came in: trade-show leads on
// a show day, web leads any time of day, others office hours.
void Generator::pickOrigin(Draft &d) {
    d.anonymous = m_rng.permille(10);
    d.ja = m_rng.percent(70);
    d.source = d.anonymous ? m_pickAnonymousSource(m_rng)
               : d.ja      ? m_pickJaSource(m_rng)
                           : m_pickEnSource(m_rng);
    d.spec = &kSources[d.source == NoSource ? UnknownSource : d.source];
    if (d.source != NoSource)
        d.lead.source = m_sourceNames[std::size_t(d.source)];

    if (d.source == Exhibition && m_pastShows > 0) {
        d.showIndex = int(m_rng.below(quint32(m_pastShows)));
        ++m_shows[std::size_t(d.showIndex)].leads;
        d.created = timeOnDay(m_shows[std::size_t(d.showIndex)].firstDay + m_rng.below(3), 10, 17);
    } else {
        const int s = d.source;
        const bool web = s == WebForm || s == Seo || s == GoogleAds || s == LinkedInAds ||
                         s == FacebookAds || s == Newsletter || s >= UnknownSource;
        const qint64 day = pickCreatedDay(web);
        d.created = web ? timeOnDay(day, 7, 24) : timeOnDay(day, 9, 19);
    }
    d.createdDay = julianDayOf(d.created);
    d.lead.createdAt = at(d.created);
    if (d.source != NoSource)
        ++m_leadsPerMonth[std::size_t(d.source)][std::size_t(monthOf(d.createdDay))];
}

// The company, and (unless anonymous) the person: name, reading, contact details, title.
void Generator::makePerson(Draft &d, qint64 ordinal) {
    Lead &lead = d.lead;
    const std::vector<Company> &companies = d.ja ? m_jaCompanies : m_enCompanies;
    const Company &company = companies[m_rng.below(quint32(companies.size()))];
    lead.company = company.name;
    lead.companyReading = company.reading;
    lead.website = company.website;
    lead.country = company.country;
    if (d.anonymous) {
        lead.anonymous = true;
        lead.honorific.clear();
        return;
    }
    lead.prefecture = company.prefecture;
    lead.city = company.city;
    lead.street = company.street;
    lead.building = company.building;
    lead.postalCode = company.postalCode;
    lead.phone = phone(company.phonePrefix, d.ja);
    if (m_rng.percent(d.ja ? 40 : 30))
        lead.mobile = mobile(company);
    if (d.ja) {
        const int family = m_pickJaFamily(m_rng);
        const int given = m_pickJaGiven(m_rng);
        lead.familyName = m_jaFamily[std::size_t(family)];
        lead.givenName = m_jaGiven[std::size_t(given)];
        lead.familyReading = m_jaFamilyReading[std::size_t(family)];
        lead.givenReading = m_jaGivenReading[std::size_t(given)];
        lead.email = email(ordinal, company.domain, true, given, family);
        const int title = m_pickJaTitle(m_rng);
        lead.title = raw(kJaTitles[title].text);
        if (title >= kJaBoardTitles && m_rng.percent(92))
            lead.department = raw(kJaDepartments[m_pickJaDepartment(m_rng)].text);
        d.titlePoints = title < 4 ? 15 : title == 5 ? 10 : 0;
    } else {
        const int family = m_pickEnFamily(m_rng);
        const int given = m_pickEnGiven(m_rng);
        lead.familyName = m_enFamily[std::size_t(family)];
        lead.givenName = m_enGiven[std::size_t(given)];
        lead.honorific.clear();
        lead.email = email(ordinal, company.domain, false, given, family);
        const EnDepartment &dept = kEnDepartments[m_pickEnDepartment(m_rng)];
        const int title = int(m_rng.below(4));
        lead.department = raw(dept.name);
        lead.title = raw(dept.titles[title]);
        d.titlePoints = title < 2 ? 15 : title == 2 ? 10 : 0;
    }
}

// The owner and the stage history: each step later in time; a step that would fall on or after
// today has not happened yet. A stalled lead may be lost, and a lost one recycled.
void Generator::makeStages(Draft &d) {
    Lead &lead = d.lead;
    if (!d.anonymous && !(m_rng.percent(15))) {
        int u = d.ja ? m_pickJaUser(m_rng) : m_pickEnUser(m_rng);
        if (d.createdDay < m_limitDay - kInactiveSinceDays && m_rng.percent(15))
            u = kInactiveUser;
        d.owner = m_users[std::size_t(u)];
    }
    const QString &owner = d.owner;
    const int source = d.source;
    const bool salesFirst = source == Exhibition || source == ColdCall || source == Referral;
    const auto change = [this, &lead](std::optional<Stage> from, Stage to, qint64 secs,
                                      const QString &user) -> StageChange & {
        StageChange c;
        c.fromStage = from;
        c.toStage = to;
        c.changedAt = m_history.isEmpty() ? lead.createdAt : at(secs);
        c.user = user;
        m_history.append(std::move(c));
        return m_history.last();
    };
    change(std::nullopt, Stage::Inquiry, d.created, salesFirst ? owner : QString());
    Stage stage = Stage::Inquiry;
    d.last = d.created;
    d.reachedAt = {d.created, -1, -1, -1, -1};
    bool stalled = false;
    for (int step = 0; step < 4 && !d.anonymous; ++step) {
        if (!m_rng.permille(d.spec->funnel[std::size_t(step)])) {
            stalled = true;
            break;
        }
        const int days = std::max(1, m_rng.between(kStepDays[step][0], kStepDays[step][1]) *
                                         d.spec->speed / 100);
        const qint64 next = timeOnDay(julianDayOf(d.last) + days, 9, 19);
        if (next >= m_limit)
            break;
        Stage to = Stage(step + 1);
        if (step == 0 && source == ColdCall && m_rng.percent(50)) {
            to = Stage::Sql; // qualified on the call itself (SGL)
            step = 1;
        }
        change(stage, to, next, step == 0 && m_rng.percent(50) ? QString() : owner);
        stage = to;
        d.last = next;
        d.reachedAt[std::size_t(to)] = next;
    }
    d.furthest = stage;
    if (stalled && m_rng.permille(kLostPermille[int(stage)])) {
        const qint64 lostAt = timeOnDay(julianDayOf(d.last) + m_rng.between(7, 60), 9, 19);
        if (lostAt < m_limit) {
            const QString reason = d.ja ? raw(kJaLostReasons[m_pickJaLost(m_rng)].text)
                                        : raw(kEnLostReasons[m_pickEnLost(m_rng)].text);
            change(stage, stage, lostAt, owner).lost = true;
            m_history.last().note = reason;
            lead.lost = true;
            lead.lostReason = reason;
            lead.lostAt = QDate::fromJulianDay(julianDayOf(lostAt));
            d.last = lostAt;
            const qint64 recycleAt = timeOnDay(julianDayOf(lostAt) + m_rng.between(30, 120), 9, 19);
            if (m_rng.permille(kRecyclePermille) && recycleAt < m_limit) {
                change(stage, Stage::Mql, recycleAt, owner).recycled = true;
                stage = Stage::Mql;
                lead.lost = false;
                lead.lostReason.clear();
                lead.lostAt.reset();
                d.last = recycleAt;
            }
        }
    }
    lead.stage = stage;
    lead.furthestStage = std::max(d.furthest, stage);
    if (stage >= Stage::Sql)
        lead.sqlKind = source == ColdCall || (source == Referral && m_rng.percent(30))
                           ? SqlKind::Sgl
                           : SqlKind::Sal;
    lead.owner = owner;
    d.wonAt = d.reachedAt[std::size_t(Stage::Customer)];
}

// A deal value for most opportunities and every customer; a lifetime value for some customers.
void Generator::makeDeal(Draft &d) {
    Lead &lead = d.lead;
    if (d.furthest >= Stage::Opportunity && (d.wonAt >= 0 || m_rng.percent(70))) {
        static constexpr int bands[4][2] = {{30, 80}, {80, 150}, {150, 300}, {300, 500}};
        const int band = m_pickDeal(m_rng);
        Money deal = Money(m_rng.between(bands[band][0], bands[band][1])) * 10000;
        deal = std::clamp<Money>(roundTo(deal * d.spec->dealPercent / 100, 10000), 300000, 5000000);
        lead.dealValue = deal;
        if (d.wonAt >= 0 && m_rng.percent(60))
            lead.lifetimeValue = roundTo(deal * m_rng.between(150, 400) / 100, 10000);
    }
    if (d.wonAt >= 0)
        lead.wonAt = QDate::fromJulianDay(julianDayOf(d.wonAt));
}

// Insertion sort of times[from, to): tiny ranges, and GCC 12 at -O3 reports a false
// -Warray-bounds inside std::sort on a std::array prefix.
void Generator::Draft::sortTimes(int from, int to) {
    to = std::min(to, int(times.size()));
    for (int i = from + 1; i < to; ++i) {
        const qint64 v = times[std::size_t(i)];
        int j = i - 1;
        for (; j >= from && times[std::size_t(j)] > v; --j)
            times[std::size_t(j + 1)] = times[std::size_t(j)];
        times[std::size_t(j + 1)] = v;
    }
}

// Touchpoints: the first at creation from the original source (most of the time), the others
// up to the won date (some after), sorted.
void Generator::makeTouchpoints(Draft &d) {
    const qint64 horizon =
        d.wonAt >= 0 ? d.wonAt + (m_rng.percent(30) ? 60 * kDay : 0) : d.last + 120 * kDay;
    const qint64 end = std::min(horizon, m_limit - 1);
    d.touches = d.anonymous ? 1 + int(m_rng.below(2)) : m_pickTouchCount(m_rng);
    if ((d.source == NoSource) && m_rng.percent(50))
        d.touches = 0;
    d.times[0] = d.created;
    for (int i = 1; i < d.touches; ++i)
        d.times[std::size_t(i)] =
            d.created + 1 + m_rng.between64(0, std::max<qint64>(0, end - d.created - 1));
    d.sortTimes(1, std::max(d.touches, 1));
    d.lastTouch = d.touches > 0 ? d.times[std::size_t(d.touches - 1)] : 0;
    for (int i = 0; i < d.touches; ++i) {
        const bool original = i == 0 && d.source < UnknownSource && m_rng.percent(85);
        const int s = original ? d.source : m_pickNurture(m_rng);
        const qint64 secs = d.times[std::size_t(i)];
        m_touchpoints.append(
            touchpoint(s, secs, i == 0 ? d.lead.createdAt : at(secs), original ? d.showIndex : -1));
    }
}

// Activities: marketing actions until the lead is sales-qualified, sales actions after; each
// adds its points to the score.
void Generator::makeActivities(Draft &d) {
    const qint64 sqlAt = d.reachedAt[std::size_t(Stage::Sql)];
    int acts = d.anonymous ? int(m_rng.below(3)) : int(m_pickActivityCount(m_rng));
    if (d.furthest >= Stage::Opportunity)
        acts = std::max(acts, 2);
    d.acts = acts;
    const qint64 activityEnd = std::min((d.wonAt >= 0 ? d.wonAt : d.last) + 60 * kDay, m_limit - 1);
    for (int i = 0; i < acts; ++i)
        d.times[std::size_t(i)] =
            d.created + 1 + m_rng.between64(0, std::max<qint64>(0, activityEnd - d.created - 1));
    d.sortTimes(0, acts);
    int score = d.titlePoints + 5 * int(d.lead.furthestStage);
    for (int i = 0; i < acts; ++i) {
        const qint64 t = d.times[std::size_t(i)];
        int kind;
        if (d.anonymous)
            kind = m_rng.percent(50) ? ActPricing : ActDocument;
        else if (sqlAt >= 0 && t >= sqlAt)
            kind = ActCall + m_pickSales(m_rng);
        else if (d.source == ColdCall && m_rng.percent(50))
            kind = ActCall;
        else
            kind = m_pickMarketing(m_rng);
        const ActivitySpec &a = kActivities[kind];
        Activity activity;
        activity.kind = a.kind;
        activity.occurredAt = at(t);
        if (a.sales)
            activity.user = d.owner;
        activity.notes = raw(d.ja ? a.ja : a.en);
        m_activities.append(std::move(activity));
        score += a.points;
    }
    d.lead.score = std::min(score, 100);
}

// Opt-outs, notes, a few manual temperatures, and the time of the newest stage change,
// touchpoint or activity.
void Generator::finishLead(Draft &d) {
    Lead &lead = d.lead;
    if (!d.anonymous) {
        lead.optOut = m_rng.percent(2);
        if (m_rng.percent(8))
            lead.notes = d.ja ? raw(kJaNotes[m_rng.below(std::size(kJaNotes))])
                              : raw(kEnNotes[m_rng.below(std::size(kEnNotes))]);
    }
    if (m_rng.percent(1))
        lead.temperatureOverride = Temperature(m_rng.below(3));

    lead.updatedAt = m_history.last().changedAt;
    qint64 updated = d.last;
    if (d.touches > 0 && d.lastTouch > updated) {
        updated = d.lastTouch;
        lead.updatedAt = m_touchpoints.last().occurredAt;
    }
    if (d.acts > 0 && d.times[std::size_t(d.acts - 1)] > updated)
        lead.updatedAt = m_activities.last().occurredAt;
}

void Generator::emitSpendAndCampaigns() {
    // Spend per month follows the leads each source brought (a target cost per lead with noise),
    // so cost per lead stays plausible at any --leads; trade shows cost in the month they run.
    for (int i = 0; i < m_pastShows; ++i) {
        Show &show = m_shows[std::size_t(i)];
        show.cost = roundTo(
            500000 + show.leads * kSources[Exhibition].cpl * m_rng.between(85, 115) / 100, 10000);
        show.budget = roundTo(show.cost * m_rng.between(95, 120) / 100, 100000);
    }
    QList<SpendRow> rows;
    std::array<Money, SourceCount> totals{};
    std::vector<Money> webinarMonths(24, 0);
    for (int s = 0; s < SourceCount; ++s) {
        const SourceSpec &spec = kSources[s];
        if (spec.cpl == 0)
            continue;
        for (int m = 0; m < 24; ++m) {
            Money amount = 0;
            if (s == Exhibition) {
                amount = Money(m_rng.between(30, 80)) * 1000; // booth material, novelties
                for (int i = 0; i < m_pastShows; ++i)
                    if (monthOf(m_shows[std::size_t(i)].firstDay) == m)
                        amount += m_shows[std::size_t(i)].cost;
            } else {
                amount = Money(m_rng.between(50, 150)) * 1000 +
                         m_leadsPerMonth[std::size_t(s)][std::size_t(m)] * spec.cpl *
                             m_rng.between(80, 120) / 100;
            }
            amount = roundTo(amount, 1000);
            if (s == Webinar)
                webinarMonths[std::size_t(m)] = amount;
            totals[std::size_t(s)] += amount;
            rows.append(
                SpendRow{m_sourceNames[std::size_t(s)], m_months[std::size_t(m)].key, amount});
        }
    }
    m_sink.spend(rows);

    QList<Campaign> campaigns;
    Money averageBudget = 0;
    for (int i = 0; i < m_pastShows; ++i)
        averageBudget += m_shows[std::size_t(i)].budget;
    averageBudget = m_pastShows > 0 ? roundTo(averageBudget / m_pastShows, 100000) : 2000000;
    for (std::size_t i = 0; i < m_shows.size(); ++i) {
        const Show &show = m_shows[i];
        const bool upcoming = int(i) >= m_pastShows;
        Campaign c;
        c.name = show.name;
        c.source = m_sourceNames[Exhibition];
        c.start = QDate::fromJulianDay(show.firstDay);
        c.end = QDate::fromJulianDay(show.firstDay + 2);
        c.budget = upcoming ? averageBudget : show.budget;
        c.actualCost = upcoming ? 0 : show.cost;
        c.notes = upcoming ? QStringLiteral("展示会出展（2小間）・準備中")
                           : QStringLiteral("展示会出展（2小間）");
        campaigns.append(c);
    }
    for (int m = 0; m < 24;) {
        Campaign c;
        c.name = m_months[std::size_t(m)].webinarCampaign;
        c.source = m_sourceNames[Webinar];
        c.start = QDate::fromJulianDay(std::max(m_months[std::size_t(m)].firstDay, m_firstDay));
        while (m < 24 && m_months[std::size_t(m)].webinarCampaign == c.name)
            c.actualCost += webinarMonths[std::size_t(m++)];
        c.end = QDate::fromJulianDay(std::min(
            m < 24 ? m_months[std::size_t(m)].firstDay - 1 : m_limitDay - 1, m_limitDay - 1));
        c.budget = roundTo(c.actualCost * m_rng.between(95, 120) / 100, 100000);
        c.notes = QStringLiteral("月例ウェビナー");
        campaigns.append(c);
    }
    for (int s : {GoogleAds, LinkedInAds, FacebookAds}) {
        Money left = totals[std::size_t(s)];
        int weightLeft = 100;
        for (const AdCampaign &ad : kAdCampaigns) {
            if (ad.source != s)
                continue;
            Campaign c;
            c.name = raw(ad.name);
            c.source = m_sourceNames[std::size_t(s)];
            c.start = QDate::fromJulianDay(m_firstDay);
            c.actualCost =
                ad.weight == weightLeft ? left : roundTo(left * ad.weight / weightLeft, 1000);
            left -= c.actualCost;
            weightLeft -= ad.weight;
            c.budget = roundTo(c.actualCost * m_rng.between(100, 110) / 100, 10000);
            campaigns.append(c);
        }
    }
    m_sink.campaigns(campaigns);
}

void Generator::run() {
    QList<User> users;
    for (const UserSpec &u : kUsers)
        users.append(User{0, raw(u.name), u.active});
    m_sink.users(users);

    QList<Source> sources;
    for (const SourceSpec &s : kSources) {
        Source source;
        source.name = raw(s.name);
        source.category = s.category;
        source.tier = s.tier;
        for (const char16_t *alias : s.aliases)
            if (alias)
                source.aliases.append(raw(alias));
        sources.append(source);
    }
    m_sink.sources(sources);

    m_emails.reserve(m_options.leads);
    for (qint64 i = 0; i < m_options.leads; ++i) {
        if (m_sink.stopRequested())
            return;
        makeLead(i + 1);
    }
    emitSpendAndCampaigns();
}

} // namespace

void generate(const DemoOptions &options, DemoSink &sink) {
    if (!options.today.isValid())
        return;
    Generator generator(options, sink);
    generator.run();
}

} // namespace mikomi::demo
