// Team mode (issue 14) in the window: the dialog shown when someone else saved a lead while it
// was open (mine / theirs / before, field by field) and File > Merge into team database… (dry
// run, merge, conflicts and possible duplicates). In Japanese and English; screenshots go to
// $MIKOMI_SHOTS. The people are synthetic.

#include "models/appsettings.h"
#include "models/language.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/leadconflictdialog.h"
#include "ui/teammergedialog.h"

#include <QApplication>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace mikomi;

namespace {

void shot(QWidget *w, const QString &name, const QString &lang) {
    const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
    // As the user sees it: the layout caught up with the texts just set.
    QCoreApplication::processEvents();
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(QStringLiteral("%1/%2_%3.png").arg(dir, name, lang)));
}

Lead person() {
    Lead l;
    l.company = QStringLiteral("株式会社テスト工業");
    l.familyName = QStringLiteral("山本");
    l.givenName = QStringLiteral("健");
    l.email = QStringLiteral("ken.yamamoto@test-kogyo.example");
    l.source = QStringLiteral("展示会");
    l.notes = QStringLiteral("ブースで名刺交換");
    l.createdAt = QDateTime(QDate(2026, 10, 1), QTime(11, 0), QTimeZone(9 * 3600));
    l.updatedAt = l.createdAt;
    return l;
}

} // namespace

