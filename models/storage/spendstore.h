#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QList>
#include <QString>

#include <optional>

namespace mikomi::storage {

// One cell of the spend grid: a source (by id) and a month ("YYYY-MM").
struct SpendCell {
    qint64 sourceId = 0;
    QString month;
    Money amount = 0;
};

// A change of one cell: `amount` nullopt removes the row (no spend recorded).
struct SpendWrite {
    qint64 sourceId = 0;
    QString month;
    std::optional<Money> amount;
};

// Spend by source id and month range, written in bulk: the spend grid's storage.
class SpendStore final {
public:
    explicit SpendStore(Database &db)
        : m_db(db) {}

    // Every spend row with fromMonth <= month <= toMonth ("YYYY-MM", inclusive).
    Result<QList<SpendCell>> range(const QString &fromMonth, const QString &toMonth) const;
    // All of `writes` in ONE transaction: either every cell is written or none (the first
    // failure rolls back and is returned). Amounts must be >= 0.
    Status write(const QList<SpendWrite> &writes);

private:
    Database &m_db;
};

// Campaigns (name, source, dates, budget, actual cost). The source is a canonical name or
// alias of an existing source ("" = none); it is never created here.
class CampaignStore final {
public:
    explicit CampaignStore(Database &db)
        : m_db(db) {}

    // Every campaign, by start date (campaigns without one last), then name.
    Result<QList<Campaign>> list() const;
    Result<Campaign> get(qint64 id) const;
    // Stores `c`; with c.id == 0 a new id is given (and set), otherwise that id is used (undo
    // of a delete puts the campaign back under its old id).
    Result<qint64> insert(Campaign &c);
    Status update(const Campaign &c);
    Status remove(qint64 id);

private:
    Result<QVariant> sourceId(const QString &name) const;
    static Status validate(const Campaign &c);
    Database &m_db;
};

} // namespace mikomi::storage
