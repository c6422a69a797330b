// Opening a database on a PostgreSQL server (team mode, docs/team.md): the QPSQL connection, the
// schema version in a table, and the migrations in one transaction. The file's own checks (header
// probe, quick_check, backup copy, WAL) have no counterpart here: the server owns the storage,
// and a failed migration is rolled back whole (PostgreSQL's DDL is transactional).

#include "models/domain/log.h"
#include "models/storage/database.h"
#include "models/storage/dialect.h"
#include "models/storage/pgnotify.h"
#include "models/storage/sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace mikomi::storage {
namespace {

QString nextServerConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("mikomi-pg-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

// Any 64-bit number of our own: migrations of one server database run one at a time.
constexpr qint64 kSchemaLock = 0x6d696b6f6d69; // "mikomi"

Error badUrl(const QString &shown) {
    return {
        QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                    "%1 is not a server address Mikomi understands. Write it as "
                                    "postgresql://user@host:port/database.")
            .arg(shown)};
}

// The schema version: 0 for an empty database, -1 for one with tables that are not Mikomi's.
Result<int> serverVersion(const Database &db) {
    auto tables = exec(db, QStringLiteral("SELECT table_name FROM information_schema.tables "
                                          "WHERE table_schema = current_schema()"));
    if (!tables)
        return tables.failure();
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    tables->finish();
    if (names.isEmpty())
        return 0;
    if (!names.contains(QLatin1String("schema_version")))
        return -1;
    auto v = exec(db, QStringLiteral("SELECT version FROM schema_version"));
    if (!v)
        return v.failure();
    const int version = v->next() ? v->value(0).toInt() : 0;
    v->finish();
    return version;
}

// What the migrations up to `version` leave in a server database, by name: 'r' a table, 'v' a
// view, 'i' an index, 't' a trigger (from the statements themselves, so a new step is checked
// without a list to keep). The trigram search index of step 2 is left out: a database made by
// the first team-mode release has none and its search still works (reading the table).
QMap<QString, QChar> expectedObjects(const Dialect &dialect, int version) {
    static const QRegularExpression create(
        QStringLiteral("^CREATE\\s+(?:UNIQUE\\s+)?(TABLE|INDEX|VIEW|TRIGGER)\\s+"
                       "(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression drop(
        QStringLiteral("^DROP\\s+(?:TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)"),
        QRegularExpression::CaseInsensitiveOption);
    QMap<QString, QChar> out;
    for (const Migration &m : dialect.migrations(builtinMigrations())) {
        if (m.version > version)
            break;
        for (const QString &statement : m.statements) {
            const QString sql = statement.trimmed();
            if (const auto c = create.match(sql); c.hasMatch()) {
                const QString kind = c.captured(1).toUpper();
                out.insert(c.captured(2).toLower(), kind == QLatin1String("TABLE")   ? u'r'
                                                    : kind == QLatin1String("VIEW")  ? u'v'
                                                    : kind == QLatin1String("INDEX") ? u'i'
                                                                                     : u't');
            } else if (const auto d = drop.match(sql); d.hasMatch()) {
                out.remove(d.captured(1).toLower());
            }
        }
    }
    out.insert(QStringLiteral("schema_version"), u'r');
    return out;
}

} // namespace

Status Database::checkServerIntegrity() const {
    const auto broken = [this](const QString &what) {
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Pgdatabase",
                         "The server database %1 is not whole: %2 It was changed by hand or an "
                         "upgrade did not finish. Restore it from the server's backup, or ask "
                         "its administrator.")
                         .arg(m_path, what),
                     ErrorKind::Corrupt};
    };
    // The connection answers (exec() makes it again when the server dropped it).
    auto alive = exec(*this, QStringLiteral("SELECT 1"));
    if (!alive || !alive->next())
        return Error{QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                                 "The team server %1 does not answer: %2")
                         .arg(m_path, alive ? QString() : alive.error()),
                     ErrorKind::Io};
    auto version = serverVersion(*this);
    if (!version)
        return version.failure();
    if (*version != m_version)
        return broken(QCoreApplication::translate(
                          "mikomi::storage::Pgdatabase",
                          "its schema version table says %1, but it was opened at version %2.")
                          .arg(*version)
                          .arg(m_version));
    auto rows = exec(*this, QStringLiteral("SELECT count(*) FROM schema_version"));
    if (!rows)
        return rows.failure();
    if (!rows->next() || rows->value(0).toInt() != 1)
        return broken(QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                                  "its schema version table should have one row."));

    QMap<QString, QChar> present;
    auto objects = exec(
        *this,
        QStringLiteral("SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid "
                       "= c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
                       "('r', 'p', 'v', 'i') UNION ALL SELECT t.tgname, 't' FROM pg_trigger t "
                       "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = "
                       "c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal"));
    if (!objects)
        return objects.failure();
    while (objects->next()) {
        const QString kind = objects->value(1).toString();
        present.insert(objects->value(0).toString(),
                       kind == QLatin1String("p") ? u'r' : kind.at(0));
    }
    QStringList missing;
    const QMap<QString, QChar> expected = expectedObjects(dialect(), m_version);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (present.value(it.key()) != it.value())
            missing << it.key();
    }
    if (!missing.isEmpty())
        return broken(QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                                  "%n part(s) of Mikomi's schema are missing "
                                                  "(%1).",
                                                  nullptr, int(missing.size()))
                          .arg(missing.join(QStringLiteral(", "))));
    // An index whose build failed (CREATE INDEX CONCURRENTLY) is kept but not used or checked.
    auto invalid = exec(*this, QStringLiteral("SELECT c.relname FROM pg_index i JOIN pg_class c "
                                              "ON c.oid = i.indexrelid JOIN pg_namespace n ON "
                                              "n.oid = c.relnamespace WHERE n.nspname = "
                                              "current_schema() AND NOT i.indisvalid"));
    if (!invalid)
        return invalid.failure();
    QStringList bad;
    while (invalid->next())
        bad << invalid->value(0).toString();
    if (!bad.isEmpty())
        return broken(QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                                  "the index %1 is invalid (REINDEX INDEX %1; "
                                                  "rebuilds it).")
                          .arg(bad.join(QStringLiteral(", "))));
    return {};
}

