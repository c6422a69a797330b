#include "models/storage/repositories.h"

#include "models/domain/dates.h"
#include "models/domain/sourcedictionary.h"
#include "models/domain/textcheck.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/rowmapper.h"
#include "models/storage/rowuuid.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace mikomi::storage {

namespace {
// The error of a lead that is not there (any more) when a repository reads or writes it.
Error leadGone() {
    return Error{QCoreApplication::translate(
        "mikomi::storage::Repositories", "The lead no longer exists; it may have been deleted.")};
}
} // namespace
namespace {

QString nowIso() {
    return dates::toIsoDateTime(QDateTime::currentDateTime());
}

Error changedMeanwhile() {
    return Error{QCoreApplication::translate(
                     "mikomi::storage::Repositories",
                     "Someone else changed this lead after you opened it; your change was not "
                     "saved."),
                 ErrorKind::Changed};
}

const QString kSelectLead = QStringLiteral(
    "SELECT l.id, l.company, l.company_reading, l.department, l.title, l.family_name, "
    "l.given_name, l.family_reading, l.given_reading, l.honorific, l.email, l.phone, l.mobile, "
    "l.postal_code, l.prefecture, l.city, l.street, l.building, l.country, l.website, "
    "coalesce(u.name, '') AS owner_name, coalesce(s.name, '') AS source_name, l.notes, l.stage, "
    "l.sql_kind, l.furthest_stage, l.lost, l.lost_reason, l.anonymous, l.opt_out, "
    "l.temperature_override, coalesce(sc.score, 0) AS score_value, l.deal_value, "
    "l.lifetime_value, l.created_at, l.updated_at, l.won_at, l.lost_at, l.consent_at, "
    "l.consent_basis, l.uuid, l.version FROM leads l LEFT JOIN users u ON u.id = l.owner_id LEFT "
    "JOIN sources s ON "
    "s.id = l.source_id LEFT JOIN lead_scores sc ON sc.lead_id = l.id ");

using V = QVariant;

std::optional<QDate> optDateFrom(const V &v) {
    return v.isNull() ? std::nullopt : dates::fromIsoDate(v.toString());
}

QDateTime dateTimeFrom(const V &v) {
    return dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
}

// A lead (without its extra contacts and custom fields) from a row of kSelectLead.
const RowMapper<Lead> kLeadRow{
    {"id", [](Lead &l, const V &v) { l.id = v.toLongLong(); }},
    {"company", [](Lead &l, const V &v) { l.company = v.toString(); }},
    {"company_reading", [](Lead &l, const V &v) { l.companyReading = v.toString(); }},
    {"department", [](Lead &l, const V &v) { l.department = v.toString(); }},
    {"title", [](Lead &l, const V &v) { l.title = v.toString(); }},
    {"family_name", [](Lead &l, const V &v) { l.familyName = v.toString(); }},
    {"given_name", [](Lead &l, const V &v) { l.givenName = v.toString(); }},
    {"family_reading", [](Lead &l, const V &v) { l.familyReading = v.toString(); }},
    {"given_reading", [](Lead &l, const V &v) { l.givenReading = v.toString(); }},
    {"honorific", [](Lead &l, const V &v) { l.honorific = v.toString(); }},
    {"email", [](Lead &l, const V &v) { l.email = v.toString(); }},
    {"phone", [](Lead &l, const V &v) { l.phone = v.toString(); }},
    {"mobile", [](Lead &l, const V &v) { l.mobile = v.toString(); }},
    {"postal_code", [](Lead &l, const V &v) { l.postalCode = v.toString(); }},
    {"prefecture", [](Lead &l, const V &v) { l.prefecture = v.toString(); }},
    {"city", [](Lead &l, const V &v) { l.city = v.toString(); }},
    {"street", [](Lead &l, const V &v) { l.street = v.toString(); }},
    {"building", [](Lead &l, const V &v) { l.building = v.toString(); }},
    {"country", [](Lead &l, const V &v) { l.country = v.toString(); }},
    {"website", [](Lead &l, const V &v) { l.website = v.toString(); }},
    {"owner_name", [](Lead &l, const V &v) { l.owner = v.toString(); }},
    {"source_name", [](Lead &l, const V &v) { l.source = v.toString(); }},
    {"notes", [](Lead &l, const V &v) { l.notes = v.toString(); }},
    {"stage",
     [](Lead &l, const V &v) { l.stage = stageFromKey(v.toString()).value_or(Stage::Inquiry); }},
    {"sql_kind",
     [](Lead &l, const V &v) { l.sqlKind = sqlKindFromKey(v.toString()).value_or(SqlKind::None); }},
    {"furthest_stage",
     [](Lead &l, const V &v) {
         l.furthestStage = stageFromKey(v.toString()).value_or(Stage::Inquiry);
     }},
    {"lost", [](Lead &l, const V &v) { l.lost = v.toInt() != 0; }},
    {"lost_reason", [](Lead &l, const V &v) { l.lostReason = v.toString(); }},
    {"anonymous", [](Lead &l, const V &v) { l.anonymous = v.toInt() != 0; }},
    {"opt_out", [](Lead &l, const V &v) { l.optOut = v.toInt() != 0; }},
    {"temperature_override",
     [](Lead &l, const V &v) {
         if (!v.isNull())
             l.temperatureOverride = temperatureFromKey(v.toString());
     }},
    {"score_value", [](Lead &l, const V &v) { l.score = v.toInt(); }},
    {"deal_value",
     [](Lead &l, const V &v) {
         if (!v.isNull())
             l.dealValue = v.toLongLong();
     }},
    {"lifetime_value",
     [](Lead &l, const V &v) {
         if (!v.isNull())
             l.lifetimeValue = v.toLongLong();
     }},
    {"created_at", [](Lead &l, const V &v) { l.createdAt = dateTimeFrom(v); }},
    {"updated_at", [](Lead &l, const V &v) { l.updatedAt = dateTimeFrom(v); }},
    {"won_at", [](Lead &l, const V &v) { l.wonAt = optDateFrom(v); }},
    {"lost_at", [](Lead &l, const V &v) { l.lostAt = optDateFrom(v); }},
    {"consent_at", [](Lead &l, const V &v) { l.consentAt = optDateFrom(v); }},
    {"consent_basis",
     [](Lead &l, const V &v) {
         l.consentBasis = consentBasisFromKey(v.toString()).value_or(ConsentBasis::None);
     }},
    {"uuid", [](Lead &l, const V &v) { l.uuid = v.toString(); }},
    {"version", [](Lead &l, const V &v) { l.version = v.toLongLong(); }},
};

const RowMapper<User> kUserRow{
    {"id", [](User &u, const V &v) { u.id = v.toLongLong(); }},
    {"name", [](User &u, const V &v) { u.name = v.toString(); }},
    {"active", [](User &u, const V &v) { u.active = v.toInt() != 0; }},
    {"email", [](User &u, const V &v) { u.email = v.toString(); }},
};

const RowMapper<Source> kSourceRow{
    {"id", [](Source &s, const V &v) { s.id = v.toLongLong(); }},
    {"name", [](Source &s, const V &v) { s.name = v.toString(); }},
    {"category",
     [](Source &s, const V &v) {
         s.category = categoryFromKey(v.toString()).value_or(SourceCategory::Unknown);
     }},
    {"tier",
     [](Source &s, const V &v) { s.tier = tierFromKey(v.toString()).value_or(Tier::Experiment); }},
    {"suggested", [](Source &s, const V &v) { s.suggested = v.toInt() != 0; }},
};

// What SourceRepository::list() selects besides kSourceRow's columns.
const RowMapper<Source> kSourceCountsRow{
    {"lead_count", [](Source &s, const V &v) { s.leadCount = v.toLongLong(); }},
    {"alias_list",
     [](Source &s, const V &v) {
         if (const QString aliases = v.toString(); !aliases.isEmpty())
             s.aliases = aliases.split(QChar(31));
     }},
};

// A stage change without its lead id (the caller knows it).
const RowMapper<StageChange> kStageChangeRow{
    {"id", [](StageChange &c, const V &v) { c.id = v.toLongLong(); }},
    {"from_stage",
     [](StageChange &c, const V &v) {
         if (!v.isNull())
             c.fromStage = stageFromKey(v.toString());
     }},
    {"to_stage",
     [](StageChange &c, const V &v) {
         c.toStage = stageFromKey(v.toString()).value_or(Stage::Inquiry);
     }},
    {"lost", [](StageChange &c, const V &v) { c.lost = v.toInt() != 0; }},
    {"recycled", [](StageChange &c, const V &v) { c.recycled = v.toInt() != 0; }},
    {"changed_at", [](StageChange &c, const V &v) { c.changedAt = dateTimeFrom(v); }},
    {"user_name", [](StageChange &c, const V &v) { c.user = v.toString(); }},
    {"note", [](StageChange &c, const V &v) { c.note = v.toString(); }},
    {"uuid", [](StageChange &c, const V &v) { c.uuid = v.toString(); }},
};

const RowMapper<StageState> kStageStateRow{
    {"stage", [](StageState &s,
                 const V &v) { s.stage = stageFromKey(v.toString()).value_or(Stage::Inquiry); }},
    {"sql_kind",
     [](StageState &s, const V &v) {
         s.sqlKind = sqlKindFromKey(v.toString()).value_or(SqlKind::None);
     }},
    {"furthest_stage",
     [](StageState &s, const V &v) {
         s.furthestStage = stageFromKey(v.toString()).value_or(Stage::Inquiry);
     }},
    {"lost", [](StageState &s, const V &v) { s.lost = v.toInt() != 0; }},
    {"lost_reason", [](StageState &s, const V &v) { s.lostReason = v.toString(); }},
    {"lost_at", [](StageState &s, const V &v) { s.lostAt = optDateFrom(v); }},
    {"won_at", [](StageState &s, const V &v) { s.wonAt = optDateFrom(v); }},
    {"last_history_id", [](StageState &s, const V &v) { s.lastHistoryId = v.toLongLong(); }},
    {"deal_value",
     [](StageState &s, const V &v) {
         if (!v.isNull())
             s.dealValue = v.toLongLong();
     }},
};

// A touchpoint without its lead id.
const RowMapper<Touchpoint> kTouchpointRow{
    {"id", [](Touchpoint &t, const V &v) { t.id = v.toLongLong(); }},
    {"occurred_at", [](Touchpoint &t, const V &v) { t.occurredAt = dateTimeFrom(v); }},
    {"source_name", [](Touchpoint &t, const V &v) { t.source = v.toString(); }},
    {"medium", [](Touchpoint &t, const V &v) { t.medium = v.toString(); }},
    {"campaign", [](Touchpoint &t, const V &v) { t.campaign = v.toString(); }},
    {"content", [](Touchpoint &t, const V &v) { t.content = v.toString(); }},
    {"url", [](Touchpoint &t, const V &v) { t.url = v.toString(); }},
    {"uuid", [](Touchpoint &t, const V &v) { t.uuid = v.toString(); }},
};

// An activity without its lead id.
const RowMapper<Activity> kActivityRow{
    {"id", [](Activity &a, const V &v) { a.id = v.toLongLong(); }},
    {"kind",
     [](Activity &a, const V &v) {
         a.kind = activityKindFromKey(v.toString()).value_or(ActivityKind::Note);
     }},
    {"occurred_at", [](Activity &a, const V &v) { a.occurredAt = dateTimeFrom(v); }},
    {"user_name", [](Activity &a, const V &v) { a.user = v.toString(); }},
    {"notes", [](Activity &a, const V &v) { a.notes = v.toString(); }},
    {"uuid", [](Activity &a, const V &v) { a.uuid = v.toString(); }},
};

const RowMapper<SpendRow> kSpendRow{
    {"name", [](SpendRow &r, const V &v) { r.source = v.toString(); }},
    {"month", [](SpendRow &r, const V &v) { r.month = v.toString(); }},
    {"amount", [](SpendRow &r, const V &v) { r.amount = v.toLongLong(); }},
};

template <typename F> Status inTransaction(Database &db, F &&body) {
    Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    if (Status s = body(); !s)
        return s;
    return tx.commit();
}

} // namespace

