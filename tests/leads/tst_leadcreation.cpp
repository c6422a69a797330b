#include "models/commands/leadcommands.h"
#include "models/domain/sla.h"
#include "models/services/importer.h"
#include "models/storage/assignment.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "ui/cardentrydialog.h"

#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace mikomi;

// A lead comes into being by one set of rules (services::LeadCreation) whether it is typed in
// the lead editor, entered in business-card mode or imported: the same owner, score, stage
// history and first follow-up, down to the due time.
class TestLeadCreation final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // A database with two active users, an event source with an alias, a scoring rule on the
    // source, an assignment rule and a response-time rule for it.
    std::unique_ptr<storage::Database> freshDb() {
        const auto need = [](bool ok, const char *what) {
            if (!ok)
                qFatal("setting up: %s", what);
        };
        auto opened =
            storage::Database::open(m_dir.filePath(QStringLiteral("db%1.mikomi").arg(++m_n)));
        need(opened.ok(), "open");
        auto db = std::move(opened).value();
        storage::LeadRepository repo(*db);
        for (const QString &name : {QStringLiteral("青木"), QStringLiteral("馬場")})
            need(repo.users().resolve(name).ok(), "users");
        auto source = repo.sources().resolve(kSource, true, SourceCategory::Event);
        need(source.ok(), "source");
        need(repo.sources().addAlias(QStringLiteral("Expo"), *source).ok(), "alias");
        storage::ScoringStore scores(*db);
        scoring::Rules rules = scores.load().value();
        rules.attributes.append(
            {QStringLiteral("source"), scoring::AttributeRule::Op::Equals, kSource, 12});
        need(scores.save(rules).ok(), "scoring rules");
        storage::AssignmentRule assign;
        assign.source = kSource;
        assign.owner = QStringLiteral("馬場");
        need(storage::AssignmentRules(*db).setRules({assign}).ok(), "assignment rules");
        sla::ResponseRule response;
        response.source = kSource;
        response.hours = 4;
        need(storage::FollowUpRepository(*db).setRules({response}).ok(), "response rules");
        return db;
    }

    // The id of the database's only lead (0 when it has not exactly one).
    static qint64 onlyLead(storage::Database &db) {
        QList<qint64> ids;
        const Status s = storage::LeadRepository(db).forEach({}, [&ids](Lead &&l) {
            ids << l.id;
            return true;
        });
        return s && ids.size() == 1 ? ids.first() : 0;
    }

    static Lead typed(const QString &source, const QDateTime &createdAt) {
        Lead l;
        l.company = QStringLiteral("株式会社見本");
        l.title = QStringLiteral("営業部長");
        l.familyName = QStringLiteral("山田");
        l.givenName = QStringLiteral("花子");
        l.email = QStringLiteral("hanako@example.jp");
        l.source = source;
        l.createdAt = createdAt;
        return l;
    }

    // The lead editor's path: LeadsPage pushes a SaveLeadCommand for a new lead.
    static qint64 viaEditor(storage::Database &db, const Lead &lead) {
        QUndoStack stack;
        QString error;
        auto *cmd = new commands::SaveLeadCommand(
            db, lead, std::nullopt, QString(), [] {}, [&error](const QString &m) { error = m; });
        stack.push(cmd);
        const qint64 id = cmd->leadId();
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return error.isEmpty() ? id : 0;
    }

    // Business-card mode, as the booth worker types the card (no owner: the rules decide).
    static qint64 viaCard(storage::Database &db, QString *error) {
        QUndoStack stack;
        ui::CardEntryDialog d(db, &stack);
        d.setDraftChooser([](const storage::CardDraft &) { return true; });
        d.setCloseChooser([] { return ui::CardEntryDialog::CloseChoice::KeepTyping; });
        d.setDuplicateChooser(
            [](const QList<storage::DuplicateMatch> &) { return ui::DuplicateChoice::Cancel; });
        d.setSource(kSource);
        d.setOwner(QString());
        const Lead l = typed(kSource, QDateTime());
        const auto set = [&d](const char *name, const QString &text) {
            if (auto *e = d.findChild<QLineEdit *>(QLatin1String(name)))
                e->setText(text);
        };
        set("company", l.company);
        set("title", l.title);
        set("familyName", l.familyName);
        set("givenName", l.givenName);
        set("email", l.email);
        if (!d.saveCard()) {
            *error = d.statusText();
            return 0;
        }
        return onlyLead(db);
    }

    static qint64 viaImport(storage::Database &db, const QString &path, const QString &source,
                            const QDateTime &now) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 0;
        const Lead l = typed(source, now);
        f.write(QStringLiteral("Company,Last Name,First Name,Job Title,Email,Lead Source\n"
                               "%1,%2,%3,%4,%5,%6\n")
                    .arg(l.company, l.familyName, l.givenName, l.title, l.email, l.source)
                    .toUtf8());
        f.close();
        services::ImportOptions o;
        o.path = path;
        o.now = now;
        auto s = services::runImport(db, o);
        if (!s || s->created != 1) {
            qWarning("%s", s ? "not created" : qPrintable(s.error()));
            return 0;
        }
        return onlyLead(db);
    }

    // What creating the lead wrote: the lead's owner, score and times, its follow-ups and its
    // stage history.
    static QStringList rows(storage::Database &db, qint64 id) {
        QStringList out;
        storage::LeadRepository repo(db);
        const Lead l = repo.get(id).value();
        out << QStringLiteral("lead owner=%1 score=%2 created=%3 stage=%4 lost=%5 source=%6")
                   .arg(l.owner)
                   .arg(l.score)
                   .arg(l.createdAt.toString(Qt::ISODateWithMs), stageKey(l.stage))
                   .arg(l.lost)
                   .arg(l.source);
        const auto tasks = storage::FollowUpRepository(db).open(QString(), 10).value();
        for (const storage::FollowUp &t : tasks)
            out << QStringLiteral("task lead=%1 title=%2 owner=%3 due=%4")
                       .arg(t.leadId)
                       .arg(t.title, t.owner, t.dueAt.toString(Qt::ISODateWithMs));
        const auto history = repo.history(id).value();
        for (const StageChange &c : history)
            out << QStringLiteral("history from=%1 to=%2 lost=%3 recycled=%4 at=%5 user=%6 note=%7")
                       .arg(c.fromStage ? stageKey(*c.fromStage) : QStringLiteral("-"),
                            stageKey(c.toStage))
                       .arg(c.lost)
                       .arg(c.recycled)
                       .arg(c.changedAt.toString(Qt::ISODateWithMs), c.user, c.note);
        return out;
    }

    static inline const QString kSource = QStringLiteral("展示会");

