#include "models/storage/leadsnapshot.h"

#include "models/domain/dates.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/repositories.h"
#include "models/storage/rowuuid.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace mikomi::storage {
namespace {

// The columns of TaskRow::values, in its order: read by snapshotLead(), written by restoreLead().
const QStringList &taskValueColumns() {
    static const QStringList cols{QStringLiteral("title"),      QStringLiteral("owner_id"),
                                  QStringLiteral("due_at"),     QStringLiteral("done_at"),
                                  QStringLiteral("created_at"), QStringLiteral("uuid")};
    return cols;
}

} // namespace

Result<LeadSnapshot> snapshotLead(Database &db, qint64 id) {
    LeadRepository repo(db);
    LeadSnapshot s;
    auto lead = repo.get(id);
    if (!lead)
        return lead.failure();
    s.lead = *lead;
    auto h = repo.history(id);
    if (!h)
        return h.failure();
    s.history = *h;
    auto t = repo.touchpoints(id);
    if (!t)
        return t.failure();
    s.touchpoints = *t;
    auto a = repo.activities(id);
    if (!a)
        return a.failure();
    s.activities = *a;
    // Follow-ups too: deleting or merging a lead and undoing it must not lose its tasks.
    auto tasks = exec(db,
                      QStringLiteral("SELECT id, %1 FROM tasks WHERE lead_id = ? ORDER BY id")
                          .arg(taskValueColumns().join(QStringLiteral(", "))),
                      {id});
    if (!tasks)
        return tasks.failure();
    const QSqlRecord record = tasks->record();
    const int idColumn = record.indexOf(QLatin1String("id"));
    QList<int> valueColumns;
    for (const QString &c : taskValueColumns())
        valueColumns.append(record.indexOf(c));
    while (tasks->next()) {
        TaskRow row{tasks->value(idColumn).toLongLong(), {}};
        for (int c : std::as_const(valueColumns)) // NULL stays NULL (owner_id, done_at), not ''
            row.values.append(tasks->isNull(c) ? QVariant() : tasks->value(c));
        s.tasks.append(row);
    }
    // The card images too: undoing a delete must not lose them (they cascade with the lead).
    auto images = LeadImageStore(db).list(id);
    if (!images)
        return images.failure();
    s.images = *images;
    return s;
}

