#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QList>

namespace mikomi::storage {

// Why two leads look like the same person.
enum class DuplicateReason {
    Email,         // same normalised email (a lead's own or one of its extra emails)
    Phone,         // same phone or mobile number (E.164, extension ignored; extras too)
    CompanyPerson, // same person at the same company (same text)
    Suggestion, // same person, company written differently (株式会社サンプル / ㈱サンプル)
};

struct DuplicateMatch {
    qint64 id = 0;
    QString company;
    QString familyName;
    QString givenName;
    QString email;
    DuplicateReason reason = DuplicateReason::Email;
};

// Stored leads that `lead` would duplicate (the lead itself, by id, excluded), strongest reason
// first, each lead once.
Result<QList<DuplicateMatch>> findDuplicates(Database &db, const Lead &lead);

struct DuplicateGroup {
    DuplicateReason reason = DuplicateReason::Email;
    QList<DuplicateMatch> leads; // oldest first
};

// Groups of stored leads that share an email, a phone or company + person, at most `limit`.
Result<QList<DuplicateGroup>> duplicateGroups(Database &db, int limit = 200);

// `keep` with every empty field filled from `other` (notes joined), and every email and number of
// `other` it did not take kept among its extra contacts (each once).
// `phoneRegion`: the database's country (storage::phoneRegion), for comparing numbers.
Lead mergedLead(const Lead &keep, const Lead &other, const QString &phoneRegion);

// Merges `otherId` into `keepId`: fields filled, history, touchpoints and activities moved to
// `keepId`, `otherId` deleted. One transaction. Never called without the user choosing it.
Status mergeLeads(Database &db, qint64 keepId, qint64 otherId);

QString duplicateReasonLabel(DuplicateReason r);

} // namespace mikomi::storage
