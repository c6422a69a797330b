#include "ui/scorerecomputer.h"

#include "models/storage/database.h"
#include "models/storage/scoringstore.h"

#include <QMetaObject>
#include <QPointer>

namespace mikomi::ui {

ScoreRecomputer::ScoreRecomputer(QObject *parent)
    : QObject(parent) {}

ScoreRecomputer::~ScoreRecomputer() {
    cancel();
    if (m_thread)
        m_thread->wait();
}

bool ScoreRecomputer::running() const {
    return m_running;
}

bool ScoreRecomputer::start(const QString &path, const scoring::Rules &rules,
                            const QDateTime &now) {
    if (m_running)
        return false;
    if (m_thread)
        m_thread->wait();
    m_running = true;
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelFlag;
    QPointer<ScoreRecomputer> self(this);
    m_thread.reset(QThread::create([self, path, rules, now, cancelFlag] {
        const auto report = [&](qint64 changed, bool cancelled, const QString &error) {
            QMetaObject::invokeMethod(
                self,
                [self, changed, cancelled, error] {
                    if (!self)
                        return;
                    self->m_running = false;
                    emit self->finished(changed, cancelled, error);
                },
                Qt::QueuedConnection);
        };
        // Its own connection: a Qt SQL connection belongs to the thread that opened it.
        auto db = storage::Database::open(path);
        if (!db) {
            report(0, cancelFlag->load(), cancelFlag->load() ? QString() : db.error());
            return;
        }
        auto applied =
            storage::ScoringStore(**db).apply(rules, now, [&](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    self,
                    [self, done, total] {
                        if (self && self->m_running)
                            emit self->progress(done, total);
                    },
                    Qt::QueuedConnection);
                return !cancelFlag->load();
            });
        if (!applied) // nothing was changed; after a cancel, whatever stopped it is no news
            report(0, cancelFlag->load(), cancelFlag->load() ? QString() : applied.error());
        else
            report(applied->changed, applied->cancelled, QString());
    }));
    m_thread->start();
    return true;
}

void ScoreRecomputer::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace mikomi::ui
