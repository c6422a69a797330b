// Real export layouts (issue 12): every field of every row of a file in the exact layout of
// Google Contacts (current and older), Outlook (CSV and vCard), Sansan (its download and its
// Salesforce-style list), Eight, Salesforce (report with footer, Data Loader), HubSpot and Zoho
// lands where a user expects — on the parsed Lead (io::leadFromRow / vCard, extra contacts
// included) and in the database after `runImport` (the fields that have columns) — and the
// summary names every column that was not imported. Where each layout was learned:
// tests/import/data/layouts/README.md.

#include "models/domain/dates.h"
#include "models/io/csv.h"
#include "models/io/headermap.h"
#include "models/io/leadrow.h"
#include "models/io/vcard.h"
#include "models/services/importer.h"
#include "models/storage/database.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/repositories.h"
#include "models/text/normalize.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mikomi;
using namespace mikomi::services;

namespace {

QString data(const char *name) {
    return QStringLiteral(MIKOMI_TEST_DATA "/layouts/") + QLatin1String(name);
}

using Fields = QMap<QString, QString>;

// Every field a user sees, as text ("created" as local wall-clock time, "Z" when given in UTC).
Fields leadFields(const Lead &l) {
    Fields f;
    f[QStringLiteral("company")] = l.company;
    f[QStringLiteral("company_reading")] = l.companyReading;
    f[QStringLiteral("department")] = l.department;
    f[QStringLiteral("title")] = l.title;
    f[QStringLiteral("family_name")] = l.familyName;
    f[QStringLiteral("given_name")] = l.givenName;
    f[QStringLiteral("family_reading")] = l.familyReading;
    f[QStringLiteral("given_reading")] = l.givenReading;
    f[QStringLiteral("honorific")] = l.honorific;
    f[QStringLiteral("email")] = l.email;
    f[QStringLiteral("phone")] = l.phone;
    f[QStringLiteral("mobile")] = l.mobile;
    f[QStringLiteral("postal_code")] = l.postalCode;
    f[QStringLiteral("prefecture")] = l.prefecture;
    f[QStringLiteral("city")] = l.city;
    f[QStringLiteral("street")] = l.street;
    f[QStringLiteral("building")] = l.building;
    f[QStringLiteral("country")] = l.country;
    f[QStringLiteral("website")] = l.website;
    f[QStringLiteral("owner")] = l.owner;
    f[QStringLiteral("source")] = l.source;
    f[QStringLiteral("notes")] = l.notes;
    QString stage = stageKey(l.stage);
    if (l.sqlKind != SqlKind::None)
        stage += u'/' + sqlKindKey(l.sqlKind);
    if (l.lost)
        stage += QStringLiteral("+lost");
    f[QStringLiteral("stage")] = stage;
    f[QStringLiteral("opt_out")] = l.optOut ? QStringLiteral("yes") : QString();
    if (l.createdAt.isValid())
        f[QStringLiteral("created")] =
            l.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
            (l.createdAt.timeSpec() == Qt::UTC ? QStringLiteral("Z") : QString());
    else
        f[QStringLiteral("created")] = QString();
    QStringList extras;
    for (const ContactPoint &p : l.extraContacts)
        extras << storage::contactKindKey(p.kind) + u':' + p.value + u'[' + p.label + u']';
    f[QStringLiteral("extra")] = extras.join(QStringLiteral(" | "));
    return f;
}

// What a row should give: the listed fields; every other field empty (honorific 様, stage
// inquiry).
Fields expect(std::initializer_list<std::pair<const char *, QString>> given) {
    Fields f = leadFields(Lead{});
    for (const auto &[k, v] : given) {
        const QString key = QLatin1String(k);
        if (!f.contains(key))
            qFatal("unknown field %s", k);
        f[key] = v;
    }
    return f;
}

void compareFields(const Fields &got, const Fields &want, const QString &what,
                   const QStringList &skip = {}) {
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (skip.contains(it.key()))
            continue;
        const QString g = got.value(it.key());
        if (g != it.value())
            QFAIL(qPrintable(QStringLiteral("%1, field %2: got \"%3\", expected \"%4\"")
                                 .arg(what, it.key(), g, it.value())));
    }
}

