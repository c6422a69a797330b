#include "models/commands/leadcommands.h"
#include "models/commands/stagecommands.h"
#include "models/language.h"
#include "models/leadtablemodel.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/leadquery.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/duplicatesdialog.h"
#include "ui/leadeditor.h"
#include "ui/leadspage.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mikomi;
using namespace mikomi::storage;

class TestLeadsUi final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString path() const { return m_dir.filePath(QStringLiteral("ui.db")); }

    Lead sample() const {
        Lead l;
        l.company = QStringLiteral("株式会社サンプル");
        l.familyName = QStringLiteral("佐藤");
        l.givenName = QStringLiteral("健");
        l.email = QStringLiteral("ken@sample.co.jp");
        l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        return l;
    }

private slots:
    void init() {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        m_db = std::move(db.value());
    }
    void cleanup() {
        m_db.reset();
        QFile::remove(path());
    }

    void undoRedoEditDeleteStage() {
        QUndoStack stack;
        LeadRepository repo(*m_db);
        int applied = 0;
        const auto onApplied = [&applied] { ++applied; };
        const auto onError = [](const QString &m) { QFAIL(qPrintable(m)); };
        auto *add = new commands::SaveLeadCommand(*m_db, sample(), std::nullopt, QString(),
                                                  onApplied, onError);
        stack.push(add);
        const qint64 id = add->leadId();
        QVERIFY(id > 0);
        // Edit.
        Lead before = repo.get(id).value();
        Lead after = before;
        after.company = QStringLiteral("サンプル商事");
        stack.push(
            new commands::SaveLeadCommand(*m_db, after, before, QString(), onApplied, onError));
        QCOMPARE(repo.get(id)->company, QStringLiteral("サンプル商事"));
        stack.undo();
        QCOMPARE(repo.get(id)->company, QStringLiteral("株式会社サンプル"));
        stack.redo();
        QCOMPARE(repo.get(id)->company, QStringLiteral("サンプル商事"));
        // Stage change.
        stack.push(new commands::StageCommand(*m_db, id, commands::StageCommand::Kind::Move,
                                              Stage::Sql, SqlKind::Sal, QString(), QString(),
                                              onApplied, onError));
        QCOMPARE(repo.get(id)->stage, Stage::Sql);
        Activity a;
        a.leadId = id;
        a.kind = ActivityKind::Meeting;
        a.occurredAt = QDateTime::currentDateTime();
        QVERIFY(repo.addActivity(a).ok());
        const int historySize = int(repo.history(id)->size());
        // Delete, undo restores lead, history and activities with the same id.
        stack.push(new commands::DeleteLeadsCommand(*m_db, {id}, onApplied, onError));
        QVERIFY(!repo.get(id).ok());
        stack.undo();
        QCOMPARE(repo.get(id)->stage, Stage::Sql);
        QCOMPARE(int(repo.history(id)->size()), historySize);
        QCOMPARE(repo.activities(id)->size(), 1);
        stack.undo(); // the stage change
        QCOMPARE(repo.get(id)->stage, Stage::Inquiry);
        stack.undo(); // the edit
        stack.undo(); // the insert
        QCOMPARE(repo.count().value(), 0);
        stack.redo(); // comes back with the same id
        QCOMPARE(repo.get(id)->company, QStringLiteral("株式会社サンプル"));
        QVERIFY(applied >= 9);
    }

    void loggedActivityIsUndoableAndScores() {
        // Logging from the editor: one undo step; the seminar behaviour rule moves the score.
        LeadRepository repo(*m_db);
        Lead l = sample();
        QVERIFY(repo.insert(l).ok());
        const int before = repo.get(l.id)->score;
        QUndoStack stack;
        ui::LeadEditor editor(*m_db, repo.get(l.id).value(), &stack);
        QComboBox *activityKind = nullptr;
        for (QComboBox *c : editor.findChildren<QComboBox *>()) {
            for (int i = 0; i < c->count(); ++i) {
                if (c->itemText(i) == activityKindLabel(ActivityKind::Seminar)) {
                    activityKind = c;
                    c->setCurrentIndex(i);
                }
            }
        }
        QVERIFY(activityKind);
        QPushButton *log = nullptr;
        for (QPushButton *b : editor.findChildren<QPushButton *>()) {
            if (b->text() == ui::LeadEditor::tr("Log activity"))
                log = b;
        }
        QVERIFY(log);
        log->click();
        QCOMPARE(repo.activities(l.id)->size(), 1);
        QCOMPARE(repo.activities(l.id)->first().kind, ActivityKind::Seminar);
        QCOMPARE(stack.count(), 1);
        const int after = repo.get(l.id)->score;
        QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        stack.undo();
        QCOMPARE(repo.activities(l.id)->size(), 0);
        QCOMPARE(repo.get(l.id)->score, before);
        stack.redo();
        QCOMPARE(repo.activities(l.id)->size(), 1);
        QCOMPARE(repo.get(l.id)->score, after);
    }

    void validationMessagesBothLanguages() {
        LanguageManager lang;
        for (const QString &l : {QStringLiteral("en"), QStringLiteral("ja")}) {
            QVERIFY(lang.apply(l));
            Lead lead = sample();
            lead.email = QStringLiteral("ken@@sample");
            lead.phone = QStringLiteral("03-12");
            ui::LeadEditor editor(*m_db, lead, nullptr);
            editor.show();
            editor.accept();
            QCOMPARE(editor.result(), int(QDialog::Rejected)); // refused before saving
            QVERIFY(!editor.emailMessage().isEmpty());
            QVERIFY(!editor.phoneMessage().isEmpty());
            if (l == QLatin1String("en")) {
                QVERIFY(editor.emailMessage().contains(QStringLiteral("not a valid email")));
                QVERIFY(editor.phoneMessage().contains(QStringLiteral("not a valid phone")));
            }
            // Full-width input is fine.
            editor.findChild<QLineEdit *>(QStringLiteral("email"))
                ->setText(QStringLiteral("ｋｅｎ＠ｓａｍｐｌｅ．ｃｏ．ｊｐ"));
            editor.findChild<QLineEdit *>(QStringLiteral("phone"))
                ->setText(QStringLiteral("０３（１２３４）５６７８"));
            editor.accept();
            QCOMPARE(editor.result(), int(QDialog::Accepted));
            QVERIFY(editor.emailMessage().isEmpty());
            // A NUL in the notes is refused with the field's name (as in business-card mode).
            Lead nul = sample();
            nul.notes = QStringLiteral("before") + QChar(0) + QStringLiteral("after");
            const auto issues = ui::validateLead(nul, QStringLiteral("JP"));
            QCOMPARE(issues.size(), 1);
            QCOMPARE(issues.first().first, QStringLiteral("notes"));
            QVERIFY2(issues.first().second.contains(l == QLatin1String("en")
                                                        ? QStringLiteral("Notes")
                                                        : QStringLiteral("メモ")),
                     qPrintable(issues.first().second));
            QVERIFY(issues.first().second.contains(QStringLiteral("U+0000")));
            // An American number is valid in an American database; in a Japanese one it needs its
            // +1, and the message says so.
            Lead us = sample();
            us.phone = QStringLiteral("(212) 555-0188");
            us.mobile = QStringLiteral("415-555-0110 ext. 201");
            QVERIFY(ui::validateLead(us, QStringLiteral("US")).isEmpty());
            const auto inJapan = ui::validateLead(us, QStringLiteral("JP"));
            QCOMPARE(inJapan.size(), 2);
            QCOMPARE(inJapan.first().first, QStringLiteral("phone"));
            QVERIFY2(inJapan.first().second.contains(QStringLiteral("(212) 555-0188")),
                     qPrintable(inJapan.first().second));
            // A number that is not one: the message lists what a number may hold, kanji numerals
            // too, and its example is accepted.
            Lead letters;
            letters.company = QStringLiteral("漢数字商事株式会社");
            letters.familyName =
                l == QLatin1String("en") ? QStringLiteral("木村") : QStringLiteral("中村");
            letters.phone = QStringLiteral("03-CALL-NOW");
            ui::LeadEditor kanji(*m_db, letters, nullptr);
            kanji.show();
            kanji.accept();
            QCOMPARE(kanji.result(), int(QDialog::Rejected));
            const QString example = QStringLiteral("〇三―一二三四―五六七八");
            QVERIFY2(kanji.phoneMessage().contains(example), qPrintable(kanji.phoneMessage()));
            QVERIFY2(kanji.phoneMessage().contains(l == QLatin1String("en")
                                                       ? QStringLiteral("kanji numerals")
                                                       : QStringLiteral("漢数字")),
                     qPrintable(kanji.phoneMessage()));
            kanji.findChild<QLineEdit *>(QStringLiteral("phone"))->setText(example);
            kanji.accept();
            QCOMPARE(kanji.result(), int(QDialog::Accepted));
            QVERIFY(kanji.phoneMessage().isEmpty());
        }
        QVERIFY(lang.apply(QStringLiteral("en")));
    }

    void duplicateWarningOnSave() {
        LeadRepository repo(*m_db);
        Lead first = sample();
        QVERIFY(repo.insert(first).ok());
        Lead second = sample();
        second.company = QStringLiteral("㈱サンプル");
        second.email = QStringLiteral("KEN@SAMPLE.CO.JP");
        ui::LeadEditor editor(*m_db, second, nullptr);
        int asked = 0;
        editor.setDuplicateChooser([&asked](const QList<DuplicateMatch> &m) {
            ++asked;
            return m.isEmpty() ? ui::DuplicateChoice::SaveAnyway : ui::DuplicateChoice::Cancel;
        });
        editor.accept();
        QCOMPARE(asked, 1);
        QCOMPARE(editor.result(), int(QDialog::Rejected));
        editor.setDuplicateChooser(
            [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::Merge; });
        editor.accept();
        QCOMPARE(editor.duplicateChoice(), ui::DuplicateChoice::Merge);
        QCOMPARE(editor.duplicateId(), first.id);
    }

    void businessCardsTenCardsCommitted() {
        QUndoStack stack;
        ui::CardEntryDialog dialog(*m_db, &stack);
        dialog.setSource(QStringLiteral("東京ビッグサイト展 2026"));
        dialog.setOwner(QStringLiteral("展示会スタッフ"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        for (int i = 0; i < 10; ++i) {
            auto *company = dialog.findChild<QLineEdit *>(QStringLiteral("company"));
            company->setFocus();
            QTest::keyClicks(company, QStringLiteral("Card Co %1").arg(i));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // department
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Sales"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // title
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // family name
            QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("familyName"));
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Tanaka%1").arg(i));
            for (int t = 0; t < 4; ++t) // given, readings, phone
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("phone"));
            QTest::keyClicks(QApplication::focusWidget(),
                             QStringLiteral("03-5555-%1").arg(1000 + i));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
            QVERIFY2(company->text().isEmpty(), qPrintable(dialog.statusText()));
            // Committed: a second connection sees the card at once.
            auto other = Database::open(path());
            QVERIFY(other.ok());
            LeadFilter f;
            f.search = QStringLiteral("tanaka%1").arg(i);
            QCOMPARE(LeadQuery(**other).count(f).value(), 1);
            QCOMPARE(LeadRepository(**other).count().value(), i + 1);
        }
        QCOMPARE(dialog.cardsToday(), 10);
        // An invalid card is refused with a message and nothing is saved.
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("email"));
        dialog.findChild<QLineEdit *>(QStringLiteral("company"))->setText(QStringLiteral("X"));
        email->setText(QStringLiteral("not-an-email"));
        QVERIFY(!dialog.saveCard());
        QVERIFY(dialog.statusText().contains(QStringLiteral("not a valid email")));
        QCOMPARE(LeadRepository(*m_db).count().value(), 10);
        QCOMPARE(stack.count(), 10);
        // A control character (pasted from another program) is refused, naming the field.
        email->clear();
        dialog.findChild<QLineEdit *>(QStringLiteral("company"))
            ->setText(QStringLiteral("Bell\aCo"));
        QVERIFY(!dialog.saveCard());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("control character")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(LeadRepository(*m_db).count().value(), 10);
        // Full-width email and phone are stored as the import stores them: half-width.
        dialog.findChild<QLineEdit *>(QStringLiteral("company"))
            ->setText(QStringLiteral("全角商事"));
        email->setText(QStringLiteral("ａ＠ｂ．ｃｏｍ"));
        dialog.findChild<QLineEdit *>(QStringLiteral("phone"))
            ->setText(QStringLiteral("０３－６４５５－１２１２"));
        QVERIFY2(dialog.saveCard(), qPrintable(dialog.statusText()));
        LeadFilter f;
        f.search = QStringLiteral("全角商事");
        const auto rows = LeadQuery(*m_db).rows(f, LeadSort::Created, true, 0, 10);
        QVERIFY(rows.ok() && rows->size() == 1);
        const Lead stored = LeadRepository(*m_db).get(rows->first().id).value();
        QCOMPARE(stored.email, QStringLiteral("a@b.com"));
        QCOMPARE(stored.phone, QStringLiteral("03-6455-1212"));
    }

    void duplicatesDialogMergesAndUndoes() {
        LeadRepository repo(*m_db);
        Lead a = sample();
        QVERIFY(repo.insert(a).ok());
        Lead b = sample();
        b.company = QStringLiteral("サンプル株式会社");
        b.email = QStringLiteral("ＫＥＮ＠ＳＡＭＰＬＥ．ＣＯ．ＪＰ");
        b.mobile = QStringLiteral("090-1234-5678");
        QVERIFY(repo.insert(b).ok());
        QUndoStack stack;
        ui::DuplicatesDialog dialog(*m_db, &stack);
        QCOMPARE(dialog.groupCount(), 1);  // same email (and company variant): one group
        QCOMPARE(repo.count().value(), 2); // nothing merged by listing
        dialog.mergeSelected();
        QCOMPARE(repo.count().value(), 1);
        QCOMPARE(repo.get(a.id)->mobile, QStringLiteral("090-1234-5678"));
        QCOMPARE(repo.history(a.id)->size(), 2);
        QCOMPARE(dialog.groupCount(), 0);
        stack.undo();
        QCOMPARE(repo.count().value(), 2);
        QCOMPARE(repo.get(a.id)->mobile, QString());
        QCOMPARE(repo.get(b.id)->company, QStringLiteral("サンプル株式会社"));
        QCOMPARE(repo.history(a.id)->size(), 1);
        QCOMPARE(repo.history(b.id)->size(), 1);
    }

    void pageShowsAndSearches() {
        LeadRepository repo(*m_db);
        Lead l = sample();
        l.familyReading = QStringLiteral("サトウ");
        QVERIFY(repo.insert(l).ok());
        ui::LeadsPage page;
        QUndoStack stack;
        page.setUndoStack(&stack);
        page.setDatabase(m_db.get());
        QCOMPARE(page.model()->rowCount(), 1);
        page.searchEdit()->setText(QStringLiteral("さとう"));
        page.applyFilters();
        QCOMPARE(page.model()->rowCount(), 1);
        page.searchEdit()->setText(QStringLiteral("やまだ"));
        page.applyFilters();
        QCOMPARE(page.model()->rowCount(), 0);
        page.setDatabase(nullptr);
    }

    // Screenshots of the page, the editor and business-card mode on demo data, in both
    // languages, when MIKOMI_SHOTS names a folder (not part of the normal run).
    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write screenshots");
        QDir().mkpath(dir);
        QVERIFY(services::writeDemo(*m_db, 300, 7, QDate(2026, 6, 30)).ok());
        LanguageManager lang;
        for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(l));
            ui::LeadsPage page;
            page.setDatabase(m_db.get());
            page.resize(1280, 720);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.view()->resizeColumnsToContents();
            QVERIFY(page.grab().save(dir + QStringLiteral("/leads_%1.png").arg(l)));
            page.searchEdit()->setText(QStringLiteral("やまだ"));
            page.applyFilters();
            QVERIFY(page.grab().save(dir + QStringLiteral("/leads_search_%1.png").arg(l)));

            const qint64 id = page.model()->leadId(0);
            ui::LeadEditor editor(*m_db, LeadRepository(*m_db).get(id).value(), nullptr);
            editor.findChild<QLineEdit *>(QStringLiteral("email"))->setText(QStringLiteral("bad@"));
            editor.accept();
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            QVERIFY(editor.grab().save(dir + QStringLiteral("/editor_%1.png").arg(l)));
            editor.findChild<QTabWidget *>()->setCurrentIndex(1);
            QVERIFY(editor.grab().save(dir + QStringLiteral("/editor_timeline_%1.png").arg(l)));

            ui::CardEntryDialog cards(*m_db, nullptr);
            // The same card in both languages: stored twice on purpose.
            cards.setDuplicateChooser(
                [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::SaveAnyway; });
            cards.setSource(QStringLiteral("東京ビッグサイト展 2026"));
            cards.setOwner(QStringLiteral("展示会スタッフ"));
            cards.show();
            QVERIFY(QTest::qWaitForWindowExposed(&cards));
            cards.findChild<QLineEdit *>(QStringLiteral("company"))
                ->setText(QStringLiteral("株式会社サンプル"));
            cards.findChild<QLineEdit *>(QStringLiteral("familyName"))
                ->setText(QStringLiteral("山田"));
            QVERIFY(cards.saveCard());
            cards.findChild<QLineEdit *>(QStringLiteral("company"))
                ->setText(QStringLiteral("青葉商事株式会社"));
            QVERIFY(cards.grab().save(dir + QStringLiteral("/cards_%1.png").arg(l)));
        }
        QVERIFY(lang.apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestLeadsUi)
#include "tst_leadsui.moc"
