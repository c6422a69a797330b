#pragma once

#include "models/domain/money.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <optional>

// The country of a database: the region of its phone numbers written without a country code
// ("03-1234-5678" is +81 3-1234-5678 in a Japanese database, "(212) 555-0188" is +1 212-555-0188
// in an American one). Like the currency it belongs to the file (the keys duplicates are matched
// on depend on it), so it is kept in the settings table under the key "country", as an ISO 3166
// code ("JP", "US", "GB").
namespace mikomi::storage {

// The country a currency implies when the file names none: JPY → JP, USD → US. (These are the
// currencies Mikomi knows; a currency shared by many countries, such as the euro, would imply
// none, and such a database would have to set its country.)
QString countryForCurrency(Currency currency);

// The country written in the file, or nullopt when it has none.
Result<std::optional<QString>> storedCountry(const Database &db);

// The region phone numbers without a country code belong to: the stored country, else the one
// the file's currency implies, else JP (a file with neither: Mikomi's default currency is JPY).
Result<QString> phoneRegion(const Database &db);

// Sets the file's country (a region libphonenumber knows, else an error saying so). Numbers
// already stored keep the key they were given (they were typed in the old country); numbers
// typed or imported from now on without a country code belong to the new one.
Status changeCountry(Database &db, const QString &country);

} // namespace mikomi::storage
