#include "models/storage/leadimages.h"

#include "models/domain/dates.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

using V = QVariant;

const RowMapper<LeadImage> kImageRow{
    {"id", [](LeadImage &i, const V &v) { i.id = v.toLongLong(); }},
    {"lead_id", [](LeadImage &i, const V &v) { i.leadId = v.toLongLong(); }},
    {"side", [](LeadImage &i, const V &v) { i.side = v.toString(); }},
    {"format", [](LeadImage &i, const V &v) { i.format = v.toString(); }},
    {"image", [](LeadImage &i, const V &v) { i.data = v.toByteArray(); }},
    {"created_at",
     [](LeadImage &i, const V &v) {
         i.createdAt = dates::fromIsoDateTime(v.toString()).value_or(QDateTime());
     }},
};

} // namespace

Result<qint64> LeadImageStore::add(qint64 leadId, const QString &side, const QByteArray &data,
                                   const QString &format) {
    if (side != QLatin1String("front") && side != QLatin1String("back"))
        return Error{QCoreApplication::translate("mikomi::storage::LeadImageStore",
                                                 "A card image is a front or a back, not \"%1\".")
                         .arg(side)};
    if (data.isEmpty())
        return Error{QCoreApplication::translate("mikomi::storage::LeadImageStore",
                                                 "The card image is empty.")};
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO lead_images(lead_id, side, format, image, "
                                 "created_at) VALUES (?, ?, ?, ?, ?)"),
                  {leadId, side, format, data, dates::toIsoDateTime(QDateTime::currentDateTime())});
    if (!q)
        return q.failure();
    return q->lastInsertId().toLongLong();
}

Result<QList<LeadImage>> LeadImageStore::list(qint64 leadId) const {
    auto q = exec(m_db,
                  QStringLiteral("SELECT id, lead_id, side, format, image, created_at FROM "
                                 "lead_images WHERE lead_id = ? ORDER BY side = 'back', id"),
                  {leadId});
    if (!q)
        return q.failure();
    QList<LeadImage> out;
    const auto row = kImageRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Result<int> LeadImageStore::count(qint64 leadId) const {
    auto q =
        exec(m_db, QStringLiteral("SELECT count(*) FROM lead_images WHERE lead_id = ?"), {leadId});
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toInt() : 0;
}

Status LeadImageStore::remove(qint64 imageId) {
    auto q = exec(m_db, QStringLiteral("DELETE FROM lead_images WHERE id = ?"), {imageId});
    if (!q)
        return q.failure();
    if (q->numRowsAffected() == 0)
        return Error{QCoreApplication::translate("mikomi::storage::LeadImageStore",
                                                 "The card image no longer exists.")};
    return {};
}

Status LeadImageStore::restore(const LeadImage &image, qint64 leadId) {
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO lead_images(id, lead_id, side, format, image, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
                                 "SET lead_id = excluded.lead_id"),
                  {image.id, leadId, image.side, image.format, image.data,
                   dates::toIsoDateTime(image.createdAt)});
    if (!q)
        return q.failure();
    return {};
}

} // namespace mikomi::storage
