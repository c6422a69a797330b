#include "models/applog.h"
#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "ui/mainwindow.h"
#include "ui/page.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

using namespace mikomi;

namespace {

// Closes whatever modal dialog or popup menu is open, so that exec() returns: the test triggers
// an action, the action opens a dialog, and this closes it from inside the dialog's event loop.
// Before closing a dialog it switches the language there and back, so the dialog's own
// retranslation runs too. It remembers what it closed.
class ModalCloser final : public QObject {
public:
    explicit ModalCloser(LanguageManager &language)
        : m_language(language) {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, &ModalCloser::closeOne);
        m_timer.start();
    }
    QStringList seen() const { return m_seen; }
    QSet<QString> classes() const { return m_classes; }

private:
    void closeOne() {
        if (m_busy)
            return;
        m_busy = true;
        if (QWidget *popup = QApplication::activePopupWidget()) {
            popup->close();
        } else if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            const QString name = QString::fromLatin1(dialog->metaObject()->className());
            m_seen.append(name + QStringLiteral(" \"") + dialog->windowTitle() +
                          QStringLiteral("\""));
            const QString lang = m_language.language();
            // The first dialog of each kind in each language is retranslated there and back
            // (the whole window with it, which takes a moment).
            if (!m_classes.contains(name + lang)) {
                if (const QString dir = qEnvironmentVariable("MIKOMI_SHOTS"); !dir.isEmpty()) {
                    QDir().mkpath(dir);
                    const QString file = QStringLiteral("dialog_%1_%2.png")
                                             .arg(name.split(QStringLiteral("::")).last(), lang);
                    if (!dialog->grab().save(QDir(dir).filePath(file)))
                        qWarning("Could not save %s", qPrintable(file));
                }
                m_language.apply(lang == QLatin1String("ja") ? QStringLiteral("en")
                                                             : QStringLiteral("ja"));
                QCoreApplication::processEvents();
                m_language.apply(lang);
                QCoreApplication::processEvents();
            }
            m_classes.insert(name);
            m_classes.insert(name + lang);
            QPointer<QDialog> guard(dialog);
            if (guard)
                guard->reject();
        }
        m_busy = false;
    }

    LanguageManager &m_language;
    QTimer m_timer;
    bool m_busy = false;
    QStringList m_seen;
    QSet<QString> m_classes;
};

void collectActions(QMenu *menu, QList<QPointer<QAction>> &out) {
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        if (a->menu())
            collectActions(a->menu(), out);
        else
            out.append(a);
    }
}

} // namespace

// Opens a demo database in the main window and, in Japanese and in English (switched at runtime
// from the Language menu), triggers every action of every menu and presses every button of every
// page (every tab of it), closing each dialog that opens. A crash anywhere fails the test.
class TestEveryAction final : public QObject {
    Q_OBJECT
public slots:
    // Help > Open Log Folder hands the folder to the desktop: caught here instead.
    void openUrl(const QUrl &url) { m_opened.append(url); }

private:
    QList<QUrl> m_opened;
    QTemporaryDir m_dir;
    QString m_path;