// ---------------------------------------------------------------- settings

Result<std::optional<QString>> SettingsRepository::value(const QString &key) const {
    auto q = exec(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!q)
        return q.failure();
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Status SettingsRepository::setValue(const QString &key, const QString &value) {
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {key, value});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Settings);
    return {};
}

// ---------------------------------------------------------------- users

void UserRepository::checkCache() const {
    if (m_generation != m_db.rollbackGeneration()) {
        m_cache.clear();
        m_generation = m_db.rollbackGeneration();
    }
}

Result<qint64> UserRepository::resolve(const QString &name) {
    const QString display = text::nfkcSimplified(name);
    const QString key = text::foldKey(name);
    if (key.isEmpty())
        return qint64(0);
    checkCache();
    if (auto it = m_cache.constFind(key); it != m_cache.cend())
        return *it;
    auto q = exec(m_db, QStringLiteral("SELECT id FROM users WHERE name_key = ?"), {key});
    if (!q)
        return q.failure();
    qint64 id = 0;
    if (q->next()) {
        id = q->value(0).toLongLong();
    } else {
        auto ins = exec(m_db,
                        QStringLiteral("INSERT INTO users(name, name_key, active, created_at) "
                                       "VALUES (?, ?, 1, ?)"),
                        {display, key, nowIso()});
        if (!ins)
            return ins.failure();
        id = ins->lastInsertId().toLongLong();
        m_db.changes().note(DataKind::Users);
    }
    m_cache.insert(key, id);
    return id;
}

