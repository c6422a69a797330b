#include "models/applog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>

#include <cstdio>

namespace mikomi::applog {
namespace {

QMutex g_lock;
QtMessageHandler g_previous = nullptr;
qint64 g_maxBytes = 1024 * 1024;
bool g_installed = false;

const char *levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void append(const QByteArray &line) {
    const QMutexLocker locker(&g_lock);
    const QString path = filePath();
    // Made with the first line, not at start: `mikomi --version` leaves no trace in the home.
    if (!QFileInfo::exists(folder()) && !QDir().mkpath(folder()))
        return;
    if (QFileInfo(path).size() + line.size() > g_maxBytes) {
        const QString older = path + QStringLiteral(".1");
        QFile::remove(older);
        QFile::rename(path, older);
    }
    QFile f(path);
    if (f.open(QIODevice::Append | QIODevice::WriteOnly))
        f.write(line);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QByteArray line =
        QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8() + ' ' + levelName(type) +
        ' ' + (context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    append(line);
    if (g_previous)
        g_previous(type, context, message);
    else
        std::fputs(qUtf8Printable(qFormatLogMessage(type, context, message) + u'\n'), stderr);
}

} // namespace

QString folder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/logs");
}

QString filePath() {
    return folder() + QStringLiteral("/mikomi.log");
}

bool install(qint64 maxBytes) {
    if (g_installed)
        return true;
    if (folder().isEmpty() || folder() == QStringLiteral("/logs"))
        return false; // no writable app data location
    g_maxBytes = maxBytes;
    g_installed = true;
    g_previous = qInstallMessageHandler(handler);
    return true;
}

} // namespace mikomi::applog
