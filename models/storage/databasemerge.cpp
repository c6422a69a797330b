#include "models/storage/databasemerge.h"

#include "models/domain/dates.h"
#include "models/domain/leadfields.h"
#include "models/domain/textcheck.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/countrystore.h"
#include "models/storage/database.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadkeys.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/rowuuid.h"
#include "models/storage/secondconnection.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>

namespace mikomi::storage {
namespace {

// The leads `ids` of `repo`, by id; none for no ids. (LeadRepository::forEach() reads every lead
// when given none: a booth of new cards merged into a team server of a million leads read them
// all for nothing, 4.5 s on the server and gigabytes in the client, bench_team.)
Status leadsById(const LeadRepository &repo, const QList<qint64> &ids, QHash<qint64, Lead> &out) {
    if (ids.isEmpty())
        return {};
    return repo.forEach(ids, [&](Lead &&l) {
        out.insert(l.id, std::move(l));
        return true;
    });
}

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

// The key of a lead's merge base that holds its tasks' bases: {task uuid: {field: value}}.
const QString kTasksKey = QStringLiteral("tasks");
// The key of a lead's merge base that says the target kept the lead against the source's
// deletion (a deletion conflict settled "keep"): the deleted_at of that tombstone, so that the
// same deletion is not offered again (a later deletion, after an undo there, is).
const QString kKeptKey = QStringLiteral("kept_deleted_at");

// A stored time as the instant it is (UTC), so that the same moment written at two offsets
// compares equal; "" for none (an open task's done_at).
QString instant(const QString &stored) {
    if (stored.isEmpty())
        return {};
    const auto t = dates::fromIsoDateTime(stored);
    return t ? dates::toIsoDateTime(t->toUTC()) : stored;
}

// The same time: the same text (nearly always), else the same instant.
bool sameTime(const QString &a, const QString &b) {
    return a == b || (!a.isEmpty() && !b.isEmpty() && instant(a) == instant(b));
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

// Lists of bound values are sent in chunks of this many (SQLite takes 32,766 parameters per
// statement, PostgreSQL 65,535; a few hundred keep each statement small).
constexpr qsizetype kChunk = 400;

QString marks(qsizetype n, int columns = 1) {
    QString one = columns == 1 ? QStringLiteral("?") : QStringLiteral("(?");
    if (columns > 1) {
        for (int c = 1; c < columns; ++c)
            one += QStringLiteral(",?");
        one += u')';
    }
    return QStringList(n, one).join(u',');
}

// Runs `sql` (with "%1" where the marks go) once per chunk of `values`, one value per row;
template <typename Visit>
Status forChunks(const Database &db, const QString &sql, const QVariantList &values, Visit visit) {
    for (qsizetype from = 0; from < values.size(); from += kChunk) {
        const QVariantList part = values.mid(from, kChunk);
        auto q = exec(db, sql.arg(marks(part.size())), part);
        if (!q)
            return q.failure();
        if (Status s = visit(q.value()); !s)
            return s;
    }
    return {};
}

// Writes the merge bases of many leads: one multi-row upsert per chunk.
Status writeBases(Database &db, const QString &peer,
                  const QList<std::pair<QString, QJsonObject>> &bases, const QString &now) {
    constexpr qsizetype rows = 200;
    for (qsizetype from = 0; from < bases.size(); from += rows) {
        const qsizetype n = std::min(rows, bases.size() - from);
        QVariantList binds;
        binds.reserve(n * 4);
        for (qsizetype i = from; i < from + n; ++i) {
            binds << peer << bases.at(i).first
                  << QString::fromUtf8(
                         QJsonDocument(bases.at(i).second).toJson(QJsonDocument::Compact))
                  << now;
        }
        auto q = exec(db,
                      QStringLiteral("INSERT INTO merge_base(peer, uuid, fields, merged_at) VALUES "
                                     "%1 ON CONFLICT(peer, uuid) DO UPDATE SET fields = "
                                     "excluded.fields, merged_at = excluded.merged_at")
                          .arg(marks(n, 4)),
                      binds);
        if (!q)
            return q.failure();
    }
    return {};
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

// The rows hanging off the source's leads, by source lead id, each list in the order the
// repository reads one lead's (history by time, touchpoints and activities by time, tasks by id).
struct SourceRows {
    QHash<qint64, QList<StageChange>> history;
    QHash<qint64, QList<Touchpoint>> touchpoints;
    QHash<qint64, QList<Activity>> activities;
    QHash<qint64, QList<TaskRow>> tasks;
};

using V = QVariant;

QDateTime dateTimeFrom(const V &v) {
    return dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
}

struct HistoryRow {
    qint64 leadId = 0;
    StageChange c;
};
const RowMapper<HistoryRow> kHistoryRow{
    {"lead_id", [](HistoryRow &r, const V &v) { r.leadId = v.toLongLong(); }},
    {"from_stage",
     [](HistoryRow &r, const V &v) {
         if (!v.isNull())
             r.c.fromStage = stageFromKey(v.toString());
     }},
    {"to_stage",
     [](HistoryRow &r, const V &v) {
         r.c.toStage = stageFromKey(v.toString()).value_or(Stage::Inquiry);
     }},
    {"lost", [](HistoryRow &r, const V &v) { r.c.lost = v.toInt() != 0; }},
    {"recycled", [](HistoryRow &r, const V &v) { r.c.recycled = v.toInt() != 0; }},
    {"changed_at", [](HistoryRow &r, const V &v) { r.c.changedAt = dateTimeFrom(v); }},
    {"user_name", [](HistoryRow &r, const V &v) { r.c.user = v.toString(); }},
    {"note", [](HistoryRow &r, const V &v) { r.c.note = v.toString(); }},
    {"uuid", [](HistoryRow &r, const V &v) { r.c.uuid = v.toString(); }},
};

struct TouchRow {
    qint64 leadId = 0;
    Touchpoint t;
};
const RowMapper<TouchRow> kTouchRow{
    {"lead_id", [](TouchRow &r, const V &v) { r.leadId = v.toLongLong(); }},
    {"occurred_at", [](TouchRow &r, const V &v) { r.t.occurredAt = dateTimeFrom(v); }},
    {"source_name", [](TouchRow &r, const V &v) { r.t.source = v.toString(); }},
    {"medium", [](TouchRow &r, const V &v) { r.t.medium = v.toString(); }},
    {"campaign", [](TouchRow &r, const V &v) { r.t.campaign = v.toString(); }},
    {"content", [](TouchRow &r, const V &v) { r.t.content = v.toString(); }},
    {"url", [](TouchRow &r, const V &v) { r.t.url = v.toString(); }},
    {"uuid", [](TouchRow &r, const V &v) { r.t.uuid = v.toString(); }},
};

struct ActivityRow {
    qint64 leadId = 0;
    Activity a;
};
const RowMapper<ActivityRow> kActivityRow{
    {"lead_id", [](ActivityRow &r, const V &v) { r.leadId = v.toLongLong(); }},
    {"kind",
     [](ActivityRow &r, const V &v) {
         r.a.kind = activityKindFromKey(v.toString()).value_or(ActivityKind::Note);
     }},
    {"occurred_at", [](ActivityRow &r, const V &v) { r.a.occurredAt = dateTimeFrom(v); }},
    {"user_name", [](ActivityRow &r, const V &v) { r.a.user = v.toString(); }},
    {"notes", [](ActivityRow &r, const V &v) { r.a.notes = v.toString(); }},
    {"uuid", [](ActivityRow &r, const V &v) { r.a.uuid = v.toString(); }},
};

struct SourceTaskRow {
    qint64 leadId = 0;
    TaskRow t;
};
const RowMapper<SourceTaskRow> kTaskRow{
    {"lead_id", [](SourceTaskRow &r, const V &v) { r.leadId = v.toLongLong(); }},
    {"uuid", [](SourceTaskRow &r, const V &v) { r.t.uuid = v.toString(); }},
    {"title", [](SourceTaskRow &r, const V &v) { r.t.title = v.toString(); }},
    {"owner_name", [](SourceTaskRow &r, const V &v) { r.t.owner = v.toString(); }},
    {"due_at", [](SourceTaskRow &r, const V &v) { r.t.dueAt = v; }},
    // An open task's NULL stays NULL: a null QString would be bound as '' (sql.cpp), which
    // reads as done (before this was seen, merged open tasks were written so).
    {"done_at",
     [](SourceTaskRow &r, const V &v) {
         if (!v.toString().isEmpty())
             r.t.doneAt = v;
     }},
    {"created_at", [](SourceTaskRow &r, const V &v) { r.t.createdAt = v; }},
};

// Every row of `sql`, read with `mapper` and appended to `out[leadId]`.
template <typename Row, typename T, typename Pick>
Status readGrouped(Database &db, const QString &sql, const RowMapper<Row> &mapper,
                   QHash<qint64, QList<T>> &out, Pick pick) {
    auto q = exec(db, sql);
    if (!q)
        return q.failure();
    const auto row = mapper.bind(*q);
    while (q->next()) {
        Row r = row.read();
        out[r.leadId].append(pick(r));
    }
    if (q->lastError().isValid())
        return Error{sqlErrorMessage(q->lastError())};
    return {};
}

// The source's rows in four queries (a booth laptop's file holds a few thousand leads).
Status readSourceRows(Database &db, SourceRows &rows) {
    if (Status s = readGrouped(
            db,
            QStringLiteral("SELECT lead_id, from_stage, to_stage, lost, recycled, changed_at, "
                           "user_name, note, uuid FROM stage_history ORDER BY lead_id, "
                           "changed_at, id"),
            kHistoryRow, rows.history, [](HistoryRow &r) { return std::move(r.c); });
        !s)
        return s;
    if (Status s = readGrouped(
            db,
            QStringLiteral("SELECT t.lead_id, t.occurred_at, coalesce(s.name, '') AS "
                           "source_name, t.medium, t.campaign, t.content, t.url, t.uuid FROM "
                           "touchpoints t LEFT JOIN sources s ON s.id = t.source_id ORDER BY "
                           "t.lead_id, t.occurred_at, t.id"),
            kTouchRow, rows.touchpoints, [](TouchRow &r) { return std::move(r.t); });
        !s)
        return s;
    if (Status s = readGrouped(
            db,
            QStringLiteral("SELECT lead_id, kind, occurred_at, user_name, notes, uuid FROM "
                           "activities ORDER BY lead_id, occurred_at, id"),
            kActivityRow, rows.activities, [](ActivityRow &r) { return std::move(r.a); });
        !s)
        return s;
    return readGrouped(
        db,
        QStringLiteral("SELECT t.lead_id, t.uuid, t.title, coalesce(u.name, '') AS owner_name, "
                       "t.due_at, t.done_at, t.created_at FROM tasks t LEFT JOIN users u ON u.id "
                       "= t.owner_id ORDER BY t.lead_id, t.id"),
        kTaskRow, rows.tasks, [](SourceTaskRow &r) { return std::move(r.t); });
}

std::atomic<qint64> g_lookupsApart{0};
std::atomic<bool> g_secondFails{false};

// The duplicate rules of storage::findDuplicates (email, phone, company + person; at most 50
// leads per key, in id order, strongest reason first) answered from memory: the target's leads
// that share a key with any lead being added are read in a few set-wise queries, and each lead
// added is remembered, so a lead later in the same merge is offered as its duplicate too.
class DuplicateIndex {
public:
    struct Keys {
        QStringList emails;
        QStringList phones;
        QString company; // company + person
        QString person;
    };

    static Keys keysOf(const Lead &lead, const LeadKeys &k, const QString &region) {
        Keys out;
        out.emails << k.email;
        out.phones << k.phone << k.mobile;
        for (const ContactPoint &c : lead.extraContacts) {
            if (c.kind == ContactKind::Email)
                out.emails << contactKey(c, region);
            else if (c.kind != ContactKind::Fax)
                out.phones << contactKey(c, region);
        }
        out.emails.removeDuplicates();
        out.phones.removeDuplicates();
        out.emails.removeAll(QString());
        out.phones.erase(std::remove_if(out.phones.begin(), out.phones.end(),
                                        [](const QString &p) { return p.size() < 6; }),
                         out.phones.end());
        if (!k.company.isEmpty() && !k.person.isEmpty()) {
            out.company = k.company;
            out.person = k.person;
        }
        return out;
    }

    // Reads the target's leads sharing a key with `wanted`, but those of `skip`.
    Status load(const Database &db, const QList<Keys> &wanted, const QList<qint64> &skip = {}) {
        const QSet<qint64> skipped(skip.cbegin(), skip.cend());
        QSet<QString> emails, phones, pairs;
        QVariantList pairList; // company, person, company, person…
        for (const Keys &k : wanted) {
            for (const QString &e : k.emails)
                emails.insert(e);
            for (const QString &p : k.phones)
                phones.insert(p);
            if (!k.company.isEmpty() && !pairs.contains(pairKey(k.company, k.person))) {
                pairs.insert(pairKey(k.company, k.person));
                pairList << k.company << k.person;
            }
        }
        const auto list = [](const QSet<QString> &set) {
            QVariantList out;
            out.reserve(set.size());
            for (const QString &s : set)
                out << s;
            return out;
        };
        const QVariantList emailList = list(emails);
        const QVariantList phoneList = list(phones);
        const auto add = [&skipped](QHash<QString, QList<qint64>> &map, const QString &key,
                                    qint64 id) {
            if (!skipped.contains(id))
                map[key].append(id);
        };
        // Rows of (lead id, key) whose key is one of `keys`, into `map`.
        const auto byKey = [&](const QString &sql, const QVariantList &keys,
                               QHash<QString, QList<qint64>> &map) {
            return forChunks(db, sql, keys, [&](QSqlQuery &q) -> Status {
                while (q.next())
                    add(map, q.value(1).toString(), q.value(0).toLongLong());
                return {};
            });
        };
        // The leads and further contacts with one of the booth's emails or numbers. `key <> ''`
        // is written out: the key indexes are partial (WHERE key <> ''), and neither SQLite nor
        // PostgreSQL (with more than 100 values in the list) proves it from the IN list alone,
        // so without it each chunk read the whole table (268 ms -> 14 ms per chunk of 500 at
        // 1,000,000 leads on a server, EXPLAIN ANALYZE).
        const struct {
            QString sql;
            const QVariantList &keys;
            QHash<QString, QList<qint64>> &map;
        } lookups[] = {
            {QStringLiteral(
                 "SELECT id, email_key FROM leads WHERE email_key <> '' AND email_key IN (%1)"),
             emailList, m_email},
            {QStringLiteral(
                 "SELECT lead_id, key FROM lead_contacts WHERE kind = 'email' AND key <> "
                 "'' AND key IN (%1)"),
             emailList, m_email},
            {QStringLiteral(
                 "SELECT id, phone_key FROM leads WHERE phone_key <> '' AND phone_key IN (%1)"),
             phoneList, m_phone},
            {QStringLiteral(
                 "SELECT id, mobile_key FROM leads WHERE mobile_key <> '' AND mobile_key IN (%1)"),
             phoneList, m_phone},
            {QStringLiteral("SELECT lead_id, key FROM lead_contacts WHERE kind IN ('phone', "
                            "'mobile') AND key <> '' AND key IN (%1)"),
             phoneList, m_phone},
        };
        for (const auto &l : lookups) {
            if (Status s = byKey(l.sql, l.keys, l.map); !s)
                return s;
        }
        // The leads with one of the booth's company + person pairs, through leads_company_person
        // (by the company alone, a few companies shared by many leads read hundreds of
        // thousands of rows at 1,000,000 leads).
        for (qsizetype from = 0; from < pairList.size(); from += 2 * kChunk) {
            const QVariantList part = pairList.mid(from, 2 * kChunk);
            auto q = exec(db,
                          QStringLiteral("SELECT id, company_key, person_key FROM leads WHERE "
                                         "(company_key, person_key) IN (VALUES %1)")
                              .arg(marks(part.size() / 2, 2)),
                          part);
            if (!q)
                return q.failure();
            while (q->next()) {
                add(m_companyPerson, pairKey(q->value(1).toString(), q->value(2).toString()),
                    q->value(0).toLongLong());
            }
        }
        // Each key's leads once, in id order (as the queries of findDuplicates give them), and
        // only the first 50 (find() offers no more): only theirs are read.
        QSet<qint64> needInfo;
        for (auto *map : {&m_email, &m_phone, &m_companyPerson}) {
            for (QList<qint64> &ids : *map) {
                std::sort(ids.begin(), ids.end());
                ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
                if (ids.size() > kMaxPerKey)
                    ids.resize(kMaxPerKey);
                for (const qint64 id : std::as_const(ids))
                    needInfo.insert(id);
            }
        }
        QVariantList idList;
        for (qint64 id : std::as_const(needInfo))
            idList << id;
        return forChunks(db,
                         QStringLiteral("SELECT id, company, family_name, given_name, email FROM "
                                        "leads WHERE id IN (%1)"),
                         idList, [&](QSqlQuery &q) -> Status {
                             while (q.next()) {
                                 DuplicateMatch m;
                                 m.id = q.value(0).toLongLong();
                                 m.company = q.value(1).toString();
                                 m.familyName = q.value(2).toString();
                                 m.givenName = q.value(3).toString();
                                 m.email = q.value(4).toString();
                                 m_info.insert(m.id, m);
                             }
                             return {};
                         });
    }

    // What findDuplicates would say for `lead` (not stored yet).
    QList<DuplicateMatch> find(const Lead &lead, const Keys &k) const {
        QList<DuplicateMatch> out;
        QSet<qint64> seen{0};
        const auto collect = [&](const QList<qint64> &ids, DuplicateReason reason) {
            for (qsizetype i = 0; i < std::min<qsizetype>(ids.size(), kMaxPerKey); ++i) {
                const auto it = m_info.constFind(ids.at(i));
                if (it == m_info.cend() || seen.contains(it->id))
                    continue;
                DuplicateMatch m = *it;
                m.reason = reason;
                if (reason == DuplicateReason::CompanyPerson &&
                    text::nfkcSimplified(m.company) != text::nfkcSimplified(lead.company))
                    m.reason = DuplicateReason::Suggestion;
                seen.insert(m.id);
                out << m;
            }
        };
        for (const QString &e : k.emails)
            collect(m_email.value(e), DuplicateReason::Email);
        for (const QString &p : k.phones)
            collect(m_phone.value(p), DuplicateReason::Phone);
        if (!k.company.isEmpty())
            collect(m_companyPerson.value(pairKey(k.company, k.person)),
                    DuplicateReason::CompanyPerson);
        std::stable_sort(out.begin(), out.end(),
                         [](const DuplicateMatch &a, const DuplicateMatch &b) {
                             return int(a.reason) < int(b.reason);
                         });
        return out;
    }

    // A lead just added (its id is greater than any read): found by the leads after it.
    void remember(const Lead &lead, qint64 id, const Keys &k, const LeadKeys &own,
                  const QString &region) {
        DuplicateMatch m;
        m.id = id;
        m.company = lead.company;
        m.familyName = lead.familyName;
        m.givenName = lead.givenName;
        m.email = lead.email;
        m_info.insert(id, m);
        // As stored: its own keys and its extra contacts' keys (tidied, as the writers store
        // them).
        QStringList emails{own.email};
        QStringList phones{own.phone, own.mobile};
        for (const ContactPoint &given : lead.extraContacts) {
            const ContactPoint c = tidiedContact(given);
            if (c.value.isEmpty())
                continue;
            if (c.kind == ContactKind::Email)
                emails << contactKey(c, region);
            else if (c.kind != ContactKind::Fax)
                phones << contactKey(c, region);
        }
        for (const QString &e : std::as_const(emails)) {
            if (!e.isEmpty())
                appendOnce(m_email[e], id);
        }
        for (const QString &p : std::as_const(phones)) {
            if (!p.isEmpty())
                appendOnce(m_phone[p], id);
        }
        if (!k.company.isEmpty())
            appendOnce(m_companyPerson[pairKey(k.company, k.person)], id);
    }

private:
    static constexpr qsizetype kMaxPerKey = 50;
    static QString pairKey(const QString &company, const QString &person) {
        return company + QChar(0x1f) + person;
    }
    static void appendOnce(QList<qint64> &ids, qint64 id) {
        if (ids.isEmpty() || ids.constLast() != id)
            ids.append(id);
    }
    QHash<QString, QList<qint64>> m_email, m_phone, m_companyPerson;
    QHash<qint64, DuplicateMatch> m_info;
};

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
    // The target's ids of the given uuids of `table`.
    Result<QHash<QString, qint64>> targetIds(const QString &table, const QVariantList &uuids);
    // The target's tasks of the given uuids, with their times (m_targetTasks).
    Status readTargetTasks(const QVariantList &uuids);
    // Compares the fields; true when the target took one from the source (a field of the lead
    // or a time of one of its tasks).
    Result<bool> mergeLead(const Lead &mine, const Lead &theirs, MergeSummary &summary);
    // The lead's tasks both have, compared with their bases like the lead's fields (taken,
    // kept or a conflict); the tasks about to be added get their values as base. Returns
    // the tasks' new bases; `taken` counts the task fields the target took.
    Result<QJsonObject> mergeTasks(const Lead &mine, const Lead &theirs, const QJsonObject &old,
                                   MergeSummary &summary, int &taken);
    // The bases of the source lead's tasks the target does not have yet (added by addRows).
    QJsonObject newTaskBases(qint64 sourceId);
    // Settles `c` when the options say how (a choice made for it with the values it still has,
    // else `prefer`): sets c.resolved and notes it for the lead's history. False: left.
    bool settle(MergeConflict &c, MergeSummary &summary);
    // The notes of the settled conflicts, one activity per lead (after the merge's rows).
    Status writeNotes(BulkWriter &writer);
    QString sourceName() const;
    // `leadsAsCommitted`: this merge has not changed the target's leads so far (only added rows
    // under them), so a second connection reads them as this one would.
    Status addLeads(const QList<const Lead *> &leads, BulkWriter &writer, MergeSummary &summary,
                    bool leadsAsCommitted);
    // The sources the leads added and the touchpoints name that the target does not know (by
    // name or alias), made there with the category and tier the source gave them.
    Status addMissingSources(const QList<const Lead *> &added);
    // Adds the rows of the source lead `sourceId` whose UUIDs the target does not have.
    Result<int> addRows(qint64 sourceId, qint64 targetId, BulkWriter &writer);
    Status writeTasks();
    // The source's tombstones: the same rows deleted in the target (a lead only when the target
    // did not change it since the last merge, else a conflict; always when erased).
    Status applySourceDeletions(MergeSummary &summary);
    // The tasks of the target the source deleted: deleted here too, unless changed here since
    // the last merge (a conflict, like a lead's). `skip`: leads deleted in this merge.
    Status taskDeletions(const QVariantList &uuids, const QHash<QString, QString> &deletedAt,
                         const QSet<qint64> &skip, QVariantList &rows, MergeSummary &summary);
    // The uuids of `uuids` the target has a tombstone for, with its deleted_at.
    Result<QHash<QString, QString>> targetTombstones(const QVariantList &uuids);
    // True when the target deleted the lead or task `uuid` but the user chose, in an earlier
    // merge the other way, to keep it against that very deletion (`kept`: the base's
    // kept_deleted_at): it is added back here, and its tombstone goes.
    bool keptAgainstDeletion(const QString &uuid, const QJsonValue &kept);
    // A lead of the source the target deleted: true when it stays deleted (unchanged in the
    // source since the last merge, erased, or listed as a conflict "deleted here, changed
    // there" and not settled "restore"); false when it is to be added back (settled so).
    bool staysDeleted(const Lead &theirs, MergeSummary &summary);

    Database &m_source;
    Database &m_target;
    MergeOptions m_options;
    LeadRepository m_sourceRepo;
    LeadRepository m_targetRepo;
    QString m_sourceId;
    QString m_targetId;
    QString m_now;
    QHash<QString, QJsonObject> m_bases;
    // Leads whose base changed outside mergeLead (a deletion kept): written at the end.
    QSet<QString> m_dirtyBases;
    QHash<QString, QString> m_gone; // the target's tombstones of the source's uuids: deleted_at
    QVariantList m_revived;         // of those, the ones added back (their tombstones go)
    QSet<QString> m_restored;       // leads deleted here, restored by a choice (noted once added)
    SourceRows m_rows;
    QHash<QString, QSet<QString>> m_targetRows; // table → the source's uuids the target has
    struct TargetTask {
        qint64 id = 0;
        QString dueAt; // as stored
        QString doneAt;
    };
    QHash<QString, TargetTask> m_targetTasks; // the source's tasks the target has, by uuid
    QMap<qint64, QStringList> m_notes;        // target lead → what was settled on it
    QList<std::pair<QString, QJsonObject>> m_newBases;
    struct NewTask {
        qint64 leadId;
        TaskRow task;
    };
    QList<NewTask> m_newTasks;
};

Result<QHash<QString, qint64>> Merger::targetIds(const QString &table, const QVariantList &uuids) {
    QHash<QString, qint64> out;
    // Table names from uuidTables(), never from input; `uuid <> ''` lets the partial unique
    // index answer.
    Status s = forChunks(m_target,
                         QStringLiteral("SELECT uuid, id FROM %1 WHERE uuid <> '' AND uuid IN (%2)")
                             .arg(table, u"%1"),
                         uuids, [&](QSqlQuery &q) -> Status {
                             while (q.next())
                                 out.insert(q.value(0).toString(), q.value(1).toLongLong());
                             return {};
                         });
    if (!s)
        return s.failure();
    return out;
}

Status Merger::readTargetTasks(const QVariantList &uuids) {
    QVariantList blankDone;
    Status s = forChunks(m_target,
                         QStringLiteral("SELECT uuid, id, due_at, done_at FROM tasks WHERE uuid "
                                        "<> '' AND uuid IN (%1)"),
                         uuids, [&](QSqlQuery &q) -> Status {
                             while (q.next()) {
                                 TargetTask t;
                                 t.id = q.value(1).toLongLong();
                                 t.dueAt = q.value(2).toString();
                                 t.doneAt = q.value(3).toString();
                                 if (!q.value(3).isNull() && t.doneAt.isEmpty())
                                     blankDone << t.id;
                                 m_targetTasks.insert(q.value(0).toString(), t);
                             }
                             return {};
                         });
    if (!s)
        return s;
    // Open tasks an earlier merge wrote with done_at '' (they read as done, so they were missing
    // from the follow-up lists): open again, as they are in the source.
    return forChunks(m_target,
                     QStringLiteral("UPDATE tasks SET done_at = NULL WHERE done_at = '' AND id IN "
                                    "(%1)"),
                     blankDone, [](QSqlQuery &) { return Status(); });
}

Result<QHash<QString, QString>> Merger::targetTombstones(const QVariantList &uuids) {
    QHash<QString, QString> out;
    Status s = forChunks(
        m_target,
        QStringLiteral("SELECT uuid, deleted_at, erased FROM tombstones WHERE uuid IN (%1)"), uuids,
        [&](QSqlQuery &q) -> Status {
            while (q.next()) {
                // An erased person never comes back: no kept decision can match.
                out.insert(q.value(0).toString(),
                           q.value(2).toInt() != 0 ? QString() : q.value(1).toString());
            }
            return {};
        });
    if (!s)
        return s.failure();
    return out;
}

bool Merger::keptAgainstDeletion(const QString &uuid, const QJsonValue &kept) {
    const auto it = m_gone.constFind(uuid);
    if (it == m_gone.cend() || it->isEmpty() || !kept.isString() || kept.toString() != *it)
        return false;
    m_revived << uuid;
    return true;
}

bool Merger::staysDeleted(const Lead &l, MergeSummary &summary) {
    if (m_gone.value(l.uuid).isEmpty())
        return true; // erased here: never back
    const auto base = m_bases.constFind(l.uuid);
    bool changed = base == m_bases.cend();
    if (!changed) {
        const QJsonObject now = fieldValues(l);
        for (const LeadField &f : leadFields()) {
            if (base->contains(f.name) && now.value(f.name) != base->value(f.name))
                changed = true;
        }
    }
    if (!changed)
        return true; // the source has nothing newer than what was deleted here
    MergeConflict c;
    c.uuid = l.uuid;
    c.name = describe(l);
    c.deletedInTarget = true;
    const bool settled = settle(c, summary);
    summary.conflicts.append(c);
    if (!settled)
        return true;
    if (*c.resolved == MergeSide::Source) {
        m_revived << l.uuid; // restored: its tombstone here goes
        m_restored.insert(l.uuid);
        return false;
    }
    // Stays deleted: the source's values become the base, so the next merge the other way
    // deletes the lead there without asking again, and this one is not listed again.
    QJsonObject keep = base == m_bases.cend() ? QJsonObject() : *base;
    const QJsonObject now = fieldValues(l);
    for (auto it = now.begin(); it != now.end(); ++it)
        keep.insert(it.key(), *it);
    keep.remove(kKeptKey);
    m_bases.insert(l.uuid, keep);
    m_dirtyBases.insert(l.uuid);
    return true;
}

Status Merger::taskDeletions(const QVariantList &uuids, const QHash<QString, QString> &deletedAt,
                             const QSet<qint64> &skip, QVariantList &rows, MergeSummary &summary) {
    struct Found {
        qint64 id = 0;
        QString uuid, title, dueAt, doneAt, leadUuid;
        qint64 leadId = 0;
    };
    QList<Found> found;
    Status s = forChunks(m_target,
                         QStringLiteral("SELECT t.id, t.uuid, t.title, t.due_at, t.done_at, "
                                        "l.uuid AS lead_uuid, l.id AS lead_id FROM tasks t JOIN "
                                        "leads l ON l.id = t.lead_id WHERE t.uuid <> '' AND "
                                        "t.uuid IN (%1)"),
                         uuids, [&](QSqlQuery &q) -> Status {
                             while (q.next()) {
                                 found << Found{q.value(0).toLongLong(), q.value(1).toString(),
                                                q.value(2).toString(),   q.value(3).toString(),
                                                q.value(4).toString(),   q.value(5).toString(),
                                                q.value(6).toLongLong()};
                             }
                             return {};
                         });
    if (!s)
        return s;
    for (const Found &t : std::as_const(found)) {
        if (skip.contains(t.leadId))
            continue; // goes with its lead
        const QJsonObject base =
            m_bases.value(t.leadUuid).value(kTasksKey).toObject().value(t.uuid).toObject();
        if (base.contains(kKeptKey) && base.value(kKeptKey).toString() == deletedAt.value(t.uuid))
            continue; // kept here against this deletion before: nothing to say
        // Changed here since the last merge (or never merged): rescheduled, done or reopened.
        bool changed = base.isEmpty();
        for (const QString &field : mergeTaskFields()) {
            const QString now = field == QLatin1String("due_at") ? t.dueAt : t.doneAt;
            if (base.contains(field) && !sameTime(now, base.value(field).toString()))
                changed = true;
        }
        if (!changed) {
            rows << t.id;
            continue;
        }
        auto lead = m_targetRepo.get(t.leadId);
        if (!lead)
            return lead.failure();
        MergeConflict c;
        c.uuid = t.leadUuid;
        c.targetId = t.leadId;
        c.name = describe(*lead);
        c.taskUuid = t.uuid;
        c.taskTitle = t.title;
        c.deletedInSource = true;
        const bool settled = settle(c, summary);
        summary.conflicts.append(c);
        if (!settled)
            continue;
        if (*c.resolved == MergeSide::Source) {
            rows << t.id; // deleted, as there
            continue;
        }
        // Kept: recorded in the lead's base (both sides), so the next merge is quiet and the
        // merge the other way adds the task back there.
        QJsonObject &leadBase = m_bases[t.leadUuid];
        QJsonObject tasks = leadBase.value(kTasksKey).toObject();
        QJsonObject kept = base;
        kept.insert(kKeptKey, deletedAt.value(t.uuid));
        tasks.insert(t.uuid, kept);
        leadBase.insert(kTasksKey, tasks);
        m_dirtyBases.insert(t.leadUuid);
    }
    return {};
}

Status Merger::applySourceDeletions(MergeSummary &summary) {
    auto q = exec(m_source,
                  QStringLiteral("SELECT uuid, table_name, erased, deleted_at FROM tombstones"));
    if (!q)
        return q.failure();
    QHash<QString, QVariantList> byTable;
    QSet<QString> erased;
    QHash<QString, QString> deletedAt; // by uuid
    while (q->next()) {
        const QString uuid = q->value(0).toString();
        const QString table = q->value(1).toString();
        byTable[table] << uuid;
        if (q->value(2).toInt() != 0)
            erased.insert(uuid);
        deletedAt.insert(uuid, q->value(3).toString());
    }
    if (byTable.isEmpty())
        return {};
    auto leadIds = targetIds(QStringLiteral("leads"), byTable.value(QStringLiteral("leads")));
    if (!leadIds)
        return leadIds.failure();
    QList<qint64> ids;
    for (auto it = leadIds->cbegin(); it != leadIds->cend(); ++it)
        ids << it.value();
    QHash<qint64, Lead> theirs;
    if (Status s = leadsById(m_targetRepo, ids, theirs); !s)
        return s;
    QVariantList remove, erasedUuids;
    for (auto it = leadIds->cbegin(); it != leadIds->cend(); ++it) {
        const Lead &t = theirs[it.value()];
        const auto base = m_bases.constFind(it.key());
        const bool kept = base != m_bases.cend() && base->contains(kKeptKey) &&
                          base->value(kKeptKey).toString() == deletedAt.value(it.key());
        bool changed = base == m_bases.cend();
        if (!changed) {
            // The lead's fields only (the base also holds its tasks' bases).
            const QJsonObject now = fieldValues(t);
            for (const LeadField &f : leadFields()) {
                if (base->contains(f.name) && now.value(f.name) != base->value(f.name))
                    changed = true;
            }
        }
        if (erased.contains(it.key())) {
            erasedUuids << it.key(); // erased: it goes, kept or not
        } else if (kept) {
            continue; // kept here against this deletion before: nothing to say
        } else if (changed) {
            MergeConflict c;
            c.uuid = it.key();
            c.targetId = t.id;
            c.name = describe(t);
            c.deletedInSource = true;
            const bool settled = settle(c, summary);
            summary.conflicts.append(c);
            if (!settled)
                continue;
            if (*c.resolved == MergeSide::Target) {
                // Kept: recorded in the base (both sides), so the next merge is quiet and the
                // merge the other way adds the lead back there.
                m_bases[it.key()].insert(kKeptKey, deletedAt.value(it.key()));
                m_dirtyBases.insert(it.key());
                continue;
            }
            // Deleted, as in the source.
        }
        remove << it.value();
    }
    QSet<qint64> removing;
    for (const QVariant &id : std::as_const(remove))
        removing.insert(id.toLongLong());
    for (const QString &table : uuidTables()) {
        QVariantList rows;
        if (table == QLatin1String("leads")) {
            rows = remove;
        } else if (table == QLatin1String("tasks")) {
            // A task changed here since is a conflict, like a lead.
            if (Status s = taskDeletions(byTable.value(table), deletedAt, removing, rows, summary);
                !s)
                return s;
            summary.rowsDeleted += int(rows.size());
        } else {
            auto found = targetIds(table, byTable.value(table));
            if (!found)
                return found.failure();
            for (auto it = found->cbegin(); it != found->cend(); ++it)
                rows << it.value();
            summary.rowsDeleted += int(rows.size());
        }
        // Table names from uuidTables(); the triggers of schema 15 leave the target's own
        // tombstones, so the deletion travels on from here.
        if (Status s = forChunks(
                m_target, QStringLiteral("DELETE FROM %1 WHERE id IN (%2)").arg(table, u"%1"), rows,
                [](QSqlQuery &) { return Status(); });
            !s)
            return s;
    }
    summary.deleted += int(remove.size());
    QList<qint64> removed;
    for (const QVariant &id : std::as_const(remove))
        removed << id.toLongLong();
    if (!removed.isEmpty())
        m_target.changes().noteLeads(removed, DataKind::Tasks);
    else if (summary.rowsDeleted > 0)
        m_target.changes().note(DataKind::Leads);
    if (summary.rowsDeleted > 0)
        m_target.changes().note(DataKind::Tasks);
    // An erased person: their tombstone here says so, and no merge base keeps their values.
    for (const QVariant &u : byTable.value(QStringLiteral("leads"))) {
        if (erased.contains(u.toString()) && !erasedUuids.contains(u))
            erasedUuids << u;
    }
    if (Status s = forChunks(m_target,
                             QStringLiteral("UPDATE tombstones SET erased = 1 WHERE uuid IN (%1)"),
                             erasedUuids, [](QSqlQuery &) { return Status(); });
        !s)
        return s;
    for (Database *db : {&m_target, &m_source}) {
        if (Status s = forChunks(*db, QStringLiteral("DELETE FROM merge_base WHERE uuid IN (%1)"),
                                 erasedUuids, [](QSqlQuery &) { return Status(); });
            !s)
            return s;
    }
    for (const QVariant &u : std::as_const(erasedUuids))
        m_bases.remove(u.toString());
    return {};
}

QString Merger::sourceName() const {
    // A server's address is shown without its password (pgdatabase.cpp); a file by its name.
    return m_source.backend() == Backend::Postgres ? m_source.path()
                                                   : QFileInfo(m_source.path()).fileName();
}

bool Merger::settle(MergeConflict &c, MergeSummary &summary) {
    std::optional<MergeSide> side = m_options.prefer;
    if (const auto it = m_options.choices.constFind(c.key()); it != m_options.choices.cend()) {
        // Chosen on the values the user saw; changed since on either side: asked again.
        side = it->source == c.source && it->target == c.target ? std::optional(it->side)
                                                                : std::nullopt;
    }
    if (!side)
        return false;
    c.resolved = side;
    ++summary.resolved;
    if (c.deletedInTarget)
        return true; // restored (a new lead here) or left deleted: no lead to note it on
    if (c.deletedInSource) {
        // Deleted: the lead and its history go (its tombstone says when, on a server by whom).
        if (*side == MergeSide::Target && c.taskUuid.isEmpty())
            m_notes[c.targetId] << QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                                               "kept although %1 deleted it")
                                       .arg(sourceName());
        else if (*side == MergeSide::Target)
            m_notes[c.targetId] << QCoreApplication::translate(
                                       "mikomi::storage::DatabaseMerge",
                                       "follow-up “%1” kept although %2 deleted it")
                                       .arg(c.taskTitle, sourceName());
        else if (!c.taskUuid.isEmpty())
            m_notes[c.targetId] << QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                                               "follow-up “%1” deleted as in %2")
                                       .arg(c.taskTitle, sourceName());
        return true;
    }
    const QString field = mergeConflictFieldLabel(c);
    const QString here = mergeConflictValueText(c, c.target);
    const QString there = mergeConflictValueText(c, c.source);
    m_notes[c.targetId] << (*side == MergeSide::Source
                                ? QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                                              "%1: took “%2” from %3 (this "
                                                              "database had “%4”)")
                                      .arg(field, there, sourceName(), here)
                                : QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                                              "%1: kept “%2” (%3 had “%4”)")
                                      .arg(field, here, sourceName(), there));
    return true;
}

