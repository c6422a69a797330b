#include "models/storage/repositories.h"

#include "models/domain/dates.h"
#include "models/domain/sourcedictionary.h"
#include "models/domain/textcheck.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace mikomi::storage {
namespace {

QString nowIso() {
    return dates::toIsoDateTime(QDateTime::currentDateTime());
}

const QString kSelectLead = QStringLiteral(
    "SELECT l.id, l.company, l.company_reading, l.department, l.title, l.family_name, "
    "l.given_name, l.family_reading, l.given_reading, l.honorific, l.email, l.phone, l.mobile, "
    "l.postal_code, l.prefecture, l.city, l.street, l.building, l.country, l.website, "
    "coalesce(u.name, ''), coalesce(s.name, ''), l.notes, l.stage, l.sql_kind, l.furthest_stage, "
    "l.lost, l.lost_reason, l.anonymous, l.opt_out, l.temperature_override, "
    "coalesce(sc.score, 0), l.deal_value, l.lifetime_value, l.created_at, l.updated_at, l.won_at, "
    "l.lost_at, l.consent_at, l.consent_basis FROM leads l LEFT JOIN users u ON u.id = l.owner_id "
    "LEFT JOIN sources s ON s.id = l.source_id LEFT JOIN lead_scores sc ON sc.lead_id = l.id ");

Lead leadFromQuery(const QSqlQuery &q) {
    Lead l;
    int i = 0;
    l.id = q.value(i++).toLongLong();
    l.company = q.value(i++).toString();
    l.companyReading = q.value(i++).toString();
    l.department = q.value(i++).toString();
    l.title = q.value(i++).toString();
    l.familyName = q.value(i++).toString();
    l.givenName = q.value(i++).toString();
    l.familyReading = q.value(i++).toString();
    l.givenReading = q.value(i++).toString();
    l.honorific = q.value(i++).toString();
    l.email = q.value(i++).toString();
    l.phone = q.value(i++).toString();
    l.mobile = q.value(i++).toString();
    l.postalCode = q.value(i++).toString();
    l.prefecture = q.value(i++).toString();
    l.city = q.value(i++).toString();
    l.street = q.value(i++).toString();
    l.building = q.value(i++).toString();
    l.country = q.value(i++).toString();
    l.website = q.value(i++).toString();
    l.owner = q.value(i++).toString();
    l.source = q.value(i++).toString();
    l.notes = q.value(i++).toString();
    l.stage = stageFromKey(q.value(i++).toString()).value_or(Stage::Inquiry);
    l.sqlKind = sqlKindFromKey(q.value(i++).toString()).value_or(SqlKind::None);
    l.furthestStage = stageFromKey(q.value(i++).toString()).value_or(Stage::Inquiry);
    l.lost = q.value(i++).toInt() != 0;
    l.lostReason = q.value(i++).toString();
    l.anonymous = q.value(i++).toInt() != 0;
    l.optOut = q.value(i++).toInt() != 0;
    const QVariant temp = q.value(i++);
    if (!temp.isNull())
        l.temperatureOverride = temperatureFromKey(temp.toString());
    l.score = q.value(i++).toInt();
    const QVariant deal = q.value(i++);
    if (!deal.isNull())
        l.dealValue = deal.toLongLong();
    const QVariant ltv = q.value(i++);
    if (!ltv.isNull())
        l.lifetimeValue = ltv.toLongLong();
    l.createdAt = dates::fromIsoDateTime(q.value(i++).toString()).value_or(QDateTime());
    l.updatedAt = dates::fromIsoDateTime(q.value(i++).toString()).value_or(QDateTime());
    const QVariant won = q.value(i++);
    if (!won.isNull())
        l.wonAt = dates::fromIsoDate(won.toString());
    const QVariant lostAt = q.value(i++);
    if (!lostAt.isNull())
        l.lostAt = dates::fromIsoDate(lostAt.toString());
    const QVariant consentAt = q.value(i++);
    if (!consentAt.isNull())
        l.consentAt = dates::fromIsoDate(consentAt.toString());
    l.consentBasis = consentBasisFromKey(q.value(i++).toString()).value_or(ConsentBasis::None);
    return l;
}

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

std::optional<QString> SettingsRepository::value(const QString &key) const {
    auto q = exec(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!q || !q->next())
        return std::nullopt;
    return q->value(0).toString();
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
    while (q->next())
        out.append(User{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toInt() != 0,
                        q->value(3).toString()});
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
                    "Mikomi", "The user no longer exists; it may have been deleted.")};
        }
        for (const auto &[id, email] : emails) {
            const QString written = tidyEmail(email);
            const QString key = text::normalizeEmail(written);
            if (key.isEmpty())
                continue;
            if (!text::isValidEmail(key))
                return Error{
                    QCoreApplication::translate("Mikomi", "\"%1\" is not a valid email address.")
                        .arg(written)};
            auto other =
                exec(m_db, QStringLiteral("SELECT name FROM users WHERE email_key = ?"), {key});
            if (!other)
                return other.failure();
            if (other->next())
                return Error{QCoreApplication::translate("Mikomi",
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

std::optional<QString> SourceRepository::canonicalName(const QString &name) const {
    const QString key = text::sourceKey(name);
    auto q = exec(m_db,
                  QStringLiteral("SELECT name FROM sources WHERE name_key = ? UNION ALL "
                                 "SELECT s.name FROM source_aliases a JOIN sources s ON s.id = "
                                 "a.source_id WHERE a.alias_key = ?"),
                  {key, key});
    if (!q || !q->next())
        return std::nullopt;
    return q->value(0).toString();
}

Result<Source> SourceRepository::get(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT id, name, category, tier, suggested FROM sources WHERE "
                                 "id = ?"),
                  {id});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("Mikomi", "The source no longer exists.")};
    Source s;
    s.id = q->value(0).toLongLong();
    s.name = q->value(1).toString();
    s.category = categoryFromKey(q->value(2).toString()).value_or(SourceCategory::Unknown);
    s.tier = tierFromKey(q->value(3).toString()).value_or(Tier::Experiment);
    s.suggested = q->value(4).toInt() != 0;
    return s;
}

