#include "models/storage/pipelinequery.h"

#include "models/domain/dates.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"

#include <QCoreApplication>

#include <algorithm>

namespace mikomi::storage {
namespace {

// `index`: "" or " INDEXED BY <name>".
QString cardSelect(const QString &index = QString()) {
    return QStringLiteral(
               "SELECT l.id, l.company, l.family_name, l.given_name, l.title, coalesce(u.name, "
               "'') AS owner, coalesce(s.name, '') AS source, l.stage, l.sql_kind, l.lost, "
               "l.lost_reason, %2 AS score, l.deal_value, l.temperature_override, l.created_at, "
               "l.last_activity_at FROM leads "
               "l%1 LEFT JOIN users u ON "
               "u.id = l.owner_id LEFT JOIN sources s ON s.id = l.source_id ")
        .arg(index, scoreSql());
}

// With the "ready" filter, the newest cards come either from walking the stage newest first
// (leads_pipeline) until `limit` match, or from reading every match (leads_ready) and sorting.
// The walk reads about limit × stage / matches rows, the other `matches` rows: up to this many
// matches the index of matches is used, so either way stays around a few thousand rows.
constexpr qint64 kReadyIndexMaxMatches = 5000;

using C = PipelineCard;
using V = QVariant;

// A (lost, stage) group of totals().
struct TotalsRow {
    bool lost = false;
    Stage stage = Stage::Inquiry;
    qint64 count = 0;
    Money value = 0;
};

const RowMapper<TotalsRow> kTotalsRow{
    {"lost", [](TotalsRow &t, const V &v) { t.lost = v.toInt() != 0; }},
    {"stage", [](TotalsRow &t,
                 const V &v) { t.stage = stageFromKey(v.toString()).value_or(Stage::Inquiry); }},
    {"lead_count", [](TotalsRow &t, const V &v) { t.count = v.toLongLong(); }},
    {"value_sum", [](TotalsRow &t, const V &v) { t.value = v.toLongLong(); }},
};

// A card from a row of cardSelect().
const RowMapper<PipelineCard> kCardRow{
    {"id", [](C &c, const V &v) { c.id = v.toLongLong(); }},
    {"company", [](C &c, const V &v) { c.company = v.toString(); }},
    {"family_name", [](C &c, const V &v) { c.familyName = v.toString(); }},
    {"given_name", [](C &c, const V &v) { c.givenName = v.toString(); }},
    {"title", [](C &c, const V &v) { c.title = v.toString(); }},
    {"owner", [](C &c, const V &v) { c.owner = v.toString(); }},
    {"source", [](C &c, const V &v) { c.source = v.toString(); }},
    {"stage",
     [](C &c, const V &v) { c.stage = stageFromKey(v.toString()).value_or(Stage::Inquiry); }},
    {"sql_kind",
     [](C &c, const V &v) { c.sqlKind = sqlKindFromKey(v.toString()).value_or(SqlKind::None); }},
    {"lost", [](C &c, const V &v) { c.lost = v.toInt() != 0; }},
    {"lost_reason", [](C &c, const V &v) { c.lostReason = v.toString(); }},
    {"score", [](C &c, const V &v) { c.score = v.toInt(); }},
    {"deal_value",
     [](C &c, const V &v) {
         if (!v.isNull())
             c.dealValue = v.toLongLong();
     }},
    {"temperature_override",
     [](C &c, const V &v) {
         if (!v.isNull())
             c.temperatureOverride = temperatureFromKey(v.toString());
     }},
    {"created_at",
     [](C &c, const V &v) {
         c.createdAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
    {"last_activity_at",
     [](C &c, const V &v) {
         if (!v.isNull())
             c.lastActivity = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
};

// " AND l.owner_id = ? AND l.source_id = ? …" as the filter needs, binds appended.
QString filterSql(const PipelineFilter &f, QVariantList &binds) {
    QString s;
    switch (f.ready) {
    case scoring::Readiness::None:
        break;
    case scoring::Readiness::Mql:
        s += QStringLiteral(" AND l.lost = 0 AND l.stage = ? AND %1 >= ?").arg(scoreSql());
        binds << stageKey(Stage::Inquiry) << f.mqlScore;
        break;
    case scoring::Readiness::Sql:
        s += QStringLiteral(" AND l.lost = 0 AND l.stage IN (?, ?) AND %1 >= ?").arg(scoreSql());
        binds << stageKey(Stage::Inquiry) << stageKey(Stage::Mql) << f.sqlScore;
        break;
    }
    if (f.ownerId > 0) {
        s += QStringLiteral(" AND l.owner_id = ?");
        binds.append(f.ownerId);
    }
    if (f.sourceId > 0) {
        s += QStringLiteral(" AND l.source_id = ?");
        binds.append(f.sourceId);
    }
    return s;
}

} // namespace

std::optional<Stage> columnStage(PipelineColumn c) {
    if (c == PipelineColumn::Lost)
        return std::nullopt;
    return static_cast<Stage>(int(c));
}

Result<std::array<ColumnTotals, PipelineColumnCount>>
PipelineQuery::totals(const PipelineFilter &f) const {
    QVariantList binds;
    const QString where = filterSql(f, binds);
    auto q = exec(m_db,
                  QStringLiteral("SELECT l.lost, l.stage, count(*) AS lead_count, "
                                 "coalesce(sum(l.deal_value), 0) AS value_sum FROM leads l WHERE "
                                 "1 = 1%1 GROUP BY l.lost, l.stage")
                      .arg(where),
                  binds);
    if (!q)
        return q.failure();
    std::array<ColumnTotals, PipelineColumnCount> out{};
    const auto row = kTotalsRow.bind(*q);
    while (q->next()) {
        const TotalsRow r = row.read();
        ColumnTotals &t = out[r.lost ? int(PipelineColumn::Lost) : int(r.stage)];
        t.count += r.count;
        t.value += r.value;
    }
    return out;
}

Result<QList<PipelineCard>> PipelineQuery::cards(PipelineColumn column, const PipelineFilter &f,
                                                 int limit) const {
    if (column == PipelineColumn::Lost) {
        // Lost leads span every stage: the newest `limit` of each stage, each read over the
        // (lost, stage, created_at) index, merged here. One query over all lost leads would sort
        // every lost lead (1.4 s on 1,000,000 leads instead of ~50 ms).
        QList<PipelineCard> all;
        for (int s = 0; s < StageCount; ++s) {
            auto part = stageCards(true, Stage(s), f, limit);
            if (!part)
                return part;
            all += *part;
        }
        std::sort(all.begin(), all.end(), [](const PipelineCard &a, const PipelineCard &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        });
        if (all.size() > limit)
            all.resize(limit);
        return all;
    }
    return stageCards(false, *columnStage(column), f, limit);
}

Result<QList<PipelineCard>> PipelineQuery::stageCards(bool lost, Stage stage,
                                                      const PipelineFilter &f, int limit) const {
    QVariantList binds{lost ? 1 : 0, stageKey(stage)};
    QString where = QStringLiteral("WHERE l.lost = ? AND l.stage = ?");
    where += filterSql(f, binds);
    QString index;
    if (f.ready != scoring::Readiness::None) {
        if (lost)
            return QList<PipelineCard>(); // ready leads are open leads
        auto n = exec(m_db, QStringLiteral("SELECT count(*) FROM leads l ") + where, binds);
        if (!n)
            return n.failure();
        const qint64 matches = n->next() ? n->value(0).toLongLong() : 0;
        if (matches == 0)
            return QList<PipelineCard>();
        index = m_db.dialect().indexedBy(matches <= kReadyIndexMaxMatches
                                             ? QStringLiteral("leads_ready")
                                             : QStringLiteral("leads_pipeline"));
    }
    binds.append(limit);
    auto q = exec(m_db,
                  cardSelect(index) + where +
                      QStringLiteral(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?"),
                  binds);
    if (!q)
        return q.failure();
    QList<PipelineCard> out;
    const auto row = kCardRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Result<PipelineCard> PipelineQuery::card(qint64 leadId) const {
    auto q = exec(m_db, cardSelect() + QStringLiteral("WHERE l.id = ?"), {leadId});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::PipelineQuery",
                                                 "The lead no longer exists.")};
    return kCardRow.bind(*q).read();
}

} // namespace mikomi::storage