Status restoreLead(Database &db, const LeadSnapshot &s) {
    Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    LeadRepository repo(db);
    auto owner = repo.users().resolve(s.lead.owner);
    if (!owner)
        return owner.failure();
    auto source = repo.sources().resolve(s.lead.source);
    if (!source)
        return source.failure();
    const QStringList &cols = leadColumns();
    QStringList marks;
    for (qsizetype i = 0; i < cols.size() + 5; ++i)
        marks << QStringLiteral("?");
    QVariantList binds{s.lead.id};
    auto leadValues = leadBinds(db, s.lead, *owner, *source);
    if (!leadValues)
        return leadValues.failure();
    binds << *leadValues;
    binds << stageKey(s.lead.stage)
          << (s.lead.stage == Stage::Sql ? sqlKindKey(s.lead.sqlKind) : QString())
          << stageKey(std::max(s.lead.stage, s.lead.furthestStage)) << (s.lead.lost ? 1 : 0);
    if (auto q = exec(db,
                      QStringLiteral("INSERT INTO leads(id, %1, stage, sql_kind, furthest_stage, "
                                     "lost) VALUES (%2)")
                          .arg(cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                      binds);
        !q)
        return q.failure();
    if (auto q = exec(db, scoreWriteSql(), {s.lead.id, s.lead.score}); !q)
        return q.failure();
    // Not deleted after all: its tombstone goes (schema 15), or a merge would delete it again.
    if (auto q = exec(db, QStringLiteral("DELETE FROM tombstones WHERE uuid = ?"), {s.lead.uuid});
        !q)
        return q.failure();
    // Back at the version it had (an editor still open on it saves over it as before).
    if (s.lead.version > 0) {
        if (auto q = exec(db, QStringLiteral("UPDATE leads SET version = ? WHERE id = ?"),
                          {s.lead.version, s.lead.id});
            !q)
            return q.failure();
    }
    if (Status c = writeContacts(db, s.lead.id, s.lead.extraContacts); !c)
        return c;
    if (Status c = writeCustomFields(db, s.lead.id, s.lead.customFields); !c)
        return c;
    for (const StageChange &c : s.history) {
        auto q =
            exec(db,
                 QStringLiteral("INSERT INTO stage_history(id, lead_id, from_stage, to_stage, "
                                "lost, recycled, changed_at, user_name, note, uuid) VALUES "
                                "(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET lead_id = "
                                "excluded.lead_id, from_stage = excluded.from_stage, to_stage = "
                                "excluded.to_stage, lost = excluded.lost, recycled = "
                                "excluded.recycled, changed_at = excluded.changed_at, user_name = "
                                "excluded.user_name, note = excluded.note"),
                 {c.id, s.lead.id, c.fromStage ? QVariant(stageKey(*c.fromStage)) : QVariant(),
                  stageKey(c.toStage), c.lost ? 1 : 0, c.recycled ? 1 : 0,
                  dates::toIsoDateTime(c.changedAt), c.user, c.note, rowUuidOr(c.uuid)});
        if (!q)
            return q.failure();
    }
    for (const Touchpoint &t : s.touchpoints) {
        auto src = repo.sources().resolve(t.source);
        if (!src)
            return src.failure();
        auto q = exec(
            db,
            QStringLiteral("INSERT INTO touchpoints(id, lead_id, occurred_at, source_id, "
                           "medium, campaign, content, url, uuid) VALUES (?,?,?,?,?,?,?,?,?) ON "
                           "CONFLICT(id) DO UPDATE SET lead_id = excluded.lead_id, "
                           "occurred_at = excluded.occurred_at, source_id = "
                           "excluded.source_id, medium = excluded.medium, campaign = "
                           "excluded.campaign, content = excluded.content, url = "
                           "excluded.url"),
            {t.id, s.lead.id, dates::toIsoDateTime(t.occurredAt),
             *src > 0 ? QVariant(*src) : QVariant(), t.medium, t.campaign, t.content, t.url,
             rowUuidOr(t.uuid)});
        if (!q)
            return q.failure();
    }
    // An upsert, not INSERT OR REPLACE: an activity moved to another lead meanwhile (a merge)
    // comes back through an UPDATE, whose trigger recomputes last_activity_at of both leads;
    // a replace deletes without firing delete triggers, leaving the other lead's value stale.
    for (const Activity &a : s.activities) {
        auto q =
            exec(db,
                 QStringLiteral("INSERT INTO activities(id, lead_id, kind, occurred_at, "
                                "user_name, notes, uuid) VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO "
                                "UPDATE SET lead_id = excluded.lead_id, kind = excluded.kind, "
                                "occurred_at = excluded.occurred_at, user_name = "
                                "excluded.user_name, notes = excluded.notes"),
                 {a.id, s.lead.id, activityKindKey(a.kind), dates::toIsoDateTime(a.occurredAt),
                  a.user, a.notes, rowUuidOr(a.uuid)});
        if (!q)
            return q.failure();
    }
    // An upsert too: a task moved to another lead by a merge comes back to this one.
    for (const TaskRow &t : s.tasks) {
        QVariantList binds{t.id, s.lead.id};
        binds << t.values;
        auto q = exec(db,
                      QStringLiteral("INSERT INTO tasks(id, lead_id, %1) VALUES (?,?,?,?,?,?,?,?) "
                                     "ON CONFLICT(id) DO UPDATE SET lead_id = excluded.lead_id, "
                                     "title = excluded.title, owner_id = excluded.owner_id, "
                                     "due_at = excluded.due_at, done_at = excluded.done_at, "
                                     "created_at = excluded.created_at")
                          .arg(taskValueColumns().join(QStringLiteral(", "))),
                      binds);
        if (!q)
            return q.failure();
    }
    LeadImageStore images(db);
    for (const LeadImage &image : s.images) {
        if (Status st = images.restore(image, s.lead.id); !st)
            return st;
    }
    db.changes().noteLead(s.lead.id, DataKind::Tasks);
    return tx.commit();
}

Status deleteLeads(Database &db, const QList<qint64> &ids) {
    Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    for (qint64 id : ids) {
        auto q = exec(db, QStringLiteral("DELETE FROM leads WHERE id = ?"), {id});
        if (!q)
            return q.failure();
        if (q->numRowsAffected() == 0)
            return Error{QCoreApplication::translate(
                "mikomi::storage::LeadSnapshot",
                "The lead no longer exists; it may have been deleted.")};
    }
    // Their tasks go with them (ON DELETE CASCADE).
    db.changes().noteLeads(ids, DataKind::Tasks);
    return tx.commit();
}

} // namespace mikomi::storage