Result<QList<User>> UserRepository::list() const {
    auto q = exec(m_db, QStringLiteral("SELECT id, name, active, email FROM users ORDER BY name"));
    if (!q)
        return q.failure();
    QList<User> out;
    const auto row = kUserRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Status UserRepository::setEmail(qint64 id, const QString &email) {
    return setEmails({{id, email}});
}

Status UserRepository::setEmails(const QList<std::pair<qint64, QString>> &emails) {
    return inTransaction(m_db, [&]() -> Status {
        // Cleared first, so that two users can swap addresses.
        for (const auto &[id, email] : emails) {
            auto q = exec(
                m_db, QStringLiteral("UPDATE users SET email = '', email_key = '' WHERE id = ?"),
                {id});
            if (!q)
                return q.failure();
            if (q->numRowsAffected() == 0)
                return Error{QCoreApplication::translate(
                    "mikomi::storage::Repositories",
                    "The user no longer exists; it may have been deleted.")};
        }
        for (const auto &[id, email] : emails) {
            const QString written = tidyEmail(email);
            const QString key = text::normalizeEmail(written);
            if (key.isEmpty())
                continue;
            if (!text::isValidEmail(key))
                return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                         "\"%1\" is not a valid email address.")
                                 .arg(written)};
            auto other =
                exec(m_db, QStringLiteral("SELECT name FROM users WHERE email_key = ?"), {key});
            if (!other)
                return other.failure();
            if (other->next())
                return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                         "%1 already has the email address \"%2\".")
                                 .arg(other->value(0).toString(), written)};
            auto q =
                exec(m_db, QStringLiteral("UPDATE users SET email = ?, email_key = ? WHERE id = ?"),
                     {written, key, id});
            if (!q)
                return q.failure();
        }
        m_db.changes().note(DataKind::Users);
        return {};
    });
}

Result<QString> UserRepository::nameForEmail(const QString &email) const {
    const QString key = text::normalizeEmail(email);
    if (key.isEmpty())
        return QString();
    auto q = exec(m_db, QStringLiteral("SELECT name FROM users WHERE email_key = ?"), {key});
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toString() : QString();
}

Status UserRepository::setActive(const QString &name, bool active) {
    auto q = exec(m_db, QStringLiteral("UPDATE users SET active = ? WHERE name_key = ?"),
                  {active ? 1 : 0, text::foldKey(name)});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Users);
    return {};
}

// ---------------------------------------------------------------- sources

void SourceRepository::checkCache() const {
    if (m_generation != m_db.rollbackGeneration()) {
        m_cache.clear();
        m_generation = m_db.rollbackGeneration();
    }
}