Status Merger::writeNotes(BulkWriter &writer) {
    for (auto it = m_notes.cbegin(); it != m_notes.cend(); ++it) {
        Activity a;
        a.kind = ActivityKind::Note;
        a.occurredAt = QDateTime::currentDateTime();
        a.user = m_options.user; // who chose
        a.notes = QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                              "Merge conflict settled: %1")
                      .arg(it.value().join(QCoreApplication::translate(
                          "mikomi::storage::DatabaseMerge", "; ", "between settled fields")));
        if (Status s = writer.insertActivity(it.key(), a); !s)
            return s;
    }
    return {};
}

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
    if (Status s = applySourceDeletions(summary); !s)
        return s;

    // The source, whole, in a few queries.
    QList<Lead> leads;
    if (Status s = m_sourceRepo.forEach({},
                                        [&](Lead &&l) {
                                            leads.append(std::move(l));
                                            return true;
                                        });
        !s)
        return s;
    if (Status s = readSourceRows(m_source, m_rows); !s)
        return s;

    // Which of its leads and rows the target has, looked up by uuid.
    QVariantList leadUuids;
    leadUuids.reserve(leads.size());
    for (const Lead &l : std::as_const(leads))
        leadUuids << l.uuid;
    auto known = targetIds(QStringLiteral("leads"), leadUuids);
    if (!known)
        return known.failure();
    // What the target deleted is never added back: its tombstones count as rows it has.
    auto goneLeads = targetTombstones(leadUuids);
    if (!goneLeads)
        return goneLeads.failure();
    m_gone = std::move(*goneLeads);
    // The rows of a lead the target neither has nor deleted are not looked up: a row is made with
    // its lead, and reaches another database only with it (a merge), so the target can hold one
    // only under a lead it has or has deleted (a duplicate merged away there moves its rows to
    // the lead kept and leaves a tombstone of its own). At a booth's 2,000 new cards that was
    // 11,700 lookups of rows that could not be there, 0.9 of 4.8 s of the server's work
    // (bench_team's million).
    QSet<qint64> looked;
    for (const Lead &l : std::as_const(leads)) {
        if (known->contains(l.uuid) || m_gone.contains(l.uuid))
            looked.insert(l.id);
    }
    const auto rowUuids = [&](const QString &table) {
        QVariantList out;
        const auto collect = [&](const auto &byLead) {
            for (auto it = byLead.cbegin(); it != byLead.cend(); ++it) {
                if (!looked.contains(it.key()))
                    continue;
                for (const auto &row : it.value())
                    out << row.uuid;
            }
        };
        if (table == QLatin1String("stage_history"))
            collect(m_rows.history);
        else if (table == QLatin1String("touchpoints"))
            collect(m_rows.touchpoints);
        else if (table == QLatin1String("activities"))
            collect(m_rows.activities);
        else if (table == QLatin1String("tasks"))
            collect(m_rows.tasks);
        return out;
    };
    for (const QString &table : uuidTables()) {
        if (table == QLatin1String("leads"))
            continue;
        if (table == QLatin1String("tasks")) {
            // With their times: a task both have is compared (mergeTasks).
            if (Status s = readTargetTasks(rowUuids(table)); !s)
                return s;
            QSet<QString> &have = m_targetRows[table];
            for (auto it = m_targetTasks.cbegin(); it != m_targetTasks.cend(); ++it)
                have.insert(it.key());
            continue;
        }
        auto ids = targetIds(table, rowUuids(table));
        if (!ids)
            return ids.failure();
        QSet<QString> &have = m_targetRows[table];
        for (auto it = ids->cbegin(); it != ids->cend(); ++it)
            have.insert(it.key());
    }
    QVariantList rowsLooked;
    for (const QString &table : uuidTables()) {
        if (table != QLatin1String("leads"))
            rowsLooked << rowUuids(table);
    }
    auto goneRows = targetTombstones(rowsLooked);
    if (!goneRows)
        return goneRows.failure();
    m_gone.insert(*goneRows);
    for (const QString &table : uuidTables()) {
        if (table == QLatin1String("leads"))
            continue;
        QSet<QString> &have = m_targetRows[table];
        for (auto it = m_gone.cbegin(); it != m_gone.cend(); ++it)
            have.insert(it.key());
    }

    // The leads both have: the target's read in chunks, compared field by field.
    QList<qint64> targetLeadIds;
    QList<const Lead *> both, added;
    for (const Lead &l : std::as_const(leads)) {
        if (const auto it = known->constFind(l.uuid); it != known->cend()) {
            targetLeadIds << *it;
            both << &l;
        } else if (m_gone.contains(l.uuid) &&
                   !keptAgainstDeletion(l.uuid, m_bases.value(l.uuid).value(kKeptKey)) &&
                   staysDeleted(l, summary)) {
            ++summary.deletedHere;
        } else {
            // New here, kept in the source against this database's deletion (chosen in an
            // earlier merge the other way), or restored now: added (back), with its history.
            added << &l;
        }
    }
    QHash<qint64, Lead> theirs;
    if (Status s = leadsById(m_targetRepo, targetLeadIds, theirs); !s)
        return s;
    QSet<qint64> taken; // target leads that took a field from the source
    for (qsizetype i = 0; i < both.size(); ++i) {
        auto t = mergeLead(*both.at(i), theirs.value(targetLeadIds.at(i)), summary);
        if (!t)
            return t.failure();
        if (*t)
            taken.insert(targetLeadIds.at(i));
    }
    // The bases changed by a deletion kept (applySourceDeletions) that mergeLead did not write.
    for (const QString &uuid : std::as_const(m_dirtyBases))
        m_newBases.append({uuid, m_bases.value(uuid)});
    m_dirtyBases.clear();
    // What was kept against this database's deletions comes back: its tombstones go.
    if (Status s = forChunks(m_target, QStringLiteral("DELETE FROM tombstones WHERE uuid IN (%1)"),
                             m_revived, [](QSqlQuery &) { return Status(); });
        !s)
        return s;
    if (Status s = addMissingSources(added); !s)
        return s;
    // Their new rows and the new leads go through one bulk writer (prepared native statements
    // on a file, multi-row statements on a server).
    BulkWriter writer(m_target);
    for (qsizetype i = 0; i < both.size(); ++i) {
        auto rows = addRows(both.at(i)->id, targetLeadIds.at(i), writer);
        if (!rows)
            return rows.failure();
        summary.rowsAdded += *rows;
        if (*rows > 0 || taken.contains(targetLeadIds.at(i)))
            ++summary.updated;
        else
            ++summary.unchanged;
    }
    if (Status s = addLeads(added, writer, summary, summary.deleted == 0 && taken.isEmpty()); !s)
        return s;
    if (Status s = writeNotes(writer); !s)
        return s;
    if (Status s = writer.finish(); !s)
        return s;
    if (Status s = writeTasks(); !s)
        return s;
    if (Status s = writeBases(m_target, m_sourceId, m_newBases, m_now); !s)
        return s;
    return writeBases(m_source, m_targetId, m_newBases, m_now);
}

