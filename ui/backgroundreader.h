#pragma once

#include "models/domain/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Runs a read of the database on a worker thread with its own read-only connection to the same
// file (a SQLite connection belongs to the thread that opened it; a second connection of the
// process is safe, see storage/livefiles.h) and hands the result to the GUI thread through a
// queued call, so the window stays responsive while a large database is read. A page keeps one
// and calls read() whenever it needs its data again.
//
// - The newest request wins. A read asked for while another runs waits for it (at most one
//   waits: a newer request replaces it), and the result of a read that was superseded or
//   cancelled is dropped, never handed over; so a page never shows data older than what it
//   asked for last, in whatever order the reads end.
// - cancel() (the database goes away) drops whatever was asked for. A running read cannot be
//   interrupted: it ends on its own thread and its result is dropped. Deleting the reader waits
//   for it (a read of 1,000,000 leads takes about 0.35 s).
// - A failure (the file cannot be opened, a query fails) is handed over as the Result's Error.
//
// `work` runs on the worker thread: it must use only the connection it is given and what it
// captured by value. `done` runs on the GUI thread, only for the newest request.
class BackgroundReader final : public QObject {
    Q_OBJECT
public:
    explicit BackgroundReader(QObject *parent = nullptr);
    ~BackgroundReader() override;

    template <typename T>
    void read(const storage::Database &db, std::function<Result<T>(storage::Database &)> work,
              std::function<void(Result<T>)> done);
    // Work without the database (e.g. a report computed from facts already read), on the worker
    // thread, with the same rules: the newest request wins, `done` runs on the GUI thread.
    // `work` must use only what it captured by value (shared, immutable data).
    template <typename T>
    void compute(std::function<Result<T>()> work, std::function<void(Result<T>)> done);
    // Drops the results of every read asked for so far.
    void cancel();
    // True from read() until its result is handed over, or until cancel().
    bool busy() const { return m_busy; }
    // Reads started so far on a worker thread (tests).
    int threadsStarted() const { return m_threadsStarted; }

signals:
    void busyChanged(bool busy);

private:
    struct Job {
        quint64 ticket = 0;
        QString path;
        std::function<void(storage::Database &)> work; // on the worker: keeps the result
        std::function<void()> run; // on the worker, instead of `work`: needs no connection
        std::function<void(const Error &)> fail; // on the worker: the connection failed
        std::function<void()> deliver;           // on the GUI thread
    };
    void submit(const storage::Database &db, std::shared_ptr<Job> job);
    void submit(std::shared_ptr<Job> job);
    void startThread(std::shared_ptr<Job> job);
    void threadFinished();
    // Hands the result over when `job` is the newest request.
    void deliver(const Job &job);
    // Requests up to `ticket` are done with (handed over or dropped); emits busyChanged.
    void settle(quint64 ticket);

    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<Job> m_running; // on m_thread
    std::shared_ptr<Job> m_waiting; // starts when m_running ends
    quint64 m_ticket = 0;           // of the newest request; older results are dropped
    quint64 m_settled = 0;          // the newest request handed over or cancelled
    bool m_busy = false;
    int m_threadsStarted = 0;
};

template <typename T>
void BackgroundReader::read(const storage::Database &db,
                            std::function<Result<T>(storage::Database &)> work,
                            std::function<void(Result<T>)> done) {
    auto result = std::make_shared<std::optional<Result<T>>>();
    auto job = std::make_shared<Job>();
    job->work = [work = std::move(work), result](storage::Database &conn) {
        result->emplace(work(conn));
    };
    job->fail = [result](const Error &error) { result->emplace(error); };
    job->deliver = [done = std::move(done), result] {
        if (*result)
            done(std::move(**result));
    };
    submit(db, std::move(job));
}

template <typename T>
void BackgroundReader::compute(std::function<Result<T>()> work,
                               std::function<void(Result<T>)> done) {
    auto result = std::make_shared<std::optional<Result<T>>>();
    auto job = std::make_shared<Job>();
    job->run = [work = std::move(work), result] { result->emplace(work()); };
    job->deliver = [done = std::move(done), result] {
        if (*result)
            done(std::move(**result));
    };
    submit(std::move(job));
}

} // namespace mikomi::ui