private slots:
    void sameLeadThreeWays() {
        // Card mode stamps the card with the time it is saved; the other two paths are given
        // that moment, so due times and history dates can be compared exactly.
        auto cardDb = freshDb();
        QString error;
        const qint64 cardId = viaCard(*cardDb, &error);
        QVERIFY2(cardId > 0, qPrintable(error));
        const QDateTime created = storage::LeadRepository(*cardDb).get(cardId)->createdAt;
        QVERIFY(created.isValid());
        const QStringList card = rows(*cardDb, cardId);

        auto editorDb = freshDb();
        const qint64 editorId = viaEditor(*editorDb, typed(kSource, created));
        QVERIFY(editorId > 0);
        const QStringList editor = rows(*editorDb, editorId);

        auto importDb = freshDb();
        const qint64 importId =
            viaImport(*importDb, m_dir.filePath(QStringLiteral("one.csv")), kSource, created);
        QVERIFY(importId > 0);
        const QStringList imported = rows(*importDb, importId);

        // Owner by the assignment rule; 15 (部長, a default rule) + 12 (the source); one task due
        // 4 business hours after creation; one history entry, Inquiry at creation.
        QVERIFY2(card.first().startsWith(QStringLiteral("lead owner=馬場 score=27 ")),
                 qPrintable(card.join(u'\n')));
        QCOMPARE(card.size(), 3);
        QVERIFY(card.at(1).endsWith(QStringLiteral("due=") +
                                    sla::dueAt(created, 4).toString(Qt::ISODateWithMs)));
        QCOMPARE(editor, card);
        QCOMPARE(imported, card);
    }

    // A lead whose source is given by an alias scores as the source it means, imported or
    // typed (the importer used to score the alias as written).
    void aliasScoresAsItsSource() {
        const QDateTime created = QDateTime::currentDateTime().addSecs(-60);
        auto editorDb = freshDb();
        const qint64 editorId = viaEditor(*editorDb, typed(QStringLiteral("Expo"), created));
        QVERIFY(editorId > 0);
        auto importDb = freshDb();
        const qint64 importId = viaImport(*importDb, m_dir.filePath(QStringLiteral("alias.csv")),
                                          QStringLiteral("Expo"), created);
        QVERIFY(importId > 0);
        const QStringList editor = rows(*editorDb, editorId);
        QVERIFY2(editor.first().startsWith(QStringLiteral("lead owner=馬場 score=27 ")),
                 qPrintable(editor.join(u'\n')));
        QCOMPARE(rows(*importDb, importId), editor);
    }
};

QTEST_MAIN(TestLeadCreation)
#include "tst_leadcreation.moc"