Result<QList<Source>> SourceRepository::list(LeadCounts counts) const {
    const QString joined =
        m_db.dialect().joinedText(QStringLiteral("alias"), QStringLiteral("alias"));
    auto q =
        exec(m_db, counts == LeadCounts::Counted
                       ? QStringLiteral("SELECT s.id, s.name, s.category, s.tier, "
                                        "(SELECT count(*) FROM leads l WHERE l.source_id = s.id), "
                                        "(SELECT %1 FROM (SELECT alias "
                                        "FROM source_aliases a WHERE a.source_id = s.id ORDER BY "
                                        "alias) sub), s.suggested FROM sources s ORDER BY s.name")
                             .arg(joined)
                       : QStringLiteral("SELECT s.id, s.name, s.category, s.tier, 0, "
                                        "(SELECT %1 FROM (SELECT alias "
                                        "FROM source_aliases a WHERE a.source_id = s.id ORDER BY "
                                        "alias) sub), s.suggested FROM sources s ORDER BY s.name")
                             .arg(joined));
    if (!q)
        return q.failure();
    QList<Source> out;
    while (q->next()) {
        Source s;
        s.id = q->value(0).toLongLong();
        s.name = q->value(1).toString();
        s.category = categoryFromKey(q->value(2).toString()).value_or(SourceCategory::Unknown);
        s.tier = tierFromKey(q->value(3).toString()).value_or(Tier::Experiment);
        s.leadCount = q->value(4).toLongLong();
        const QString aliases = q->value(5).toString();
        if (!aliases.isEmpty())
            s.aliases = aliases.split(QChar(31));
        s.suggested = q->value(6).toInt() != 0;
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
        return Error{QCoreApplication::translate("Mikomi", "An alias cannot be empty.")};
    auto existing = exec(m_db, QStringLiteral("SELECT 1 FROM sources WHERE name_key = ?"), {key});
    if (existing && existing->next())
        return Error{
            QCoreApplication::translate(
                "Mikomi", "\"%1\" is already the name of a source; merge the two sources instead.")
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
        QStringList sets;
        for (const QString &c : cols) {
            if (c != QLatin1String("created_at"))
                sets << c + QStringLiteral(" = ?");
        }
        binds.removeAt(cols.indexOf(QStringLiteral("created_at")));
        sql =
            QStringLiteral("UPDATE leads SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", ")));
        binds << lead.id;
    }
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.failure();
    if (!insert && q->numRowsAffected() == 0)
        return Error{QCoreApplication::translate(
            "Mikomi", "The lead no longer exists; it may have been deleted.")};
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
        return Error{QCoreApplication::translate("Mikomi", "This lead is already stored.")};
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
    return id;
}

Status LeadRepository::update(const Lead &lead) {
    return inTransaction(m_db, [&] { return writeLead(lead, false, nullptr); });
}

struct LeadRepository::Statements {
    QSqlQuery get;
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
        while (q->next()) {
            Lead l = leadFromQuery(*q);
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
        while (q->next()) {
            Lead l = leadFromQuery(*q);
            l.extraContacts = contacts->take(l.id);
            l.customFields = custom->take(l.id);
            found.insert(l.id, std::move(l));
        }
        if (q->lastError().isValid())
            return Error{sqlErrorMessage(q->lastError())};
        for (qint64 id : part) {
            const auto it = found.constFind(id);
            if (it == found.cend())
                return Error{QCoreApplication::translate(
                    "Mikomi", "The lead no longer exists; it may have been deleted.")};
            if (!visit(Lead(*it)))
                return {};
        }
    }
    return {};
}

Result<Lead> LeadRepository::get(qint64 id) const {
    if (!m_statements) {
        auto st = std::make_unique<Statements>(Statements{QSqlQuery(connection(m_db))});
        st->get.setForwardOnly(true);
        if (!st->get.prepare(kSelectLead + QStringLiteral("WHERE l.id = ?")))
            return Error{sqlErrorMessage(st->get.lastError())};
        m_statements = std::move(st);
    }
    QSqlQuery &q = m_statements->get;
    if (Status s = execPrepared(q, {id}); !s)
        return s.failure();
    if (!q.next()) {
        q.finish();
        return Error{QCoreApplication::translate(
            "Mikomi", "The lead no longer exists; it may have been deleted.")};
    }
    Lead lead = leadFromQuery(q);
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
            return Error{QCoreApplication::translate(
                "Mikomi", "The lead no longer exists; it may have been deleted.")};
        m_db.changes().noteLead(id, DataKind::Tasks); // its tasks went with it
        return {};
    });
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
                                 "recycled, changed_at, user_name, note) VALUES (?,?,?,?,?,?,?,?)"),
                  {c.leadId, c.fromStage ? QVariant(stageKey(*c.fromStage)) : QVariant(),
                   stageKey(c.toStage), c.lost ? 1 : 0, c.recycled ? 1 : 0,
                   dates::toIsoDateTime(c.changedAt), c.user, c.note});
    if (!q)
        return q.failure();
    c.id = q->lastInsertId().toLongLong();
    m_db.changes().noteLead(c.leadId);
    return {};
}

