#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The program as a user installs it: `mikomi --version`, and what `cmake --install` lays out
// (binary, desktop entry, AppStream metainfo, hicolor icons) — the contents of the .deb.
class TestInstall final : public QObject {
    Q_OBJECT
private:
    static QProcess *run(const QString &program, const QStringList &args, QObject *parent) {
        auto *p = new QProcess(parent);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("MIKOMI_DB"));
        p->setProcessEnvironment(env);
        p->start(program, args);
        p->waitForFinished(120000);
        return p;
    }

private slots:
    void versionNamesReleaseAndCommit() {
        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("MIKOMI_DB"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MIKOMI_EXE), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        // "mikomi 0.1.0 (1a2b3c4d5e)", "-modified" for a build of uncommitted changes.
        static const QRegularExpression re(
            QStringLiteral("^mikomi %1 \\(([0-9a-f]{7,40}(-modified)?|unknown)\\)$")
                .arg(QRegularExpression::escape(QStringLiteral(MIKOMI_VERSION))));
        QVERIFY2(re.match(out).hasMatch(), qPrintable(out));
        // Asking for the version opens no database.
        QVERIFY(QDir(home.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }

    void installLaysOutDesktopFiles() {
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        QProcess p;
        p.start(QStringLiteral(CMAKE_COMMAND),
                {QStringLiteral("--install"), QStringLiteral(MIKOMI_BUILD_DIR),
                 QStringLiteral("--prefix"), prefix.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QDir root(prefix.path());
        const QString id = QStringLiteral("io.github.mikomi.Mikomi");
        const QStringList expected{
            QStringLiteral("bin/mikomi"),
            QStringLiteral("share/applications/%1.desktop").arg(id),
            QStringLiteral("share/metainfo/%1.metainfo.xml").arg(id),
            QStringLiteral("share/icons/hicolor/scalable/apps/mikomi.svg"),
            QStringLiteral("share/icons/hicolor/16x16/apps/mikomi.png"),
            QStringLiteral("share/icons/hicolor/48x48/apps/mikomi.png"),
            QStringLiteral("share/icons/hicolor/256x256/apps/mikomi.png"),
            QStringLiteral("share/icons/hicolor/512x512/apps/mikomi.png"),
            QStringLiteral("share/doc/mikomi/copyright"),
        };
        for (const QString &f : expected)
            QVERIFY2(QFile::exists(root.filePath(f)), qPrintable(f));
        QVERIFY(QFileInfo(root.filePath(QStringLiteral("bin/mikomi"))).isExecutable());

        // The desktop entry starts the installed program and names an icon that is installed.
        QFile desktop(root.filePath(expected.at(1)));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(desktop.readAll());
        QVERIFY(entry.contains(QStringLiteral("\nExec=mikomi %F\n")));
        QVERIFY(entry.contains(QStringLiteral("\nIcon=mikomi\n")));
        QVERIFY(entry.contains(QStringLiteral("\nName[ja]=見込み\n")));

        // The validators of the freedesktop tools, where they are installed (Debian:
        // desktop-file-utils, appstream); ./dev.sh test installs both.
        if (const QString v =
                QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
            !v.isEmpty()) {
            std::unique_ptr<QProcess> d(run(v, {root.filePath(expected.at(1))}, nullptr));
            QVERIFY2(d->exitCode() == 0, d->readAllStandardOutput().constData());
        }
        if (const QString v = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
            !v.isEmpty()) {
            std::unique_ptr<QProcess> a(run(v,
                                            {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                             root.filePath(expected.at(2))},
                                            nullptr));
            QVERIFY2(a->exitCode() == 0, a->readAllStandardOutput().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
