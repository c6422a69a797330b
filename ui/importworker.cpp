#include "ui/importworker.h"

#include "models/storage/database.h"

#include <QThread>

namespace mikomi::ui {
namespace {

// What the worker thread shares with the window: the latest progress (coalesced, so a slow
// window is not flooded) and the result, read once the thread has finished.
struct RunJob {
    std::atomic<qint64> rows = 0;
    std::atomic<qint64> bytes = 0;
    std::atomic<qint64> total = 0;
    std::atomic<bool> progressPosted = false;
    std::optional<Result<services::ImportSummary>> result;
};

} // namespace

ImportWorker::ImportWorker(QObject *parent)
    : QObject(parent) {}

ImportWorker::~ImportWorker() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

void ImportWorker::start(storage::Database &db, const services::ImportOptions &o, Progress progress,
                         Finished finished) {
    m_cancel = false;
    auto job = std::make_shared<RunJob>();
    const QString path = db.location();
    if (path.isEmpty() || path == QLatin1String(":memory:")) {
        // A database only this connection sees: no second connection can reach it.
        job->result = services::runImport(db, o, {}, &m_cancel);
        finished(std::move(*job->result));
        return;
    }
    // The worker opens its own connection to the same file; it touches nothing of the window
    // but the cancel flag, and reaches it only through queued calls.
    m_thread.reset(QThread::create([this, job, path, o, progress] {
        auto db = storage::Database::open(path);
        if (!db) {
            job->result = Error{db.error()};
            return;
        }
        const auto report = [this, job, progress](qint64 rows, qint64 bytes, qint64 total) {
            job->rows = rows;
            job->bytes = bytes;
            job->total = total;
            if (job->progressPosted.exchange(true))
                return; // the window has not shown the last report yet
            QMetaObject::invokeMethod(
                this,
                [job, progress] {
                    job->progressPosted = false;
                    progress(job->rows, job->bytes, job->total);
                },
                Qt::QueuedConnection);
        };
        job->result = services::runImport(**db, o, report, &m_cancel);
    }));
    m_thread->setObjectName(QStringLiteral("mikomi-import"));
    connect(
        m_thread.get(), &QThread::finished, this,
        [this, job, finished] {
            m_thread->wait();
            m_thread.release()->deleteLater();
            finished(job->result ? std::move(*job->result)
                                 : Result<services::ImportSummary>(
                                       Error{tr("The import stopped unexpectedly.")}));
        },
        Qt::QueuedConnection);
    m_thread->start();
}

} // namespace mikomi::ui
