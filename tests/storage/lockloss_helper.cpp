// A stand-in for the Mikomi window, for tst_lockloss: opens a database the way the app does
// (the main connection, then the search indexer's own connection on a worker thread), waits for
// "go" on stdin (meanwhile the test lets another process read the file), then stores leads one
// committed transaction at a time and prints how many there are. The test then kills it with
// SIGKILL and checks that every committed lead is in the file.
//
//   lockloss_helper write FILE N   as above
//   lockloss_helper read FILE      another process reading the file (prints the lead count)

#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/searchindex.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

int fail(const QString &message) {
    QTextStream(stderr) << message << Qt::endl;
    return 1;
}

int read(const QString &path) {
    auto db = Database::open(path);
    if (!db)
        return fail(db.error());
    auto n = LeadRepository(**db).count();
    if (!n)
        return fail(n.error());
    QTextStream(stdout) << *n << Qt::endl;
    return 0;
}

int write(const QString &path, int rows) {
    auto db = Database::open(path);
    if (!db)
        return fail(db.error());
    // The window reads at once (the lead count, the first page of the list).
    if (auto n = LeadRepository(**db).count(); !n)
        return fail(n.error());
    // What ui/searchindexer.cpp does when the window opens a file: its own connection on a
    // worker thread, closed again when the index is complete.
    QString indexerError;
    std::unique_ptr<QThread> indexer(QThread::create([&] {
        auto own = Database::open(path);
        if (!own) {
            indexerError = own.error();
            return;
        }
        if (Status s = (*own)->verify(); !s) {
            indexerError = s.error();
            return;
        }
        auto pending = SearchIndex(**own).pending();
        if (!pending)
            indexerError = pending.error();
    }));
    indexer->start();
    indexer->wait();
    if (!indexerError.isEmpty())
        return fail(indexerError);

    QTextStream out(stdout);
    out << "ready" << Qt::endl;
    char line[64];
    if (!std::fgets(line, sizeof line, stdin))
        return fail(QStringLiteral("no go"));

    LeadRepository leads(**db);
    for (int i = 0; i < rows; ++i) {
        Lead l;
        l.company = QStringLiteral("Booth %1").arg(i);
        l.familyName = QStringLiteral("山田");
        if (auto r = leads.insert(l); !r)
            return fail(r.error());
    }
    auto n = leads.count();
    if (!n)
        return fail(n.error());
    out << "committed " << *n << Qt::endl;
    // Stay alive with the connection open until killed, as the window would.
    if (!std::fgets(line, sizeof line, stdin))
        return 0;
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("read"))
        return read(args.at(2));
    if (args.size() == 4 && args.at(1) == QLatin1String("write"))
        return write(args.at(2), args.at(3).toInt());
    return fail(QStringLiteral("usage: lockloss_helper write FILE N | read FILE"));
}
