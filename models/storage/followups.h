#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/domain/sla.h"
#include "models/storage/database.h"

#include <QDateTime>
#include <QList>

namespace mikomi::storage {

struct FollowUp {
    qint64 id = 0;
    qint64 leadId = 0;
    QString title;
    QString owner;
    QDateTime dueAt;
    std::optional<QDateTime> doneAt;
    // Filled by open(): the lead, for display.
    QString company;
    QString familyName;
    QString givenName;
    QString source;
};

// Follow-up tasks (table tasks) and the response-time rules that set their due time
// (table response_rules; business-time decision in models/domain/sla.h).
class FollowUpRepository final {
public:
    explicit FollowUpRepository(Database &db)
        : m_db(db) {}

    Result<QList<sla::ResponseRule>> rules() const;
    Status setRules(const QList<sla::ResponseRule> &rules);

    // Creates the first follow-up of a new lead, due by the response-time rule of its source
    // (or category), counted from the lead's creation time. Owner: the lead's owner.
    Result<qint64> createForLead(qint64 leadId);
    Result<qint64> add(FollowUp &task);
    // Open tasks due before `before` (invalid = all), soonest first; owner "" = everyone.
    Result<QList<FollowUp>> open(const QString &owner, int limit,
                                 const QDateTime &before = QDateTime()) const;
    // Marks the task done at `at` and logs the contact as an activity of `kind` on the lead
    // (one transaction). Returns the activity id.
    Result<qint64> complete(qint64 taskId, ActivityKind kind, const QString &user,
                            const QDateTime &at, const QString &notes = QString());
    // Undo of complete(): reopens the task and deletes the activity.
    Status reopen(qint64 taskId, qint64 activityId);
    // Moves an open task to a new due time; returns the one it had (to undo, reschedule back).
    Result<QDateTime> reschedule(qint64 taskId, const QDateTime &dueAt);

private:
    Database &m_db;
};

} // namespace mikomi::storage