Result<qint64> SourceRepository::resolve(const QString &name, bool create, SourceCategory category,
                                         Tier tier) {
    const QString key = text::sourceKey(name);
    if (key.isEmpty())
        return qint64(0);
    checkCache();
    if (auto it = m_cache.constFind(key); it != m_cache.cend())
        return *it;
    auto q = exec(m_db,
                  QStringLiteral("SELECT id FROM sources WHERE name_key = ? UNION ALL "
                                 "SELECT source_id FROM source_aliases WHERE alias_key = ?"),
                  {key, key});
    if (!q)
        return q.failure();
    qint64 id = 0;
    if (q->next()) {
        id = q->value(0).toLongLong();
    } else if (!create) {
        return qint64(0);
    } else {
        // A caller that knows the category gives it; otherwise a well-known name takes the
        // dictionary's category and spelling, marked suggested until someone confirms.
        QString stored = text::nfkcSimplified(name);
        bool suggested = false;
        if (category == SourceCategory::Unknown && !sources::isUnknownSourceName(name)) {
            if (const auto c = sources::suggestCategory(name)) {
                category = *c;
                suggested = true;
            }
            if (const auto spelling = sources::wellKnownSpelling(name))
                stored = *spelling;
        }
        auto ins =
            exec(m_db,
                 QStringLiteral("INSERT INTO sources(name, name_key, category, tier, "
                                "suggested, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                 {stored, key, categoryKey(category), tierKey(tier), suggested ? 1 : 0, nowIso()});
        if (!ins)
            return ins.failure();
        id = ins->lastInsertId().toLongLong();
        m_db.changes().note(DataKind::Sources);
    }
    m_cache.insert(key, id);
    return id;
}

Result<std::optional<QString>> SourceRepository::canonicalName(const QString &name) const {
    const QString key = text::sourceKey(name);
    auto q = exec(m_db,
                  QStringLiteral("SELECT name FROM sources WHERE name_key = ? UNION ALL "
                                 "SELECT s.name FROM source_aliases a JOIN sources s ON s.id = "
                                 "a.source_id WHERE a.alias_key = ?"),
                  {key, key});
    if (!q)
        return q.failure();
    if (!q->next()) {
        if (q->lastError().isValid())
            return sqlError(q->lastError());
        return std::optional<QString>();
    }
    return std::optional<QString>(q->value(0).toString());
}

Result<Source> SourceRepository::get(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT id, name, category, tier, suggested FROM sources WHERE "
                                 "id = ?"),
                  {id});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                 "The source no longer exists.")};
    return kSourceRow.bind(*q).read();
}

Result<QList<Source>> SourceRepository::list(LeadCounts counts) const {
    const QString joined =
        m_db.dialect().joinedText(QStringLiteral("alias"), QStringLiteral("alias"));
    auto q = exec(m_db,
                  counts == LeadCounts::Counted
                      ? QStringLiteral("SELECT s.id, s.name, s.category, s.tier, "
                                       "(SELECT count(*) FROM leads l WHERE l.source_id = s.id) AS "
                                       "lead_count, (SELECT %1 FROM (SELECT alias "
                                       "FROM source_aliases a WHERE a.source_id = s.id ORDER BY "
                                       "alias) sub) AS alias_list, s.suggested FROM sources s "
                                       "ORDER BY s.name")
                            .arg(joined)
                      : QStringLiteral("SELECT s.id, s.name, s.category, s.tier, 0 AS lead_count, "
                                       "(SELECT %1 FROM (SELECT alias "
                                       "FROM source_aliases a WHERE a.source_id = s.id ORDER BY "
                                       "alias) sub) AS alias_list, s.suggested FROM sources s "
                                       "ORDER BY s.name")
                            .arg(joined));
    if (!q)
        return q.failure();
    QList<Source> out;
    const auto row = kSourceRow.bind(*q);
    const auto counted = kSourceCountsRow.bind(*q);
    while (q->next()) {
        Source s = row.read();
        counted.readInto(s);
        out.append(s);
    }
    return out;
}

Status SourceRepository::setCategory(qint64 id, SourceCategory category) {
    // Set by a person: no longer a suggestion.
    auto q =
        exec(m_db, QStringLiteral("UPDATE sources SET category = ?, suggested = 0 WHERE id = ?"),
             {categoryKey(category), id});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Sources);
    return {};
}

Status SourceRepository::confirm(qint64 id) {
    auto q = exec(m_db, QStringLiteral("UPDATE sources SET suggested = 0 WHERE id = ?"), {id});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Sources);
    return {};
}

Status SourceRepository::setTier(qint64 id, Tier tier) {
    auto q = exec(m_db, QStringLiteral("UPDATE sources SET tier = ?, suggested = 0 WHERE id = ?"),
                  {tierKey(tier), id});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Sources);
    return {};
}

Status SourceRepository::addAlias(const QString &alias, qint64 sourceId) {
    const QString key = text::sourceKey(alias);
    if (key.isEmpty())
        return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                 "An alias cannot be empty.")};
    auto existing = exec(m_db, QStringLiteral("SELECT 1 FROM sources WHERE name_key = ?"), {key});
    if (existing && existing->next())
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Repositories",
                         "\"%1\" is already the name of a source; merge the two sources instead.")
                         .arg(alias)};
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO source_aliases(alias, alias_key, source_id) VALUES "
                                 "(?, ?, ?) ON CONFLICT(alias_key) DO UPDATE SET source_id = "
                                 "excluded.source_id"),
                  {text::nfkcSimplified(alias), key, sourceId});
    if (!q)
        return q.failure();
    m_cache.remove(key);
    m_db.changes().note(DataKind::Sources);
    return {};
}

// ---------------------------------------------------------------- leads

LeadRepository::LeadRepository(Database &db)
    : m_db(db)
    , m_sources(db)
    , m_users(db) {}

