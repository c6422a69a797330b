#include "ui/stagecommands.h"

#include <QCoreApplication>

namespace mikomi::ui {

StageCommand::StageCommand(storage::Database &db, qint64 leadId, Kind kind, Stage stage,
                           SqlKind sqlKind, const QString &reason, const QString &user,
                           std::function<void()> onApplied,
                           std::function<void(const QString &)> onError)
    : m_db(db)
    , m_leadId(leadId)
    , m_kind(kind)
    , m_stage(stage)
    , m_sqlKind(sqlKind)
    , m_reason(reason)
    , m_user(user)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    switch (kind) {
    case Kind::Move:
        setText(QCoreApplication::translate("Mikomi", "Move lead to %1").arg(stageLabel(stage)));
        break;
    case Kind::Lost:
        setText(QCoreApplication::translate("Mikomi", "Mark lead as lost"));
        break;
    case Kind::Recycle:
        setText(QCoreApplication::translate("Mikomi", "Recycle lead to nurturing"));
        break;
    case Kind::Won:
        setText(QCoreApplication::translate("Mikomi", "Mark lead as won"));
        break;
    }
}

void StageCommand::setWonDeal(std::optional<Money> dealValue, const QDate &wonAt) {
    m_dealValue = dealValue;
    m_wonAt = wonAt;
}

void StageCommand::redo() {
    storage::LeadRepository repo(m_db);
    auto before = repo.stageState(m_leadId);
    Status s = before ? Status() : Status(Error{before.error()});
    if (s) {
        m_before = *before;
        const QDateTime now = QDateTime::currentDateTime();
        switch (m_kind) {
        case Kind::Move:
            s = repo.changeStage(m_leadId, m_stage, m_sqlKind, m_user, now);
            break;
        case Kind::Lost:
            s = repo.markLost(m_leadId, m_reason, m_user, now);
            break;
        case Kind::Recycle:
            s = repo.recycle(m_leadId, m_user, now);
            break;
        case Kind::Won:
            s = repo.markWon(m_leadId, m_dealValue, m_wonAt.isValid() ? m_wonAt : now.date(),
                             m_user, now);
            break;
        }
    }
    m_failed = !s;
    if (m_failed) {
        setObsolete(true); // nothing happened: the stack drops this command
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

void StageCommand::undo() {
    if (m_failed)
        return;
    storage::LeadRepository repo(m_db);
    if (Status s = repo.restoreStageState(m_leadId, m_before); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

} // namespace mikomi::ui
