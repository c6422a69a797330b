#pragma once

#include "models/commands/storecommand.h"
#include "models/storage/sourceadmin.h"

#include <QList>
#include <QString>

namespace mikomi::commands {

// Merges one source into another as ONE undoable step (leads, touchpoints, spend, campaigns,
// aliases; see storage::SourceAdmin::merge).
class SourceMergeCommand final : public StoreCommand {
public:
    SourceMergeCommand(storage::Database &db, qint64 fromId, qint64 intoId, const QString &from,
                       const QString &into, AppliedFn onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    qint64 m_fromId;
    qint64 m_intoId;
    storage::MergeRecord m_record;
};

// Sets the source of many leads (the unknown-source audit's bulk fix), undoably.
class AssignSourceCommand final : public StoreCommand {
public:
    AssignSourceCommand(storage::Database &db, const QList<qint64> &leadIds, qint64 sourceId,
                        const QString &source, AppliedFn onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    storage::Database &m_db;
    QList<qint64> m_leadIds;
    qint64 m_sourceId;
    QList<qint64> m_before;
};

// A source's category or tier changed in the Sources table (or a dictionary suggestion was
// accepted). The table writes the value at once; this command is pushed afterwards (`applied`
// true: the first redo does nothing), undo writes the previous value back.
class SourceFieldCommand final : public StoreCommand {
public:
    enum class Field { Category, Tier };
    SourceFieldCommand(storage::Database &db, qint64 sourceId, const QString &source, Field field,
                       int before, int after, bool applied, AppliedFn onApplied, ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    Status write(int value);
    storage::Database &m_db;
    qint64 m_sourceId;
    Field m_field;
    int m_before;
    int m_after;
};

} // namespace mikomi::commands
