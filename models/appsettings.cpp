#include "models/appsettings.h"

#include "models/storage/dialect.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <atomic>

namespace mikomi {
namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kCurrency = QStringLiteral("ui/currency");
const QString kOwner = QStringLiteral("user/ownerName");
const QString kRecent = QStringLiteral("files/recent");
} // namespace

AppSettings::AppSettings() = default;

QString AppSettings::language() const {
    return QSettings().value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &lang) {
    QSettings().setValue(kLanguage, lang);
}

namespace {
// -1: no database open; else the Currency of the open one. Atomic: import and export threads
// read it too.
std::atomic<int> g_databaseCurrency = -1;
} // namespace

Currency AppSettings::currency() const {
    const int c = g_databaseCurrency.load();
    return c >= 0 ? Currency(c) : defaultCurrency();
}

Currency AppSettings::defaultCurrency() const {
    return currencyFromKey(QSettings().value(kCurrency).toString()).value_or(Currency::JPY);
}

void AppSettings::setDefaultCurrency(Currency c) {
    QSettings().setValue(kCurrency, currencyKey(c));
}

void AppSettings::setDatabaseCurrency(std::optional<Currency> c) {
    g_databaseCurrency.store(c ? int(*c) : -1);
}

namespace {
QMutex g_userMutex;
QString g_databaseUser; // guarded by g_userMutex
} // namespace

void AppSettings::setDatabaseUser(const QString &name) {
    QMutexLocker lock(&g_userMutex);
    g_databaseUser = name;
}

QString AppSettings::databaseUser() {
    QMutexLocker lock(&g_userMutex);
    return g_databaseUser;
}

QString AppSettings::ownerName() const {
    if (const QString user = databaseUser(); !user.isEmpty())
        return user;
    return QSettings().value(kOwner).toString();
}

void AppSettings::setOwnerName(const QString &name) {
    QSettings().setValue(kOwner, name.trimmed());
}

bool AppSettings::keepCardImages() const {
    return QSettings().value(QStringLiteral("cards/keepImages"), true).toBool();
}

void AppSettings::setKeepCardImages(bool keep) {
    QSettings().setValue(QStringLiteral("cards/keepImages"), keep);
}

QStringList AppSettings::recentDatabases() const {
    return QSettings().value(kRecent).toStringList();
}

void AppSettings::addRecentDatabase(const QString &path) {
    // A team server is remembered by its address without a password (docs/team.md).
    const QString abs = storage::isServerUrl(path)
                            ? QUrl(path).toString(QUrl::RemovePassword | QUrl::FullyEncoded)
                            : QFileInfo(path).absoluteFilePath();
    QStringList list = recentDatabases();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > 8)
        list.removeLast();
    QSettings().setValue(kRecent, list);
}

QString AppSettings::lastDatabase() const {
    const QStringList list = recentDatabases();
    return list.isEmpty() ? QString() : list.first();
}

QString AppSettings::defaultDatabasePath() {
    const QString env = qEnvironmentVariable("MIKOMI_DB");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("mikomi.db"));
}

} // namespace mikomi