Status LeadRepository::writeLead(const Lead &lead, bool insert, qint64 *newId) {
    if (const auto [field, reason] = leadTextProblem(lead); !field.isEmpty())
        return Error{reason};
    if (const QString problem = contactTextProblem(lead); !problem.isEmpty())
        return Error{problem};
    auto owner = m_users.resolve(lead.owner);
    if (!owner)
        return owner.failure();
    auto source = m_sources.resolve(lead.source);
    if (!source)
        return source.failure();
    auto leadValues = leadBinds(m_db, lead, *owner, *source);
    if (!leadValues)
        return leadValues.failure();
    QVariantList binds = *leadValues;
    const QStringList &cols = leadColumns();
    QString sql;
    if (insert) {
        QStringList marks;
        for (qsizetype i = 0; i < cols.size(); ++i)
            marks << QStringLiteral("?");
        sql = QStringLiteral("INSERT INTO leads(%1, stage, sql_kind, furthest_stage, lost) VALUES "
                             "(%2, ?, ?, ?, ?)")
                  .arg(cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        const Stage furthest = std::max(lead.stage, lead.furthestStage);
        binds << stageKey(lead.stage) << sqlKindKey(lead.sqlKind) << stageKey(furthest)
              << (lead.lost ? 1 : 0);
    } else {
        // A lead keeps its creation time and its identity; every write makes a new version.
        QStringList sets;
        QVariantList kept;
        for (qsizetype i = 0; i < cols.size(); ++i) {
            if (cols.at(i) != QLatin1String("created_at") && cols.at(i) != QLatin1String("uuid")) {
                sets << cols.at(i) + QStringLiteral(" = ?");
                kept << binds.at(i);
            }
        }
        binds = std::move(kept);
        sets << QStringLiteral("version = version + 1");
        sql =
            QStringLiteral("UPDATE leads SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", ")));
        binds << lead.id;
        // Read at version N: saved only over version N (no lost updates, docs/team.md).
        if (lead.version > 0) {
            sql += QStringLiteral(" AND version = ?");
            binds << lead.version;
        }
    }
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.failure();
    if (!insert && q->numRowsAffected() == 0) {
        if (lead.version > 0) {
            auto still =
                exec(m_db, QStringLiteral("SELECT version FROM leads WHERE id = ?"), {lead.id});
            if (still && still->next())
                return changedMeanwhile();
        }
        return leadGone();
    }
    const qint64 id = insert ? q->lastInsertId().toLongLong() : lead.id;
    if (auto sc = exec(m_db, scoreWriteSql(), {id, lead.score}); !sc)
        return sc.failure();
    if (newId)
        *newId = id;
    // The further emails and numbers go with the lead (all of them: a save is the whole lead).
    if (Status c = writeContacts(m_db, id, lead.extraContacts); !c)
        return c;
    if (Status c = writeCustomFields(m_db, id, lead.customFields); !c)
        return c;
    m_db.changes().noteLead(id);
    return {};
}

Result<qint64> LeadRepository::insert(Lead &lead, const QString &user) {
    StageChange first;
    first.toStage = Stage::Inquiry;
    first.changedAt = lead.createdAt.isValid() ? lead.createdAt : QDateTime::currentDateTime();
    first.user = user;
    QList<StageChange> history{first};
    // A lead entered at a later stage gets one entry for reaching it.
    if (lead.stage != Stage::Inquiry) {
        StageChange now = first;
        now.fromStage = Stage::Inquiry;
        now.toStage = lead.stage;
        history.append(now);
    }
    return insert(lead, history);
}

Result<qint64> LeadRepository::insert(Lead &lead, const QList<StageChange> &history) {
    if (lead.id != 0)
        return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                 "This lead is already stored.")};
    qint64 id = 0;
    Status s = inTransaction(m_db, [&]() -> Status {
        if (Status w = writeLead(lead, true, &id); !w)
            return w;
        for (StageChange c : history) {
            c.leadId = id;
            if (Status h = addStageChange(c); !h)
                return h;
        }
        return {};
    });
    if (!s)
        return s.failure();
    lead.id = id;
    if (auto q = exec(m_db, QStringLiteral("SELECT uuid, version FROM leads WHERE id = ?"), {id});
        q && q->next()) {
        lead.uuid = q->value(0).toString();
        lead.version = q->value(1).toLongLong();
    }
    return id;
}

Status LeadRepository::update(const Lead &lead) {
    return inTransaction(m_db, [&] { return writeLead(lead, false, nullptr); });
}

struct LeadRepository::Statements {
    QSqlQuery get;
    std::optional<RowMapper<Lead>::Bound> getRow; // bound on its first run
    int generation = 0;                           // Database::connectionGeneration() when prepared
};

LeadRepository::~LeadRepository() = default;

