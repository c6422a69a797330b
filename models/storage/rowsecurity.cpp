#include "models/storage/rowsecurity.h"

#include "models/storage/sql.h"

#include <QCoreApplication>

namespace mikomi::storage {
namespace {

const QString &managerPrefix() {
    static const QString p = QStringLiteral("team_manager:");
    return p;
}

// Every table a policy of migration 16 is on (pgschema.cpp).
QStringList coveredTables() {
    QStringList out{QStringLiteral("leads")};
    out << leadChildTables();
    out << QStringLiteral("merge_base") << QStringLiteral("settings") << QStringLiteral("users");
    return out;
}

Error fileHasNone() {
    return {QCoreApplication::translate(
        "mikomi::storage::Rowsecurity",
        "Row-level security exists only on a team server: a file on this computer has one "
        "user and no roles.")};
}

} // namespace

const QStringList &leadChildTables() {
    static const QStringList tables{
        QStringLiteral("stage_history"),      QStringLiteral("touchpoints"),
        QStringLiteral("activities"),         QStringLiteral("tasks"),
        QStringLiteral("lead_images"),        QStringLiteral("lead_contacts"),
        QStringLiteral("lead_custom_fields"), QStringLiteral("lead_scores")};
    return tables;
}

Result<RowSecurity> rowSecurity(Database &db) {
    RowSecurity out;
    if (db.backend() != Backend::Postgres)
        return out;
    // Views (leads_search) keep to the caller's policies from PostgreSQL 15 on (pgschema.cpp).
    auto version = exec(db, QStringLiteral("SELECT current_setting('server_version_num')::int"));
    if (!version)
        return version.failure();
    out.serverVersion = version->next() ? version->value(0).toInt() : 0;
    out.available = out.serverVersion >= 150000;
    if (!out.available)
        return out;
    // Who owns the leads table, whether the role signed in is (or acts as) it, and whether it
    // is held by the policies at all (a superuser or a BYPASSRLS role is not).
    auto q = exec(db, QStringLiteral("SELECT c.relrowsecurity, pg_get_userbyid(c.relowner), "
                                     "pg_has_role(c.relowner, 'USAGE'), r.rolsuper OR "
                                     "r.rolbypassrls, mikomi_is_manager() FROM pg_class c, "
                                     "pg_roles r WHERE c.oid = to_regclass('leads') AND "
                                     "r.rolname = current_user"));
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{QCoreApplication::translate("mikomi::storage::Rowsecurity",
                                                 "The table of leads was not found on the "
                                                 "server.")};
    out.on = q->value(0).toBool();
    out.owner = q->value(1).toString();
    const bool owns = q->value(2).toBool();
    const bool superuser = q->value(3).toBool();
    out.mayChange = owns || superuser;
    out.seesAll = owns || superuser || q->value(4).toBool();
    return out;
}

Status setRowSecurity(Database &db, bool on) {
    auto now = rowSecurity(db);
    if (!now)
        return now.failure();
    if (!now->available && db.backend() == Backend::Postgres)
        return Error{
            QCoreApplication::translate(
                "mikomi::storage::Rowsecurity",
                "Row-level security needs PostgreSQL 15 or later on the server (this one is %1).")
                .arg(now->serverVersion / 10000)};
    if (!now->available)
        return fileHasNone();
    if (!now->mayChange)
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Rowsecurity",
                         "Only the owner of Mikomi's tables on the server (the role %1) or a "
                         "superuser may turn row-level security on or off.")
                         .arg(now->owner),
                     ErrorKind::ReadOnly};
    Transaction tx(db);
    if (!tx.started())
        return tx.failure();
    // Table names are this file's own constants, not input.
    for (const QString &table : coveredTables()) {
        const QString sql =
            QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY")
                .arg(table, on ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE"));
        if (auto r = exec(db, sql); !r)
            return r.failure();
    }
    // Every window reads again: what a rep sees has changed.
    db.changes().note(kAllDataKinds);
    return tx.commit();
}

Result<QSet<QString>> teamManagers(Database &db) {
    QSet<QString> out;
    if (db.backend() != Backend::Postgres)
        return out;
    auto q = exec(db,
                  QStringLiteral("SELECT key FROM settings WHERE substr(key, 1, ?) = ? AND "
                                 "value = '1'"),
                  {managerPrefix().size(), managerPrefix()});
    if (!q)
        return q.failure();
    while (q->next())
        out.insert(q->value(0).toString().mid(managerPrefix().size()));
    return out;
}

Status setTeamManager(Database &db, const QString &role, bool manager) {
    if (db.backend() != Backend::Postgres)
        return fileHasNone();
    const QString key = managerPrefix() + role.trimmed();
    const auto refused = [&](const Error &why) {
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Rowsecurity",
                         "Only a manager or the owner of Mikomi's tables may mark who is a "
                         "manager while reps see only their own leads (%1).")
                         .arg(why.message),
                     why.kind};
    };
    if (manager) {
        auto q = exec(db,
                      QStringLiteral("INSERT INTO settings(key, value) VALUES (?, '1') ON "
                                     "CONFLICT(key) DO UPDATE SET value = excluded.value"),
                      {key});
        if (!q)
            return refused(q.failure());
    } else {
        auto q = exec(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key});
        if (!q)
            return refused(q.failure());
        // A row the policy hides from this role's DELETE is not an error to PostgreSQL: ask
        // again whether it is still there.
        auto left = exec(db, QStringLiteral("SELECT count(*) FROM settings WHERE key = ?"), {key});
        if (!left)
            return left.failure();
        if (left->next() && left->value(0).toLongLong() > 0)
            return refused(Error{QCoreApplication::translate("mikomi::storage::Rowsecurity",
                                                             "the mark was not removed"),
                                 ErrorKind::ReadOnly});
    }
    db.changes().note(DataKind::Settings);
    return {};
}

} // namespace mikomi::storage
