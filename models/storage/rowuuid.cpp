#include "models/storage/rowuuid.h"

#include "models/storage/database.h"
#include "models/storage/sql.h"

#include <QRandomGenerator>
#include <QUuid>

namespace mikomi::storage {

QString newRowUuid() {
    thread_local QRandomGenerator64 generator = [] {
        quint32 seed[8];
        QRandomGenerator::system()->fillRange(seed);
        return QRandomGenerator64(seed, 8);
    }();
    const quint64 hi = (generator.generate() & ~quint64(0xF000)) | quint64(0x4000); // version 4
    const quint64 lo = (generator.generate() & ~(quint64(0xC) << 60)) | (quint64(0x8) << 60);
    const QUuid uuid(uint(hi >> 32), ushort(hi >> 16), ushort(hi), uchar(lo >> 56), uchar(lo >> 48),
                     uchar(lo >> 40), uchar(lo >> 32), uchar(lo >> 24), uchar(lo >> 16),
                     uchar(lo >> 8), uchar(lo));
    return uuid.toString(QUuid::WithoutBraces);
}

const QStringList &uuidTables() {
    static const QStringList tables{QStringLiteral("leads"), QStringLiteral("stage_history"),
                                    QStringLiteral("touchpoints"), QStringLiteral("activities"),
                                    QStringLiteral("tasks")};
    return tables;
}

Status fillMissingUuids(Database &db) {
    for (const QString &table : uuidTables()) {
        // Table names from the list above, never from input.
        auto ids =
            exec(db, QStringLiteral("SELECT id FROM %1 WHERE uuid = '' ORDER BY id").arg(table));
        if (!ids)
            return ids.failure();
        QList<qint64> missing;
        while (ids->next())
            missing.append(ids->value(0).toLongLong());
        if (missing.isEmpty())
            continue;
        QSqlQuery upd(connection(db));
        if (!upd.prepare(QStringLiteral("UPDATE %1 SET uuid = ? WHERE id = ?").arg(table)))
            return Error{sqlErrorMessage(upd.lastError())};
        for (qint64 id : std::as_const(missing)) {
            if (Status s = execPrepared(upd, {newRowUuid(), id}); !s)
                return s;
        }
    }
    return {};
}

} // namespace mikomi::storage
