#include "models/storage/assignment.h"

#include "models/domain/dates.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

const QString kCursorKey = QStringLiteral("assignment/last_user");

using V = QVariant;

const RowMapper<AssignmentRule> kRuleRow{
    {"source", [](AssignmentRule &r, const V &v) { r.source = v.toString(); }},
    {"category",
     [](AssignmentRule &r, const V &v) {
         if (const QString c = v.toString(); !c.isEmpty())
             r.category = categoryFromKey(c);
     }},
    {"min_score",
     [](AssignmentRule &r, const V &v) {
         if (!v.isNull())
             r.minScore = v.toInt();
     }},
    {"max_score",
     [](AssignmentRule &r, const V &v) {
         if (!v.isNull())
             r.maxScore = v.toInt();
     }},
    {"prefecture", [](AssignmentRule &r, const V &v) { r.prefecture = v.toString(); }},
    {"owner_name", [](AssignmentRule &r, const V &v) { r.owner = v.toString(); }},
};

} // namespace

Result<QList<AssignmentRule>> AssignmentRules::rules() const {
    auto q = exec(m_db, QStringLiteral("SELECT r.source, r.category, r.min_score, r.max_score, "
                                       "r.prefecture, u.name AS owner_name FROM assignment_rules r "
                                       "JOIN users u ON u.id = r.owner_id ORDER BY r.position, "
                                       "r.id"));
    if (!q)
        return q.failure();
    QList<AssignmentRule> out;
    const auto row = kRuleRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Status AssignmentRules::setRules(const QList<AssignmentRule> &rules) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    if (auto q = exec(m_db, QStringLiteral("DELETE FROM assignment_rules")); !q)
        return q.failure();
    UserRepository users(m_db);
    int pos = 0;
    for (const AssignmentRule &r : rules) {
        auto owner = users.resolve(r.owner);
        if (!owner)
            return owner.failure();
        if (*owner == 0)
            return Error{QCoreApplication::translate("mikomi::storage::Assignment",
                                                     "Each assignment rule needs an owner.")};
        auto q = exec(m_db,
                      QStringLiteral("INSERT INTO assignment_rules(position, source, category, "
                                     "min_score, max_score, prefecture, owner_id) VALUES "
                                     "(?, ?, ?, ?, ?, ?, ?)"),
                      {pos++, r.source, r.category ? categoryKey(*r.category) : QString(),
                       nullable(r.minScore), nullable(r.maxScore), r.prefecture, *owner});
        if (!q)
            return q.failure();
    }
    m_db.changes().note(DataKind::Rules);
    return tx.commit();
}

Result<QString> AssignmentRules::ownerFor(const Lead &lead) {
    Assigner a(m_db);
    if (Status s = a.load(); !s)
        return s.failure();
    auto owner = a.ownerFor(lead);
    if (!owner)
        return owner;
    if (Status s = a.save(); !s)
        return s.failure();
    return owner;
}

Status Assigner::load() {
    auto list = AssignmentRules(m_db).rules();
    if (!list)
        return list.failure();
    m_rules = *list;
    SourceRepository sources(m_db);
    m_ruleSources.clear();
    for (const AssignmentRule &r : std::as_const(m_rules)) {
        qint64 id = 0;
        if (!r.source.isEmpty()) {
            auto resolved = sources.resolve(r.source, false);
            if (!resolved)
                return resolved.failure();
            id = *resolved;
        }
        m_ruleSources.append(id);
    }
    auto all = UserRepository(m_db).list();
    if (!all)
        return all.failure();
    m_active.clear();
    for (const User &u : *all) {
        if (u.active)
            m_active.append(u);
    }
    std::sort(m_active.begin(), m_active.end(),
              [](const User &a, const User &b) { return a.id < b.id; });
    auto cursor = SettingsRepository(m_db).value(kCursorKey);
    if (!cursor)
        return cursor.failure();
    m_cursor = cursor->value_or(QString()).toLongLong();
    m_moved = false;
    return {};
}

