#include "models/language.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/consentwidget.h"
#include "ui/leadeditor.h"
#include "ui/leadspage.h"
#include "ui/privacyactions.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

using namespace mikomi;
using namespace mikomi::storage;

// The window's privacy actions (product.md §Privacy): consent in the lead editor, the erase
// confirmation, the erase itself. Screenshots of both in Japanese and English when MIKOMI_SHOTS
// names a folder.
class TestPrivacyUi final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static Lead person() {
        Lead l;
        l.company = QStringLiteral("株式会社轟木ジルコン研究所");
        l.familyName = QStringLiteral("轟木");
        l.givenName = QStringLiteral("瑠璃音");
        l.email = QStringLiteral("rurine@zirkon-qx.example");
        l.phone = QStringLiteral("03-9187-4602");
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        return l;
    }

    // A file migrated from schema v6, so a backup copy lies beside it; the person twice (the
    // same address in another case) and someone else.
    std::unique_ptr<Database> database(const QString &name, QList<qint64> *ids) {
        const QString path = m_dir.filePath(name);
        {
            OpenOptions o;
            o.targetVersion = 6;
            if (!Database::open(path, o))
                return {};
        }
        auto db = Database::open(path);
        if (!db)
            return {};
        LeadRepository repo(**db);
        Lead a = person();
        Lead b = person();
        b.email = QStringLiteral("Rurine@ZIRKON-QX.example");
        b.company = QStringLiteral("轟木商店");
        Lead c;
        c.company = QStringLiteral("Other KK");
        c.email = QStringLiteral("other@example.com");
        if (!repo.insert(a) || !repo.insert(b) || !repo.insert(c))
            return {};
        *ids = {a.id, b.id, c.id};
        return std::move(db).value();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void editorEditsConsent() {
        QList<qint64> ids;
        auto db = database(QStringLiteral("consent.mikomi"), &ids);
        QVERIFY(db);
        Lead stored = LeadRepository(*db).get(ids.at(0)).value();
        ui::LeadEditor editor(*db, stored, nullptr);
        auto *basis = editor.findChild<QComboBox *>(QStringLiteral("consentBasis"));
        auto *date = editor.findChild<QDateEdit *>(QStringLiteral("consentDate"));
        QVERIFY(basis && date);
        QCOMPARE(basis->currentIndex(), 0);
        QVERIFY(!editor.lead().consentAt);
        basis->setCurrentIndex(int(ConsentBasis::Contract));
        QCOMPARE(editor.lead().consentAt, std::optional<QDate>(QDate::currentDate()));
        date->setDate(QDate(2026, 3, 14));
        const Lead edited = editor.lead();
        QCOMPARE(edited.consentBasis, ConsentBasis::Contract);
        QCOMPARE(edited.consentAt, std::optional<QDate>(QDate(2026, 3, 14)));
        // The privacy menu of a stored lead.
        auto *privacy = editor.findChild<QPushButton *>(QStringLiteral("privacy"));
        QVERIFY(privacy && privacy->menu());
        QCOMPARE(privacy->menu()->actions().size(), 2);
        // A new lead has none.
        ui::LeadEditor fresh(*db, Lead(), nullptr);
        QVERIFY(!fresh.findChild<QPushButton *>(QStringLiteral("privacy")));
    }

    void eraseDialogNamesPersonAndBackups() {
        QList<qint64> ids;
        auto db = database(QStringLiteral("dialog.mikomi"), &ids);
        QVERIFY(db);
        auto person = ui::personLeads(*db, ids.at(0));
        QVERIFY(person);
        QCOMPARE(*person, (QList<qint64>{ids.at(0), ids.at(1)}));
        ui::ErasePersonDialog dialog(*db, *person);
        QVERIFY(dialog.ok());
        QString all;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            all += l->text() + QLatin1Char('\n');
        QVERIFY2(all.contains(QStringLiteral("轟木")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Leads: 2")));
        QVERIFY(all.contains(QStringLiteral("cannot be undone")));
        QCOMPARE(dialog.summary().copies.size(), 1);
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("deleteBackups")));
        QVERIFY(!dialog.deleteBackups()); // never by default
    }

    void eraseClearsUndoAndRemovesTheLeads() {
        QList<qint64> ids;
        auto db = database(QStringLiteral("erase.mikomi"), &ids);
        QVERIFY(db);
        QUndoStack undo;
        undo.push(new QUndoCommand(QStringLiteral("an earlier edit")));
        // The Leads page is open on the file (its model reads from the same connection).
        ui::LeadsPage page;
        page.setDatabase(db.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto person = ui::personLeads(*db, ids.at(1));
        QVERIFY(person);
        auto r = ui::eraseConfirmed(nullptr, *db, *person, true, &undo, true);
        QVERIFY(r);
        QCOMPARE(r->leads, 2);
        QVERIFY2(r->compacted, qPrintable(r->compactError));
        QVERIFY(r->walEmptied);
        QVERIFY(r->copies.isEmpty()); // deleted as asked
        QCOMPARE(undo.count(), 0);
        QVERIFY(!LeadRepository(*db).get(ids.at(0)));
        QVERIFY(!LeadRepository(*db).get(ids.at(1)));
        QVERIFY(LeadRepository(*db).get(ids.at(2)));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("erase.mikomi.v*.bak")}).isEmpty());
    }

    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write screenshots");
        QDir().mkpath(dir);
        QList<qint64> ids;
        auto db = database(QStringLiteral("shots.mikomi"), &ids);
        QVERIFY(db);
        LanguageManager lang;
        for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(l));
            Lead stored = LeadRepository(*db).get(ids.at(0)).value();
            stored.consentBasis = ConsentBasis::LegitimateInterest;
            stored.consentAt = QDate(2026, 3, 14);
            ui::LeadEditor editor(*db, stored, nullptr);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            QVERIFY(editor.grab().save(dir + QStringLiteral("/privacy_editor_%1.png").arg(l)));
            auto *privacy = editor.findChild<QPushButton *>(QStringLiteral("privacy"));
            privacy->menu()->popup(privacy->mapToGlobal(QPoint(0, privacy->height())));
            QVERIFY(QTest::qWaitForWindowExposed(privacy->menu()));
            QVERIFY(
                privacy->menu()->grab().save(dir + QStringLiteral("/privacy_menu_%1.png").arg(l)));
            privacy->menu()->hide();
            auto *basis = editor.findChild<QComboBox *>(QStringLiteral("consentBasis"));
            basis->showPopup();
            QTest::qWait(50);
            QVERIFY(basis->view()->window()->grab().save(
                dir + QStringLiteral("/privacy_basis_%1.png").arg(l)));
            basis->hidePopup();

            // The Leads page's context menu with the two actions.
            {
                ui::LeadsPage page;
                page.setDatabase(db.get());
                page.resize(1000, 500);
                page.show();
                QVERIFY(QTest::qWaitForWindowExposed(&page));
                const QRect cell = page.view()->visualRect(page.view()->model()->index(0, 1));
                bool saved = false;
                QTimer::singleShot(200, &page, [&] {
                    if (QWidget *menu = QApplication::activePopupWidget()) {
                        saved = menu->grab().save(dir +
                                                  QStringLiteral("/privacy_context_%1.png").arg(l));
                        menu->close();
                    }
                });
                emit page.view()->customContextMenuRequested(cell.center());
                QVERIFY(saved);
            }

            ui::ErasePersonDialog dialog(*db, ui::personLeads(*db, ids.at(0)).value());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/privacy_erase_%1.png").arg(l)));
        }
        QVERIFY(lang.apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestPrivacyUi)
#include "tst_privacyui.moc"
