#include "models/commands/pipelinecommands.h"

#include "models/storage/assignment.h"
#include "models/storage/followups.h"
#include "models/storage/scoringstore.h"

#include <QCoreApplication>
#include <QLocale>

namespace mikomi::commands {

CompleteTaskCommand::CompleteTaskCommand(storage::Database &db, qint64 taskId, qint64 leadId,
                                         ActivityKind kind, const QString &user,
                                         AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_taskId(taskId)
    , m_leadId(leadId)
    , m_kind(kind)
    , m_user(user) {
    setText(
        QCoreApplication::translate("mikomi::commands::PipelineCommands", "Complete follow-up (%1)")
            .arg(activityKindLabel(kind)));
}

void CompleteTaskCommand::rescore() {
    // The logged contact may score.
    if (auto s = storage::ScoringStore(m_db).recompute(m_leadId, QDateTime::currentDateTime()); !s)
        warn(s.error());
}

Status CompleteTaskCommand::apply() {
    if (Status s = keep(storage::FollowUpRepository(m_db).complete(m_taskId, m_kind, m_user,
                                                                   QDateTime::currentDateTime()),
                        m_activityId);
        !s)
        return s;
    rescore();
    return {};
}

Status CompleteTaskCommand::revert() {
    if (Status s = storage::FollowUpRepository(m_db).reopen(m_taskId, m_activityId); !s)
        return s;
    m_activityId = 0;
    rescore();
    return {};
}

RescheduleTaskCommand::RescheduleTaskCommand(storage::Database &db, qint64 taskId,
                                             const QDateTime &dueAt, AppliedFn onApplied,
                                             ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_taskId(taskId)
    , m_dueAt(dueAt) {
    setText(QCoreApplication::translate("mikomi::commands::PipelineCommands",
                                        "Reschedule follow-up to %1")
                .arg(QLocale().toString(dueAt, QLocale::ShortFormat)));
}

Status RescheduleTaskCommand::apply() {
    return keep(storage::FollowUpRepository(m_db).reschedule(m_taskId, m_dueAt), m_before);
}

Status RescheduleTaskCommand::revert() {
    auto r = storage::FollowUpRepository(m_db).reschedule(m_taskId, m_before);
    return r ? Status() : Status(r.failure());
}

ReassignCommand::ReassignCommand(storage::Database &db, const QList<qint64> &leadIds,
                                 const QString &owner, AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_leadIds(leadIds)
    , m_owner(owner) {
    setText(QCoreApplication::translate("mikomi::commands::PipelineCommands",
                                        "Reassign %n lead(s) to %1", nullptr, int(leadIds.size()))
                .arg(owner));
}

Status ReassignCommand::apply() {
    return keep(storage::AssignmentRules(m_db).reassign(m_leadIds, m_owner), m_before);
}

Status ReassignCommand::revert() {
    return storage::AssignmentRules(m_db).restoreOwners(m_leadIds, m_before);
}

TemperatureCommand::TemperatureCommand(storage::Database &db, const QList<qint64> &leadIds,
                                       std::optional<Temperature> temperature, AppliedFn onApplied,
                                       ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_leadIds(leadIds)
    , m_temperature(temperature) {
    setText(QCoreApplication::translate("mikomi::commands::PipelineCommands",
                                        "Set the temperature of %n lead(s) to %1", nullptr,
                                        int(leadIds.size()))
                .arg(temperatureChoiceLabel(temperature)));
}

Status TemperatureCommand::apply() {
    return keep(storage::ScoringStore(m_db).setTemperatureOverride(m_leadIds, m_temperature),
                m_before);
}

Status TemperatureCommand::revert() {
    return storage::ScoringStore(m_db).restoreTemperatureOverrides(m_leadIds, m_before);
}

QString temperatureChoiceLabel(std::optional<Temperature> t) {
    return t ? temperatureLabel(*t)
             : QCoreApplication::translate("mikomi::commands::PipelineCommands", "Automatic",
                                           "temperature derived from score and recency");
}

} // namespace mikomi::commands