Status LeadRepository::forEach(const QList<qint64> &ids,
                               const std::function<bool(Lead &&)> &visit) const {
    if (ids.isEmpty()) {
        auto contacts = readContacts(m_db, QList<qint64>());
        if (!contacts)
            return contacts.failure();
        auto custom = readCustomFields(m_db, QList<qint64>());
        if (!custom)
            return custom.failure();
        auto q = exec(m_db, kSelectLead + QStringLiteral("ORDER BY l.id"));
        if (!q)
            return q.failure();
        const auto row = kLeadRow.bind(*q);
        while (q->next()) {
            Lead l = row.read();
            l.extraContacts = contacts->take(l.id);
            l.customFields = custom->take(l.id);
            if (!visit(std::move(l)))
                break;
        }
        if (q->lastError().isValid())
            return Error{sqlErrorMessage(q->lastError())};
        return {};
    }

    // Given ids: read in chunks (one query each), hand out in the order given.
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const QList<qint64> part = ids.mid(from, chunk);
        QStringList marks;
        QVariantList binds;
        for (qint64 id : part) {
            marks << QStringLiteral("?");
            binds << id;
        }
        auto q = exec(
            m_db, kSelectLead + QStringLiteral("WHERE l.id IN (%1)").arg(marks.join(u',')), binds);
        if (!q)
            return q.failure();
        auto contacts = readContacts(m_db, part);
        if (!contacts)
            return contacts.failure();
        auto custom = readCustomFields(m_db, part);
        if (!custom)
            return custom.failure();
        QHash<qint64, Lead> found;
        found.reserve(part.size());
        const auto row = kLeadRow.bind(*q);
        while (q->next()) {
            Lead l = row.read();
            l.extraContacts = contacts->take(l.id);
            l.customFields = custom->take(l.id);
            found.insert(l.id, std::move(l));
        }
        if (q->lastError().isValid())
            return Error{sqlErrorMessage(q->lastError())};
        for (qint64 id : part) {
            const auto it = found.constFind(id);
            if (it == found.cend())
                return leadGone();
            if (!visit(Lead(*it)))
                return {};
        }
    }
    return {};
}

Result<Lead> LeadRepository::get(qint64 id) const {
    for (int attempt = 0;; ++attempt) {
        // Prepared on a connection the team server has since dropped: gone with it (and its
        // stale query is inert, see Database::reconnect), prepared again on the new one.
        if (m_statements && m_statements->generation != m_db.connectionGeneration())
            m_statements.reset();
        if (!m_statements) {
            auto st = std::make_unique<Statements>(
                Statements{QSqlQuery(connection(m_db)), {}, m_db.connectionGeneration()});
            st->get.setForwardOnly(true);
            if (!st->get.prepare(kSelectLead + QStringLiteral("WHERE l.id = ?"))) {
                const QSqlError e = st->get.lastError();
                if (attempt == 0 && recoverConnection(m_db))
                    continue;
                return Error{sqlErrorMessage(e)};
            }
            m_statements = std::move(st);
        }
        if (Status s = execPrepared(m_statements->get, {id}); !s) {
            if (attempt == 0 && recoverConnection(m_db))
                continue;
            return s.failure();
        }
        break;
    }
    QSqlQuery &q = m_statements->get;
    if (!q.next()) {
        q.finish();
        return leadGone();
    }
    if (!m_statements->getRow)
        m_statements->getRow = kLeadRow.bind(q);
    Lead lead = m_statements->getRow->read();
    q.finish(); // no statement left open between calls
    auto contacts = readContacts(m_db, id);
    if (!contacts)
        return contacts.failure();
    lead.extraContacts = std::move(*contacts);
    auto custom = readCustomFields(m_db, id);
    if (!custom)
        return custom.failure();
    lead.customFields = std::move(*custom);
    return lead;
}

Status LeadRepository::remove(qint64 id) {
    return inTransaction(m_db, [&]() -> Status {
        auto q = exec(m_db, QStringLiteral("DELETE FROM leads WHERE id = ?"), {id});
        if (!q)
            return q.failure();
        if (q->numRowsAffected() == 0)
            return leadGone();
        m_db.changes().noteLead(id, DataKind::Tasks); // its tasks went with it
        return {};
    });
}

Result<qint64> LeadRepository::lockVersion(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT version FROM leads WHERE id = ?") +
                      m_db.dialect().lockForUpdate(),
                  {id});
    if (!q)
        return q.failure();
    if (!q->next())
        return leadGone();
    return q->value(0).toLongLong();
}

Result<qint64> LeadRepository::count() const {
    auto q = exec(m_db, QStringLiteral("SELECT count(*) FROM leads"));
    if (!q)
        return q.failure();
    q->next();
    return q->value(0).toLongLong();
}

Status LeadRepository::addStageChange(StageChange &c) {
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO stage_history(lead_id, from_stage, to_stage, lost, "
                                 "recycled, changed_at, user_name, note, uuid) VALUES "
                                 "(?,?,?,?,?,?,?,?,?)"),
                  {c.leadId, c.fromStage ? QVariant(stageKey(*c.fromStage)) : QVariant(),
                   stageKey(c.toStage), c.lost ? 1 : 0, c.recycled ? 1 : 0,
                   dates::toIsoDateTime(c.changedAt), c.user, c.note, rowUuidOr(c.uuid)});
    if (!q)
        return q.failure();
    c.id = q->lastInsertId().toLongLong();
    m_db.changes().noteLead(c.leadId);
    return {};
}

Status LeadRepository::changeStage(qint64 id, Stage stage, SqlKind sqlKind, const QString &user,
                                   const QDateTime &at, const QString &note,
                                   qint64 expectedVersion) {
    return inTransaction(m_db, [&]() -> Status {
        auto cur = get(id);
        if (!cur)
            return cur.failure();
        if (expectedVersion > 0 && cur->version != expectedVersion)
            return changedMeanwhile();
        if (cur->stage == stage && cur->sqlKind == sqlKind && !cur->lost)
            return {};
        StageChange c;
        c.leadId = id;
        c.fromStage = cur->stage;
        c.toStage = stage;
        c.changedAt = at;
        c.user = user;
        c.note = note;
        if (Status s = addStageChange(c); !s)
            return s;
        const Stage furthest = std::max(cur->furthestStage, stage);
        const QVariant won = stage == Stage::Customer
                                 ? QVariant(dates::toIsoDate(cur->wonAt.value_or(at.date())))
                                 : QVariant();
        auto q = exec(m_db,
                      QStringLiteral("UPDATE leads SET stage = ?, sql_kind = ?, furthest_stage = "
                                     "?, lost = 0, lost_at = NULL, won_at = ?, updated_at = ?, "
                                     "updated_by = ?, version = version + 1 WHERE id = ? AND "
                                     "version = ?"),
                      {stageKey(stage), stage == Stage::Sql ? sqlKindKey(sqlKind) : QString(),
                       stageKey(furthest), won, nowIso(), user, id, cur->version});
        if (!q)
            return q.failure();
        // Another connection wrote the row between the read and this write (a server).
        if (q->numRowsAffected() == 0)
            return changedMeanwhile();
        return Status();
    });
}