Status LeadRepository::changeStage(qint64 id, Stage stage, SqlKind sqlKind, const QString &user,
                                   const QDateTime &at, const QString &note) {
    return inTransaction(m_db, [&]() -> Status {
        auto cur = get(id);
        if (!cur)
            return cur.failure();
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
                                     "?, lost = 0, lost_at = NULL, won_at = ?, updated_at = ? "
                                     "WHERE id = ?"),
                      {stageKey(stage), stage == Stage::Sql ? sqlKindKey(sqlKind) : QString(),
                       stageKey(furthest), won, nowIso(), id});
        return q ? Status() : Status(q.failure());
    });
}

Status LeadRepository::setCreatedAt(qint64 id, const QDateTime &createdAt) {
    return inTransaction(m_db, [&]() -> Status {
        auto cur = exec(m_db, QStringLiteral("SELECT created_at FROM leads WHERE id = ?"), {id});
        if (!cur)
            return cur.failure();
        if (!cur->next())
            return Error{QCoreApplication::translate("Mikomi", "The lead no longer exists.")};
        const QString before = cur->value(0).toString();
        const QString after = dates::toIsoDateTime(createdAt);
        if (auto h = exec(m_db,
                          QStringLiteral("UPDATE stage_history SET changed_at = ? WHERE lead_id = "
                                         "? AND from_stage IS NULL AND changed_at = ?"),
                          {after, id, before});
            !h)
            return h.failure();
        auto q =
            exec(m_db, QStringLiteral("UPDATE leads SET created_at = ? WHERE id = ?"), {after, id});
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
        auto q = exec(m_db,
                      QStringLiteral("UPDATE leads SET lost = 1, lost_reason = ?, lost_at = ?, "
                                     "updated_at = ? WHERE id = ?"),
                      {reason, dates::toIsoDate(at.date()), nowIso(), id});
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
        auto q = exec(m_db,
                      QStringLiteral("UPDATE leads SET stage = 'mql', sql_kind = '', lost = 0, "
                                     "lost_at = NULL, updated_at = ? WHERE id = ?"),
                      {nowIso(), id});
        return q ? Status() : Status(q.failure());
    });
}

