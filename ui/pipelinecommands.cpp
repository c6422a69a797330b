#include "ui/pipelinecommands.h"

#include "models/storage/assignment.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"

#include <QCoreApplication>
#include <QInputDialog>

namespace mikomi::ui {

ReassignCommand::ReassignCommand(storage::Database &db, const QList<qint64> &leadIds,
                                 const QString &owner, std::function<void()> onApplied,
                                 std::function<void(const QString &)> onError)
    : m_db(db)
    , m_leadIds(leadIds)
    , m_owner(owner)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Reassign %n lead(s) to %1", nullptr,
                                        int(leadIds.size()))
                .arg(owner));
}

void ReassignCommand::redo() {
    auto r = storage::AssignmentRules(m_db).reassign(m_leadIds, m_owner);
    m_failed = !r;
    if (m_failed) {
        setObsolete(true);
        if (m_onError)
            m_onError(r.error());
        return;
    }
    m_before = *r;
    if (m_onApplied)
        m_onApplied();
}

void ReassignCommand::undo() {
    if (m_failed)
        return;
    if (Status s = storage::AssignmentRules(m_db).restoreOwners(m_leadIds, m_before); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

TemperatureCommand::TemperatureCommand(storage::Database &db, const QList<qint64> &leadIds,
                                       std::optional<Temperature> temperature,
                                       std::function<void()> onApplied,
                                       std::function<void(const QString &)> onError)
    : m_db(db)
    , m_leadIds(leadIds)
    , m_temperature(temperature)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Set the temperature of %n lead(s) to %1",
                                        nullptr, int(leadIds.size()))
                .arg(temperatureChoiceLabel(temperature)));
}

void TemperatureCommand::redo() {
    auto r = storage::ScoringStore(m_db).setTemperatureOverride(m_leadIds, m_temperature);
    m_failed = !r;
    if (m_failed) {
        setObsolete(true);
        if (m_onError)
            m_onError(r.error());
        return;
    }
    m_before = *r;
    if (m_onApplied)
        m_onApplied();
}

void TemperatureCommand::undo() {
    if (m_failed)
        return;
    if (Status s = storage::ScoringStore(m_db).restoreTemperatureOverrides(m_leadIds, m_before);
        !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
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
