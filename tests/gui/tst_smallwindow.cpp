#include "models/language.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "ui/mainwindow.h"
#include "ui/page.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;

namespace {

// True when `w` is a part of a compound widget (a spin box's buttons, an item view's header).
bool isInternal(const QWidget *w, const QWidget *page) {
    for (const QWidget *p = w->parentWidget(); p && p != page; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractItemView *>(p) ||
            qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p) ||
            qobject_cast<const QTabBar *>(p) || qobject_cast<const QScrollBar *>(p))
            return true;
    }
    return false;
}

// Where `w` is cut off on the left or right by one of its ancestors (the window included);
// empty when it is wholly visible across. (Cut off at the bottom is fine: pages scroll down.)
QString clippedAcross(const QWidget *w) {
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        const QRect r(w->mapTo(p, QPoint(0, 0)), w->size());
        if (r.left() < 0 || r.right() >= p->width())
            return QStringLiteral("%1 \"%2\" spans x %3..%4 in %5 of width %6")
                .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                .arg(r.left())
                .arg(r.right())
                .arg(QString::fromLatin1(p->metaObject()->className()))
                .arg(p->width());
        if (p->isWindow())
            break;
    }
    return {};
}

} // namespace

// The window fits a 1024×700 screen (a booth laptop at 125 %): it can be made that small, and
// on every page, in both languages, every control (buttons, filters, counts, the kanban
// columns) is wholly visible across without scrolling sideways.
class TestSmallWindow final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

    static void shoot(QWidget &w, const QString &name) {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

    void checkPages(ui::MainWindow &w, const QString &lang) {
        for (int i = 0; i < w.pages().size(); ++i) {
            w.showPage(i);
            QCoreApplication::processEvents();
            QTRY_VERIFY(!w.pages().at(i)->loading()); // read in the background
            QCOMPARE(w.width(), 1024);
            QWidget *page = w.pages().at(i);
            QList<QWidget *> tabPages{page};
            for (QTabWidget *t : page->findChildren<QTabWidget *>()) {
                for (int k = 0; k < t->count(); ++k) {
                    t->setCurrentIndex(k);
                    QCoreApplication::processEvents();
                    QCOMPARE(w.width(), 1024);
                    shoot(w, QStringLiteral("small_%1_%2_%3").arg(lang).arg(i).arg(k));
                    checkVisible(page);
                }
                t->setCurrentIndex(0);
            }
            shoot(w, QStringLiteral("small_%1_%2").arg(lang).arg(i));
            checkVisible(page);
        }
    }

    static void checkVisible(QWidget *page) {
        int checked = 0;
        QStringList clipped;
        for (QWidget *c : page->findChildren<QWidget *>()) {
            if (!c->isVisible() || isInternal(c, page))
                continue;
            const bool control =
                qobject_cast<QAbstractButton *>(c) || qobject_cast<QComboBox *>(c) ||
                qobject_cast<QAbstractSpinBox *>(c) || qobject_cast<QAbstractItemView *>(c) ||
                (qobject_cast<QLabel *>(c) && !static_cast<QLabel *>(c)->text().isEmpty());
            if (!control)
                continue;
            ++checked;
            if (const QString why = clippedAcross(c); !why.isEmpty())
                clipped << why;
        }
        QVERIFY(checked > 3);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_path = m_dir.filePath(QStringLiteral("small.mikomi"));
        auto db = storage::Database::open(m_path);
        QVERIFY(db.ok());
        auto n = services::writeDemo(**db, 300, 7, QDate(2026, 11, 1));
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error()));
    }

    void everyPageFits1024x700_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void everyPageFits1024x700() {
        QFETCH(QString, lang);
        LanguageManager language;
        // Start in the other language and switch at runtime, as a user does.
        QVERIFY(language.apply(lang == QLatin1String("ja") ? QStringLiteral("en")
                                                           : QStringLiteral("ja")));
        ui::MainWindow w(&language);
        QVERIFY(w.openDatabase(m_path).ok());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(language.apply(lang));
        QCoreApplication::processEvents();
        w.resize(1024, 700);
        QCoreApplication::processEvents();
        QStringList widths; // which page holds the window wide, when it is too wide
        for (ui::Page *p : w.pages())
            widths << QStringLiteral("%1: %2").arg(p->title()).arg(p->minimumSizeHint().width());
        QVERIFY2(w.minimumSizeHint().width() <= 1024,
                 qPrintable(QStringLiteral("window %1; pages %2")
                                .arg(w.minimumSizeHint().width())
                                .arg(widths.join(QStringLiteral(", ")))));
        QCOMPARE(w.size(), QSize(1024, 700));
        checkPages(w, lang);
    }
};

QTEST_MAIN(TestSmallWindow)
#include "tst_smallwindow.moc"