Result<bool> Merger::mergeLead(const Lead &mine, const Lead &theirs, MergeSummary &summary) {
    const qint64 targetId = theirs.id;
    const auto baseIt = m_bases.constFind(mine.uuid);
    const QJsonObject oldBase = baseIt == m_bases.cend() ? QJsonObject() : *baseIt;
    QJsonObject newBase = oldBase;
    Lead merged = theirs;
    bool taken = false;
    for (const LeadField &f : leadFields()) {
        const QString s = f.get(mine);
        const QString t = f.get(theirs);
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
        c.name = describe(theirs);
        c.field = f.name;
        c.hasBefore = hasBase;
        c.before = b;
        c.source = s;
        c.target = t;
        if (settle(c, summary)) {
            if (*c.resolved == MergeSide::Source) {
                f.set(merged, s);
                taken = true;
            }
            // Either way the source's value becomes the base: taken, both sides agree; kept,
            // the target's value is the one changed since (the next merge keeps it, and the
            // next merge the other way takes it into the source).
            newBase.insert(f.name, s);
        }
        summary.conflicts.append(c);
    }
    int tasksTaken = 0;
    auto tasks = mergeTasks(mine, theirs, oldBase.value(kTasksKey).toObject(), summary, tasksTaken);
    if (!tasks)
        return tasks.failure();
    if (tasks->isEmpty())
        newBase.remove(kTasksKey);
    else
        newBase.insert(kTasksKey, *tasks);
    if (taken) {
        merged.updatedAt = QDateTime::currentDateTime();
        if (Status s = m_targetRepo.update(merged); !s)
            return s.failure();
        const Stage furthest = std::max({merged.furthestStage, merged.stage, theirs.furthestStage});
        auto q = exec(m_target,
                      QStringLiteral("UPDATE leads SET stage = ?, sql_kind = ?, furthest_stage = "
                                     "?, lost = ?, updated_by = ? WHERE id = ?"),
                      {stageKey(merged.stage),
                       merged.stage == Stage::Sql ? sqlKindKey(merged.sqlKind) : QString(),
                       stageKey(furthest), merged.lost ? 1 : 0, m_options.user, targetId});
        if (!q)
            return q.failure();
    }
    if (newBase != oldBase || baseIt == m_bases.cend() || m_dirtyBases.remove(mine.uuid))
        m_newBases.append({mine.uuid, newBase});
    return taken || tasksTaken > 0;
}

