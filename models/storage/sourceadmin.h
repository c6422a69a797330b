#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QList>
#include <QString>

namespace mikomi::storage {

// What a merge changed, kept by the undo command so undoMerge() restores the database exactly.
struct MergeRecord {
    struct AliasRow {
        qint64 id = 0;
        QString alias;
        QString key;
    };
    struct SpendMove {
        QString month;
        Money fromAmount = 0;            // the merged source's row
        std::optional<Money> intoAmount; // the kept source's row before the merge (conflict)
    };
    qint64 fromId = 0;
    qint64 intoId = 0;
    QString fromName;
    QString fromKey;
    QString fromCategory;
    QString fromTier;
    QString fromCreatedAt;
    QList<qint64> leadIds;
    QList<qint64> touchpointIds;
    QList<qint64> campaignIds;
    QList<AliasRow> aliases; // the merged source's own aliases, re-pointed
    QList<SpendMove> spend;
    qint64 newAliasId = 0; // the merged name kept as an alias of the kept source
};

// The unknown-source audit (product.md: unknown = no source, or an unknown/other/none/n/a/
// 不明/その他/なし source). Warning above 10% (the `unknown_sources` report warning).
struct UnknownAudit {
    qint64 total = 0;
    qint64 unknown = 0;
    double share() const { return total > 0 ? double(unknown) / double(total) : 0.0; }
    bool warning() const { return share() > 0.10; }
};

struct LeadBrief {
    qint64 id = 0;
    QString company;
    QString familyName;
    QString givenName;
    QString source;
    QDateTime createdAt;
};

// Source clean-up: merge (one step, undoable), unknown-source audit and bulk source assignment.
class SourceAdmin final {
public:
    explicit SourceAdmin(Database &db)
        : m_db(db) {}

    // Merges source `fromId` into `intoId` in one transaction: every lead, touchpoint, campaign
    // and spend row is re-pointed; spend of the same month is SUMMED into the kept source's row
    // (one row per source and month remains); the merged source's aliases and its name become
    // aliases of the kept one; the merged source is deleted.
    Result<MergeRecord> merge(qint64 fromId, qint64 intoId);
    // Same, by names or aliases (the CLI's `sources merge FROM INTO`).
    Result<MergeRecord> mergeByName(const QString &from, const QString &into);
    // Undoes a merge exactly (ids, amounts, aliases), in one transaction.
    Status undoMerge(const MergeRecord &record);

    Result<UnknownAudit> unknownAudit() const;
    // Leads counted as unknown by the audit, newest first, at most `limit`.
    Result<QList<LeadBrief>> unknownLeads(int limit) const;
    // Sets the original source of `leadIds` (one transaction). Returns each lead's previous
    // source id (0 = none) for undo, in the order of `leadIds`.
    Result<QList<qint64>> assignSource(const QList<qint64> &leadIds, qint64 sourceId);
    Status restoreSources(const QList<qint64> &leadIds, const QList<qint64> &sourceIds);

private:
    Database &m_db;
};

} // namespace mikomi::storage
