#pragma once

#include <QStringList>

namespace mikomi::cli {

// True when the arguments name a subcommand (run without a display).
bool isCommand(const QStringList &args);
// True for a command that paints (`report … --format pdf`): it needs a QApplication, on the
// offscreen platform when there is no display.
bool needsGui(const QStringList &args);
// The command-line subcommands of cli.md. Returns the process exit code: 0 success, 1 bad
// input or data problem, 2 usage error. Needs a QCoreApplication.
int run(const QStringList &args);

} // namespace mikomi::cli
