#include "models/storage/sourceadmin.h"

#include "models/domain/dates.h"
#include "models/domain/sourcedictionary.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

Status st(const Result<QSqlQuery> &q) {
    return q ? Status() : Status(q.failure());
}

Result<QList<qint64>> ids(Database &db, const QString &sql, qint64 id) {
    auto q = exec(db, sql, {id});
    if (!q)
        return q.failure();
    QList<qint64> out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

// "?, ?, ?" for n binds.
QString placeholders(qsizetype n) {
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return s;
}

// Unknown source ids ("" when none), as binds.
Result<QVariantList> unknownSourceIds(const Database &db) {
    auto q = exec(db, QStringLiteral("SELECT id, name FROM sources"));
    if (!q)
        return q.failure();
    QVariantList out;
    const QSqlRecord columns = q->record();
    const int id = columns.indexOf(QLatin1String("id"));
    const int name = columns.indexOf(QLatin1String("name"));
    while (q->next()) {
        if (sources::isUnknownSourceName(q->value(name).toString()))
            out.append(q->value(id));
    }
    return out;
}

using V = QVariant;

// The merged source's own columns, kept so the merge can be undone.
const RowMapper<MergeRecord> kMergedSourceRow{
    {"name", [](MergeRecord &r, const V &v) { r.fromName = v.toString(); }},
    {"name_key", [](MergeRecord &r, const V &v) { r.fromKey = v.toString(); }},
    {"category", [](MergeRecord &r, const V &v) { r.fromCategory = v.toString(); }},
    {"tier", [](MergeRecord &r, const V &v) { r.fromTier = v.toString(); }},
    {"created_at", [](MergeRecord &r, const V &v) { r.fromCreatedAt = v.toString(); }},
};

const RowMapper<MergeRecord::AliasRow> kAliasRow{
    {"id", [](MergeRecord::AliasRow &a, const V &v) { a.id = v.toLongLong(); }},
    {"alias", [](MergeRecord::AliasRow &a, const V &v) { a.alias = v.toString(); }},
    {"alias_key", [](MergeRecord::AliasRow &a, const V &v) { a.key = v.toString(); }},
};

const RowMapper<MergeRecord::SpendMove> kSpendMoveRow{
    {"month", [](MergeRecord::SpendMove &m, const V &v) { m.month = v.toString(); }},
    {"from_amount", [](MergeRecord::SpendMove &m, const V &v) { m.fromAmount = v.toLongLong(); }},
    {"into_amount",
     [](MergeRecord::SpendMove &m, const V &v) {
         if (!v.isNull())
             m.intoAmount = v.toLongLong();
     }},
};

const RowMapper<UnknownAudit> kAuditRow{
    {"total", [](UnknownAudit &a, const V &v) { a.total = v.toLongLong(); }},
    {"unknown", [](UnknownAudit &a, const V &v) { a.unknown = v.toLongLong(); }},
};

const RowMapper<LeadBrief> kBriefRow{
    {"id", [](LeadBrief &b, const V &v) { b.id = v.toLongLong(); }},
    {"company", [](LeadBrief &b, const V &v) { b.company = v.toString(); }},
    {"family_name", [](LeadBrief &b, const V &v) { b.familyName = v.toString(); }},
    {"given_name", [](LeadBrief &b, const V &v) { b.givenName = v.toString(); }},
    {"source_name", [](LeadBrief &b, const V &v) { b.source = v.toString(); }},
    {"created_at",
     [](LeadBrief &b, const V &v) {
         b.createdAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
};

QString unknownWhere(qsizetype n) {
    return n == 0 ? QStringLiteral("l.source_id IS NULL")
                  : QStringLiteral("(l.source_id IS NULL OR l.source_id IN (%1))")
                        .arg(placeholders(n));
}

} // namespace

Result<MergeRecord> SourceAdmin::merge(qint64 fromId, qint64 intoId) {
    if (fromId == intoId || fromId <= 0 || intoId <= 0)
        return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                 "Choose two different sources to merge.")};
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    MergeRecord r;
    r.fromId = fromId;
    r.intoId = intoId;
    {
        auto q = exec(m_db,
                      QStringLiteral("SELECT name, name_key, category, tier, created_at FROM "
                                     "sources WHERE id = ?"),
                      {fromId});
        if (!q)
            return q.failure();
        if (!q->next())
            return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                     "The source to merge no longer exists.")};
        kMergedSourceRow.bind(*q).readInto(r);
        auto into = exec(m_db, QStringLiteral("SELECT 1 FROM sources WHERE id = ?"), {intoId});
        if (!into)
            return into.failure();
        if (!into->next())
            return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                     "The source to keep no longer exists.")};
    }
    auto leads = ids(m_db, QStringLiteral("SELECT id FROM leads WHERE source_id = ?"), fromId);
    auto touches =
        ids(m_db, QStringLiteral("SELECT id FROM touchpoints WHERE source_id = ?"), fromId);
    auto campaigns =
        ids(m_db, QStringLiteral("SELECT id FROM campaigns WHERE source_id = ?"), fromId);
    if (!leads || !touches || !campaigns)
        return Error{!leads ? leads.error() : !touches ? touches.error() : campaigns.error()};
    r.leadIds = *leads;
    r.touchpointIds = *touches;
    r.campaignIds = *campaigns;
    {
        auto q = exec(m_db,
                      QStringLiteral("SELECT id, alias, alias_key FROM source_aliases WHERE "
                                     "source_id = ? ORDER BY id"),
                      {fromId});
        if (!q)
            return q.failure();
        const auto alias = kAliasRow.bind(*q);
        while (q->next())
            r.aliases.append(alias.read());
        auto s = exec(m_db,
                      QStringLiteral("SELECT f.month, f.amount AS from_amount, i.amount AS "
                                     "into_amount FROM spend f LEFT JOIN "
                                     "spend i ON i.source_id = ? AND i.month = f.month WHERE "
                                     "f.source_id = ? ORDER BY f.month"),
                      {intoId, fromId});
        if (!s)
            return s.failure();
        const auto move = kSpendMoveRow.bind(*s);
        while (s->next())
            r.spend.append(move.read());
    }
    for (const QString &table :
         {QStringLiteral("leads"), QStringLiteral("touchpoints"), QStringLiteral("campaigns")}) {
        // Table names are fixed literals above, never input.
        if (Status s = st(exec(
                m_db, QStringLiteral("UPDATE %1 SET source_id = ? WHERE source_id = ?").arg(table),
                {intoId, fromId}));
            !s)
            return s.failure();
    }
    // Spend: same month adds up into the kept row; other months move.
    for (const MergeRecord::SpendMove &m : r.spend) {
        const QString sql =
            m.intoAmount
                ? QStringLiteral("UPDATE spend SET amount = amount + ? WHERE source_id = ? AND "
                                 "month = ?")
                : QStringLiteral("INSERT INTO spend(amount, source_id, month) VALUES (?, ?, ?)");
        if (Status s = st(exec(m_db, sql, {m.fromAmount, intoId, m.month})); !s)
            return s.failure();
    }
    if (Status s =
            st(exec(m_db, QStringLiteral("DELETE FROM spend WHERE source_id = ?"), {fromId}));
        !s)
        return s.failure();
    if (Status s = st(exec(m_db,
                           QStringLiteral("UPDATE source_aliases SET source_id = ? WHERE "
                                          "source_id = ?"),
                           {intoId, fromId}));
        !s)
        return s.failure();
    if (Status s = st(exec(m_db, QStringLiteral("DELETE FROM sources WHERE id = ?"), {fromId})); !s)
        return s.failure();
    auto alias = exec(m_db,
                      QStringLiteral("INSERT INTO source_aliases(alias, alias_key, source_id) "
                                     "VALUES (?, ?, ?)"),
                      {r.fromName, r.fromKey, intoId});
    if (!alias)
        return alias.failure();
    r.newAliasId = alias->lastInsertId().toLongLong();
    m_db.changes().noteLeads(r.leadIds, DataKind::Sources | DataKind::Spend | DataKind::Campaigns);
    if (Status s = tx.commit(); !s)
        return s.failure();
    return r;
}

