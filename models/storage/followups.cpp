#include "models/storage/followups.h"

#include "models/domain/dates.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/rowuuid.h"
#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

const RowMapper<sla::ResponseRule> kRuleRow{
    {"source", [](sla::ResponseRule &r, const QVariant &v) { r.source = v.toString(); }},
    {"category",
     [](sla::ResponseRule &r, const QVariant &v) {
         if (const QString c = v.toString(); !c.isEmpty())
             r.category = categoryFromKey(c);
     }},
    {"hours", [](sla::ResponseRule &r, const QVariant &v) { r.hours = v.toInt(); }},
};

// A row of open(): the task and, for display, its lead.
const RowMapper<FollowUp> kOpenRow{
    {"id", [](FollowUp &f, const QVariant &v) { f.id = v.toLongLong(); }},
    {"lead_id", [](FollowUp &f, const QVariant &v) { f.leadId = v.toLongLong(); }},
    {"title", [](FollowUp &f, const QVariant &v) { f.title = v.toString(); }},
    {"owner", [](FollowUp &f, const QVariant &v) { f.owner = v.toString(); }},
    {"due_at",
     [](FollowUp &f, const QVariant &v) {
         f.dueAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
    {"company", [](FollowUp &f, const QVariant &v) { f.company = v.toString(); }},
    {"family_name", [](FollowUp &f, const QVariant &v) { f.familyName = v.toString(); }},
    {"given_name", [](FollowUp &f, const QVariant &v) { f.givenName = v.toString(); }},
    {"source", [](FollowUp &f, const QVariant &v) { f.source = v.toString(); }},
};

} // namespace

Result<QList<sla::ResponseRule>> FollowUpRepository::rules() const {
    auto q = exec(m_db, QStringLiteral("SELECT source, category, hours FROM response_rules ORDER "
                                       "BY position, id"));
    if (!q)
        return q.failure();
    QList<sla::ResponseRule> out;
    const auto row = kRuleRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Status FollowUpRepository::setRules(const QList<sla::ResponseRule> &rules) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    if (auto q = exec(m_db, QStringLiteral("DELETE FROM response_rules")); !q)
        return q.failure();
    int pos = 0;
    for (const auto &r : rules) {
        if (r.hours <= 0)
            return Error{QCoreApplication::translate("mikomi::storage::FollowUpRepository",
                                                     "A response time must be at least one hour.")};
        auto q =
            exec(m_db,
                 QStringLiteral("INSERT INTO response_rules(position, source, category, "
                                "hours) VALUES (?, ?, ?, ?)"),
                 {pos++, r.source, r.category ? categoryKey(*r.category) : QString(), r.hours});
        if (!q)
            return q.failure();
    }
    m_db.changes().note(DataKind::Rules);
    return tx.commit();
}

Result<qint64> FollowUpRepository::createForLead(qint64 leadId) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT coalesce(s.name, '') AS source_name, coalesce(s.category, "
                                 "'unknown') AS source_category, l.created_at, l.owner_id FROM "
                                 "leads l LEFT JOIN sources s ON s.id = l.source_id WHERE l.id = "
                                 "?"),
                  {leadId});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::FollowUpRepository",
                                                 "The lead no longer exists.")};
    auto rs = rules();
    if (!rs)
        return rs.failure();
    const QString source = columnValue(*q, "source_name").toString();
    const SourceCategory cat = categoryFromKey(columnValue(*q, "source_category").toString())
                                   .value_or(SourceCategory::Unknown);
    const QDateTime created = dates::fromIsoDateTime(columnValue(*q, "created_at").toString())
                                  .value_or(QDateTime::currentDateTime());
    const QVariant owner = columnValue(*q, "owner_id");
    const int hours = sla::hoursFor(*rs, source, cat);
    auto ins =
        exec(m_db,
             QStringLiteral("INSERT INTO tasks(lead_id, title, owner_id, due_at, "
                            "created_at, uuid) VALUES (?, ?, ?, ?, ?, ?)"),
             {leadId,
              QCoreApplication::translate("mikomi::storage::FollowUpRepository",
                                          "First contact (within %n hour(s))", nullptr, hours),
              owner.isNull() ? QVariant() : QVariant(owner.toLongLong()),
              dates::toIsoDateTime(sla::dueAt(created, hours)),
              dates::toIsoDateTime(QDateTime::currentDateTime()), newRowUuid()});
    if (!ins)
        return ins.failure();
    m_db.changes().noteLead(leadId, DataKind::Tasks);
    return ins->lastInsertId().toLongLong();
}

