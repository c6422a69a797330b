#include "models/storage/secondconnection.h"

#include "models/storage/database.h"
#include "models/storage/sql.h"

#include <QSqlQuery>

namespace mikomi::storage {
namespace {

Status runJob(const QString &location, const QStringList &setup,
              const std::function<Status(const Database &)> &job) {
    OpenOptions options;
    options.readOnly = true;
    auto other = Database::open(location, options);
    if (!other)
        return other.failure();
    for (const QString &step : setup) {
        if (auto q = exec(**other, step); !q)
            return q.failure();
    }
    const Status done = job(**other);
    if (!setup.isEmpty()) {
        QSqlQuery end(connection(**other));
        end.exec(QStringLiteral("COMMIT")); // read only: nothing to lose if it fails
    }
    return done;
}

} // namespace

SecondConnection::SecondConnection(QString location, QStringList setup,
                                   std::function<Status(const Database &)> job)
    : m_thread([this, location = std::move(location), setup = std::move(setup),
                job = std::move(job)] { m_status = runJob(location, setup, job); }) {}

SecondConnection::~SecondConnection() {
    if (m_thread.joinable())
        m_thread.join();
}

Status SecondConnection::wait() {
    if (m_thread.joinable())
        m_thread.join();
    return m_status;
}

} // namespace mikomi::storage