Status LeadRepository::markWon(qint64 id, std::optional<Money> dealValue, const QDate &wonAt,
                               const QString &user, const QDateTime &at) {
    if (!wonAt.isValid())
        return Error{QCoreApplication::translate("Mikomi", "Enter the date the deal was won.")};
    if (dealValue && *dealValue < 0)
        return Error{QCoreApplication::translate("Mikomi", "A deal value cannot be negative.")};
    return inTransaction(m_db, [&]() -> Status {
        if (Status s = changeStage(id, Stage::Customer, SqlKind::None, user, at); !s)
            return s;
        auto q = exec(
            m_db,
            QStringLiteral("UPDATE leads SET deal_value = ?, won_at = ?, updated_at = ? "
                           "WHERE id = ?"),
            {dealValue ? QVariant(*dealValue) : QVariant(), dates::toIsoDate(wonAt), nowIso(), id});
        if (!q)
            return q.failure();
        m_db.changes().noteLead(id);
        return {};
    });
}

Result<QList<StageChange>> LeadRepository::history(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT id, from_stage, to_stage, lost, recycled, changed_at, "
                                 "user_name, note FROM stage_history WHERE lead_id = ? ORDER BY "
                                 "changed_at, id"),
                  {id});
    if (!q)
        return q.failure();
    QList<StageChange> out;
    while (q->next()) {
        StageChange c;
        c.id = q->value(0).toLongLong();
        c.leadId = id;
        if (!q->value(1).isNull())
            c.fromStage = stageFromKey(q->value(1).toString());
        c.toStage = stageFromKey(q->value(2).toString()).value_or(Stage::Inquiry);
        c.lost = q->value(3).toInt() != 0;
        c.recycled = q->value(4).toInt() != 0;
        c.changedAt = dates::fromIsoDateTime(q->value(5).toString()).value_or(QDateTime());
        c.user = q->value(6).toString();
        c.note = q->value(7).toString();
        out.append(c);
    }
    return out;
}

Result<StageState> LeadRepository::stageState(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT stage, sql_kind, furthest_stage, lost, lost_reason, "
                                 "lost_at, won_at, (SELECT coalesce(max(id), 0) FROM "
                                 "stage_history WHERE lead_id = leads.id), deal_value FROM leads "
                                 "WHERE id = ?"),
                  {id});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate(
            "Mikomi", "The lead no longer exists; it may have been deleted.")};
    StageState s;
    s.stage = stageFromKey(q->value(0).toString()).value_or(Stage::Inquiry);
    s.sqlKind = sqlKindFromKey(q->value(1).toString()).value_or(SqlKind::None);
    s.furthestStage = stageFromKey(q->value(2).toString()).value_or(Stage::Inquiry);
    s.lost = q->value(3).toInt() != 0;
    s.lostReason = q->value(4).toString();
    if (!q->value(5).isNull())
        s.lostAt = dates::fromIsoDate(q->value(5).toString());
    if (!q->value(6).isNull())
        s.wonAt = dates::fromIsoDate(q->value(6).toString());
    s.lastHistoryId = q->value(7).toLongLong();
    if (!q->value(8).isNull())
        s.dealValue = q->value(8).toLongLong();
    return s;
}

