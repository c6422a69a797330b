#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QDate>

#include <functional>

namespace mikomi::services {

// Fills the database with `leads` realistic, deterministic demo leads (models/demo) ending on
// `today`, in one transaction. Returns the number of leads written.
Result<qint64> writeDemo(storage::Database &db, qint64 leads, quint64 seed, const QDate &today,
                         const std::function<void(qint64 done)> &progress = {});

} // namespace mikomi::services
