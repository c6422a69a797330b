#pragma once

// Internal to models/storage: how a Lead maps onto the leads table's columns.

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/leadkeys.h"

#include <QStringList>
#include <QVariantList>

namespace mikomi::storage {

QVariant optDate(const std::optional<QDate> &d);
QVariant optMoney(const std::optional<Money> &m);
// The columns written from a Lead, in bind order (owner_id and source_id resolved by the caller).
const QStringList &leadColumns();
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

} // namespace mikomi::storage
