#pragma once

#include "models/commands/storecommand.h"
#include "models/domain/enums.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::commands {

// Completes a follow-up task and logs the contact as an activity (which may score); undo reopens
// the task and removes the activity.
class CompleteTaskCommand final : public StoreCommand {
public:
    CompleteTaskCommand(storage::Database &db, qint64 taskId, qint64 leadId, ActivityKind kind,
                        const QString &user, AppliedFn onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    void rescore();
    storage::Database &m_db;
    qint64 m_taskId;
    qint64 m_leadId;
    ActivityKind m_kind;
    QString m_user;
    qint64 m_activityId = 0;
};

// Moves an open follow-up to a new due time; undo puts the previous one back.
class RescheduleTaskCommand final : public StoreCommand {
public:
    RescheduleTaskCommand(storage::Database &db, qint64 taskId, const QDateTime &dueAt,
                          AppliedFn onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    qint64 m_taskId;
    QDateTime m_dueAt;
    QDateTime m_before;
};

// Gives many leads a new owner in one undoable step (bulk reassign); undo gives each lead its
// previous owner back. An owner name not yet known becomes a user (and stays one after undo).
class ReassignCommand final : public StoreCommand {
public:
    ReassignCommand(storage::Database &db, const QList<qint64> &leadIds, const QString &owner,
                    AppliedFn onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    QList<qint64> m_leadIds;
    QString m_owner;
    QList<qint64> m_before;
};

// Sets the temperature override of many leads (nullopt = Automatic: derived from score and
// recency again) in one undoable step.
class TemperatureCommand final : public StoreCommand {
public:
    TemperatureCommand(storage::Database &db, const QList<qint64> &leadIds,
                       std::optional<Temperature> temperature, AppliedFn onApplied,
                       ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    QList<qint64> m_leadIds;
    std::optional<Temperature> m_temperature;
    QList<std::optional<Temperature>> m_before;
};

// "Automatic" or the temperature label: the choices of a temperature override.
QString temperatureChoiceLabel(std::optional<Temperature> t);

} // namespace mikomi::commands
