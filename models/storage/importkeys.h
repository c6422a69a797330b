#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QString>

#include <functional>

// What an import matches its rows on, read from the database (the importer keeps them in memory
// for the whole file: models/services/importer.cpp). Bound parameters only, like every read of
// models/storage.
namespace mikomi::storage {

// A stored lead's matching keys: the *_key columns (leadkeys.h) and its family name.
struct StoredLeadKeys {
    qint64 id = 0;
    QString email;
    QString phone;
    QString mobile;
    QString company;
    QString person;
    QString familyName;
};

// Calls `visit` with the keys of every lead.
Status forEachLeadKeys(const Database &db, const std::function<void(StoredLeadKeys &&)> &visit);

// Calls `visit` with every non-empty key of the leads' further emails (lead_contacts), lead by
// lead in id order, each lead's in their order.
Status forEachExtraEmailKey(const Database &db,
                            const std::function<void(qint64 leadId, const QString &key)> &visit);

// Calls `visit` with what tells stored touchpoints apart: the lead, the time as stored and the
// source's name ("" for a touchpoint without one).
Status forEachTouchpointKey(const Database &db,
                            const std::function<void(qint64 leadId, const QString &occurredAt,
                                                     const QString &source)> &visit);

} // namespace mikomi::storage
