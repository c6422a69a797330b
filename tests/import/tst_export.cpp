// Export (models/services/exporter.h) in every vCard version, read back by our own importer field
// for field, and the Shift_JIS (CP932) exports, CSV and vCard 2.1, when a lead holds characters
// CP932 lacks (é, 𠮷, emoji): written for every lead with 〓 in their place, each cell reported
// by lead and column, and a lossless UTF-8 file beside. All people here are made up.

#include "models/io/csv.h"
#include "models/io/encoding.h"
#include "models/io/vcard.h"
#include "models/services/exporter.h"
#include "models/services/importer.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::services;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Lead japanese() {
    Lead l;
    l.company = QStringLiteral("株式会社水無瀬窯業");
    l.companyReading = QStringLiteral("ミナセヨウギョウ");
    l.department = QStringLiteral("営業部");
    l.title = QStringLiteral("課長");
    l.familyName = QStringLiteral("水無瀬");
    l.givenName = QStringLiteral("琥珀");
    l.familyReading = QStringLiteral("ミナセ");
    l.givenReading = QStringLiteral("コハク");
    l.email = QStringLiteral("kohaku@minase-kiln.example");
    l.phone = QStringLiteral("03-4471-2200");
    l.mobile = QStringLiteral("090-4471-0001");
    l.postalCode = QStringLiteral("150-0002");
    l.prefecture = QStringLiteral("東京都");
    l.city = QStringLiteral("渋谷区");
    l.street = QStringLiteral("渋谷二丁目1-1");
    l.building = QStringLiteral("表参道ソレイユビル5階"); // 表 and ソ end in the byte 0x5C in CP932
    l.country = QStringLiteral("日本");
    l.website = QStringLiteral("https://minase-kiln.example/");
    // Line breaks, a comma, a semicolon and a backslash: every escape of every version.
    l.notes = QStringLiteral("展示会で名刺交換。\n来月; 見積もり, 再訪問\nC:\\見積\\2026");
    l.createdAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
    l.extraContacts = {
        {ContactKind::Email, QStringLiteral("kohaku.second@minase-kiln.example"),
         QStringLiteral("Work")},
        {ContactKind::Email, QStringLiteral("sales@minase-kiln.example"),
         QStringLiteral("営業窓口")},
        {ContactKind::Phone, QStringLiteral("03-4471-2290"), QStringLiteral("直通")},
        {ContactKind::Mobile, QStringLiteral("080-4471-0002"), QStringLiteral("社用携帯; 2台目")},
        {ContactKind::Fax, QStringLiteral("03-4471-2291"), QStringLiteral("FAX")},
    };
    return l;
}

Lead english() {
    Lead l;
    l.company = QStringLiteral("Larkspur Optics, LLC");
    l.department = QStringLiteral("R&D; Lenses");
    l.title = QStringLiteral("Head of Procurement");
    l.familyName = QStringLiteral("Vance");
    l.givenName = QStringLiteral("Ivy");
    l.email = QStringLiteral("ivy.vance@larkspur.example");
    l.phone = QStringLiteral("+1 212 555 0188");
    l.postalCode = QStringLiteral("10001");
    l.prefecture = QStringLiteral("NY");
    l.city = QStringLiteral("New York");
    l.street = QStringLiteral("350 Fifth Avenue");
    l.country = QStringLiteral("USA");
    l.website = QStringLiteral("https://larkspur.example/");
    l.notes = QStringLiteral("Met at the trade fair, booth 12; wants a quote, samples by May.\n"
                             "A second line that is long enough to need more than one physical "
                             "line in a quoted-printable vCard 2.1 value.");
    l.createdAt = QDateTime(QDate(2026, 4, 2), QTime(10, 0));
    l.extraContacts = {
        {ContactKind::Fax, QStringLiteral("+1 212 555 0189"), QStringLiteral("Fax, 3rd floor")},
    };
    return l;
}

// A company lead without a person (the card's FN is the company).
Lead companyOnly() {
    Lead l;
    l.company = QStringLiteral("有限会社こはく商店");
    l.companyReading = QStringLiteral("コハクショウテン");
    l.phone = QStringLiteral("06-6100-2000");
    l.createdAt = QDateTime(QDate(2026, 4, 3), QTime(11, 0));
    return l;
}

