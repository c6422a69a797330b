#include "models/storage/leadquery.h"

#include "models/domain/dates.h"
#include "models/storage/countrystore.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/leadsearch.h"
#include "models/storage/rowmapper.h"
#include "models/storage/scoringstore.h"
#include "models/storage/searchindex.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QHash>

namespace mikomi::storage {
namespace {

// Temperature as the pipeline and the scoring store derive it (scoring::temperature): score
// thresholds plus whole days since the last activity (or creation), unless set by hand. The last
// activity is a column kept by triggers (migration_v6.cpp), so this is cheap for every row. Only
// integers and an ISO date computed here go into the text, never input.
// The date is tested before the score: the score is a lookup in lead_scores, and SQLite stops at
// the first false term, so a lead without recent activity (most of a large file) costs no lookup
// (at 1,000,000 leads, two lookups a lead were half the time of a sort by temperature).
// `score`: the lead's score (scoreSql(), or a column the query has joined).
QString temperatureSql(const scoring::Thresholds &t, const QDate &today,
                       const QString &score = scoreSql()) {
    const QString last =
        QStringLiteral("substr(coalesce(l.last_activity_at, l.created_at), 1, 10)");
    return QStringLiteral("coalesce(l.temperature_override, CASE WHEN %2 >= '%3' AND %6 >= %1 "
                          "THEN 'hot' WHEN %2 >= '%5' AND %6 >= %4 THEN 'warm' ELSE "
                          "'cold' END)")
        .arg(QString::number(t.hotScore), last, dates::toIsoDate(today.addDays(-qint64(t.hotDays))),
             QString::number(t.warmScore), dates::toIsoDate(today.addDays(-qint64(t.warmDays))),
             score);
}

// An inner join in the order written: SQLite's CROSS JOIN … ON (its planner keeps the left table
// outer); a plain JOIN on PostgreSQL, which allows no ON after CROSS JOIN.
QString orderedJoin(const Database &db) {
    return db.backend() == Backend::Sqlite ? QStringLiteral(" CROSS JOIN ")
                                           : QStringLiteral(" JOIN ");
}

// A temperature's place in the list: hot 0, warm 1, cold 2.
QString temperatureRankSql(const QString &temperature) {
    return QStringLiteral("CASE %1 WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 ELSE 2 END")
        .arg(temperature);
}

QString stageOrderSql() {
    return QStringLiteral("CASE l.stage WHEN 'inquiry' THEN 0 WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 "
                          "WHEN 'opportunity' THEN 3 ELSE 4 END");
}

// `score`: the score expression (scoreSql(), or a column of lead_scores the query reads);
// `id`: the lead id that breaks ties (l.id, or lead_scores' own lead_id when walking its index,
// whose entries end in it: then no sort is needed at all, where with l.id SQLite sorted each run
// of equal scores, 60,000 leads for a common score).
QString orderBy(LeadSort sort, bool asc, const QString &temperature,
                const QString &score = scoreSql(), const QString &id = QStringLiteral("l.id")) {
    const QString d = asc ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList keys;
    switch (sort) {
    case LeadSort::Company:
        keys = {QStringLiteral("l.company_reading"), QStringLiteral("l.company_key")};
        break;
    case LeadSort::Person:
    case LeadSort::Reading:
        keys = {QStringLiteral("l.reading_key")};
        break;
    case LeadSort::Stage:
        keys = {stageOrderSql()};
        break;
    case LeadSort::Temperature:
        keys = {temperatureRankSql(temperature)};
        break;
    case LeadSort::Source:
        keys = {QStringLiteral("coalesce(s.name, '')")};
        break;
    case LeadSort::Owner:
        keys = {QStringLiteral("coalesce(u.name, '')")};
        break;
    case LeadSort::Score:
        keys = {score};
        break;
    case LeadSort::Created:
        keys = {QStringLiteral("l.created_at")};
        break;
    }
    keys << id;
    return QStringLiteral(" ORDER BY ") + keys.join(d + QStringLiteral(", ")) + d;
}

QString ftsPhrase(const QString &s) {
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

bool phoneLike(const QString &token) {
    int digits = 0;
    for (const QChar c : token) {
        if (c.isDigit())
            ++digits;
        else if (!(c == QLatin1Char('-') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
                   c == QLatin1Char('+') || c == QLatin1Char('.') || c.unicode() == 0x2212 ||
                   (c.unicode() >= 0x2010 && c.unicode() <= 0x2015) || c.unicode() == 0x30FC))
            return false;
    }
    return digits >= 2;
}

} // namespace

Status LeadQuery::loadThresholds() const {
    if (m_thresholds)
        return {};
    auto rules = ScoringStore(m_db).load();
    if (!rules)
        return rules.failure();
    m_thresholds = rules->thresholds;
    return {};
}

Result<std::optional<LeadQuery::TemperatureCandidates>> LeadQuery::temperatureCandidates() const {
    if (m_candidates)
        return *m_candidates;
    if (Status s = loadThresholds(); !s)
        return s.failure();
    const scoring::Thresholds &t = thresholds();
    // Hot and warm both need a date at or after the older cut-off (temperatureSql compares the
    // first ten characters of an ISO time; the whole time is at or after the date whenever they
    // are) and a score of at least the lower threshold.
    const QString since =
        dates::toIsoDate(m_today.addDays(-qint64(std::max(t.hotDays, t.warmDays))));
    const int minScore = std::min(t.hotScore, t.warmScore);
    // Set by hand to hot or warm (a lead set to cold is never either): the partial index of the
    // overrides (schema 17) serves the IS NOT NULL on both backends.
    const TemperatureCandidates::Branch setByHand{
        QStringLiteral("leads l"),
        QStringLiteral("l.temperature_override IS NOT NULL AND l.temperature_override <> 'cold'"),
        {},
        {}};
    const auto candidatesOf = [](const QList<TemperatureCandidates::Branch> &branches) {
        TemperatureCandidates c;
        c.branches = branches;
        QStringList parts;
        for (const TemperatureCandidates::Branch &b : branches) {
            parts << (b.ids.isEmpty()
                          ? QStringLiteral("SELECT l.id FROM %1 WHERE %2").arg(b.from, b.cond)
                          : b.ids);
            c.binds += b.binds;
        }
        c.sql = parts.join(QStringLiteral(" UNION ALL "));
        return c;
    };
    // Up to the limit plus one: more means too many (the walk stops counting there).
    const auto fewEnough = [this](const TemperatureCandidates &c) -> Result<bool> {
        if (m_candidateLimit <= 0)
            return false;
        QVariantList binds = c.binds;
        binds << m_candidateLimit + 1;
        auto q = exec(
            m_db, QStringLiteral("SELECT count(*) FROM (%1 LIMIT ?) candidates").arg(c.sql), binds);
        if (!q)
            return q.failure();
        q->next();
        return q->value(0).toLongLong() <= m_candidateLimit;
    };
    const TemperatureCandidates recent = candidatesOf({
        setByHand,
        {QStringLiteral("leads l"), QStringLiteral("l.last_activity_at >= ?"), {since}, {}},
        {QStringLiteral("leads l") + m_db.dialect().indexedBy(QStringLiteral("leads_created")),
         QStringLiteral("l.last_activity_at IS NULL AND l.created_at >= ?"),
         {since},
         {}},
    });
    auto few = fewEnough(recent);
    if (!few)
        return few.failure();
    if (*few) {
        m_candidates = std::optional(recent);
        return *m_candidates;
    }
    // A lead without a score row scores 0: the scores' index finds them all only above 0.
    if (minScore > 0) {
        const TemperatureCandidates scored = candidatesOf({
            setByHand,
            {QStringLiteral("leads l"),
             QStringLiteral("l.id IN (SELECT lead_id FROM lead_scores WHERE score >= ?)"),
             {minScore},
             QStringLiteral("SELECT lead_id FROM lead_scores WHERE score >= ?")},
        });
        few = fewEnough(scored);
        if (!few)
            return few.failure();
        if (*few) {
            m_candidates = std::optional(scored);
            return *m_candidates;
        }
    }
    m_candidates = std::optional<TemperatureCandidates>();
    return *m_candidates;
}

const scoring::Thresholds &LeadQuery::thresholds() const {
    Q_ASSERT_X(m_thresholds, "LeadQuery::thresholds", "loadThresholds() first");
    return *m_thresholds;
}

LeadQuery::SearchPlan LeadQuery::planSearch(const QString &search) {
    SearchPlan plan;
    QStringList ands;
    const QStringList tokens = text::foldKey(search).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        QStringList variants{token};
        const auto add = [&variants](const QString &v) {
            if (!v.isEmpty() && !variants.contains(v))
                variants << v;
        };
        add(text::toHiragana(token));
        add(text::toKatakana(token));
        if (phoneLike(token)) {
            QString digits;
            for (const QChar c : token) {
                if (c.isDigit())
                    digits.append(c);
            }
            variants = {digits};
            // Numbers are kept as E.164 (+81312345678): the trunk 0 of a number typed as dialled
            // at home (03-1234-5678, 0131 635 4287) is not in the key.
            if (digits.startsWith(QLatin1Char('0')) && digits.size() >= 4)
                variants << digits.mid(1);
        } else {
            add(text::companyKey(token));
        }
        bool shortToken = false;
        for (const QString &v : std::as_const(variants))
            shortToken = shortToken || v.size() < 3;
        if (shortToken) {
            QStringList likes;
            for (const QString &v : std::as_const(variants))
                likes << QLatin1Char('%') + text::escapeLike(v) + QLatin1Char('%');
            plan.likes << likes;
        } else {
            QStringList ors, likes;
            for (const QString &v : std::as_const(variants)) {
                ors << ftsPhrase(v);
                likes << QLatin1Char('%') + text::escapeLike(v) + QLatin1Char('%');
            }
            ands << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            plan.indexedLikes << likes;
        }
    }
    plan.match = ands.join(QStringLiteral(" AND "));
    return plan;
}

QString LeadQuery::where(const LeadFilter &f, QVariantList &binds, bool *narrow,
                         bool plainSearch) const {
    QStringList conds;
    // Conditions on columns outside leads_report, or text read by LIKE, make it wide.
    bool wide =
        f.stage || f.ownerId > 0 || f.temperature || f.origin || f.reached || f.won || f.ownerless;
    if (f.stage) {
        conds << QStringLiteral("l.stage = ?");
        binds << stageKey(*f.stage);
    }
    if (f.lostOnly)
        conds << QStringLiteral("l.lost = 1");
    if (f.sourceId > 0) {
        conds << QStringLiteral("l.source_id = ?");
        binds << f.sourceId;
    }
    if (f.category) {
        conds << QStringLiteral("l.source_id IN (SELECT id FROM sources WHERE category = ?)");
        binds << categoryKey(*f.category);
    }
    if (f.origin) {
        const OriginFilter &o = *f.origin;
        const auto placeholders = [&binds](const QList<qint64> &ids) {
            QStringList marks;
            for (qint64 id : ids) {
                marks << QStringLiteral("?");
                binds << id;
            }
            return marks.join(QLatin1Char(','));
        };
        // The recorded source counts when it is a named one; else the earliest touchpoint's.
        // Touchpoints in time order, as the report reads them: by the instant (their texts may
        // carry different offsets), then as stored.
        const QString instant = m_db.backend() == Backend::Postgres
                                    ? QStringLiteral("CAST(t.occurred_at AS timestamptz)")
                                    : QStringLiteral("julianday(t.occurred_at)");
        // The expression binds the unknown sources' ids at each use.
        const auto origin = [&] {
            QString named = QStringLiteral("l.source_id IS NOT NULL");
            if (!o.unknownIds.isEmpty())
                named +=
                    QStringLiteral(" AND l.source_id NOT IN (%1)").arg(placeholders(o.unknownIds));
            return QStringLiteral(
                       "(CASE WHEN %1 THEN l.source_id "
                       "WHEN EXISTS (SELECT 1 FROM touchpoints t WHERE t.lead_id = l.id) "
                       "THEN (SELECT t.source_id FROM touchpoints t WHERE t.lead_id = "
                       "l.id ORDER BY %2, t.occurred_at, t.id LIMIT 1) "
                       "ELSE l.source_id END)")
                .arg(named, instant);
        };
        QStringList ors;
        if (!o.ids.isEmpty()) {
            const QString expr = origin();
            ors << expr + QStringLiteral(" IN (%1)").arg(placeholders(o.ids));
        }
        if (o.unknown) {
            ors << origin() + QStringLiteral(" IS NULL");
            if (!o.unknownIds.isEmpty()) {
                const QString expr = origin();
                ors << expr + QStringLiteral(" IN (%1)").arg(placeholders(o.unknownIds));
            }
        }
        conds << (ors.isEmpty()
                      ? QStringLiteral("0")
                      : QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
    if (f.reached) {
        // The stages from `reached` on, by their keys (every lead has reached an inquiry).
        if (*f.reached != Stage::Inquiry) {
            QStringList marks;
            for (int st = int(*f.reached); st < StageCount; ++st) {
                marks << QStringLiteral("?");
                binds << stageKey(Stage(st));
            }
            conds << QStringLiteral("l.furthest_stage IN (%1)").arg(marks.join(QLatin1Char(',')));
        }
    }
    if (f.ownerId > 0) {
        conds << QStringLiteral("l.owner_id = ?");
        binds << f.ownerId;
    }
    if (const QString c = ownerlessCondition(f); !c.isEmpty())
        conds << c;
    if (const QString c = wonCondition(f, binds); !c.isEmpty())
        conds << c;
    if (f.temperature) {
        // Hot or warm: among the few leads that can be (when temperatureCandidates() has read
        // that they are few), not among every lead.
        if (*f.temperature != Temperature::Cold && m_candidates && *m_candidates) {
            conds << QStringLiteral("l.id IN (%1)").arg((*m_candidates)->sql);
            binds += (*m_candidates)->binds;
        }
        conds << temperatureSql(thresholds(), m_today) + QStringLiteral(" = ?");
        binds << temperatureKey(*f.temperature);
    }
    if (f.createdFrom) {
        conds << QStringLiteral("l.created_at >= ?");
        binds << dates::toIsoDate(*f.createdFrom);
    }
    if (f.createdTo) {
        conds << QStringLiteral("l.created_at < ?");
        binds << dates::toIsoDate(f.createdTo->addDays(1));
    }
    const SearchPlan plan = planSearch(f.search);
    const qsizetype searchFrom = conds.size();
    const QString text = leadSearchTextSql(QStringLiteral("l"));
    // Every token: any of its variants somewhere in the search text (LIKE).
    const auto likeAll = [&](const QList<QStringList> &tokens) {
        QStringList all;
        for (const QStringList &likes : tokens) {
            QStringList ors;
            for (const QString &p : likes) {
                ors << QStringLiteral("(%1) LIKE ? ESCAPE '\\'").arg(text);
                binds << p;
            }
            all << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
        return all.join(QStringLiteral(" AND "));
    };
    if (!plan.match.isEmpty() && !m_db.dialect().fts5() && !plainSearch && rowSecurityApplies()) {
        // A server whose row-level security applies to the role signed in: the trigram index
        // cannot serve LIKE on leads there (LIKE is not leakproof: tested after the policy, row
        // by row), so the matches come from mikomi_search_ids (pgschema.cpp: through the index,
        // among the leads this role may see), and the leads are still read through the policy.
        QStringList all;
        for (const QStringList &likes : plan.indexedLikes) {
            QStringList marks;
            for (const QString &p : likes) {
                marks << QStringLiteral("?");
                binds << p;
            }
            all << QStringLiteral("l.id IN (SELECT mikomi_search_ids(%1))")
                       .arg(marks.join(QLatin1Char(',')));
        }
        conds << all.join(QStringLiteral(" AND "));
        wide = true;
    } else if (!plan.match.isEmpty() && !m_db.dialect().fts5()) {
        // A server: LIKE on the search text, served by its pg_trgm index (pgschema.cpp).
        conds << likeAll(plan.indexedLikes);
        wide = true;
    } else if (!plan.match.isEmpty()) {
        const QString indexed =
            QStringLiteral("l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)");
        binds << plan.match;
        // Leads written in bulk and not indexed yet (SearchIndex) are read directly: the same
        // substrings by LIKE, so the results do not depend on how far the index has got.
        const auto pending = SearchIndex(m_db).pending();
        wide = wide || !pending || !pending->isEmpty();
        if (!pending) {
            // Which leads are indexed is unknown: read every lead directly rather than miss any.
            conds << QStringLiteral("(%1 OR (%2))").arg(indexed, likeAll(plan.indexedLikes));
        } else if (!pending->isEmpty()) {
            QStringList ranges;
            for (const auto &[lo, hi] : *pending) {
                ranges << QStringLiteral("l.id BETWEEN ? AND ?");
                binds << lo << hi;
            }
            conds << QStringLiteral("(%1 OR ((%2) AND %3))")
                         .arg(indexed, ranges.join(QStringLiteral(" OR ")),
                              likeAll(plan.indexedLikes));
        } else {
            conds << indexed;
        }
    }
    // Short tokens: LIKE on the same text, row by row in the list's order, so the first page
    // stops as soon as it is full.
    if (!plan.likes.isEmpty())
        conds << likeAll(plan.likes);
    // A whole email address or phone number also finds the lead it is an extra contact of
    // (lead_contacts, not in the search text): by its normalised key.
    const QString whole = f.search.trimmed();
    if (conds.size() > searchFrom && !whole.isEmpty() && !whole.contains(u' ')) {
        const QString key = whole.contains(u'@') ? text::normalizeEmail(whole)
                            : phoneLike(whole)   ? text::phoneKey(whole,
                                                                  [this] {
                                                                    auto r = phoneRegion(m_db);
                                                                    return r ? *r : QString();
                                                                }())
                                                 : QString();
        if (key.size() >= 6) {
            const QString searchConds = conds.mid(searchFrom).join(QStringLiteral(" AND "));
            conds.resize(searchFrom);
            conds << QStringLiteral("((%1) OR l.id IN (SELECT lead_id FROM lead_contacts WHERE "
                                    "key = ?))")
                         .arg(searchConds);
            binds << key;
            wide = true;
        }
    }
    if (narrow)
        *narrow = !plan.match.isEmpty() && plan.likes.isEmpty() && !wide;
    return conds.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND "));
}

bool LeadQuery::rowSecurityApplies() const {
    if (m_db.backend() != Backend::Postgres)
        return false;
    // Asked once per query object, so at each search (one round trip): an administrator may
    // switch it while the window is open. Unknown (an error) counts as not: the search then
    // reads LIKE through the policy, slower, with the same results.
    if (!m_rowSecurity) {
        auto q = exec(m_db, QStringLiteral("SELECT row_security_active('leads')"));
        m_rowSecurity = q && q->next() && q->value(0).toBool();
    }
    return *m_rowSecurity;
}

Result<LeadQuery::SeenLeads> LeadQuery::seenLeads() const {
    if (m_db.backend() != Backend::Postgres || !rowSecurityApplies())
        return SeenLeads{};
    // The policy's own functions (pgschema.cpp), so the answer is the policy's.
    auto q = exec(m_db, QStringLiteral("SELECT mikomi_is_manager(), mikomi_user_id()"));
    if (!q)
        return q.failure();
    SeenLeads seen; // no answer: as everyone, the policy alone deciding (slower, the same rows)
    if (!q->next())
        return seen;
    seen.everyone = q->value(0).toBool();
    if (!seen.everyone && !q->value(1).isNull())
        seen.owner = q->value(1).toLongLong();
    return seen;
}

QString LeadQuery::ownerlessCondition(const LeadFilter &f) {
    // owner_id is a user's id or NULL (ON DELETE SET NULL): the leads the owner table's
    // "(no owner)" row counts, every lead less those of each user.
    return f.ownerless ? QStringLiteral("l.owner_id IS NULL") : QString();
}

QString LeadQuery::wonCondition(const LeadFilter &f, QVariantList &binds) const {
    if (!f.won)
        return {};
    // The day a customer counts on, as the report facts read it (factreader.cpp): the date part
    // of won_at when it has one, else of created_at (on SQLite a text that is no date is no
    // day, as julianday() reads it there; PostgreSQL refuses such a text, in both places).
    const QString day =
        m_db.backend() == Backend::Postgres
            ? QStringLiteral("coalesce(CAST(NULLIF(substr(l.won_at, 1, 10), '') AS date), "
                             "CAST(substr(l.created_at, 1, 10) AS date))")
            : QStringLiteral("coalesce(date(substr(l.won_at, 1, 10)), "
                             "date(substr(l.created_at, 1, 10)))");
    const QString bound = m_db.backend() == Backend::Postgres ? QStringLiteral("CAST(? AS date)")
                                                              : QStringLiteral("?");
    QStringList c{QStringLiteral("l.furthest_stage = 'customer'")};
    if (f.won->from) {
        c << QStringLiteral("%1 >= %2").arg(day, bound);
        binds << dates::toIsoDate(*f.won->from);
    }
    if (f.won->to) {
        c << QStringLiteral("%1 <= %2").arg(day, bound);
        binds << dates::toIsoDate(*f.won->to);
    }
    if (f.won->withDealValue)
        c << QStringLiteral("l.deal_value IS NOT NULL");
    return QLatin1Char('(') + c.join(QStringLiteral(" AND ")) + QLatin1Char(')');
}

namespace {

// The temperature of a page's rows is computed here, by the same rule as in SQL
// (temperatureSql), from the row's score, override and last activity.
QString selectColumns() {
    return QStringLiteral("SELECT l.id, l.company, l.family_name, l.given_name, l.family_reading, "
                          "l.given_reading, l.email, l.phone, l.stage, l.lost, "
                          "l.temperature_override, coalesce(s.name, '') AS source_name, "
                          "coalesce(u.name, '') AS owner_name, %1 AS score_value, l.created_at, "
                          "substr(coalesce(l.last_activity_at, l.created_at), 1, 10) AS "
                          "last_day ")
        .arg(scoreSql());
}

// A row of selectColumns(): the list's row, and what its temperature is computed from.
struct ReadRow {
    LeadRow row;
    std::optional<Temperature> override;
    QDate lastDay; // of the last activity, else of creation
};

using R = ReadRow;
using V = QVariant;
const RowMapper<ReadRow> kLeadRow{
    {"id", [](R &r, const V &v) { r.row.id = v.toLongLong(); }},
    {"company", [](R &r, const V &v) { r.row.company = v.toString(); }},
    {"family_name", [](R &r, const V &v) { r.row.familyName = v.toString(); }},
    {"given_name", [](R &r, const V &v) { r.row.givenName = v.toString(); }},
    {"family_reading", [](R &r, const V &v) { r.row.familyReading = v.toString(); }},
    {"given_reading", [](R &r, const V &v) { r.row.givenReading = v.toString(); }},
    {"email", [](R &r, const V &v) { r.row.email = v.toString(); }},
    {"phone", [](R &r, const V &v) { r.row.phone = v.toString(); }},
    {"stage",
     [](R &r, const V &v) { r.row.stage = stageFromKey(v.toString()).value_or(Stage::Inquiry); }},
    {"lost", [](R &r, const V &v) { r.row.lost = v.toInt() != 0; }},
    {"temperature_override",
     [](R &r, const V &v) { r.override = temperatureFromKey(v.toString()); }},
    {"source_name", [](R &r, const V &v) { r.row.source = v.toString(); }},
    {"owner_name", [](R &r, const V &v) { r.row.owner = v.toString(); }},
    {"score_value", [](R &r, const V &v) { r.row.score = v.toInt(); }},
    {"created_at",
     [](R &r, const V &v) {
         r.row.createdAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
    {"last_day",
     [](R &r, const V &v) { r.lastDay = QDate::fromString(v.toString(), Qt::ISODate); }},
};

QString andWhere(const QString &where, const QString &cond) {
    return where.isEmpty() ? QString(QStringLiteral(" WHERE ") + cond)
                           : QString(where + QStringLiteral(" AND ") + cond);
}

// The ids of rows [offset, offset + limit) of the list sorted by temperature: `rank` (0 hot,
// 1 warm, 2 cold), then id, both ascending or both descending. No index gives that order, and a
// sort ranked every lead (1.3-3.3 s at 1,000,000 leads). The list is three runs in id order (the
// table's own order, no sort): the hot leads, the warm ones, the cold ones (reversed when
// descending). The first two runs are read together, in one walk that stops as soon as the
// first run has the rows asked for; once the second has all it can give, the walk goes on for
// the first run alone; the third run is read only when the first two do not fill the page, and
// stops as soon as it does. So the first page comes from the first tens of thousands of leads
// when a run is common, and from one reading of the table when the first two runs are rare (then
// the third holds nearly every lead and fills the page at once): no lead hot nor warm costs one
// pass, no longer a sort. Each walk reads a lead's date before its score (temperatureSql): most
// leads cost no lookup in lead_scores.
Result<QList<qint64>> temperaturePage(const Database &db, const QString &where,
                                      const QVariantList &binds, const QString &rank,
                                      bool ascending, int offset, int limit) {
    const qint64 wanted = qint64(offset) + limit;
    const int runs[3] = {ascending ? 0 : 2, 1, ascending ? 2 : 0};
    const QString d = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString after = ascending ? QStringLiteral("l.id > ?") : QStringLiteral("l.id < ?");
    QList<qint64> first, second;
    bool secondFull = false;
    qint64 last = 0;
    {
        auto q = exec(db,
                      QStringLiteral("SELECT l.id, %1 AS run FROM leads l").arg(rank) +
                          andWhere(where, QStringLiteral("%1 IN (%2, %3)")
                                              .arg(rank, QString::number(runs[0]),
                                                   QString::number(runs[1]))) +
                          QStringLiteral(" ORDER BY l.id") + d,
                      binds);
        if (!q)
            return q.failure();
        while (first.size() < wanted && q->next()) {
            const qint64 id = q->value(0).toLongLong();
            if (q->value(1).toInt() == runs[0]) {
                first << id;
            } else if (second.size() < wanted) {
                second << id;
            } else {
                secondFull = true; // the first run goes on alone from here
                last = id;
                break;
            }
        }
    }
    const auto walk = [&](const QString &cond, QVariantList extra, qint64 rows,
                          QList<qint64> &out) -> Status {
        QVariantList all = binds;
        all += extra;
        all << rows;
        auto q = exec(db,
                      QStringLiteral("SELECT l.id FROM leads l") + andWhere(where, cond) +
                          QStringLiteral(" ORDER BY l.id") + d + QStringLiteral(" LIMIT ?"),
                      all);
        if (!q)
            return q.failure();
        while (q->next())
            out << q->value(0).toLongLong();
        return {};
    };
    if (secondFull && first.size() < wanted) {
        // `last` is a lead of the second run: the first run's next lead comes after it.
        if (Status s =
                walk(QStringLiteral("%1 = %2 AND ").arg(rank, QString::number(runs[0])) + after,
                     {last}, wanted - first.size(), first);
            !s)
            return s.failure();
    }
    QList<qint64> ids = first;
    ids += second.mid(0, qsizetype(std::max<qint64>(0, wanted - ids.size())));
    if (ids.size() < wanted) {
        if (Status s = walk(QStringLiteral("%1 = %2").arg(rank, QString::number(runs[2])), {},
                            wanted - ids.size(), ids);
            !s)
            return s.failure();
    }
    return ids.mid(offset, limit);
}

// The ids of rows [offset, offset + limit) of the list sorted by temperature when the leads that
// can be hot or warm are few (`candidates`, LeadQuery::temperatureCandidates): the hot and the
// warm ones among them are read in one statement, each part of the candidates' union ranking the
// leads it reads, and sorted by id (a few tens of thousands at most); the cold run (every other
// lead, and the candidates that are cold) is walked in id order and stops as soon as the page is
// full. Ascending: hot, warm, cold; descending: cold, warm, hot, by id descending. No lead hot or
// warm costs the candidates' index ranges, not a reading of every lead. A run the filter rules
// out (a temperature chosen) is not read; the filter's hot or warm already keeps to the
// candidates (LeadQuery::where).
Result<QList<qint64>> candidatePage(const Database &db, const QString &where,
                                    const QVariantList &binds, const QString &rank,
                                    const QString &joinedRank,
                                    const LeadQuery::TemperatureCandidates &candidates,
                                    std::optional<Temperature> only, bool ascending, int offset,
                                    int limit) {
    const qint64 wanted = qint64(offset) + limit;
    const QString d = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QList<qint64> ids;
    const auto hotAndWarm = [&]() -> Status {
        // In the page's order: ascending hot then warm, descending warm then hot.
        QList<qint64> first, second;
        QString sql;
        QVariantList all;
        if (only) {
            // The filter's hot or warm already keeps to the candidates (LeadQuery::where).
            sql = QStringLiteral("SELECT l.id, %1 AS run FROM leads l").arg(rank) +
                  andWhere(where, rank + QStringLiteral(" IN (0, 1)"));
            all = binds;
        } else {
            // Each part of the candidates' union ranks the leads it reads (their score joined
            // once, not looked up by each of the temperature's terms), and the union drops the
            // leads two parts read. Testing `l.id IN (candidates)` read each candidate a second
            // time: 150-270 ms at 1,100,000 leads (18,000 candidates) against 100 this way.
            QStringList parts;
            for (const LeadQuery::TemperatureCandidates::Branch &b : candidates.branches) {
                parts << QStringLiteral("SELECT l.id, %1 AS run FROM %2 LEFT JOIN lead_scores "
                                        "ts ON ts.lead_id = l.id")
                                 .arg(joinedRank, b.from) +
                             andWhere(where, b.cond);
                all += binds;
                all += b.binds;
            }
            sql = QStringLiteral("SELECT id, run FROM (%1) c WHERE run IN (0, 1)")
                      .arg(parts.join(QStringLiteral(" UNION ")));
        }
        auto q = exec(db, sql + QStringLiteral(" ORDER BY id") + d, all);
        if (!q)
            return q.failure();
        const qint64 need = wanted - ids.size();
        while (first.size() < need && q->next()) {
            const bool hot = q->value(1).toInt() == 0;
            (hot == ascending ? first : second) << q->value(0).toLongLong();
        }
        ids += first;
        ids += second;
        return {};
    };
    const auto cold = [&]() -> Status {
        QVariantList all = binds;
        all << wanted - ids.size();
        auto q = exec(db,
                      QStringLiteral("SELECT l.id FROM leads l") +
                          andWhere(where, rank + QStringLiteral(" = 2")) +
                          QStringLiteral(" ORDER BY l.id") + d + QStringLiteral(" LIMIT ?"),
                      all);
        if (!q)
            return q.failure();
        while (q->next())
            ids << q->value(0).toLongLong();
        return {};
    };
    const bool readHotAndWarm = !only || *only != Temperature::Cold;
    const bool readCold = !only || *only == Temperature::Cold;
    for (const bool hotOrWarm : {ascending, !ascending}) {
        if (ids.size() >= wanted || !(hotOrWarm ? readHotAndWarm : readCold))
            continue;
        if (Status s = hotOrWarm ? hotAndWarm() : cold(); !s)
            return s.failure();
    }
    return ids.mid(offset, limit);
}

Result<QList<LeadRow>> readRows(const Database &db, const QString &sql, const QVariantList &binds,
                                const scoring::Thresholds &thresholds, const QDate &today) {
    auto q = exec(db, sql, binds);
    if (!q)
        return q.failure();
    QList<LeadRow> out;
    const auto row = kLeadRow.bind(*q);
    while (q->next()) {
        ReadRow r = row.read();
        // Days since the last activity (else since creation), as temperatureSql() counts them.
        const std::optional<int> days =
            r.lastDay.isValid() ? std::optional<int>(int(r.lastDay.daysTo(today))) : std::nullopt;
        r.row.temperature =
            scoring::effectiveTemperature(thresholds, r.row.score, days, r.override);
        out << std::move(r.row);
    }
    return out;
}

} // namespace

// A search on a server, sorted by creation. PostgreSQL has no reliable estimate of how many
// leads a substring matches (statistics sampled anew said 101 leads for "takahashi", which
// 30,000 match, and 10,000 for 北斗電, which 850 match; under row-level security it may not read
// them at all for a role the policy limits), so it chose between reading every match through the
// trigram index and sorting them (170-290 ms for takahashi) and walking the leads newest first
// until the page is full (1.5 s for 北斗電; 1.6-2.0 s for 山田 under the policy, a whole table
// read and sorted) by those guesses. Here the walk is bounded: the newest leads the role may see,
// first a tenth of the window, then (when what that found says the whole window can fill the
// page) all of it, each tested by LIKE. A common word fills the page there; a rare one does
// not, and then its few matches are read first and sorted (rows(): a materialized set, not a
// walk). A rep's walk goes through leads_owner_created (schema 21): their own leads in order,
// not everyone's less theirs.
Result<std::optional<QList<qint64>>> LeadQuery::newestWindowIds(const LeadFilter &filter,
                                                                bool ascending, int need,
                                                                const SeenLeads &seen) const {
    const QString order =
        orderBy(LeadSort::Created, ascending, temperatureSql(thresholds(), m_today));
    const auto walk = [&](int rows) -> Result<QList<qint64>> {
        QVariantList binds;
        QString window = QStringLiteral("SELECT l.* FROM leads l");
        if (seen.owner) {
            window += QStringLiteral(" WHERE l.owner_id = ?");
            binds << *seen.owner;
        }
        window += order + QStringLiteral(" LIMIT ?");
        binds << rows;
        const QString w = where(filter, binds, nullptr, /*plainSearch=*/true);
        binds << need;
        auto q = exec(m_db,
                      QStringLiteral("SELECT l.id FROM (") + window + QStringLiteral(") l") + w +
                          order + QStringLiteral(" LIMIT ?"),
                      binds);
        if (!q)
            return q.failure();
        QList<qint64> ids;
        while (q->next())
            ids << q->value(0).toLongLong();
        return ids;
    };
    if (const int first = m_windowRows / 10; first > 0) {
        auto ids = walk(first);
        if (!ids)
            return ids.failure();
        if (ids->size() >= need)
            return std::optional<QList<qint64>>(std::move(*ids));
        if (qint64(ids->size()) * (m_windowRows / first) < need)
            return std::optional<QList<qint64>>(); // too rare to fill the page in the window
    }
    auto ids = walk(m_windowRows);
    if (!ids)
        return ids.failure();
    if (ids->size() < need)
        return std::optional<QList<qint64>>();
    return std::optional<QList<qint64>>(std::move(*ids));
}

Result<QList<LeadRow>> LeadQuery::rows(const LeadFilter &filter, LeadSort sort, bool ascending,
                                       int offset, int limit) const {
    if (Status s = loadThresholds(); !s) // every row's temperature
        return s.failure();
    if (sort == LeadSort::Temperature ||
        (filter.temperature && *filter.temperature != Temperature::Cold)) {
        if (auto c = temperatureCandidates(); !c)
            return c.failure();
    }
    if (sort == LeadSort::Source || sort == LeadSort::Owner)
        return rowsByName(filter, sort == LeadSort::Source, ascending, offset, limit);
    // The page's ids first, from the lead rows alone; then their names joined in. Joined
    // before sorting, SQLite looked up a source and an owner for every row it sorted: a second
    // for each million rows when no index gives the order (temperature).
    // A search sorted by creation (the list's default) reads its matches' dates from
    // leads_report, a narrow index led by id, instead of their wide rows: half the time of a
    // keystroke matching 30,000 leads. Sorted by score or stage, with no other condition, it
    // walks that order's index and keeps the matches until the page is full: 25-50 ms whether
    // the search matches 30,000 leads or 30, where reading every match took up to 130 ms.
    // Sorted by score with no condition at all it walks the scores' index too (every lead has a
    // score row): a page in milliseconds, where computing every lead's score and sorting a
    // million took 1.3 s.
    QVariantList binds;
    bool narrow = false;
    const QString w = where(filter, binds, &narrow);
    LeadFilter searchOnly;
    searchOnly.search = filter.search;
    // Walking an order's index pays off when matches are common enough to fill a page soon; a
    // rare word (a few hundred matches in a million) walked the whole index, 1.5 s, where
    // reading its matches and sorting them takes milliseconds. The index tells cheaply whether
    // there are at least a few thousand matches (it stops counting there).
    const auto walkPaysOff = [&] {
        constexpr int kEnoughMatches = 2000;
        auto q = exec(m_db,
                      QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM leads_fts WHERE "
                                     "leads_fts MATCH ? LIMIT ?)"),
                      {planSearch(filter.search).match, kEnoughMatches});
        // Unknown (a failed count): walk, the way that is never slow for common words.
        return !q || !q->next() || q->value(0).toInt() >= kEnoughMatches;
    };
    QString from = QStringLiteral("FROM leads l");
    const QString temperature = temperatureSql(thresholds(), m_today);
    QString innerOrder = orderBy(sort, ascending, temperature);
    if (narrow && sort == LeadSort::Created) {
        from = QStringLiteral("FROM leads l") +
               m_db.dialect().indexedBy(QStringLiteral("leads_report"));
    } else if ((w.isEmpty() || (narrow && walkPaysOff())) && filter == searchOnly &&
               sort == LeadSort::Score) {
        // Walks the scores in order (their index ends in the lead id) and looks each lead up.
        // On a server too (bench_team, 1,000,000 leads: 2.2-2.6 s sorting every lead's score
        // subquery, 60 ms walking the index).
        from = QStringLiteral("FROM lead_scores ps") +
               m_db.dialect().indexedBy(QStringLiteral("lead_scores_score")) + orderedJoin(m_db) +
               QStringLiteral("leads l ON l.id = ps.lead_id");
        innerOrder = orderBy(sort, ascending, temperature, QStringLiteral("ps.score"),
                             QStringLiteral("ps.lead_id"));
    } else if (narrow && filter == searchOnly && sort == LeadSort::Stage && walkPaysOff()) {
        from = QStringLiteral("FROM leads l") +
               m_db.dialect().indexedBy(QStringLiteral("leads_stage_order"));
    }
    const QString order = orderBy(sort, ascending, temperature);
    // The rows of a page whose ids (in order) are known.
    const auto readPage = [&](const QList<qint64> &ids) -> Result<QList<LeadRow>> {
        if (ids.isEmpty())
            return QList<LeadRow>();
        QStringList marks;
        QVariantList idBinds;
        for (const qint64 id : ids) {
            marks << QStringLiteral("?");
            idBinds << id;
        }
        return readRows(m_db,
                        selectColumns() +
                            QStringLiteral("FROM leads l LEFT JOIN sources s ON s.id = "
                                           "l.source_id LEFT JOIN users u ON u.id = l.owner_id "
                                           "WHERE l.id IN (%1)")
                                .arg(marks.join(QLatin1Char(','))) +
                            order,
                        idBinds, thresholds(), m_today);
    };
    // Sorted by temperature, the first pages are read as runs: from the few leads that can be
    // hot or warm and a walk of the cold ones (candidatePage, both backends), else, on a file, by
    // walking every lead in id order (temperaturePage); deeper ones, searches and drill-downs by
    // one sort. A search, or a drill-down's origin (a subquery a lead), is read once that way:
    // the runs could evaluate it more than once.
    constexpr qint64 kTemperatureRunRows = 1000;
    const std::optional<TemperatureCandidates> candidates =
        m_candidates ? *m_candidates : std::nullopt;
    if (sort == LeadSort::Temperature && (candidates || m_db.backend() == Backend::Sqlite) &&
        filter.search.trimmed().isEmpty() && !filter.origin &&
        qint64(offset) + limit <= kTemperatureRunRows) {
        const QString rank = temperatureRankSql(temperature);
        auto ids = candidates
                       ? candidatePage(
                             m_db, w, binds, rank,
                             temperatureRankSql(temperatureSql(
                                 thresholds(), m_today, QStringLiteral("coalesce(ts.score, 0)"))),
                             *candidates, filter.temperature, ascending, offset, limit)
                       : temperaturePage(m_db, w, binds, rank, ascending, offset, limit);
        if (!ids)
            return ids.failure();
        return readPage(*ids);
    }
    QString with;
    if (m_db.backend() == Backend::Postgres && sort == LeadSort::Created && m_windowRows > 0 &&
        filter == searchOnly && !filter.search.trimmed().isEmpty() && limit > 0 &&
        qint64(offset) + limit <= kWindowPageRows) {
        auto seen = seenLeads();
        if (!seen)
            return seen.failure();
        if (!seen->everyone && !seen->owner)
            return QList<LeadRow>(); // a role that stands for no user sees no lead
        auto ids = newestWindowIds(filter, ascending, offset + limit, *seen);
        if (!ids)
            return ids.failure();
        if (*ids)
            return readPage((*ids)->mid(offset, limit));
        // Rare in the window: every match first (the trigram index, or a rep's own leads
        // through leads_owner_created), then the sort; never the walk the planner may guess.
        QString own;
        if (seen->owner) {
            own = w.isEmpty() ? QStringLiteral(" WHERE l.owner_id = ?")
                              : QStringLiteral(" AND l.owner_id = ?");
        }
        with = QStringLiteral("WITH matches AS MATERIALIZED (SELECT l.id, l.created_at FROM "
                              "leads l") +
               w + own + QStringLiteral(") ");
        if (seen->owner)
            binds << *seen->owner;
        from = QStringLiteral("FROM matches l");
    }
    const QString sql = with + selectColumns() + QStringLiteral("FROM (SELECT l.id AS page_id ") +
                        from + (with.isEmpty() ? w : QString()) + innerOrder +
                        QStringLiteral(" LIMIT ? OFFSET ?) p") + orderedJoin(m_db) +
                        QStringLiteral("leads l ON l.id = p.page_id LEFT JOIN sources s ON s.id = "
                                       "l.source_id LEFT JOIN users u ON u.id = l.owner_id") +
                        order;
    binds << limit << offset;
    return readRows(m_db, sql, binds, thresholds(), m_today);
}

// Sorted by source (owner) name: a sort over every joined row took seconds at a million leads.
// Instead the list is two runs that need no sort: the leads without a source ("" sorts first),
// by id; then the sources in name order (index sources_name_sort), each with its leads by the
// leads_source index, which hands them over in id order. Ties between equal names go by the
// source's id, then the lead's.
Result<QList<LeadRow>> LeadQuery::rowsByName(const LeadFilter &filter, bool bySource,
                                             bool ascending, int offset, int limit) const {
    const QString d = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString fk = bySource ? QStringLiteral("l.source_id") : QStringLiteral("l.owner_id");
    const QString named = bySource ? QStringLiteral("s") : QStringLiteral("u");
    QVariantList whereBinds;
    const QString w = where(filter, whereBinds);

    const auto noName = [&](int off, int lim) {
        QVariantList binds = whereBinds;
        binds << lim << off;
        return readRows(m_db,
                        selectColumns() +
                            QStringLiteral("FROM leads l LEFT JOIN sources s ON s.id = "
                                           "l.source_id LEFT JOIN users u ON u.id = l.owner_id") +
                            andWhere(w, fk + QStringLiteral(" IS NULL")) +
                            QStringLiteral(" ORDER BY l.id") + d +
                            QStringLiteral(" LIMIT ? OFFSET ?"),
                        binds, thresholds(), m_today);
    };
    const auto withName = [&](int off, int lim) {
        QVariantList binds = whereBinds;
        binds << lim << off;
        const QString from =
            bySource ? QStringLiteral("FROM sources s JOIN leads l ON l.source_id = s.id LEFT "
                                      "JOIN users u ON u.id = l.owner_id")
                     : QStringLiteral("FROM users u JOIN leads l ON l.owner_id = u.id LEFT JOIN "
                                      "sources s ON s.id = l.source_id");
        return readRows(m_db,
                        selectColumns() + from + w +
                            QStringLiteral(" ORDER BY %1.name%2, %1.id%2, l.id%2").arg(named, d) +
                            QStringLiteral(" LIMIT ? OFFSET ?"),
                        binds, thresholds(), m_today);
    };
    const auto countWhere = [&](const QString &cond) -> Result<qint64> {
        auto q = exec(m_db, QStringLiteral("SELECT count(*) FROM leads l") + andWhere(w, cond),
                      whereBinds);
        if (!q)
            return q.failure();
        q->next();
        return q->value(0).toLongLong();
    };

    if (ascending) {
        auto nulls = countWhere(fk + QStringLiteral(" IS NULL"));
        if (!nulls)
            return nulls.failure();
        if (offset >= *nulls)
            return withName(int(offset - *nulls), limit);
        auto first = noName(offset, limit);
        if (!first || first->size() >= limit)
            return first;
        auto rest = withName(0, int(limit - first->size()));
        if (!rest)
            return rest.failure();
        first.value() += rest.value();
        return first;
    }
    auto first = withName(offset, limit);
    if (!first || first->size() >= limit)
        return first;
    auto named_ = countWhere(fk + QStringLiteral(" IS NOT NULL"));
    if (!named_)
        return named_.failure();
    const qint64 into = std::max<qint64>(0, offset - *named_);
    auto rest = noName(int(into), int(limit - first->size()));
    if (!rest)
        return rest.failure();
    first.value() += rest.value();
    return first;
}

Result<qint64> LeadQuery::count(const LeadFilter &filter) const {
    if (filter.temperature) {
        if (Status s = loadThresholds(); !s)
            return s.failure();
        if (*filter.temperature != Temperature::Cold) {
            if (auto c = temperatureCandidates(); !c)
                return c.failure();
        }
    }
    QVariantList binds;
    const QString w = where(filter, binds);
    auto q = exec(m_db, QStringLiteral("SELECT count(*) FROM leads l") + w, binds);
    if (!q)
        return q.failure();
    q->next();
    return q->value(0).toLongLong();
}

} // namespace mikomi::storage
