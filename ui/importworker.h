#pragma once

#include "models/domain/result.h"
#include "models/services/importer.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace mikomi::ui {

// Runs services::runImport (a dry run or the import) for the import wizard, the same work as
// `mikomi import`. The run goes in a worker thread with its own connection to the database file
// (WAL lets the window keep reading); the window's Database object is never used by the worker.
// Progress comes back as queued calls, coalesced so that a slow window is not flooded; cancel()
// sets the atomic flag runImport polls.
class ImportWorker final : public QObject {
    Q_OBJECT
public:
    using Progress = std::function<void(qint64 rows, qint64 bytes, qint64 total)>;
    using Finished = std::function<void(Result<services::ImportSummary> result)>;

    explicit ImportWorker(QObject *parent = nullptr);
    // Cancels a run that is still going and waits for its thread.
    ~ImportWorker() override;

    // Starts a run of `options` on the file of `db`. `progress` and `finished` are called in this
    // object's thread; on a database only this connection sees (in memory) the run is done on the
    // calling thread and `finished` is called before start() returns.
    void start(storage::Database &db, const services::ImportOptions &options, Progress progress,
               Finished finished);
    // Stops the running dry run or import (runImport rolls it back).
    void cancel() { m_cancel = true; }
    bool cancelled() const { return m_cancel; }

private:
    std::atomic<bool> m_cancel = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace mikomi::ui
