#pragma once

#include "models/domain/enums.h"
#include "models/storage/repositories.h"

#include <QDateTime>
#include <QUndoCommand>

#include <functional>
#include <optional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// An undoable stage change of one lead: move to a stage (with SAL/SGL for SQL), mark lost with
// a reason, or recycle to nurturing. Redo writes through LeadRepository (history included);
// undo restores the stage columns and removes the history rows the change wrote.
class StageCommand final : public QUndoCommand {
public:
    enum class Kind { Move, Lost, Recycle, Won };

    // `onError` receives a translated message when the database refuses (shown by the caller);
    // `onApplied` runs after redo and undo (to refresh views).
    StageCommand(storage::Database &db, qint64 leadId, Kind kind, Stage stage, SqlKind sqlKind,
                 const QString &reason, const QString &user, std::function<void()> onApplied,
                 std::function<void(const QString &)> onError);

    // Kind::Won: the lead becomes a customer with this deal value, won on `wonAt`.
    void setWonDeal(std::optional<Money> dealValue, const QDate &wonAt);

    void redo() override;
    void undo() override;
    bool failed() const { return m_failed; }

private:
    storage::Database &m_db;
    qint64 m_leadId;
    Kind m_kind;
    Stage m_stage;
    SqlKind m_sqlKind;
    QString m_reason;
    QString m_user;
    std::optional<Money> m_dealValue;
    QDate m_wonAt;
    storage::StageState m_before;
    bool m_failed = false;
    std::function<void()> m_onApplied;
    std::function<void(const QString &)> m_onError;
};

} // namespace mikomi::ui
