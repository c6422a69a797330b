#pragma once

#include "models/domain/result.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// What the undoable changes through the database share: the page's two callbacks and how a
// step ends. A step that fails says why (onError); one that succeeds tells the page to reload
// (onApplied). A failed redo() makes the command obsolete, so the stack drops it, and its undo()
// then has nothing to restore.
class StoreCommand : public QUndoCommand {
public:
    bool failed() const { return m_failed; }

protected:
    StoreCommand(storage::Database &db, std::function<void()> onApplied,
                 std::function<void(const QString &)> onError)
        : m_db(db)
        , m_onApplied(std::move(onApplied))
        , m_onError(std::move(onError)) {}

    // Ends a step; true when it succeeded.
    bool finish(const Status &s) {
        if (!s) {
            if (m_onError)
                m_onError(s.error());
            return false;
        }
        if (m_onApplied)
            m_onApplied();
        return true;
    }
    // Ends redo() with the result of the change (kept in `before` for undo() when it succeeded).
    template <typename T> void finishRedo(Result<T> &&r, T &before) {
        m_failed = !r;
        if (m_failed) {
            setObsolete(true);
            finish(Error{r.error()});
            return;
        }
        before = std::move(r).value();
        finish({});
    }

    storage::Database &m_db;

private:
    bool m_failed = false;
    std::function<void()> m_onApplied;
    std::function<void(const QString &)> m_onError;
};

} // namespace mikomi::ui
