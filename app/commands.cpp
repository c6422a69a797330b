#include "app/commands.h"

#include "app/startup.h"
#include "models/appsettings.h"
#include "models/storage/currencystore.h"
#include "models/storage/serverlogin.h"

#include <cstdio>

namespace mikomi::cli {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

int fail(int code, const QString &message) {
    err() << message << Qt::endl;
    return code;
}

bool parseStrict(QCommandLineParser &p, const QStringList &args, QString *error) {
    p.addOption({QStringLiteral("db"), tr("Database file."), QStringLiteral("PATH")});
    p.addOption(
        {QStringLiteral("lang"), tr("Language of messages: ja or en."), QStringLiteral("LANG")});
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!p.parse(args)) {
        *error = p.errorText();
        return false;
    }
    return true;
}

Result<std::unique_ptr<storage::Database>> openDatabase(const QStringList &args) {
    auto db = storage::Database::open(startup::databasePath(startup::parseGlobal(args)));
    if (!db)
        return db;
    // Amounts are read, typed and written in the file's own currency.
    auto currency = storage::adoptCurrency(**db, AppSettings().defaultCurrency());
    if (!currency)
        return Error{currency.error()};
    AppSettings::setDatabaseCurrency(*currency);
    // On a team server: who is signed in records history and edits (storage/serverlogin.h).
    auto user = storage::signedInUser(**db);
    if (!user)
        return user.failure();
    AppSettings::setDatabaseUser(*user);
    return db;
}

} // namespace mikomi::cli
