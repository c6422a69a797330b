#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// The business-card images of a lead (lead_images, migration_v14.cpp): the front and the back it
// was scanned from in card mode, deleted with the lead.
namespace mikomi::storage {

struct LeadImage {
    qint64 id = 0;
    qint64 leadId = 0;
    QString side;    // "front" or "back"
    QString format;  // "jpeg", "png"
    QByteArray data; // the encoded image
    QDateTime createdAt;
};

class LeadImageStore final {
public:
    explicit LeadImageStore(Database &db)
        : m_db(db) {}
    // Keeps one image of the lead's card; side is "front" or "back".
    Result<qint64> add(qint64 leadId, const QString &side, const QByteArray &data,
                       const QString &format);
    // The lead's card images, front first, oldest first.
    Result<QList<LeadImage>> list(qint64 leadId) const;
    // How many the lead has (without reading them).
    Result<int> count(qint64 leadId) const;
    // Deletes one image (the image viewer's Delete); an error when it is no longer there.
    Status remove(qint64 imageId);
    // Puts an image back with its id on the lead `leadId` (undo of a lead's delete or merge);
    // an image that was moved to another lead meanwhile comes back to this one.
    Status restore(const LeadImage &image, qint64 leadId);

private:
    Database &m_db;
};

} // namespace mikomi::storage
