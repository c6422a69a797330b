#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace mikomi::scoring {
class Scorer;
}

namespace mikomi::storage {
class Assigner;
class BulkWriter;
class Database;
struct LeadKeys;
} // namespace mikomi::storage

namespace mikomi::services {

// A lead coming into being, the same wherever it comes from: the lead editor and business-card
// mode (commands::SaveLeadCommand) and the importer. In this order:
//  1. created and updated times default to now;
//  2. its score from the attribute rules (a new lead has no activities yet), its source read
//     under the canonical name it is stored with (an alias scores as the source it means);
//  3. an owner by the assignment rules when it names none (the first matching rule, else
//     round-robin over the active users);
//  4. the row, with the stage history it starts with (history());
//  5. a first follow-up task, due by the response-time rule of its source, when it is an open
//     inquiry created at most `followUpDays` before now (an old row of an import is history);
//  6. the writes are noted in the database's change feed, which announces them as one change
//     when the transaction commits.
// One lead: create(lead). Many (an import): load() once, create(lead, writer, keys) for each,
// then finish(); the rules are read once and the rows go through the caller's BulkWriter.
class LeadCreation final {
public:
    struct Options {
        QString user;          // written to the stage history
        QDateTime now;         // invalid: the current time of each create()
        int followUpDays = 14; // 0: no follow-ups
    };

    LeadCreation(storage::Database &db, Options options);
    ~LeadCreation();
    LeadCreation(const LeadCreation &) = delete;
    LeadCreation &operator=(const LeadCreation &) = delete;

    // Reads the scoring and assignment rules (create() does it when they are not read yet).
    Status load();

    // Stores one lead with its history, score, owner and first follow-up in one transaction (or
    // in the caller's); sets lead.id, owner, score and times.
    Result<qint64> create(Lead &lead);

    // For many leads: writes the lead and its history through `writer`, inside the caller's
    // transaction; the follow-ups are written by finish(). `keys`: LeadKeys::of(lead).
    Status create(Lead &lead, storage::BulkWriter &writer, const storage::LeadKeys &keys);
    // After the last create(lead, writer, …): the first follow-ups of those leads (stops early
    // when `cancelled` says so) and the round-robin cursor. Returns how many tasks it created.
    Result<int> finish(const std::function<bool()> &cancelled = {});

    // The rules one by one, as create() applies them.
    // Steps 1–3 on the lead in memory.
    Status prepare(Lead &lead);
    // The stage history a new lead starts with: reaching Inquiry when it was created; then the
    // stage it was entered at (a customer on the day it was won); then its loss (on the day it
    // was lost). No entry is dated before the lead's creation.
    QList<StageChange> history(const Lead &lead) const;
    // Whether the lead gets a first follow-up task.
    bool wantsFollowUp(const Lead &lead) const;

private:
    void setNow();
    void appendHistory(const Lead &lead, QList<StageChange> &out) const;
    Result<QString> storedSourceName(const QString &name);

    storage::Database &m_db;
    Options m_o;
    QDateTime m_now;
    QDateTime m_followUpSince; // leads created since then get a first follow-up
    bool m_loaded = false;
    bool m_scoresSource = false; // an attribute rule reads the source
    std::unique_ptr<scoring::Scorer> m_scorer;
    std::unique_ptr<storage::Assigner> m_assigner;
    QHash<QString, QString> m_sourceNames; // as given → as stored
    QList<qint64> m_followUps;             // leads written by create(…, writer, …)
    QList<StageChange> m_history;          // create(…, writer, …)'s, reused
};

} // namespace mikomi::services
