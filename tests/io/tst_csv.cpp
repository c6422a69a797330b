#include "models/io/csv.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mikomi;
using namespace mikomi::io;

namespace {

QList<CsvRecord> parseOk(QStringView text, QChar delimiter = u',') {
    auto r = parseCsv(text, delimiter);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error()));
    return r.ok() ? *r : QList<CsvRecord>{};
}

QStringList fields(std::initializer_list<const char16_t *> list) {
    QStringList out;
    for (const char16_t *s : list)
        out.append(QString::fromUtf16(s));
    return out;
}

} // namespace

class TestCsv final : public QObject {
    Q_OBJECT
private slots:
    void spectrum_data() {
        QTest::addColumn<QString>("csvPath");
        QTest::addColumn<QString>("jsonPath");
        const QDir dir(QStringLiteral(MIKOMI_CORPUS "/csv-spectrum/csvs"));
        const QStringList files = dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 12);
        for (const QString &f : files) {
            const QString base = f.chopped(4);
            QTest::newRow(qPrintable(base)) << dir.filePath(f)
                                            << QStringLiteral(MIKOMI_CORPUS "/csv-spectrum/json/") +
                                                   base + QStringLiteral(".json");
        }
    }
    void spectrum() {
        QFETCH(QString, csvPath);
        QFETCH(QString, jsonPath);
        const auto table = readCsvFile(csvPath);
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QFile jf(jsonPath);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(jf.readAll());
        // One file of the corpus holds a single object instead of an array.
        const QJsonArray expected =
            doc.isArray() ? doc.array() : QJsonArray{QJsonValue(doc.object())};
        // The stored copy of newlines_crlf.csv has LF line ends (lost to git's line-end
        // normalisation) while its JSON still says "\r\n": compare with the file's own line ends.
        QFile cf(csvPath);
        QVERIFY(cf.open(QIODevice::ReadOnly));
        const bool fileHasCr = cf.readAll().contains('\r');
        const auto &records = table->records;
        QVERIFY(!records.isEmpty());
        const QStringList header = records.first().fields;
        QCOMPARE(records.size() - 1, expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject obj = expected.at(i).toObject();
            const QStringList &row = records.at(i + 1).fields;
            QCOMPARE(row.size(), header.size());
            QCOMPARE(obj.size(), header.size());
            for (qsizetype c = 0; c < header.size(); ++c) {
                QVERIFY2(obj.contains(header.at(c)), qPrintable(header.at(c)));
                if (qstrcmp(QTest::currentDataTag(), "location_coordinates") == 0 &&
                    header.at(c) == QLatin1String("Contact Phone Number"))
                    QEXPECT_FAIL("location_coordinates",
                                 "upstream corpus bug: the JSON has 1234567890, the CSV 2095257564",
                                 Continue);
                QString want = obj.value(header.at(c)).toString();
                if (!fileHasCr)
                    want.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
                QCOMPARE(row.at(c), want);
            }
        }
    }
    void rfc4180Basics() {
        const auto r = parseOk(u"a,\"b,c\",\"d \"\"e\"\"\"\r\n\"multi\r\nline\",,x\r\n");
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[0].fields, fields({u"a", u"b,c", u"d \"e\""}));
        QCOMPARE(r[1].fields, fields({u"multi\r\nline", u"", u"x"}));
        QCOMPARE(r[1].line, 2);
    }
    void lineNumbers() {
        // Record 3 starts on physical line 5 because record 2 spans lines 2-4; blank line skipped.
        const QString text = QStringLiteral("h1,h2\n\"a\nb\nc\",d\n\n\"e\",f\ng,h");
        const auto r = parseOk(text);
        QCOMPARE(r.size(), 4);
        QCOMPARE(r[0].line, 1);
        QCOMPARE(r[1].line, 2);
        QCOMPARE(r[2].line, 6);
        QCOMPARE(r[3].line, 7);
        QCOMPARE(r[3].fields, fields({u"g", u"h"}));
        // CR-only and CRLF line ends count the same way.
        const auto cr = parseOk(u"a\r\"b\rc\"\rd");
        QCOMPARE(cr.size(), 3);
        QCOMPARE(cr[1].fields.first(), QStringLiteral("b\rc"));
        QCOMPARE(cr[2].line, 4);
        const auto crlf = parseOk(u"a\r\n\"b\r\nc\"\r\nd\r\n");
        QCOMPARE(crlf.size(), 3);
        QCOMPARE(crlf[2].line, 4);
    }
    void trailingDelimiterAndEmptyFields() {
        const auto r = parseOk(u"a,b,\n,,\n");
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[0].fields, fields({u"a", u"b", u""}));
        QCOMPARE(r[1].fields, fields({u"", u"", u""}));
    }
    void unterminatedQuote() {
        const auto r = parseCsv(u"a,b\nc,d\ne,\"never\nclosed\n");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("line 3")), qPrintable(r.error()));
    }
    void quoteInsideUnquotedIsLiteral() {
        const auto r = parseOk(u"37'36\"N,\"ab\"cd\n");
        QCOMPARE(r[0].fields, fields({u"37'36\"N", u"abcd"}));
    }
    void chunkBoundaries() {
        // Splitting the input at every position gives the same records.
        const QString text = QStringLiteral("a,\"b\"\"c\"\r\n\"x\r\ny\",z\r\r\nlast,\"q\"");
        const auto whole = parseOk(text);
        QCOMPARE(whole.size(), 3);
        for (qsizetype cut = 0; cut <= text.size(); ++cut) {
            QList<CsvRecord> got;
            CsvParser p;
            const auto sink = [&got](CsvRecord &&r) { got.append(std::move(r)); };
            p.feed(QStringView(text).first(cut), sink);
            p.feed(QStringView(text).sliced(cut), sink);
            QVERIFY(p.finish(sink).ok());
            QCOMPARE(got, whole);
        }
    }
    void delimiterDetection_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("comma") << "a,b,c\n1,2,3\n"
                               << ",";
        QTest::newRow("tab") << "a\tb,x\tc\n1\t2\t3\n"
                             << "\t";
        QTest::newRow("semicolon") << "a;b;c\n1,5;2;3\n"
                                   << ";";
        QTest::newRow("quoted commas") << "\"a,b\";c\n\"1,2\";3\n"
                                       << ";";
        QTest::newRow("one column") << "name\nx\n"
                                    << ",";
    }
    void delimiterDetection() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(QString(detectDelimiter(text)), expected);
    }
    void readerDetectsCp932AndTabs() {
        // 会社名<TAB>姓 / 株式会社髙橋<TAB>①, written in CP932.
        const QString text = QStringLiteral("会社名\t姓\r\n株式会社髙橋\t①～\r\n");
        QByteArray bytes = *encode(text, Encoding::Cp932);
        QBuffer buf(&bytes);
        QVERIFY(buf.open(QIODevice::ReadOnly));
        CsvReader reader(&buf);
        CsvRecord rec;
        QVERIFY(reader.next(rec));
        QCOMPARE(reader.encoding(), Encoding::Cp932);
        QCOMPARE(reader.delimiter(), QChar(u'\t'));
        QCOMPARE(rec.fields, fields({u"会社名", u"姓"}));
        QVERIFY(reader.next(rec));
        QCOMPARE(rec.fields, fields({u"株式会社髙橋", u"①～"}));
        QCOMPARE(rec.line, 2);
        QVERIFY(!reader.next(rec));
        QVERIFY(reader.error().isEmpty());
    }
    // Review F10: a U+FEFF that starts the last, unterminated line is text, as on other lines;
    // only the first bytes of the file are a BOM.
    void readerKeepsFeffOnLastLine() {
        for (const QByteArray &end : {QByteArray(), QByteArray("\n")}) {
            QByteArray bytes = QByteArray("\xEF\xBB\xBF"
                                          "a,b\n\xEF\xBB\xBFZ1,x\n\xEF\xBB\xBFZ2,y") +
                               end;
            QBuffer buf(&bytes);
            QVERIFY(buf.open(QIODevice::ReadOnly));
            CsvReader reader(&buf);
            CsvRecord rec;
            QVERIFY(reader.next(rec));
            QCOMPARE(rec.fields, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
            QVERIFY(reader.next(rec));
            QCOMPARE(rec.fields.at(0), QStringLiteral("\uFEFFZ1"));
            QVERIFY(reader.next(rec));
            QCOMPARE(rec.fields.at(0), QStringLiteral("\uFEFFZ2"));
            QVERIFY(!reader.next(rec));
            QVERIFY(reader.error().isEmpty());
        }
    }
    void readerDelimiterOverride() {
        QByteArray bytes("a;b\n1;2\n");
        QBuffer buf(&bytes);
        QVERIFY(buf.open(QIODevice::ReadOnly));
        CsvReader reader(&buf, CsvReadOptions{Encoding::Utf8, QChar(u',')});
        CsvRecord rec;
        QVERIFY(reader.next(rec));
        QCOMPARE(rec.fields, QStringList{QStringLiteral("a;b")});
    }
    void readerReportsDecodeErrorAfterGoodRows() {
        QByteArray bytes("a,b\n1,2\n3,\xFF\n");
        QBuffer buf(&bytes);
        QVERIFY(buf.open(QIODevice::ReadOnly));
        CsvReader reader(&buf, CsvReadOptions{Encoding::Utf8, {}});
        CsvRecord rec;
        int n = 0;
        while (reader.next(rec))
            ++n;
        QVERIFY(!reader.error().isEmpty());
        QVERIFY2(reader.error().contains(QLatin1String("Line 3")), qPrintable(reader.error()));
        // Detection on the whole file refuses it up front.
        buf.seek(0);
        CsvReader detecting(&buf);
        QVERIFY(!detecting.next(rec));
        QVERIFY(!detecting.error().isEmpty());
        Q_UNUSED(n);
    }
    void largeFileIsFast() {
        // 100,000 rows with quotes, Japanese text and an embedded newline every 1000th row.
        QString text = QStringLiteral("company,family_name,given_name,email,phone,notes\r\n");
        text.reserve(12 * 1024 * 1024);
        for (int i = 0; i < 100000; ++i) {
            text += QStringLiteral("株式会社サンプル%1,山田,太郎,taro%1@example.co.jp,03-1234-%2,")
                        .arg(i)
                        .arg(i % 10000, 4, 10, QLatin1Char('0'));
            text += (i % 1000 == 0) ? QStringLiteral("\"line one\r\nline \"\"two\"\"\"\r\n")
                                    : QStringLiteral("\"plain, quoted\"\r\n");
        }
        QByteArray bytes = text.toUtf8();
        QBuffer buf(&bytes);
        QVERIFY(buf.open(QIODevice::ReadOnly));
        QElapsedTimer timer;
        timer.start();
        CsvReader reader(&buf);
        CsvRecord rec;
        int count = 0;
        int lastLine = 0;
        while (reader.next(rec)) {
            ++count;
            QCOMPARE(rec.fields.size(), 6);
            lastLine = rec.line;
        }
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        QVERIFY(reader.error().isEmpty());
        QCOMPARE(count, 100001);
        QCOMPARE(lastLine, 100001 + 100); // 100 records with an embedded line break
        QCOMPARE(rec.fields.at(0), QStringLiteral("株式会社サンプル99999"));
        qInfo("CsvReader (detect + decode + parse): %.1f MB in %lld ms = %.1f MB/s",
              bytes.size() / 1e6, ms, bytes.size() / 1e3 / double(ms));
        QVERIFY2(ms < 5000, "parsing 100k rows must take seconds, not minutes");
        timer.restart();
        const auto parsed = parseCsv(text);
        const qint64 parseMs = std::max<qint64>(1, timer.elapsed());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->size(), 100001);
        qInfo("parseCsv on decoded text: %.1f MB (UTF-8) in %lld ms = %.1f MB/s",
              bytes.size() / 1e6, parseMs, bytes.size() / 1e3 / double(parseMs));
    }
    void writerQuotesAndNeutralises_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("leading space") << " x"
                                       << "\" x\"";
        QTest::newRow("formula") << "=1+1"
                                 << "'=1+1";
        QTest::newRow("hyperlink") << "=HYPERLINK(\"http://x\",\"y\")"
                                   << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        QTest::newRow("plus") << "+cmd"
                              << "'+cmd";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("tab") << "\tx"
                             << "'\tx";
        QTest::newRow("cr") << "\rx"
                            << "\"'\rx\"";
        QTest::newRow("dde") << "-2+3+cmd|' /C calc'!A0"
                             << "'-2+3+cmd|' /C calc'!A0";
        QTest::newRow("negative number kept") << "-5"
                                              << "-5";
        QTest::newRow("decimal kept") << "-1200.50"
                                      << "-1200.50";
        QTest::newRow("signed phone") << "+81 3-1234-5678"
                                      << "'+81 3-1234-5678";
        QTest::newRow("dash only") << "-"
                                   << "'-";
        QTest::newRow("empty") << ""
                               << "";
        // Review F8: the forms a spreadsheet also runs (full-width, after a BOM or white space).
        QTest::newRow("full-width =") << "＝1+1"
                                      << "'＝1+1";
        QTest::newRow("full-width = with comma") << "＝SUM(1,2)"
                                                 << "\"'＝SUM(1,2)\"";
        QTest::newRow("full-width +") << "＋cmd"
                                      << "'＋cmd";
        QTest::newRow("full-width -") << "－2+3"
                                      << "'－2+3";
        QTest::newRow("full-width @") << "＠SUM(A1)"
                                      << "'＠SUM(A1)";
        QTest::newRow("BOM then =") << QStringLiteral("\uFEFF=1+1") << "'\uFEFF=1+1";
        QTest::newRow("spaces then =") << "  =HYPERLINK(\"http://e\",\"x\")"
                                       << "\"'  =HYPERLINK(\"\"http://e\"\",\"\"x\"\")\"";
        QTest::newRow("newline then =") << "\n=1+1"
                                        << "\"'\n=1+1\"";
        QTest::newRow("ideographic space then @") << "\u3000@x"
                                                  << "'\u3000@x";
        QTest::newRow("spaces then text kept") << "  hello"
                                               << "\"  hello\"";
        QTest::newRow("full-width digits kept") << "１００"
                                                << "１００";
    }
    void writerQuotesAndNeutralises() {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(csvField(value), expected);
        CsvWriteOptions raw;
        raw.neutralizeFormulas = false;
        QVERIFY(!csvField(QStringLiteral("=1"), raw).startsWith(u'\''));
    }
    void writeThenReadRoundTrip() {
        const QList<QStringList> rows{
            {QStringLiteral("会社名"), QStringLiteral("メモ")},
            {QStringLiteral("髙橋商事"), QStringLiteral("line1\r\nline2, \"quoted\"")},
            {QStringLiteral(""), QStringLiteral("①～")},
        };
        for (Encoding e : {Encoding::Utf8Bom, Encoding::Utf8, Encoding::Cp932}) {
            CsvWriteOptions o;
            o.encoding = e;
            const auto bytes = writeCsv(rows, o);
            QVERIFY(bytes.ok());
            if (e == Encoding::Utf8Bom)
                QVERIFY(bytes->startsWith("\xEF\xBB\xBF"));
            const auto back = readCsv(*bytes);
            QVERIFY(back.ok());
            QCOMPARE(back->encoding, e);
            QCOMPARE(back->records.size(), rows.size());
            for (qsizetype i = 0; i < rows.size(); ++i)
                QCOMPARE(back->records[i].fields, rows[i]);
        }
        CsvWriteOptions sjis;
        sjis.encoding = Encoding::Cp932;
        QVERIFY(!writeCsv({{QStringLiteral("😀")}}, sjis).ok());
    }
    void streamingWriter() {
        QByteArray out;
        QBuffer buf(&out);
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        QVERIFY(w.writeRow({QStringLiteral("a"), QStringLiteral("b")}).ok());
        QVERIFY(w.writeRow({QStringLiteral("=x"), QStringLiteral("-3")}).ok());
        QCOMPARE(out, QByteArray("\xEF\xBB\xBF"
                                 "a,b\r\n'=x,-3\r\n"));
        QByteArray sj;
        QBuffer sb(&sj);
        QVERIFY(sb.open(QIODevice::WriteOnly));
        CsvWriteOptions o;
        o.encoding = Encoding::Cp932;
        CsvWriter ws(&sb, o);
        QVERIFY(ws.writeRow({QStringLiteral("ok")}).ok());
        const Status bad = ws.writeRow({QStringLiteral("x😀")});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QLatin1String("Row 2")), qPrintable(bad.error()));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
