#pragma once

#include "models/domain/lead.h"

#include <QList>
#include <QString>

// Original (first touch) and latest (last touch) source of a lead, product.md §Formulas.
namespace mikomi::leadsources {

// The source recorded on the lead; when none, the source of its earliest touchpoint (touchpoints
// in any order; ties: the lowest id). Empty when neither.
QString original(const Lead &lead, const QList<Touchpoint> &touchpoints);

// The source of the newest touchpoint (for a customer: on or before the won date), else the
// original source.
QString latest(const Lead &lead, const QList<Touchpoint> &touchpoints);

} // namespace mikomi::leadsources
