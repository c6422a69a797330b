#include "models/storage/currencystore.h"

#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace mikomi::storage {
namespace {

const QString kKey = QStringLiteral("currency");

Status write(Database &db, Currency currency) {
    auto q = exec(db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {kKey, currencyKey(currency)});
    return q ? Status() : Status(q.failure());
}

} // namespace

Result<std::optional<Currency>> storedCurrency(const Database &db) {
    auto q = exec(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {kKey});
    if (!q)
        return q.failure();
    if (!q->next())
        return std::optional<Currency>();
    const QString value = q->value(0).toString();
    const auto c = currencyFromKey(value);
    if (!c)
        return Error{
            QCoreApplication::translate("mikomi::storage::CurrencyStore",
                                        "The database %1 names an unknown currency \"%2\"; this "
                                        "version knows JPY and USD.")
                .arg(db.path(), value)};
    return std::optional<Currency>(*c);
}

Result<Currency> adoptCurrency(Database &db, Currency fallback) {
    auto stored = storedCurrency(db);
    if (!stored)
        return stored.failure();
    if (*stored)
        return **stored;
    // A read-only file cannot take it; its amounts are shown in `fallback` all the same, and the
    // next writable open stores it.
    if (Status w = write(db, fallback); !w && w.failure().kind != ErrorKind::ReadOnly)
        return w.failure();
    return fallback;
}

Result<bool> hasAmounts(const Database &db) {
    auto q = exec(
        db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM leads WHERE deal_value IS NOT NULL OR "
                           "lifetime_value IS NOT NULL) OR EXISTS (SELECT 1 FROM spend) OR EXISTS "
                           "(SELECT 1 FROM campaigns WHERE budget <> 0 OR actual_cost <> 0)"));
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::CurrencyStore",
                                                 "Cannot read the database %1.")
                         .arg(db.path())};
    return q->value(0).toBool();
}

Status changeCurrency(Database &db, Currency currency) {
    Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    auto stored = storedCurrency(db);
    if (!stored)
        return stored.failure();
    if (*stored && **stored == currency)
        return {};
    auto amounts = hasAmounts(db);
    if (!amounts)
        return amounts.failure();
    if (*amounts)
        return Error{QCoreApplication::translate(
                         "mikomi::storage::CurrencyStore",
                         "The currency of %1 cannot be changed to %2: the database "
                         "already holds amounts in %3, and they would be read in the "
                         "other unit (¥1,000 would become $10.00). Use a new database "
                         "for amounts in %2.")
                         .arg(db.path(), currencyKey(currency),
                              currencyKey(stored->value_or(
                                  currency == Currency::JPY ? Currency::USD : Currency::JPY)))};
    if (Status w = write(db, currency); !w)
        return w;
    db.changes().note(DataKind::Settings);
    return tx.commit();
}

} // namespace mikomi::storage
