#pragma once

// Internal to the import pipeline (services/import*.cpp): what a row that matches an existing
// lead does to it, and what changed.

#include "models/domain/lead.h"
#include "models/services/importer.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mikomi::services::detail {

// Fills the empty fields of `into` from `from` (merge) or overwrites with `from`'s non-empty
// values (update). Stage fields are left to the caller.
Lead combine(const Lead &existing, const Lead &row, OnMatch mode, const QString &phoneRegion);

// The fields of `before` that `after` changed, as the summary lists them.
void diffLeads(const Lead &before, const Lead &after, int line, qint64 id, QList<FieldChange> &out);

QDateTime atStartOfDay(const std::optional<QDate> &d, const QDateTime &fallback);

} // namespace mikomi::services::detail
