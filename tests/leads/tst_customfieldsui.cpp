#include "models/commands/leadcommands.h"
#include "models/language.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "ui/leadeditor.h"

#include <QAbstractButton>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace mikomi;
using namespace mikomi::storage;

// The lead editor's custom fields (issue 12): values kept under names of the user's own (from an
// import's "custom:NAME" column, or typed) are shown, edited, added and removed in a small table;
// the change is saved with the lead and goes with undo; a name given twice or a value without a
// name is refused at the table. Screenshots in Japanese and English with MIKOMI_SHOTS.
class TestCustomFieldsUi final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static Lead person() {
        Lead l;
        l.company = QStringLiteral("株式会社白鷺織物");
        l.familyName = QStringLiteral("白鷺");
        l.givenName = QStringLiteral("澪");
        l.email = QStringLiteral("mio@shirasagi-weave.example");
        l.customFields = {{QStringLiteral("業種"), QStringLiteral("織物")}};
        return l;
    }

    static void fillLastRow(ui::LeadEditor &editor, const QString &name, const QString &value) {
        auto *table = editor.findChild<QTableWidget *>(QStringLiteral("customFields"));
        QVERIFY(table);
        const int row = table->rowCount() - 1;
        auto *n = qobject_cast<QLineEdit *>(table->cellWidget(row, 0));
        auto *v = qobject_cast<QLineEdit *>(table->cellWidget(row, 1));
        QVERIFY(n && v);
        n->setText(name);
        v->setText(value);
        emit v->editingFinished();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void editedSavedAndUndoable() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("custom.mikomi")));
        QVERIFY(db);
        LeadRepository repo(**db);
        Lead l = person();
        QVERIFY(repo.insert(l));
        const Lead before = repo.get(l.id).value();
        const QList<CustomField> expected{{QStringLiteral("業種"), QStringLiteral("絹織物")},
                                          {QStringLiteral("Booth"), QStringLiteral("B-12")}};
        QUndoStack undo;
        {
            ui::LeadEditor editor(**db, before, &undo);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            auto *table = editor.findChild<QTableWidget *>(QStringLiteral("customFields"));
            QVERIFY(table);
            QCOMPARE(table->rowCount(), 1);
            auto *value = qobject_cast<QLineEdit *>(table->cellWidget(0, 1));
            QCOMPARE(value->text(), QStringLiteral("織物"));
            value->setText(QStringLiteral("絹織物"));
            auto *add = editor.findChild<QPushButton *>(QStringLiteral("addCustomField"));
            QVERIFY(add);
            QTest::mouseClick(add, Qt::LeftButton);
            QCOMPARE(table->rowCount(), 2);
            // The same name twice is refused at the table.
            fillLastRow(editor, QStringLiteral(" 業種"), QStringLiteral("x"));
            QVERIFY2(editor.customFieldsMessage().contains(QStringLiteral("業種")),
                     qPrintable(editor.customFieldsMessage()));
            editor.accept();
            QCOMPARE(editor.result(), int(QDialog::Rejected));
            fillLastRow(editor, QString(), QStringLiteral("B-12"));
            QVERIFY(!editor.customFieldsMessage().isEmpty()); // a value without a name
            fillLastRow(editor, QStringLiteral("Booth"), QStringLiteral("B-12"));
            QVERIFY2(editor.customFieldsMessage().isEmpty(),
                     qPrintable(editor.customFieldsMessage()));
            QTest::mouseClick(add, Qt::LeftButton); // an empty row left behind is no field
            editor.setDuplicateChooser(
                [](const QList<DuplicateMatch> &) { return ui::DuplicateChoice::SaveAnyway; });
            editor.accept();
            QCOMPARE(editor.result(), int(QDialog::Accepted));
            QStringList errors;
            undo.push(new commands::SaveLeadCommand(
                **db, editor.lead(), before, QStringLiteral("tester"), [] {},
                [&errors](const QString &e) { errors << e; }));
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        }
        const Lead reloaded = repo.get(l.id).value();
        QCOMPARE(reloaded.customFields, expected);
        {
            ui::LeadEditor editor(**db, reloaded, &undo);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            auto *table = editor.findChild<QTableWidget *>(QStringLiteral("customFields"));
            QCOMPARE(table->rowCount(), 2);
            QTest::mouseClick(qobject_cast<QToolButton *>(table->cellWidget(0, 2)), Qt::LeftButton);
            QCOMPARE(editor.lead().customFields, QList<CustomField>{expected.at(1)});
        }
        undo.undo();
        QCOMPARE(repo.get(l.id)->customFields, person().customFields);
        undo.redo();
        QCOMPARE(repo.get(l.id)->customFields, expected);
    }

    // Both languages: the section's title, button and headers are translated and inside the
    // window; screenshots with MIKOMI_SHOTS.
    void bothLanguages() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("shots.mikomi")));
        QVERIFY(db);
        Lead l = person();
        l.customFields << CustomField{QStringLiteral("展示会ブース"), QStringLiteral("B-12")}
                       << CustomField{QStringLiteral("Budget"), QStringLiteral("500万円")};
        l.extraContacts = {
            {ContactKind::Fax, QStringLiteral("075-412-3301"), QStringLiteral("代表FAX")}};
        QVERIFY(LeadRepository(**db).insert(l));
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (!dir.isEmpty())
            QVERIFY(QDir().mkpath(dir));
        LanguageManager lang;
        for (const QString &language : {QStringLiteral("ja"), QStringLiteral("en")}) {
            QVERIFY(lang.apply(language));
            ui::LeadEditor editor(**db, LeadRepository(**db).get(l.id).value(), nullptr);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            auto *table = editor.findChild<QTableWidget *>(QStringLiteral("customFields"));
            QCOMPARE(table->rowCount(), 3);
            auto *add = editor.findChild<QPushButton *>(QStringLiteral("addCustomField"));
            QCOMPARE(add->text(), language == QLatin1String("ja")
                                      ? QStringLiteral("カスタム項目を追加")
                                      : QStringLiteral("Add custom field"));
            QStringList problems;
            for (QWidget *w : {static_cast<QWidget *>(add), static_cast<QWidget *>(table)}) {
                const QRect inWindow(w->mapTo(&editor, QPoint(0, 0)), w->size());
                if (!editor.rect().contains(inWindow))
                    problems << w->objectName() + QStringLiteral(" outside the window");
            }
            if (add->width() < add->sizeHint().width())
                problems << QStringLiteral("button cut");
            QVERIFY2(problems.isEmpty(), qPrintable(language + u' ' + problems.join(u'\n')));
            if (!dir.isEmpty())
                QVERIFY(editor.grab().save(
                    dir + QStringLiteral("/custom_fields_editor_%1.png").arg(language)));
        }
        QVERIFY(lang.apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestCustomFieldsUi)
#include "tst_customfieldsui.moc"
