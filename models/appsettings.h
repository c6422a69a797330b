#pragma once

#include "models/domain/money.h"

#include <QString>
#include <QStringList>

namespace mikomi {

// Per-user preferences kept with QSettings (registry / plist / ini), not in the database.
class AppSettings final {
public:
    AppSettings();

    QString language() const; // "" = not chosen yet (follow the system)
    void setLanguage(const QString &lang);
    Currency currency() const;
    void setCurrency(Currency c);
    QString ownerName() const;
    void setOwnerName(const QString &name);
    QStringList recentDatabases() const;
    void addRecentDatabase(const QString &path); // most recent first, at most 8
    QString lastDatabase() const;

    // The default database: $MIKOMI_DB, else AppDataLocation/mikomi.db.
    static QString defaultDatabasePath();
};

} // namespace mikomi
