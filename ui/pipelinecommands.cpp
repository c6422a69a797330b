#include "ui/pipelinecommands.h"

#include "models/storage/assignment.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLocale>

namespace mikomi::ui {

CompleteTaskCommand::CompleteTaskCommand(storage::Database &db, qint64 taskId, qint64 leadId,
                                         ActivityKind kind, const QString &user,
                                         std::function<void()> onApplied,
                                         std::function<void(const QString &)> onError)
    : m_db(db)
    , m_taskId(taskId)
    , m_leadId(leadId)
    , m_kind(kind)
    , m_user(user)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Complete follow-up (%1)")
                .arg(activityKindLabel(kind)));
}

void CompleteTaskCommand::rescore() {
    if (auto s = storage::ScoringStore(m_db).recompute(m_leadId, QDateTime::currentDateTime());
        !s && m_onError)
        m_onError(s.error()); // the logged contact may score
}

void CompleteTaskCommand::redo() {
    auto r = storage::FollowUpRepository(m_db).complete(m_taskId, m_kind, m_user,
                                                        QDateTime::currentDateTime());
    if (!r) {
        setObsolete(true);
        if (m_onError)
            m_onError(r.error());
        return;
    }
    m_activityId = *r;
    rescore();
    if (m_onApplied)
        m_onApplied();
}

void CompleteTaskCommand::undo() {
    if (m_activityId == 0)
        return;
    if (Status s = storage::FollowUpRepository(m_db).reopen(m_taskId, m_activityId); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    m_activityId = 0;
    rescore();
    if (m_onApplied)
        m_onApplied();
}

RescheduleTaskCommand::RescheduleTaskCommand(storage::Database &db, qint64 taskId,
                                             const QDateTime &dueAt,
                                             std::function<void()> onApplied,
                                             std::function<void(const QString &)> onError)
    : StoreCommand(db, std::move(onApplied), std::move(onError))
    , m_taskId(taskId)
    , m_dueAt(dueAt) {
    setText(QCoreApplication::translate("Mikomi", "Reschedule follow-up to %1")
                .arg(QLocale().toString(dueAt, QLocale::ShortFormat)));
}

void RescheduleTaskCommand::redo() {
    finishRedo(storage::FollowUpRepository(m_db).reschedule(m_taskId, m_dueAt), m_before);
}

void RescheduleTaskCommand::undo() {
    if (failed())
        return;
    auto r = storage::FollowUpRepository(m_db).reschedule(m_taskId, m_before);
    finish(r ? Status() : Status(Error{r.error()}));
}

ReassignCommand::ReassignCommand(storage::Database &db, const QList<qint64> &leadIds,
                                 const QString &owner, std::function<void()> onApplied,
                                 std::function<void(const QString &)> onError)
    : StoreCommand(db, std::move(onApplied), std::move(onError))
    , m_leadIds(leadIds)
    , m_owner(owner) {
    setText(QCoreApplication::translate("Mikomi", "Reassign %n lead(s) to %1", nullptr,
                                        int(leadIds.size()))
                .arg(owner));
}

void ReassignCommand::redo() {
    finishRedo(storage::AssignmentRules(m_db).reassign(m_leadIds, m_owner), m_before);
}

void ReassignCommand::undo() {
    if (!failed())
        finish(storage::AssignmentRules(m_db).restoreOwners(m_leadIds, m_before));
}

TemperatureCommand::TemperatureCommand(storage::Database &db, const QList<qint64> &leadIds,
                                       std::optional<Temperature> temperature,
                                       std::function<void()> onApplied,
                                       std::function<void(const QString &)> onError)
    : StoreCommand(db, std::move(onApplied), std::move(onError))
    , m_leadIds(leadIds)
    , m_temperature(temperature) {
    setText(QCoreApplication::translate("Mikomi", "Set the temperature of %n lead(s) to %1",
                                        nullptr, int(leadIds.size()))
                .arg(temperatureChoiceLabel(temperature)));
}

void TemperatureCommand::redo() {
    finishRedo(storage::ScoringStore(m_db).setTemperatureOverride(m_leadIds, m_temperature),
               m_before);
}

void TemperatureCommand::undo() {
    if (!failed())
        finish(storage::ScoringStore(m_db).restoreTemperatureOverrides(m_leadIds, m_before));
}

std::optional<QString> askOwner(QWidget *parent, storage::Database &db, int count) {
    QStringList names;
    if (auto users = storage::UserRepository(db).list()) {
        for (const User &u : *users) {
            if (u.active)
                names.append(u.name);
        }
    }
    bool ok = false;
    const QString owner =
        QInputDialog::getItem(
            parent, QCoreApplication::translate("Mikomi", "Reassign"),
            QCoreApplication::translate("Mikomi", "New owner of %n lead(s):", nullptr, count),
            names, 0, true, &ok)
            .trimmed();
    if (!ok || owner.isEmpty())
        return std::nullopt;
    return owner;
}

QString temperatureChoiceLabel(std::optional<Temperature> t) {
    return t ? temperatureLabel(*t)
             : QCoreApplication::translate("Mikomi", "Automatic",
                                           "temperature derived from score and recency");
}

} // namespace mikomi::ui
