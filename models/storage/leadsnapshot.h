#pragma once

#include <QVariantList>

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/leadimages.h"

#include <QList>

namespace mikomi::storage {

// Everything stored about one lead, so a delete or a merge can be undone exactly: the lead comes
// back with the same id (its further emails and numbers, Lead::extraContacts, and its custom
// fields, Lead::customFields, with it), and its
// history, touchpoints, activities, follow-ups and business-card images with theirs.
// A follow-up task as stored (the row's own values, so that it comes back unchanged).
struct TaskRow {
    qint64 id = 0;
    QVariantList values; // title, owner_id, due_at, done_at, created_at
};

struct LeadSnapshot {
    Lead lead;
    QList<StageChange> history;
    QList<Touchpoint> touchpoints;
    QList<Activity> activities;
    QList<TaskRow> tasks;
    QList<LeadImage> images; // its business-card images (lead_images)
};

Result<LeadSnapshot> snapshotLead(Database &db, qint64 id);

// Re-inserts the lead (its id must be free) and puts its history, touchpoints and activities back
// with their ids, re-pointing them to it if they were moved to another lead (undo of a merge).
// One transaction (or part of the caller's).
Status restoreLead(Database &db, const LeadSnapshot &snapshot);

// Deletes the leads (with their history, touchpoints and activities) in one transaction.
Status deleteLeads(Database &db, const QList<qint64> &ids);

} // namespace mikomi::storage
