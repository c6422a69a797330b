#pragma once

#include "models/domain/lead.h"

#include <QString>

namespace mikomi::storage {

// A lead's normalised keys: what duplicates are matched on, and (all but `family`) what the leads
// table keeps in its *_key columns. Computed once by a caller that needs them twice (the importer
// matches on them, then writes them), since normalising is a good part of an import's time.
struct LeadKeys {
    QString email;   // text::normalizeEmail
    QString phone;   // text::normalizePhone
    QString mobile;  // text::normalizePhone
    QString company; // text::companyKey
    QString person;  // text::personKey(family, given)
    QString family;  // text::personKey(family, "")
    QString reading; // text::readingKey(family reading + given reading)

    static LeadKeys of(const Lead &lead);
};

} // namespace mikomi::storage
