#pragma once

// Internal to models/storage: the lead search index (schema version 2, migration_v2.cpp).

#include <QString>
#include <QStringList>

namespace mikomi::storage {

// SQL expression of the text searched for a lead, over the row alias `row` ("new", "l"…).
QString leadSearchTextSql(const QString &row);
// CREATE TRIGGER statements keeping leads_fts in step with leads.
QStringList leadSearchTriggers();
// Names of those triggers (BulkWriter drops them while filling a database).
QStringList leadSearchTriggerNames();

} // namespace mikomi::storage
