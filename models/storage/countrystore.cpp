#include "models/storage/countrystore.h"

#include "models/storage/currencystore.h"
#include "models/storage/sql.h"
#include "models/text/phone.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

const QString kKey = QStringLiteral("country");

} // namespace

QString countryForCurrency(Currency currency) {
    switch (currency) {
    case Currency::JPY:
        return QStringLiteral("JP");
    case Currency::USD:
        return QStringLiteral("US");
    }
    return QStringLiteral("JP");
}

Result<std::optional<QString>> storedCountry(const Database &db) {
    auto q = exec(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {kKey});
    if (!q)
        return q.failure();
    if (!q->next())
        return std::optional<QString>();
    const QString value = q->value(0).toString();
    if (!text::isPhoneRegion(value))
        return Error{QCoreApplication::translate("mikomi::storage::CountryStore",
                                                 "The database %1 names an unknown country \"%2\".")
                         .arg(db.path(), value)};
    return std::optional<QString>(value);
}

Result<QString> phoneRegion(const Database &db) {
    auto stored = storedCountry(db);
    if (!stored)
        return stored.failure();
    if (*stored)
        return **stored;
    auto currency = storedCurrency(db);
    if (!currency)
        return currency.failure();
    return countryForCurrency(currency->value_or(Currency::JPY));
}

Status changeCountry(Database &db, const QString &country) {
    if (!text::isPhoneRegion(country))
        return Error{QCoreApplication::translate("mikomi::storage::CountryStore",
                                                 "\"%1\" is not a known country code.")
                         .arg(country)};
    auto q = exec(db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {kKey, country});
    if (!q)
        return q.failure();
    db.changes().note(DataKind::Settings);
    return {};
}

} // namespace mikomi::storage
