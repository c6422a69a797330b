#include "ui/sourcecommands.h"

#include "models/storage/repositories.h"

#include <QCoreApplication>

namespace mikomi::ui {

SourceMergeCommand::SourceMergeCommand(storage::Database &db, qint64 fromId, qint64 intoId,
                                       const QString &from, const QString &into,
                                       std::function<void()> onApplied,
                                       std::function<void(const QString &)> onError)
    : StoreCommand(db, std::move(onApplied), std::move(onError))
    , m_fromId(fromId)
    , m_intoId(intoId) {
    setText(
        QCoreApplication::translate("Mikomi", "Merge source \"%1\" into \"%2\"").arg(from, into));
}

void SourceMergeCommand::redo() {
    finishRedo(storage::SourceAdmin(m_db).merge(m_fromId, m_intoId), m_record);
}

void SourceMergeCommand::undo() {
    if (!failed())
        finish(storage::SourceAdmin(m_db).undoMerge(m_record));
}

AssignSourceCommand::AssignSourceCommand(storage::Database &db, const QList<qint64> &leadIds,
                                         qint64 sourceId, const QString &source,
                                         std::function<void()> onApplied,
                                         std::function<void(const QString &)> onError)
    : StoreCommand(db, std::move(onApplied), std::move(onError))
    , m_leadIds(leadIds)
    , m_sourceId(sourceId) {
    setText(QCoreApplication::translate("Mikomi", "Set the source of %n lead(s) to \"%1\"", nullptr,
                                        int(leadIds.size()))
                .arg(source));
}

void AssignSourceCommand::redo() {
    finishRedo(storage::SourceAdmin(m_db).assignSource(m_leadIds, m_sourceId), m_before);
}

void AssignSourceCommand::undo() {
    if (!failed())
        finish(storage::SourceAdmin(m_db).restoreSources(m_leadIds, m_before));
}

SourceFieldCommand::SourceFieldCommand(storage::Database &db, qint64 sourceId,
                                       const QString &source, Field field, int before, int after,
                                       bool applied, std::function<void()> onApplied,
                                       std::function<void(const QString &)> onError)
    : StoreCommand(db, std::move(onApplied), std::move(onError))
    , m_sourceId(sourceId)
    , m_field(field)
    , m_before(before)
    , m_after(after)
    , m_skipRedo(applied) {
    setText(field == Field::Category
                ? QCoreApplication::translate("Mikomi", "Set the category of \"%1\" to %2")
                      .arg(source, categoryLabel(SourceCategory(after)))
                : QCoreApplication::translate("Mikomi", "Set the tier of \"%1\" to %2")
                      .arg(source, tierLabel(Tier(after))));
}

bool SourceFieldCommand::write(int value) {
    storage::SourceRepository repo(m_db);
    return finish(m_field == Field::Category ? repo.setCategory(m_sourceId, SourceCategory(value))
                                             : repo.setTier(m_sourceId, Tier(value)));
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