Status LeadRepository::setCreatedAt(qint64 id, const QDateTime &createdAt) {
    return inTransaction(m_db, [&]() -> Status {
        auto cur = exec(m_db, QStringLiteral("SELECT created_at FROM leads WHERE id = ?"), {id});
        if (!cur)
            return cur.failure();
        if (!cur->next())
            return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                     "The lead no longer exists.")};
        const QString before = cur->value(0).toString();
        const QString after = dates::toIsoDateTime(createdAt);
        if (auto h = exec(m_db,
                          QStringLiteral("UPDATE stage_history SET changed_at = ? WHERE lead_id = "
                                         "? AND from_stage IS NULL AND changed_at = ?"),
                          {after, id, before});
            !h)
            return h.failure();
        auto q = exec(
            m_db,
            QStringLiteral("UPDATE leads SET created_at = ?, version = version + 1 WHERE id = ?"),
            {after, id});
        if (!q)
            return q.failure();
        m_db.changes().noteLead(id);
        return {};
    });
}

Status LeadRepository::markLost(qint64 id, const QString &reason, const QString &user,
                                const QDateTime &at) {
    return inTransaction(m_db, [&]() -> Status {
        auto cur = get(id);
        if (!cur)
            return cur.failure();
        StageChange c;
        c.leadId = id;
        c.fromStage = cur->stage;
        c.toStage = cur->stage;
        c.lost = true;
        c.changedAt = at;
        c.user = user;
        c.note = reason;
        if (Status s = addStageChange(c); !s)
            return s;
        auto q = exec(
            m_db,
            QStringLiteral("UPDATE leads SET lost = 1, lost_reason = ?, lost_at = ?, "
                           "updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?"),
            {reason, dates::toIsoDate(at.date()), nowIso(), user, id});
        return q ? Status() : Status(q.failure());
    });
}

Status LeadRepository::recycle(qint64 id, const QString &user, const QDateTime &at) {
    return inTransaction(m_db, [&]() -> Status {
        auto cur = get(id);
        if (!cur)
            return cur.failure();
        StageChange c;
        c.leadId = id;
        c.fromStage = cur->stage;
        c.toStage = Stage::Mql;
        c.recycled = true;
        c.changedAt = at;
        c.user = user;
        if (Status s = addStageChange(c); !s)
            return s;
        auto q = exec(
            m_db,
            QStringLiteral("UPDATE leads SET stage = 'mql', sql_kind = '', lost = 0, "
                           "lost_at = NULL, updated_at = ?, updated_by = ?, version = version + 1 "
                           "WHERE id = ?"),
            {nowIso(), user, id});
        return q ? Status() : Status(q.failure());
    });
}

Status LeadRepository::markWon(qint64 id, std::optional<Money> dealValue, const QDate &wonAt,
                               const QString &user, const QDateTime &at) {
    if (!wonAt.isValid())
        return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                 "Enter the date the deal was won.")};
    if (dealValue && *dealValue < 0)
        return Error{QCoreApplication::translate("mikomi::storage::Repositories",
                                                 "A deal value cannot be negative.")};
    return inTransaction(m_db, [&]() -> Status {
        if (Status s = changeStage(id, Stage::Customer, SqlKind::None, user, at); !s)
            return s;
        auto q = exec(
            m_db,
            QStringLiteral("UPDATE leads SET deal_value = ?, won_at = ?, updated_at = ?, version = "
                           "version + 1 WHERE id = ?"),
            {dealValue ? QVariant(*dealValue) : QVariant(), dates::toIsoDate(wonAt), nowIso(), id});
        if (!q)
            return q.failure();
        m_db.changes().noteLead(id);
        return {};
    });
}

Result<QList<StageChange>> LeadRepository::history(qint64 id) const {
    auto q =
        exec(m_db,
             QStringLiteral("SELECT id, from_stage, to_stage, lost, recycled, changed_at, "
                            "user_name, note, uuid FROM stage_history WHERE lead_id = ? ORDER BY "
                            "changed_at, id"),
             {id});
    if (!q)
        return q.failure();
    QList<StageChange> out;
    const auto row = kStageChangeRow.bind(*q);
    while (q->next()) {
        StageChange c = row.read();
        c.leadId = id;
        out.append(c);
    }
    return out;
}

Result<StageState> LeadRepository::stageState(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT stage, sql_kind, furthest_stage, lost, lost_reason, "
                                 "lost_at, won_at, (SELECT coalesce(max(id), 0) FROM "
                                 "stage_history WHERE lead_id = leads.id) AS last_history_id, "
                                 "deal_value FROM leads WHERE id = ?"),
                  {id});
    if (!q)
        return q.failure();
    if (!q->next())
        return leadGone();
    return kStageStateRow.bind(*q).read();
}

