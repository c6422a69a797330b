#include "clirun.h"

#include "models/storage/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `mikomi person export` and `mikomi person erase` (cli.md, product.md §Privacy), run on the
// built executable.
class TestPersonCli final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    using Run = clitest::Run;
    static Run mikomi(const QStringList &args) { return clitest::mikomi(args); }

    // A schema-v6 file (before consent) with two people, so the first command migrates it and
    // leaves a backup copy beside it, as an upgrade of the app does.
    QString oldDatabase(const QString &name) {
        const QString path = m_dir.filePath(name);
        mikomi::storage::OpenOptions o;
        o.targetVersion = 6;
        auto db = mikomi::storage::Database::open(path, o);
        if (!db)
            return {};
        QSqlQuery q(QSqlDatabase::database((*db)->connectionName()));
        const bool ok =
            q.exec(QStringLiteral(
                "INSERT INTO leads(company, family_name, given_name, email, email_key, phone, "
                "notes, created_at, updated_at) VALUES ('株式会社轟木', '轟木', '瑠璃音', "
                "'Rurine@Zirkon-QX.example', 'rurine@zirkon-qx.example', '03-9187-4602', "
                "'Quokkafenster', '2026-04-01T10:00:00+09:00', '2026-04-01T10:00:00+09:00'), "
                "('Other KK', '佐藤', '一郎', 'sato@other.example', 'sato@other.example', '', "
                "'', '2026-04-01T10:00:00+09:00', '2026-04-01T10:00:00+09:00')")) &&
            q.exec(QStringLiteral("INSERT INTO activities(lead_id, kind, occurred_at, notes) "
                                  "VALUES (1, 'meeting', '2026-04-02T10:00:00+09:00', "
                                  "'Wombatmeeting')"));
        return ok ? path : QString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exportWritesEverything() {
        const QString db = oldDatabase(QStringLiteral("export.mikomi"));
        QVERIFY(!db.isEmpty());
        const Run r =
            mikomi({QStringLiteral("person"), QStringLiteral("export"),
                    QStringLiteral("rurine@zirkon-qx.example"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, 0);
        const QJsonArray people = QJsonDocument::fromJson(r.out).object()[u"people"].toArray();
        QCOMPARE(people.size(), 1);
        const QJsonObject p = people.at(0).toObject();
        QCOMPARE(p[u"lead"].toObject()[u"phone"].toString(), QStringLiteral("03-9187-4602"));
        QCOMPARE(p[u"lead"].toObject()[u"consent_basis"].toString(), QString());
        QVERIFY(p[u"consent"].toObject()[u"date"].isNull());
        QCOMPARE(p[u"activities"].toArray().at(0).toObject()[u"notes"].toString(),
                 QStringLiteral("Wombatmeeting"));
        QVERIFY(p.contains(u"stage_history") && p.contains(u"touchpoints") && p.contains(u"tasks"));

        const QString vcf = m_dir.filePath(QStringLiteral("rurine.vcf"));
        const Run v = mikomi({QStringLiteral("person"), QStringLiteral("export"),
                              QStringLiteral("--id"), QStringLiteral("1"),
                              QStringLiteral("--output"), vcf, QStringLiteral("--db"), db});
        QCOMPARE(v.code, 0);
        QFile f(vcf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray card = f.readAll();
        QVERIFY(card.startsWith("BEGIN:VCARD"));
        QVERIFY(card.contains("Rurine@Zirkon-QX.example"));

        const Run none = mikomi({QStringLiteral("person"), QStringLiteral("export"),
                                 QStringLiteral("nobody@example.com"), QStringLiteral("--db"), db});
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains(QStringLiteral("nobody@example.com")));
        const Run bad = mikomi(
            {QStringLiteral("person"), QStringLiteral("export"), QStringLiteral("--db"), db});
        QCOMPARE(bad.code, 2);
    }

    void eraseAsksFirstThenErases() {
        const QString db = oldDatabase(QStringLiteral("erase.mikomi"));
        QVERIFY(!db.isEmpty());
        const QString backup = db + QStringLiteral(".v6.bak");
        // Without --yes: exit 2, says what would go (and the backup), changes nothing.
        const Run ask =
            mikomi({QStringLiteral("person"), QStringLiteral("erase"),
                    QStringLiteral("RURINE@zirkon-qx.example"), QStringLiteral("--db"), db});
        QCOMPARE(ask.code, 2);
        QVERIFY2(ask.err.contains(QStringLiteral("Leads: 1")), qPrintable(ask.err));
        QVERIFY(ask.err.contains(QStringLiteral("Activities: 1")));
        QVERIFY(ask.err.contains(QStringLiteral("--yes")));
        QVERIFY(ask.err.contains(backup));
        QCOMPARE(mikomi({QStringLiteral("person"), QStringLiteral("export"),
                         QStringLiteral("rurine@zirkon-qx.example"), QStringLiteral("--db"), db})
                     .code,
                 0);

        // Japanese messages.
        const Run ja =
            mikomi({QStringLiteral("--lang"), QStringLiteral("ja"), QStringLiteral("person"),
                    QStringLiteral("erase"), QStringLiteral("rurine@zirkon-qx.example"),
                    QStringLiteral("--db"), db});
        QCOMPARE(ja.code, 2);
        QVERIFY2(ja.err.contains(QStringLiteral("リード：1")), qPrintable(ja.err));

        const Run yes = mikomi({QStringLiteral("person"), QStringLiteral("erase"),
                                QStringLiteral("rurine@zirkon-qx.example"), QStringLiteral("--yes"),
                                QStringLiteral("--db"), db});
        QCOMPARE(yes.code, 0);
        QVERIFY2(QString::fromUtf8(yes.out).contains(backup), yes.out.constData());
        QVERIFY(QFile::exists(backup)); // listed, not deleted unless asked
        QCOMPARE(mikomi({QStringLiteral("person"), QStringLiteral("export"),
                         QStringLiteral("rurine@zirkon-qx.example"), QStringLiteral("--db"), db})
                     .code,
                 1);
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("Quokkafenster"));
        QVERIFY(!bytes.contains("Wombatmeeting"));
        QVERIFY(!bytes.contains("9187"));
        QVERIFY(bytes.contains("sato@other.example")); // the other person stays
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")) ||
                QFileInfo(db + QStringLiteral("-wal")).size() == 0);

        // --delete-backups deletes the copies too.
        const Run other =
            mikomi({QStringLiteral("person"), QStringLiteral("erase"), QStringLiteral("--id"),
                    QStringLiteral("2"), QStringLiteral("--yes"),
                    QStringLiteral("--delete-backups"), QStringLiteral("--db"), db});
        QCOMPARE(other.code, 0);
        QVERIFY(!QFile::exists(backup));
    }
};

QTEST_GUILESS_MAIN(TestPersonCli)
#include "tst_personcli.moc"
