#include "models/storage/databasemerge.h"

#include "models/domain/dates.h"
#include "models/domain/leadfields.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/rowuuid.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <functional>

namespace mikomi::storage {
namespace {

QString describe(const Lead &l) {
    const bool cjk = !l.familyName.isEmpty() && l.familyName.at(0).unicode() >= 0x3000;
    QStringList parts;
    if (!l.company.isEmpty())
        parts << l.company;
    if (const QString name = l.displayName(cjk).trimmed(); !name.isEmpty())
        parts << name;
    if (parts.isEmpty() && !l.email.isEmpty())
        parts << l.email;
    return parts.join(QLatin1Char(' '));
}

QJsonObject fieldValues(const Lead &l) {
    QJsonObject o;
    for (const LeadField &f : leadFields())
        o.insert(f.name, f.get(l));
    return o;
}

// The database's own identity (schema v13 gives every database one).
Result<QString> databaseId(Database &db) {
    SettingsRepository settings(db);
    auto id = settings.value(QStringLiteral("database_id"));
    if (!id)
        return id.failure();
    if (*id && !(*id)->isEmpty())
        return **id;
    const QString made = newRowUuid();
    if (Status s = settings.setValue(QStringLiteral("database_id"), made); !s)
        return s.failure();
    return made;
}

Result<QHash<QString, QJsonObject>> readBases(Database &db, const QString &peer) {
    auto q = exec(db, QStringLiteral("SELECT uuid, fields FROM merge_base WHERE peer = ?"), {peer});
    if (!q)
        return q.failure();
    QHash<QString, QJsonObject> out;
    while (q->next())
        out.insert(q->value(0).toString(),
                   QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object());
    return out;
}

Status writeBase(Database &db, const QString &peer, const QString &uuid, const QJsonObject &base,
                 const QString &now) {
    auto q = exec(
        db,
        QStringLiteral("INSERT INTO merge_base(peer, uuid, fields, merged_at) VALUES "
                       "(?, ?, ?, ?) ON CONFLICT(peer, uuid) DO UPDATE SET fields = "
                       "excluded.fields, merged_at = excluded.merged_at"),
        {peer, uuid, QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact)), now});
    return q ? Status() : Status(q.failure());
}

Result<QSet<QString>> uuidsOf(Database &db, const QString &table) {
    // Table names from uuidTables(), never from input.
    auto q = exec(db, QStringLiteral("SELECT uuid FROM %1 WHERE uuid <> ''").arg(table));
    if (!q)
        return q.failure();
    QSet<QString> out;
    while (q->next())
        out.insert(q->value(0).toString());
    return out;
}

Result<QHash<QString, qint64>> leadIdsByUuid(Database &db) {
    auto q = exec(db, QStringLiteral("SELECT uuid, id FROM leads WHERE uuid <> ''"));
    if (!q)
        return q.failure();
    QHash<QString, qint64> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toLongLong());
    return out;
}

// A task of the source as the target stores it (owner by name).
struct TaskRow {
    QString uuid;
    QString title;
    QString owner;
    QVariant dueAt;
    QVariant doneAt;
    QVariant createdAt;
};

Result<QList<TaskRow>> tasksOf(Database &db, qint64 leadId) {
    auto q = exec(db,
                  QStringLiteral("SELECT t.uuid, t.title, coalesce(u.name, '') AS owner_name, "
                                 "t.due_at, t.done_at, t.created_at FROM tasks t LEFT JOIN users "
                                 "u ON u.id = t.owner_id WHERE t.lead_id = ? ORDER BY t.id"),
                  {leadId});
    if (!q)
        return q.failure();
    QList<TaskRow> out;
    while (q->next()) {
        out.append({columnValue(*q, "uuid").toString(), columnValue(*q, "title").toString(),
                    columnValue(*q, "owner_name").toString(), columnValue(*q, "due_at"),
                    columnValue(*q, "done_at"), columnValue(*q, "created_at")});
    }
    return out;
}

class Merger {
public:
    Merger(Database &source, Database &target, const MergeOptions &options)
        : m_source(source)
        , m_target(target)
        , m_options(options)
        , m_sourceRepo(source)
        , m_targetRepo(target) {}

    Status run(MergeSummary &summary);

private:
    Status addLead(const Lead &lead, MergeSummary &summary);
    Status mergeLead(const Lead &mine, qint64 targetId, MergeSummary &summary);
    // Adds the rows of the source lead `sourceId` whose UUIDs the target does not have.
    Result<int> addRows(qint64 sourceId, qint64 targetId);

    Database &m_source;
    Database &m_target;
    MergeOptions m_options;
    LeadRepository m_sourceRepo;
    LeadRepository m_targetRepo;
    QString m_sourceId;
    QString m_targetId;
    QString m_now;
    QHash<QString, QJsonObject> m_bases;
    QHash<QString, QSet<QString>> m_targetRows; // table → uuids
};

