#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The command line as a script uses it: exit codes, stdout for data, stderr for messages in the
// chosen language.
class TestCli final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    using Run = clitest::Run;
    static Run mikomi(const QStringList &args) { return clitest::mikomi(args); }

    QString db(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void demoIsDeterministicPerSeed() {
        const Run a = mikomi({QStringLiteral("demo"), QStringLiteral("--leads"),
                              QStringLiteral("200"), QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--today"), QStringLiteral("2026-06-01"),
                              QStringLiteral("--db"), db(QStringLiteral("a.mikomi"))});
        QCOMPARE(a.code, 0);
        const Run b = mikomi({QStringLiteral("demo"), QStringLiteral("--leads"),
                              QStringLiteral("200"), QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--today"), QStringLiteral("2026-06-01"),
                              QStringLiteral("--db"), db(QStringLiteral("b.mikomi"))});
        QCOMPARE(b.code, 0);
        const Run la = mikomi({QStringLiteral("sources"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("--db"), db(QStringLiteral("a.mikomi"))});
        const Run lb = mikomi({QStringLiteral("sources"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("--db"), db(QStringLiteral("b.mikomi"))});
        QCOMPARE(la.code, 0);
        QCOMPARE(la.out, lb.out);
        const QJsonArray sources = QJsonDocument::fromJson(la.out).object()[u"sources"].toArray();
        QVERIFY(sources.size() >= 6);
        qint64 leads = 0;
        QSet<QString> categories;
        for (const QJsonValue &v : sources) {
            leads += v[u"leads"].toInteger();
            categories.insert(v[u"category"].toString());
            QVERIFY(v.toObject().contains(u"aliases"));
            QVERIFY(v.toObject().contains(u"tier"));
        }
        QVERIFY(leads > 150 && leads <= 200); // leads with no source have no row
        for (const char *c : {"inbound", "outbound", "paid", "partnership", "event"})
            QVERIFY2(categories.contains(QLatin1String(c)), c);

        const Run c = mikomi({QStringLiteral("demo"), QStringLiteral("--leads"),
                              QStringLiteral("200"), QStringLiteral("--seed"), QStringLiteral("6"),
                              QStringLiteral("--today"), QStringLiteral("2026-06-01"),
                              QStringLiteral("--db"), db(QStringLiteral("c.mikomi"))});
        QCOMPARE(c.code, 0);
        const Run lc =
            mikomi({QStringLiteral("sources"), QStringLiteral("--format"), QStringLiteral("json"),
                    QStringLiteral("--db"), db(QStringLiteral("c.mikomi"))});
        QVERIFY(lc.out != la.out);
    }

    void setAndAliasAcceptAnySpelling() {
        const QString path = db(QStringLiteral("s.mikomi"));
        QCOMPARE(mikomi({QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("50"),
                         QStringLiteral("--db"), path})
                     .code,
                 0);
        // "ｇｏｏｇｌｅ ａｄｓ" normalises to the source "Google Ads".
        const Run set = mikomi({QStringLiteral("sources"), QStringLiteral("set"),
                                QStringLiteral("ｇｏｏｇｌｅ  ａｄｓ"), QStringLiteral("--tier"),
                                QStringLiteral("core"), QStringLiteral("--db"), path});
        QCOMPARE(set.code, 0);
        const Run alias =
            mikomi({QStringLiteral("sources"), QStringLiteral("alias"), QStringLiteral("Adwords"),
                    QStringLiteral("google ads"), QStringLiteral("--db"), path});
        QCOMPARE(alias.code, 0);
        const Run list = mikomi({QStringLiteral("sources"), QStringLiteral("--format"),
                                 QStringLiteral("json"), QStringLiteral("--db"), path});
        bool found = false;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(list.out).object()[u"sources"].toArray()) {
            if (v[u"name"].toString() == QLatin1String("Google Ads")) {
                found = true;
                QCOMPARE(v[u"tier"].toString(), QStringLiteral("core"));
                QVERIFY(v[u"aliases"].toArray().contains(QStringLiteral("Adwords")));
            }
        }
        QVERIFY(found);
        const Run badTier = mikomi({QStringLiteral("sources"), QStringLiteral("set"),
                                    QStringLiteral("Google Ads"), QStringLiteral("--tier"),
                                    QStringLiteral("gold"), QStringLiteral("--db"), path});
        QCOMPARE(badTier.code, 2);
        QVERIFY2(badTier.err.contains(QStringLiteral("gold")), qPrintable(badTier.err));
        const Run missing = mikomi({QStringLiteral("sources"), QStringLiteral("set"),
                                    QStringLiteral("No such source"), QStringLiteral("--tier"),
                                    QStringLiteral("core"), QStringLiteral("--db"), path});
        QCOMPARE(missing.code, 1);
    }

    void errorsUseExitCodesAndLanguage() {
        const Run usage =
            mikomi({QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("many"),
                    QStringLiteral("--db"), db(QStringLiteral("e.mikomi")),
                    QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(usage.code, 2);
        QVERIFY2(usage.err.contains(QStringLiteral("--leads needs a whole number")),
                 qPrintable(usage.err));
        QVERIFY(usage.out.isEmpty());
        const Run ja =
            mikomi({QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("many"),
                    QStringLiteral("--db"), db(QStringLiteral("e.mikomi")),
                    QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(ja.code, 2);
        QVERIFY2(ja.err.contains(QStringLiteral("整数")), qPrintable(ja.err));

        const QString junk = db(QStringLiteral("junk.mikomi"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database at all");
        f.close();
        const Run bad = mikomi({QStringLiteral("sources"), QStringLiteral("--db"), junk,
                                QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("破損")), qPrintable(bad.err));

        const Run unknown = mikomi(
            {QStringLiteral("frobnicate"), QStringLiteral("--db"), db(QStringLiteral("e.mikomi"))});
        QCOMPARE(unknown.code, 2);
        const Run lang =
            mikomi({QStringLiteral("sources"), QStringLiteral("--lang"), QStringLiteral("fr"),
                    QStringLiteral("--db"), db(QStringLiteral("e.mikomi"))});
        QCOMPARE(lang.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