Result<QJsonObject> Merger::mergeTasks(const Lead &mine, const Lead &theirs, const QJsonObject &old,
                                       MergeSummary &summary, int &taken) {
    QJsonObject bases;
    QSet<QString> &known = m_targetRows[QStringLiteral("tasks")];
    for (const TaskRow &task : m_rows.tasks.value(mine.id)) {
        const auto here = m_targetTasks.constFind(task.uuid);
        if (here == m_targetTasks.cend()) {
            // New to the target, or deleted here and kept in the source against that deletion
            // (chosen in an earlier merge the other way): added as it is (addRows).
            if (known.contains(task.uuid) &&
                keptAgainstDeletion(task.uuid, old.value(task.uuid).toObject().value(kKeptKey)))
                known.remove(task.uuid);
            if (!known.contains(task.uuid))
                bases.insert(task.uuid,
                             QJsonObject{{QStringLiteral("due_at"), task.dueAt.toString()},
                                         {QStringLiteral("done_at"), task.doneAt.toString()}});
            continue; // else deleted in the target: not added back
        }
        const QJsonObject oldBase = old.value(task.uuid).toObject();
        QJsonObject newBase = oldBase;
        for (const QString &field : mergeTaskFields()) {
            const bool due = field == QLatin1String("due_at");
            const QString s = (due ? task.dueAt : task.doneAt).toString();
            const QString t = due ? here->dueAt : here->doneAt;
            const bool hasBase = oldBase.contains(field);
            const QString b = oldBase.value(field).toString();
            // The same instant at another offset is the same time.
            if (sameTime(s, t)) {
                newBase.insert(field, s);
                continue;
            }
            if (hasBase && sameTime(s, b))
                continue; // changed in the target only: kept
            // The source's value written into the target's task. The column is one of
            // mergeTaskFields(), never input.
            const auto take = [&]() -> Status {
                auto q = exec(m_target,
                              QStringLiteral("UPDATE tasks SET %1 = ? WHERE id = ?").arg(field),
                              {s.isEmpty() ? QVariant() : QVariant(s), here->id});
                if (!q)
                    return q.failure();
                m_target.changes().noteLead(theirs.id, DataKind::Tasks);
                ++taken;
                ++summary.rowsUpdated;
                return {};
            };
            if (hasBase && sameTime(t, b)) {
                // Changed in the source only (done, reopened or rescheduled there): taken.
                if (Status st = take(); !st)
                    return st.failure();
                newBase.insert(field, s);
                continue;
            }
            MergeConflict c;
            c.uuid = mine.uuid;
            c.targetId = theirs.id;
            c.name = describe(theirs);
            c.field = field;
            c.taskUuid = task.uuid;
            c.taskTitle = task.title;
            c.hasBefore = hasBase;
            c.before = b;
            c.source = s;
            c.target = t;
            if (settle(c, summary)) {
                if (*c.resolved == MergeSide::Source) {
                    if (Status st = take(); !st)
                        return st.failure();
                }
                newBase.insert(field, s); // as for a lead's field (mergeLead)
            }
            summary.conflicts.append(c);
        }
        if (!newBase.isEmpty())
            bases.insert(task.uuid, newBase);
    }
    // A task the target kept against the source's deletion: its decision stays in the base
    // until the source has the task again.
    for (auto it = old.begin(); it != old.end(); ++it) {
        if (!bases.contains(it.key()) && it->toObject().contains(kKeptKey))
            bases.insert(it.key(), *it);
    }
    return bases;
}

