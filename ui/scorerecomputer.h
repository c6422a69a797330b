#pragma once

#include "models/domain/scoring.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace mikomi::ui {

// Saves scoring rules and recomputes every lead's score with them (storage::ScoringStore::
// apply) on a worker thread with its own connection to the database file, so the window stays
// responsive while a large database is rescored. All or nothing: a cancelled or failed run
// changes neither the rules nor any score.
class ScoreRecomputer final : public QObject {
    Q_OBJECT
public:
    explicit ScoreRecomputer(QObject *parent = nullptr);
    // Cancels a run still going and waits for it to roll back.
    ~ScoreRecomputer() override;

    // Starts a run on the database file `path`; false when one is already going.
    bool start(const QString &path, const scoring::Rules &rules, const QDateTime &now);
    // Asks the run to stop and roll back; finished() follows.
    void cancel();
    bool running() const;

signals:
    // done of total steps.
    void progress(qint64 done, qint64 total);
    // `changed` leads got a new score; or the run was cancelled, or failed with `error`, and
    // then nothing was changed.
    void finished(qint64 changed, bool cancelled, const QString &error);

private:
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false; // from start() until finished() is emitted
};

} // namespace mikomi::ui
