#pragma once

#include <QString>
#include <QStringList>

namespace mikomi::startup {

struct GlobalOptions {
    QString db;       // "" = default
    QString language; // "" = from settings / system
    QString error;    // a usage error, translated
};

// Reads --db PATH / --db=PATH and --lang ja|en from anywhere in the arguments.
GlobalOptions parseGlobal(const QStringList &args);
// The database to use: --db, else $MIKOMI_DB, else the user's data folder.
QString databasePath(const GlobalOptions &g);
// Language: --lang, else the saved setting, else the system locale.
QString language(const GlobalOptions &g);

} // namespace mikomi::startup
