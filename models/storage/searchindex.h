#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QList>

#include <functional>
#include <utility>

namespace mikomi::storage {

// The lead search index (leads_fts) after bulk writes. Imports and the demo fill write leads
// without indexing them one by one: their id range is recorded as pending, the search reads
// pending leads directly (same results, slower), and catchUp() indexes them in chunks, each
// committed on its own, so it can run in the background, stop at any point and resume later.
// On a team server the same calls serve the trigram index a large import leaves pending
// (serversearch.h): pending() is one range of every lead, catchUp() makes the index in one
// statement (CREATE INDEX CONCURRENTLY; false when this login does not own the leads).
class SearchIndex final {
public:
    explicit SearchIndex(Database &db)
        : m_db(db) {}

    // Lead id ranges [lo, hi] not indexed yet, lowest first.
    Result<QList<std::pair<qint64, qint64>>> pending() const;
    // How many leads wait to be indexed.
    Result<qint64> pendingCount() const;

    // Indexes pending leads, `chunk` ids per transaction, until none is left or `progress`
    // returns false. Returns true when the index is complete.
    Result<bool> catchUp(int chunk = 20000,
                         const std::function<bool(qint64 done, qint64 total)> &progress = {});

    // Another thread's way to stop catchUp() in the middle of a server's index build (the
    // statement is cancelled; the next catch-up makes the index again); empty on a file, whose
    // catch-up stops between chunks (`progress`). Valid while this database is open.
    std::function<void()> canceller() const;

private:
    Database &m_db;
};

} // namespace mikomi::storage
