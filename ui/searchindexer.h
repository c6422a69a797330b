#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace mikomi::ui {

// Runs storage::SearchIndex::catchUp() for a database file on a worker thread with its own
// connection, so the window stays responsive while leads written in bulk (an import, the demo)
// are indexed. Each chunk commits on its own: stopping loses nothing, the next run resumes.
class SearchIndexer final : public QObject {
    Q_OBJECT
public:
    explicit SearchIndexer(QObject *parent = nullptr);
    ~SearchIndexer() override;

    // Starts indexing `path` unless a run is already going; a no-op when nothing is pending.
    void start(const QString &path);
    // Asks the worker to stop after its current chunk (on a server: cancels its index build)
    // and waits for it.
    void stop();
    bool running() const;

signals:
    void progress(qint64 done, qint64 total);
    // ok = the index is complete; else `error` says why it stopped ("" when asked to stop).
    void finished(bool ok, const QString &error);

private:
    struct Cancel {
        std::mutex mutex;
        std::function<void()> cancel; // the worker's statement, while it has one to cancel
    };
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_stop;
    std::shared_ptr<Cancel> m_cancel;
};

} // namespace mikomi::ui
