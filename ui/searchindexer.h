#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

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
    // Asks the worker to stop after its current chunk and waits for it.
    void stop();
    bool running() const;

signals:
    void progress(qint64 done, qint64 total);
    // ok = the index is complete; else `error` says why it stopped ("" when asked to stop).
    void finished(bool ok, const QString &error);

private:
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace mikomi::ui
