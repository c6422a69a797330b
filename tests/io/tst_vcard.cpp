#include "models/io/encoding.h"
#include "models/io/vcard.h"

#include <QDirIterator>
#include <QTest>

using namespace mikomi;
using namespace mikomi::io;

namespace {

VCardReadResult readShared(const char *relative) {
    const auto r =
        readVCardFile(QStringLiteral(MIKOMI_CORPUS "/vcard/") + QString::fromUtf8(relative));
    if (!r.ok())
        qWarning("%s", qPrintable(r.error()));
    return r.ok() ? *r : VCardReadResult{};
}

Lead single(const char *relative) {
    const auto r = readShared(relative);
    if (r.cards.size() != 1)
        qWarning("%s: %lld cards", relative, qlonglong(r.cards.size()));
    return r.cards.isEmpty() ? Lead{} : r.cards.first().lead;
}

} // namespace

class TestVCard final : public QObject {
    Q_OBJECT
private slots:
    // Every card of the corpus, written in each version and read again, is one card with the
    // same fields (2.1 in UTF-8: nothing replaced), whatever odd text real files hold.
    void everyCorpusCardWritesBack() {
        QDirIterator it(QStringLiteral(MIKOMI_CORPUS "/vcard"), {QStringLiteral("*.vcf")},
                        QDir::Files, QDirIterator::Subdirectories);
        int cards = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const auto r = readVCardFile(path);
            QVERIFY2(r.ok(), qPrintable(path));
            for (const VCardEntry &e : r->cards) {
                for (const VCardVersion v :
                     {VCardVersion::V21, VCardVersion::V30, VCardVersion::V40}) {
                    const VCardReadResult again = readVCards(writeVCard(e.lead, v, Encoding::Utf8));
                    QVERIFY2(again.cards.size() == 1, qPrintable(path));
                    const Lead &a = e.lead, &b = again.cards.first().lead;
                    // Every email and number is kept; which one is the lead's own may change
                    // (a pager's number, an extra, is the phone of a card without another).
                    const auto fields = [](const Lead &l) {
                        QStringList contacts{l.email, l.phone, l.mobile};
                        for (const ContactPoint &c : l.extraContacts)
                            contacts << c.value;
                        contacts.removeAll(QString());
                        contacts.sort();
                        return QStringList{
                            l.familyName,       l.givenName,  l.familyReading, l.givenReading,
                            l.company,          l.department, l.title,         l.city,
                            l.street,           l.postalCode, l.website,       l.notes,
                            contacts.join(u',')};
                    };
                    QVERIFY2(fields(b) == fields(a),
                             qPrintable(path + u' ' + vcardVersionKey(v) + u'\n' +
                                        fields(a).join(u'|') + u'\n' + fields(b).join(u'|')));
                }
                ++cards;
            }
        }
        QVERIFY(cards > 50);
    }
    void everyCorpusFileReads() {
        QDirIterator it(QStringLiteral(MIKOMI_CORPUS "/vcard"), {QStringLiteral("*.vcf")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const auto r = readVCardFile(path);
            QVERIFY2(r.ok(), qPrintable(path));
            QVERIFY2(!r->cards.isEmpty(), qPrintable(path));
            for (const VCardEntry &e : r->cards) {
                const Lead &l = e.lead;
                const bool something = !l.familyName.isEmpty() || !l.givenName.isEmpty() ||
                                       !l.company.isEmpty() || !l.email.isEmpty() ||
                                       !l.phone.isEmpty() || !l.mobile.isEmpty();
                // Two cards hold only X-ANDROID-CUSTOM lines and an IM address: nothing we keep.
                const bool empty = path.endsWith(QLatin1String("v21_android_custom_prop.vcf")) ||
                                   path.endsWith(QLatin1String("v21_im.vcf"));
                QVERIFY2(something == !empty, qPrintable(path));
                for (const QChar c : QString(l.familyName + l.givenName + l.notes + l.street))
                    QVERIFY2(c != QChar::ReplacementCharacter, qPrintable(path));
            }
            ++files;
        }
        QVERIFY(files >= 50);
    }
    void android21Japanese1() {
        // N;CHARSET=SHIFT_JIS:安藤ロイド;;;; and SOUND;X-IRMC-N:ｱﾝﾄﾞｳﾛｲﾄﾞ;;;; (half-width kana).
        const Lead l = single("android/v21_japanese_1.vcf");
        QCOMPARE(l.familyName, QStringLiteral("安藤ロイド"));
        QCOMPARE(l.givenName, QString());
        QCOMPARE(l.familyReading, QStringLiteral("アンドウロイド"));
        QCOMPARE(l.givenReading, QString());
        QCOMPARE(l.phone, QStringLiteral("0300000000"));
    }
    void android21Japanese2() {
        const Lead l = single("android/v21_japanese_2.vcf");
        QCOMPARE(l.familyName, QStringLiteral("安藤"));
        QCOMPARE(l.givenName, QStringLiteral("ロイド1"));
        QCOMPARE(l.familyReading, QStringLiteral("アンドウ"));
        QCOMPARE(l.givenReading, QStringLiteral("ロイド1"));
        // Quoted-printable Shift_JIS over three lines with soft breaks.
        QCOMPARE(l.street, QStringLiteral("東京都渋谷区桜丘町26-1セルリアンタワー6階"));
        QCOMPARE(l.postalCode, QStringLiteral("150-8512"));
        QCOMPARE(l.notes, QStringLiteral("メモ"));
    }
    void android21Japanese3And30() {
        for (const char *f : {"android/v21_japanese_3.vcf", "android/v30_japanese.vcf"}) {
            const Lead l = single(f);
            QCOMPARE(l.familyName, QStringLiteral("伊能"));
            QCOMPARE(l.givenName, QStringLiteral("圭一"));
            QVERIFY(l.familyReading.isEmpty());
        }
    }
    void android40SortAs() {
        const Lead l = single("android/v40_sort_as.vcf");
        QCOMPARE(l.familyName, QStringLiteral("安藤"));
        QCOMPARE(l.givenName, QStringLiteral("ロイド"));
        QCOMPARE(l.familyReading, QStringLiteral("あんどう"));
        QCOMPARE(l.givenReading, QStringLiteral("ろいど"));
        QCOMPARE(l.company, QStringLiteral("グーグル"));
        QCOMPARE(l.department, QStringLiteral("検索部門"));
        QCOMPARE(l.companyReading, QStringLiteral("ぐーぐる"));
    }
    void androidMultipleEntries() {
        const auto r = readShared("android/v21_multiple_entry.vcf");
        QCOMPARE(r.cards.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(r.cards[i].lead.familyName, QStringLiteral("安藤ロイド%1").arg(i + 3));
            QCOMPARE(r.cards[i].lead.familyReading, QStringLiteral("アンドウロイド%1").arg(i + 3));
            QCOMPARE(r.cards[i].version, QStringLiteral("2.1"));
        }
        QCOMPARE(r.cards[0].lead.phone, QStringLiteral("9"));
        QCOMPARE(r.cards[1].lead.phone, QStringLiteral("13")); // MODEM; PAGER 14 skipped
    }
    void android30SortString() {
        const Lead l = single("android/v30_simple.vcf");
        QCOMPARE(l.familyName, QStringLiteral("And"));
        QCOMPARE(l.givenName, QStringLiteral("Roid"));
        QCOMPARE(l.company, QStringLiteral("Open"));
        QCOMPARE(l.department, QStringLiteral("Handset Alliance"));
        QCOMPARE(l.familyReading, QStringLiteral("android"));
    }
    void malformedLinesAreWarnings() {
        const auto r = readShared("android/v21_invalid_comment_line.vcf");
        QCOMPARE(r.cards.size(), 1);
        const VCardEntry &e = r.cards.first();
        QCOMPARE(e.lead.givenName, QStringLiteral("Conference Call"));
        // The '#' line right after a quoted-printable soft break belongs to the NOTE.
        QCOMPARE(e.lead.notes, QStringLiteral("This is an (sharp ->#<- sharp) example. This "
                                              "message must NOT be ignored."));
        QCOMPARE(e.warnings.size(), 2); // the two '#' lines
        QCOMPARE(e.warnings[0].line, 6);
        QCOMPARE(e.warnings[1].line, 9);

        const Lead omega = single("android/v21_invalid_multiple_line.vcf");
        QCOMPARE(omega.email, QStringLiteral("\"Omega\" <omega@example.com>"));

        const auto nest = readShared("android/v21_nest.vcf");
        QCOMPARE(nest.cards.size(), 1);
        QCOMPARE(nest.cards.first().lead.familyName, QStringLiteral("parent"));
        QCOMPARE(nest.cards.first().lead.phone, QStringLiteral("1"));
        QCOMPARE(nest.cards.first().warnings.size(), 2);
        QCOMPARE(nest.cards.first().warnings.first().line, 4);
    }
    void photosSkipped() {
        for (const char *f :
             {"android/v21_blackberry_photo.vcf", "android/v21_base64_no_2_crlf.vcf",
              "android/v21_malformed_photo.vcf", "android/v21_x_android_custom_after_photo.vcf",
              "android/v30_ios_613_multiline.vcf"}) {
            const auto r = readShared(f);
            QCOMPARE(r.cards.size(), 1);
            QVERIFY2(r.cards.first().warnings.isEmpty(),
                     qPrintable(r.cards.first().warnings.value(0).message));
        }
        const Lead bb = single("android/v21_blackberry_photo.vcf");
        QCOMPARE(bb.phone, QStringLiteral("+5555555"));
        QCOMPARE(bb.mobile, QStringLiteral("+5555556"));
        QCOMPARE(bb.email, QStringLiteral("forrestgump@walladalla.com"));
        const Lead ios = single("android/v30_ios_613_multiline.vcf");
        QCOMPARE(ios.familyName, QStringLiteral("Smith"));
        QCOMPARE(ios.company, QStringLiteral("Smith Auto Repair"));
        QCOMPARE(ios.mobile, QStringLiteral("(650) 555-1212"));
        QCOMPARE(ios.website, QStringLiteral("www.smithauto.com"));
    }
    void outlook() {
        const Lead l = single("ez-vcard/John_Doe_MS_OUTLOOK.vcf");
        QCOMPARE(l.familyName, QStringLiteral("Doe"));
        QCOMPARE(l.givenName, QStringLiteral("John"));
        QCOMPARE(l.company, QStringLiteral("IBM"));
        QCOMPARE(l.department, QStringLiteral("Accounting"));
        QCOMPARE(l.title, QStringLiteral("Money Counter"));
        QCOMPARE(l.phone, QStringLiteral("(905) 555-1234"));
        QCOMPARE(l.email, QStringLiteral("john.doe@ibm.cm"));
        QCOMPARE(l.street, QStringLiteral("Cresent moon drive"));
        QCOMPARE(l.city, QStringLiteral("Albaney"));
        QCOMPARE(l.prefecture, QStringLiteral("New York"));
        QCOMPARE(l.postalCode, QStringLiteral("12345"));
        QCOMPARE(l.country, QStringLiteral("United States of America"));
        QCOMPARE(l.website, QStringLiteral("http://www.ibm.com"));
        const Lead o7 = single("ez-vcard/outlook-2007.vcf");
        QCOMPARE(o7.familyName, QStringLiteral("Angstadt"));
        QCOMPARE(o7.mobile, QStringLiteral("(111) 555-4444"));
        QCOMPARE(o7.street, QStringLiteral("222 Broadway"));
        QCOMPARE(o7.building, QStringLiteral("TheOffice"));
        // Its quoted-printable line breaks (=0D=0A) are kept as "\n", as a typed note has them.
        QVERIFY(o7.notes.startsWith(QLatin1String("This is the NOTE field\t\n")));
        QVERIFY(!o7.notes.contains(u'\r'));
    }
    void gmail() {
        const Lead l = single("ez-vcard/John_Doe_GMAIL.vcf");
        QCOMPARE(l.familyName, QStringLiteral("Doe"));
        QCOMPARE(l.givenName, QStringLiteral("John"));
        QCOMPARE(l.familyReading, QStringLiteral("Dow"));
        QCOMPARE(l.givenReading, QStringLiteral("Jon"));
        QCOMPARE(l.mobile, QStringLiteral("905-555-1234"));
        QCOMPARE(l.phone, QStringLiteral("905-666-1234"));
        QCOMPARE(l.website, QStringLiteral("http://www.ibm.com"));
        QCOMPARE(l.street, QStringLiteral("Crescent moon drive\n555-asd\nNice Area, Albaney, New "
                                          "York 12345\nUnited States of America"));
        QVERIFY(l.notes.startsWith(QLatin1String(
            "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND")));
        QVERIFY(l.notes.endsWith(QLatin1String("DAMAGE.\nFavotire Color: Blue")));
        const Lead g = single("ez-vcard/gmail-single.vcf");
        QCOMPARE(g.familyReading, QStringLiteral("Dart-mowth"));
        QCOMPARE(g.givenReading, QStringLiteral("Grregg"));
        QCOMPARE(g.company, QStringLiteral("TheCompany"));
        QCOMPARE(g.title, QStringLiteral("TheJobTitle"));
        QCOMPARE(readShared("ez-vcard/gmail-list.vcf").cards.size(), 3);
    }
    void iphone() {
        const Lead l = single("ez-vcard/John_Doe_IPHONE.vcf");
        QCOMPARE(l.familyName, QStringLiteral("Doe"));
        QCOMPARE(l.company, QStringLiteral("IBM"));
        QCOMPARE(l.email, QStringLiteral("john.doe@ibm.com"));
        QCOMPARE(l.mobile, QStringLiteral("905-555-1234"));
        QCOMPARE(l.phone, QStringLiteral("905-666-1234"));
        QCOMPARE(l.street, QStringLiteral("Silicon Alley 5,"));
        QCOMPARE(l.city, QStringLiteral("New York"));
        // Mac: the PREF work number wins over the home one.
        const Lead mac = single("ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf");
        QCOMPARE(mac.phone, QStringLiteral("905-777-1234"));
        const Lead lotus = single("ez-vcard/John_Doe_LOTUS_NOTES.vcf");
        QCOMPARE(lotus.email, QStringLiteral("john.doe@ibm.com"));
        QCOMPARE(lotus.mobile, QStringLiteral("+1 (212) 204-34456"));
        QCOMPARE(lotus.department, QStringLiteral("SUN"));
    }
    void prefAndUris() {
        const Lead p = single("android/v21_pref_handling.vcf");
        QCOMPARE(p.phone, QStringLiteral("2")); // WORK;PREF beats the earlier HOME
        QCOMPARE(p.email, QStringLiteral("test@example.com"));
        QCOMPARE(p.company, QStringLiteral("Company")); // first ORG and TITLE
        QCOMPARE(p.title, QStringLiteral("Engineer"));
        const Lead sip = single("android/v40_sip.vcf");
        QCOMPARE(sip.phone, QStringLiteral("1")); // tel: URI stripped, sip: skipped
        QCOMPARE(sip.familyName, QStringLiteral("安藤"));
    }
    void utf8QuotedPrintable() {
        const auto r = readShared("ez-vcard/John_Doe_ANDROID.vcf");
        QVERIFY(r.cards.size() >= 3);
        QVERIFY(r.cards[2].lead.familyName.startsWith(QStringLiteral("Ñ Ñ")));
    }
    void roundTrip_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("charset");
        QTest::newRow("2.1 Shift_JIS") << int(VCardVersion::V21) << int(Encoding::Cp932);
        QTest::newRow("2.1 UTF-8") << int(VCardVersion::V21) << int(Encoding::Utf8);
        QTest::newRow("3.0") << int(VCardVersion::V30) << int(Encoding::Utf8);
        QTest::newRow("4.0") << int(VCardVersion::V40) << int(Encoding::Utf8);
    }
    void roundTrip() {
        QFETCH(int, version);
        QFETCH(int, charset);
        const bool v21 = version == int(VCardVersion::V21);
        const bool sjis = charset == int(Encoding::Cp932);
        Lead l;
        l.company = QStringLiteral("株式会社髙橋; 商事, 本社\\支店");
        l.companyReading = QStringLiteral("タカハシショウジ");
        l.department = QStringLiteral("営業部");
        l.title = QStringLiteral("部長");
        l.familyName = QStringLiteral("髙橋");
        l.givenName = QStringLiteral("一郎");
        l.familyReading = QStringLiteral("タカハシ");
        l.givenReading = QStringLiteral("イチロウ");
        l.email = QStringLiteral("ichiro@example.co.jp");
        l.phone = QStringLiteral("03-1234-5678");
        l.mobile = QStringLiteral("090-1234-5678");
        l.postalCode = QStringLiteral("150-8512");
        l.prefecture = QStringLiteral("東京都");
        l.city = QStringLiteral("渋谷区");
        l.street = QStringLiteral("桜丘町26-1");
        l.building = QStringLiteral("セルリアンタワー6階");
        l.country = QStringLiteral("日本");
        l.website = QStringLiteral("https://example.co.jp/a,b;c");
        l.notes =
            QStringLiteral("一行目\n二行目: ①～ 長いメモ長いメモ長いメモ長いメモ長いメモ長いメモ"
                           "長いメモ長いメモ長いメモ長いメモ長いメモ長いメモ😀");
        const QByteArray bytes = writeVCard(l, VCardVersion(version), Encoding(charset));
        if (!v21) {
            // Every physical line is at most 75 octets and valid UTF-8 on its own.
            for (const QByteArray &line : bytes.split('\n')) {
                const QByteArray t = line.endsWith('\r') ? line.chopped(1) : line;
                QVERIFY2(t.size() <= 75, t.constData());
                QVERIFY(decode(t, Encoding::Utf8).ok());
            }
            QVERIFY(
                bytes.contains(version == int(VCardVersion::V40) ? "SORT-AS=" : "SORT-STRING:"));
        } else {
            QVERIFY(bytes.contains(sjis ? "SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:"
                                        : "SOUND;X-IRMC-N;CHARSET=UTF-8:"));
            QCOMPARE(*detectEncoding(bytes), sjis ? Encoding::Cp932 : Encoding::Utf8);
        }
        if (sjis) // the one character Shift_JIS lacks
            l.notes.replace(QStringLiteral("😀"), QStringLiteral("〓"));
        const auto r = readVCards(bytes);
        QCOMPARE(r.cards.size(), 1);
        QVERIFY(r.cards.first().warnings.isEmpty());
        Lead back = r.cards.first().lead;
        QCOMPARE(back.company, l.company);
        QCOMPARE(back.companyReading, l.companyReading);
        QCOMPARE(back.department, l.department);
        QCOMPARE(back.title, l.title);
        QCOMPARE(back.familyName, l.familyName);
        QCOMPARE(back.givenName, l.givenName);
        QCOMPARE(back.familyReading, l.familyReading);
        QCOMPARE(back.givenReading, l.givenReading);
        QCOMPARE(back.email, l.email);
        QCOMPARE(back.phone, l.phone);
        QCOMPARE(back.mobile, l.mobile);
        QCOMPARE(back.postalCode, l.postalCode);
        QCOMPARE(back.prefecture, l.prefecture);
        QCOMPARE(back.city, l.city);
        QCOMPARE(back.street, l.street);
        QCOMPARE(back.building, l.building);
        QCOMPARE(back.country, l.country);
        QCOMPARE(back.website, l.website);
        QCOMPARE(back.notes, l.notes);
        QCOMPARE(back, l); // and nothing else changed
    }
    // A company's card is a company lead, not a person named after the company; FN is never
    // written empty.
    void companyCardsAndNonEmptyFn() {
        const QByteArray data = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:株式会社湊印刷\r\n"
                                "ORG:株式会社湊印刷;\r\nTEL;TYPE=WORK:03-5555-0101\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Acme Widgets\r\n"
                                "ORG:Acme Widgets Inc.;\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n";
        const VCardReadResult r = readVCards(data);
        QCOMPARE(r.cards.size(), 2);
        QCOMPARE(r.cards.at(0).lead.company, QStringLiteral("株式会社湊印刷"));
        QCOMPARE(r.cards.at(0).lead.familyName, QString());
        QCOMPARE(r.cards.at(0).lead.givenName, QString());
        QCOMPARE(r.cards.at(1).lead.company, QStringLiteral("Acme Widgets Inc."));
        QCOMPARE(r.cards.at(1).lead.familyName, QString());
        // A person's card without N still gets the name from FN.
        const VCardReadResult p = readVCards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Smith\r\n"
                                             "ORG:Acme;\r\nEND:VCARD\r\n");
        QCOMPARE(p.cards.at(0).lead.familyName, QStringLiteral("Smith"));
        QCOMPARE(p.cards.at(0).lead.givenName, QStringLiteral("Anna"));

        Lead onlyEmail;
        onlyEmail.email = QStringLiteral("someone@example.com");
        for (VCardVersion v : {VCardVersion::V21, VCardVersion::V30, VCardVersion::V40}) {
            const QByteArray out = writeVCard(onlyEmail, v);
            QVERIFY2(out.contains("\r\nFN:someone@example.com\r\n"), out.constData());
            QVERIFY(!writeVCard(Lead{}, v).contains("\r\nFN:\r\n"));
        }
    }

    // DoCoMo's SOUND;X-IRMC-N puts the whole reading in the first column: family and given are
    // split at the first space. A quoted-printable line break (=0D=0A) is read as "\n".
    void docomoReadingAndQuotedPrintableLineBreaks() {
        const QByteArray card =
            encode(QStringLiteral("BEGIN:VCARD\r\nVERSION:2.1\r\n"
                                  "N;CHARSET=SHIFT_JIS:宮川;大輔;;;\r\n"
                                  "SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:ﾐﾔｶﾜ ﾀﾞｲｽｹ;;;;\r\n"
                                  "NOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo=\r\n"
                                  "=0D=0Athree\r\nEND:VCARD\r\n"),
                   Encoding::Cp932)
                .value();
        const VCardReadResult r = readVCards(card);
        QCOMPARE(r.cards.size(), 1);
        QCOMPARE(r.cards.at(0).lead.familyReading, QStringLiteral("ミヤカワ"));
        QCOMPARE(r.cards.at(0).lead.givenReading, QStringLiteral("ダイスケ"));
        QCOMPARE(r.cards.at(0).lead.notes, QStringLiteral("one\ntwo\nthree"));
    }

    // Google's and Apple's labels of further numbers and emails: "item1.X-ABLabel".
    void itemGroupLabels() {
        const auto labelOf = [](const Lead &l, const QString &value) {
            for (const ContactPoint &c : l.extraContacts)
                if (c.value == value)
                    return c.label;
            return QStringLiteral("(not an extra contact)");
        };
        const Lead g = single("ez-vcard/gmail-single2.vcf");
        QCOMPARE(labelOf(g, QStringLiteral("customcategory@example.com")),
                 QStringLiteral("CustomEmailCategory"));
        QCOMPARE(labelOf(g, QStringLiteral("otheremail@example.com")), QString());
        const Lead mac = single("ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf");
        QCOMPARE(labelOf(mac, QStringLiteral("905-222-1234")), QStringLiteral("AssistantPhone"));
        // Apple's own labels lose their "_$!<…>!$_" wrapping; ours come back as written.
        Lead l;
        l.familyName = QStringLiteral("水無瀬");
        l.phone = QStringLiteral("03-4471-2200");
        l.extraContacts = {
            {ContactKind::Phone, QStringLiteral("03-4471-2290"), QStringLiteral("直通; 内線, 2")},
            {ContactKind::Fax, QStringLiteral("03-4471-2291"), QString()}};
        const QByteArray card = writeVCard(l, VCardVersion::V30);
        QVERIFY(card.contains("\r\nitem1.TEL;TYPE=WORK,VOICE:03-4471-2290\r\n"));
        QVERIFY(card.contains("\r\nTEL;TYPE=WORK,FAX:03-4471-2291\r\n"));
        const Lead back = readVCards(card).cards.value(0).lead;
        QCOMPARE(labelOf(back, QStringLiteral("03-4471-2290")), QStringLiteral("直通; 内線, 2"));
        QCOMPARE(labelOf(back, QStringLiteral("03-4471-2291")), QStringLiteral("work,fax"));
        const Lead apple = readVCards("BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\n"
                                      "TEL:1\r\nitem1.TEL:2\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n"
                                      "END:VCARD\r\n")
                               .cards.value(0)
                               .lead;
        QCOMPARE(labelOf(apple, QStringLiteral("2")), QStringLiteral("Mobile"));
    }

    void versionNames() {
        QCOMPARE(vcardVersionFromName(QStringLiteral("2.1")), VCardVersion::V21);
        QCOMPARE(vcardVersionFromName(QStringLiteral("21")), VCardVersion::V21);
        QCOMPARE(vcardVersionFromName(QStringLiteral("3")), VCardVersion::V30);
        QCOMPARE(vcardVersionFromName(QStringLiteral(" 4.0 ")), VCardVersion::V40);
        QVERIFY(!vcardVersionFromName(QStringLiteral("5.0")));
        QVERIFY(!vcardVersionFromName(QString()));
        QCOMPARE(vcardVersionKey(VCardVersion::V21), QStringLiteral("2.1"));
    }

    void folding() {
        const QByteArray line = QStringLiteral("NOTE:%1").arg(QString(40, QChar(u'あ'))).toUtf8();
        const QByteArray folded = foldVCardLine(line);
        const QList<QByteArray> parts = folded.split('\n');
        QVERIFY(parts.size() >= 2);
        QByteArray joined;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QByteArray p = parts[i];
            if (p.endsWith('\r'))
                p.chop(1);
            QVERIFY(p.size() <= 75);
            if (i > 0) {
                QVERIFY(p.startsWith(' '));
                p.remove(0, 1);
            }
            QVERIFY(decode(p, Encoding::Utf8).ok());
            joined += p;
        }
        QCOMPARE(joined, line);
        QCOMPARE(foldVCardLine("FN:x"), QByteArray("FN:x"));
    }
    void shiftJisWholeFile() {
        // A 3.0 card saved in Shift_JIS without CHARSET parameters, CRLF, with escapes.
        const QString text = QStringLiteral("BEGIN:VCARD\r\nVERSION:3.0\r\nN:髙橋;一郎;;;\r\n"
                                            "ORG:ソニー\\, 表示;開発部\r\nEND:VCARD\r\n");
        const QByteArray bytes = *encode(text, Encoding::Cp932);
        const auto r = readVCards(bytes);
        QCOMPARE(r.cards.size(), 1);
        QCOMPARE(r.cards[0].lead.familyName, QStringLiteral("髙橋"));
        // ソ is 0x83 0x5C in Shift_JIS: its second byte must not be taken for a backslash.
        QCOMPARE(r.cards[0].lead.company, QStringLiteral("ソニー, 表示"));
        QCOMPARE(r.cards[0].lead.department, QStringLiteral("開発部"));
    }
    void garbageDoesNotCrash() {
        const QByteArray junk[] = {
            QByteArray(),
            QByteArray("END:VCARD\r\n"),
            QByteArray("BEGIN:VCARD\r\nN:a"),
            QByteArray("BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:=\r\n=\r\n=4"),
            QByteArray("BEGIN:VCARD\r\n:\r\n;;;\r\nN;\"unterminated:x\r\nEND:VCARD"),
            QByteArray("\xFF\xFE\x00"),
        };
        for (const QByteArray &j : junk)
            (void)readVCards(j);
        const auto r = readVCards("BEGIN:VCARD\r\nN:a\r\n");
        QCOMPARE(r.cards.size(), 1);
        QCOMPARE(r.cards[0].warnings.size(), 1); // missing END
    }
};

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
