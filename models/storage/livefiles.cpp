#include "models/storage/livefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

// Also part of the rule: the native sqlite3 API (BulkWriter, services/reportloader) only runs
// statements on the handle of a Qt connection and never calls sqlite3_open() itself, and it is
// only built where Qt's SQLite plugin uses the same system library (models/CMakeLists.txt): two
// copies of SQLite in one process would keep two lock tables, and one's close() would drop the
// other's locks. Qt's file dialogs go through ui/filedialogs.h, whose icon provider does not read
// the files it lists (QMimeDatabase content sniffing open()s and close()s them).

namespace mikomi::storage {

namespace {

struct FileId {
    QString path; // absolute, cleaned; canonical when the file exists
    quint64 device = 0;
    quint64 inode = 0;
    bool hasInode = false;

    bool sameFile(const FileId &o) const {
        if (hasInode && o.hasInode)
            return device == o.device && inode == o.inode;
        return path == o.path;
    }
};

FileId idOf(const QString &path) {
    FileId id;
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath(); // "" when missing
    id.path = canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        id.device = quint64(st.st_dev);
        id.inode = quint64(st.st_ino);
        id.hasInode = true;
    }
#endif
    return id;
}

} // namespace

class LiveFiles::Handle {
public:
    FileId id;
    bool verified = false;
    bool checking = false;
    // Commits by this process's connections to the file, shared by all their handles.
    std::shared_ptr<std::atomic<quint64>> commits;
    ~Handle();
};

namespace {

std::mutex &registryMutex() {
    static std::mutex m;
    return m;
}

// Every registration (one per live connection). Guarded by registryMutex().
std::condition_variable &checkDone() {
    static std::condition_variable c;
    return c;
}

std::vector<LiveFiles::Handle *> &registry() {
    static std::vector<LiveFiles::Handle *> r;
    return r;
}

LiveFiles::Handle *findLocked(const FileId &id) {
    for (LiveFiles::Handle *h : registry())
        if (h->id.sameFile(id) || h->id.path == id.path)
            return h;
    return nullptr;
}

} // namespace

LiveFiles::Handle::~Handle() {
    {
        std::lock_guard lock(registryMutex());
        std::erase(registry(), this);
    }
    checkDone().notify_all();
}

LiveFiles::Opening LiveFiles::open(const QString &path) {
    Opening o;
    auto handle = std::make_shared<Handle>();
    handle->id = idOf(path);
    std::lock_guard lock(registryMutex());
    const Handle *other = findLocked(handle->id);
    const QFileInfo info(path); // stat() only
    o.exists = info.exists();
    o.size = o.exists ? info.size() : 0;
    if (other) {
        o.verified = other->verified;
        handle->verified = other->verified;
        handle->commits = other->commits;
    } else {
        handle->commits = std::make_shared<std::atomic<quint64>>(0);
        o.first = true;
        // Safe: no connection of this process has the file, and none can start before we
        // register (they take this lock first).
        if (o.exists && o.size > 0 && info.isFile()) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                o.header = f.read(100);
        }
    }
    registry().push_back(handle.get());
    o.handle = std::move(handle);
    return o;
}

void LiveFiles::noteCommit(const Handle &handle) {
    handle.commits->fetch_add(1, std::memory_order_relaxed);
}

quint64 LiveFiles::commits(const Handle &handle) {
    return handle.commits->load(std::memory_order_relaxed);
}

bool LiveFiles::isLive(const QString &path) {
    QString base = path;
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (path.endsWith(QLatin1String(suffix))) {
            base.chop(int(qstrlen(suffix)));
            break;
        }
    }
    const FileId id = idOf(base);
    std::lock_guard lock(registryMutex());
    if (findLocked(id))
        return true;
    if (base != path) {
        const FileId self = idOf(path);
        return findLocked(self) != nullptr;
    }
    return false;
}

void LiveFiles::markVerified(const Handle &handle) {
    std::lock_guard lock(registryMutex());
    for (Handle *h : registry())
        if (h->id.sameFile(handle.id) || h->id.path == handle.id.path)
            h->verified = true;
}

bool LiveFiles::beginCheck(const Handle &handle) {
    std::unique_lock lock(registryMutex());
    const auto state = [&](bool Handle::*flag) {
        for (Handle *h : registry())
            if ((h->id.sameFile(handle.id) || h->id.path == handle.id.path) && h->*flag)
                return true;
        return false;
    };
    checkDone().wait(lock, [&] { return !state(&Handle::checking); });
    if (state(&Handle::verified))
        return false;
    const_cast<Handle &>(handle).checking = true;
    return true;
}

void LiveFiles::endCheck(const Handle &handle, bool ok) {
    {
        std::lock_guard lock(registryMutex());
        const_cast<Handle &>(handle).checking = false;
        if (ok)
            for (Handle *h : registry())
                if (h->id.sameFile(handle.id) || h->id.path == handle.id.path)
                    h->verified = true;
    }
    checkDone().notify_all();
}

void LiveFiles::refresh(Handle &handle) {
    FileId id = idOf(handle.id.path);
    std::lock_guard lock(registryMutex());
    handle.id = std::move(id);
}

Status LiveFiles::refuseLiveDatabase(const QString &path) {
    if (!isLive(path))
        return {};
    return Error{QCoreApplication::translate(
                     "mikomi::storage::LiveFiles",
                     "%1 is the database Mikomi has open. Choose another file; the database was "
                     "not changed.")
                     .arg(QDir::toNativeSeparators(path)),
                 ErrorKind::Other};
}

} // namespace mikomi::storage
