#include "models/commands/readingcommands.h"
#include "models/japan/postalcodes.h"
#include "models/language.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/leadeditor.h"
#include "ui/leadspage.h"
#include "ui/messagebox.h"
#include "ui/postalfill.h"
#include "ui/readingcapture.h"
#include "ui/readingsdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace mikomi;

namespace {

// What an input method sends while a word is typed and converted: the growing kana as preedit
// strings, the kanji candidate as a preedit, then the commit (QInputMethodEvent, as ibus/fcitx
// deliver it through Qt).
void preedit(QLineEdit *edit, const QString &text) {
    QInputMethodEvent e(text, {});
    QCoreApplication::sendEvent(edit, &e);
}
void commit(QLineEdit *edit, const QString &text) {
    QInputMethodEvent e;
    e.setCommitString(text);
    QCoreApplication::sendEvent(edit, &e);
}
// Types `kana` one composition step at a time, converts it to `kanji` and commits.
void compose(QLineEdit *edit, const QString &kana, const QString &kanji) {
    for (qsizetype i = 1; i <= kana.size(); ++i)
        preedit(edit, kana.left(i));
    if (kanji != kana)
        preedit(edit, kanji);
    commit(edit, kanji);
}

// Text typed on a keyboard that produces it directly (QTest::keyClicks knows ASCII only).
void typeText(QLineEdit *edit, const QString &text) {
    QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, text);
    QCoreApplication::sendEvent(edit, &press);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, text);
    QCoreApplication::sendEvent(edit, &release);
}

struct Form {
    QWidget w;
    QLineEdit *family = new QLineEdit(&w);
    QLineEdit *familyReading = new QLineEdit(&w);
    QLineEdit *company = new QLineEdit(&w);
    QLineEdit *companyReading = new QLineEdit(&w);
    QLineEdit *postal = new QLineEdit(&w);
    QLineEdit *prefecture = new QLineEdit(&w);
    QLineEdit *city = new QLineEdit(&w);
    QLineEdit *street = new QLineEdit(&w);
    QLineEdit *country = new QLineEdit(&w);
    explicit Form(const QString &databaseCountry = QStringLiteral("JP")) {
        family->setObjectName(QStringLiteral("familyName"));
        familyReading->setObjectName(QStringLiteral("familyReading"));
        company->setObjectName(QStringLiteral("company"));
        companyReading->setObjectName(QStringLiteral("companyReading"));
        postal->setObjectName(QStringLiteral("postalCode"));
        prefecture->setObjectName(QStringLiteral("prefecture"));
        city->setObjectName(QStringLiteral("city"));
        street->setObjectName(QStringLiteral("street"));
        country->setObjectName(QStringLiteral("country"));
        ui::installJapaneseEntry(&w, databaseCountry);
    }
};

} // namespace

class TestJapaneseEntry final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    Result<std::unique_ptr<storage::Database>> openDb() {
        return storage::Database::open(m_dir.filePath(QStringLiteral("j%1.mikomi").arg(++m_n)));
    }
