#pragma once

// A throwaway PostgreSQL server for tests (team mode, docs/team.md), listening on 127.0.0.1 with
// a password (scram-sha-256) that libpq finds in PGPASSWORD, as Mikomi's users' servers would.
//
// Under ctest every server test uses ONE server for the whole run: the fixture `pgserver`
// (tests/support/pgtestserver.cpp, registered by mikomi_use_pgserver() in
// cmake/MikomiLibrary.cmake) starts it before the first server test and stops it after the last,
// failed tests or not, and names its file in MIKOMI_PG_SERVER; start() then only reads that file.
// Each test makes databases of its own on it (unique names: a prefix and a random suffix), and
// createMigratedDatabase() copies the template the fixture migrated once, so no test migrates from
// zero unless it tests a migration. Roles are the server's, not a database's: a test names the
// roles it creates so that no other test creates the same (tst_pgrls: taro, jiro, hanako;
// tst_serverwindow: rep_/boss_/noext_ and the language; tst_pgstorage: with its database's
// name).
//
// Run by hand (no MIKOMI_PG_SERVER), a test starts a server of its own as before: initdb +
// pg_ctl into a temporary folder, about 3 s; run as root it runs as the `postgres` user (initdb
// and postgres refuse root). A server of its own is stopped by stop(), by the destructor, and by
// a fatal signal (a crashing or interrupted test: the server is stopped and its folder removed),
// so no server outlives its test. (SIGKILL cannot be caught; the fixture's next set-up stops a
// server a killed run left in its folder.)
// Tests that need it QSKIP, saying why, when binDir() is empty (the server binaries are not
// installed; Debian: apt-get install postgresql libqt6sql6-psql).

#include "models/storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <vector>

namespace pgtest {

class Server {
public:
    static constexpr const char *kUser = "mikomi_test";
    static constexpr const char *kPassword = "mikomi-test-password";

