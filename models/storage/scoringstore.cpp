#include "models/storage/scoringstore.h"

#include "models/domain/dates.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/scorepass.h"
#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

struct ThresholdKey {
    const char *key;
    int scoring::Thresholds::*member;
};
const ThresholdKey kThresholds[] = {
    {"scoring/mql_score", &scoring::Thresholds::mqlScore},
    {"scoring/sql_score", &scoring::Thresholds::sqlScore},
    {"scoring/hot_score", &scoring::Thresholds::hotScore},
    {"scoring/hot_days", &scoring::Thresholds::hotDays},
    {"scoring/warm_score", &scoring::Thresholds::warmScore},
    {"scoring/warm_days", &scoring::Thresholds::warmDays},
};

const QString kLeadFields = QStringLiteral(
    "SELECT l.id, l.title, l.department, l.company, l.prefecture, l.city, l.country, l.email, "
    "coalesce(s.name, '') AS source_name, coalesce(sc.score, 0) AS score_value FROM leads l "
    "LEFT JOIN sources s ON s.id = l.source_id LEFT JOIN lead_scores sc ON sc.lead_id = l.id ");

using V = QVariant;

// The fields of a lead the attribute rules look at, from a row of kLeadFields.
const RowMapper<Lead> kLeadFieldsRow{
    {"id", [](Lead &l, const V &v) { l.id = v.toLongLong(); }},
    {"title", [](Lead &l, const V &v) { l.title = v.toString(); }},
    {"department", [](Lead &l, const V &v) { l.department = v.toString(); }},
    {"company", [](Lead &l, const V &v) { l.company = v.toString(); }},
    {"prefecture", [](Lead &l, const V &v) { l.prefecture = v.toString(); }},
    {"city", [](Lead &l, const V &v) { l.city = v.toString(); }},
    {"country", [](Lead &l, const V &v) { l.country = v.toString(); }},
    {"email", [](Lead &l, const V &v) { l.email = v.toString(); }},
    {"source_name", [](Lead &l, const V &v) { l.source = v.toString(); }},
    {"score_value", [](Lead &l, const V &v) { l.score = v.toInt(); }},
};

// One row of scoring_rules: an attribute rule or a behaviour rule, by its kind.
struct RuleRow {
    QString kind;
    scoring::AttributeRule attribute;
    std::optional<ActivityKind> activity;
    int points = 0;
    int halfLifeDays = 0;
};

const RowMapper<RuleRow> kRuleRow{
    {"kind", [](RuleRow &r, const V &v) { r.kind = v.toString(); }},
    {"field", [](RuleRow &r, const V &v) { r.attribute.field = v.toString(); }},
    {"op",
     [](RuleRow &r, const V &v) {
         r.attribute.op =
             scoring::opFromKey(v.toString()).value_or(scoring::AttributeRule::Op::Contains);
     }},
    {"value", [](RuleRow &r, const V &v) { r.attribute.value = v.toString(); }},
    {"activity", [](RuleRow &r, const V &v) { r.activity = activityKindFromKey(v.toString()); }},
    {"points", [](RuleRow &r, const V &v) { r.points = v.toInt(); }},
    {"half_life_days", [](RuleRow &r, const V &v) { r.halfLifeDays = v.toInt(); }},
};

