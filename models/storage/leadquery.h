#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace mikomi::storage {

// Leads by the source reports' "original source" (analytics::originalSource): a lead's source
// unless it has none or one in `unknownIds` (a name that means unknown: "unknown", "不明" …),
// else the source of its earliest touchpoint (else its own). The Dashboard's drill-down: the
// leads of a bar are exactly those the report counted there.
struct OriginFilter {
    QList<qint64> ids;        // original source is one of these …
    bool unknown = false;     // … or none, or one of `unknownIds` (the report's Unknown row)
    QList<qint64> unknownIds; // the sources whose names mean unknown
    bool operator==(const OriginFilter &) const = default;
};

// The customers a month of the goals counts (analytics/goals.h, the same rule): leads whose
// furthest stage is customer, in the month of their won date, else of their created date (a
// customer without a won date). withDealValue: only those with a deal value, the leads whose
// values add up to the month's revenue.
struct WonFilter {
    std::optional<QDate> from; // inclusive; none: any
    std::optional<QDate> to;   // inclusive; none: any
    bool withDealValue = false;
    bool operator==(const WonFilter &) const = default;
};

// What the Leads list shows: every condition is optional and they combine with AND.
struct LeadFilter {
    QString search; // substrings of company, name, reading, email, phone (width/kana-insensitive)
    std::optional<Stage> stage;
    bool lostOnly = false;
    qint64 sourceId = 0; // original source; 0 = any
    std::optional<SourceCategory> category;
    qint64 ownerId = 0;     // 0 = any
    bool ownerless = false; // only the leads nobody owns (the owner table's "(no owner)" row)
    std::optional<Temperature> temperature;
    std::optional<QDate> createdFrom; // inclusive
    std::optional<QDate> createdTo;   // inclusive
    std::optional<OriginFilter> origin;
    std::optional<Stage> reached; // the furthest stage reached is this one or a later one
    std::optional<WonFilter> won;
    bool operator==(const LeadFilter &) const = default;
};

enum class LeadSort { Company, Person, Reading, Stage, Temperature, Source, Owner, Score, Created };

// One line of the Leads list (not the whole lead: the list keeps only what it shows).
struct LeadRow {
    qint64 id = 0;
    QString company;
    QString familyName;
    QString givenName;
    QString familyReading;
    QString givenReading;
    QString email;
    QString phone;
    Stage stage = Stage::Inquiry;
    bool lost = false;
    Temperature temperature = Temperature::Cold;
    QString source;
    QString owner;
    int score = 0;
    QDateTime createdAt;
};

class LeadQuery final {
public:
    explicit LeadQuery(Database &db, const QDate &today = QDate::currentDate())
        : m_db(db)
        , m_today(today) {}

    // Rows [offset, offset + limit) of the filtered list in the given order (ties by id).
    Result<QList<LeadRow>> rows(const LeadFilter &filter, LeadSort sort, bool ascending, int offset,
                                int limit) const;
    Result<qint64> count(const LeadFilter &filter) const;

    // The FTS5 MATCH expression and the LIKE patterns a search text becomes (for tests and
    // the benchmark): tokens of three or more characters go to the trigram index, shorter ones
    // to LIKE.
    struct SearchPlan {
        QString match;            // "" = no index condition
        QList<QStringList> likes; // per short token: its LIKE patterns (any may match)
        // per indexed token: the same variants as LIKE patterns, for leads not indexed yet
        QList<QStringList> indexedLikes;
    };
    static SearchPlan planSearch(const QString &search);

    // The leads that can be hot or warm, as a subquery of lead ids (with its binds): those whose
    // temperature was set by hand, and those active (else created) since the older of the two
    // thresholds' dates, or, when those are many, those scored at least the lower threshold
    // (schema v17's indexes, leads_created and lead_scores_score serve each part). Every other
    // lead is cold. None (nullopt) when either way they are more than the limit: reading them
    // would no longer pay. Read once per query object; public for tests (EXPLAIN QUERY PLAN).
    struct TemperatureCandidates {
        // One part of the union: the leads `l` read from `from` that meet `cond` (with its
        // binds); `ids`, when set, reads the same leads' ids without reading the leads.
        struct Branch {
            QString from;
            QString cond;
            QVariantList binds;
            QString ids;
        };
        QList<Branch> branches;
        QString sql; // the union of the branches' lead ids
        QVariantList binds;
    };
    Result<std::optional<TemperatureCandidates>> temperatureCandidates() const;
    static constexpr qint64 kTemperatureCandidateLimit = 100000;
    // How many of the newest leads a server's search reads first (newestWindowIds), and the
    // deepest page it serves that way.
    static constexpr int kWindowRows = 20000;
    static constexpr int kWindowPageRows = 1000;
    // For tests: the window's size (0: never read).
    void setWindowRows(int rows) { m_windowRows = rows; }
    // For tests: the limit above (0: the candidates are never used).
    void setTemperatureCandidateLimit(qint64 limit) {
        m_candidateLimit = limit;
        m_candidates.reset();
    }

private:
    // `narrow` (optional): set when the conditions are the search index's matches and columns
    // of the narrow index leads_report only (source, lost, creation), so no lead row need be
    // read to pick a page sorted by creation.
    // `plainSearch`: the search as LIKE on each lead's search text even where row-level
    // security applies (newestWindowIds: a few thousand rows, read anyway).
    QString where(const LeadFilter &filter, QVariantList &binds, bool *narrow = nullptr,
                  bool plainSearch = false) const;
    // The conditions of LeadFilter::won and ownerless ("" when not asked), binds appended.
    QString wonCondition(const LeadFilter &filter, QVariantList &binds) const;
    static QString ownerlessCondition(const LeadFilter &filter);
    // A server whose row-level security applies to the role signed in (a rep's or a manager's,
    // not the owner's): the search then takes its matches from mikomi_search_ids.
    bool rowSecurityApplies() const;
    // The leads the role signed in may see: every lead (no policy applies to it, or it is a
    // manager's), or only those of `owner` (a rep's: mikomi_user_id(), null when the role stands
    // for no user, who sees none).
    struct SeenLeads {
        bool everyone = true;
        std::optional<qint64> owner;
    };
    Result<SeenLeads> seenLeads() const;
    // A server, a search sorted by creation: the ids of the first `need` matches among the
    // newest kWindowRows leads the role may see (walked in that order, each tested by LIKE), or
    // nullopt when there are fewer (only then can an older lead belong on the page).
    Result<std::optional<QList<qint64>>> newestWindowIds(const LeadFilter &filter, bool ascending,
                                                         int need, const SeenLeads &seen) const;
    // Reads the scoring thresholds (temperature) once per query object; rows() and count() call
    // it first and return its error (never the default thresholds instead: the temperatures
    // would quietly change meaning).
    Status loadThresholds() const;
    // The thresholds loadThresholds() read.
    const scoring::Thresholds &thresholds() const;
    Result<QList<LeadRow>> rowsByName(const LeadFilter &filter, bool bySource, bool ascending,
                                      int offset, int limit) const;
    Database &m_db;
    QDate m_today;
    mutable std::optional<scoring::Thresholds> m_thresholds;
    mutable std::optional<bool> m_rowSecurity; // rowSecurityApplies(), once asked
    qint64 m_candidateLimit = kTemperatureCandidateLimit;
    int m_windowRows = kWindowRows;
    // Set once temperatureCandidates() has read them (the inner nullopt: too many).
    mutable std::optional<std::optional<TemperatureCandidates>> m_candidates;
};

} // namespace mikomi::storage
