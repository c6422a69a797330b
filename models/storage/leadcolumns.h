#pragma once

// Internal to models/storage: how a Lead maps onto the leads table's columns.

#include "models/domain/lead.h"
#include "models/storage/leadkeys.h"

#include <QStringList>
#include <QVariantList>

namespace mikomi::storage {

QVariant optDate(const std::optional<QDate> &d);
QVariant optMoney(const std::optional<Money> &m);
// The columns written from a Lead, in bind order (owner_id and source_id resolved by the caller).
const QStringList &leadColumns();
// `keys`: the lead's keys when the caller has them (else computed here).
QVariantList leadBinds(const Lead &l, qint64 ownerId, qint64 sourceId,
                       const LeadKeys *keys = nullptr);

} // namespace mikomi::storage