QJsonObject Merger::newTaskBases(qint64 sourceId) {
    QJsonObject bases;
    const QSet<QString> &known = m_targetRows[QStringLiteral("tasks")];
    for (const TaskRow &task : m_rows.tasks.value(sourceId)) {
        if (!known.contains(task.uuid))
            bases.insert(task.uuid,
                         QJsonObject{{QStringLiteral("due_at"), task.dueAt.toString()},
                                     {QStringLiteral("done_at"), task.doneAt.toString()}});
    }
    return bases;
}

Status Merger::addLeads(const QList<const Lead *> &leads, BulkWriter &writer, MergeSummary &summary,
                        bool leadsAsCommitted) {
    if (leads.isEmpty())
        return {};
    auto region = phoneRegion(m_target);
    if (!region)
        return region.failure();
    QList<LeadKeys> keys;
    QList<DuplicateIndex::Keys> dupKeys;
    keys.reserve(leads.size());
    dupKeys.reserve(leads.size());
    for (const Lead *l : leads) {
        keys << LeadKeys::of(*l, *region);
        dupKeys << DuplicateIndex::keysOf(*l, keys.constLast(), *region);
    }
    // The target's leads that share a key with the cards. On a server whose leads this merge has
    // not changed, they are read on a second connection while the cards are written here: it
    // reads the leads as committed, which is what this connection would read before writing.
    // At bench_team's 1,100,000 leads those lookups were 250 ms of a booth merge's 1.4 s.
    DuplicateIndex duplicates;
    std::optional<SecondConnection> lookup;
    if (leadsAsCommitted && m_target.backend() == Backend::Postgres) {
        ++g_lookupsApart;
        lookup.emplace(m_target.location(), QStringList(), [&](const Database &other) -> Status {
            if (g_secondFails)
                return Error{QStringLiteral("no second connection (a test)")};
            return duplicates.load(other, dupKeys);
        });
    } else if (Status s = duplicates.load(m_target, dupKeys); !s) {
        return s;
    }
    QList<qint64> addedIds;
    addedIds.reserve(leads.size());
    for (qsizetype i = 0; i < leads.size(); ++i) {
        const Lead &mine = *leads.at(i);
        if (const auto [field, reason] = leadTextProblem(mine); !field.isEmpty())
            return Error{reason};
        Lead lead = mine;
        lead.id = 0;
        lead.version = 0;
        // Its activities go with the lead (its last_activity_at written with it).
        QList<Activity> activities;
        QSet<QString> &acts = m_targetRows[QStringLiteral("activities")];
        for (const Activity &a : m_rows.activities.value(mine.id)) {
            if (!acts.contains(a.uuid)) {
                activities << a;
                acts.insert(a.uuid);
            }
        }
        QJsonObject base = fieldValues(mine);
        if (const QJsonObject tasks = newTaskBases(mine.id); !tasks.isEmpty())
            base.insert(kTasksKey, tasks);
        auto id = writer.insertLead(lead, activities, &keys.at(i));
        if (!id)
            return id.failure();
        if (m_restored.contains(mine.uuid))
            m_notes[*id] << QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                                        "restored from %1, where it was changed "
                                                        "after this database deleted it")
                                .arg(sourceName());
        addedIds << *id;
        const int rows = int(activities.size());
        auto more = addRows(mine.id, *id, writer);
        if (!more)
            return more.failure();
        summary.rowsAdded += rows + *more;
        ++summary.added;
        m_newBases.append({mine.uuid, base});
    }
    if (lookup) {
        if (Status s = lookup->wait(); !s) {
            // No second connection (the server's limit, say): read here, leaving out the leads
            // just written (all of them, the writer's buffer flushed), which this connection sees.
            duplicates = DuplicateIndex();
            if (Status f = writer.flush(); !f)
                return f;
            if (Status again = duplicates.load(m_target, dupKeys, addedIds); !again)
                return again;
        }
    }
    // Each card is offered as a duplicate of the target's leads and of the cards before it.
    for (qsizetype i = 0; i < leads.size(); ++i) {
        const Lead &mine = *leads.at(i);
        Lead lead = mine;
        lead.id = 0;
        const QList<DuplicateMatch> dups = duplicates.find(lead, dupKeys.at(i));
        duplicates.remember(lead, addedIds.at(i), dupKeys.at(i), keys.at(i), *region);
        for (const DuplicateMatch &d : dups) {
            MergeDuplicate md;
            md.uuid = mine.uuid;
            md.addedId = m_options.dryRun ? 0 : addedIds.at(i);
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
    }
    return {};
}

