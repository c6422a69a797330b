#pragma once

#include <QLoggingCategory>

// Logging categories (QLoggingCategory): what went wrong without stopping the user — a pragma
// refused, a background check that failed, a file that could not be removed — goes here instead
// of being swallowed. The app writes them to a log file (models/applog.h, Help > Open Log
// Folder); QT_LOGGING_RULES="mikomi.*.debug=true" shows the debug messages too.
namespace mikomi::log {
Q_DECLARE_LOGGING_CATEGORY(storage) // "mikomi.storage": the database, migrations, backups
Q_DECLARE_LOGGING_CATEGORY(import)  // "mikomi.import": imports and exports
Q_DECLARE_LOGGING_CATEGORY(ui)      // "mikomi.ui": the window and its background work
} // namespace mikomi::log