private slots:
    void kanaThenKanjiFillsReading() {
        Form f;
        compose(f.family, QStringLiteral("やまだ"), QStringLiteral("山田"));
        QCOMPARE(f.family->text(), QStringLiteral("山田"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("ヤマダ"));
        // A second word in the same field adds to the reading.
        compose(f.family, QStringLiteral("たろう"), QStringLiteral("太郎"));
        QCOMPARE(f.family->text(), QStringLiteral("山田太郎"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("ヤマダタロウ"));
    }

    // Typing on right after a conversion: the commit of 山田 and the preedit of the next word
    // come in one event.
    void commitAndNextPreeditInOneEvent() {
        Form f;
        for (const char16_t *p : {u"や", u"やま", u"やまだ", u"山田"})
            preedit(f.family, QString::fromUtf16(p));
        QInputMethodEvent both(QStringLiteral("た"), {});
        both.setCommitString(QStringLiteral("山田"));
        QCoreApplication::sendEvent(f.family, &both);
        QCOMPARE(f.familyReading->text(), QStringLiteral("ヤマダ"));
        preedit(f.family, QStringLiteral("たろ"));
        preedit(f.family, QStringLiteral("たろう"));
        preedit(f.family, QStringLiteral("太郎"));
        commit(f.family, QStringLiteral("太郎"));
        QCOMPARE(f.family->text(), QStringLiteral("山田太郎"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("ヤマダタロウ"));
    }

    void kanaCommittedAsIs() {
        Form f;
        compose(f.family, QStringLiteral("さとう"), QStringLiteral("さとう"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("サトウ"));
    }

    void cancelledCompositionAddsNothing() {
        Form f;
        preedit(f.family, QStringLiteral("や"));
        preedit(f.family, QString()); // Escape
        compose(f.family, QStringLiteral("もり"), QStringLiteral("森"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("モリ"));
    }

    void handEditStopsFilling() {
        Form f;
        compose(f.family, QStringLiteral("ひがし"), QStringLiteral("東"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("ヒガシ"));
        // The person is アズマ: the user corrects the reading.
        f.familyReading->selectAll();
        QTest::keyClick(f.familyReading, Qt::Key_Backspace);
        typeText(f.familyReading, QStringLiteral("アズマ"));
        compose(f.family, QStringLiteral("だ"), QStringLiteral("田"));
        QCOMPARE(f.family->text(), QStringLiteral("東田"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("アズマ"));
        // Deleting the name leaves a reading typed by hand.
        f.family->selectAll();
        QTest::keyClick(f.family, Qt::Key_Backspace);
        QCOMPARE(f.familyReading->text(), QStringLiteral("アズマ"));
    }

    void deletingNameClearsWhatWasFilled() {
        Form f;
        compose(f.family, QStringLiteral("すずき"), QStringLiteral("鈴木"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("スズキ"));
        f.family->selectAll();
        QTest::keyClick(f.family, Qt::Key_Backspace);
        QCOMPARE(f.family->text(), QString());
        QCOMPARE(f.familyReading->text(), QString());
        // And fills again from scratch.
        compose(f.family, QStringLiteral("たなか"), QStringLiteral("田中"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("タナカ"));
    }

    void latinLeavesReadingAlone() {
        Form f;
        QTest::keyClicks(f.family, QStringLiteral("Smith"));
        QCOMPARE(f.family->text(), QStringLiteral("Smith"));
        QCOMPARE(f.familyReading->text(), QString());
        // An input method in direct mode commits Latin text: still nothing.
        commit(f.family, QStringLiteral("son"));
        QCOMPARE(f.familyReading->text(), QString());
    }

    void existingReadingIsKept() {
        Form f;
        f.familyReading->setText(QStringLiteral("ショウジ"));
        f.family->setText(QStringLiteral("東海林"));
        ui::ReadingCapture capture(f.family, f.familyReading);
        // (a second capture on the same pair, installed with a reading present)
        QVERIFY(!capture.isFilling());
    }

    // A form that sets both (a draft restored, a scanned card): typing on in the name does not
    // replace the reading it was given.
    void readingSetByTheFormIsKept() {
        Form f;
        f.family->setText(QStringLiteral("山田"));
        f.familyReading->setText(QStringLiteral("ヤマダ"));
        compose(f.family, QStringLiteral("たろう"), QStringLiteral("太郎"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("ヤマダ"));
        // Both cleared for the next card: filling again.
        f.family->clear();
        f.familyReading->clear();
        compose(f.family, QStringLiteral("もり"), QStringLiteral("森"));
        QCOMPARE(f.familyReading->text(), QStringLiteral("モリ"));
    }

    void companyReadingWithoutLegalForm() {
        Form f;
        compose(f.company, QStringLiteral("かぶしきがいしゃ"), QStringLiteral("株式会社"));
        QCOMPARE(f.companyReading->text(), QString());
        compose(f.company, QStringLiteral("やまだしょうじ"), QStringLiteral("山田商事"));
        QCOMPARE(f.company->text(), QStringLiteral("株式会社山田商事"));
        QCOMPARE(f.companyReading->text(), QStringLiteral("ヤマダショウジ"));
        // In one go, legal form last.
        Form g;
        compose(g.company, QStringLiteral("みらいきかくかぶしきがいしゃ"),
                QStringLiteral("未来企画株式会社"));
        QCOMPARE(g.companyReading->text(), QStringLiteral("ミライキカク"));
    }

    void postalCodeFillsAddress() {
        Form f;
        typeText(f.postal, QStringLiteral("〒 1000005"));
        QCOMPARE(f.prefecture->text(), QStringLiteral("東京都"));
        QCOMPARE(f.city->text(), QStringLiteral("千代田区"));
        QCOMPARE(f.street->text(), QStringLiteral("丸の内"));
        // Written as Mikomi keeps it when the field is left.
        emit f.postal->editingFinished();
        QCOMPARE(f.postal->text(), QStringLiteral("100-0005"));
        // Another code replaces what the helper filled.
        f.postal->clear();
        QTest::keyClicks(f.postal, QStringLiteral("530-0001"));
        QCOMPARE(f.prefecture->text(), QStringLiteral("大阪府"));
        QCOMPARE(f.city->text(), QStringLiteral("大阪市北区"));
        QCOMPARE(f.street->text(), QStringLiteral("梅田"));
        // A street typed by hand is not overwritten.
        f.street->setText(QStringLiteral("梅田3-1-3"));
        f.postal->clear();
        QTest::keyClicks(f.postal, QStringLiteral("1000005"));
        QCOMPARE(f.city->text(), QStringLiteral("千代田区"));
        QCOMPARE(f.street->text(), QStringLiteral("梅田3-1-3"));
    }

    void severalTownsOffered() {
        Form f;
        f.w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.w));
        QTest::keyClicks(f.postal, QStringLiteral("921-8046"));
        auto *fill = f.postal->findChild<ui::PostalFill *>();
        QVERIFY(fill);
        QCOMPARE(fill->choices().size(), 2);
        QCOMPARE(fill->menu()->actions().size(), 2);
        QVERIFY(fill->menu()->isVisible());
        // Prefecture and city are the same for both: filled already.
        QCOMPARE(f.prefecture->text(), QStringLiteral("石川県"));
        QCOMPARE(f.city->text(), QStringLiteral("金沢市"));
        QCOMPARE(f.street->text(), QString());
        QCOMPARE(fill->choices().at(1).town, QStringLiteral("大桑町"));
        fill->menu()->actions().at(1)->trigger();
        QCOMPARE(f.street->text(), QStringLiteral("大桑町"));
        QVERIFY(fill->choices().isEmpty());
    }

    void addressFillsPostalCode() {
        Form f;
        f.city->setText(QStringLiteral("千代田区"));
        f.street->setText(QStringLiteral("丸の内１－９－１"));
        emit f.street->editingFinished();
        QCOMPARE(f.postal->text(), QStringLiteral("100-0005"));
        QCOMPARE(f.prefecture->text(), QStringLiteral("東京都"));
        // A postal code already there is left alone.
        f.street->setText(QStringLiteral("大手町1-1"));
        emit f.street->editingFinished();
        QCOMPARE(f.postal->text(), QStringLiteral("100-0005"));
    }

    // The address is filled from a Japanese postal code only in Japan: the form's country says
    // Japan, or it is empty and the database's country is Japan.
    void postalFillOnlyInJapan() {
        {
            // A US address in a Japanese database: 100-0005 is not looked up.
            Form f;
            f.country->setText(QStringLiteral("USA"));
            typeText(f.postal, QStringLiteral("100-0005"));
            QCOMPARE(f.prefecture->text(), QString());
            QCOMPARE(f.city->text(), QString());
            emit f.postal->editingFinished();
            QCOMPARE(f.postal->text(), QStringLiteral("100-0005"));
            // Nor the other way.
            f.postal->clear();
            f.city->setText(QStringLiteral("千代田区"));
            f.street->setText(QStringLiteral("丸の内1-9-1"));
            emit f.street->editingFinished();
            QCOMPARE(f.postal->text(), QString());
        }
        {
            // The country written as Japan (in any of its forms) fills it, whatever the database.
            for (const QString &japan :
                 {QStringLiteral("Japan"), QStringLiteral("日本"), QStringLiteral("ＪＰ")}) {
                Form f(QStringLiteral("US"));
                f.country->setText(japan);
                typeText(f.postal, QStringLiteral("1000005"));
                QCOMPARE(f.city->text(), QStringLiteral("千代田区"));
            }
        }
        {
            // No country on the lead: the database's decides.
            Form us(QStringLiteral("US"));
            typeText(us.postal, QStringLiteral("1000005"));
            QCOMPARE(us.city->text(), QString());
            Form jp(QStringLiteral("JP"));
            typeText(jp.postal, QStringLiteral("1000005"));
            QCOMPARE(jp.city->text(), QStringLiteral("千代田区"));
        }
        QVERIFY(japan::isJapan(QStringLiteral(" japan ")));
        QVERIFY(japan::isJapan(QStringLiteral("JPN")));
        QVERIFY(!japan::isJapan(QStringLiteral("GB")));
        QVERIFY(!japan::isJapan(QString()));
    }

    // The two forms that have the fields get the helpers.
    void installedInEditorAndCardMode() {
        auto db = openDb();
        QVERIFY(db);
        ui::LeadEditor editor(**db, Lead(), nullptr);
        auto *family = editor.findChild<QLineEdit *>(QStringLiteral("familyName"));
        auto *reading = editor.findChild<QLineEdit *>(QStringLiteral("familyReading"));
        QVERIFY(family && reading);
        compose(family, QStringLiteral("やまだ"), QStringLiteral("山田"));
        QCOMPARE(reading->text(), QStringLiteral("ヤマダ"));
        auto *postal = editor.findChild<QLineEdit *>(QStringLiteral("postalCode"));
        QTest::keyClicks(postal, QStringLiteral("1000005"));
        QCOMPARE(editor.lead().city, QStringLiteral("千代田区"));
        QCOMPARE(editor.lead().familyReading, QStringLiteral("ヤマダ"));

        QUndoStack stack;
        ui::CardEntryDialog card(**db, &stack);
        auto *given = card.findChild<QLineEdit *>(QStringLiteral("givenName"));
        auto *givenReading = card.findChild<QLineEdit *>(QStringLiteral("givenReading"));
        QVERIFY(given && givenReading);
        compose(given, QStringLiteral("はなこ"), QStringLiteral("花子"));
        QCOMPARE(givenReading->text(), QStringLiteral("ハナコ"));
        QTest::keyClicks(card.findChild<QLineEdit *>(QStringLiteral("postalCode")),
                         QStringLiteral("100-0005"));
        QCOMPARE(card.findChild<QLineEdit *>(QStringLiteral("street"))->text(),
                 QStringLiteral("丸の内"));
    }

    void suggestReadingsUndoable() {
        auto db = openDb();
        QVERIFY(db);
        storage::LeadRepository repo(**db);
        Lead a;
        a.company = QStringLiteral("株式会社日立製作所");
        a.familyName = QStringLiteral("山田");
        a.givenName = QStringLiteral("太郎");
        Lead b;
        b.familyName = QStringLiteral("佐藤");
        b.familyReading = QStringLiteral("サトウ"); // has one: not suggested
        b.givenName = QStringLiteral("陽翔");       // the dictionaries differ: unticked
        Lead c;
        c.company = QStringLiteral("Acme Inc."); // Latin: nothing to suggest
        c.familyName = QStringLiteral("Smith");
        QVERIFY(repo.insert(a) && repo.insert(b) && repo.insert(c));

        QUndoStack stack;
        ui::ReadingsDialog dialog(**db, &stack, {});
        QTableWidget *t = dialog.table();
        QCOMPARE(t->rowCount(), 4);
        QCOMPARE(t->item(0, ui::ReadingsDialog::ReadingColumn)->text(),
                 QStringLiteral("ヒタチセイサクショ"));
        QCOMPARE(t->item(3, ui::ReadingsDialog::WrittenColumn)->text(), QStringLiteral("陽翔"));
        QCOMPARE(t->item(3, ui::ReadingsDialog::LeadColumn)->text(),
                 QStringLiteral("佐藤\u3000陽翔"));
        QCOMPARE(t->item(3, ui::ReadingsDialog::LeadColumn)->checkState(), Qt::Unchecked);
        QCOMPARE(dialog.changes().size(), 3);
        // The user unticks the given name and corrects nothing else.
        t->item(2, ui::ReadingsDialog::LeadColumn)->setCheckState(Qt::Unchecked);
        QCOMPARE(dialog.changes().size(), 2);
        // Ticks 陽翔 after typing the right reading.
        t->item(3, ui::ReadingsDialog::ReadingColumn)->setText(QStringLiteral("ハルト"));
        t->item(3, ui::ReadingsDialog::LeadColumn)->setCheckState(Qt::Checked);
        QCOMPARE(dialog.changes().size(), 3);
        auto *apply = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
        apply->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(stack.count(), 1);
        Lead sa = repo.get(a.id).value();
        QCOMPARE(sa.companyReading, QStringLiteral("ヒタチセイサクショ"));
        QCOMPARE(sa.familyReading, QStringLiteral("ヤマダ"));
        QCOMPARE(sa.givenReading, QString());
        QCOMPARE(repo.get(b.id).value().givenReading, QStringLiteral("ハルト"));
        stack.undo();
        sa = repo.get(a.id).value();
        QCOMPARE(sa.companyReading, QString());
        QCOMPARE(sa.familyReading, QString());
        QCOMPARE(repo.get(b.id).value().givenReading, QString());
        QCOMPARE(repo.get(b.id).value().familyReading, QStringLiteral("サトウ"));
        stack.redo();
        QCOMPARE(repo.get(a.id).value().familyReading, QStringLiteral("ヤマダ"));

        // Only the selected lead.
        ui::ReadingsDialog one(**db, &stack, {a.id, c.id});
        QCOMPARE(one.table()->rowCount(), 1); // a's given name only
        one.setScope(1);
        QCOMPARE(one.table()->rowCount(), 1);
    }

    // "Suggest readings…" beside Find duplicates on the Leads page (for the selected leads, all
    // when none is), and "Suggest readings" in the lead editor for that one lead.
    void suggestReadingsFromToolbarAndEditor() {
        auto db = openDb();
        QVERIFY(db);
        storage::LeadRepository repo(**db);
        Lead a;
        a.company = QStringLiteral("株式会社日立製作所");
        a.familyName = QStringLiteral("山田");
        a.givenName = QStringLiteral("太郎");
        QVERIFY(repo.insert(a));

        ui::LeadsPage page;
        page.setDatabase(db->get());
        auto *button = page.findChild<QPushButton *>(QStringLiteral("suggestReadings"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Suggest readings…"));
        int rows = -1;
        QTimer::singleShot(0, this, [&rows] {
            auto *d = qobject_cast<ui::ReadingsDialog *>(QApplication::activeModalWidget());
            if (d) {
                rows = d->table()->rowCount();
                d->reject();
            }
        });
        button->click();
        QCOMPARE(rows, 3); // company, family and given name of the one lead

        ui::LeadEditor editor(**db, a, nullptr);
        auto *suggest = editor.findChild<QPushButton *>(QStringLiteral("suggestReadings"));
        QVERIFY(suggest);
        QCOMPARE(suggest->text(), QStringLiteral("Suggest readings"));
        QCOMPARE(editor.suggestReadings(), 3);
        QCOMPARE(editor.lead().familyReading, QStringLiteral("ヤマダ"));
        QCOMPARE(editor.lead().givenReading, QStringLiteral("タロウ"));
        QCOMPARE(editor.lead().companyReading, QStringLiteral("ヒタチセイサクショ"));
        // Nothing left to fill: said so.
        ui::MessageBox::clear();
        ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        QCOMPARE(editor.suggestReadings(), 0);
        QCOMPARE(ui::MessageBox::takeShown().size(), 1);
        // A reading typed by hand is never replaced.
        auto *given = editor.findChild<QLineEdit *>(QStringLiteral("givenReading"));
        given->setText(QStringLiteral("タロ"));
        ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        editor.suggestReadings();
        QCOMPARE(editor.lead().givenReading, QStringLiteral("タロ"));
    }

    void changedMeanwhileRefused() {
        auto db = openDb();
        QVERIFY(db);
        storage::LeadRepository repo(**db);
        Lead a;
        a.familyName = QStringLiteral("山田");
        QVERIFY(repo.insert(a));
        a.familyReading = QStringLiteral("ヤマタ");
        QVERIFY(repo.update(a));
        QString error;
        commands::SetReadingsCommand cmd(
            **db, {{a.id, commands::ReadingField::Family, QString(), QStringLiteral("ヤマダ")}},
            [] {}, [&error](const QString &m) { error = m; });
        cmd.redo();
        QVERIFY(cmd.failed());
        QVERIFY2(error.contains(QStringLiteral("ヤマタ")), qPrintable(error));
        QCOMPARE(repo.get(a.id).value().familyReading, QStringLiteral("ヤマタ"));
    }

    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write screenshots");
        QDir().mkpath(dir);
        auto db = openDb();
        QVERIFY(db);
        storage::LeadRepository repo(**db);
        for (const auto &[company, family, given] :
             {std::tuple{u"株式会社日立製作所", u"山田", u"太郎"},
              std::tuple{u"大和ハウス工業株式会社", u"小鳥遊", u"陽翔"},
              std::tuple{u"株式会社みらい企画", u"東海林", u"美咲"}}) {
            Lead l;
            l.company = QString::fromUtf16(company);
            l.familyName = QString::fromUtf16(family);
            l.givenName = QString::fromUtf16(given);
            QVERIFY(repo.insert(l));
        }
        LanguageManager lang;
        for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(l));
            ui::LeadEditor editor(**db, Lead(), nullptr);
            editor.resize(1000, 680);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            compose(editor.findChild<QLineEdit *>(QStringLiteral("familyName")),
                    QStringLiteral("やまだ"), QStringLiteral("山田"));
            compose(editor.findChild<QLineEdit *>(QStringLiteral("givenName")),
                    QStringLiteral("はなこ"), QStringLiteral("花子"));
            compose(editor.findChild<QLineEdit *>(QStringLiteral("company")),
                    QStringLiteral("かぶしきがいしゃやまだしょうじ"),
                    QStringLiteral("株式会社山田商事"));
            QTest::keyClicks(editor.findChild<QLineEdit *>(QStringLiteral("postalCode")),
                             QStringLiteral("1000005"));
            QVERIFY(editor.grab().save(dir + QStringLiteral("/japanese_editor_%1.png").arg(l)));

            QUndoStack stack;
            ui::CardEntryDialog card(**db, &stack);
            card.show();
            QVERIFY(QTest::qWaitForWindowExposed(&card));
            compose(card.findChild<QLineEdit *>(QStringLiteral("familyName")),
                    QStringLiteral("すずき"), QStringLiteral("鈴木"));
            QTest::keyClicks(card.findChild<QLineEdit *>(QStringLiteral("postalCode")),
                             QStringLiteral("921-8046"));
            QVERIFY(card.grab().save(dir + QStringLiteral("/japanese_card_%1.png").arg(l)));
            auto *fill = card.findChild<ui::PostalFill *>();
            QVERIFY(fill && fill->menu()->isVisible());
            QVERIFY(fill->menu()->grab().save(
                dir + QStringLiteral("/japanese_postal_menu_%1.png").arg(l)));
            fill->menu()->hide();

            ui::ReadingsDialog readings(**db, &stack, {});
            readings.show();
            QVERIFY(QTest::qWaitForWindowExposed(&readings));
            QVERIFY(readings.grab().save(dir + QStringLiteral("/japanese_readings_%1.png").arg(l)));
        }
        // Apart from the loop above: its card mode keeps a draft that the next one would offer.
        for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(l));

            // The Leads page with "Suggest readings…" beside "Find duplicates", at 1024 px.
            ui::LeadsPage page;
            page.setDatabase(db->get());
            page.resize(1024, 300);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QVERIFY(page.grab().save(dir + QStringLiteral("/japanese_leadspage_%1.png").arg(l)));
            // The editor of a stored lead after "Suggest readings".
            ui::LeadEditor stored(**db, repo.get(2).value(), nullptr);
            stored.resize(1000, 680);
            stored.show();
            QVERIFY(QTest::qWaitForWindowExposed(&stored));
            QVERIFY(stored.suggestReadings() > 0);
            QVERIFY(stored.grab().save(dir + QStringLiteral("/japanese_suggested_%1.png").arg(l)));
        }
    }
};

QTEST_MAIN(TestJapaneseEntry)
#include "tst_japaneseentry.moc"
