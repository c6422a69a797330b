#pragma once

#include "models/domain/result.h"

#include <QObject>
#include <QTimer>

namespace mikomi::storage {

class Database;

// For the window's connection to a database file: what another program commits to the same file
// (a second window, `mikomi import` or `mikomi scan --import` run meanwhile) is published through
// the connection's change feed (changefeed.h) within about a second, as a team server's changes
// are (pgnotify.h), so no page goes on showing what is no longer there.
//
// SQLite's PRAGMA data_version changes when any other connection committed to the file, this
// process's own other connections (the import worker, the search indexer) included. Those are
// told apart by this process's count of commits to the file (Database::commitsByOthersHere()):
// a change while none of them committed came from another program and is published at once; a
// change while one of them was committing is published when they have stopped (one re-read after
// an import or a search index catch-up, never one per commit).
class FileListener final : public QObject {
    Q_OBJECT
public:
    explicit FileListener(Database &db, int intervalMs = 1000);

    Status start();
    // One look at the file (the timer's; tests call it directly).
    void poll();

private:
    Database &m_db;
    QTimer m_timer;
    qint64 m_version = -1;
    quint64 m_others = 0;
    bool m_pending = false; // changed while this process was also writing: published once idle
    bool m_warned = false;
};

} // namespace mikomi::storage
