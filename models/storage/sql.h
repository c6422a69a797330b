#pragma once

// Internal to models/: the Qt SQL helpers. Never included from ui/ (Qt::Sql is private).

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

namespace mikomi::storage {

QSqlDatabase connection(const Database &db);

// The message sqlErrorMessage() gives when another program holds the database.
QString lockedMessage();
// A translated message for a failed query, saying what failed.
QString sqlErrorMessage(const QSqlError &e);

// Prepares and runs `sql` with bound positional parameters (never string-built values).
Result<QSqlQuery> exec(const Database &db, const QString &sql, const QVariantList &binds = {});

// Runs an already prepared query after binding `binds`.
Status execPrepared(QSqlQuery &q, const QVariantList &binds);

// Null QVariant for an empty optional/empty string where the column is nullable.
template <typename T> QVariant nullable(const std::optional<T> &v) {
    return v ? QVariant::fromValue(*v) : QVariant();
}

} // namespace mikomi::storage
