#include "models/storage/sourceadmin.h"

#include "models/domain/dates.h"
#include "models/domain/sourcedictionary.h"
#include "models/storage/repositories.h"
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
    while (q->next()) {
        if (sources::isUnknownSourceName(q->value(1).toString()))
            out.append(q->value(0));
    }
    return out;
}

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
        r.fromName = q->value(0).toString();
        r.fromKey = q->value(1).toString();
        r.fromCategory = q->value(2).toString();
        r.fromTier = q->value(3).toString();
        r.fromCreatedAt = q->value(4).toString();
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
        while (q->next())
            r.aliases.append(
                {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString()});
        auto s = exec(m_db,
                      QStringLiteral("SELECT f.month, f.amount, i.amount FROM spend f LEFT JOIN "
                                     "spend i ON i.source_id = ? AND i.month = f.month WHERE "
                                     "f.source_id = ? ORDER BY f.month"),
                      {intoId, fromId});
        if (!s)
            return s.failure();
        while (s->next()) {
            MergeRecord::SpendMove m;
            m.month = s->value(0).toString();
            m.fromAmount = s->value(1).toLongLong();
            if (!s->value(2).isNull())
                m.intoAmount = s->value(2).toLongLong();
            r.spend.append(m);
        }
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
                  QStringLiteral("SELECT count(*), coalesce(sum(CASE WHEN %1 THEN 1 ELSE 0 END), "
                                 "0) FROM leads l")
                      .arg(unknownWhere(unknownIds->size())),
                  *unknownIds);
    if (!q)
        return q.failure();
    UnknownAudit a;
    if (q->next()) {
        a.total = q->value(0).toLongLong();
        a.unknown = q->value(1).toLongLong();
    }
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
                                 "coalesce(s.name, ''), l.created_at FROM leads l LEFT JOIN "
                                 "sources s ON s.id = l.source_id WHERE %1 ORDER BY l.created_at "
                                 "DESC, l.id DESC LIMIT ?")
                      .arg(unknownWhere(unknownIds->size())),
                  binds);
    if (!q)
        return q.failure();
    QList<LeadBrief> out;
    while (q->next()) {
        LeadBrief b;
        b.id = q->value(0).toLongLong();
        b.company = q->value(1).toString();
        b.familyName = q->value(2).toString();
        b.givenName = q->value(3).toString();
        b.source = q->value(4).toString();
        b.createdAt = dates::fromIsoDateTime(q->value(5).toString()).value_or(QDateTime());
        out.append(b);
    }
    return out;
}

Result<QList<qint64>> SourceAdmin::assignSource(const QList<qint64> &leadIds, qint64 sourceId) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    QSqlQuery sel(connection(m_db));
    QSqlQuery upd(connection(m_db));
    if (!sel.prepare(QStringLiteral("SELECT source_id FROM leads WHERE id = ?")) ||
        !upd.prepare(QStringLiteral("UPDATE leads SET source_id = ?, updated_at = ? WHERE id = ?")))
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
    if (!upd.prepare(QStringLiteral("UPDATE leads SET source_id = ? WHERE id = ?")))
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
