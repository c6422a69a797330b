#pragma once

#include <QString>

// The log file: every message of the process (mikomi.* categories and Qt's own warnings) with its
// time, level and category, appended to mikomi.log in the app data folder
// (QStandardPaths::AppDataLocation/logs). At 1 MB it moves to mikomi.log.1 (one older file kept),
// so the log never grows without bound. Messages still go to stderr as before.
namespace mikomi::applog {

// The folder the log lives in (created with the first message).
QString folder();
// The current log file.
QString filePath();
// Installs the message handler (once per process; later calls do nothing). `maxBytes`: size at
// which the file is rotated. False when there is no app data folder (then only stderr).
bool install(qint64 maxBytes = 1024 * 1024);

} // namespace mikomi::applog