// The fields a vCard holds, as text, for one comparison; the labels of further emails and numbers
// too when `labels` (3.0 and 4.0 write them in X-ABLabel; 2.1 for older phones does not).
QStringList cardFields(const Lead &l, bool labels = false) {
    QStringList f{l.familyName,     l.givenName,  l.familyReading, l.givenReading, l.company,
                  l.companyReading, l.department, l.title,         l.email,        l.phone,
                  l.mobile,         l.postalCode, l.prefecture,    l.city,         l.street,
                  l.building,       l.country,    l.website,       l.notes};
    for (const ContactPoint &c : l.extraContacts)
        f << QStringLiteral("%1:%2:%3").arg(int(c.kind)).arg(c.value, labels ? c.label : QString());
    return f;
}

} // namespace

class TestExport final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    int m_n = 0;

    std::unique_ptr<storage::Database> freshDb() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("db%1.mikomi").arg(++m_n)));
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        return std::move(db).value();
    }
    QList<Lead> insert(QList<Lead> leads) {
        storage::LeadRepository repo(*m_db);
        for (Lead &l : leads)
            if (!repo.insert(l))
                qFatal("insert failed");
        return leads;
    }
    static QList<Lead> all(storage::Database &db) {
        QList<Lead> out;
        if (!storage::LeadRepository(db).forEach({}, [&out](Lead &&l) {
                out << l;
                return true;
            }))
            qFatal("forEach failed");
        return out;
    }
    Result<ImportSummary> import(const QString &path, storage::Database &db) {
        ImportOptions o;
        o.path = path;
        o.followUpDays = 0;
        o.now = QDateTime(QDate(2026, 5, 1), QTime(12, 0));
        return runImport(db, o);
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void init() { m_db = freshDb(); }

    // Each version, exported and imported into an empty database: every field and every further
    // email and number comes back exactly, with its label in 3.0 and 4.0 (X-ABLabel); a 2.1 card
    // for older phones has no labels.
    void vcardRoundTrip_data() {
        QTest::addColumn<int>("version");
        QTest::newRow("2.1") << int(io::VCardVersion::V21);
        QTest::newRow("3.0") << int(io::VCardVersion::V30);
        QTest::newRow("4.0") << int(io::VCardVersion::V40);
    }
    void vcardRoundTrip() {
        QFETCH(int, version);
        const QList<Lead> leads = insert({japanese(), english(), companyOnly()});
        ExportOptions o;
        o.path = path(QStringLiteral("round%1.vcf").arg(version));
        o.format = ExportFormat::VCard;
        o.vcardVersion = io::VCardVersion(version);
        auto ex = exportLeads(*m_db, o);
        QVERIFY2(ex.ok(), qPrintable(ex.ok() ? QString() : ex.error()));
        QCOMPARE(ex->written, 3);
        QVERIFY(ex->replaced.isEmpty());
        QVERIFY(ex->losslessPath.isEmpty());
        QVERIFY(!QFile::exists(losslessExportPath(o.path)));
        const QByteArray bytes = readAll(o.path);
        const QByteArray head = QByteArray("BEGIN:VCARD\r\nVERSION:") +
                                io::vcardVersionKey(io::VCardVersion(version)).toLatin1() +
                                QByteArray("\r\n");
        QVERIFY(bytes.startsWith(head));
        QVERIFY(!bytes.contains("\n\n"));
        QCOMPARE(bytes.count("\r\n"), bytes.count('\n')); // CRLF only

        auto back = freshDb();
        auto s = import(o.path, *back);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error()));
        QCOMPARE(s->created, 3);
        QCOMPARE(s->rejected, 0);
        const QList<Lead> got = all(*back);
        QCOMPARE(got.size(), 3);
        const bool labels = io::VCardVersion(version) != io::VCardVersion::V21;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cardFields(got.at(i), labels), cardFields(leads.at(i), labels));
    }

    // vCard 2.1 as older Japanese phones read it: Shift_JIS, CHARSET on non-ASCII values, the
    // reading in SOUND;X-IRMC-N (DoCoMo's form), QUOTED-PRINTABLE notes with soft line breaks.
    void vcard21Layout() {
        const QByteArray card = io::writeVCard(japanese(), io::VCardVersion::V21);
        QVERIFY(io::detectEncoding(card).ok());
        QCOMPARE(*io::detectEncoding(card), io::Encoding::Cp932);
        const QString text = *io::decode(card, io::Encoding::Cp932);
        const QStringList lines = text.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.at(0), QStringLiteral("BEGIN:VCARD"));
        QCOMPARE(lines.at(1), QStringLiteral("VERSION:2.1"));
        QVERIFY(lines.contains(QStringLiteral("N;CHARSET=SHIFT_JIS:水無瀬;琥珀;;;")));
        QVERIFY(
            lines.contains(QStringLiteral("FN;CHARSET=SHIFT_JIS:") + japanese().displayName(true)));
        QVERIFY(
            lines.contains(QStringLiteral("SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:ミナセ コハク;;;;")));
        QVERIFY(lines.contains(QStringLiteral("ORG;CHARSET=SHIFT_JIS:株式会社水無瀬窯業;営業部")));
        QVERIFY(lines.contains(QStringLiteral("TITLE;CHARSET=SHIFT_JIS:課長")));
        QVERIFY(lines.contains(QStringLiteral("TEL;WORK;VOICE:03-4471-2200")));
        QVERIFY(lines.contains(QStringLiteral("TEL;CELL:090-4471-0001")));
        QVERIFY(lines.contains(QStringLiteral("TEL;FAX:03-4471-2291")));
        QVERIFY(lines.contains(QStringLiteral("EMAIL;INTERNET:kohaku@minase-kiln.example")));
        QVERIFY(lines.contains(QStringLiteral("ADR;WORK;CHARSET=SHIFT_JIS:;表参道ソレイユビル5階;"
                                              "渋谷二丁目1-1;渋谷区;東京都;150-0002;日本")));
        QVERIFY(lines.contains(QStringLiteral("URL:https://minase-kiln.example/")));
        const qsizetype note = lines.indexOf(QRegularExpression(QStringLiteral("^NOTE;.*")));
        QVERIFY(note > 0);
        QVERIFY(lines.at(note).startsWith(
            QStringLiteral("NOTE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:")));
        // Soft line breaks keep every physical line of the note at most 76 characters, and no
        // line starts with white space (which would read as a folded line). Plain lines are not
        // folded in 2.1.
        int noteLines = 0;
        bool inNote = false;
        for (const QByteArray &l : card.split('\n')) {
            QVERIFY(!l.startsWith(' ') && !l.startsWith('\t'));
            inNote = inNote || l.startsWith("NOTE;");
            if (!inNote)
                continue;
            ++noteLines;
            QVERIFY2(l.size() <= 77, l.constData()); // 76 + the CR
            inNote = l.endsWith("=\r");
        }
        QVERIFY(noteLines >= 2);
        QVERIFY(card.contains("=0D=0A"));
        QCOMPARE(lines.last(), QString()); // the last line ends in CRLF too
        QCOMPARE(lines.at(lines.size() - 2), QStringLiteral("END:VCARD"));
        // English: plain ASCII, no CHARSET; ',' stays, ';' is escaped.
        const QString en = QString::fromLatin1(io::writeVCard(english(), io::VCardVersion::V21));
        QVERIFY(en.contains(QStringLiteral("\r\nN:Vance;Ivy;;;\r\n")));
        QVERIFY(en.contains(QStringLiteral("\r\nORG:Larkspur Optics, LLC;R&D\\; Lenses\r\n")));
        QVERIFY(!en.contains(QStringLiteral("CHARSET")));
        QVERIFY(!en.contains(QStringLiteral("SOUND")));
    }

    // A CP932 CSV with characters CP932 lacks: before, nothing was written at all. Now every lead
    // is written, each such cell holds 〓 and is reported, and FILE.utf8.csv has it all.
    void cp932CsvKeepsGoingAndWritesLossless() {
        Lead a = japanese();
        a.givenName = QStringLiteral("𠮷男"); // U+20BB7, outside CP932
        a.notes = QStringLiteral("Café 会議 😀");
        Lead b = english();
        b.extraContacts = {
            {ContactKind::Fax, QStringLiteral("+1 212 555 0189"), QStringLiteral("Zoë's fax")}};
        const QList<Lead> leads = insert({a, b, companyOnly()});
        ExportOptions o;
        o.path = path(QStringLiteral("leads932.csv"));
        o.encoding = io::Encoding::Cp932;
        auto ex = exportLeads(*m_db, o);
        QVERIFY2(ex.ok(), qPrintable(ex.ok() ? QString() : ex.error()));
        QCOMPARE(ex->written, 3);
        QVERIFY(QFile::exists(o.path));
        QCOMPARE(ex->losslessPath, path(QStringLiteral("leads932.utf8.csv")));
        QVERIFY(QFile::exists(ex->losslessPath));

        // Reported: lead, column, characters.
        QCOMPARE(ex->replaced.size(), 3);
        QCOMPARE(ex->replaced.at(0).leadId, leads.at(0).id);
        QCOMPARE(ex->replaced.at(0).column, QStringLiteral("given_name"));
        QCOMPARE(ex->replaced.at(0).characters, QList<char32_t>{U'\U00020BB7'});
        QCOMPARE(ex->replaced.at(1).column, QStringLiteral("notes"));
        QCOMPARE(ex->replaced.at(1).characters, (QList<char32_t>{U'é', U'\U0001F600'}));
        QCOMPARE(ex->replaced.at(2).leadId, leads.at(1).id);
        QCOMPARE(ex->replaced.at(2).lead, leads.at(1).displayName(true));
        QCOMPARE(ex->replaced.at(2).column, QStringLiteral("fax_label"));
        QCOMPARE(ex->replaced.at(2).characters, QList<char32_t>{U'ë'});
        const QString said = describeExportReplacement(ex->replaced.at(1));
        QVERIFY2(said.contains(QStringLiteral("notes")) &&
                     said.contains(QStringLiteral("U+00E9")) &&
                     said.contains(QStringLiteral("U+1F600")) &&
                     said.contains(QString::number(leads.at(0).id)),
                 qPrintable(said));

        // The CP932 file: every lead, 〓 where a character was, never '?'.
        auto t = io::readCsvFile(o.path);
        QVERIFY(t.ok());
        QCOMPARE(t->encoding, io::Encoding::Cp932);
        QCOMPARE(t->records.size(), 4);
        const QStringList header = t->records.at(0).fields;
        const auto cell = [&](int row, const char *column) {
            return t->records.at(row).fields.value(header.indexOf(QLatin1String(column)));
        };
        QCOMPARE(cell(1, "given_name"), QStringLiteral("〓男"));
        QCOMPARE(cell(1, "notes"), QStringLiteral("Caf〓 会議 〓"));
        QCOMPARE(cell(1, "building"), QStringLiteral("表参道ソレイユビル5階"));
        QCOMPARE(cell(2, "fax_label"), QStringLiteral("Zo〓's fax"));
        QCOMPARE(cell(3, "company"), QStringLiteral("有限会社こはく商店"));
        QVERIFY(!readAll(o.path).contains('?'));

        // The lossless file: UTF-8 with BOM, the same columns, imports to the exact data.
        const QByteArray exact = readAll(ex->losslessPath);
        QVERIFY(exact.startsWith("\xEF\xBB\xBF"));
        auto u = io::readCsvFile(ex->losslessPath);
        QVERIFY(u.ok());
        QCOMPARE(u->records.size(), 4);
        QCOMPARE(u->records.at(0).fields, header);
        auto back = freshDb();
        auto s = import(ex->losslessPath, *back);
        QVERIFY(s.ok());
        QCOMPARE(s->created, 3);
        const QList<Lead> got = all(*back);
        QCOMPARE(got.at(0).givenName, QStringLiteral("𠮷男"));
        QCOMPARE(got.at(0).notes, QStringLiteral("Café 会議 😀"));
        QCOMPARE(got.at(1).extraContacts.value(0).label, QStringLiteral("Zoë's fax"));

        // A clean CP932 export writes no second file.
        storage::LeadRepository repo(*m_db);
        for (Lead l : all(*m_db)) {
            l.givenName.replace(QStringLiteral("𠮷"), QStringLiteral("吉"));
            l.notes.clear();
            l.extraContacts.clear();
            QVERIFY(repo.update(l));
        }
        o.path = path(QStringLiteral("clean932.csv"));
        ex = exportLeads(*m_db, o);
        QVERIFY(ex.ok());
        QVERIFY(ex->replaced.isEmpty());
        QVERIFY(ex->losslessPath.isEmpty());
        QVERIFY(QFile::exists(o.path));
        QVERIFY(!QFile::exists(losslessExportPath(o.path)));
    }

    // Custom fields in a CP932 CSV: a name CP932 lacks is written with 〓 in the header (reported
    // as the header, lead 0), a value likewise by lead; the UTF-8 copy imports both back exactly.
    void cp932CustomFields() {
        Lead a = english();
        a.customFields = {{QStringLiteral("Café note"), QStringLiteral("très 𠮷")},
                          {QStringLiteral("Booth"), QStringLiteral("B-12")}};
        const QList<Lead> leads = insert({a});
        ExportOptions o;
        o.path = path(QStringLiteral("custom932.csv"));
        o.encoding = io::Encoding::Cp932;
        auto ex = exportLeads(*m_db, o);
        QVERIFY2(ex.ok(), qPrintable(ex.ok() ? QString() : ex.error()));
        QCOMPARE(ex->written, 1);
        QCOMPARE(ex->replaced.size(), 2);
        QCOMPARE(ex->replaced.at(0).leadId, 0);
        QCOMPARE(ex->replaced.at(0).column, QStringLiteral("custom:Café note"));
        QVERIFY(describeExportReplacement(ex->replaced.at(0)).contains(QStringLiteral("U+00E9")));
        QCOMPARE(ex->replaced.at(1).leadId, leads.at(0).id);
        QCOMPARE(ex->replaced.at(1).characters, (QList<char32_t>{U'è', U'\U00020BB7'}));
        auto t = io::readCsvFile(o.path);
        QVERIFY(t.ok());
        const QStringList header = t->records.at(0).fields;
        QVERIFY2(header.contains(QStringLiteral("custom:Caf〓 note")),
                 qPrintable(header.join(u',')));
        QVERIFY(header.contains(QStringLiteral("custom:Booth")));
        QCOMPARE(t->records.at(1).fields.value(header.indexOf(QStringLiteral("custom:Booth"))),
                 QStringLiteral("B-12"));
        auto back = freshDb();
        auto s = import(ex->losslessPath, *back);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error()));
        QCOMPARE(s->created, 1);
        QCOMPARE(all(*back).value(0).customFields, a.customFields);
    }

    // vCard 2.1 likewise: the Shift_JIS cards with 〓, reported by field, and FILE.utf8.vcf (the
    // same 2.1 cards with CHARSET=UTF-8) imports to the exact data.
    void vcard21ReplacesAndWritesLossless() {
        Lead a = japanese();
        a.familyName = QStringLiteral("𠮷田");
        a.notes = QStringLiteral("Crème brûlée\n2行目");
        const QList<Lead> leads = insert({a, english()});
        ExportOptions o;
        o.path = path(QStringLiteral("phones.vcf"));
        o.format = ExportFormat::VCard;
        o.vcardVersion = io::VCardVersion::V21;
        auto ex = exportLeads(*m_db, o);
        QVERIFY(ex.ok());
        QCOMPARE(ex->written, 2);
        QCOMPARE(ex->losslessPath, path(QStringLiteral("phones.utf8.vcf")));
        QCOMPARE(ex->replaced.size(), 2);
        QCOMPARE(ex->replaced.at(0).leadId, leads.at(0).id);
        QVERIFY(!ex->replaced.at(0).csv);
        QCOMPARE(ex->replaced.at(0).column, io::leadFieldLabel(io::LeadField::FamilyName));
        QCOMPARE(ex->replaced.at(1).column, io::leadFieldLabel(io::LeadField::Notes));
        QCOMPARE(ex->replaced.at(1).characters, (QList<char32_t>{U'è', U'û', U'é'}));

        const QByteArray sjis = readAll(o.path);
        QCOMPARE(*io::detectEncoding(sjis), io::Encoding::Cp932);
        QVERIFY(!sjis.contains("CHARSET=UTF-8"));
        auto cards = io::readVCards(sjis);
        QCOMPARE(cards.cards.size(), 2);
        QCOMPARE(cards.cards.at(0).lead.familyName, QStringLiteral("〓田"));
        QCOMPARE(cards.cards.at(0).lead.notes, QStringLiteral("Cr〓me br〓l〓e\n2行目"));
        QCOMPARE(cards.cards.at(1).lead.familyName, QStringLiteral("Vance"));

        const QByteArray utf8 = readAll(ex->losslessPath);
        QVERIFY(utf8.contains("VERSION:2.1\r\n"));
        QVERIFY(utf8.contains("N;CHARSET=UTF-8:"));
        auto back = freshDb();
        auto s = import(ex->losslessPath, *back);
        QVERIFY(s.ok());
        QCOMPARE(s->created, 2);
        const QList<Lead> got = all(*back);
        QCOMPARE(cardFields(got.at(0)), cardFields(leads.at(0)));
        QCOMPARE(cardFields(got.at(1)), cardFields(leads.at(1)));
    }

    void losslessPathNames() {
        QCOMPARE(losslessExportPath(QStringLiteral("/tmp/x/leads.csv")),
                 QStringLiteral("/tmp/x/leads.utf8.csv"));
        QCOMPARE(losslessExportPath(QStringLiteral("/tmp/x/a.b.vcf")),
                 QStringLiteral("/tmp/x/a.b.utf8.vcf"));
        QCOMPARE(losslessExportPath(QStringLiteral("/tmp/x/out")),
                 QStringLiteral("/tmp/x/out.utf8"));
        QCOMPARE(losslessExportPath(QStringLiteral("out.csv")), QStringLiteral("out.utf8.csv"));
        QCOMPARE(losslessExportPath(QStringLiteral("/tmp/x/.hidden")),
                 QStringLiteral("/tmp/x/.hidden.utf8"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