Result<qint64> FollowUpRepository::add(FollowUp &t) {
    UserRepository users(m_db);
    auto owner = users.resolve(t.owner);
    if (!owner)
        return owner.failure();
    auto ins = exec(m_db,
                    QStringLiteral("INSERT INTO tasks(lead_id, title, owner_id, due_at, "
                                   "created_at, uuid) VALUES (?, ?, ?, ?, ?, ?)"),
                    {t.leadId, t.title, *owner > 0 ? QVariant(*owner) : QVariant(),
                     dates::toIsoDateTime(t.dueAt),
                     dates::toIsoDateTime(QDateTime::currentDateTime()), newRowUuid()});
    if (!ins)
        return ins.failure();
    t.id = ins->lastInsertId().toLongLong();
    m_db.changes().noteLead(t.leadId, DataKind::Tasks);
    return t.id;
}

Result<QList<FollowUp>> FollowUpRepository::open(const QString &owner, int limit,
                                                 const QDateTime &before) const {
    QString where = QStringLiteral("t.done_at IS NULL");
    QVariantList binds;
    if (!owner.isEmpty()) {
        where += QStringLiteral(" AND u.name = ?");
        binds.append(owner);
    }
    if (before.isValid()) {
        where += QStringLiteral(" AND t.due_at < ?");
        binds.append(dates::toIsoDateTime(before));
    }
    binds.append(limit);
    auto q = exec(m_db,
                  QStringLiteral("SELECT t.id, t.lead_id, t.title, coalesce(u.name, '') AS owner, "
                                 "t.due_at, l.company, l.family_name, l.given_name, "
                                 "coalesce(s.name, '') AS source FROM tasks t JOIN leads l ON l.id "
                                 "= t.lead_id LEFT JOIN users "
                                 "u ON u.id = t.owner_id LEFT JOIN sources s ON s.id = "
                                 "l.source_id WHERE %1 ORDER BY t.due_at, t.id LIMIT ?")
                      .arg(where),
                  binds);
    if (!q)
        return q.failure();
    QList<FollowUp> out;
    const auto row = kOpenRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Result<qint64> FollowUpRepository::complete(qint64 taskId, ActivityKind kind, const QString &user,
                                            const QDateTime &at, const QString &notes) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto q = exec(m_db,
                  QStringLiteral("SELECT lead_id, title FROM tasks WHERE id = ? AND "
                                 "done_at IS NULL"),
                  {taskId});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::FollowUpRepository",
                                                 "The follow-up is already done or was deleted.")};
    Activity a;
    a.leadId = columnValue(*q, "lead_id").toLongLong();
    a.kind = kind;
    a.occurredAt = at;
    a.user = user;
    a.notes = notes.isEmpty() ? columnValue(*q, "title").toString() : notes;
    LeadRepository leads(m_db);
    auto id = leads.addActivity(a);
    if (!id)
        return id.failure();
    auto u = exec(m_db, QStringLiteral("UPDATE tasks SET done_at = ? WHERE id = ?"),
                  {dates::toIsoDateTime(at), taskId});
    if (!u)
        return u.failure();
    m_db.changes().noteLead(a.leadId, DataKind::Tasks);
    if (Status s = tx.commit(); !s)
        return s.failure();
    return *id;
}

Status FollowUpRepository::reopen(qint64 taskId, qint64 activityId) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    if (auto q =
            exec(m_db, QStringLiteral("UPDATE tasks SET done_at = NULL WHERE id = ?"), {taskId});
        !q)
        return q.failure();
    // The task's lead lost an activity (its last_activity_at may change).
    auto lead = exec(m_db, QStringLiteral("SELECT lead_id FROM tasks WHERE id = ?"), {taskId});
    if (!lead)
        return lead.failure();
    if (lead->next())
        m_db.changes().noteLead(lead->value(0).toLongLong(), DataKind::Tasks);
    else
        m_db.changes().note(DataKind::Tasks | DataKind::Leads);
    if (auto q = exec(m_db, QStringLiteral("DELETE FROM activities WHERE id = ?"), {activityId});
        !q)
        return q.failure();
    return tx.commit();
}

Result<QDateTime> FollowUpRepository::reschedule(qint64 taskId, const QDateTime &dueAt) {
    if (!dueAt.isValid())
        return Error{QCoreApplication::translate("mikomi::storage::FollowUpRepository",
                                                 "Enter when the follow-up is due.")};
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto q = exec(
        m_db, QStringLiteral("SELECT due_at, lead_id FROM tasks WHERE id = ? AND done_at IS NULL"),
        {taskId});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::FollowUpRepository",
                                                 "The follow-up is already done or was deleted.")};
    const QDateTime before =
        dates::fromIsoDateTime(columnValue(*q, "due_at").toString()).value_or(QDateTime());
    const qint64 leadId = columnValue(*q, "lead_id").toLongLong();
    q->finish();
    auto u = exec(m_db, QStringLiteral("UPDATE tasks SET due_at = ? WHERE id = ?"),
                  {dates::toIsoDateTime(dueAt), taskId});
    if (!u)
        return u.failure();
    m_db.changes().noteLead(leadId, DataKind::Tasks);
    if (Status s = tx.commit(); !s)
        return s.failure();
    return before;
}

} // namespace mikomi::storage
