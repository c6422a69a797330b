#include "app/commands.h"

#include "app/startup.h"
#include "models/appsettings.h"
#include "models/storage/currencystore.h"

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
    return db;
}

Status refuseOnServer(const storage::Database &db) {
    if (db.backend() != storage::Backend::Postgres)
        return {};
    return Error{tr("%1 is a team server database, and this command does not work on a server "
                    "yet (docs/team.md lists what does). Nothing was changed.")
                     .arg(db.path())};
}

} // namespace mikomi::cli