    // Presses every visible, enabled button of `page` once; a button with a menu has each of
    // its menu's actions triggered instead.
    static int pressButtons(QWidget *page, QSet<QAbstractButton *> &done) {
        int pressed = 0;
        QList<QPointer<QAbstractButton>> buttons;
        for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
            if (done.contains(b) || !b->isVisible() || !b->isEnabled())
                continue;
            if (qobject_cast<QCheckBox *>(b) || qobject_cast<QRadioButton *>(b) ||
                qobject_cast<QTabBar *>(b->parentWidget()) || b->inherits("QTableCornerButton"))
                continue;
            buttons.append(b);
        }
        for (const QPointer<QAbstractButton> &b : buttons) {
            if (!b || !b->isVisible() || !b->isEnabled())
                continue;
            done.insert(b);
            QMenu *menu = nullptr;
            if (auto *pb = qobject_cast<QPushButton *>(b.data()))
                menu = pb->menu();
            else if (auto *tb = qobject_cast<QToolButton *>(b.data()))
                menu = tb->menu();
            if (menu) {
                QList<QPointer<QAction>> actions;
                collectActions(menu, actions);
                for (const QPointer<QAction> &a : actions) {
                    if (a && a->isEnabled())
                        a->trigger();
                    QCoreApplication::processEvents();
                }
            } else {
                b->click();
                QCoreApplication::processEvents();
            }
            ++pressed;
        }
        return pressed;
    }

    static int exercisePage(QWidget *page) {
        QSet<QAbstractButton *> done;
        int pressed = pressButtons(page, done);
        const QList<QTabWidget *> tabs = page->findChildren<QTabWidget *>();
        for (QTabWidget *t : tabs) {
            QPointer<QTabWidget> tab(t);
            for (int i = 0; tab && i < tab->count(); ++i) {
                tab->setCurrentIndex(i);
                QCoreApplication::processEvents();
                pressed += pressButtons(page, done);
            }
            if (tab)
                tab->setCurrentIndex(0);
        }
        return pressed;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        m_path = m_dir.filePath(QStringLiteral("every.mikomi"));
        auto db = storage::Database::open(m_path);
        QVERIFY(db.ok());
        auto n = services::writeDemo(**db, 200, 3, QDate(2026, 11, 1));
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error()));
    }

    void everyMenuActionAndPageButtonInBothLanguages() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(m_path).ok());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ModalCloser closer(language);
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
        const auto unset =
            qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); });

        QList<QPointer<QAction>> all;
        for (QAction *top : w.menuBar()->actions()) {
            if (top->menu())
                collectActions(top->menu(), all);
        }
        QPointer<QAction> japanese;
        QPointer<QAction> english;
        QList<QPointer<QAction>> actions;
        const QString recent = QDir::toNativeSeparators(m_path);
        for (const QPointer<QAction> &a : std::as_const(all)) {
            if (a->text() == QStringLiteral("日本語"))
                japanese = a;
            else if (a->text() == QStringLiteral("English"))
                english = a;
            else if (a->menuRole() == QAction::QuitRole || a->text() == recent)
                continue; // quitting, or opening the database again over the test's
            else
                actions.append(a);
        }
        QVERIFY(japanese && english);
        QVERIFY2(actions.size() >= 10, qPrintable(QString::number(actions.size())));

        QElapsedTimer clock;
        clock.start();
        for (const QPointer<QAction> &lang : {japanese, english}) {
            lang->trigger(); // the Language menu, as a user switches at runtime
            QCoreApplication::processEvents();
            QCOMPARE(language.language(),
                     lang == japanese ? QStringLiteral("ja") : QStringLiteral("en"));
            int triggered = 0;
            for (const QPointer<QAction> &a : std::as_const(actions)) {
                if (!a || !a->isEnabled())
                    continue;
                a->trigger();
                QCoreApplication::processEvents();
                ++triggered;
            }
            QVERIFY(triggered >= 10);
            qInfo("%s: %d menu actions (%lld ms)", qPrintable(language.language()), triggered,
                  clock.restart());
            for (int i = 0; i < w.pages().size(); ++i) {
                w.showPage(i);
                QCoreApplication::processEvents();
                QTRY_VERIFY(!w.pages().at(i)->loading()); // read in the background
                const int pressed = exercisePage(w.pages().at(i));
                qInfo("%s page %d: %d buttons (%lld ms)", qPrintable(language.language()), i,
                      pressed, clock.restart());
            }
            w.showPage(0);
        }

        // Help > Open Log Folder opened the folder the log file is written to.
        QVERIFY(m_opened.contains(QUrl::fromLocalFile(applog::folder())));
        // Nothing replaced the test's database.
        QVERIFY(w.database());
        QCOMPARE(w.database()->path(), m_path);
        qInfo("%s", qPrintable(closer.seen().join(u'\n')));
        // The dialogs a user reaches from the menus and the pages were really opened.
        const QSet<QString> classes = closer.classes();
        for (const char *name : {"mikomi::ui::SettingsDialog", "mikomi::ui::ScoringDialog",
                                 "mikomi::ui::PipelineRulesDialog", "mikomi::ui::ImportWizard",
                                 "mikomi::ui::LeadEditor", "mikomi::ui::CardEntryDialog",
                                 "mikomi::ui::DuplicatesDialog", "QFileDialog", "QMessageBox"})
            QVERIFY2(classes.contains(QString::fromLatin1(name)), name);
    }

    // Ctrl+N makes a new lead from any page (File > New Database is Ctrl+Shift+N), Ctrl+E
    // exports while the search box has focus, and a double-clicked kanban card opens the lead
    // editor from the Pipeline page.
    void shortcutsAndOpeningALeadFromThePipeline() {
        LanguageManager language;
        QVERIFY(language.apply(QStringLiteral("en")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(m_path).ok());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        ModalCloser closer(language);

        const auto opened = [&closer](const char *cls) {
            return int(closer.seen().filter(QString::fromLatin1(cls)).size());
        };
        for (int page : {0, 1, 3}) {
            w.showPage(page);
            QCoreApplication::processEvents();
            QWidget *focus = w.pages().at(page)->findChildren<QAbstractItemView *>().value(0);
            QVERIFY(focus);
            QApplication::setActiveWindow(&w); // again, after the last dialog closed
            focus->setFocus();
            const int before = opened("LeadEditor");
            QTest::keyClick(focus, Qt::Key_N, Qt::ControlModifier);
            QCOMPARE(opened("LeadEditor"), before + 1);
        }
        QVERIFY(!closer.seen().join(u'|').contains(QStringLiteral("New Database")));

        w.showPage(0);
        QCoreApplication::processEvents();
        auto *search = w.pages().at(0)->findChild<QLineEdit *>();
        QVERIFY(search);
        QApplication::setActiveWindow(&w);
        search->setFocus();
        QTest::keyClick(search, Qt::Key_E, Qt::ControlModifier);
        QVERIFY2(closer.seen().join(u'|').contains(QStringLiteral("QDialog \"Export\"")),
                 qPrintable(closer.seen().join(u'|')));

        // Pipeline: double-click a card, the lead editor opens on that lead.
        w.showPage(1);
        QCoreApplication::processEvents();
        auto *column = w.pages().at(1)->findChild<QListView *>(QStringLiteral("column0"));
        QVERIFY(column && column->model()->rowCount() > 0);
        const QRect card = column->visualRect(column->model()->index(0, 0));
        const int before = opened("LeadEditor");
        QTest::mouseClick(column->viewport(), Qt::LeftButton, {}, card.center());
        QTest::mouseDClick(column->viewport(), Qt::LeftButton, {}, card.center());
        QCOMPARE(opened("LeadEditor"), before + 1);
        QVERIFY2(!closer.seen().last().contains(QStringLiteral("New lead")),
                 qPrintable(closer.seen().last()));
    }
};

QTEST_MAIN(TestEveryAction)
#include "tst_everyaction.moc"
