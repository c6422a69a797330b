#include "models/storage/spendstore.h"

#include "models/domain/dates.h"
#include "models/storage/leadcolumns.h"
#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {

// ---------------------------------------------------------------- spend

namespace {

const RowMapper<SpendCell> kSpendCellRow{
    {"source_id", [](SpendCell &c, const QVariant &v) { c.sourceId = v.toLongLong(); }},
    {"month", [](SpendCell &c, const QVariant &v) { c.month = v.toString(); }},
    {"amount", [](SpendCell &c, const QVariant &v) { c.amount = v.toLongLong(); }},
};

} // namespace

Result<QList<SpendCell>> SpendStore::range(const QString &fromMonth, const QString &toMonth) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT source_id, month, amount FROM spend WHERE month >= ? AND "
                                 "month <= ? ORDER BY source_id, month"),
                  {fromMonth, toMonth});
    if (!q)
        return q.failure();
    QList<SpendCell> out;
    const auto row = kSpendCellRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Status SpendStore::write(const QList<SpendWrite> &writes) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    for (const SpendWrite &w : writes) {
        if (w.amount && *w.amount < 0)
            return Error{QCoreApplication::translate("mikomi::storage::SpendStore",
                                                     "Spend cannot be negative.")};
        Result<QSqlQuery> q =
            w.amount
                ? exec(m_db,
                       QStringLiteral("INSERT INTO spend(source_id, month, amount) VALUES "
                                      "(?,?,?) ON CONFLICT(source_id, month) DO UPDATE SET "
                                      "amount = excluded.amount"),
                       {w.sourceId, w.month, *w.amount})
                : exec(m_db, QStringLiteral("DELETE FROM spend WHERE source_id = ? AND month = ?"),
                       {w.sourceId, w.month});
        if (!q)
            return q.failure();
    }
    m_db.changes().note(DataKind::Spend);
    return tx.commit();
}

// ---------------------------------------------------------------- campaigns

namespace {

const QString kSelectCampaign =
    QStringLiteral("SELECT c.id, c.name, coalesce(s.name, '') AS source_name, c.start_date, "
                   "c.end_date, c.budget, c.actual_cost, c.notes FROM campaigns c LEFT JOIN "
                   "sources s ON s.id = c.source_id ");

// A campaign from a row of kSelectCampaign.
const RowMapper<Campaign> kCampaignRow{
    {"id", [](Campaign &c, const QVariant &v) { c.id = v.toLongLong(); }},
    {"name", [](Campaign &c, const QVariant &v) { c.name = v.toString(); }},
    {"source_name", [](Campaign &c, const QVariant &v) { c.source = v.toString(); }},
    {"start_date",
     [](Campaign &c, const QVariant &v) {
         if (!v.isNull())
             c.start = dates::fromIsoDate(v.toString());
     }},
    {"end_date",
     [](Campaign &c, const QVariant &v) {
         if (!v.isNull())
             c.end = dates::fromIsoDate(v.toString());
     }},
    {"budget", [](Campaign &c, const QVariant &v) { c.budget = v.toLongLong(); }},
    {"actual_cost", [](Campaign &c, const QVariant &v) { c.actualCost = v.toLongLong(); }},
    {"notes", [](Campaign &c, const QVariant &v) { c.notes = v.toString(); }},
};

QString noCampaign() {
    return QCoreApplication::translate("mikomi::storage::SpendStore",
                                       "The campaign no longer exists; it may have been deleted.");
}

} // namespace

Result<QList<Campaign>> CampaignStore::list() const {
    auto q = exec(m_db, kSelectCampaign + QStringLiteral("ORDER BY c.start_date IS NULL, "
                                                         "c.start_date, c.name, c.id"));
    if (!q)
        return q.failure();
    QList<Campaign> out;
    const auto row = kCampaignRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Result<Campaign> CampaignStore::get(qint64 id) const {
    auto q = exec(m_db, kSelectCampaign + QStringLiteral("WHERE c.id = ?"), {id});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{noCampaign()};
    return kCampaignRow.bind(*q).read();
}

Result<QVariant> CampaignStore::sourceId(const QString &name) const {
    if (name.trimmed().isEmpty())
        return QVariant();
    SourceRepository sources(m_db);
    auto id = sources.resolve(name, false);
    if (!id)
        return id.failure();
    if (*id == 0)
        return Error{QCoreApplication::translate("mikomi::storage::SpendStore",
                                                 "There is no source named \"%1\".")
                         .arg(name)};
    return QVariant(*id);
}

Status CampaignStore::validate(const Campaign &c) {
    if (c.name.trimmed().isEmpty())
        return Error{
            QCoreApplication::translate("mikomi::storage::SpendStore", "A campaign needs a name.")};
    if (c.budget < 0 || c.actualCost < 0)
        return Error{QCoreApplication::translate(
            "mikomi::storage::SpendStore", "The budget and the actual cost cannot be negative.")};
    if (c.start && c.end && *c.end < *c.start)
        return Error{QCoreApplication::translate(
            "mikomi::storage::SpendStore",
            "The end date of a campaign cannot be before its start date.")};
    return {};
}

Result<qint64> CampaignStore::insert(Campaign &c) {
    if (Status v = validate(c); !v)
        return v.failure();
    auto source = sourceId(c.source);
    if (!source)
        return source.failure();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO campaigns(id, name, source_id, start_date, "
                                 "end_date, budget, actual_cost, notes) VALUES (?,?,?,?,?,?,?,?)"),
                  {c.id > 0 ? QVariant(c.id) : QVariant(), c.name.trimmed(), *source,
                   optDate(c.start), optDate(c.end), c.budget, c.actualCost, c.notes});
    if (!q)
        return q.failure();
    const qint64 id = q->lastInsertId().toLongLong();
    m_db.changes().note(DataKind::Campaigns);
    if (Status s = tx.commit(); !s)
        return s.failure();
    c.id = id;
    return id;
}

Status CampaignStore::update(const Campaign &c) {
    if (Status v = validate(c); !v)
        return v;
    auto source = sourceId(c.source);
    if (!source)
        return source.failure();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto q =
        exec(m_db,
             QStringLiteral("UPDATE campaigns SET name = ?, source_id = ?, start_date = ?, "
                            "end_date = ?, budget = ?, actual_cost = ?, notes = ? WHERE id = ?"),
             {c.name.trimmed(), *source, optDate(c.start), optDate(c.end), c.budget, c.actualCost,
              c.notes, c.id});
    if (!q)
        return q.failure();
    if (q->numRowsAffected() == 0)
        return Error{noCampaign()};
    m_db.changes().note(DataKind::Campaigns);
    return tx.commit();
}

Status CampaignStore::remove(qint64 id) {
    Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    auto q = exec(m_db, QStringLiteral("DELETE FROM campaigns WHERE id = ?"), {id});
    if (!q)
        return q.failure();
    if (q->numRowsAffected() == 0)
        return Error{noCampaign()};
    m_db.changes().note(DataKind::Campaigns);
    return tx.commit();
}

} // namespace mikomi::storage
