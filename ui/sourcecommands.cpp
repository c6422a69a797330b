#include "ui/sourcecommands.h"

#include "models/storage/repositories.h"

#include <QCoreApplication>

namespace mikomi::ui {

SourceMergeCommand::SourceMergeCommand(storage::Database &db, qint64 fromId, qint64 intoId,
                                       const QString &from, const QString &into,
                                       std::function<void()> onApplied,
                                       std::function<void(const QString &)> onError)
    : m_db(db)
    , m_fromId(fromId)
    , m_intoId(intoId)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(
        QCoreApplication::translate("Mikomi", "Merge source \"%1\" into \"%2\"").arg(from, into));
}

void SourceMergeCommand::redo() {
    auto r = storage::SourceAdmin(m_db).merge(m_fromId, m_intoId);
    m_failed = !r;
    if (m_failed) {
        setObsolete(true);
        if (m_onError)
            m_onError(r.error());
        return;
    }
    m_record = *r;
    if (m_onApplied)
        m_onApplied();
}

void SourceMergeCommand::undo() {
    if (m_failed)
        return;
    if (Status s = storage::SourceAdmin(m_db).undoMerge(m_record); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

AssignSourceCommand::AssignSourceCommand(storage::Database &db, const QList<qint64> &leadIds,
                                         qint64 sourceId, const QString &source,
                                         std::function<void()> onApplied,
                                         std::function<void(const QString &)> onError)
    : m_db(db)
    , m_leadIds(leadIds)
    , m_sourceId(sourceId)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(QCoreApplication::translate("Mikomi", "Set the source of %n lead(s) to \"%1\"", nullptr,
                                        int(leadIds.size()))
                .arg(source));
}

void AssignSourceCommand::redo() {
    auto r = storage::SourceAdmin(m_db).assignSource(m_leadIds, m_sourceId);
    m_failed = !r;
    if (m_failed) {
        setObsolete(true);
        if (m_onError)
            m_onError(r.error());
        return;
    }
    m_before = *r;
    if (m_onApplied)
        m_onApplied();
}

void AssignSourceCommand::undo() {
    if (m_failed)
        return;
    if (Status s = storage::SourceAdmin(m_db).restoreSources(m_leadIds, m_before); !s) {
        if (m_onError)
            m_onError(s.error());
        return;
    }
    if (m_onApplied)
        m_onApplied();
}

SourceFieldCommand::SourceFieldCommand(storage::Database &db, qint64 sourceId,
                                       const QString &source, Field field, int before, int after,
                                       bool applied, std::function<void()> onApplied,
                                       std::function<void(const QString &)> onError)
    : m_db(db)
    , m_sourceId(sourceId)
    , m_field(field)
    , m_before(before)
    , m_after(after)
    , m_skipRedo(applied)
    , m_onApplied(std::move(onApplied))
    , m_onError(std::move(onError)) {
    setText(field == Field::Category
                ? QCoreApplication::translate("Mikomi", "Set the category of \"%1\" to %2")
                      .arg(source, categoryLabel(SourceCategory(after)))
                : QCoreApplication::translate("Mikomi", "Set the tier of \"%1\" to %2")
                      .arg(source, tierLabel(Tier(after))));
}

bool SourceFieldCommand::write(int value) {
    storage::SourceRepository repo(m_db);
    const Status s = m_field == Field::Category
                         ? repo.setCategory(m_sourceId, SourceCategory(value))
                         : repo.setTier(m_sourceId, Tier(value));
    if (!s) {
        if (m_onError)
            m_onError(s.error());
        return false;
    }
    if (m_onApplied)
        m_onApplied();
    return true;
}

void SourceFieldCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    write(m_after);
}

void SourceFieldCommand::undo() {
    write(m_before);
}

} // namespace mikomi::ui
