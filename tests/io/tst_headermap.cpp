#include "models/io/headermap.h"

#include <QTest>

using namespace mikomi;
using namespace mikomi::io;

class TestHeaderMap final : public QObject {
    Q_OBJECT
private slots:
    void cliTable_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("field"); // key, empty = unmapped
        QTest::newRow("company") << "Company Name"
                                 << "company";
        QTest::newRow("company width") << "ＣＯＭＰＡＮＹ　ＮＡＭＥ"
                                       << "company";
        QTest::newRow("会社名") << "会社名"
                                << "company";
        QTest::newRow("勤務先名") << "勤務先名"
                                  << "company";
        QTest::newRow("会社名フリガナ") << "会社名フリガナ"
                                        << "company_reading";
        QTest::newRow("部署名") << "部署名"
                                << "department";
        QTest::newRow("job title") << "JOB TITLE"
                                   << "title";
        QTest::newRow("surname") << "surname"
                                 << "family_name";
        QTest::newRow("氏名(姓) full-width parens") << "氏名（姓）"
                                                    << "family_name";
        QTest::newRow("名") << "名"
                            << "given_name";
        QTest::newRow("氏名") << "氏名"
                              << "full_name";
        QTest::newRow("セイ") << "セイ"
                              << "family_reading";
        QTest::newRow("half-width ﾒｲ") << "ﾒｲ"
                                       << "given_reading";
        QTest::newRow("フリガナ(名)") << "フリガナ(名)"
                                      << "given_reading";
        QTest::newRow("e-mail") << "E-Mail"
                                << "email";
        QTest::newRow("メールアドレス") << "メールアドレス"
                                        << "email";
        QTest::newRow("tel") << "TEL"
                             << "phone";
        QTest::newRow("携帯電話") << "携帯電話"
                                  << "mobile";
        QTest::newRow("郵便番号") << "郵便番号"
                                  << "postal_code";
        QTest::newRow("町域・番地") << "町域・番地"
                                    << "street";
        QTest::newRow("ビル名") << "ビル名"
                                << "building";
        QTest::newRow("獲得経路") << "獲得経路"
                                  << "source";
        QTest::newRow("ソース種別") << "ソース種別"
                                    << "source_category";
        QTest::newRow("ライフサイクルステージ") << "ライフサイクルステージ"
                                                << "stage";
        QTest::newRow("登録日") << "登録日"
                                << "created_at";
        QTest::newRow("受注日") << "受注日"
                                << "won_at";
        QTest::newRow("失注日") << "失注日"
                                << "lost_at";
        QTest::newRow("受注金額") << "受注金額"
                                  << "deal_value";
        QTest::newRow("ltv") << "LTV"
                             << "lifetime_value";
        QTest::newRow("contact owner") << "Contact owner"
                                       << "owner";
        QTest::newRow("備考") << "備考"
                              << "notes";
        QTest::newRow("email opt out") << "Email Opt Out"
                                       << "opt_out";
        QTest::newRow("key itself") << "family_name"
                                    << "family_name";
        QTest::newRow("unknown") << "Favourite colour"
                                 << "";
    }
    void cliTable() {
        QFETCH(QString, header);
        QFETCH(QString, field);
        const auto f = matchLeadHeader(header);
        if (field.isEmpty())
            QVERIFY(!f.has_value());
        else
            QCOMPARE(f.has_value() ? leadFieldKey(*f) : QString(), field);
    }
    void hubspotExport() {
        const QStringList h{QStringLiteral("First Name"),      QStringLiteral("Last Name"),
                            QStringLiteral("Email"),           QStringLiteral("Phone Number"),
                            QStringLiteral("Company Name"),    QStringLiteral("Lead Status"),
                            QStringLiteral("Lifecycle Stage"), QStringLiteral("Original Source"),
                            QStringLiteral("Create Date"),     QStringLiteral("Job Title"),
                            QStringLiteral("Record ID")};
        const HeaderMap m = mapLeadHeaders(h);
        QCOMPARE(m.column(int(LeadField::GivenName)), 0);
        QCOMPARE(m.column(int(LeadField::FamilyName)), 1);
        QCOMPARE(m.column(int(LeadField::Email)), 2);
        QCOMPARE(m.column(int(LeadField::Phone)), 3);
        QCOMPARE(m.column(int(LeadField::Company)), 4);
        // "Lead Status" is weak: the later "Lifecycle Stage" takes the stage.
        QCOMPARE(m.column(int(LeadField::Stage)), 6);
        QCOMPARE(m.columnField.at(5), -1);
        QCOMPARE(m.duplicates, QList<int>{5});
        QCOMPARE(m.column(int(LeadField::Source)), 7);
        QCOMPARE(m.column(int(LeadField::CreatedAt)), 8);
        QCOMPARE(m.column(int(LeadField::Title)), 9);
        // Nothing dropped (issue 12): the lead status that gave way and the record id are kept
        // as lines of the notes.
        QCOMPARE(m.role(5), ColumnRole::Note);
        QCOMPARE(m.role(10), ColumnRole::Note);
        QCOMPARE(m.unmapped, QList<int>{});
        QCOMPARE(detectCsvKind(h), CsvKind::Leads);
    }
    void salesforceExport() {
        const QStringList h{QStringLiteral("First Name"),
                            QStringLiteral("Last Name"),
                            QStringLiteral("Company / Account"),
                            QStringLiteral("Lead Source"),
                            QStringLiteral("Title"),
                            QStringLiteral("Email"),
                            QStringLiteral("Phone"),
                            QStringLiteral("Mobile"),
                            QStringLiteral("Lead Status"),
                            QStringLiteral("Created Date")};
        const HeaderMap m = mapLeadHeaders(h);
        QCOMPARE(m.column(int(LeadField::Company)), 2);
        QCOMPARE(m.column(int(LeadField::Source)), 3);
        QCOMPARE(m.column(int(LeadField::Title)), 4);
        QCOMPARE(m.column(int(LeadField::Mobile)), 7);
        QCOMPARE(m.column(int(LeadField::Stage)), 8); // weak, but nothing stronger
        QCOMPARE(m.column(int(LeadField::CreatedAt)), 9);
        QVERIFY(m.unmapped.isEmpty());
    }
    void eightSansanExport() {
        const QStringList h{QStringLiteral("会社名"),   QStringLiteral("部署名"),
                            QStringLiteral("役職"),     QStringLiteral("姓"),
                            QStringLiteral("名"),       QStringLiteral("姓(カナ)"),
                            QStringLiteral("名(カナ)"), QStringLiteral("メールアドレス"),
                            QStringLiteral("TEL会社"),  QStringLiteral("携帯電話"),
                            QStringLiteral("郵便番号"), QStringLiteral("都道府県"),
                            QStringLiteral("住所"),     QStringLiteral("名刺交換日")};
        const HeaderMap m = mapLeadHeaders(h);
        const LeadField expected[] = {
            LeadField::Company,      LeadField::Department, LeadField::Title,
            LeadField::FamilyName,   LeadField::GivenName,  LeadField::FamilyReading,
            LeadField::GivenReading, LeadField::Email,      LeadField::Phone,
            LeadField::Mobile,       LeadField::PostalCode, LeadField::Prefecture,
            LeadField::Street,       LeadField::CreatedAt};
        for (int c = 0; c < h.size(); ++c)
            QCOMPARE(m.columnField.at(c), int(expected[c]));
        QCOMPARE(mapLeadHeaders({QStringLiteral("セイ"), QStringLiteral("メイ")}).columnField,
                 (QList<int>{int(LeadField::FamilyReading), int(LeadField::GivenReading)}));
    }
    void duplicatesKeepFirst() {
        const HeaderMap m = mapLeadHeaders(
            {QStringLiteral("Email"), QStringLiteral("E-mail"), QStringLiteral("name")});
        QCOMPARE(m.column(int(LeadField::Email)), 0);
        QCOMPARE(m.duplicates, QList<int>{1});
        HeaderMap edited = m;
        setColumnField(edited, 1, int(LeadField::Notes));
        QCOMPARE(edited.column(int(LeadField::Notes)), 1);
        QVERIFY(edited.duplicates.isEmpty());
        setColumnField(edited, 2, -1);
        QCOMPARE(edited.column(int(LeadField::FullName)), -1);
        QCOMPARE(edited.unmapped, QList<int>{2});
    }
    void kindDetection() {
        QCOMPARE(detectCsvKind(
                     {QStringLiteral("source"), QStringLiteral("month"), QStringLiteral("amount")}),
                 CsvKind::Spend);
        QCOMPARE(
            detectCsvKind({QStringLiteral("流入元"), QStringLiteral("月"), QStringLiteral("費用")}),
            CsvKind::Spend);
        QCOMPARE(detectCsvKind({QStringLiteral("email"), QStringLiteral("occurred_at"),
                                QStringLiteral("utm_source"), QStringLiteral("utm_medium")}),
                 CsvKind::Touchpoints);
        // A deal amount next to people is a lead file.
        QCOMPARE(detectCsvKind({QStringLiteral("会社名"), QStringLiteral("source"),
                                QStringLiteral("month"), QStringLiteral("金額")}),
                 CsvKind::Leads);
        QCOMPARE(mapTouchpointHeaders({QStringLiteral("UTM_Campaign")})
                     .column(int(TouchpointField::Campaign)),
                 0);
    }
    void stageValues_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("stage"); // -1 = rejected
        QTest::addColumn<bool>("lost");
        QTest::addColumn<int>("kind");
        QTest::newRow("inquiry") << "Inquiry" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("subscriber") << "subscriber" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("問い合わせ") << "問い合わせ" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("hubspot mql") << "marketingqualifiedlead" << int(Stage::Mql) << false << 0;
        QTest::newRow("spaced mql") << "Marketing Qualified Lead" << int(Stage::Mql) << false << 0;
        QTest::newRow("sal") << "SAL" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("sgl") << "ｓｇｌ" << int(Stage::Sql) << false << int(SqlKind::Sgl);
        QTest::newRow("商談") << "商談" << int(Stage::Opportunity) << false << 0;
        QTest::newRow("closed won") << "Closed Won" << int(Stage::Customer) << false << 0;
        QTest::newRow("顧客") << "顧客" << int(Stage::Customer) << false << 0;
        QTest::newRow("closed lost") << "closed lost" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("失注") << "失注" << int(Stage::Inquiry) << true << 0;
        // HubSpot lifecycle stages and lead statuses (internal values and labels).
        QTest::newRow("hs lead") << "lead" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("hs sql") << "salesqualifiedlead" << int(Stage::Sql) << false << 0;
        QTest::newRow("hs opportunity") << "opportunity" << int(Stage::Opportunity) << false << 0;
        QTest::newRow("hs evangelist") << "evangelist" << int(Stage::Customer) << false << 0;
        QTest::newRow("hs other") << "other" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("hs NEW") << "NEW" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("hs OPEN") << "OPEN" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("hs IN_PROGRESS")
            << "IN_PROGRESS" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("hs In progress")
            << "In progress" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("hs OPEN_DEAL") << "OPEN_DEAL" << int(Stage::Opportunity) << false << 0;
        QTest::newRow("hs UNQUALIFIED") << "UNQUALIFIED" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("hs ATTEMPTED_TO_CONTACT")
            << "ATTEMPTED_TO_CONTACT" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("hs CONNECTED")
            << "CONNECTED" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("hs BAD_TIMING") << "BAD_TIMING" << int(Stage::Inquiry) << true << 0;
        // Salesforce lead statuses and opportunity stages.
        QTest::newRow("sf open") << "Open - Not Contacted" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("sf working")
            << "Working - Contacted" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("sf converted")
            << "Closed - Converted" << int(Stage::Opportunity) << false << 0;
        QTest::newRow("sf not converted")
            << "Closed - Not Converted" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("sf qualified") << "Qualified" << int(Stage::Sql) << false << 0;
        QTest::newRow("sf unqualified") << "Unqualified" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("sf nurturing") << "Nurturing" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("sf proposal")
            << "Proposal/Price Quote" << int(Stage::Opportunity) << false << 0;
        QTest::newRow("sf negotiation")
            << "Negotiation/Review" << int(Stage::Opportunity) << false << 0;
        // Zoho.
        QTest::newRow("zoho contacted")
            << "Contacted" << int(Stage::Sql) << false << int(SqlKind::Sal);
        QTest::newRow("zoho junk") << "Junk Lead" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("zoho pre-qualified") << "Pre-Qualified" << int(Stage::Mql) << false << 0;
        QTest::newRow("zoho competition")
            << "Closed Lost to Competition" << int(Stage::Inquiry) << true << 0;
        // Japanese wording (full-width letters and spaces fold too).
        QTest::newRow("見込み客") << "見込み客" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("育成中") << "育成中" << int(Stage::Inquiry) << false << 0;
        QTest::newRow("商談中") << "商談中" << int(Stage::Opportunity) << false << 0;
        QTest::newRow("受注") << "受注" << int(Stage::Customer) << false << 0;
        QTest::newRow("成約") << "成約" << int(Stage::Customer) << false << 0;
        QTest::newRow("失注") << "失注" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("見送り") << "見送り" << int(Stage::Inquiry) << true << 0;
        QTest::newRow("full-width MQL") << "ＭＱＬ" << int(Stage::Mql) << false << 0;
        QTest::newRow("unknown") << "purple" << -1 << false << 0;
        QTest::newRow("unknown ja") << "検討中かも" << -1 << false << 0;
        QTest::newRow("not a prefix") << "closed" << -1 << false << 0;
        QTest::newRow("empty") << "" << -1 << false << 0;
    }
    void stageValues() {
        QFETCH(QString, value);
        QFETCH(int, stage);
        QFETCH(bool, lost);
        QFETCH(int, kind);
        const auto v = parseStageValue(value);
        if (stage < 0) {
            QVERIFY(!v.has_value());
            return;
        }
        QVERIFY(v.has_value());
        QCOMPARE(int(v->stage), stage);
        QCOMPARE(v->lost, lost);
        QCOMPARE(int(v->sqlKind), kind);
    }
    void crmHeaders_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("field");
        const QList<std::pair<const char *, const char *>> rows{
            {"Lead Status", "stage"},
            {"Lifecycle Stage", "stage"},
            {"hs_lead_status", "stage"},
            {"リードのステータス", "stage"},
            {"Lead Source", "source"},
            {"LeadSource", "source"},
            {"Original Source", "source"},
            {"Company Name", "company"},
            {"Associated Company", "company"},
            {"取引先名", "company"},
            {"Mobile Phone", "mobile"},
            {"MobilePhone", "mobile"},
            {"Mobile Phone Number", "mobile"},
            {"Mailing Street", "street"},
            {"Mailing City", "city"},
            {"Mailing State/Province", "prefecture"},
            {"State/Province", "prefecture"},
            {"Mailing Zip/Postal Code", "postal_code"},
            {"Zip/Postal Code", "postal_code"},
            {"Mailing Country", "country"},
            {"Address Line 2", "building"},
            {"Designation", "title"},
            {"Created Time", "created_at"},
            {"Has Opted Out of Email", "opt_out"},
            {"HasOptedOutOfEmail", "opt_out"},
            {"Unsubscribed from all email", "opt_out"},
            {"Account Owner", "owner"},
            {"リードの所有者", "owner"},
            {"名刺所有者", "owner"},
            {"説明", "notes"},
            {"会社URL", "website"},
            {"Salutation", ""},
            {"Status", ""}, // too vague to be the stage
        };
        for (const auto &[header, field] : rows)
            QTest::newRow(header) << QString::fromUtf8(header) << QString::fromUtf8(field);
    }
    void crmHeaders() {
        QFETCH(QString, header);
        QFETCH(QString, field);
        const auto f = matchLeadHeader(header);
        QCOMPARE(f.has_value() ? leadFieldKey(*f) : QString(), field);
    }
    void salesforceContactExport() {
        const QStringList h{QStringLiteral("First Name"),
                            QStringLiteral("Last Name"),
                            QStringLiteral("Account Name"),
                            QStringLiteral("Mailing Street"),
                            QStringLiteral("Mailing City"),
                            QStringLiteral("Mailing State/Province"),
                            QStringLiteral("Mailing Zip/Postal Code"),
                            QStringLiteral("Mailing Country"),
                            QStringLiteral("Mobile Phone"),
                            QStringLiteral("Lead Source"),
                            QStringLiteral("Contact Owner")};
        const HeaderMap m = mapLeadHeaders(h);
        QVERIFY(m.unmapped.isEmpty());
        QVERIFY(m.duplicates.isEmpty());
        QCOMPARE(m.column(int(LeadField::Street)), 3);
        QCOMPARE(m.column(int(LeadField::PostalCode)), 6);
        QCOMPARE(m.column(int(LeadField::Mobile)), 8);
        QCOMPARE(detectCsvKind(h), CsvKind::Leads);
    }
    void associatedCompanyGivesWayToCompanyName() {
        const HeaderMap m =
            mapLeadHeaders({QStringLiteral("Associated Company"), QStringLiteral("Company Name")});
        QCOMPARE(m.column(int(LeadField::Company)), 1);
        QCOMPARE(m.duplicates, QList<int>{0});
    }
    // Issue 12: columns beyond one per field get a role instead of being dropped.
    void realExportRoles() {
        const auto h = [](std::initializer_list<const char *> l) {
            QStringList out;
            for (const char *s : l)
                out << QString::fromUtf8(s);
            return out;
        };
        // Outlook: Title beside Job Title is the honorific, in either order.
        HeaderMap m = mapLeadHeaders(h({"Title", "Job Title", "Business Fax", "E-mail 2 Address"}));
        QCOMPARE(m.column(int(LeadField::Title)), 1);
        QCOMPARE(m.role(0), ColumnRole::Honorific);
        QCOMPARE(m.role(2), ColumnRole::Fax);
        QCOMPARE(m.role(3), ColumnRole::ExtraEmail);
        m = mapLeadHeaders(h({"Job Title", "Title"}));
        QCOMPARE(m.column(int(LeadField::Title)), 0);
        QCOMPARE(m.role(1), ColumnRole::Honorific);
        // Google: numbered groups and their label columns.
        m = mapLeadHeaders(h({"Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label",
                              "Phone 2 - Value", "Address 1 - Formatted", "Address 1 - City",
                              "Organization 1 - Yomi Name", "Address 2 - City", "Photo"}));
        QCOMPARE(m.column(int(LeadField::Phone)), 1);
        QCOMPARE(m.columnLabel.at(1), 0);
        QCOMPARE(m.role(3), ColumnRole::ExtraPhone);
        QCOMPARE(m.columnLabel.at(3), 2);
        QCOMPARE(m.role(2), ColumnRole::Label);
        QCOMPARE(m.role(4), ColumnRole::FormattedAddress);
        QCOMPARE(m.column(int(LeadField::City)), 5);
        QCOMPARE(m.column(int(LeadField::CompanyReading)), 6);
        QCOMPARE(m.role(7), ColumnRole::Note);
        QCOMPARE(m.unmapped, QList<int>{8});
        // Sansan: "(1)" is the card's first value, "(2)" a further one, ［全て］ the whole address.
        m = mapLeadHeaders(h({"Email(1)", "Email(2)", "TEL-1(1)", "住所(1)［全て］", "FAX(1)"}));
        QCOMPARE(m.column(int(LeadField::Email)), 0);
        QCOMPARE(m.role(1), ColumnRole::ExtraEmail);
        QCOMPARE(m.column(int(LeadField::Phone)), 2);
        QCOMPARE(m.role(3), ColumnRole::FormattedAddress);
        QCOMPARE(m.role(4), ColumnRole::Fax);
        // Eight: the second and third TEL columns are further numbers.
        m = mapLeadHeaders(h({"TEL会社", "TEL部門", "TEL直通"}));
        QCOMPARE(m.column(int(LeadField::Phone)), 0);
        QCOMPARE(m.role(1), ColumnRole::ExtraPhone);
        QCOMPARE(m.role(2), ColumnRole::ExtraPhone);
        // Data Loader: STATUS is the stage beside LEADSOURCE; alone it is not mapped.
        m = mapLeadHeaders(h({"EMAIL", "LEADSOURCE", "STATUS"}));
        QCOMPARE(m.column(int(LeadField::Stage)), 2);
        m = mapLeadHeaders(h({"Email", "Status"}));
        QCOMPARE(m.column(int(LeadField::Stage)), -1);
        QCOMPARE(m.unmapped, QList<int>{1});
    }
    void columnRules() {
        HeaderMap m = mapLeadHeaders({QStringLiteral("Email"), QStringLiteral("Kundennummer")});
        QVERIFY(applyColumnRule(m, QStringLiteral("kundennummer"), QStringLiteral("notes")).ok());
        QCOMPARE(m.role(1), ColumnRole::Note);
        QVERIFY(m.unmapped.isEmpty());
        QVERIFY(applyColumnRule(m, QStringLiteral("Email"), QStringLiteral("department")).ok());
        QCOMPARE(m.column(int(LeadField::Department)), 0);
        QCOMPARE(m.column(int(LeadField::Email)), -1);
        QVERIFY(applyColumnRule(m, QStringLiteral("Kundennummer"), QStringLiteral("ignore")).ok());
        QCOMPARE(m.unmapped, QList<int>{1});
        QVERIFY(!applyColumnRule(m, QStringLiteral("Nope"), QStringLiteral("notes")).ok());
        QVERIFY(!applyColumnRule(m, QStringLiteral("Email"), QStringLiteral("shoe_size")).ok());
    }
    void labelsAndKeys() {
        for (int i = 0; i < LeadFieldCount; ++i) {
            QCOMPARE(leadFieldFromKey(leadFieldKey(LeadField(i))), LeadField(i));
            QVERIFY(!leadFieldLabel(LeadField(i)).isEmpty());
        }
        QCOMPARE(spendFieldKey(SpendField::Month), QStringLiteral("month"));
        QCOMPARE(touchpointFieldKey(TouchpointField::OccurredAt), QStringLiteral("occurred_at"));
    }
};

QTEST_GUILESS_MAIN(TestHeaderMap)
#include "tst_headermap.moc"
