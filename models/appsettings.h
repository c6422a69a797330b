#pragma once

#include "models/domain/money.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mikomi {

// Per-user preferences kept with QSettings (registry / plist / ini), not in the database.
class AppSettings final {
public:
    AppSettings();

    QString language() const; // "" = not chosen yet (follow the system)
    void setLanguage(const QString &lang);
    // The currency amounts are shown and typed in: the open database's (storage::adoptCurrency,
    // set with setDatabaseCurrency by whoever opened it), else the user's default.
    Currency currency() const;
    // The user's default: the currency of new databases, and of older files without one.
    Currency defaultCurrency() const;
    void setDefaultCurrency(Currency c);
    // The currency of the database open in this process (nullopt: none open).
    static void setDatabaseCurrency(std::optional<Currency> c);
    // Who the user is: on a team server, the Mikomi user their PostgreSQL role stands for (set
    // with setDatabaseUser by whoever opened it, storage::signedInUser); on a file, the name set
    // in Settings. History, edits and new leads record it.
    QString ownerName() const;
    void setOwnerName(const QString &name);
    // The user signed in to the database open in this process ("" for a file: ownerName is then
    // the user's own setting).
    static void setDatabaseUser(const QString &name);
    static QString databaseUser();
    // Whether card mode keeps the scanned card images with the leads (default: yes).
    bool keepCardImages() const;
    void setKeepCardImages(bool keep);
    QStringList recentDatabases() const;
    void addRecentDatabase(const QString &path); // most recent first, at most 8
    QString lastDatabase() const;

    // The default database: $MIKOMI_DB, else AppDataLocation/mikomi.db.
    static QString defaultDatabasePath();
};

} // namespace mikomi