Status Merger::run(MergeSummary &summary) {
    if (Status s = fillMissingUuids(m_source); !s)
        return s;
    if (Status s = fillMissingUuids(m_target); !s)
        return s;
    auto sid = databaseId(m_source);
    if (!sid)
        return sid.failure();
    auto tid = databaseId(m_target);
    if (!tid)
        return tid.failure();
    if (*sid == *tid)
        return Error{QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                                 "%1 and %2 are the same database (or copies of "
                                                 "one file); there is nothing to merge.")
                         .arg(m_source.path(), m_target.path())};
    m_sourceId = *sid;
    m_targetId = *tid;
    m_now = dates::toIsoDateTime(QDateTime::currentDateTime());
    auto bases = readBases(m_target, m_sourceId);
    if (!bases)
        return bases.failure();
    m_bases = std::move(*bases);
    for (const QString &table : uuidTables()) {
        auto u = uuidsOf(m_target, table);
        if (!u)
            return u.failure();
        m_targetRows.insert(table, std::move(*u));
    }
    auto known = leadIdsByUuid(m_target);
    if (!known)
        return known.failure();

    QList<Lead> leads;
    if (Status s = m_sourceRepo.forEach({},
                                        [&](Lead &&l) {
                                            leads.append(std::move(l));
                                            return true;
                                        });
        !s)
        return s;
    for (const Lead &lead : std::as_const(leads)) {
        const auto it = known->constFind(lead.uuid);
        Status s = it == known->cend() ? addLead(lead, summary) : mergeLead(lead, *it, summary);
        if (!s)
            return s;
    }
    return {};
}

Status Merger::addLead(const Lead &mine, MergeSummary &summary) {
    Lead lead = mine;
    lead.id = 0;
    lead.version = 0;
    auto dups = findDuplicates(m_target, lead);
    if (!dups)
        return dups.failure();
    auto history = m_sourceRepo.history(mine.id);
    if (!history)
        return history.failure();
    QList<StageChange> changes = *history;
    for (StageChange &c : changes)
        c.id = 0;
    auto id = m_targetRepo.insert(lead, changes);
    if (!id)
        return id.failure();
    for (const StageChange &c : std::as_const(changes))
        m_targetRows[QStringLiteral("stage_history")].insert(c.uuid);
    auto rows = addRows(mine.id, *id);
    if (!rows)
        return rows.failure();
    summary.rowsAdded += *rows + int(changes.size());
    ++summary.added;
    for (const DuplicateMatch &d : std::as_const(*dups)) {
        MergeDuplicate md;
        md.uuid = mine.uuid;
        md.addedId = m_options.dryRun ? 0 : *id;
        md.name = describe(mine);
        md.existingId = d.id;
        Lead existing;
        existing.company = d.company;
        existing.familyName = d.familyName;
        existing.givenName = d.givenName;
        existing.email = d.email;
        md.existingName = describe(existing);
        md.reason = d.reason;
        summary.duplicates.append(md);
    }
    const QJsonObject values = fieldValues(mine);
    if (Status s = writeBase(m_target, m_sourceId, mine.uuid, values, m_now); !s)
        return s;
    return writeBase(m_source, m_targetId, mine.uuid, values, m_now);
}

Status Merger::mergeLead(const Lead &mine, qint64 targetId, MergeSummary &summary) {
    auto theirs = m_targetRepo.get(targetId);
    if (!theirs)
        return theirs.failure();
    const auto baseIt = m_bases.constFind(mine.uuid);
    const QJsonObject oldBase = baseIt == m_bases.cend() ? QJsonObject() : *baseIt;
    QJsonObject newBase = oldBase;
    Lead merged = *theirs;
    bool taken = false;
    for (const LeadField &f : leadFields()) {
        const QString s = f.get(mine);
        const QString t = f.get(*theirs);
        const bool hasBase = oldBase.contains(f.name);
        const QString b = oldBase.value(f.name).toString();
        if (s == t) {
            newBase.insert(f.name, s); // both agree
            continue;
        }
        if (hasBase && s == b)
            continue;            // changed in the target only: kept
        if (hasBase && t == b) { // changed in the source only: taken
            f.set(merged, s);
            newBase.insert(f.name, s);
            taken = true;
            continue;
        }
        MergeConflict c;
        c.uuid = mine.uuid;
        c.targetId = targetId;
        c.name = describe(*theirs);
        c.field = f.name;
        c.hasBefore = hasBase;
        c.before = b;
        c.source = s;
        c.target = t;
        summary.conflicts.append(c);
    }
    if (taken) {
        merged.updatedAt = QDateTime::currentDateTime();
        if (Status s = m_targetRepo.update(merged); !s)
            return s;
        const Stage furthest =
            std::max({merged.furthestStage, merged.stage, theirs->furthestStage});
        auto q = exec(m_target,
                      QStringLiteral("UPDATE leads SET stage = ?, sql_kind = ?, furthest_stage = "
                                     "?, lost = ?, updated_by = ? WHERE id = ?"),
                      {stageKey(merged.stage),
                       merged.stage == Stage::Sql ? sqlKindKey(merged.sqlKind) : QString(),
                       stageKey(furthest), merged.lost ? 1 : 0, m_options.user, targetId});
        if (!q)
            return q.failure();
    }
    auto rows = addRows(mine.id, targetId);
    if (!rows)
        return rows.failure();
    summary.rowsAdded += *rows;
    if (taken || *rows > 0)
        ++summary.updated;
    else
        ++summary.unchanged;
    if (newBase != oldBase || baseIt == m_bases.cend()) {
        if (Status s = writeBase(m_target, m_sourceId, mine.uuid, newBase, m_now); !s)
            return s;
        if (Status s = writeBase(m_source, m_targetId, mine.uuid, newBase, m_now); !s)
            return s;
    }
    return {};
}

