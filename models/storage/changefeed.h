#pragma once

#include <QFlags>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>

namespace mikomi::storage {

class Database;

// What a committed write changed, coarse enough for a page to decide whether to read again.
enum class DataKind : quint16 {
    Leads = 0x01,     // lead rows and their history: stages, touchpoints, activities
    Sources = 0x02,   // sources, their aliases, categories and tiers
    Spend = 0x04,     // monthly spend per source
    Campaigns = 0x08, // campaigns
    Tasks = 0x10,     // follow-up tasks
    Rules = 0x20,     // scoring, response-time and assignment rules
    Users = 0x40,     // owners
    Settings = 0x80,  // settings stored in the database
};
Q_DECLARE_FLAGS(DataKinds, DataKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(DataKinds)

inline constexpr DataKinds kAllDataKinds = DataKinds(DataKind::Leads) | DataKind::Sources |
                                           DataKind::Spend | DataKind::Campaigns | DataKind::Tasks |
                                           DataKind::Rules | DataKind::Users | DataKind::Settings;

// One published change: the kinds of data, and the leads whose rows changed.
struct DataChange {
    DataKinds kinds;
    // Ascending ids of the leads that changed, when every write of the change named them;
    // empty when a write did not (an import, a rule recompute, a source merge) or when no lead
    // changed: then any lead may have changed if kinds has Leads.
    QList<qint64> leadIds;

    bool isEmpty() const { return !kinds; }
    bool touches(DataKinds k) const { return bool(kinds & k); }
};

// The one path by which a write to the database reaches whoever shows its data. Every write
// in models/storage notes what it changed; a write inside a transaction is held until the
// outermost Transaction commits and then published once, with all the writes of that
// transaction together (an import of 100,000 rows is one change); a rollback publishes nothing.
// A write outside a transaction is published at once. Later, a team server's notifications
// are published through the same feed (publish()), so listeners need no second path.
class ChangeFeed final : public QObject {
    Q_OBJECT
public:
    explicit ChangeFeed(Database &db, QObject *parent = nullptr);

    // Records that `kinds` changed; lead ids are not known (any lead may have changed).
    void note(DataKinds kinds);
    // Records that these leads changed (and `also` other kinds).
    void noteLeads(const QList<qint64> &ids, DataKinds also = {});
    void noteLead(qint64 id, DataKinds also = {}) { noteLeads({id}, also); }

    // Called by Transaction when the outermost transaction committed / rolled back.
    void flush();
    void discard();

    // Publishes a change that did not come from a write of this connection (another user's,
    // by the team server). Empty changes are not published.
    void publish(const DataChange &change);

    // How many changes were published (tests, diagnostics).
    int publishedCount() const { return m_published; }
    // What flush() would publish now (a team server announces it before committing).
    DataChange pending() const;

signals:
    // Emitted once per committed transaction (or write outside one) that changed something.
    void changed(const mikomi::storage::DataChange &change);
    // A team server's connection was lost (`connected` false) or is back (true), with a
    // translated message for the status bar (Database::listen()).
    void serverConnection(bool connected, const QString &message);

private:
    Database &m_db;
    DataKinds m_pending;
    QSet<qint64> m_leads;
    bool m_leadsUnlisted = false;
    int m_published = 0;
    // Set by Transaction::commit while it flushes what it announced before committing.
    bool m_inCommit = false;
    friend class Transaction;
};

} // namespace mikomi::storage

Q_DECLARE_METATYPE(mikomi::storage::DataChange)