// The file's rows through the header mapping and io::leadFromRow, the report footer left out.
QList<Lead> parseRows(const QString &path, std::optional<dates::DateOrder> order = {}) {
    auto table = io::readCsvFile(path);
    if (!table)
        qFatal("%s", qPrintable(table.error()));
    QList<io::CsvRecord> records = table->records;
    const io::HeaderMap map = io::mapLeadHeaders(records.takeFirst().fields);
    io::RowOptions o;
    o.dateOrder = order;
    QList<Lead> out;
    for (const io::CsvRecord &r : std::as_const(records)) {
        if (r.fields.size() == 1)
            break; // the footer of a report
        auto row = io::leadFromRow(map, r, o);
        for (const io::RowError &e : row.errors)
            qWarning("line %d, %s: %s", e.line, qPrintable(e.column), qPrintable(e.reason));
        out << (row.value ? row.value->lead : Lead{});
    }
    return out;
}

QList<Lead> storedLeads(storage::Database &db) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    q.exec(QStringLiteral("SELECT id FROM leads ORDER BY id"));
    storage::LeadRepository repo(db);
    QList<Lead> out;
    while (q.next())
        out << repo.get(q.value(0).toLongLong()).value();
    return out;
}

const QString kNow = QStringLiteral("2026-05-01 12:00");

} // namespace

class TestLayouts final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // Parses the file, checks each row against `want`, imports it into a fresh database and
    // checks what was stored (all but the extra contacts, stored by their own table), the
    // summary's counts and its list of columns not imported.
    ImportSummary check(const QString &path, const QList<Fields> &want,
                        const QStringList &notImported,
                        std::optional<dates::DateOrder> parseOrder = {}) {
        const QList<Lead> parsed = parseRows(path, parseOrder);
        [&] {
            QCOMPARE(parsed.size(), want.size());
            for (int i = 0; i < want.size(); ++i)
                compareFields(leadFields(parsed.at(i)), want.at(i),
                              QStringLiteral("parsed row %1").arg(i + 1));
        }();
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("l%1.mikomi").arg(++m_n)));
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        ImportOptions o;
        o.path = path;
        o.now = QDateTime(QDate(2026, 5, 1), QTime(12, 0));
        o.user = QStringLiteral("tester");
        auto s = runImport(**db, o);
        if (!s)
            qFatal("%s", qPrintable(s.error()));
        for (const io::RowError &e : s->errors)
            qWarning("%s", qPrintable(describeRowError(e)));
        [&] {
            QCOMPARE(s->rejected, 0);
            QCOMPARE(s->created, qint64(want.size()));
            QStringList got;
            for (const ImportSummary::Column &c : s->notImported)
                if (c.values > 0)
                    got << c.header;
            QCOMPARE(got, notImported);
            const QList<Lead> stored = storedLeads(**db);
            QCOMPARE(stored.size(), want.size());
            for (int i = 0; i < want.size(); ++i) {
                Fields w = want.at(i);
                if (w.value(QStringLiteral("created")).isEmpty())
                    w[QStringLiteral("created")] = kNow;
                const Fields g = leadFields(stored.at(i));
                compareFields(g, w, QStringLiteral("stored row %1").arg(i + 1),
                              {QStringLiteral("extra"), QStringLiteral("source")});
                QCOMPARE(text::sourceKey(g.value(QStringLiteral("source"))),
                         text::sourceKey(w.value(QStringLiteral("source"))));
            }
        }();
        return *s;
    }

