#pragma once

#include "models/domain/result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <thread>

namespace mikomi::storage {

class Database;

// One job on a second connection to a server database (the same login), on a thread of its
// own: PostgreSQL runs a statement on one core, so a read that does not depend on the first
// connection's work can be made while that work goes on. The connection is opened read-only on
// the thread, `setup` runs first (a transaction and its snapshot, a setting; when it opens a
// transaction the job's end commits it), then `job`. The job's results stay with it until
// wait() returns: nothing is shared between the threads meanwhile.
class SecondConnection final {
public:
    SecondConnection(QString location, QStringList setup,
                     std::function<Status(const Database &)> job);
    ~SecondConnection();
    SecondConnection(const SecondConnection &) = delete;
    SecondConnection &operator=(const SecondConnection &) = delete;

    // Waits for the job: its status, or why the connection could not be made.
    Status wait();

private:
    Status m_status;
    std::thread m_thread; // last: started once m_status exists
};

} // namespace mikomi::storage
