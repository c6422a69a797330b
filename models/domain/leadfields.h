#pragma once

#include "models/domain/lead.h"

#include <QList>
#include <QString>

#include <functional>

namespace mikomi {

// A field of a lead as text, by its column name: what `mikomi merge` compares and what the
// editor shows when two people saved the same lead (mine / theirs / before). Values are the
// stored forms (stage keys, ISO dates, money in minor units, "0"/"1").
struct LeadField {
    QString name;      // column name (company, email, stage…)
    const char *label; // untranslated; label() translates it
    std::function<QString(const Lead &)> get;
    std::function<void(Lead &, const QString &)> set;
    QString labelText() const;
};

// Every compared field, in the editor's order. Not included: ids, uuid, version, times of
// creation and update, score (computed), extra contacts and custom fields (lists).
const QList<LeadField> &leadFields();

} // namespace mikomi