Result<std::unique_ptr<Database>> Database::openServer(const QString &location,
                                                       const OpenOptions &options) {
    const QUrl url(location, QUrl::StrictMode);
    const QString shown = url.isValid() ? url.toString(QUrl::RemovePassword) : QString();
    if (!url.isValid() || url.host().contains(QLatin1Char('/')))
        return badUrl(shown.isEmpty() ? QStringLiteral("postgresql://…") : shown);

    std::unique_ptr<Database> db(new Database);
    db->m_backend = Backend::Postgres;
    db->m_path = shown;
    db->m_location = location;
    db->m_connection = nextServerConnectionName();
    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connection);
    if (!c.isValid())
        return Error{QCoreApplication::translate(
            "mikomi::storage::Pgdatabase",
            "The PostgreSQL driver for Qt is not installed (QPSQL; on Debian and Ubuntu "
            "the package libqt6sql6-psql).")};
    // What the URL leaves out, libpq takes from its usual places: PGHOST, PGPORT, PGUSER,
    // PGDATABASE, and the password from PGPASSWORD or ~/.pgpass (QPSQL passes an empty password
    // on as none at all).
    if (!url.host().isEmpty())
        c.setHostName(url.host());
    if (url.port() > 0)
        c.setPort(url.port());
    if (!url.userName().isEmpty())
        c.setUserName(url.userName());
    if (!url.password().isEmpty())
        c.setPassword(url.password());
    const QString name = url.path().mid(1);
    if (!name.isEmpty())
        c.setDatabaseName(name);
    // ?sslmode=require&connect_timeout=5 …: libpq's own connection options.
    // Every session with PostgreSQL's JIT compiler off: Mikomi's statements are short, and a
    // plan the planner over-costs (a sort by temperature, whose filter it cannot estimate) was
    // compiled for 226 ms to run for 4 ms (EXPLAIN ANALYZE at 1,000,000 leads). Added to the
    // server options a URL gives (?options=…), not in place of them.
    QStringList connectOptions;
    QString serverOptions = QStringLiteral("-c jit=off");
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("options"))
            serverOptions = value + QLatin1Char(' ') + serverOptions;
        else
            connectOptions << key + QLatin1Char('=') + value;
    }
    connectOptions << QStringLiteral("options='%1'")
                          .arg(QString(serverOptions)
                                   .replace(u'\\', QLatin1String("\\\\"))
                                   .replace(u'\'', QLatin1String("\\'")));
    c.setConnectOptions(connectOptions.join(QLatin1Char(';')));
    if (!c.open())
        return Error{QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                                 "Cannot connect to the database server %1: %2")
                         .arg(shown, c.lastError().databaseText().trimmed()),
                     ErrorKind::Io};

    const std::vector<Migration> steps =
        db->dialect().migrations(options.migrations ? *options.migrations : builtinMigrations());
    const int target = options.targetVersion >= 0 ? options.targetVersion
                                                  : (steps.empty() ? 0 : steps.back().version);
    auto version = serverVersion(*db);
    if (!version)
        return version.failure();
    int current = *version;
    if (current < 0)
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Pgdatabase",
                         "The server database %1 has tables but is not a Mikomi "
                         "database; it was not changed. Create an empty database for "
                         "Mikomi (createdb), or check the name.")
                         .arg(shown),
                     ErrorKind::NotMikomi};
    const auto newer = [&](int found) {
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Pgdatabase",
                         "The database %1 was made by a newer version of Mikomi (schema "
                         "version %2; this version knows up to %3). Please update "
                         "Mikomi. The database was not changed.")
                         .arg(shown)
                         .arg(found)
                         .arg(target),
                     ErrorKind::NewerSchema};
    };
    if (current > target)
        return newer(current);

    if (current < target) {
        if (options.readOnly)
            return Error{QCoreApplication::translate(
                             "mikomi::storage::Pgdatabase",
                             "The database %1 needs an upgrade but was opened read-only.")
                             .arg(shown),
                         ErrorKind::ReadOnly};
        const auto failed = [&](const Error &why) {
            return Error{QCoreApplication::translate(
                             "mikomi::storage::Pgdatabase",
                             "Upgrading the database %1 to schema version %2 failed: %3 "
                             "The database was left unchanged.")
                             .arg(shown)
                             .arg(target)
                             .arg(why.message),
                         why.kind};
        };
        const auto stepFailed = [&](int step, Error why) {
            why.message = QCoreApplication::translate("mikomi::storage::Pgdatabase", "step %1: %2")
                              .arg(step)
                              .arg(why.message);
            return failed(why);
        };
        // All steps in one transaction: a failure leaves the server database as it was. Two
        // programs opening a new database at once: the second waits for the lock, then finds
        // the schema made.
        Transaction tx(*db);
        if (!tx.started())
            return failed(tx.failure());
        if (auto lock = exec(*db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kSchemaLock});
            !lock)
            return failed(lock.failure());
        auto again = serverVersion(*db);
        if (!again)
            return failed(again.failure());
        current = *again;
        if (current > target)
            return newer(current);
        for (const Migration &m : steps) {
            if (m.version <= current || m.version > target)
                continue;
            for (const QString &statement : m.statements) {
                if (auto r = exec(*db, statement); !r)
                    return stepFailed(m.version, r.failure());
            }
            if (m.run) {
                if (Status s = m.run(*db); !s)
                    return stepFailed(m.version, s.failure());
            }
        }
        for (const QString &sql :
             {QStringLiteral(
                  "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"),
              QStringLiteral("DELETE FROM schema_version")}) {
            if (auto r = exec(*db, sql); !r)
                return failed(r.failure());
        }
        if (auto r = exec(*db, QStringLiteral("INSERT INTO schema_version(version) VALUES (?)"),
                          {target});
            !r)
            return failed(r.failure());
        if (Status s = tx.commit(); !s)
            return failed(s.failure());
        current = target;
    }
    db->m_version = current;
    return db;
}

