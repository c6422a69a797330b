// The ctest fixture `pgserver` (cmake/MikomiLibrary.cmake, mikomi_use_pgserver): one throwaway
// PostgreSQL server for every server test of a run, instead of one per test (tests/storage/
// pgserver.h).
//
//   pgtestserver setup DIR     stops a server a killed run left in DIR and removes it, then
//                              initdb's and starts a server in DIR/data on 127.0.0.1 (a free
//                              port), migrates the template database every test copies, and
//                              writes DIR/server.ini (port, user, template) for the tests
//                              (MIKOMI_PG_SERVER). Without PostgreSQL it writes why instead and
//                              succeeds: each test then skips, saying why.
//   pgtestserver cleanup DIR   stops the server and removes DIR (ctest runs it even when tests
//                              failed).

#include "tests/storage/pgserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>

namespace {

int fail(const QString &what) {
    std::fprintf(stderr, "pgtestserver: %s\n", qPrintable(what));
    return 1;
}

int setup(const QString &dir) {
    QElapsedTimer t;
    t.start();
    if (!pgtest::Server::stopFolder(dir))
        return fail(QStringLiteral("cannot remove the old %1").arg(dir));
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot make %1").arg(dir));
    const QString file = QDir(dir).filePath(QStringLiteral("server.ini"));
    pgtest::Server server;
    if (pgtest::Server::binDir().isEmpty() ||
        !QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        // Not installed: the tests skip, each saying why (start() gives them this reason).
        server.startIn(dir);
        std::printf("pgtestserver: no server: %s\n", qPrintable(server.reason()));
        return server.writeSharedFile(file, server.reason()) ? 0 : fail(file);
    }
    server.setDataInMemory(true);
    if (!server.startIn(dir)) {
        server.writeSharedFile(file, server.reason());
        return fail(server.reason());
    }
    const QString url = server.createMigratedDatabase(QStringLiteral("migrated"));
    if (url.isEmpty()) {
        const QString why = server.reason();
        server.stop();
        pgtest::Server::stopFolder(dir);
        return fail(QStringLiteral("the template database: ") + why);
    }
    if (!server.writeSharedFile(file)) {
        server.stop();
        pgtest::Server::stopFolder(dir);
        return fail(QStringLiteral("cannot write ") + file);
    }
    server.release(); // keeps running for the tests
    std::printf("pgtestserver: PostgreSQL on 127.0.0.1:%d, template %s, in %s (%lld ms)\n",
                server.port(), qPrintable(server.templateName()), qPrintable(dir),
                static_cast<long long>(t.elapsed()));
    return 0;
}

int cleanup(const QString &dir) {
    QElapsedTimer t;
    t.start();
    pgtest::Server::stopServerIn(dir);
    const qint64 stopped = t.elapsed();
    if (!pgtest::Server::stopFolder(dir))
        return fail(QStringLiteral("cannot remove %1").arg(dir));
    std::printf("pgtestserver: stopped (%lld ms) and removed %s (%lld ms)\n",
                static_cast<long long>(stopped), qPrintable(dir),
                static_cast<long long>(t.elapsed() - stopped));
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 ||
        (args.at(1) != QLatin1String("setup") && args.at(1) != QLatin1String("cleanup")))
        return fail(QStringLiteral("usage: pgtestserver setup|cleanup DIR"));
    const QString dir = QDir(args.at(2)).absolutePath();
    return args.at(1) == QLatin1String("setup") ? setup(dir) : cleanup(dir);
}
