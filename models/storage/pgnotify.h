#pragma once

// Internal to models/storage: live changes between the people on a team server (docs/team.md).
// A committed change is announced with NOTIFY on the channel kChannel, sent inside the same
// transaction (so a rollback announces nothing), carrying only what changed: the kinds of data
// and the lead ids, never a value. A window's connection LISTENs (Database::listen()) and
// publishes what others changed through its ChangeFeed, as its own writes are; every page
// reads again as it does after a change of its own.

#include "models/domain/result.h"
#include "models/storage/changefeed.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

namespace mikomi::storage {

class Database;

inline constexpr const char *kChangeChannel = "mikomi_changes";

// "kinds" or "kinds:id,id,…" (at most kMaxNotifiedIds ids, else none: any lead).
QString encodeChange(const DataChange &change);
DataChange decodeChange(const QString &payload);
inline constexpr qsizetype kMaxNotifiedIds = 500; // the payload stays well under 8,000 bytes

// Sends `change` to the other listeners (a server only; nothing on a file or when empty).
Status notifyServer(Database &db, const DataChange &change);

// The window's connection listening for other people's changes, and putting it back when the
// server went away: checked every kCheckMs while idle; on a lost connection it says so
// (ChangeFeed::serverConnection), reconnects as soon as it can, and then has every page read
// again (what changed meanwhile was not announced to it).
class ServerListener final : public QObject {
    Q_OBJECT
public:
    static constexpr int kCheckMs = 2000;
    explicit ServerListener(Database &db);
    Status start();

private:
    void received(const QString &name, QSqlDriver::NotificationSource source,
                  const QVariant &payload);
    void check();
    Database &m_db;
    QTimer m_timer;
    bool m_lost = false;
};

} // namespace mikomi::storage
