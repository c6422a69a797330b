#include "app/cli.h"
#include "app/startup.h"
#include "models/applog.h"
#include "models/appsettings.h"
#include "models/language.h"
#include "ui/mainwindow.h"
#include "version.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace mikomi;

namespace {

QStringList argumentsOf(int argc, char **argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

// On Linux without X11/Wayland, say what to do instead of Qt's platform-plugin error.
bool hasDisplay() {
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

} // namespace

int main(int argc, char **argv) {
#ifdef __GLIBC__
    // glibc gives freed heap back to the system at once by default; SQLite's page cache then
    // grows and shrinks the heap thousands of times during a large import (measured: half the
    // time of `mikomi demo` went to brk()). Keep up to 256 MB before trimming.
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TOP_PAD, 16 * 1024 * 1024);
#endif
    QCoreApplication::setOrganizationName(QStringLiteral("Mikomi"));
    QCoreApplication::setApplicationName(QStringLiteral("Mikomi"));
    // "0.1.0 (1a2b3c4d5e)": the release and the commit it was built from (--version, About).
    QCoreApplication::setApplicationVersion(QStringLiteral(MIKOMI_VERSION " (" MIKOMI_COMMIT ")"));
    const QStringList args = argumentsOf(argc, argv);
    applog::install(); // Help > Open Log Folder

    if (cli::isCommand(args) && cli::needsGui(args)) {
        // The PDF report draws Qt Charts (QGraphicsWidgets): a QApplication, without a display
        // on the offscreen platform.
        if (!hasDisplay())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return cli::run(app.arguments());
    }
    if (cli::isCommand(args) || !hasDisplay()) {
        QCoreApplication app(argc, argv);
        if (cli::isCommand(args))
            return cli::run(app.arguments());
        LanguageManager language;
        language.apply(startup::language(startup::parseGlobal(args)));
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(QCoreApplication::translate(
                         "mikomi::startup::Startup",
                         "Mikomi needs a display to open its window, and none was found "
                         "(DISPLAY and WAYLAND_DISPLAY are empty).\nRun it under a "
                         "virtual display:  xvfb-run -a mikomi\nor without a visible "
                         "window:  QT_QPA_PLATFORM=offscreen mikomi\nCommands such as "
                         "'mikomi report sources' need no display.")));
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mikomi.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("mikomi"));
    const startup::GlobalOptions global = startup::parseGlobal(args);
    LanguageManager language;
    language.apply(startup::language(global));
    if (!global.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(global.error));
        return 2;
    }
    QString path = startup::databasePath(global);
    if (global.db.isEmpty() && qEnvironmentVariableIsEmpty("MIKOMI_DB") &&
        !AppSettings().lastDatabase().isEmpty())
        path = AppSettings().lastDatabase();

    ui::MainWindow window(&language);
    if (Status s = window.openDatabase(path); !s)
        QMessageBox::warning(
            &window,
            QCoreApplication::translate("mikomi::startup::Startup", "Cannot open the database"),
            s.error());
    window.show();
    return app.exec();
}
