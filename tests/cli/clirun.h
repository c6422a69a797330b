#pragma once

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// The built `mikomi` executable as a script runs it: exit code, stdout for data, stderr for
// messages. The user's MIKOMI_DB and settings are kept out.
namespace clitest {

struct Run {
    int code = -1;
    QByteArray out;
    QString err;
};

inline Run mikomi(const QStringList &args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MIKOMI_DB"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MIKOMI_EXE), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace clitest
