#include "models/language.h"
#include "models/storage/boothstore.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/storage/spendstore.h"
#include "ui/cardentrydialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace mikomi;
using namespace mikomi::storage;
using ui::CardEntryDialog;

// Business-card mode never loses a card: drafts survive a crash, closing asks first, the session
// is remembered, the counters are right after a restart, Tab stays in the card, and a card of a
// person already stored is not stored twice by accident.
class TestCardEntry final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString path() const { return m_dir.filePath(QStringLiteral("cards.mikomi")); }

    void restart() {
        m_db.reset();
        auto db = Database::open(path());
        QVERIFY(db.ok());
        m_db = std::move(db.value());
    }
    static QLineEdit *field(const CardEntryDialog &d, const char *name) {
        return d.findChild<QLineEdit *>(QLatin1String(name));
    }
    // Types text key by key (QTest::keyClicks takes Latin-1 only).
    static void type(QWidget *w, const QString &text) {
        for (const QChar ch : text) {
            QTest::sendKeyEvent(QTest::Press, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
    // A dialog as the booth worker gets it: no question pops up in a test.
    std::unique_ptr<CardEntryDialog> open(QUndoStack *stack = nullptr) {
        auto d = std::make_unique<CardEntryDialog>(*m_db, stack);
        d->setDraftChooser([](const CardDraft &) { return true; });
        d->setCloseChooser([] { return CardEntryDialog::CloseChoice::KeepTyping; });
        d->setDuplicateChooser(
            [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::Cancel; });
        return d;
    }
    qint64 leadCount() const { return LeadRepository(*m_db).count().value(); }

private slots:
    void init() {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        m_db = std::move(db.value());
        SourceRepository sources(*m_db);
        QVERIFY(sources.resolve(QStringLiteral("ウェビナー"), true, SourceCategory::Event).ok());
        QVERIFY(sources.resolve(QStringLiteral("展示会"), true, SourceCategory::Event).ok());
    }
    void cleanup() {
        m_db.reset();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path() + suffix);
    }

    // Fields typed and then the process gone without any close handling: the next dialog gets
    // them back; saving the card clears the draft.
    void draftSurvivesACrash() {
        {
            auto d = open();
            d->setSource(QStringLiteral("展示会"));
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d.get()));
            type(field(*d, "company"), QStringLiteral("株式会社湊印刷"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            type(QApplication::focusWidget(), QStringLiteral("営業部"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            type(QApplication::focusWidget(), QStringLiteral("森"));
            // Kept in the database while typing (another connection sees it).
            auto other = Database::open(path());
            QVERIFY(other.ok());
            QTRY_VERIFY_WITH_TIMEOUT(BoothStore(**other).draft().value().has_value(), 2000);
            QTRY_COMPARE_WITH_TIMEOUT(
                BoothStore(**other).draft().value()->fields.value(QStringLiteral("familyName")),
                QStringLiteral("森"), 2000);
            // The crash: the dialog goes away without reject(), closeEvent or a save.
        }
        restart();
        int offered = 0;
        auto d = open();
        d->setDraftChooser([&offered](const CardDraft &draft) {
            ++offered;
            return draft.fields.value(QStringLiteral("company")) ==
                   QStringLiteral("株式会社湊印刷");
        });
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        QTRY_COMPARE(field(*d, "company")->text(), QStringLiteral("株式会社湊印刷"));
        QCOMPARE(offered, 1);
        QCOMPARE(field(*d, "department")->text(), QStringLiteral("営業部"));
        QCOMPARE(field(*d, "familyName")->text(), QStringLiteral("森"));
        QVERIFY(d->saveCard());
        QCOMPARE(leadCount(), 1);
        QTest::qWait(400); // a late draft write must not bring the saved card back
        QVERIFY(!BoothStore(*m_db).draft().value().has_value());
        d.reset();
        auto again = open();
        int offeredAgain = 0;
        again->setDraftChooser([&offeredAgain](const CardDraft &) {
            ++offeredAgain;
            return true;
        });
        again->show();
        QVERIFY(QTest::qWaitForWindowExposed(again.get()));
        QTest::qWait(50);
        QCOMPARE(offeredAgain, 0);
        QVERIFY(field(*again, "company")->text().isEmpty());
    }

    // The real question (not a test chooser) restores with Enter, and the form goes on where it
    // stopped: Tab moves to the next field, leaving the name looks the card up.
    void restoredDraftContinues() {
        Lead stored;
        stored.company = QStringLiteral("株式会社湊印刷");
        stored.familyName = QStringLiteral("森");
        stored.givenName = QStringLiteral("裕子");
        stored.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        QVERIFY(LeadRepository(*m_db).insert(stored).ok());
        CardDraft draft;
        draft.fields.insert(QStringLiteral("company"), QStringLiteral("株式会社湊印刷"));
        draft.fields.insert(QStringLiteral("familyName"), QStringLiteral("森"));
        QVERIFY(BoothStore(*m_db).saveDraft(draft).ok());
        CardEntryDialog d(*m_db, nullptr);
        bool answered = false;
        QTimer::singleShot(300, &d, [&] {
            QWidget *box = QApplication::activeModalWidget();
            if (box && box != &d) {
                QTest::keyClick(box, Qt::Key_Return);
                answered = true;
            }
        });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTRY_VERIFY(answered);
        QTRY_COMPARE(field(d, "company")->text(), QStringLiteral("株式会社湊印刷"));
        QTRY_COMPARE(QApplication::focusWidget(), field(d, "givenName"));
        type(QApplication::focusWidget(), QStringLiteral("裕子"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), field(d, "familyReading"));
        QVERIFY2(d.duplicateText().contains(QStringLiteral("株式会社湊印刷")),
                 qPrintable(d.duplicateText()));
        d.setCloseChooser([] { return CardEntryDialog::CloseChoice::Discard; });
    }

    // Esc with a half-typed card asks: keep typing keeps it, discard drops it (and its draft);
    // Esc on an empty form just closes.
    void escapeAsksFirst() {
        auto d = open();
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        QList<CardEntryDialog::CloseChoice> answers{CardEntryDialog::CloseChoice::KeepTyping,
                                                    CardEntryDialog::CloseChoice::Discard};
        int asked = 0;
        d->setCloseChooser([&] { return answers.at(asked++); });
        type(field(*d, "company"), QStringLiteral("青葉商事"));
        QTest::keyClick(field(*d, "company"), Qt::Key_Escape);
        QCOMPARE(asked, 1);
        QVERIFY(d->isVisible());
        QCOMPARE(field(*d, "company")->text(), QStringLiteral("青葉商事"));
        QTRY_VERIFY_WITH_TIMEOUT(BoothStore(*m_db).draft().value().has_value(), 2000);
        d->close(); // the window's close button
        QCOMPARE(asked, 2);
        QVERIFY(!d->isVisible());
        QVERIFY(!BoothStore(*m_db).draft().value().has_value());
        QCOMPARE(leadCount(), 0);

        // "Save" saves the card, then closes.
        auto s = open();
        s->setCloseChooser([] { return CardEntryDialog::CloseChoice::Save; });
        s->show();
        QVERIFY(QTest::qWaitForWindowExposed(s.get()));
        field(*s, "company")->setText(QStringLiteral("緑町工業"));
        QTest::keyClick(field(*s, "company"), Qt::Key_Escape);
        QVERIFY(!s->isVisible());
        QCOMPARE(leadCount(), 1);

        // Nothing typed: no question.
        auto e = open();
        int none = 0;
        e->setCloseChooser([&none] {
            ++none;
            return CardEntryDialog::CloseChoice::KeepTyping;
        });
        e->show();
        QVERIFY(QTest::qWaitForWindowExposed(e.get()));
        QTest::keyClick(field(*e, "company"), Qt::Key_Escape);
        QCOMPARE(none, 0);
        QVERIFY(!e->isVisible());
    }

    // The event, campaign and owner come back after a reopen and a restart; the counters show the
    // event's cards of today and all of today's leads, also after a restart.
    void sessionAndCountersSurviveRestart() {
        Campaign c;
        c.name = QStringLiteral("Japan IT Week 2026 秋");
        c.source = QStringLiteral("展示会");
        QVERIFY(CampaignStore(*m_db).insert(c).ok());
        restart();
        {
            auto d = open();
            d->setCampaign(QStringLiteral("Japan IT Week 2026 秋"));
            d->setOwner(QStringLiteral("佐藤 健太"));
            QCOMPARE(d->source(), QStringLiteral("展示会"));
            for (const char *company : {"株式会社一番", "株式会社二番"}) {
                field(*d, "company")->setText(QString::fromUtf8(company));
                QVERIFY2(d->saveCard(), qPrintable(d->statusText()));
            }
            QCOMPARE(d->cardsToday(), 2);
        }
        // Another lead today, from another source (the editor, an import...).
        Lead other;
        other.company = QStringLiteral("他社");
        other.source = QStringLiteral("ウェビナー");
        other.createdAt = QDateTime::currentDateTime();
        QVERIFY(LeadRepository(*m_db).insert(other).ok());
        restart();
        auto d = open();
        QCOMPARE(d->source(), QStringLiteral("展示会"));
        QCOMPARE(d->campaign(), QStringLiteral("Japan IT Week 2026 秋"));
        QCOMPARE(d->owner(), QStringLiteral("佐藤 健太"));
        QCOMPARE(d->cardsToday(), 2);
        QCOMPARE(d->cardsTodayTotal(), 3);
        QVERIFY(d->findChild<QLabel *>(QStringLiteral("counter"))->text().contains(u'2'));
        QVERIFY(d->findChild<QLabel *>(QStringLiteral("total"))->text().contains(u'3'));
        // The cards carry the owner and the campaign (as a touchpoint).
        LeadRepository repo(*m_db);
        const qint64 first = 1;
        QCOMPARE(repo.get(first)->owner, QStringLiteral("佐藤 健太"));
        QCOMPARE(repo.get(first)->source, QStringLiteral("展示会"));
        auto tps = repo.touchpoints(first);
        QVERIFY(tps.ok());
        QCOMPARE(tps->size(), 1);
        QCOMPARE(tps->first().campaign, QStringLiteral("Japan IT Week 2026 秋"));
        // Switching the event is remembered too.
        d->setSource(QStringLiteral("ウェビナー"));
        QCOMPARE(d->cardsToday(), 1);
        d.reset();
        restart();
        QCOMPARE(open()->source(), QStringLiteral("ウェビナー"));
        QVERIFY(open()->campaign().isEmpty());
    }

    // Tab runs through the card and Save, then back to Company: never into the event or the
    // owner; typing never renames the event. Shift+Tab from Company reaches the session.
    void tabStaysInTheCard() {
        auto d = open();
        d->setSource(QStringLiteral("展示会"));
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        field(*d, "company")->setFocus();
        QStringList visited;
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget()->objectName();
            type(QApplication::focusWidget(), QStringLiteral("x"));
        }
        QVERIFY2(!visited.contains(QStringLiteral("event")), qPrintable(visited.join(u' ')));
        QVERIFY2(!visited.contains(QStringLiteral("owner")), qPrintable(visited.join(u' ')));
        QVERIFY(visited.contains(QStringLiteral("save")));
        QVERIFY(visited.contains(QStringLiteral("notes")));
        QCOMPARE(visited.at(visited.indexOf(QStringLiteral("save")) + 1),
                 QStringLiteral("company"));
        QCOMPARE(d->source(), QStringLiteral("展示会"));
        QCOMPARE(d->findChild<QComboBox *>(QStringLiteral("event"))->currentText(),
                 QStringLiteral("展示会"));
        field(*d, "company")->setFocus();
        QTest::keyClick(field(*d, "company"), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("owner"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("event"));
    }

    // Mouse users have a Save button; mobile, building and notes are stored.
    void saveButtonAndNewFields() {
        auto d = open();
        d->setSource(QStringLiteral("展示会"));
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        field(*d, "company")->setText(QStringLiteral("株式会社港"));
        field(*d, "familyName")->setText(QStringLiteral("本田"));
        field(*d, "mobile")->setText(QStringLiteral("090-1234-5678"));
        field(*d, "building")->setText(QStringLiteral("港ビル 5F"));
        field(*d, "notes")->setText(QStringLiteral("新製品に関心"));
        auto *save = d->findChild<QPushButton *>(QStringLiteral("save"));
        QVERIFY(save);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(leadCount(), 1);
        const Lead l = LeadRepository(*m_db).get(1).value();
        QCOMPARE(l.mobile, QStringLiteral("090-1234-5678"));
        QCOMPARE(l.building, QStringLiteral("港ビル 5F"));
        QCOMPARE(l.notes, QStringLiteral("新製品に関心"));
        QVERIFY(field(*d, "company")->text().isEmpty());
        // Enter in a field does not save a half card.
        field(*d, "company")->setText(QStringLiteral("途中"));
        QTest::keyClick(field(*d, "company"), Qt::Key_Return);
        QCOMPARE(leadCount(), 1);
    }

    // A card whose email matches a stored lead says so when the field is left; saving asks, and
    // the default updates the stored lead instead of adding a second one.
    void matchingCardUpdatesTheStoredLead() {
        Lead stored;
        stored.company = QStringLiteral("株式会社湊印刷");
        stored.familyName = QStringLiteral("森");
        stored.givenName = QStringLiteral("裕子");
        stored.email = QStringLiteral("yuko.mori@minato-print.jp");
        stored.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        QVERIFY(LeadRepository(*m_db).insert(stored).ok());
        QUndoStack stack;
        auto d = open(&stack);
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        field(*d, "company")->setFocus();
        type(field(*d, "company"), QStringLiteral("湊印刷"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        type(QApplication::focusWidget(), QStringLiteral("営業企画部"));
        QVERIFY(d->duplicateText().isEmpty());
        auto *email = field(*d, "email");
        email->setFocus();
        type(email, QStringLiteral("Yuko.Mori@minato-print.jp"));
        QTest::keyClick(email, Qt::Key_Tab); // leaving the field looks it up
        QVERIFY2(d->duplicateText().contains(QStringLiteral("株式会社湊印刷")),
                 qPrintable(d->duplicateText()));

        // Keep typing: nothing stored, the card stays.
        QList<DuplicateMatch> seen;
        d->setDuplicateChooser([&seen](const QList<DuplicateMatch> &m) {
            seen = m;
            return ui::DuplicateChoice::Cancel;
        });
        QVERIFY(!d->saveCard());
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().id, stored.id);
        QCOMPARE(leadCount(), 1);
        QCOMPARE(field(*d, "department")->text(), QStringLiteral("営業企画部"));

        // Open to update (the default): the editor gets the stored lead with the card's details.
        d->setDuplicateChooser(
            [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::OpenExisting; });
        Lead proposed;
        d->setEditor([&proposed](const Lead &l) -> std::optional<Lead> {
            proposed = l;
            return l;
        });
        QVERIFY2(d->saveCard(), qPrintable(d->statusText()));
        QCOMPARE(proposed.id, stored.id);
        QCOMPARE(leadCount(), 1);
        const Lead after = LeadRepository(*m_db).get(stored.id).value();
        QCOMPARE(after.department, QStringLiteral("営業企画部"));
        QCOMPARE(after.company, QStringLiteral("株式会社湊印刷"));
        QVERIFY(field(*d, "email")->text().isEmpty());
        QVERIFY(d->duplicateText().isEmpty());
        stack.undo();
        QVERIFY(LeadRepository(*m_db).get(stored.id)->department.isEmpty());

        // Merge from the warning: the phone matches now; the empty fields are filled at once.
        Lead phoneLead = LeadRepository(*m_db).get(stored.id).value();
        phoneLead.phone = QStringLiteral("03-6455-1212");
        QVERIFY(LeadRepository(*m_db).update(phoneLead).ok());
        field(*d, "familyName")->setText(QStringLiteral("森"));
        field(*d, "phone")->setText(QStringLiteral("0364551212"));
        field(*d, "title")->setText(QStringLiteral("課長"));
        d->checkDuplicates();
        QVERIFY(!d->duplicateText().isEmpty());
        QVERIFY(d->mergeIntoDuplicate());
        QCOMPARE(leadCount(), 1);
        QCOMPARE(LeadRepository(*m_db).get(stored.id)->title, QStringLiteral("課長"));

        // Save as new: explicit, then stored.
        field(*d, "company")->setText(QStringLiteral("株式会社湊印刷"));
        field(*d, "email")->setText(QStringLiteral("yuko.mori@minato-print.jp"));
        d->setDuplicateChooser(
            [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::SaveAnyway; });
        QVERIFY(d->saveCard());
        QCOMPARE(leadCount(), 2);
    }

    // The same person typed twice the same day (company written differently) is not stored
    // twice without a confirmation.
    void sameCardTwiceTodayAsks() {
        auto d = open();
        d->setSource(QStringLiteral("展示会"));
        int asked = 0;
        d->setDuplicateChooser([&asked](const QList<DuplicateMatch> &) {
            ++asked;
            return ui::DuplicateChoice::Cancel;
        });
        field(*d, "company")->setText(QStringLiteral("青葉商事株式会社"));
        field(*d, "familyName")->setText(QStringLiteral("山田"));
        field(*d, "givenName")->setText(QStringLiteral("太郎"));
        QVERIFY(d->saveCard());
        QCOMPARE(asked, 0);
        field(*d, "company")->setText(QStringLiteral("青葉商事（株）"));
        field(*d, "familyName")->setText(QStringLiteral("山田"));
        field(*d, "givenName")->setText(QStringLiteral("太郎"));
        QVERIFY(!d->saveCard());
        QCOMPARE(asked, 1);
        QCOMPARE(leadCount(), 1);
    }

    // Screenshots in both languages when MIKOMI_SHOTS names a folder.
    void screenshots() {
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            QSKIP("set MIKOMI_SHOTS=<folder> to write screenshots");
        QDir().mkpath(dir);
        Campaign c;
        c.name = QStringLiteral("Japan IT Week 2026 秋");
        c.source = QStringLiteral("展示会");
        QVERIFY(CampaignStore(*m_db).insert(c).ok());
        Lead stored;
        stored.company = QStringLiteral("株式会社湊印刷");
        stored.familyName = QStringLiteral("森");
        stored.givenName = QStringLiteral("裕子");
        stored.email = QStringLiteral("yuko.mori@minato-print.jp");
        stored.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
        QVERIFY(LeadRepository(*m_db).insert(stored).ok());
        LanguageManager lang;
        for (const QString &l : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(l));
            auto d = open();
            d->setCampaign(c.name);
            d->setOwner(QStringLiteral("佐藤 健太"));
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d.get()));
            field(*d, "company")
                ->setText(l == QLatin1String("ja") ? QStringLiteral("青葉商事株式会社")
                                                   : QStringLiteral("Aoba Trading"));
            field(*d, "familyName")->setText(QStringLiteral("山田"));
            QVERIFY(d->saveCard());
            const QList<std::pair<const char *, const char *>> card{
                {"company", "株式会社湊印刷"},
                {"department", "営業企画部"},
                {"title", "課長"},
                {"familyName", "森"},
                {"givenName", "裕子"},
                {"familyReading", "モリ"},
                {"givenReading", "ユウコ"},
                {"phone", "03-6455-1212"},
                {"mobile", "090-1234-5678"},
                {"email", "yuko.mori@minato-print.jp"},
                {"postalCode", "105-0022"},
                {"prefecture", "東京都"},
                {"city", "港区"},
                {"street", "海岸1-2-3"},
                {"building", "湊ビル 5F"},
                {"notes", "新製品のデモを希望"}};
            for (const auto &[k, v] : card)
                field(*d, k)->setText(QString::fromUtf8(v));
            d->checkDuplicates();
            QVERIFY(!d->duplicateText().isEmpty());
            QTest::qWait(50);
            QVERIFY(d->grab().save(dir + QStringLiteral("/cardentry_%1.png").arg(l)));
            // The question on Esc, grabbed and answered "keep typing".
            d->setCloseChooser({});
            bool grabbed = false;
            QTimer::singleShot(200, d.get(), [&] {
                QWidget *box = QApplication::activeModalWidget();
                if (box && box != d.get()) {
                    grabbed =
                        box->grab().save(dir + QStringLiteral("/cardentry_close_%1.png").arg(l));
                    QTest::keyClick(box, Qt::Key_Escape);
                }
            });
            d->reject();
            QVERIFY(grabbed);
            QVERIFY(d->isVisible());
            // The question on save.
            d->setDuplicateChooser({});
            grabbed = false;
            QTimer::singleShot(200, d.get(), [&] {
                QWidget *box = QApplication::activeModalWidget();
                if (box && box != d.get()) {
                    grabbed =
                        box->grab().save(dir + QStringLiteral("/cardentry_dup_%1.png").arg(l));
                    QTest::keyClick(box, Qt::Key_Escape);
                }
            });
            QVERIFY(!d->saveCard());
            QVERIFY(grabbed);
            // The draft question.
            QTRY_VERIFY_WITH_TIMEOUT(BoothStore(*m_db).draft().value().has_value(), 2000);
            d.reset();
            auto r = std::make_unique<CardEntryDialog>(*m_db, nullptr);
            grabbed = false;
            QTimer::singleShot(300, r.get(), [&] {
                QWidget *box = QApplication::activeModalWidget();
                if (box && box != r.get()) {
                    grabbed =
                        box->grab().save(dir + QStringLiteral("/cardentry_draft_%1.png").arg(l));
                    QTest::keyClick(box, Qt::Key_Return);
                }
            });
            r->show();
            QTRY_VERIFY_WITH_TIMEOUT(grabbed, 3000);
            QTRY_COMPARE(field(*r, "company")->text(), QStringLiteral("株式会社湊印刷"));
            r->setCloseChooser([] { return CardEntryDialog::CloseChoice::Discard; });
            r->reject();
        }
        QVERIFY(lang.apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestCardEntry)
#include "tst_cardentry.moc"
