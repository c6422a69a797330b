#include "models/commands/stagecommands.h"

#include "models/commands/leadversion.h"

#include <QCoreApplication>
#include <QDateTime>

#include <utility>

namespace mikomi::commands {

StageCommand::StageCommand(storage::Database &db, qint64 leadId, Kind kind, Stage stage,
                           SqlKind sqlKind, const QString &reason, const QString &user,
                           AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_leadId(leadId)
    , m_kind(kind)
    , m_stage(stage)
    , m_sqlKind(sqlKind)
    , m_reason(reason)
    , m_user(user) {
    switch (kind) {
    case Kind::Move:
        setText(QCoreApplication::translate("mikomi::commands::StageCommand", "Move lead to %1")
                    .arg(stageLabel(stage)));
        break;
    case Kind::Lost:
        setText(QCoreApplication::translate("mikomi::commands::StageCommand", "Mark lead as lost"));
        break;
    case Kind::Recycle:
        setText(QCoreApplication::translate("mikomi::commands::StageCommand",
                                            "Recycle lead to nurturing"));
        break;
    case Kind::Won:
        setText(QCoreApplication::translate("mikomi::commands::StageCommand", "Mark lead as won"));
        break;
    }
}

void StageCommand::setWonDeal(std::optional<Money> dealValue, const QDate &wonAt) {
    m_dealValue = dealValue;
    m_wonAt = wonAt;
}

Status StageCommand::apply() {
    // The first move is checked against the card's version; undo and redo against the version
    // this window last wrote (leadversion.h).
    const Step step = m_applied ? Step::Redo : Step::First;
    Status s = writeOwnLeads(m_db, step, {m_leadId}, [&]() -> Status {
        storage::LeadRepository repo(m_db);
        if (Status k = keep(repo.stageState(m_leadId), m_before); !k)
            return k;
        const QDateTime now = QDateTime::currentDateTime();
        switch (m_kind) {
        case Kind::Move: {
            const qint64 expected = std::exchange(m_expectedVersion, 0);
            return repo.changeStage(m_leadId, m_stage, m_sqlKind, m_user, now, QString(), expected);
        }
        case Kind::Lost:
            return repo.markLost(m_leadId, m_reason, m_user, now);
        case Kind::Recycle:
            return repo.recycle(m_leadId, m_user, now);
        case Kind::Won:
            return repo.markWon(m_leadId, m_dealValue, m_wonAt.isValid() ? m_wonAt : now.date(),
                                m_user, now);
        }
        return {};
    });
    if (s)
        m_applied = true;
    return s;
}

Status StageCommand::revert() {
    return writeOwnLeads(m_db, Step::Undo, {m_leadId}, [&] {
        return storage::LeadRepository(m_db).restoreStageState(m_leadId, m_before);
    });
}

} // namespace mikomi::commands
