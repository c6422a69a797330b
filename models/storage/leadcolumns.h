#pragma once

// Internal to models/storage: how a Lead maps onto the leads table's columns.

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/bindbuffer.h"
#include "models/storage/database.h"
#include "models/storage/leadkeys.h"

#include <QHash>
#include <QStringList>
#include <QVariantList>

namespace mikomi::storage {

QVariant optDate(const std::optional<QDate> &d);
QVariant optMoney(const std::optional<Money> &m);
// The columns written from a Lead, in bind order (owner_id and source_id resolved by the caller).
const QStringList &leadColumns();
// The columns of a new lead's row as the bulk writers insert it (BulkWriter, PgBulkWriter):
// leadColumns(), then stage, sql_kind, furthest_stage, lost and last_activity_at.
const QStringList &newLeadColumns();
// The stored text of a stage, made once (stageKey() makes a new string each call: an allocation
// per lead and history row of a bulk write).
const QString &stageText(Stage s);
// The stored times of a new lead's activities, in order, and the greatest of them: the lead's
// last_activity_at as the triggers would set it (empty without activities).
struct ActivityTimes {
    QStringList times;
    QString last;
};
ActivityTimes activityTimes(const QList<Activity> &activities);
// Names as written (not normalised) to ids, for a bulk writer's life: the repositories normalise
// every name before looking it up in their own caches, about 2% of a demo fill (profiled) when
// done for each lead, touchpoint and owner. `resolve(name)` gives a Result<qint64>; an error is
// not cached.
template <typename Resolve>
Result<qint64> cachedId(QHash<QString, qint64> &cache, const QString &name, Resolve resolve) {
    if (const auto it = cache.constFind(name); it != cache.cend())
        return *it;
    auto id = resolve(name);
    if (id)
        cache.insert(name, *id);
    return id;
}
// Stores a lead's score (binds: lead id, score). Scores live in lead_scores (migration_v8.cpp), one
// row per lead, written with the lead by every path that writes one.
const QString &scoreWriteSql();
// The score of the lead aliased `l`, as an SQL expression (0 when it has no row).
const QString &scoreSql();
// `keys`: the lead's keys when the caller has them (else computed here, in the phone region of
// `db`).
Result<QVariantList> leadBinds(const Database &db, const Lead &l, qint64 ownerId, qint64 sourceId,
                               const LeadKeys *keys = nullptr);
// The same values appended to `out` (a bulk writer's buffer: no list per lead).
Status appendLeadBinds(QVariantList &out, const Database &db, const Lead &l, qint64 ownerId,
                       qint64 sourceId, const LeadKeys *keys = nullptr);
// The values of newLeadColumns() for a new lead appended to `out` (`activities`: the times of the
// activities written with it; none = a null last_activity_at). On an error `out` is as it was.
Status appendNewLeadValues(QVariantList &out, const Database &db, const Lead &l, qint64 ownerId,
                           qint64 sourceId, const LeadKeys *keys, const ActivityTimes &activities);
// The same into a typed buffer (BulkWriter's rows: no QVariant per value).
Status appendNewLeadValues(BindBuffer &out, const Database &db, const Lead &l, qint64 ownerId,
                           qint64 sourceId, const LeadKeys *keys, const ActivityTimes &activities);

} // namespace mikomi::storage
