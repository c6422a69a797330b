#pragma once

#include "models/domain/money.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <optional>

// The currency of a database's amounts. Amounts are integers in the currency's minor unit (yen:
// 1, dollar: cent), so the currency belongs to the file, not to the user: the same file shows
// the same amounts on every computer. Kept in the settings table under the key "currency".
namespace mikomi::storage {

// The currency written in the file, or nullopt when the file has none yet (made by an older
// version).
Result<std::optional<Currency>> storedCurrency(const Database &db);

// The file's currency. A file without one gets `fallback` (the currency the user had chosen,
// AppSettings) written once, so from then on it no longer depends on the user. A read-only file
// keeps working with `fallback` (nothing can be written).
Result<Currency> adoptCurrency(Database &db, Currency fallback);

// True when the file holds any amount: a deal or lifetime value, spend, a campaign's budget or
// cost.
Result<bool> hasAmounts(const Database &db);

// Changes the file's currency. Refused (with a message saying why) when it holds amounts: they
// would be read in the other unit (¥1,000 would show as $10.00).
Status changeCurrency(Database &db, Currency currency);

} // namespace mikomi::storage
