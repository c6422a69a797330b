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

private:
    Database &m_db;
};

} // namespace mikomi::storage
