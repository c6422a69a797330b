#include "ui/backgroundreader.h"

#include "models/storage/database.h"

#include <QPointer>
#include <QThread>

#include <algorithm>

namespace mikomi::ui {

BackgroundReader::BackgroundReader(QObject *parent)
    : QObject(parent) {}

BackgroundReader::~BackgroundReader() {
    ++m_ticket;
    m_waiting.reset();
    if (m_thread)
        m_thread->wait();
}

void BackgroundReader::cancel() {
    ++m_ticket;
    m_waiting.reset();
    settle(m_ticket);
}

void BackgroundReader::settle(quint64 ticket) {
    m_settled = std::max(m_settled, ticket);
    if (m_busy == (m_settled != m_ticket))
        return;
    m_busy = !m_busy;
    emit busyChanged(m_busy);
}

void BackgroundReader::deliver(const Job &job) {
    if (job.ticket != m_ticket)
        return; // superseded or cancelled
    const QPointer<BackgroundReader> self(this);
    job.deliver(); // may ask for another read (then busy stays true), or delete this reader
    if (self)
        settle(job.ticket);
}

void BackgroundReader::submit(const storage::Database &db, std::shared_ptr<Job> job) {
    job->ticket = ++m_ticket;
    job->path = db.location();
    m_waiting.reset(); // superseded before it started
    settle(m_settled);
    if (m_running)
        m_waiting = std::move(job);
    else
        startThread(std::move(job));
}

void BackgroundReader::startThread(std::shared_ptr<Job> job) {
    m_running = job;
    ++m_threadsStarted;
    m_thread.reset(QThread::create([job] {
        // Its own connection, read-only: this thread never writes.
        storage::OpenOptions options;
        options.readOnly = true;
        auto conn = storage::Database::open(job->path, options);
        if (!conn) {
            job->fail(conn.failure());
            return;
        }
        job->work(**conn);
    }));
    m_thread->setObjectName(QStringLiteral("mikomi-read"));
    // Queued: the thread object lives on the GUI thread.
    connect(m_thread.get(), &QThread::finished, this, &BackgroundReader::threadFinished);
    m_thread->start();
}

void BackgroundReader::threadFinished() {
    m_thread->wait(); // finished() comes just before the thread ends
    m_thread.reset();
    const std::shared_ptr<Job> ended = std::move(m_running);
    if (m_waiting)
        startThread(std::move(m_waiting)); // `ended` was superseded by it
    else if (ended)
        deliver(*ended);
}

} // namespace mikomi::ui
