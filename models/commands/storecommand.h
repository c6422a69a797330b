#pragma once

#include "models/domain/result.h"

#include <QString>
#include <QUndoCommand>

#include <functional>
#include <utility>

class QUndoStack;

namespace mikomi::commands {

// Called after a step succeeded (to refresh the view that pushed the command) and with the
// translated message of a step that failed (to show it).
using AppliedFn = std::function<void()>;
using ErrorFn = std::function<void(const QString &)>;

// The one shape of Mikomi's undoable changes (Edit > Undo, one stack shared by every page).
// A command is built with its description (text()) and two callbacks; apply() makes the change
// against the store, revert() takes it back. The writes announce themselves through the
// database's change feed (every page hears them); after a step succeeded, onApplied tells the
// one who pushed the command, and a step that failed says why through onError. A failed
// apply() makes the command obsolete, so the stack drops it and nothing is reverted.
// Commands live below the widgets: the window only builds and pushes them, and tests run them
// without a window.
class StoreCommand : public QUndoCommand {
public:
    void redo() final;
    void undo() final;
    // True when the last apply() failed.
    bool failed() const { return m_failed; }

protected:
    StoreCommand(AppliedFn onApplied, ErrorFn onError)
        : m_onApplied(std::move(onApplied))
        , m_onError(std::move(onError)) {}

    // Makes the change (redo); an error leaves the store as it was.
    virtual Status apply() = 0;
    // Takes the change back (undo); only called after apply() succeeded.
    virtual Status revert() = 0;

    // A problem after the change was made, which stands (a score that could not be recomputed
    // after the lead was saved): reported, not hidden.
    void warn(const QString &message) const;
    // For a command pushed after its change was written already: the first redo does nothing.
    void setAlreadyApplied() { m_skipApply = true; }
    // For apply(): keeps in `before` what the store returned for revert().
    template <typename T> static Status keep(Result<T> &&r, T &before) {
        if (!r)
            return r.failure();
        before = std::move(r).value();
        return {};
    }

private:
    bool m_failed = false;
    bool m_skipApply = false;
    AppliedFn m_onApplied;
    ErrorFn m_onError;
};

// Pushes `cmd` onto `stack` (which runs it), or without a stack runs it once and deletes it.
void push(QUndoStack *stack, QUndoCommand *cmd);

} // namespace mikomi::commands
