#pragma once

#include "models/commands/storecommand.h"
#include "models/domain/enums.h"
#include "models/storage/repositories.h"

#include <QDate>
#include <QString>

#include <optional>

namespace mikomi::storage {
class Database;
}

namespace mikomi::commands {

// An undoable stage change of one lead: move to a stage (with SAL/SGL for SQL), mark lost with
// a reason, recycle to nurturing, or mark won. Redo writes through LeadRepository (history
// included); undo restores the stage columns and removes the history rows the change wrote.
class StageCommand final : public StoreCommand {
public:
    enum class Kind { Move, Lost, Recycle, Won };

    StageCommand(storage::Database &db, qint64 leadId, Kind kind, Stage stage, SqlKind sqlKind,
                 const QString &reason, const QString &user, AppliedFn onApplied, ErrorFn onError);

    // Kind::Won: the lead becomes a customer with this deal value, won on `wonAt`.
    void setWonDeal(std::optional<Money> dealValue, const QDate &wonAt);
    // Kind::Move: the lead's version the user saw (a pipeline card); the first apply is refused
    // (ErrorKind::Changed) when someone else changed the lead since. 0: not checked.
    void setExpectedVersion(qint64 version) { m_expectedVersion = version; }

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    qint64 m_leadId;
    Kind m_kind;
    Stage m_stage;
    SqlKind m_sqlKind;
    QString m_reason;
    QString m_user;
    std::optional<Money> m_dealValue;
    QDate m_wonAt;
    qint64 m_expectedVersion = 0;
    bool m_applied = false; // once applied: undo and redo are checked (leadversion.h)
    storage::StageState m_before;
};

} // namespace mikomi::commands