Status LeadRepository::restoreStageState(qint64 id, const StageState &st) {
    return inTransaction(m_db, [&]() -> Status {
        auto del =
            exec(m_db, QStringLiteral("DELETE FROM stage_history WHERE lead_id = ? AND id > ?"),
                 {id, st.lastHistoryId});
        if (!del)
            return del.failure();
        auto q = exec(
            m_db,
            QStringLiteral("UPDATE leads SET stage = ?, sql_kind = ?, furthest_stage = "
                           "?, lost = ?, lost_reason = ?, lost_at = ?, won_at = ?, "
                           "deal_value = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
            {stageKey(st.stage), sqlKindKey(st.sqlKind), stageKey(st.furthestStage),
             st.lost ? 1 : 0, st.lostReason, optDate(st.lostAt), optDate(st.wonAt),
             st.dealValue ? QVariant(*st.dealValue) : QVariant(), nowIso(), id});
        if (!q)
            return q.failure();
        if (q->numRowsAffected() == 0)
            return leadGone();
        m_db.changes().noteLead(id);
        return {};
    });
}

Result<qint64> LeadRepository::addTouchpoint(Touchpoint &tp) {
    auto source = m_sources.resolve(tp.source);
    if (!source)
        return source.failure();
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO touchpoints(lead_id, occurred_at, source_id, medium, "
                                 "campaign, content, url, uuid) VALUES (?,?,?,?,?,?,?,?)"),
                  {tp.leadId, dates::toIsoDateTime(tp.occurredAt),
                   *source > 0 ? QVariant(*source) : QVariant(), tp.medium, tp.campaign, tp.content,
                   tp.url, rowUuidOr(tp.uuid)});
    if (!q)
        return q.failure();
    tp.id = q->lastInsertId().toLongLong();
    m_db.changes().noteLead(tp.leadId);
    return tp.id;
}

Result<QList<Touchpoint>> LeadRepository::touchpoints(qint64 id) const {
    auto q = exec(
        m_db,
        QStringLiteral("SELECT t.id, t.occurred_at, coalesce(s.name, '') AS source_name, t.medium, "
                       "t.campaign, t.content, t.url, t.uuid FROM touchpoints t LEFT JOIN "
                       "sources s ON s.id = t.source_id WHERE t.lead_id = ? ORDER BY "
                       "t.occurred_at, t.id"),
        {id});
    if (!q)
        return q.failure();
    QList<Touchpoint> out;
    const auto row = kTouchpointRow.bind(*q);
    while (q->next()) {
        Touchpoint t = row.read();
        t.leadId = id;
        out.append(t);
    }
    return out;
}

Result<qint64> LeadRepository::addActivity(Activity &a) {
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at, user_name, "
                                 "notes, uuid) VALUES (?,?,?,?,?,?)"),
                  {a.leadId, activityKindKey(a.kind), dates::toIsoDateTime(a.occurredAt), a.user,
                   a.notes, rowUuidOr(a.uuid)});
    if (!q)
        return q.failure();
    a.id = q->lastInsertId().toLongLong();
    m_db.changes().noteLead(a.leadId);
    return a.id;
}

Status LeadRepository::removeActivity(qint64 activityId) {
    auto q = exec(m_db, QStringLiteral("DELETE FROM activities WHERE id = ?"), {activityId});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Leads); // the lead is not known here
    return {};
}

Result<QList<Activity>> LeadRepository::activities(qint64 id) const {
    auto q =
        exec(m_db,
             QStringLiteral("SELECT id, kind, occurred_at, user_name, notes, uuid FROM activities "
                            "WHERE lead_id = ? ORDER BY occurred_at, id"),
             {id});
    if (!q)
        return q.failure();
    QList<Activity> out;
    const auto row = kActivityRow.bind(*q);
    while (q->next()) {
        Activity a = row.read();
        a.leadId = id;
        out.append(a);
    }
    return out;
}

Status LeadRepository::setSpend(const SpendRow &row) {
    auto source = m_sources.resolve(row.source);
    if (!source)
        return source.failure();
    if (*source == 0)
        return Error{
            QCoreApplication::translate("mikomi::storage::Repositories", "Spend needs a source.")};
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO spend(source_id, month, amount) VALUES (?,?,?) ON "
                                 "CONFLICT(source_id, month) DO UPDATE SET amount = "
                                 "excluded.amount"),
                  {*source, row.month, row.amount});
    if (!q)
        return q.failure();
    m_db.changes().note(DataKind::Spend);
    return {};
}

Result<QList<SpendRow>> LeadRepository::spend() const {
    auto q = exec(m_db, QStringLiteral("SELECT s.name, p.month, p.amount FROM spend p JOIN "
                                       "sources s ON s.id = p.source_id ORDER BY p.month, s.name"));
    if (!q)
        return q.failure();
    QList<SpendRow> out;
    const auto row = kSpendRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Result<qint64> LeadRepository::addCampaign(Campaign &c) {
    auto source = m_sources.resolve(c.source);
    if (!source)
        return source.failure();
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO campaigns(name, source_id, start_date, end_date, "
                                 "budget, actual_cost, notes) VALUES (?,?,?,?,?,?,?)"),
                  {c.name, *source > 0 ? QVariant(*source) : QVariant(), optDate(c.start),
                   optDate(c.end), c.budget, c.actualCost, c.notes});
    if (!q)
        return q.failure();
    c.id = q->lastInsertId().toLongLong();
    m_db.changes().note(DataKind::Campaigns);
    return c.id;
}

} // namespace mikomi::storage
