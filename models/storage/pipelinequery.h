#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/domain/scoring.h"
#include "models/storage/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace mikomi::storage {

// A kanban column: one of the five stages, or the lost leads.
enum class PipelineColumn { Inquiry = 0, Mql, Sql, Opportunity, Customer, Lost };
inline constexpr int PipelineColumnCount = 6;
std::optional<Stage> columnStage(PipelineColumn c);

struct PipelineFilter {
    qint64 ownerId = 0;  // 0 = everyone
    qint64 sourceId = 0; // 0 = every source
    // "Ready for MQL": open leads still at Inquiry whose score reached mqlScore. "Ready for SQL":
    // open leads still at Inquiry or MQL whose score reached sqlScore. (A lead ready for SQL at
    // Inquiry is ready for MQL as well.) A suggestion only: nothing moves by itself.
    scoring::Readiness ready = scoring::Readiness::None;
    int mqlScore = scoring::Thresholds{}.mqlScore;
    int sqlScore = scoring::Thresholds{}.sqlScore;
    bool operator==(const PipelineFilter &) const = default;
};

struct ColumnTotals {
    qint64 count = 0;
    Money value = 0; // sum of deal values
};

struct PipelineCard {
    qint64 id = 0;
    QString company;
    QString familyName;
    QString givenName;
    QString title;
    QString owner;
    QString source;
    Stage stage = Stage::Inquiry;
    SqlKind sqlKind = SqlKind::None;
    bool lost = false;
    QString lostReason;
    int score = 0;
    std::optional<Money> dealValue;
    std::optional<Temperature> temperatureOverride;
    QDateTime createdAt;
    QDateTime lastActivity; // invalid when none
    qint64 version = 0;     // the lead's version when read (a move checks it: no lost updates)
};

// The pipeline's reads, built for 1,000,000 leads: totals are aggregate queries over the
// leads_pipeline index, cards are the newest `limit` of a column.
class PipelineQuery final {
public:
    explicit PipelineQuery(Database &db)
        : m_db(db) {}
    Result<std::array<ColumnTotals, PipelineColumnCount>> totals(const PipelineFilter &f) const;
    Result<QList<PipelineCard>> cards(PipelineColumn column, const PipelineFilter &f,
                                      int limit) const;
    Result<PipelineCard> card(qint64 leadId) const;

private:
    Result<QList<PipelineCard>> stageCards(bool lost, Stage stage, const PipelineFilter &f,
                                           int limit) const;
    Database &m_db;
};

} // namespace mikomi::storage