private slots:
    void googleCurrent() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("株式会社サンプル商事")},
                    {"department", QStringLiteral("営業部")},
                    {"title", QStringLiteral("営業部長")},
                    {"family_name", QStringLiteral("山本")},
                    {"given_name", QStringLiteral("花子")},
                    {"family_reading", QStringLiteral("やまもと")},
                    {"given_reading", QStringLiteral("はなこ")},
                    {"email", QStringLiteral("hanako@sample-shoji.example")},
                    {"phone", QStringLiteral("03-5555-0101")},
                    {"mobile", QStringLiteral("090-5555-0103")},
                    {"postal_code", QStringLiteral("100-0005")},
                    {"prefecture", QStringLiteral("東京都")},
                    {"city", QStringLiteral("千代田区")},
                    {"street", QStringLiteral("丸の内1-2-3")},
                    {"building", QStringLiteral("サンプルビル5F")},
                    {"country", QStringLiteral("日本")},
                    {"website", QStringLiteral("https://sample-shoji.example")},
                    {"notes", QStringLiteral("展示会で名刺交換\nBirthday: 1985-04-01\n"
                                             "Labels: * myContacts ::: 取引先")},
                    {"extra", QStringLiteral("phone:03-5555-0102[Work] | "
                                             "email:hanako.y@mail.example[Home]")}}),
            // An email-only contact is a lead, not "no identifying field".
            expect({{"email", QStringLiteral("solo@example.org")},
                    {"notes", QStringLiteral("Labels: * myContacts")}}),
            expect({{"company", QStringLiteral("Acme Corp")},
                    {"title", QStringLiteral("CTO")},
                    {"family_name", QStringLiteral("Doe")},
                    {"given_name", QStringLiteral("John Michael")},
                    {"honorific", QStringLiteral("Dr.")},
                    {"email", QStringLiteral("john@acme.example")},
                    {"mobile", QStringLiteral("+1 415-555-0110")},
                    {"street", QStringLiteral("500 Main St, Springfield, IL 62701, USA")},
                    {"notes", QStringLiteral("Labels: * myContacts")},
                    {"extra", QStringLiteral("fax:+1 415-555-0111[Work Fax]")}}),
        };
        const ImportSummary s = check(data("google_current.csv"), want, {QStringLiteral("Photo")});
        QVERIFY(summaryLines(s).join(u'\n').contains(QStringLiteral("\"Photo\"")));
    }

    void googleOlder() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("港電機株式会社")},
                    {"company_reading", QStringLiteral("みなとでんき")},
                    {"department", QStringLiteral("開発部")},
                    {"title", QStringLiteral("課長")},
                    {"family_name", QStringLiteral("佐藤")},
                    {"given_name", QStringLiteral("健一")},
                    {"family_reading", QStringLiteral("さとう")},
                    {"given_reading", QStringLiteral("けんいち")},
                    {"email", QStringLiteral("kenichi.sato@minato-denki.example")},
                    {"phone", QStringLiteral("06-6555-0201")},
                    {"mobile", QStringLiteral("080-5555-0202")},
                    {"postal_code", QStringLiteral("530-0001")},
                    {"prefecture", QStringLiteral("大阪府")},
                    {"city", QStringLiteral("大阪市北区")},
                    {"street", QStringLiteral("梅田2-4-9")},
                    {"building", QStringLiteral("ブリーゼタワー12F")},
                    {"country", QStringLiteral("日本")},
                    {"website", QStringLiteral("https://minato-denki.example")},
                    {"notes", QStringLiteral("見積依頼あり\nGroup Membership: * My Contacts")},
                    {"extra", QStringLiteral("email:k.sato@mail.example[Other] | "
                                             "fax:06-6555-0203[Work Fax]")}}),
            expect({{"email", QStringLiteral("only.mail@example.net")},
                    {"notes", QStringLiteral("Group Membership: * My Contacts")}}),
        };
        check(data("google_old.csv"), want, {});
    }

    void outlookCsv() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("Kita Systems K.K.")},
                    {"company_reading", QStringLiteral("きたしすてむず")},
                    {"department", QStringLiteral("Sales")},
                    {"title", QStringLiteral("Manager")}, // Job Title, not Title (Mr.)
                    {"family_name", QStringLiteral("Suzuki")},
                    {"given_name", QStringLiteral("Taro")},
                    {"family_reading", QStringLiteral("すずき")},
                    {"given_reading", QStringLiteral("たろう")},
                    {"honorific", QStringLiteral("Mr.")},
                    {"email", QStringLiteral("taro.suzuki@kita-sys.example")},
                    {"phone", QStringLiteral("03-5555-0301")},
                    {"mobile", QStringLiteral("090-5555-0303")},
                    {"postal_code", QStringLiteral("105-0014")},
                    {"prefecture", QStringLiteral("Tokyo")},
                    {"city", QStringLiteral("Minato-ku")},
                    {"street", QStringLiteral("2-3-4 Shiba")},
                    {"building", QStringLiteral("Shiba Tower 10F")},
                    {"country", QStringLiteral("Japan")},
                    {"website", QStringLiteral("https://kita-sys.example")},
                    {"notes", QStringLiteral("Met at expo\nCategories: VIP")},
                    {"extra", QStringLiteral("fax:03-5555-0302[Business Fax] | "
                                             "phone:03-5555-0304[Business Phone 2] | "
                                             "email:tsuzuki@mail.example[E-mail 2 Address] | "
                                             "email:taro@kita-sys.example[E-mail 3 Address]")}}),
            expect({{"company", QStringLiteral("Northwind Labs")},
                    {"title", QStringLiteral("Research Director")},
                    {"family_name", QStringLiteral("Clark")},
                    {"given_name", QStringLiteral("Emily")},
                    {"honorific", QStringLiteral("Dr.")},
                    {"email", QStringLiteral("emily.clark@northwind.example")},
                    {"phone", QStringLiteral("+1 212-555-0188")},
                    {"postal_code", QStringLiteral("10001")},
                    {"prefecture", QStringLiteral("NY")},
                    {"city", QStringLiteral("New York")},
                    {"country", QStringLiteral("United States of America")},
                    {"extra", QStringLiteral("phone:+1 718-555-0199[Home Phone]")}}),
        };
        // Outlook's own flags have no field: named in the summary, not silently dropped.
        check(
            data("outlook.csv"), want,
            {QStringLiteral("Priority"), QStringLiteral("Private"), QStringLiteral("Sensitivity")});
    }

    void outlookVCard() {
        QFile f(data("outlook.vcf"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const io::VCardReadResult r = io::readVCards(f.readAll());
        QCOMPARE(r.cards.size(), 1);
        QVERIFY(r.cards.at(0).errors.isEmpty());
        compareFields(leadFields(r.cards.at(0).lead),
                      expect({{"company", QStringLiteral("北システム株式会社")},
                              {"company_reading", QStringLiteral("きたしすてむ")},
                              {"department", QStringLiteral("営業部")},
                              {"title", QStringLiteral("課長")},
                              {"family_name", QStringLiteral("鈴木")},
                              {"given_name", QStringLiteral("太郎")},
                              {"family_reading", QStringLiteral("すずき")},
                              {"given_reading", QStringLiteral("たろう")},
                              {"email", QStringLiteral("taro@kita.example")},
                              {"phone", QStringLiteral("03-5555-0701")},
                              {"mobile", QStringLiteral("090-5555-0702")},
                              {"extra", QStringLiteral("phone:03-5555-0704[work] | "
                                                       "fax:03-5555-0703[work,fax] | "
                                                       "email:t.suzuki@mail.example[]")}}),
                      QStringLiteral("Outlook vCard"));
    }

    void sansanDownload() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("株式会社ひかり産業")},
                    {"department", QStringLiteral("経営企画部")},
                    {"title", QStringLiteral("部長")},
                    {"family_name", QStringLiteral("高橋")},
                    {"given_name", QStringLiteral("美咲")},
                    {"email", QStringLiteral("misaki.takahashi@hikari-sangyo.example")},
                    {"phone", QStringLiteral("052-555-0401")},
                    {"mobile", QStringLiteral("070-5555-0403")},
                    {"postal_code", QStringLiteral("460-0008")},
                    {"prefecture", QStringLiteral("愛知県")},
                    {"city", QStringLiteral("名古屋市中区")},
                    {"street", QStringLiteral("栄3-5-1")},
                    {"building", QStringLiteral("ひかりビル8F")},
                    {"website", QStringLiteral("https://hikari-sangyo.example")},
                    {"owner", QStringLiteral("田中 一郎")},
                    {"created", QStringLiteral("2026-04-15 00:00")},
                    {"extra", QStringLiteral("phone:052-555-0402[TEL-2(1)] | "
                                             "fax:052-555-0404[FAX(1)]")}}),
            // Only the whole address: it is the street.
            expect({{"company", QStringLiteral("株式会社みどり")},
                    {"title", QStringLiteral("主任")},
                    {"family_name", QStringLiteral("伊藤")},
                    {"given_name", QStringLiteral("翔")},
                    {"email", QStringLiteral("sho.ito@midori.example")},
                    {"phone", QStringLiteral("03-5555-0411")},
                    {"postal_code", QStringLiteral("150-0002")},
                    {"street", QStringLiteral("東京都渋谷区渋谷2-1-1")},
                    {"owner", QStringLiteral("田中 一郎")},
                    {"created", QStringLiteral("2026-04-16 00:00")}}),
        };
        const ImportSummary s = check(data("sansan.csv"), want, {});
        QCOMPARE(s.encoding, io::Encoding::Cp932);
    }

    void sansanSalesforceList() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("株式会社つばさ物流")},
                    {"department", QStringLiteral("営業本部")},
                    {"title", QStringLiteral("課長")},
                    {"family_name", QStringLiteral("松本")},
                    {"given_name", QStringLiteral("由美")},
                    {"email", QStringLiteral("yumi.matsumoto@tsubasa-logi.example")},
                    {"phone", QStringLiteral("045-555-0601")},
                    {"mobile", QStringLiteral("090-5555-0603")},
                    {"postal_code", QStringLiteral("220-0012")},
                    {"prefecture", QStringLiteral("神奈川県")},
                    {"city", QStringLiteral("横浜市西区")},
                    {"street", QStringLiteral("みなとみらい2-2-1")},
                    {"website", QStringLiteral("https://tsubasa-logi.example")},
                    {"created", QStringLiteral("2026-04-20 00:00")},
                    {"extra", QStringLiteral("email:y.matsumoto@mail.example[email2] | "
                                             "phone:045-555-0602[TEL2] | "
                                             "fax:045-555-0604[FAX1]")}}),
        };
        const ImportSummary s = check(data("sansan_sf.csv"), want, {});
        QCOMPARE(s.encoding, io::Encoding::Cp932);
    }

    void eight() {
        const QList<Fields> want{
            expect(
                {{"company", QStringLiteral("株式会社あさひ製作所")},
                 {"department", QStringLiteral("品質保証部")},
                 {"title", QStringLiteral("係長")},
                 {"family_name", QStringLiteral("中村")},
                 {"given_name", QStringLiteral("大輔")},
                 {"email", QStringLiteral("daisuke.nakamura@asahi-ss.example")},
                 {"phone", QStringLiteral("048-555-0501")},
                 {"mobile", QStringLiteral("080-5555-0505")},
                 {"postal_code", QStringLiteral("330-0854")},
                 {"street", QStringLiteral("埼玉県さいたま市大宮区桜木町1-7-5")},
                 {"website", QStringLiteral("https://asahi-ss.example")},
                 {"created", QStringLiteral("2026-03-20 00:00")},
                 {"extra", QStringLiteral("phone:048-555-0502[TEL部門] | "
                                          "phone:048-555-0503[TEL直通] | fax:048-555-0504[FAX]")}}),
        };
        const ImportSummary s = check(data("eight.csv"), want, {});
        QCOMPARE(s.encoding, io::Encoding::Cp932);
    }

    void salesforceReport() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("Harbor Analytics")},
                    {"title", QStringLiteral("VP Marketing")},
                    {"family_name", QStringLiteral("Bennett")},
                    {"given_name", QStringLiteral("Olivia")},
                    {"honorific", QStringLiteral("Ms.")},
                    {"email", QStringLiteral("olivia.bennett@harbor-analytics.example")},
                    {"phone", QStringLiteral("+1 617-555-0120")},
                    {"mobile", QStringLiteral("+1 617-555-0121")},
                    {"postal_code", QStringLiteral("02110")},
                    {"prefecture", QStringLiteral("MA")},
                    {"city", QStringLiteral("Boston")},
                    {"street", QStringLiteral("100 Summer St")},
                    {"country", QStringLiteral("USA")},
                    {"website", QStringLiteral("https://harbor-analytics.example")},
                    {"owner", QStringLiteral("Jane Roe")},
                    {"source", QStringLiteral("Trade Show")},
                    {"stage", QStringLiteral("sql/sal")},
                    {"created", QStringLiteral("2026-05-12 08:30")}}),
            expect({{"company", QStringLiteral("Pine Labs")},
                    {"title", QStringLiteral("Buyer")},
                    {"family_name", QStringLiteral("Martin")},
                    {"given_name", QStringLiteral("Lucas")},
                    {"honorific", QStringLiteral("Mr.")},
                    {"email", QStringLiteral("lucas.martin@pinelabs.example")},
                    {"phone", QStringLiteral("+1 303-555-0130")},
                    {"postal_code", QStringLiteral("80202")},
                    {"prefecture", QStringLiteral("CO")},
                    {"city", QStringLiteral("Denver")},
                    {"country", QStringLiteral("USA")},
                    {"owner", QStringLiteral("Jane Roe")},
                    {"source", QStringLiteral("Web")},
                    {"created", QStringLiteral("2026-04-23 14:05")}}),
        };
        const ImportSummary s = check(data("salesforce_report.csv"), want,
                                      {QStringLiteral("Rating")}, dates::DateOrder::Mdy);
        // The footer is recognised, left out and said so; 4/23/2026 decided the order.
        QCOMPARE(s.rowsRead, 2);
        QCOMPARE(s.footerLine, 5);
        QCOMPARE(s.footerLines, 6);
        QCOMPARE(s.footerText, QStringLiteral("Leads by Source"));
        QCOMPARE(s.dateOrder, dates::DateOrder::Mdy);
        QVERIFY(s.dateOrderDetected);
        QCOMPARE(s.dateOrderLine, 3);
        const QString lines = summaryLines(s).join(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("Leads by Source")), qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("4/23/2026 2:05 PM")), qPrintable(lines));
    }

    // The wizard's preview: the footer is not a row, the date order is found in the first rows.
    void salesforceReportPreview() {
        ImportOptions o;
        o.path = data("salesforce_report.csv");
        const auto a = analyseImport(o);
        QVERIFY(a.ok());
        QCOMPARE(a->previewRecords.size(), 2);
        QCOMPARE(a->dateOrder, dates::DateOrder::Mdy);
        const QList<PreviewRow> rows = previewRows(*a, 1, QStringLiteral("JP"));
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(0).errors.isEmpty());
        QVERIFY(rows.at(1).errors.isEmpty());
    }

    void salesforceDataLoader() {
        const QList<Fields> want{
            expect(
                {{"company", QStringLiteral("Lumen Freight")},
                 {"title", QStringLiteral("Head of Operations")},
                 {"family_name", QStringLiteral("Garcia")},
                 {"given_name", QStringLiteral("Sofia")},
                 {"honorific", QStringLiteral("Ms.")},
                 {"email", QStringLiteral("sofia.garcia@lumenfreight.example")},
                 {"phone", QStringLiteral("+1 312-555-0140")},
                 {"mobile", QStringLiteral("+1 312-555-0141")},
                 {"postal_code", QStringLiteral("60606")},
                 {"prefecture", QStringLiteral("IL")},
                 {"city", QStringLiteral("Chicago")},
                 {"street", QStringLiteral("200 W Madison St")},
                 {"country", QStringLiteral("United States")},
                 {"website", QStringLiteral("https://lumenfreight.example")},
                 {"source", QStringLiteral("Partner Referral")},
                 {"stage", QStringLiteral("opportunity")},
                 {"created", QStringLiteral("2026-05-12 08:30Z")},
                 {"notes", QStringLiteral("ID: 00Q5g00000AbCdEAAA\nOWNERID: 0055g00000XyZaBAAV")}}),
            expect(
                {{"company", QStringLiteral("Mori Works")},
                 {"title", QStringLiteral("Engineer")},
                 {"family_name", QStringLiteral("Mori")},
                 {"given_name", QStringLiteral("Yuki")},
                 {"email", QStringLiteral("yuki.mori@moriworks.example")},
                 {"phone", QStringLiteral("03-5555-0150")},
                 {"source", QStringLiteral("Web")},
                 {"created", QStringLiteral("2026-05-13 01:00Z")},
                 {"notes", QStringLiteral("ID: 00Q5g00000AbCdFAAA\nOWNERID: 0055g00000XyZaBAAV")}}),
        };
        check(data("salesforce_dataloader.csv"), want, {});
    }

    void hubspot() {
        const QList<Fields> want{
            expect({{"company", QStringLiteral("Bluepeak Software")},
                    {"title", QStringLiteral("CFO")},
                    {"family_name", QStringLiteral("Kim")},
                    {"given_name", QStringLiteral("Grace")},
                    {"honorific", QStringLiteral("Ms.")},
                    {"email", QStringLiteral("grace.kim@bluepeak.example")},
                    {"phone", QStringLiteral("+1 206-555-0150")},
                    {"mobile", QStringLiteral("+1 206-555-0151")},
                    {"postal_code", QStringLiteral("98101")},
                    {"prefecture", QStringLiteral("WA")},
                    {"city", QStringLiteral("Seattle")},
                    {"street", QStringLiteral("400 Pine St")},
                    {"country", QStringLiteral("United States")},
                    {"website", QStringLiteral("https://bluepeak.example")},
                    {"owner", QStringLiteral("hana.sato@mikomi-demo.example")},
                    {"source", QStringLiteral("Paid Search")},
                    // The stage from the lifecycle; the lead status kept in the notes.
                    {"stage", QStringLiteral("sql")},
                    {"created", QStringLiteral("2026-05-10 09:15")},
                    {"notes", QStringLiteral("Record ID: 5001\nLead Status: In Progress")},
                    {"extra", QStringLiteral(
                                  "email:g.kim@bluepeak-mail.example[Additional email addresses] | "
                                  "email:gracek@home.example[Additional email addresses]")}}),
        };
        const ImportSummary s = check(data("hubspot.csv"), want, {});
        QCOMPARE(s.ownerEmails, QStringList{QStringLiteral("hana.sato@mikomi-demo.example")});
        QVERIFY(
            summaryLines(s).join(u'\n').contains(QStringLiteral("hana.sato@mikomi-demo.example")));
    }

    void zoho() {
        const QList<Fields> want{
            expect(
                {{"company", QStringLiteral("Fenwick Consulting Ltd")},
                 {"title", QStringLiteral("Partner")},
                 {"family_name", QStringLiteral("Wright")},
                 {"given_name", QStringLiteral("Oliver")},
                 {"honorific", QStringLiteral("Mr.")},
                 {"email", QStringLiteral("oliver.wright@fenwick.example")},
                 {"phone", QStringLiteral("+44 20 7946 0958")},
                 {"mobile", QStringLiteral("+44 7400 900123")},
                 {"postal_code", QStringLiteral("EC2R 8EJ")},
                 {"city", QStringLiteral("London")},
                 {"street", QStringLiteral("1 Poultry")},
                 {"country", QStringLiteral("United Kingdom")},
                 {"website", QStringLiteral("https://fenwick.example")},
                 {"owner", QStringLiteral("Hana Sato")},
                 {"source", QStringLiteral("Seminar")},
                 {"stage", QStringLiteral("sql/sal")},
                 {"created", QStringLiteral("2026-04-25 10:20")},
                 {"notes", QStringLiteral("Interested in a Q3 rollout\n"
                                          "Record Id: zcrm_4876876000000123001\n"
                                          "Tag: UK;Priority")},
                 {"extra", QStringLiteral("email:o.wright@fenwick-mail.example[Secondary Email] | "
                                          "fax:+44 20 7946 0959[Fax]")}}),
            expect({{"company", QStringLiteral("Evans & Daughters")},
                    {"title", QStringLiteral("Director")},
                    {"family_name", QStringLiteral("Evans")},
                    {"given_name", QStringLiteral("Chloe")},
                    {"honorific", QStringLiteral("Ms.")},
                    {"email", QStringLiteral("chloe@evans-daughters.example")},
                    {"phone", QStringLiteral("+44 161 496 0000")},
                    {"postal_code", QStringLiteral("M1 1AE")},
                    {"city", QStringLiteral("Manchester")},
                    {"country", QStringLiteral("United Kingdom")},
                    {"owner", QStringLiteral("Hana Sato")},
                    {"source", QStringLiteral("Web")},
                    {"opt_out", QStringLiteral("yes")},
                    // 03/05/2026 read day first, as 25/04/2026 on line 2 decided.
                    {"created", QStringLiteral("2026-05-03 09:00")},
                    {"notes", QStringLiteral("Record Id: zcrm_4876876000000123002")}}),
        };
        const ImportSummary s = check(data("zoho.csv"), want, {}, dates::DateOrder::Dmy);
        QCOMPARE(s.dateOrder, dates::DateOrder::Dmy);
        QCOMPARE(s.dateOrderLine, 2);
    }

    // A file whose year-last dates never say their order: each such row is an error asking for
    // --date-order (never a guess); given the order, it imports.
    void ambiguousDatesNeedAnOrder() {
        const QString path = m_dir.filePath(QStringLiteral("ambiguous.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Email,Created Date\na@x.example,5/6/2026\nb@x.example,2026-05-07\n");
        f.close();
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("amb.mikomi")));
        QVERIFY(db.ok());
        ImportOptions o;
        o.path = path;
        o.dryRun = true;
        auto s = runImport(**db, o);
        QVERIFY(s.ok());
        QCOMPARE(s->rejected, 1);
        QCOMPARE(s->created, 1);
        QVERIFY(s->errors.at(0).reason.contains(QStringLiteral("--date-order")));
        o.dateOrder = dates::DateOrder::Dmy;
        s = runImport(**db, o);
        QVERIFY(s.ok());
        QCOMPARE(s->rejected, 0);
        QCOMPARE(s->created, 2);
        QVERIFY(!s->dateOrderDetected);
    }

    // --map: override a column, keep an unmapped one in the notes, or name an unknown field.
    void columnRules() {
        const QString path = m_dir.filePath(QStringLiteral("rules.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Email,Favourite Colour,Kundennummer\na@x.example,blue,K-17\n");
        f.close();
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("rules.mikomi")));
        QVERIFY(db.ok());
        ImportOptions o;
        o.path = path;
        auto s = runImport(**db, o);
        QVERIFY(s.ok());
        QCOMPARE(s->notImported.size(), 2);
        QCOMPARE(s->notImported.at(0),
                 (ImportSummary::Column{QStringLiteral("Favourite Colour"), 1}));
        const QString lines = summaryLines(*s).join(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("Kundennummer")), qPrintable(lines));

        auto db2 = storage::Database::open(m_dir.filePath(QStringLiteral("rules2.mikomi")));
        QVERIFY(db2.ok());
        o.columnRules = {{QStringLiteral("favourite colour"), QStringLiteral("notes")},
                         {QStringLiteral("Kundennummer"), QStringLiteral("department")}};
        s = runImport(**db2, o);
        QVERIFY(s.ok());
        QVERIFY(s->notImported.isEmpty());
        const Lead l = storedLeads(**db2).value(0);
        QCOMPARE(l.notes, QStringLiteral("Favourite Colour: blue"));
        QCOMPARE(l.department, QStringLiteral("K-17"));

        o.columnRules = {{QStringLiteral("Kundennummer"), QStringLiteral("shoe_size")}};
        s = runImport(**db2, o);
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QStringLiteral("shoe_size")));
    }

    void dates() {
        using dates::DateOrder;
        const auto wall = [](const std::optional<QDateTime> &t) {
            return t ? t->toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
                           (t->timeSpec() == Qt::UTC ? QStringLiteral("Z") : QString())
                     : QStringLiteral("none");
        };
        QCOMPARE(wall(dates::parseUserDateTime(QStringLiteral("2026-05-12T08:30:00.000Z"))),
                 QStringLiteral("2026-05-12 08:30:00.000Z"));
        QCOMPARE(
            dates::parseUserDateTime(QStringLiteral("2026-05-12T08:30:00+09:00"))->offsetFromUtc(),
            9 * 3600);
        QCOMPARE(
            wall(dates::parseUserDateTime(QStringLiteral("5/12/2026 8:30 PM"), DateOrder::Mdy)),
            QStringLiteral("2026-05-12 20:30:00.000"));
        QCOMPARE(
            wall(dates::parseUserDateTime(QStringLiteral("12/5/2026 12:05 AM"), DateOrder::Dmy)),
            QStringLiteral("2026-05-12 00:05:00.000"));
        QCOMPARE(wall(dates::parseUserDateTime(QStringLiteral("2026年5月12日"))),
                 QStringLiteral("2026-05-12 00:00:00.000"));
        // Never a guess.
        QCOMPARE(wall(dates::parseUserDateTime(QStringLiteral("5/12/2026"))),
                 QStringLiteral("none"));
        QCOMPARE(wall(dates::parseUserDateTime(QStringLiteral("13/5/2026"), DateOrder::Mdy)),
                 QStringLiteral("none"));
        QCOMPARE(
            wall(dates::parseUserDateTime(QStringLiteral("5/12/2026 13:00 PM"), DateOrder::Mdy)),
            QStringLiteral("none"));
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("13/5/2026")),
                 dates::DateOrderEvidence::Dmy);
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("5/13/2026 9:00 AM")),
                 dates::DateOrderEvidence::Mdy);
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("5/6/2026")),
                 dates::DateOrderEvidence::Ambiguous);
        QCOMPARE(dates::dateOrderEvidence(QStringLiteral("2026/5/6")),
                 dates::DateOrderEvidence::None);
    }
};

// Local dates are checked as wall-clock times and UTC ones with "Z": a zone with an offset keeps
// the two apart (in UTC, Qt gives a zero offset the UTC spec).
int main(int argc, char **argv) {
    qputenv("TZ", "Asia/Tokyo");
    QCoreApplication app(argc, argv);
    TestLayouts t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_layouts.moc"