Status LeadRepository::restoreStageState(qint64 id, const StageState &st) {
    return inTransaction(m_db, [&]() -> Status {
        auto del =
            exec(m_db, QStringLiteral("DELETE FROM stage_history WHERE lead_id = ? AND id > ?"),
                 {id, st.lastHistoryId});
        if (!del)
            return del.failure();
        auto q = exec(m_db,
                      QStringLiteral("UPDATE leads SET stage = ?, sql_kind = ?, furthest_stage = "
                                     "?, lost = ?, lost_reason = ?, lost_at = ?, won_at = ?, "
                                     "deal_value = ?, updated_at = ? WHERE id = ?"),
                      {stageKey(st.stage), sqlKindKey(st.sqlKind), stageKey(st.furthestStage),
                       st.lost ? 1 : 0, st.lostReason, optDate(st.lostAt), optDate(st.wonAt),
                       st.dealValue ? QVariant(*st.dealValue) : QVariant(), nowIso(), id});
        if (!q)
            return q.failure();
        if (q->numRowsAffected() == 0)
            return Error{QCoreApplication::translate(
                "Mikomi", "The lead no longer exists; it may have been deleted.")};
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
                                 "campaign, content, url) VALUES (?,?,?,?,?,?,?)"),
                  {tp.leadId, dates::toIsoDateTime(tp.occurredAt),
                   *source > 0 ? QVariant(*source) : QVariant(), tp.medium, tp.campaign, tp.content,
                   tp.url});
    if (!q)
        return q.failure();
    tp.id = q->lastInsertId().toLongLong();
    m_db.changes().noteLead(tp.leadId);
    return tp.id;
}

Result<QList<Touchpoint>> LeadRepository::touchpoints(qint64 id) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT t.id, t.occurred_at, coalesce(s.name, ''), t.medium, "
                                 "t.campaign, t.content, t.url FROM touchpoints t LEFT JOIN "
                                 "sources s ON s.id = t.source_id WHERE t.lead_id = ? ORDER BY "
                                 "t.occurred_at, t.id"),
                  {id});
    if (!q)
        return q.failure();
    QList<Touchpoint> out;
    while (q->next()) {
        Touchpoint t;
        t.id = q->value(0).toLongLong();
        t.leadId = id;
        t.occurredAt = dates::fromIsoDateTime(q->value(1).toString()).value_or(QDateTime());
        t.source = q->value(2).toString();
        t.medium = q->value(3).toString();
        t.campaign = q->value(4).toString();
        t.content = q->value(5).toString();
        t.url = q->value(6).toString();
        out.append(t);
    }
    return out;
}

Result<qint64> LeadRepository::addActivity(Activity &a) {
    auto q = exec(
        m_db,
        QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at, user_name, "
                       "notes) VALUES (?,?,?,?,?)"),
        {a.leadId, activityKindKey(a.kind), dates::toIsoDateTime(a.occurredAt), a.user, a.notes});
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
    auto q = exec(m_db,
                  QStringLiteral("SELECT id, kind, occurred_at, user_name, notes FROM activities "
                                 "WHERE lead_id = ? ORDER BY occurred_at, id"),
                  {id});
    if (!q)
        return q.failure();
    QList<Activity> out;
    while (q->next()) {
        Activity a;
        a.id = q->value(0).toLongLong();
        a.leadId = id;
        a.kind = activityKindFromKey(q->value(1).toString()).value_or(ActivityKind::Note);
        a.occurredAt = dates::fromIsoDateTime(q->value(2).toString()).value_or(QDateTime());
        a.user = q->value(3).toString();
        a.notes = q->value(4).toString();
        out.append(a);
    }
    return out;
}

Status LeadRepository::setSpend(const SpendRow &row) {
    auto source = m_sources.resolve(row.source);
    if (!source)
        return source.failure();
    if (*source == 0)
        return Error{QCoreApplication::translate("Mikomi", "Spend needs a source.")};
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
    while (q->next())
        out.append(
            SpendRow{q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong()});
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