class TestTeamDialogs final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString newFile() { return m_dir.filePath(QStringLiteral("f%1.mikomi").arg(++m_files)); }

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MikomiTest"));
        QCoreApplication::setApplicationName(QStringLiteral("TeamDialogs"));
    }

    void conflictDialog_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    // Two connections to one file: I edit the title and the notes, someone else saves the notes
    // and the phone first. The dialog lists the differing fields; mine by default where I
    // changed them, theirs elsewhere; the result saves over their version.
    void conflictDialog() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        const QString path = newFile();
        auto one = storage::Database::open(path).value();
        auto two = storage::Database::open(path).value();
        Lead l = person();
        QVERIFY(storage::LeadRepository(*one).insert(l));
        const Lead before = storage::LeadRepository(*one).get(l.id).value();
        Lead mine = before;
        mine.title = QStringLiteral("部長");
        mine.notes = QStringLiteral("見積り送付済み");
        Lead theirs = storage::LeadRepository(*two).get(l.id).value();
        theirs.notes = QStringLiteral("来週デモ希望 (電話済み)");
        theirs.phone = QStringLiteral("03-5555-0101");
        QVERIFY(storage::LeadRepository(*two).update(theirs));
        QCOMPARE(storage::LeadRepository(*one).update(mine).errorKind(), ErrorKind::Changed);

        const Lead stored = storage::LeadRepository(*one).get(l.id).value();
        ui::LeadConflictDialog dialog(before, mine, stored);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.fields(), (QStringList{QStringLiteral("title"), QStringLiteral("phone"),
                                               QStringLiteral("notes")}));
        auto *table = dialog.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("ブースで名刺交換"));        // before
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("見積り送付済み"));          // mine
        QCOMPARE(table->item(2, 3)->text(), QStringLiteral("来週デモ希望 (電話済み)")); // theirs
        shot(&dialog, QStringLiteral("lead_conflict"), lang);
        // Defaults: title mine, phone theirs, notes mine; the user takes their notes.
        Lead r = dialog.resolved();
        QCOMPARE(r.title, QStringLiteral("部長"));
        QCOMPARE(r.phone, QStringLiteral("03-5555-0101"));
        QCOMPARE(r.notes, QStringLiteral("見積り送付済み"));
        dialog.setKeepMine(2, false);
        r = dialog.resolved();
        QCOMPARE(r.notes, QStringLiteral("来週デモ希望 (電話済み)"));
        QCOMPARE(r.version, stored.version);
        QVERIFY(storage::LeadRepository(*one).update(r)); // saved over the new version
        const Lead now = storage::LeadRepository(*two).get(l.id).value();
        QCOMPARE(now.title, QStringLiteral("部長"));
        QCOMPARE(now.phone, QStringLiteral("03-5555-0101"));
        // The other language at runtime: the labels follow.
        const QString header = table->horizontalHeaderItem(2)->text();
        QVERIFY(language.apply(lang == QLatin1String("ja") ? QStringLiteral("en")
                                                           : QStringLiteral("ja")));
        QCoreApplication::processEvents();
        QVERIFY(table->horizontalHeaderItem(2)->text() != header);
    }

    void mergeDialog_data() { conflictDialog_data(); }
    // File > Merge into team database…: the dry run shows what would change and writes nothing;
    // Merge writes; conflicts and possible duplicates are listed.
    void mergeDialog() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        const QString boothPath = newFile();
        auto team = storage::Database::open(newFile()).value();
        {
            auto booth = storage::Database::open(boothPath).value();
            Lead a = person();
            Lead b = person();
            b.familyName = QStringLiteral("中村");
            b.givenName = QStringLiteral("由美");
            b.email = QStringLiteral("yumi.nakamura@test-kogyo.example");
            QVERIFY(storage::LeadRepository(*booth).insert(a));
            QVERIFY(storage::LeadRepository(*booth).insert(b));
            // The same 中村 typed in at the office under another id.
            Lead again = b;
            again.id = 0;
            again.uuid.clear();
            QVERIFY(storage::LeadRepository(*team).insert(again));
            // 上田, merged and then deleted at the booth (gone from the team database at the
            // next merge); 遠藤, deleted at the booth but changed in the office (a conflict).
            Lead c = person();
            c.familyName = QStringLiteral("上田");
            c.email = QStringLiteral("ueda@test-kogyo.example");
            Lead d = person();
            d.familyName = QStringLiteral("遠藤");
            d.email = QStringLiteral("endo@test-kogyo.example");
            QVERIFY(storage::LeadRepository(*booth).insert(c));
            QVERIFY(storage::LeadRepository(*booth).insert(d));
            // Merged once, then 山本's notes changed on both sides.
            QVERIFY(storage::mergeDatabases(*booth, *team).ok());
            QVERIFY(storage::LeadRepository(*booth).remove(c.id));
            QVERIFY(storage::LeadRepository(*booth).remove(d.id));
            Lead atBooth = storage::LeadRepository(*booth).get(a.id).value();
            atBooth.notes = QStringLiteral("見積り送付済み");
            QVERIFY(storage::LeadRepository(*booth).update(atBooth));
            Lead b2 = person();
            b2.familyName = QStringLiteral("小林");
            b2.givenName = QStringLiteral("翔");
            b2.email = QStringLiteral("sho.kobayashi@test-kogyo.example");
            QVERIFY(storage::LeadRepository(*booth).insert(b2));
        }
        qint64 teamKen = 0;
        QVERIFY(storage::LeadRepository(*team).forEach({}, [&](Lead &&l) {
            if (l.familyName == QStringLiteral("山本"))
                teamKen = l.id;
            return true;
        }));
        QVERIFY(teamKen > 0);
        QVERIFY(storage::LeadRepository(*team).forEach({}, [&](Lead &&l) {
            if (l.familyName == QStringLiteral("遠藤")) {
                l.notes = QStringLiteral("来月に再訪問");
                return bool(storage::LeadRepository(*team).update(l));
            }
            return true;
        }));
        Lead atOffice = storage::LeadRepository(*team).get(teamKen).value();
        atOffice.notes = QStringLiteral("来週デモ希望 (電話済み)");
        QVERIFY(storage::LeadRepository(*team).update(atOffice));
        const qint64 leadsBefore = storage::LeadRepository(*team).count().value();

        ui::TeamMergeDialog dialog(*team);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shot(&dialog, QStringLiteral("team_merge_empty"), lang);
        QVERIFY(dialog.setSource(boothPath));
        QCOMPARE(storage::LeadRepository(*team).count().value(), leadsBefore); // dry run
        QCOMPARE(dialog.conflictTable()->rowCount(), 2);
        QVERIFY(dialog.summaryText().contains(QLatin1Char('1')));
        shot(&dialog, QStringLiteral("team_merge_dryrun"), lang);
        // 遠藤: keep the lead (recorded: the next look does not offer it again).
        QCOMPARE(dialog.conflictTable()->item(0, 3)->text(),
                 QCoreApplication::translate("mikomi::ui::TeamMergeDialog", "Deleted"));
        dialog.setChoice(0, storage::MergeSide::Target);
        QVERIFY(dialog.merge());
        QVERIFY(dialog.merged());
        // 小林 added, 上田 deleted; 遠藤 kept (deleted there, changed here: listed).
        QCOMPARE(storage::LeadRepository(*team).count().value(), leadsBefore);
        QCOMPARE(dialog.conflictTable()->rowCount(), 2);
        QCOMPARE(dialog.conflictTable()->item(0, 3)->text(),
                 QCoreApplication::translate("mikomi::ui::TeamMergeDialog", "Deleted"));
        QCOMPARE(dialog.conflictTable()->item(0, 5)->text(),
                 QCoreApplication::translate("mikomi::ui::TeamMergeDialog", "Lead kept"));
        QCOMPARE(dialog.conflictTable()->item(1, 3)->text(), QStringLiteral("見積り送付済み"));
        QCOMPARE(dialog.conflictTable()->item(1, 2)->text(),
                 QStringLiteral("来週デモ希望 (電話済み)")); // mine
        QCOMPARE(dialog.conflictTable()->item(1, 4)->text(),
                 QStringLiteral("ブースで名刺交換")); // at the last merge
        QCOMPARE(storage::LeadRepository(*team).get(teamKen)->notes,
                 QStringLiteral("来週デモ希望 (電話済み)")); // not overwritten
        shot(&dialog, QStringLiteral("team_merge_done"), lang);
        // Looked at again: only 山本's notes are left to decide.
        QVERIFY(dialog.setSource(boothPath));
        QCOMPARE(dialog.conflictTable()->rowCount(), 1);
    }

    void settleInDialog_data() { conflictDialog_data(); }
    // The conflicts of the dry run settled in the dialog, one by one and "All theirs": applied
    // by Merge, shown as decided, noted in the lead's history; the next dry run lists nothing.
    void settleInDialog() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        AppSettings().setOwnerName(QStringLiteral("佐藤 美咲"));
        const QString boothPath = newFile();
        auto team = storage::Database::open(newFile()).value();
        {
            auto booth = storage::Database::open(boothPath).value();
            Lead a = person();
            QVERIFY(storage::LeadRepository(*booth).insert(a));
            QVERIFY(storage::mergeDatabases(*booth, *team).ok());
            Lead atBooth = storage::LeadRepository(*booth).get(a.id).value();
            atBooth.notes = QStringLiteral("見積り送付済み");
            atBooth.title = QStringLiteral("部長");
            QVERIFY(storage::LeadRepository(*booth).update(atBooth));
            QVERIFY(storage::LeadRepository(*booth).changeStage(
                a.id, Stage::Mql, SqlKind::None, QString(), QDateTime::currentDateTime()));
        }
        qint64 teamKen = 0;
        QVERIFY(storage::LeadRepository(*team).forEach({}, [&](Lead &&l) {
            teamKen = l.id;
            return true;
        }));
        Lead atOffice = storage::LeadRepository(*team).get(teamKen).value();
        atOffice.notes = QStringLiteral("来週デモ希望 (電話済み)");
        atOffice.title = QStringLiteral("課長");
        QVERIFY(storage::LeadRepository(*team).update(atOffice));
        QVERIFY(storage::LeadRepository(*team).changeStage(
            teamKen, Stage::Sql, SqlKind::Sal, QString(), QDateTime::currentDateTime()));

        ui::TeamMergeDialog dialog(*team);
        dialog.resize(1024, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.setSource(boothPath));
        QTableWidget *table = dialog.conflictTable();
        QCOMPARE(table->rowCount(), 3);
        QStringList fields;
        for (int row = 0; row < 3; ++row) {
            fields << table->item(row, 1)->text();
            QVERIFY(!dialog.choice(row)); // undecided unless chosen
        }
        // The stage is shown by its name, not its key.
        const int stageRow =
            fields.indexOf(QCoreApplication::translate("mikomi::LeadFields", "Stage"));
        QVERIFY(stageRow >= 0);
        QCOMPARE(table->item(stageRow, 2)->text(), stageLabel(Stage::Sql));
        QCOMPARE(table->item(stageRow, 3)->text(), stageLabel(Stage::Mql));
        dialog.chooseAll(storage::MergeSide::Source);
        const int titleRow =
            fields.indexOf(QCoreApplication::translate("mikomi::LeadFields", "Title"));
        QVERIFY(titleRow >= 0);
        dialog.setChoice(titleRow, storage::MergeSide::Target);
        shot(&dialog, QStringLiteral("team_merge_settle"), lang);
        QVERIFY(dialog.merge());
        const Lead merged = storage::LeadRepository(*team).get(teamKen).value();
        QCOMPARE(merged.notes, QStringLiteral("見積り送付済み")); // theirs
        QCOMPARE(merged.stage, Stage::Mql);                       // theirs
        QCOMPARE(merged.title, QStringLiteral("課長"));           // mine
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(titleRow, 5)->text(),
                 QCoreApplication::translate("mikomi::ui::TeamMergeDialog", "Kept mine"));
        QCOMPARE(table->item(stageRow, 5)->text(),
                 QCoreApplication::translate("mikomi::ui::TeamMergeDialog", "Took theirs"));
        const QList<Activity> acts = storage::LeadRepository(*team).activities(teamKen).value();
        QCOMPARE(acts.size(), 1);
        QCOMPARE(acts.first().user, QStringLiteral("佐藤 美咲"));
        QVERIFY(acts.first().notes.contains(
            QCoreApplication::translate("mikomi::LeadFields", "Title")));
        shot(&dialog, QStringLiteral("team_merge_settled"), lang);
        // The next look: nothing left to settle.
        QVERIFY(dialog.setSource(boothPath));
        QCOMPARE(table->rowCount(), 0);
    }

    void bulkLeavesDeletions_data() { conflictDialog_data(); }
    // "All fields: theirs" takes the booth's values of the changed fields but deletes nothing: a
    // lead deleted at the booth and changed here stays undecided (and the dialog says so) until
    // "Delete it" is chosen in its row.
    void bulkLeavesDeletions() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        const QString boothPath = newFile();
        auto team = storage::Database::open(newFile()).value();
        {
            auto booth = storage::Database::open(boothPath).value();
            Lead a = person();
            Lead b = person();
            b.familyName = QStringLiteral("中村");
            b.givenName = QStringLiteral("由美");
            b.email = QStringLiteral("yumi.nakamura@test-kogyo.example");
            QVERIFY(storage::LeadRepository(*booth).insert(a));
            QVERIFY(storage::LeadRepository(*booth).insert(b));
            QVERIFY(storage::mergeDatabases(*booth, *team).ok());
            Lead atBooth = storage::LeadRepository(*booth).get(a.id).value();
            atBooth.notes = QStringLiteral("見積り送付済み");
            QVERIFY(storage::LeadRepository(*booth).update(atBooth));
            QVERIFY(storage::LeadRepository(*booth).remove(b.id));
        }
        QList<Lead> office;
        QVERIFY(storage::LeadRepository(*team).forEach({}, [&](Lead &&l) {
            office << l;
            return true;
        }));
        QCOMPARE(office.size(), 2);
        for (Lead &l : office) {
            l.notes = QStringLiteral("来週デモ希望 (電話済み)");
            QVERIFY(storage::LeadRepository(*team).update(l));
        }
        ui::TeamMergeDialog dialog(*team);
        dialog.resize(1024, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.setSource(boothPath));
        QTableWidget *table = dialog.conflictTable();
        QCOMPARE(table->rowCount(), 2);
        const QString wholeLead =
            QCoreApplication::translate("mikomi::ui::TeamMergeDialog", "The whole lead");
        const int deletionRow = table->item(0, 1)->text() == wholeLead ? 0 : 1;
        QCOMPARE(table->item(deletionRow, 1)->text(), wholeLead);
        dialog.chooseAll(storage::MergeSide::Source);
        QCOMPARE(dialog.choice(1 - deletionRow), storage::MergeSide::Source);
        QVERIFY(!dialog.choice(deletionRow)); // not deleted unasked
        // The dialog says what the bulk buttons do with deletions.
        const auto labels = dialog.findChildren<QLabel *>();
        const QString says = QCoreApplication::translate(
            "mikomi::ui::TeamMergeDialog",
            "Your decisions are applied when you merge and noted in each lead's history. "
            "“All fields: mine” and “All fields: theirs” settle the changed fields only; they "
            "neither delete nor restore anything. A lead or follow-up deleted on one side and "
            "changed on the other is settled in its own row.");
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                            [&](const QLabel *l) { return l->text().contains(says); }));
        shot(&dialog, QStringLiteral("team_merge_deletion"), lang);
        QVERIFY(dialog.merge());
        QCOMPARE(storage::LeadRepository(*team).count().value(), 2); // kept, undecided
        QCOMPARE(table->item(deletionRow, 5)->text(),
                 QCoreApplication::translate("mikomi::ui::TeamMergeDialog",
                                             "Undecided: mine kept, listed again next time"));
        // Chosen in its row: deleted.
        QVERIFY(dialog.setSource(boothPath));
        QCOMPARE(table->rowCount(), 1);
        dialog.setChoice(0, storage::MergeSide::Source);
        QVERIFY(dialog.merge());
        QCOMPARE(storage::LeadRepository(*team).count().value(), 1);
    }

    // The first merge of a booth file whose person the team database already has: offered.
    void duplicateOffered() {
        auto team = storage::Database::open(newFile()).value();
        const QString boothPath = newFile();
        {
            auto booth = storage::Database::open(boothPath).value();
            Lead a = person();
            QVERIFY(storage::LeadRepository(*booth).insert(a));
        }
        Lead office = person();
        QVERIFY(storage::LeadRepository(*team).insert(office));
        ui::TeamMergeDialog dialog(*team);
        QVERIFY(dialog.setSource(boothPath));
        QCOMPARE(dialog.duplicateTable()->rowCount(), 1);
        QVERIFY(dialog.merge());
        QCOMPARE(dialog.duplicateTable()->rowCount(), 1);
        QVERIFY(dialog.duplicateTable()->item(0, 1)->text().startsWith(
            QStringLiteral("#%1 ").arg(office.id)));
        QCOMPARE(storage::LeadRepository(*team).count().value(), 2);
    }
};

QTEST_MAIN(TestTeamDialogs)
#include "tst_teamdialogs.moc"
