#include "models/storage/rowuuid.h"

#include "models/storage/database.h"
#include "models/storage/sql.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace mikomi::storage {

void writeNewRowUuid(char *out) {
    thread_local QRandomGenerator64 generator = [] {
        quint32 seed[8];
        QRandomGenerator::system()->fillRange(seed);
        return QRandomGenerator64(seed, 8);
    }();
    // Version 7 (RFC 9562): the time it is made (Unix milliseconds, 48 bits) first, then 74
    // random bits. Rows made together (a booth's cards, an import) get neighbouring uuids, so a
    // server's uuid indexes take them on a few pages at their end instead of one random page
    // each all over indexes larger than its memory.
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch()) & 0xFFFF'FFFF'FFFFULL;
    const quint64 hi = (ms << 16) | quint64(0x7000) | (generator.generate() & 0x0FFF);
    const quint64 lo = (generator.generate() & ~(quint64(0xC) << 60)) | (quint64(0x8) << 60);
    // As QUuid::toString(QUuid::WithoutBraces) writes it: 8-4-4-4-12 lower-case hex digits.
    static constexpr char digits[] = "0123456789abcdef";
    int at = 0;
    const auto put = [&](quint64 v, int from, int to) { // the hex digits of bits [from, to)
        for (int bit = to - 4; bit >= from; bit -= 4)
            out[at++] = digits[(v >> bit) & 0xF];
    };
    put(hi, 32, 64);
    out[at++] = '-';
    put(hi, 16, 32);
    out[at++] = '-';
    put(hi, 0, 16);
    out[at++] = '-';
    put(lo, 48, 64);
    out[at++] = '-';
    put(lo, 0, 48);
}

QString newRowUuid() {
    char text[36];
    writeNewRowUuid(text);
    return QString::fromLatin1(text, 36);
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