Result<MergeRecord> SourceAdmin::mergeByName(const QString &from, const QString &into) {
    SourceRepository repo(m_db);
    auto f = repo.resolve(from, false);
    if (!f)
        return f.failure();
    if (*f == 0)
        return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                 "There is no source named \"%1\".")
                         .arg(from)};
    auto i = repo.resolve(into, false);
    if (!i)
        return i.failure();
    if (*i == 0)
        return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                 "There is no source named \"%1\".")
                         .arg(into)};
    if (*f == *i)
        return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                 "\"%1\" and \"%2\" are already the same source.")
                         .arg(from, into)};
    return merge(*f, *i);
}

Status SourceAdmin::undoMerge(const MergeRecord &r) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto run = [&](const QString &sql, const QVariantList &binds) {
        return st(exec(m_db, sql, binds));
    };
    if (Status s = run(QStringLiteral("DELETE FROM source_aliases WHERE id = ?"), {r.newAliasId});
        !s)
        return s;
    if (Status s =
            run(QStringLiteral("INSERT INTO sources(id, name, name_key, category, tier, "
                               "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                {r.fromId, r.fromName, r.fromKey, r.fromCategory, r.fromTier, r.fromCreatedAt});
        !s)
        return s;
    for (const auto &a : r.aliases) {
        if (Status s = run(QStringLiteral("UPDATE source_aliases SET source_id = ? WHERE id = ?"),
                           {r.fromId, a.id});
            !s)
            return s;
    }
    for (const auto &m : r.spend) {
        Status s = m.intoAmount
                       ? run(QStringLiteral("UPDATE spend SET amount = ? WHERE source_id = ? AND "
                                            "month = ?"),
                             {*m.intoAmount, r.intoId, m.month})
                       : run(QStringLiteral("DELETE FROM spend WHERE source_id = ? AND month = ?"),
                             {r.intoId, m.month});
        if (!s)
            return s;
        if (s = run(QStringLiteral("INSERT INTO spend(source_id, month, amount) VALUES (?, ?, ?)"),
                    {r.fromId, m.month, m.fromAmount});
            !s)
            return s;
    }
    const std::pair<QString, const QList<qint64> *> tables[] = {
        {QStringLiteral("leads"), &r.leadIds},
        {QStringLiteral("touchpoints"), &r.touchpointIds},
        {QStringLiteral("campaigns"), &r.campaignIds}};
    for (const auto &[table, list] : tables) {
        QSqlQuery upd(connection(m_db));
        if (!upd.prepare(QStringLiteral("UPDATE %1 SET source_id = ? WHERE id = ?").arg(table)))
            return Error{sqlErrorMessage(upd.lastError())};
        for (qint64 id : *list) {
            if (Status s = execPrepared(upd, {r.fromId, id}); !s)
                return s;
        }
    }
    m_db.changes().noteLeads(r.leadIds, DataKind::Sources | DataKind::Spend | DataKind::Campaigns);
    return tx.commit();
}

Result<UnknownAudit> SourceAdmin::unknownAudit() const {
    auto unknownIds = unknownSourceIds(m_db);
    if (!unknownIds)
        return unknownIds.failure();
    auto q = exec(m_db,
                  QStringLiteral("SELECT count(*) AS total, coalesce(sum(CASE WHEN %1 THEN 1 "
                                 "ELSE 0 END), 0) AS unknown FROM leads l")
                      .arg(unknownWhere(unknownIds->size())),
                  *unknownIds);
    if (!q)
        return q.failure();
    UnknownAudit a;
    if (q->next())
        kAuditRow.bind(*q).readInto(a);
    return a;
}

Result<QList<LeadBrief>> SourceAdmin::unknownLeads(int limit) const {
    auto unknownIds = unknownSourceIds(m_db);
    if (!unknownIds)
        return unknownIds.failure();
    QVariantList binds = *unknownIds;
    binds.append(limit);
    auto q = exec(m_db,
                  QStringLiteral("SELECT l.id, l.company, l.family_name, l.given_name, "
                                 "coalesce(s.name, '') AS source_name, l.created_at FROM leads l "
                                 "LEFT JOIN "
                                 "sources s ON s.id = l.source_id WHERE %1 ORDER BY l.created_at "
                                 "DESC, l.id DESC LIMIT ?")
                      .arg(unknownWhere(unknownIds->size())),
                  binds);
    if (!q)
        return q.failure();
    QList<LeadBrief> out;
    const auto brief = kBriefRow.bind(*q);
    while (q->next())
        out.append(brief.read());
    return out;
}

Result<QList<qint64>> SourceAdmin::assignSource(const QList<qint64> &leadIds, qint64 sourceId) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    QSqlQuery sel(connection(m_db));
    QSqlQuery upd(connection(m_db));
    if (!sel.prepare(QStringLiteral("SELECT source_id FROM leads WHERE id = ?")) ||
        !upd.prepare(
            QStringLiteral("UPDATE leads SET source_id = ?, updated_at = ?, version = version + 1 "
                           "WHERE id = ?")))
        return Error{
            sqlErrorMessage(sel.lastError().isValid() ? sel.lastError() : upd.lastError())};
    const QString now = dates::toIsoDateTime(QDateTime::currentDateTime());
    QList<qint64> before;
    for (qint64 id : leadIds) {
        if (Status s = execPrepared(sel, {id}); !s)
            return s.failure();
        before.append(sel.next() ? sel.value(0).toLongLong() : 0);
        sel.finish();
        if (Status s = execPrepared(upd, {sourceId > 0 ? QVariant(sourceId) : QVariant(), now, id});
            !s)
            return s.failure();
    }
    m_db.changes().noteLeads(leadIds, DataKind::Sources); // the sources' lead counts
    if (Status s = tx.commit(); !s)
        return s.failure();
    return before;
}

Status SourceAdmin::restoreSources(const QList<qint64> &leadIds, const QList<qint64> &sourceIds) {
    if (leadIds.size() != sourceIds.size())
        return Error{QCoreApplication::translate("mikomi::storage::SourceAdmin",
                                                 "Cannot undo: the list of leads changed.")};
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    QSqlQuery upd(connection(m_db));
    if (!upd.prepare(
            QStringLiteral("UPDATE leads SET source_id = ?, version = version + 1 WHERE id = ?")))
        return Error{sqlErrorMessage(upd.lastError())};
    for (qsizetype i = 0; i < leadIds.size(); ++i) {
        const qint64 sid = sourceIds.at(i);
        if (Status s = execPrepared(upd, {sid > 0 ? QVariant(sid) : QVariant(), leadIds.at(i)}); !s)
            return s;
    }
    m_db.changes().noteLeads(leadIds, DataKind::Sources);
    return tx.commit();
}

} // namespace mikomi::storage
