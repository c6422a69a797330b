#include "models/storage/privacy.h"

#include "models/domain/dates.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace mikomi::storage {
namespace {

Result<qint64> countOf(Database &db, const QString &table, qint64 leadId) {
    // `table` is one of our own names, never user input.
    auto q =
        exec(db, QStringLiteral("SELECT count(*) FROM %1 WHERE lead_id = ?").arg(table), {leadId});
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toLongLong() : 0;
}

using V = QVariant;

const RowMapper<PersonTask> kTaskRow{
    {"id", [](PersonTask &t, const V &v) { t.id = v.toLongLong(); }},
    {"title", [](PersonTask &t, const V &v) { t.title = v.toString(); }},
    {"owner_name", [](PersonTask &t, const V &v) { t.owner = v.toString(); }},
    {"due_at",
     [](PersonTask &t, const V &v) {
         t.dueAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
    {"done_at",
     [](PersonTask &t, const V &v) {
         if (!v.isNull())
             t.doneAt = dates::fromIsoDateTime(v.toString());
     }},
    {"created_at",
     [](PersonTask &t, const V &v) {
         t.createdAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
};

Result<QList<PersonTask>> tasksOf(Database &db, qint64 leadId) {
    auto q = exec(db,
                  QStringLiteral("SELECT t.id, t.title, coalesce(u.name, '') AS owner_name, "
                                 "t.due_at, t.done_at, t.created_at FROM tasks t LEFT JOIN users "
                                 "u ON u.id = t.owner_id WHERE t.lead_id = ? ORDER BY t.id"),
                  {leadId});
    if (!q)
        return q.failure();
    QList<PersonTask> out;
    const auto row = kTaskRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

} // namespace

Result<QList<qint64>> leadsWithEmail(Database &db, const QString &email) {
    const QString key = text::normalizeEmail(email);
    QList<qint64> ids;
    if (key.isEmpty())
        return ids;
    auto q =
        exec(db,
             QStringLiteral("SELECT id FROM leads WHERE email_key = ? UNION SELECT lead_id FROM "
                            "lead_contacts WHERE key = ? AND kind = 'email' ORDER BY 1"),
             {key, key});
    if (!q)
        return q.failure();
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

Result<QList<PersonRecord>> personRecords(Database &db, const QList<qint64> &ids) {
    QList<PersonRecord> out;
    for (qint64 id : ids) {
        PersonRecord r;
        auto snap = snapshotLead(db, id);
        if (!snap)
            return snap.failure();
        r.data = std::move(*snap);
        auto tasks = tasksOf(db, id);
        if (!tasks)
            return tasks.failure();
        r.tasks = std::move(*tasks);
        out.append(std::move(r));
    }
    return out;
}

QStringList databaseCopies(const QString &databasePath) {
    const QFileInfo info(databasePath);
    const QString name = info.fileName();
    if (name.isEmpty())
        return {};
    // database.cpp's backupPathFor(): "F.vN.bak", or "F.vN-yyyyMMdd-HHmmss-zzz.bak".
    const QRegularExpression re(
        QStringLiteral("^%1\\.v\\d+(-[0-9-]+)?\\.bak$").arg(QRegularExpression::escape(name)));
    QStringList out;
    const QDir dir = info.absoluteDir();
    const QStringList entries =
        dir.entryList({name + QStringLiteral(".v*.bak")}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &e : entries)
        if (re.match(e).hasMatch())
            out << dir.filePath(e);
    return out;
}

Result<EraseSummary> eraseCount(Database &db, const QList<qint64> &ids) {
    EraseSummary s;
    for (qint64 id : ids) {
        auto q = exec(db, QStringLiteral("SELECT count(*) FROM leads WHERE id = ?"), {id});
        if (!q)
            return q.failure();
        if (!q->next() || q->value(0).toLongLong() == 0)
            return Error{QCoreApplication::translate("mikomi::storage::Privacy",
                                                     "There is no lead with id %1.")
                             .arg(id)};
        ++s.leads;
        struct Part {
            const char *table;
            qint64 *count;
        };
        const Part parts[] = {{"stage_history", &s.stageChanges},
                              {"touchpoints", &s.touchpoints},
                              {"activities", &s.activities},
                              {"tasks", &s.tasks},
                              {"lead_images", &s.cardImages}};
        for (const Part &p : parts) {
            auto n = countOf(db, QLatin1String(p.table), id);
            if (!n)
                return n.failure();
            *p.count += *n;
        }
    }
    s.copies = databaseCopies(db.path());
    return s;
}

Result<EraseSummary> erase(Database &db, const QList<qint64> &ids) {
    auto counted = eraseCount(db, ids);
    if (!counted)
        return counted;
    EraseSummary s = *counted;
    // Freed cells and pages are overwritten with zeros (Qt's own SQLite, on Windows and macOS, is
    // built with it off). Stays on for this connection.
    const bool file = db.backend() == Backend::Sqlite;
    if (file) {
        if (auto r = exec(db, QStringLiteral("PRAGMA secure_delete = ON")); !r)
            return r.failure();
    }
    {
        Transaction tx(db);
        if (!tx.started())
            return tx.failure();
        for (qint64 id : ids) {
            auto uuid = exec(db, QStringLiteral("SELECT uuid FROM leads WHERE id = ?"), {id});
            if (!uuid)
                return uuid.failure();
            const QString u = uuid->next() ? uuid->value(0).toString() : QString();
            // Cascades to stage_history, touchpoints, activities, tasks and the extra emails and
            // numbers (lead_contacts), the custom fields (lead_custom_fields); the trigger
            // leads_fts_delete adds a tombstone for the lead to the search index.
            if (auto q = exec(db, QStringLiteral("DELETE FROM leads WHERE id = ?"), {id}); !q)
                return q.failure();
            if (u.isEmpty())
                continue;
            // The lead's tombstone (schema 15, written by the delete) is its uuid alone; marked
            // erased, `mikomi merge` erases the person in the other database too. The merge
            // bases (the field values a merge last agreed on) go.
            if (auto q = exec(db, QStringLiteral("UPDATE tombstones SET erased = 1 WHERE uuid = ?"),
                              {u});
                !q)
                return q.failure();
            if (auto q = exec(db, QStringLiteral("DELETE FROM merge_base WHERE uuid = ?"), {u}); !q)
                return q.failure();
        }
        // The tombstone alone leaves the lead's trigrams in the older segments until they are
        // merged; 'optimize' merges every segment into one, without deleted rows.
        if (db.dialect().fts5()) {
            if (auto q = exec(db, QStringLiteral("INSERT INTO leads_fts(leads_fts) VALUES "
                                                 "('optimize')"));
                !q)
                return q.failure();
        }
        db.changes().noteLeads(QList<qint64>(ids.begin(), ids.end()), DataKind::Tasks);
        if (Status c = tx.commit(); !c)
            return c.failure();
    }
    // Rows deleted earlier while secure_delete was off, or old versions of an edited row, may
    // still lie in free space: VACUUM rewrites the file without any free space.
    // On a server: VACUUM of the tables the person was in frees their dead row versions (the
    // server's own log, archives and backups are its administrator's, docs/team.md).
    const QString vacuum =
        file ? QStringLiteral("VACUUM")
             : QStringLiteral("VACUUM leads, lead_scores, stage_history, touchpoints, activities, "
                              "tasks, lead_contacts, lead_custom_fields");
    if (auto v = exec(db, vacuum); v)
        s.compacted = true;
    else
        s.compactError = v.error();
    if (!file) {
        s.walEmptied = true; // no log of the app's own to empty
        return s;
    }
    // The log holds copies of the pages written before and during the erase.
    auto cp = exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (cp && cp->next())
        s.walEmptied = columnValue(*cp, "busy").toInt() == 0;
    return s;
}

QStringList deleteCopies(const QStringList &copies) {
    QStringList failed;
    for (const QString &c : copies)
        if (!QFile::remove(c))
            failed << c;
    return failed;
}

} // namespace mikomi::storage
