#pragma once

#include "models/domain/lead.h"

#include <QString>

namespace mikomi::storage {

// A lead's normalised keys: what duplicates are matched on, and (all but `family`) what the leads
// table keeps in its *_key columns. Computed once by a caller that needs them twice (the importer
// matches on them, then writes them), since normalising is a good part of an import's time.
struct LeadKeys {
    QString email;   // text::normalizeEmail
    QString phone;   // text::phoneKey: E.164 without the extension ("+819012345678")
    QString mobile;  // text::phoneKey
    QString company; // text::companyKey
    QString person;  // text::personKey(family, given)
    QString family;  // text::personKey(family, "")
    QString reading; // text::readingKey(family reading + given reading)

    // `phoneRegion`: the region of numbers written without a country code (countrystore.h).
    static LeadKeys of(const Lead &lead, const QString &phoneRegion);
};

} // namespace mikomi::storage
