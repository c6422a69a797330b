#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {

QSqlDatabase connection(const Database &db) {
    return QSqlDatabase::database(db.connectionName(), false);
}

QString lockedMessage() {
    return QCoreApplication::translate(
        "Mikomi", "The database is locked by another program. Close it and try again.");
}

QString sqlErrorMessage(const QSqlError &e) {
    const QString native = e.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another program holds the database.
    if (native == QLatin1String("5") || native == QLatin1String("6"))
        return lockedMessage();
    if (native == QLatin1String("11") || native == QLatin1String("26"))
        return QCoreApplication::translate(
                   "Mikomi", "The database file is damaged or is not a Mikomi database (%1).")
            .arg(e.databaseText());
    if (native == QLatin1String("13"))
        return QCoreApplication::translate("Mikomi", "The disk is full: %1").arg(e.databaseText());
    return QCoreApplication::translate("Mikomi", "Database error: %1").arg(e.text());
}

Status execPrepared(QSqlQuery &q, const QVariantList &binds) {
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        // A null QString would be bound as SQL NULL; text columns want ''. Nullable columns are
        // given an invalid QVariant on purpose.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, v);
    }
    if (!q.exec())
        return Error{sqlErrorMessage(q.lastError())};
    return {};
}

Result<QSqlQuery> exec(const Database &db, const QString &sql, const QVariantList &binds) {
    QSqlQuery q(connection(db));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return Error{sqlErrorMessage(q.lastError())};
    if (Status s = execPrepared(q, binds); !s)
        return Error{s.error()};
    return q;
}

} // namespace mikomi::storage