const RowMapper<scoring::Event> kEventRow{
    {"kind",
     [](scoring::Event &e, const V &v) {
         e.kind = activityKindFromKey(v.toString()).value_or(ActivityKind::Note);
     }},
    {"occurred_at",
     [](scoring::Event &e, const V &v) {
         e.at = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
};

} // namespace

Result<scoring::Rules> ScoringStore::load() const {
    scoring::Rules r;
    auto q = exec(m_db, QStringLiteral("SELECT kind, field, op, value, activity, points, "
                                       "half_life_days FROM scoring_rules ORDER BY position, id"));
    if (!q)
        return q.failure();
    const auto row = kRuleRow.bind(*q);
    while (q->next()) {
        RuleRow rule = row.read();
        if (rule.kind == QLatin1String("attribute")) {
            rule.attribute.points = rule.points;
            r.attributes.append(rule.attribute);
        } else if (rule.activity) {
            r.behaviours.append({*rule.activity, rule.points, rule.halfLifeDays});
        }
    }
    SettingsRepository settings(m_db);
    for (const ThresholdKey &k : kThresholds) {
        auto v = settings.value(QString::fromLatin1(k.key));
        if (!v)
            return v.failure();
        if (*v) {
            bool ok = false;
            const int n = (*v)->toInt(&ok);
            if (ok)
                r.thresholds.*k.member = n;
        }
    }
    return r;
}

Status ScoringStore::save(const scoring::Rules &rules) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    if (auto q = exec(m_db, QStringLiteral("DELETE FROM scoring_rules")); !q)
        return q.failure();
    int pos = 0;
    for (const auto &a : rules.attributes) {
        auto q = exec(m_db,
                      QStringLiteral("INSERT INTO scoring_rules(position, kind, field, op, value, "
                                     "points) VALUES (?, 'attribute', ?, ?, ?, ?)"),
                      {pos++, a.field, scoring::opKey(a.op), a.value, a.points});
        if (!q)
            return q.failure();
    }
    for (const auto &b : rules.behaviours) {
        auto q = exec(m_db,
                      QStringLiteral("INSERT INTO scoring_rules(position, kind, activity, points, "
                                     "half_life_days) VALUES (?, 'behaviour', ?, ?, ?)"),
                      {pos++, activityKindKey(b.kind), b.points, std::max(0, b.halfLifeDays)});
        if (!q)
            return q.failure();
    }
    SettingsRepository settings(m_db);
    for (const ThresholdKey &k : kThresholds) {
        if (Status s = settings.setValue(QString::fromLatin1(k.key),
                                         QString::number(rules.thresholds.*k.member));
            !s)
            return s;
    }
    m_db.changes().note(DataKind::Rules);
    return tx.commit();
}

Result<qint64> ScoringStore::recomputeAll(const QDateTime &now,
                                          const std::function<void(qint64)> &progress) {
    auto rules = load();
    if (!rules)
        return rules.failure();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto pass = recomputeScores(m_db, *rules, now, [&](qint64 done, qint64) {
        if (progress)
            progress(done);
        return true;
    });
    if (!pass)
        return pass.failure();
    if (pass->changed > 0)
        m_db.changes().note(DataKind::Leads); // scores of any number of leads
    if (Status s = tx.commit(); !s)
        return s.failure();
    return pass->changed;
}

Result<ScoringStore::Applied> ScoringStore::apply(const scoring::Rules &rules, const QDateTime &now,
                                                  const ScoreProgress &progress) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    if (Status s = save(rules); !s)
        return s.failure();
    auto saved = load(); // as recomputeAll() would read them back
    if (!saved)
        return saved.failure();
    auto pass = recomputeScores(m_db, *saved, now, progress);
    if (!pass)
        return pass.failure();
    if (pass->stopped)
        return Applied{0, true}; // tx rolls back: neither the rules nor any score changed
    m_db.changes().note(pass->changed > 0 ? DataKinds(DataKind::Rules) | DataKind::Leads
                                          : DataKinds(DataKind::Rules));
    if (Status s = tx.commit(); !s)
        return s.failure();
    return Applied{pass->changed, false};
}

Result<int> ScoringStore::recompute(qint64 leadId, const QDateTime &now) {
    auto rules = load();
    if (!rules)
        return rules.failure();
    auto q = exec(m_db, kLeadFields + QStringLiteral("WHERE l.id = ?"), {leadId});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::ScoringStore",
                                                 "The lead no longer exists.")};
    const Lead l = kLeadFieldsRow.bind(*q).read();
    auto a =
        exec(m_db, QStringLiteral("SELECT kind, occurred_at FROM activities WHERE lead_id = ?"),
             {leadId});
    if (!a)
        return a.failure();
    QList<scoring::Event> events;
    const auto event = kEventRow.bind(*a);
    while (a->next())
        events.append(event.read());
    const int s = scoring::score(*rules, l, events, now);
    if (s != l.score) {
        auto u = exec(m_db, scoreWriteSql(), {leadId, s});
        if (!u)
            return u.failure();
        m_db.changes().noteLead(leadId);
    }
    return s;
}