Status Database::reconnect() {
    if (m_backend != Backend::Postgres)
        return {};
    if (m_depth > 0)
        return Error{QCoreApplication::translate(
                         "mikomi::storage::Pgdatabase",
                         "The connection to the team server %1 was lost during a change; the "
                         "change was not saved. Try again.")
                         .arg(m_path),
                     ErrorKind::Io};
    // The old connection's settings (server, user, password, options) under a new name; the old
    // one is removed with its driver, and with it every statement prepared on it (QPSQL frees a
    // statement through its driver: with the driver gone, a cached statement destroyed later
    // sends nothing, instead of a DEALLOCATE that fails on the new connection).
    const QString name = nextServerConnectionName();
    {
        const QSqlDatabase old = QSqlDatabase::database(m_connection, false);
        QSqlDatabase fresh = QSqlDatabase::cloneDatabase(old, name);
        Q_UNUSED(fresh);
    }
    {
        QSqlDatabase old = QSqlDatabase::database(m_connection, false);
        if (old.isOpen())
            old.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection = name;
    ++m_connectionGeneration;
    QSqlDatabase c = QSqlDatabase::database(m_connection, false);
    if (!c.open()) {
        const QString why = c.lastError().databaseText().trimmed();
        qCWarning(log::storage, "reconnecting to %s failed: %s", qUtf8Printable(m_path),
                  qUtf8Printable(why));
        return Error{QCoreApplication::translate("mikomi::storage::Pgdatabase",
                                                 "Cannot connect to the database server %1: %2")
                         .arg(m_path, why),
                     ErrorKind::Io};
    }
    qCInfo(log::storage, "reconnected to %s", qUtf8Printable(m_path));
    if (m_listener) {
        if (Status s = m_listener->start(); !s) {
            c.close();
            return s;
        }
    }
    return {};
}

} // namespace mikomi::storage