// A booth's new show arrives as the event of the tier it was given there, not as a source to
// sort out again (the writer would make it from its name alone: a category from the built-in
// dictionary, else unknown). A name the target knows keeps the target's category and tier. A
// category the source had only from the dictionary (not confirmed there) is left to the target's
// dictionary in the same way.
Status Merger::addMissingSources(const QList<const Lead *> &added) {
    QSet<QString> used;
    for (const Lead *l : added)
        used.insert(l->source);
    for (const QList<Touchpoint> &rows : std::as_const(m_rows.touchpoints)) {
        for (const Touchpoint &tp : rows)
            used.insert(tp.source);
    }
    used.remove(QString());
    if (used.isEmpty())
        return {};
    auto theirs = SourceRepository(m_source).list(SourceRepository::LeadCounts::NotCounted);
    if (!theirs)
        return theirs.failure();
    SourceRepository here(m_target);
    for (const Source &s : std::as_const(*theirs)) {
        if (!used.contains(s.name))
            continue;
        // Found by name or alias, the target's is kept; else made with theirs.
        auto id =
            here.resolve(s.name, true, s.suggested ? SourceCategory::Unknown : s.category, s.tier);
        if (!id)
            return id.failure();
    }
    return {};
}

Result<int> Merger::addRows(qint64 sourceId, qint64 targetId, BulkWriter &writer) {
    int added = 0;
    QSet<QString> &history = m_targetRows[QStringLiteral("stage_history")];
    for (const StageChange &c : m_rows.history.value(sourceId)) {
        if (history.contains(c.uuid))
            continue;
        if (Status s = writer.insertStageChange(targetId, c); !s)
            return s.failure();
        history.insert(c.uuid);
        ++added;
    }
    QSet<QString> &touches = m_targetRows[QStringLiteral("touchpoints")];
    for (const Touchpoint &tp : m_rows.touchpoints.value(sourceId)) {
        if (touches.contains(tp.uuid))
            continue;
        if (Status s = writer.insertTouchpoint(targetId, tp); !s)
            return s.failure();
        touches.insert(tp.uuid);
        ++added;
    }
    QSet<QString> &acts = m_targetRows[QStringLiteral("activities")];
    for (const Activity &a : m_rows.activities.value(sourceId)) {
        if (acts.contains(a.uuid))
            continue;
        if (Status s = writer.insertActivity(targetId, a); !s)
            return s.failure();
        acts.insert(a.uuid);
        ++added;
    }
    QSet<QString> &taskIds = m_targetRows[QStringLiteral("tasks")];
    for (const TaskRow &task : m_rows.tasks.value(sourceId)) {
        if (taskIds.contains(task.uuid))
            continue;
        m_newTasks.append({targetId, task});
        taskIds.insert(task.uuid);
        ++added;
    }
    return added;
}

