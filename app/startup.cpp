#include "app/startup.h"

#include "models/appsettings.h"
#include "models/language.h"

#include <QCoreApplication>

namespace mikomi::startup {

GlobalOptions parseGlobal(const QStringList &args) {
    GlobalOptions g;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        for (const QString &name : {QStringLiteral("--db"), QStringLiteral("--lang")}) {
            QString value;
            bool hit = false;
            if (a == name) {
                hit = true;
                if (i + 1 < args.size())
                    value = args.at(++i);
                else
                    g.error =
                        QCoreApplication::translate("mikomi::startup::Startup", "%1 needs a value.")
                            .arg(name);
            } else if (a.startsWith(name + QLatin1Char('='))) {
                hit = true;
                value = a.mid(name.size() + 1);
            }
            if (!hit)
                continue;
            if (name == QLatin1String("--db"))
                g.db = value;
            else
                g.language = value;
        }
    }
    if (!g.language.isEmpty() && !LanguageManager::available().contains(g.language))
        g.error = QCoreApplication::translate("mikomi::startup::Startup",
                                              "Unknown language \"%1\": use ja or en.")
                      .arg(g.language);
    return g;
}

QString databasePath(const GlobalOptions &g) {
    return g.db.isEmpty() ? AppSettings::defaultDatabasePath() : g.db;
}

QString language(const GlobalOptions &g) {
    if (!g.language.isEmpty())
        return g.language;
    const QString saved = AppSettings().language();
    return saved.isEmpty() ? LanguageManager::systemLanguage() : saved;
}

} // namespace mikomi::startup
