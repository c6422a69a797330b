#pragma once

// The subcommands of cli.md, one file each (cmd_*.cpp), and what they share.

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace mikomi::cli {

enum Exit { Ok = 0, DataError = 1, UsageError = 2 };

// lupdate files tr() calls in this namespace under the context "mikomi::cli"; translate with the
// same context so the Japanese is found.
inline QString tr(const char *s) {
    return QCoreApplication::translate("mikomi::cli", s);
}

// stdout (what scripts read) and stderr (messages), UTF-8.
QTextStream &out();
QTextStream &err();
// Prints `message` to stderr and returns `code`.
int fail(int code, const QString &message);

// Adds the global --db/--lang options and parses strictly; false with `error` on a usage error.
bool parseStrict(QCommandLineParser &p, const QStringList &args, QString *error);
// Opens the database named by --db / MIKOMI_DB / the default, migrating it when older.
Result<std::unique_ptr<storage::Database>> openDatabase(const QStringList &args);

int runDemo(const QStringList &args);
// After a bulk write on a team server: makes the search index it left pending (cmd_import.cpp).
void makePendingServerSearchIndex(storage::Database &db);
int runSources(const QStringList &args); // cmd_sources.cpp
int runImport(const QStringList &args);  // cmd_import.cpp
int runExport(const QStringList &args);  // cmd_import.cpp
int runReport(const QStringList &args);  // cmd_report.cpp
int runBudget(const QStringList &args);  // cmd_report.cpp
int runPlan(const QStringList &args);    // cmd_report.cpp
int runPerson(const QStringList &args);  // cmd_person.cpp
int runMerge(const QStringList &args);   // cmd_merge.cpp
int runScan(const QStringList &args);    // cmd_scan.cpp

} // namespace mikomi::cli