// The new tasks, a multi-row INSERT per chunk (after the leads they belong to are written).
Status Merger::writeTasks() {
    constexpr qsizetype rows = 200;
    QHash<QString, qint64> owners;
    for (qsizetype from = 0; from < m_newTasks.size(); from += rows) {
        const qsizetype n = std::min(rows, m_newTasks.size() - from);
        QVariantList binds;
        binds.reserve(n * 7);
        for (qsizetype i = from; i < from + n; ++i) {
            const NewTask &t = m_newTasks.at(i);
            auto owner = owners.constFind(t.task.owner);
            if (owner == owners.cend()) {
                auto id = m_targetRepo.users().resolve(t.task.owner);
                if (!id)
                    return id.failure();
                owner = owners.insert(t.task.owner, *id);
            }
            binds << t.leadId << t.task.title << (*owner > 0 ? QVariant(*owner) : QVariant())
                  << t.task.dueAt << t.task.doneAt << t.task.createdAt << t.task.uuid;
            m_target.changes().noteLead(t.leadId, DataKind::Tasks);
        }
        auto q = exec(m_target,
                      QStringLiteral("INSERT INTO tasks(lead_id, title, owner_id, due_at, done_at, "
                                     "created_at, uuid) VALUES %1")
                          .arg(marks(n, 7)),
                      binds);
        if (!q)
            return q.failure();
    }
    return {};
}
} // namespace