Result<std::pair<qint64, SourceCategory>> Assigner::sourceOf(const QString &name) {
    const auto it = m_sourceCache.constFind(name);
    if (it != m_sourceCache.cend())
        return *it;
    SourceRepository sources(m_db);
    auto id = sources.resolve(name, false);
    if (!id)
        return id.failure();
    SourceCategory category = SourceCategory::Unknown;
    if (*id > 0) {
        if (auto src = sources.get(*id))
            category = src->category;
    }
    const std::pair<qint64, SourceCategory> out{*id, category};
    m_sourceCache.insert(name, out);
    return out;
}

Result<QString> Assigner::ownerFor(const Lead &lead) {
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const AssignmentRule &r = m_rules.at(i);
        if (!r.source.isEmpty() || r.category) {
            auto mine = sourceOf(lead.source);
            if (!mine)
                return mine.failure();
            if (!r.source.isEmpty() && (mine->first == 0 || mine->first != m_ruleSources.at(i)))
                continue;
            if (r.category && mine->second != *r.category)
                continue;
        }
        if (r.minScore && lead.score < *r.minScore)
            continue;
        if (r.maxScore && lead.score > *r.maxScore)
            continue;
        if (!r.prefecture.isEmpty() &&
            text::foldKey(r.prefecture) != text::foldKey(lead.prefecture))
            continue;
        return r.owner;
    }
    // Round-robin over active users, in id order, after the last one served.
    if (m_active.isEmpty())
        return QString();
    const User *next = &m_active.front();
    for (const User &u : std::as_const(m_active)) {
        if (u.id > m_cursor) {
            next = &u;
            break;
        }
    }
    m_cursor = next->id;
    m_moved = true;
    return next->name;
}

Status Assigner::save() {
    if (!m_moved)
        return {};
    m_moved = false;
    return SettingsRepository(m_db).setValue(kCursorKey, QString::number(m_cursor));
}

Result<QList<qint64>> AssignmentRules::reassign(const QList<qint64> &leadIds,
                                                const QString &owner) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    UserRepository users(m_db);
    auto ownerId = users.resolve(owner);
    if (!ownerId)
        return ownerId.failure();
    QSqlQuery sel(connection(m_db));
    QSqlQuery upd(connection(m_db));
    if (!sel.prepare(QStringLiteral("SELECT owner_id FROM leads WHERE id = ?")) ||
        !upd.prepare(
            QStringLiteral("UPDATE leads SET owner_id = ?, updated_at = ?, version = version + 1 "
                           "WHERE id = ?")))
        return Error{sqlErrorMessage(upd.lastError())};
    const QString now = dates::toIsoDateTime(QDateTime::currentDateTime());
    QList<qint64> before;
    for (qint64 id : leadIds) {
        if (Status s = execPrepared(sel, {id}); !s)
            return s.failure();
        before.append(sel.next() ? sel.value(0).toLongLong() : 0);
        sel.finish();
        if (Status s = execPrepared(upd, {*ownerId > 0 ? QVariant(*ownerId) : QVariant(), now, id});
            !s)
            return s.failure();
    }
    m_db.changes().noteLeads(leadIds);
    if (Status s = tx.commit(); !s)
        return s.failure();
    return before;
}

Status AssignmentRules::restoreOwners(const QList<qint64> &leadIds, const QList<qint64> &ownerIds) {
    if (leadIds.size() != ownerIds.size())
        return Error{QCoreApplication::translate("mikomi::storage::Assignment",
                                                 "The owners could not be restored.")};
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    QSqlQuery upd(connection(m_db));
    if (!upd.prepare(
            QStringLiteral("UPDATE leads SET owner_id = ?, updated_at = ?, version = version + 1 "
                           "WHERE id = ?")))
        return Error{sqlErrorMessage(upd.lastError())};
    const QString now = dates::toIsoDateTime(QDateTime::currentDateTime());
    for (qsizetype i = 0; i < leadIds.size(); ++i) {
        const qint64 owner = ownerIds.at(i);
        if (Status s =
                execPrepared(upd, {owner > 0 ? QVariant(owner) : QVariant(), now, leadIds.at(i)});
            !s)
            return s;
    }
    m_db.changes().noteLeads(leadIds);
    return tx.commit();
}

} // namespace mikomi::storage
