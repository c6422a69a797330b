#include "ui/searchindexer.h"

#include "models/storage/database.h"
#include "models/storage/searchindex.h"

#include <QMetaObject>
#include <QPointer>
#include <QScopeGuard>

namespace mikomi::ui {

SearchIndexer::SearchIndexer(QObject *parent)
    : QObject(parent) {}

SearchIndexer::~SearchIndexer() {
    stop();
}

bool SearchIndexer::running() const {
    return m_thread && m_thread->isRunning();
}

void SearchIndexer::start(const QString &path) {
    if (running())
        return;
    if (m_thread)
        m_thread->wait();
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stop = stopFlag;
    auto cancel = std::make_shared<Cancel>();
    m_cancel = cancel;
    QPointer<SearchIndexer> self(this);
    m_thread.reset(QThread::create([self, path, stopFlag, cancel] {
        const auto report = [&](bool ok, const QString &given) {
            // Asked to stop: no error (a statement stop() cancelled fails with the server's
            // "canceling statement due to user request").
            const QString error = stopFlag->load() ? QString() : given;
            QMetaObject::invokeMethod(
                self,
                [self, ok, error] {
                    if (self)
                        emit self->finished(ok, error);
                },
                Qt::QueuedConnection);
        };
        // A second connection to the window's file: safe, SQLite shares the process's locks
        // (storage::LiveFiles makes sure nothing else opens the file meanwhile).
        auto db = storage::Database::open(path);
        if (!db) {
            report(false, db.error());
            return;
        }
        // A large file is not checked for damage at open; check it here, in the background, so
        // the window's first save need not wait for it.
        if (Status s = (*db)->verify(); !s) {
            report(false, s.error());
            return;
        }
        storage::SearchIndex index(**db);
        // stop() cancels a server's index build (one statement, seconds per 100,000 leads)
        // instead of waiting for it; the next run makes the index again.
        const auto cancelSlot = [&cancel](std::function<void()> f) {
            const std::lock_guard lock(cancel->mutex);
            cancel->cancel = std::move(f);
        };
        cancelSlot(index.canceller());
        const auto unhook = qScopeGuard([&] { cancelSlot({}); });
        if (stopFlag->load())
            return;
        auto pending = index.pending();
        if (!pending || pending->isEmpty()) {
            report(pending.ok(), pending ? QString() : pending.error());
            return;
        }
        auto done = index.catchUp(20000, [&](qint64 n, qint64 total) {
            QMetaObject::invokeMethod(
                self,
                [self, n, total] {
                    if (self)
                        emit self->progress(n, total);
                },
                Qt::QueuedConnection);
            return !stopFlag->load();
        });
        report(done && *done, done ? QString() : done.error());
    }));
    m_thread->start(QThread::LowPriority);
}

void SearchIndexer::stop() {
    if (m_stop)
        m_stop->store(true);
    if (m_cancel) {
        const std::lock_guard lock(m_cancel->mutex);
        if (m_cancel->cancel)
            m_cancel->cancel();
    }
    if (m_thread)
        m_thread->wait();
}

} // namespace mikomi::ui