qint64 mergeLookupsApart() {
    return g_lookupsApart.load();
}

void setMergeSecondConnectionFails(bool fails) {
    g_secondFails = fails;
}

const QStringList &mergeFields() {
    static const QStringList names = [] {
        QStringList out;
        for (const LeadField &f : leadFields())
            out << f.name;
        return out;
    }();
    return names;
}

QString MergeConflict::key() const {
    return uuid + u'/' + taskUuid + u'/' + field;
}

QString mergeConflictValueText(const MergeConflict &c, const QString &value) {
    if (value.isEmpty())
        return c.taskUuid.isEmpty() || c.field != QLatin1String("done_at")
                   ? QCoreApplication::translate("mikomi::storage::DatabaseMerge", "(empty)")
                   : QCoreApplication::translate("mikomi::storage::DatabaseMerge", "(not done)");
    if (!c.taskUuid.isEmpty()) {
        if (const auto t = dates::fromIsoDateTime(value))
            return QLocale().toString(t->toLocalTime(), QLocale::ShortFormat);
        return value;
    }
    if (c.field == QLatin1String("stage")) {
        if (const auto st = stageFromKey(value))
            return stageLabel(*st);
    } else if (c.field == QLatin1String("sql_kind")) {
        if (const auto k = sqlKindFromKey(value))
            return sqlKindLabel(*k);
    } else if (c.field == QLatin1String("lost") || c.field == QLatin1String("opt_out")) {
        return value == QLatin1String("1")
                   ? QCoreApplication::translate("mikomi::storage::DatabaseMerge", "Yes")
                   : QCoreApplication::translate("mikomi::storage::DatabaseMerge", "No");
    }
    return value;
}

const QStringList &mergeTaskFields() {
    static const QStringList names{QStringLiteral("due_at"), QStringLiteral("done_at")};
    return names;
}

QString mergeConflictFieldLabel(const MergeConflict &c) {
    if (c.taskUuid.isEmpty()) {
        for (const LeadField &f : leadFields()) {
            if (f.name == c.field)
                return f.labelText();
        }
        return c.field;
    }
    return c.field == QLatin1String("due_at")
               ? QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                             "Follow-up “%1”: due")
                     .arg(c.taskTitle)
               : QCoreApplication::translate("mikomi::storage::DatabaseMerge",
                                             "Follow-up “%1”: done")
                     .arg(c.taskTitle);
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
