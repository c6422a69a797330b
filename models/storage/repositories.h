#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mikomi::storage {

// Key/value settings stored in the database (shared by everyone using the file).
class SettingsRepository final {
public:
    explicit SettingsRepository(Database &db)
        : m_db(db) {}
    // The stored value, nullopt when the key is not set; an error when it cannot be read (a
    // failed read is not "not set": callers would silently fall back to their defaults).
    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);

private:
    Database &m_db;
};

class UserRepository final {
public:
    explicit UserRepository(Database &db)
        : m_db(db) {}
    // The id of the user with this name (case/width-insensitive), created when missing.
    // An empty name gives 0 (nobody).
    Result<qint64> resolve(const QString &name);
    Result<QList<User>> list() const;
    Status setActive(const QString &name, bool active);
    // Sets (or, with an empty string, clears) the email address of user `id`. An error for an
    // invalid address or one another user has (compared as text::normalizeEmail folds them).
    Status setEmail(qint64 id, const QString &email);
    // Several at once, in one transaction (two users may swap addresses); nothing changes on an
    // error.
    Status setEmails(const QList<std::pair<qint64, QString>> &emails);
    // The name of the user whose email address is `email` (folded), or an empty string.
    Result<QString> nameForEmail(const QString &email) const;

private:
    void checkCache() const;
    Database &m_db;
    mutable QHash<QString, qint64> m_cache;
    mutable int m_generation = 0;
};

// Sources with canonical names: every name passes through text::sourceKey and the aliases, so
// "LinkedIn", "linkedin " and "ＬｉｎｋｅｄＩｎ" are one source.
class SourceRepository final {
public:
    explicit SourceRepository(Database &db)
        : m_db(db) {}

    // Id of the source this name (or alias) means; created with `category`/`tier` when missing
    // and `create` is true. An empty name gives 0 (no source).
    Result<qint64> resolve(const QString &name, bool create = true,
                           SourceCategory category = SourceCategory::Unknown,
                           Tier tier = Tier::Experiment);
    // The canonical name for a name or alias; nullopt when no source has it, an Error when the
    // database cannot be read (never taken for "unknown").
    Result<std::optional<QString>> canonicalName(const QString &name) const;
    Result<Source> get(qint64 id) const;
    // All sources, with aliases and (Counted) the number of leads whose original source they
    // are: a pass over the leads' source index, noticeable at 1,000,000 leads, so pickers that
    // show names only ask for NotCounted (leadCount stays 0).
    enum class LeadCounts { Counted, NotCounted };
    Result<QList<Source>> list(LeadCounts counts = LeadCounts::Counted) const;
    Status setCategory(qint64 id, SourceCategory category);
    Status setTier(qint64 id, Tier tier);
    // A person accepts the dictionary's category as it is (Source::suggested becomes false;
    // setCategory and setTier do the same).
    Status confirm(qint64 id);
    Status addAlias(const QString &alias, qint64 sourceId);

private:
    void checkCache() const;
    Database &m_db;
    mutable QHash<QString, qint64> m_cache;
    mutable int m_generation = 0;
};

// The stage-related columns of a lead, saved before a stage change so it can be undone.
struct StageState {
    Stage stage = Stage::Inquiry;
    SqlKind sqlKind = SqlKind::None;
    Stage furthestStage = Stage::Inquiry;
    bool lost = false;
    QString lostReason;
    std::optional<QDate> lostAt;
    std::optional<QDate> wonAt;
    std::optional<Money> dealValue;
    qint64 lastHistoryId = 0; // history rows after this one belong to later changes
};

// Leads and what hangs off them. Every write is one committed transaction (or part of the
// caller's Transaction).
class LeadRepository final {
public:
    explicit LeadRepository(Database &db);
    ~LeadRepository();

    // Stores a new lead (id must be 0) and its first stage-history entry; sets lead.id. A plain
    // store: no owner, score or follow-up rules (services::LeadCreation applies those).
    Result<qint64> insert(Lead &lead, const QString &user = QString());
    // Stores a new lead with the stage history it starts with (their lead ids are set here), in
    // one transaction; sets lead.id.
    Result<qint64> insert(Lead &lead, const QList<StageChange> &history);
    // Writes every field but the stage ones (use changeStage/markLost/recycle) and makes a new
    // version. A lead read at version N (lead.version > 0) is saved only over version N: when
    // someone else saved it meanwhile, nothing is written and the error is ErrorKind::Changed
    // (the caller shows mine / theirs and saves again over the new version).
    Status update(const Lead &lead);
    Result<Lead> get(qint64 id) const;
    // Every lead (ids empty) in id order with one query, or the given ids in their order with
    // one query per 500; each as get() gives it, handed to `visit` (false = stop). An Error when
    // the database fails or a given id does not exist.
    Status forEach(const QList<qint64> &ids, const std::function<bool(Lead &&)> &visit) const;
    Status remove(qint64 id);
    Result<qint64> count() const;
    // The lead's stored version, inside a transaction about to write the lead on what it says:
    // locked until the commit on a server (SELECT … FOR UPDATE). An error when it is gone.
    Result<qint64> lockVersion(qint64 id) const;

    // `expectedVersion` > 0: refused (ErrorKind::Changed) when the lead is no longer at that
    // version (a pipeline card moved by someone else since the board was read).
    Status changeStage(qint64 id, Stage stage, SqlKind sqlKind, const QString &user,
                       const QDateTime &at, const QString &note = QString(),
                       qint64 expectedVersion = 0);
    Status markLost(qint64 id, const QString &reason, const QString &user, const QDateTime &at);
    Status recycle(qint64 id, const QString &user, const QDateTime &at);
    // Moves the lead's creation time (an import that learns the real one from a newer export),
    // with its first stage-history entry when that was written at the old time.
    Status setCreatedAt(qint64 id, const QDateTime &createdAt);
    // Moves the lead to Customer (as changeStage) and records the deal value it was won at and
    // the day it was won, in one transaction. Undo: restoreStageState.
    Status markWon(qint64 id, std::optional<Money> dealValue, const QDate &wonAt,
                   const QString &user, const QDateTime &at);

    Result<QList<StageChange>> history(qint64 id) const;
    Result<StageState> stageState(qint64 id) const;
    // Puts the stage columns back as `state` and deletes the history written since (undo).
    Status restoreStageState(qint64 id, const StageState &state);
    Result<qint64> addTouchpoint(Touchpoint &tp);
    Result<QList<Touchpoint>> touchpoints(qint64 id) const;
    Result<qint64> addActivity(Activity &a);
    // Deletes one activity (undo of addActivity).
    Status removeActivity(qint64 activityId);
    Result<QList<Activity>> activities(qint64 id) const;

    Status addStageChange(StageChange &change);
    Status setSpend(const SpendRow &row);
    Result<QList<SpendRow>> spend() const;
    Result<qint64> addCampaign(Campaign &c);

    SourceRepository &sources() { return m_sources; }
    UserRepository &users() { return m_users; }

private:
    Status writeLead(const Lead &lead, bool insert, qint64 *newId);
    struct Statements; // prepared once, reused (get() is called per row by imports)
    mutable std::unique_ptr<Statements> m_statements;
    Database &m_db;
    SourceRepository m_sources;
    UserRepository m_users;
};

} // namespace mikomi::storage
