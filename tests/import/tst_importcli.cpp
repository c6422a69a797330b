// `mikomi import` / `mikomi export` run as a user would (QProcess on the built executable): the
// summary and row errors on stderr, exit codes of cli.md, the --report CSV, dry run, encodings.

#include "models/io/csv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString data(const char *name) {
    return QStringLiteral(MIKOMI_TEST_DATA "/") + QLatin1String(name);
}

struct Run {
    int code = -1;
    QString out, err;
};

} // namespace

class TestImportCli final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    Run mikomi(QStringList args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        args << QStringLiteral("--db") << m_db << QStringLiteral("--lang") << QStringLiteral("en");
        p.start(QStringLiteral(MIKOMI_EXE), args);
        if (!p.waitForFinished(30000))
            return {};
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void init() {
        static int n = 0;
        m_db = m_dir.filePath(QStringLiteral("cli%1.mikomi").arg(++n));
    }

    // The currency belongs to the file (review: switching JPY to USD divided every amount by
    // 100): a file first used while the user's currency was USD keeps reading and writing dollars
    // after the user switches to yen.
    void currencyComesFromTheDatabase() {
        const auto setUserCurrency = [this](const char *key) {
            QDir().mkpath(m_dir.filePath(QStringLiteral("config/Mikomi")));
            QFile conf(m_dir.filePath(QStringLiteral("config/Mikomi/Mikomi.conf")));
            QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
            conf.write(QByteArray("[ui]\ncurrency=") + key + "\n");
        };
        setUserCurrency("USD");
        Run r = mikomi({QStringLiteral("import"), data("values_usd.csv")});
        QCOMPARE(r.code, 0);
        setUserCurrency("JPY");
        // Still dollars: "12.50" is 12 dollars 50, not an error about yen decimals.
        r = mikomi({QStringLiteral("import"), data("values_usd.csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString out = m_dir.filePath(QStringLiteral("usd.csv"));
        r = mikomi({QStringLiteral("export"), out});
        QCOMPARE(r.code, 0);
        const auto table = mikomi::io::readCsvFile(out).value();
        const int deal = table.records.at(0).fields.indexOf(QStringLiteral("deal_value"));
        QVERIFY(deal >= 0);
        QCOMPARE(table.records.size(), 2);
        QCOMPARE(table.records.at(1).fields.at(deal), QStringLiteral("12.50"));
    }

    // Issue 12: a Salesforce report imports with its footer left out and said so, the columns
    // not imported named; --map keeps one in the notes; --date-order and --map are checked.
    void realLayoutSummaryMapAndDateOrder() {
        const QString file = data("layouts/salesforce_report.csv");
        Run r = mikomi({QStringLiteral("import"), file, QStringLiteral("--dry-run")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Leads created: 2")), qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("Column \"Rating\" was not imported (1 value left out)")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("report footer from line 5")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Dates were read as mdy")), qPrintable(r.err));
        r = mikomi({QStringLiteral("import"), file, QStringLiteral("--dry-run"),
                    QStringLiteral("--map"), QStringLiteral("Rating=notes")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("was not imported")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Column \"Rating\" was kept in the notes")),
                 qPrintable(r.err));
        // Read day first, 4/23/2026 is not a date: those rows are errors, not guesses.
        r = mikomi({QStringLiteral("import"), file, QStringLiteral("--dry-run"),
                    QStringLiteral("--date-order"), QStringLiteral("dmy")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("4/23/2026 2:05 PM")), qPrintable(r.err));
        r = mikomi({QStringLiteral("import"), file, QStringLiteral("--date-order"),
                    QStringLiteral("myd")});
        QCOMPARE(r.code, 2);
        r = mikomi(
            {QStringLiteral("import"), file, QStringLiteral("--map"), QStringLiteral("Rating")});
        QCOMPARE(r.code, 2);
        r = mikomi({QStringLiteral("import"), file, QStringLiteral("--map"),
                    QStringLiteral("Rating=shoe_size")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("shoe_size")), qPrintable(r.err));
    }

    void importWithErrorsAndReport() {
        const QString report = m_dir.filePath(QStringLiteral("report.csv"));
        Run r = mikomi(
            {QStringLiteral("import"), data("leads_errors.csv"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 1); // rejected rows are a data problem
        QVERIFY2(r.err.contains(QStringLiteral("Dry run")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Leads created: 4")));
        r = mikomi({QStringLiteral("import"), data("leads_errors.csv"), QStringLiteral("--report"),
                    report});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("Rows read: 9")));
        QVERIFY(r.err.contains(QStringLiteral("Leads created: 4")));
        QVERIFY(r.err.contains(QStringLiteral("Rejected rows: 4")));
        QVERIFY(r.err.contains(QStringLiteral("Line 4, column \"Create Date\"")));
        QVERIFY(r.err.contains(QStringLiteral("Line 5, column \"Amount\"")));
        auto table = mikomi::io::readCsvFile(report);
        QVERIFY(table.ok());
        QCOMPARE(table->records.size(), 5);
        QCOMPARE(table->records.at(2).fields.at(0), QStringLiteral("Gamma"));
        QCOMPARE(table->records.at(2).fields.at(9), QStringLiteral("Amount"));
        // Again: nothing new.
        r = mikomi({QStringLiteral("import"), data("leads_errors.csv"),
                    QStringLiteral("--on-match"), QStringLiteral("skip")});
        QVERIFY(r.err.contains(QStringLiteral("Leads created: 0")));
        QVERIFY(r.err.contains(QStringLiteral("Skipped (already present): 5")));
    }

    // Issue 12: --map "Rating=custom:NAME" keeps the column in a custom field; the export writes
    // it as a "custom:NAME" column, which imports back into another database by itself; the
    // person export holds it.
    void mapToACustomFieldExportsAndImportsBack() {
        const QString file = data("layouts/salesforce_report.csv");
        Run r = mikomi({QStringLiteral("import"), file, QStringLiteral("--map"),
                        QStringLiteral("Rating=custom:Rating (SF)")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("was not imported")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral(
                     "Column \"Rating\" was kept in the custom field \"Rating (SF)\" (1 value)")),
                 qPrintable(r.err));
        r = mikomi({QStringLiteral("import"), file, QStringLiteral("--map"),
                    QStringLiteral("Rating=custom:")});
        QCOMPARE(r.code, 1);
        const QString out = m_dir.filePath(QStringLiteral("custom.csv"));
        r = mikomi({QStringLiteral("export"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto table = mikomi::io::readCsvFile(out).value();
        const int col = table.records.at(0).fields.indexOf(QStringLiteral("custom:Rating (SF)"));
        QVERIFY2(col >= 0, qPrintable(table.records.at(0).fields.join(u',')));
        QStringList values;
        for (qsizetype i = 1; i < table.records.size(); ++i)
            values << table.records.at(i).fields.value(col);
        QVERIFY2(values.contains(QStringLiteral("Hot")), qPrintable(values.join(u',')));
        init(); // another database
        r = mikomi({QStringLiteral("import"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("was not imported")), qPrintable(r.err));
        const int email = table.records.at(0).fields.indexOf(QStringLiteral("email"));
        QString who;
        for (qsizetype i = 1; i < table.records.size(); ++i)
            if (table.records.at(i).fields.value(col) == QLatin1String("Hot"))
                who = table.records.at(i).fields.value(email);
        r = mikomi({QStringLiteral("person"), QStringLiteral("export"), who});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("\"custom_fields\"")) &&
                     r.out.contains(QStringLiteral("Rating (SF)")),
                 qPrintable(r.out));
    }

    void cleanImportExitsZeroAndExports() {
        Run r =
            mikomi({QStringLiteral("import"), data("cp932_leads.csv"), QStringLiteral("--encoding"),
                    QStringLiteral("cp932"), QStringLiteral("--source"), QStringLiteral("展示会")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QStringLiteral("Leads created: 2")));
        const QString out = m_dir.filePath(QStringLiteral("out.csv"));
        r = mikomi(
            {QStringLiteral("export"), out, QStringLiteral("--encoding"), QStringLiteral("cp932")});
        QCOMPARE(r.code, 0);
        auto t = mikomi::io::readCsvFile(out).value();
        QCOMPARE(t.encoding, mikomi::io::Encoding::Cp932);
        QCOMPARE(t.records.size(), 3);
        QVERIFY(t.records.at(1).fields.contains(QStringLiteral("髙橋工業株式会社")));
        QVERIFY(t.records.at(1).fields.contains(QStringLiteral("展示会")));
        const QString vcf = m_dir.filePath(QStringLiteral("out.vcf"));
        r = mikomi(
            {QStringLiteral("export"), vcf, QStringLiteral("--format"), QStringLiteral("vcard")});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(vcf));
    }

    // --encoding cp932 with characters CP932 lacks: the file is still written (it was not
    // before), each cell is named on stderr, FILE.utf8.csv holds everything, exit 1.
    // --vcard-version 2.1 writes Shift_JIS cards the same way.
    void cp932ReplacementsAndVCardVersions() {
        const QString in = m_dir.filePath(QStringLiteral("accents.csv"));
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("family_name,given_name,email,notes\n"
                                   "吉田,𠮷男,yoshio@example.jp,Café\n"
                                   "Smith,Anna,anna@example.com,plain\n")
                        .toUtf8());
        }
        Run r = mikomi({QStringLiteral("import"), in});
        QCOMPARE(r.code, 0);
        const QString out = m_dir.filePath(QStringLiteral("accents932.csv"));
        r = mikomi(
            {QStringLiteral("export"), out, QStringLiteral("--encoding"), QStringLiteral("cp932")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("𠮷男\" (#1), column \"given_name\": 𠮷 (U+20BB7)")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("column \"notes\": é (U+00E9)")));
        QVERIFY(r.err.contains(QStringLiteral("Leads exported: 2")));
        const QString lossless = m_dir.filePath(QStringLiteral("accents932.utf8.csv"));
        QVERIFY2(r.err.contains(lossless), qPrintable(r.err));
        auto t = mikomi::io::readCsvFile(out).value();
        QCOMPARE(t.encoding, mikomi::io::Encoding::Cp932);
        QCOMPARE(t.records.size(), 3);
        QVERIFY(t.records.at(1).fields.contains(QStringLiteral("〓男")));
        auto u = mikomi::io::readCsvFile(lossless).value();
        QCOMPARE(u.encoding, mikomi::io::Encoding::Utf8Bom);
        QVERIFY(u.records.at(1).fields.contains(QStringLiteral("𠮷男")));

        const QString vcf = m_dir.filePath(QStringLiteral("phones.vcf"));
        r = mikomi({QStringLiteral("export"), vcf, QStringLiteral("--format"),
                    QStringLiteral("vcard"), QStringLiteral("--vcard-version"),
                    QStringLiteral("2.1")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("U+20BB7")));
        QFile card(vcf);
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QByteArray bytes = card.readAll();
        QVERIFY(bytes.startsWith("BEGIN:VCARD\r\nVERSION:2.1\r\n"));
        QVERIFY(bytes.contains("N;CHARSET=SHIFT_JIS:"));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("phones.utf8.vcf"))));
        for (const char *version : {"3.0", "4.0"}) {
            r = mikomi({QStringLiteral("export"), vcf, QStringLiteral("--format"),
                        QStringLiteral("vcard"), QStringLiteral("--vcard-version"),
                        QLatin1String(version)});
            QCOMPARE(r.code, 0);
            QFile again(vcf);
            QVERIFY(again.open(QIODevice::ReadOnly));
            const QByteArray want = QByteArray("VERSION:") + QByteArray(version);
            QVERIFY(again.readAll().contains(want));
        }
        // Usage errors: an unknown version, a version for a CSV, an encoding for a vCard.
        QCOMPARE(mikomi({QStringLiteral("export"), vcf, QStringLiteral("--format"),
                         QStringLiteral("vcard"), QStringLiteral("--vcard-version"),
                         QStringLiteral("5.0")})
                     .code,
                 2);
        QCOMPARE(mikomi({QStringLiteral("export"), out, QStringLiteral("--vcard-version"),
                         QStringLiteral("2.1")})
                     .code,
                 2);
        QCOMPARE(
            mikomi({QStringLiteral("export"), vcf, QStringLiteral("--format"),
                    QStringLiteral("vcard"), QStringLiteral("--encoding"), QStringLiteral("cp932")})
                .code,
            2);
        // --help names the versions and the default.
        r = mikomi({QStringLiteral("export"), QStringLiteral("--help")});
        QVERIFY2(r.out.contains(QStringLiteral("--vcard-version")) &&
                     r.out.contains(QStringLiteral("3.0 (the default")),
                 qPrintable(r.out + r.err));
    }

    void usageAndFileErrors() {
        QCOMPARE(mikomi({QStringLiteral("import")}).code, 2);
        QCOMPARE(mikomi({QStringLiteral("import"), data("spend.csv"), QStringLiteral("--on-match"),
                         QStringLiteral("replace")})
                     .code,
                 2);
        QCOMPARE(mikomi({QStringLiteral("export"), m_dir.filePath(QStringLiteral("x.csv")),
                         QStringLiteral("--encoding"), QStringLiteral("latin1")})
                     .code,
                 2);
        const Run r =
            mikomi({QStringLiteral("import"), m_dir.filePath(QStringLiteral("missing.csv"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("missing.csv")));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
