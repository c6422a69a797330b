#include "models/storage/serverlogin.h"

#include "models/storage/repositories.h"
#include "models/storage/rowmapper.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

namespace mikomi::storage {
namespace {

const QString &prefix() {
    static const QString p = QStringLiteral("server_login:");
    return p;
}

using Login = std::pair<QString, QString>; // role, user name

const RowMapper<Login> kLoginRow{
    {"key", [](Login &l, const QVariant &v) { l.first = v.toString().mid(prefix().size()); }},
    {"value", [](Login &l, const QVariant &v) { l.second = v.toString(); }},
};

} // namespace

Result<QString> serverRole(Database &db) {
    if (db.backend() != Backend::Postgres)
        return QString();
    auto q = exec(db, QStringLiteral("SELECT current_user"));
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toString() : QString();
}

Result<QString> signedInUser(Database &db) {
    auto role = serverRole(db);
    if (!role || role->isEmpty())
        return role;
    auto set = SettingsRepository(db).value(prefix() + *role);
    if (!set)
        return set.failure();
    if (*set && !(*set)->trimmed().isEmpty())
        return (*set)->trimmed();
    auto users = UserRepository(db).list();
    if (!users)
        return users.failure();
    const QString key = text::foldKey(*role);
    for (const User &u : std::as_const(*users)) {
        if (text::foldKey(u.name) == key || (!u.email.isEmpty() && text::foldKey(u.email) == key))
            return u.name;
    }
    return *role;
}

Result<QList<std::pair<QString, QString>>> serverLogins(Database &db) {
    auto q = exec(db,
                  QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ? "
                                 "ORDER BY key"),
                  {prefix().size(), prefix()});
    if (!q)
        return q.failure();
    QList<std::pair<QString, QString>> out;
    const auto row = kLoginRow.bind(*q);
    while (q->next())
        out.append(row.read());
    return out;
}

Status setServerLogin(Database &db, const QString &role, const QString &userName) {
    const QString key = prefix() + role.trimmed();
    if (userName.trimmed().isEmpty()) {
        auto q = exec(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key});
        if (!q)
            return q.failure();
        db.changes().note(DataKind::Settings);
        return {};
    }
    return SettingsRepository(db).setValue(key, userName.trimmed());
}

} // namespace mikomi::storage
