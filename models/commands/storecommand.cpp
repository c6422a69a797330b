#include "models/commands/storecommand.h"

#include <QUndoStack>

namespace mikomi::commands {

void StoreCommand::redo() {
    if (m_skipApply) {
        m_skipApply = false;
        return;
    }
    if (Status s = apply(); !s) {
        m_failed = true;
        setObsolete(true); // nothing happened: the stack drops this command
        warn(s.error());
        return;
    }
    m_failed = false;
    if (m_onApplied)
        m_onApplied();
}

void StoreCommand::undo() {
    if (m_failed)
        return;
    if (Status s = revert(); !s) {
        // Someone else saved the lead since (leadversion.h): this change can no longer be taken
        // back or made again without overwriting theirs, so the stack drops it.
        if (s.errorKind() == ErrorKind::Changed)
            setObsolete(true);
        warn(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

void StoreCommand::warn(const QString &message) const {
    if (m_onError)
        m_onError(message);
}

void push(QUndoStack *stack, QUndoCommand *cmd) {
    if (stack) {
        stack->push(cmd);
        return;
    }
    cmd->redo();
    delete cmd;
}

} // namespace mikomi::commands
