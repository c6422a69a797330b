#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mikomi::storage {

// One assignment rule: every condition set must hold; the first matching rule wins.
struct AssignmentRule {
    QString source;                         // "" = any (matched through aliases)
    std::optional<SourceCategory> category; // any when unset
    std::optional<int> minScore;            // inclusive
    std::optional<int> maxScore;            // inclusive
    QString prefecture;                     // "" = any
    QString owner;                          // the user who gets the lead
    bool operator==(const AssignmentRule &) const = default;
};

// Who gets a new lead: the first rule that matches, else round-robin over the active users
// (the cursor is kept in settings "assignment/last_user", so it survives restarts). Called by
// the import and card entry for new leads without an owner.
class AssignmentRules final {
public:
    explicit AssignmentRules(Database &db)
        : m_db(db) {}
    Result<QList<AssignmentRule>> rules() const;
    Status setRules(const QList<AssignmentRule> &rules);
    // The owner for `lead` ("" when there is no active user at all). Advances the round-robin
    // cursor when it is used.
    Result<QString> ownerFor(const Lead &lead);
    // Sets the owner of many leads in one transaction (bulk reassign). Returns the previous
    // owner ids (0 = none) for undo.
    Result<QList<qint64>> reassign(const QList<qint64> &leadIds, const QString &owner);
    // Writes back the owners reassign() returned (0 = none), in one transaction (undo).
    Status restoreOwners(const QList<qint64> &leadIds, const QList<qint64> &ownerIds);

private:
    Database &m_db;
};

// The same decision for many leads (an import): rules, their sources and the active users are
// read once by load(); the round-robin cursor moves in memory and save() writes it back.
// Sources are resolved without being created.
class Assigner final {
public:
    explicit Assigner(Database &db)
        : m_db(db) {}
    Status load();
    Result<QString> ownerFor(const Lead &lead);
    Status save();

private:
    Result<std::pair<qint64, SourceCategory>> sourceOf(const QString &name);
    Database &m_db;
    QList<AssignmentRule> m_rules;
    QList<qint64> m_ruleSources; // per rule: its source id (0 = none or unknown name)
    QList<User> m_active;
    qint64 m_cursor = 0;
    bool m_moved = false;
    QHash<QString, std::pair<qint64, SourceCategory>> m_sourceCache;
};

} // namespace mikomi::storage
