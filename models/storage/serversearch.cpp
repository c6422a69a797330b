#include "models/storage/serversearch.h"

#include "models/domain/log.h"
#include "models/storage/leadsearch.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

namespace mikomi::storage {
namespace {

const QString &problemKey() {
    static const QString k = QStringLiteral("search_index_problem");
    return k;
}

const QString &pendingKey() {
    static const QString k = QStringLiteral("search_index_pending");
    return k;
}

// There and usable (a concurrent build that did not finish leaves an invalid one), or with
// `usable` false there at all.
Result<bool> indexExists(Database &db, bool usable = true) {
    auto q = exec(db,
                  QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid "
                                 "= c.relnamespace JOIN pg_index i ON i.indexrelid = c.oid "
                                 "WHERE c.relname = 'leads_search_trgm' AND n.nspname = "
                                 "current_schema() AND (i.indisvalid OR NOT ?)"),
                  {usable});
    if (!q)
        return q.failure();
    return q->next() && q->value(0).toLongLong() > 0;
}

} // namespace

// A GIN index of pg_trgm trigrams over the search text (leadSearchTextSql: the normalised keys
// and the lower-cased company names), which serves `search LIKE '%…%'` for substrings of three
// characters or more, Japanese included (the database's C.UTF-8 ctype counts kana and kanji as
// letters). The normalised keys are searched because ILIKE does not fold full-width letters or
// kana. pg_trgm is a "trusted" extension (PostgreSQL 13 and later): the database's owner, or a
// role with CREATE on the database, may create it.
QStringList serverSearchIndexSql() {
    static const QRegularExpression qualified(QStringLiteral("\\bleads\\."));
    const QString text = leadSearchTextSql(QStringLiteral("leads")).remove(qualified);
    return {QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
            QStringLiteral("CREATE INDEX leads_search_trgm ON leads USING gin ((%1) gin_trgm_ops)")
                .arg(text)};
}

Status ensureServerSearchIndex(Database &db) {
    auto exists = indexExists(db);
    if (!exists)
        return exists.failure();
    QString why;
    if (!*exists) {
        // A savepoint: a refused statement would otherwise abort the whole upgrade.
        Transaction savepoint(db);
        if (!savepoint.started())
            return savepoint.failure();
        for (const QString &sql : serverSearchIndexSql()) {
            if (auto r = exec(db, sql); !r) {
                // The server's own words ("permission denied to create extension …" and its
                // hint), without the connection's address and the driver's codes around them.
                static const QRegularExpression server(
                    QStringLiteral("ERROR:\\s*(.*?)\\s*(?:\\(\\w{5}\\).*)?$"),
                    QRegularExpression::DotMatchesEverythingOption);
                const auto m = server.match(r.error());
                why = m.hasMatch() ? m.captured(1).simplified() : r.error();
                break;
            }
        }
        if (why.isEmpty()) {
            if (Status s = savepoint.commit(); !s)
                return s;
        }
    } // rolled back to the savepoint when it failed
    if (why.isEmpty()) {
        auto q = exec(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {problemKey()});
        return q ? Status() : Status(q.failure());
    }
    qCWarning(log::storage, "the lead search index could not be made on %s: %s",
              qUtf8Printable(db.path()), qUtf8Printable(why));
    auto q = exec(db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                                 "DO UPDATE SET value = excluded.value"),
                  {problemKey(), why});
    return q ? Status() : Status(q.failure());
}

Status markServerSearchIndexPending(Database &db) {
    auto q = exec(db,
                  QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                                 "DO UPDATE SET value = excluded.value"),
                  {pendingKey(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    return q ? Status() : Status(q.failure());
}

Result<bool> serverSearchIndexPending(Database &db) {
    if (db.backend() != Backend::Postgres)
        return false;
    auto q =
        exec(db, QStringLiteral("SELECT count(*) FROM settings WHERE key = ?"), {pendingKey()});
    if (!q)
        return q.failure();
    return q->next() && q->value(0).toLongLong() > 0;
}

Result<bool> buildPendingServerSearchIndex(Database &db) {
    auto pending = serverSearchIndexPending(db);
    if (!pending || !*pending)
        return pending ? Result<bool>(true) : pending.failure();
    if (db.inTransaction())
        return Error{QStringLiteral("the search index is made outside a transaction")};
    auto owner = exec(db, QStringLiteral("SELECT pg_has_role(relowner, 'USAGE') FROM pg_class "
                                         "WHERE oid = 'leads'::regclass"));
    if (!owner)
        return owner.failure();
    if (!owner->next() || !owner->value(0).toBool())
        return false;
    auto exists = indexExists(db);
    if (!exists)
        return exists.failure();
    if (!*exists) {
        // Left invalid by a build that was interrupted (or is running in another session: then
        // this waits for it, and makes the index again).
        auto left = indexExists(db, false);
        if (!left)
            return left.failure();
        if (*left) {
            if (auto r = exec(db, QStringLiteral("DROP INDEX leads_search_trgm")); !r)
                return r.failure();
        }
        (void)exec(db, QStringLiteral("SET maintenance_work_mem = '256MB'"));
        QString create = serverSearchIndexSql().constLast();
        create.replace(QStringLiteral("CREATE INDEX "),
                       QStringLiteral("CREATE INDEX CONCURRENTLY IF NOT EXISTS "));
        auto made = exec(db, create);
        (void)exec(db, QStringLiteral("RESET maintenance_work_mem"));
        if (!made)
            return made.failure();
        exists = indexExists(db);
        if (!exists)
            return exists.failure();
        if (!*exists)
            return false;
    }
    auto q = exec(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {pendingKey()});
    if (!q)
        return q.failure();
    return true;
}

Result<QString> serverSearchIndexProblem(Database &db) {
    if (db.backend() != Backend::Postgres)
        return QString();
    auto exists = indexExists(db);
    if (!exists)
        return exists.failure();
    if (*exists)
        return QString(); // made since (an administrator ran the statements)
    auto pending = serverSearchIndexPending(db);
    if (!pending)
        return pending.failure();
    if (*pending)
        return QString(); // made after a large import's commit (buildPendingServerSearchIndex)
    auto q = exec(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {problemKey()});
    if (!q)
        return q.failure();
    const QString why =
        q->next() ? q->value(0).toString()
                  : QCoreApplication::translate("mikomi::storage::Serversearch", "it is not there");
    return QCoreApplication::translate(
               "mikomi::storage::Serversearch",
               "Searching leads on the team server %1 is slower than it should be: every search "
               "reads all the leads, because PostgreSQL's trigram index for it could not be made "
               "(%2). The results are the same. An administrator (the database's owner or a "
               "superuser) can make it by running these statements in the database once:\n\n%3")
        .arg(db.path(), why, serverSearchIndexSql().join(QStringLiteral(";\n")) + u';');
}

} // namespace mikomi::storage