Result<int> Merger::addRows(qint64 sourceId, qint64 targetId) {
    int added = 0;
    QSet<QString> &history = m_targetRows[QStringLiteral("stage_history")];
    auto h = m_sourceRepo.history(sourceId);
    if (!h)
        return h.failure();
    for (StageChange c : *h) {
        if (history.contains(c.uuid))
            continue;
        c.id = 0;
        c.leadId = targetId;
        if (Status s = m_targetRepo.addStageChange(c); !s)
            return s.failure();
        history.insert(c.uuid);
        ++added;
    }
    QSet<QString> &touches = m_targetRows[QStringLiteral("touchpoints")];
    auto t = m_sourceRepo.touchpoints(sourceId);
    if (!t)
        return t.failure();
    for (Touchpoint tp : *t) {
        if (touches.contains(tp.uuid))
            continue;
        tp.id = 0;
        tp.leadId = targetId;
        if (auto r = m_targetRepo.addTouchpoint(tp); !r)
            return r.failure();
        touches.insert(tp.uuid);
        ++added;
    }
    QSet<QString> &acts = m_targetRows[QStringLiteral("activities")];
    auto a = m_sourceRepo.activities(sourceId);
    if (!a)
        return a.failure();
    for (Activity act : *a) {
        if (acts.contains(act.uuid))
            continue;
        act.id = 0;
        act.leadId = targetId;
        if (auto r = m_targetRepo.addActivity(act); !r)
            return r.failure();
        acts.insert(act.uuid);
        ++added;
    }
    QSet<QString> &taskIds = m_targetRows[QStringLiteral("tasks")];
    auto tasks = tasksOf(m_source, sourceId);
    if (!tasks)
        return tasks.failure();
    for (const TaskRow &task : *tasks) {
        if (taskIds.contains(task.uuid))
            continue;
        auto owner = m_targetRepo.users().resolve(task.owner);
        if (!owner)
            return owner.failure();
        auto q = exec(m_target,
                      QStringLiteral("INSERT INTO tasks(lead_id, title, owner_id, due_at, done_at, "
                                     "created_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {targetId, task.title, *owner > 0 ? QVariant(*owner) : QVariant(), task.dueAt,
                       task.doneAt, task.createdAt, task.uuid});
        if (!q)
            return q.failure();
        taskIds.insert(task.uuid);
        m_target.changes().noteLead(targetId, DataKind::Tasks);
        ++added;
    }
    return added;
}

} // namespace

const QStringList &mergeFields() {
    static const QStringList names = [] {
        QStringList out;
        for (const LeadField &f : leadFields())
            out << f.name;
        return out;
    }();
    return names;
}

Result<MergeSummary> mergeDatabases(Database &source, Database &target,
                                    const MergeOptions &options) {
    Transaction targetTx(target);
    if (!targetTx.started())
        return targetTx.failure();
    Transaction sourceTx(source);
    if (!sourceTx.started())
        return sourceTx.failure();
    MergeSummary summary;
    Merger merger(source, target, options);
    if (Status s = merger.run(summary); !s)
        return s.failure(); // both rolled back
    if (options.dryRun) {
        sourceTx.rollback();
        targetTx.rollback();
        return summary;
    }
    // The target first: should the source's commit fail, the next merge finds the target's
    // rows by UUID and adds nothing twice.
    if (Status s = targetTx.commit(); !s)
        return s.failure();
    if (Status s = sourceTx.commit(); !s)
        return s.failure();
    return summary;
}

} // namespace mikomi::storage