Result<Temperature> ScoringStore::derivedTemperature(qint64 leadId, const QDateTime &now) const {
    auto rules = load();
    if (!rules)
        return rules.failure();
    auto q = exec(m_db,
                  QStringLiteral("SELECT coalesce(sc.score, 0) AS score_value, "
                                 "coalesce(l.last_activity_at, l.created_at) AS last_at FROM "
                                 "leads l LEFT JOIN lead_scores sc ON sc.lead_id = l.id WHERE "
                                 "l.id = ?"),
                  {leadId});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::ScoringStore",
                                                 "The lead no longer exists.")};
    const int score = columnValue(*q, "score_value").toInt();
    const QDateTime last =
        dates::fromIsoDateTime(columnValue(*q, "last_at").toString()).value_or(QDateTime());
    // Whole calendar days, as the pipeline counts them.
    const std::optional<int> days =
        last.isValid() ? std::optional<int>(int(last.date().daysTo(now.date()))) : std::nullopt;
    return scoring::temperature(rules->thresholds, score, days);
}

Result<QList<std::optional<Temperature>>>
ScoringStore::setTemperatureOverride(const QList<qint64> &leadIds,
                                     std::optional<Temperature> temperature) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    QSqlQuery sel(connection(m_db));
    QSqlQuery upd(connection(m_db));
    if (!sel.prepare(QStringLiteral("SELECT temperature_override FROM leads WHERE id = ?")))
        return Error{sqlErrorMessage(sel.lastError())};
    if (!upd.prepare(QStringLiteral(
            "UPDATE leads SET temperature_override = ?, updated_at = ?, version = version + 1 "
            "WHERE id = ?")))
        return Error{sqlErrorMessage(upd.lastError())};
    const QString now = dates::toIsoDateTime(QDateTime::currentDateTime());
    const QVariant value = temperature ? QVariant(temperatureKey(*temperature)) : QVariant();
    QList<std::optional<Temperature>> before;
    for (qint64 id : leadIds) {
        if (Status st = execPrepared(sel, {id}); !st)
            return st.failure();
        if (!sel.next())
            return Error{QCoreApplication::translate("mikomi::storage::ScoringStore",
                                                     "The lead no longer exists.")};
        before.append(sel.value(0).isNull() ? std::nullopt
                                            : temperatureFromKey(sel.value(0).toString()));
        sel.finish();
        if (Status st = execPrepared(upd, {value, now, id}); !st)
            return st.failure();
    }
    m_db.changes().noteLeads(leadIds);
    if (Status st = tx.commit(); !st)
        return st.failure();
    return before;
}

Status
ScoringStore::restoreTemperatureOverrides(const QList<qint64> &leadIds,
                                          const QList<std::optional<Temperature>> &overrides) {
    if (leadIds.size() != overrides.size())
        return Error{QCoreApplication::translate("mikomi::storage::ScoringStore",
                                                 "The temperatures could not be restored.")};
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    QSqlQuery upd(connection(m_db));
    if (!upd.prepare(QStringLiteral(
            "UPDATE leads SET temperature_override = ?, version = version + 1 WHERE id = ?")))
        return Error{sqlErrorMessage(upd.lastError())};
    for (qsizetype i = 0; i < leadIds.size(); ++i) {
        const auto &t = overrides.at(i);
        if (Status st =
                execPrepared(upd, {t ? QVariant(temperatureKey(*t)) : QVariant(), leadIds.at(i)});
            !st)
            return st;
    }
    m_db.changes().noteLeads(leadIds);
    return tx.commit();
}

} // namespace mikomi::storage