    Server() = default;
    ~Server() { stop(); }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // The newest /usr/lib/postgresql/N/bin with initdb, or "" when PostgreSQL is not installed.
    static QString binDir() {
        const QDir root(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end(),
                  [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
        for (auto v = versions.crbegin(); v != versions.crend(); ++v) {
            const QString bin = root.filePath(*v + QStringLiteral("/bin"));
            if (QFile::exists(bin + QStringLiteral("/initdb")))
                return bin;
        }
        return {};
    }

    // The fixture's file for this run (ctest sets MIKOMI_PG_SERVER), or "" when there is none.
    static QString sharedFile() {
        const QString file = qEnvironmentVariable("MIKOMI_PG_SERVER");
        return !file.isEmpty() && QFile::exists(file) ? file : QString();
    }

    // Starts the server (once), or uses the run's shared one; false with reason() when it cannot.
    bool start() {
        if (m_running)
            return true;
        if (const QString file = sharedFile(); !file.isEmpty())
            return attach(file);
        m_dir =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/mikomi-pg-XXXXXX"));
        if (!m_dir->isValid())
            return fail(QStringLiteral("cannot make a temporary folder"));
        return startIn(m_dir->path());
    }

    // Starts a server in `dir` (an existing empty folder); the fixture's, kept by release().
    bool startIn(const QString &dir) {
        if (m_running)
            return true;
        m_folder = dir;
        m_bin = binDir();
        if (m_bin.isEmpty()) {
            m_reason = QStringLiteral("PostgreSQL server binaries not found under "
                                      "/usr/lib/postgresql/*/bin (apt-get install postgresql)");
            return false;
        }
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            m_reason = QStringLiteral("Qt's QPSQL driver is not installed "
                                      "(apt-get install libqt6sql6-psql)");
            return false;
        }
        const QString pwfile = dir + QStringLiteral("/pw");
        QFile pw(pwfile);
        if (!pw.open(QIODevice::WriteOnly) || pw.write(kPassword) < 0)
            return fail(QStringLiteral("cannot write ") + pwfile);
        pw.close();
        if (::geteuid() == 0) {
            const passwd *p = ::getpwnam("postgres");
            if (!p)
                return fail(QStringLiteral("running as root, and there is no postgres user"));
            for (const QString &f : {dir, pwfile})
                if (::chown(QFile::encodeName(f).constData(), p->pw_uid, p->pw_gid) != 0)
                    return fail(QStringLiteral("cannot give %1 to the postgres user").arg(f));
            m_prefix = {QStringLiteral("/usr/sbin/runuser"), QStringLiteral("-u"),
                        QStringLiteral("postgres"), QStringLiteral("--")};
        }
        m_port = freePort();
        if (m_port <= 0)
            return fail(QStringLiteral("no free port on 127.0.0.1"));
        m_data = dir + QStringLiteral("/data");
        // The data in memory (/dev/shm), behind the link `data`, when asked (the fixture): on
        // this machine's disk a copy of the template took ~1 s under load and removing a run's
        // folder 40 s; in memory 0.1 s and 0.2 s. Without /dev/shm, or with a small one (a
        // container's is often 64 MB; a run's databases take a few hundred), on the disk.
        if (m_dataInMemory && QFileInfo(QStringLiteral("/dev/shm")).isWritable() &&
            QStorageInfo(QStringLiteral("/dev/shm")).bytesAvailable() >= 2LL * 1024 * 1024 * 1024) {
            const QString memory = QStringLiteral("/dev/shm/mikomi-pgdata-") +
                                   QUuid::createUuid().toString(QUuid::Id128).left(12).toLower();
            if (QDir().mkdir(memory) && QFile::link(memory, m_data)) {
                if (::geteuid() == 0) {
                    const passwd *p = ::getpwnam("postgres");
                    if (!p ||
                        ::chown(QFile::encodeName(memory).constData(), p->pw_uid, p->pw_gid) != 0)
                        return fail(
                            QStringLiteral("cannot give %1 to the postgres user").arg(memory));
                }
            } else {
                QDir().rmdir(memory);
            }
        }
        // The socket beside the data; a folder whose path is too long for a socket's (107
        // bytes) puts it in the temporary folder instead.
        const QString socketDir = dir.size() > 80 ? QDir::tempPath() : dir;
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QString::fromLatin1(kUser),
                  QStringLiteral("--pwfile=") + pwfile, QStringLiteral("-A"),
                  QStringLiteral("scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")}))
            return false;
        armCrashStop();
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), m_data, QStringLiteral("-l"),
                  dir + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("-t"),
                  QStringLiteral("30"), QStringLiteral("-o"),
                  // Nothing a throwaway server needs to survive a crash: no fsync, and WAL
                  // only to recover (createDatabase()'s copies then write no WAL at all).
                  QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off -c "
                                 "synchronous_commit=off -c full_page_writes=off -c "
                                 "wal_level=minimal -c max_wal_senders=0")
                      .arg(m_port)
                      .arg(socketDir),
                  QStringLiteral("start")})) {
            QFile log(dir + QStringLiteral("/server.log"));
            if (log.open(QIODevice::ReadOnly))
                m_reason += QLatin1Char('\n') + QString::fromLocal8Bit(log.readAll());
            stop();
            return false;
        }
        m_running = true;
        // libpq's own place for the password: what a user's PGPASSWORD gives Mikomi.
        qputenv("PGPASSWORD", kPassword);
        return true;
    }

    void stop() {
        if (m_shared) { // the run's: the fixture stops it
            m_shared = false;
            m_running = false;
            return;
        }
        if (!m_data.isEmpty()) {
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
                 QStringLiteral("-w"), QStringLiteral("stop")});
            m_data.clear();
        }
        disarmCrashStop();
        m_running = false;
        m_dir.reset(); // removes the folder
    }

    // Leaves the server running when this object goes (the fixture's set-up, which exits).
    void release() {
        disarmCrashStop();
        m_data.clear();
        m_running = false;
    }

    // Stops the server whose folder is `dir` (left by a run, killed or not), if one runs there.
    static void stopServerIn(const QString &dir) {
        const QString data = dir + QStringLiteral("/data");
        if (!QFileInfo::exists(data + QStringLiteral("/postmaster.pid")) || binDir().isEmpty())
            return;
        Server s; // only to run pg_ctl the way start() did
        s.m_bin = binDir();
        if (::geteuid() == 0)
            s.m_prefix = {QStringLiteral("/usr/sbin/runuser"), QStringLiteral("-u"),
                          QStringLiteral("postgres"), QStringLiteral("--")};
        s.run(QStringLiteral("pg_ctl"),
              {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"),
               QStringLiteral("-w"), QStringLiteral("stop")});
    }

    // Stops the server whose folder is `dir` and removes the folder; true when nothing of it is
    // left.
    static bool stopFolder(const QString &dir) {
        if (!QFileInfo::exists(dir))
            return true;
        stopServerIn(dir);
        // rm -rf: QDir::removeRecursively() took 7-38 s for a run's 9,000-30,000 files. The
        // data in memory (the link `data`, startIn()) too.
        QStringList gone{QStringLiteral("-rf"), dir};
        const QFileInfo data(dir + QStringLiteral("/data"));
        if (data.isSymLink() && data.symLinkTarget().startsWith(QLatin1String("/dev/shm/")))
            gone << data.symLinkTarget();
        QProcess rm;
        rm.start(QStringLiteral("/bin/rm"), gone);
        rm.waitForFinished(120000);
        return !QFileInfo::exists(dir) || QDir(dir).removeRecursively();
    }

    bool running() const { return m_running; }
    bool shared() const { return m_shared; }
    // startIn() keeps the data in memory (/dev/shm) when it can.
    void setDataInMemory(bool on) { m_dataInMemory = on; }
    QString reason() const { return m_reason; }
    int port() const { return m_port; }

    // A new empty database (C.UTF-8, so text sorts as in SQLite) and its URL for --db; with
    // `copyOf` (a database name) a copy of that one, which is faster than migrating a new one.
    // The name is the prefix and a random part: unique among the run's tests. Copied file by
    // file (PostgreSQL 15's default writes every page of the copy to the WAL too: twice the
    // writing, and a run's folder took 17 s to remove).
    QString createDatabase(const QString &prefix = QStringLiteral("t"),
                           const QString &copyOf = QStringLiteral("template0")) {
        const QString name = prefix + QUuid::createUuid().toString(QUuid::Id128).left(12).toLower();
        const bool fileCopy = binDir().section(QLatin1Char('/'), -2, -2).toInt() >= 15;
        if (!admin(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 ENCODING 'UTF8' "
                                  "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'%3")
                       .arg(name, copyOf,
                            fileCopy ? QStringLiteral(" STRATEGY FILE_COPY") : QString())))
            return {};
        return url(name);
    }

    // A new database with the current schema (a copy of the migrated template: the fixture's,
    // or one made at the first call), and its URL; "" with reason() when it cannot be made. It
    // gets an identity of its own (settings database_id, which the migration made once for the
    // template), as a database migrated from zero would: `mikomi merge` tells peers apart by it.
    QString createMigratedDatabase(const QString &prefix = QStringLiteral("t")) {
        if (m_template.isEmpty()) {
            const QString url = createDatabase(QStringLiteral("migrated"));
            if (url.isEmpty())
                return {};
            {
                auto db = mikomi::storage::Database::open(url);
                if (!db.ok()) {
                    m_reason = db.error();
                    return {};
                }
            } // closed: a template must have no connections
            m_template = url.section(QLatin1Char('/'), -1);
        }
        const QString url = createDatabase(prefix, m_template);
        if (url.isEmpty() ||
            !admin(QStringLiteral("UPDATE settings SET value = gen_random_uuid()::text WHERE key = "
                                  "'database_id'"),
                   url.section(QLatin1Char('/'), -1)))
            return {};
        return url;
    }

    // The name of the migrated template ("" before the first createMigratedDatabase()).
    QString templateName() const { return m_template; }

    QString url(const QString &database) const {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
            .arg(QString::fromLatin1(kUser))
            .arg(m_port)
            .arg(database);
    }

    // Runs one statement as the server's superuser in database `database`; false with reason().
    bool admin(const QString &sql, const QString &database = QStringLiteral("postgres")) {
        bool ok = false;
        const QString name = QStringLiteral("pgtest-admin");
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            c.setHostName(QStringLiteral("127.0.0.1"));
            c.setPort(m_port);
            c.setUserName(QString::fromLatin1(kUser));
            c.setPassword(QString::fromLatin1(kPassword));
            c.setDatabaseName(database);
            if (c.open()) {
                QSqlQuery q(c);
                ok = q.exec(sql);
                if (!ok)
                    m_reason = q.lastError().text();
                c.close();
            } else {
                m_reason = c.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    // The fixture's file: where the run's server is, or why there is none.
    bool writeSharedFile(const QString &file, const QString &error = {}) const {
        QSettings ini(file, QSettings::IniFormat);
        if (error.isEmpty()) {
            ini.setValue(QStringLiteral("port"), m_port);
            ini.setValue(QStringLiteral("user"), QString::fromLatin1(kUser));
            ini.setValue(QStringLiteral("template"), m_template);
        } else {
            ini.setValue(QStringLiteral("error"), error);
        }
        ini.sync();
        return ini.status() == QSettings::NoError;
    }

private:
    bool attach(const QString &file) {
        QSettings ini(file, QSettings::IniFormat);
        m_reason = ini.value(QStringLiteral("error")).toString();
        if (!m_reason.isEmpty())
            return false;
        m_port = ini.value(QStringLiteral("port")).toInt();
        m_template = ini.value(QStringLiteral("template")).toString();
        if (m_port <= 0) {
            m_reason = QStringLiteral("%1 names no server port").arg(file);
            return false;
        }
        m_shared = true;
        m_running = true;
        qputenv("PGPASSWORD", kPassword);
        return true;
    }

    bool fail(const QString &why) {
        m_reason = why;
        stop();
        return false;
    }

    bool run(const QString &tool, const QStringList &args) {
        QStringList all = m_prefix;
        all << m_bin + QLatin1Char('/') + tool << args;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_folder.isEmpty() ? QDir::tempPath() : m_folder);
        p.start(all.takeFirst(), all);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            m_reason =
                QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(p.readAll()));
            return false;
        }
        return true;
    }

    static int freePort() {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0)
            return -1;
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        socklen_t len = sizeof a;
        int port = -1;
        if (::bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
            ::getsockname(s, reinterpret_cast<sockaddr *>(&a), &len) == 0)
            port = ntohs(a.sin_port);
        ::close(s);
        return port;
    }

    // A test that crashes (or is interrupted) stops the server before it dies: the stop command
    // is prepared now, and run from the signal handler with fork/execv/waitpid only
    // (async-signal-safe), then the previous handler (Qt Test's) runs.
    struct CrashStop {
        std::vector<std::string> args, rmArgs;
        std::vector<char *> argv, rmArgv;
        struct sigaction previous[32];
        bool armed = false;
    };
    static CrashStop &crashStop() {
        static CrashStop c;
        return c;
    }
    static constexpr int kSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGINT, SIGTERM};

    static void onFatalSignal(int sig) {
        CrashStop &c = crashStop();
        if (c.armed) {
            c.armed = false;
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::execv(c.argv[0], c.argv.data());
                ::_exit(127);
            }
            if (pid > 0)
                ::waitpid(pid, nullptr, 0);
            const pid_t rm = ::fork(); // and its folder
            if (rm == 0) {
                ::execv(c.rmArgv[0], c.rmArgv.data());
                ::_exit(127);
            }
            if (rm > 0)
                ::waitpid(rm, nullptr, 0);
        }
        ::sigaction(sig, &c.previous[sig], nullptr);
        ::raise(sig);
    }

    void armCrashStop() {
        CrashStop &c = crashStop();
        c.args.clear();
        QStringList all = m_prefix;
        all << m_bin + QStringLiteral("/pg_ctl") << QStringLiteral("-D") << m_data
            << QStringLiteral("-m") << QStringLiteral("immediate") << QStringLiteral("-w")
            << QStringLiteral("stop");
        for (const QString &a : all)
            c.args.push_back(QFile::encodeName(a).toStdString());
        c.argv.clear();
        for (std::string &a : c.args)
            c.argv.push_back(a.data());
        c.argv.push_back(nullptr);
        c.rmArgs = {"/bin/rm", "-rf", QFile::encodeName(m_folder).toStdString()};
        c.rmArgv.clear();
        for (std::string &a : c.rmArgs)
            c.rmArgv.push_back(a.data());
        c.rmArgv.push_back(nullptr);
        struct sigaction sa;
        std::memset(&sa, 0, sizeof sa);
        sa.sa_handler = &Server::onFatalSignal;
        sigemptyset(&sa.sa_mask);
        for (int sig : kSignals)
            ::sigaction(sig, &sa, &c.previous[sig]);
        c.armed = true;
    }

    static void disarmCrashStop() {
        CrashStop &c = crashStop();
        if (!c.armed)
            return;
        c.armed = false;
        for (int sig : kSignals)
            ::sigaction(sig, &c.previous[sig], nullptr);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;   // the server's folder: m_dir's, or the fixture's
    QString m_template; // the migrated template database
    QStringList m_prefix;
    QString m_bin;
    QString m_data;
    QString m_reason;
    int m_port = 0;
    bool m_running = false;
    bool m_shared = false; // the run's server (MIKOMI_PG_SERVER), not this object's
    bool m_dataInMemory = false;
};

} // namespace pgtest
