#include "models/commands/sourcecommands.h"

#include "models/storage/repositories.h"

#include <QCoreApplication>

namespace mikomi::commands {

SourceMergeCommand::SourceMergeCommand(storage::Database &db, qint64 fromId, qint64 intoId,
                                       const QString &from, const QString &into,
                                       AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_fromId(fromId)
    , m_intoId(intoId) {
    setText(QCoreApplication::translate("mikomi::commands::SourceCommands",
                                        "Merge source \"%1\" into \"%2\"")
                .arg(from, into));
}

Status SourceMergeCommand::apply() {
    return keep(storage::SourceAdmin(m_db).merge(m_fromId, m_intoId), m_record);
}

Status SourceMergeCommand::revert() {
    return storage::SourceAdmin(m_db).undoMerge(m_record);
}

AssignSourceCommand::AssignSourceCommand(storage::Database &db, const QList<qint64> &leadIds,
                                         qint64 sourceId, const QString &source,
                                         AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_leadIds(leadIds)
    , m_sourceId(sourceId) {
    setText(QCoreApplication::translate("mikomi::commands::SourceCommands",
                                        "Set the source of %n lead(s) to \"%1\"", nullptr,
                                        int(leadIds.size()))
                .arg(source));
}

Status AssignSourceCommand::apply() {
    return keep(storage::SourceAdmin(m_db).assignSource(m_leadIds, m_sourceId), m_before);
}

Status AssignSourceCommand::revert() {
    return storage::SourceAdmin(m_db).restoreSources(m_leadIds, m_before);
}

SourceFieldCommand::SourceFieldCommand(storage::Database &db, qint64 sourceId,
                                       const QString &source, Field field, int before, int after,
                                       bool applied, AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_sourceId(sourceId)
    , m_field(field)
    , m_before(before)
    , m_after(after) {
    if (applied)
        setAlreadyApplied();
    setText(field == Field::Category
                ? QCoreApplication::translate("mikomi::commands::SourceCommands",
                                              "Set the category of \"%1\" to %2")
                      .arg(source, categoryLabel(SourceCategory(after)))
                : QCoreApplication::translate("mikomi::commands::SourceCommands",
                                              "Set the tier of \"%1\" to %2")
                      .arg(source, tierLabel(Tier(after))));
}

Status SourceFieldCommand::write(int value) {
    storage::SourceRepository repo(m_db);
    return m_field == Field::Category ? repo.setCategory(m_sourceId, SourceCategory(value))
                                      : repo.setTier(m_sourceId, Tier(value));
}

Status SourceFieldCommand::apply() {
    return write(m_after);
}

Status SourceFieldCommand::revert() {
    return write(m_before);
}

} // namespace mikomi::commands
