#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace mikomi::storage {

// The process-wide list of database files that have a live SQLite connection in this process.
//
// Why: SQLite's locks on a database file are POSIX advisory locks, and those belong to the
// process, not to a file descriptor. When anything in the process open()s the database file and
// close()s it again (a QFile reading the header, QFile::copy for a backup, QSaveFile or a PDF
// writer pointed at it), the kernel drops ALL the process's locks on that file. Another program
// (`mikomi report`, the sqlite3 shell) then believes it is the last user, checkpoints and deletes
// the -wal, and every change this process commits afterwards goes into a deleted file: lost at
// the next crash. A second SQLite connection in the same process is safe (SQLite shares one lock
// table per file and defers closing descriptors while locks are held); any other access is not.
//
// The rule: the database file is touched only through SQLite while it is live. Every file-level
// look at a database path (the header probe, a backup, a user-chosen import or export path) goes
// through this file, which refuses or skips the access while a connection is live.
class LiveFiles final {
public:
    // One registration of a file as live; dropping it (after closing the connection) ends it.
    class Handle;

    struct Opening {
        std::shared_ptr<Handle> handle;
        // True when no other connection of this process has the file: the header was probed.
        bool first = false;
        // The file exists (and, when `first`, its first 100 bytes are in `header`).
        bool exists = false;
        qint64 size = 0;
        QByteArray header;
        // When not `first`: a connection of this process has already checked the file.
        bool verified = false;
    };

    // Registers `path` as live before its connection is opened. When it was not live yet, reads
    // the header under the registry's lock, so no other thread can open a connection on the file
    // between the probe and the registration. Never opens the file when it is already live.
    static Opening open(const QString &path);

    // The file (identified by device and inode, or by its canonical path) has a live connection
    // in this process. Also true for its -wal, -shm and -journal files.
    static bool isLive(const QString &path);

    // Notes that a connection checked the file (quick_check passed, it is a Mikomi database), so
    // further connections of this process need not check it again.
    static void markVerified(const Handle &handle);
    // For the check of a large file, run once per file by whichever connection needs it first:
    // true = the caller runs it now and must call endCheck(); false = already verified. Waits
    // while another connection of this process is checking the same file.
    static bool beginCheck(const Handle &handle);
    static void endCheck(const Handle &handle, bool ok);
    // Counts a commit by one of this process's connections to the file (Database::noteCommit).
    static void noteCommit(const Handle &handle);
    // How many commits this process's connections to the file have made.
    static quint64 commits(const Handle &handle);
    // Re-reads the device and inode after SQLite created the file.
    static void refresh(Handle &handle);

    // For a file a user chose to import from or export to: an Error when it is a live database
    // of this process (reading it would drop the locks; writing it would destroy it).
    static Status refuseLiveDatabase(const QString &path);
};

} // namespace mikomi::storage
