#include "models/io/encoding.h"

#include <QTest>

using namespace mikomi;
using namespace mikomi::io;

class TestEncoding final : public QObject {
    Q_OBJECT
private slots:
    void detect_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // encoding key, empty = error
        QTest::newRow("ascii") << QByteArray("a,b\r\n1,2\r\n") << "utf-8";
        QTest::newRow("utf-8") << QString::fromUtf8("会社名,氏名\n株式会社髙橋,①\n").toUtf8()
                               << "utf-8";
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF"
                                                 "a\n")
                                   << "utf-8-bom";
        QTest::newRow("utf-16le bom") << QByteArray("\xFF\xFE"
                                                    "a\0",
                                                    4)
                                      << "utf-16le";
        // 会社名 in CP932: 89EF 8ED0 96BC
        QTest::newRow("cp932") << QByteArray("\x89\xEF\x8E\xD0\x96\xBC,x\n") << "cp932";
        QTest::newRow("cp932 nec+ibm") << QByteArray("\x87\x40\xFB\xFC\x81\x60\n") << "cp932";
        // A lead byte with an impossible trail byte, not UTF-8 either.
        QTest::newRow("garbage") << QByteArray("ok\nok\n\x81\x20\xFF\n") << "";
    }
    void detect() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const auto e = detectEncoding(bytes);
        if (expected.isEmpty()) {
            QVERIFY(!e.ok());
            QVERIFY2(e.error().contains(QLatin1String("line 3")), qPrintable(e.error()));
        } else {
            QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error()));
            QCOMPARE(encodingKey(*e), expected);
        }
    }
    void cp932RoundTrip() {
        const QByteArray bytes("\x87\x40\xFB\xFC\x81\x60\x5C\x81\x5F\x81\x7C", 11);
        const auto text = decode(bytes, Encoding::Cp932);
        QVERIFY(text.ok());
        QCOMPARE(text->at(0), QChar(0x2460)); // ①
        QCOMPARE(text->at(1), QChar(0x9AD9)); // 髙
        QCOMPARE(text->at(2), QChar(0xFF5E)); // ～ (FULLWIDTH TILDE in CP932's mapping)
        QCOMPARE(text->at(3), QChar(u'\\'));
        const auto back = encode(*text, Encoding::Cp932);
        QVERIFY(back.ok());
        QCOMPARE(*back, bytes);
    }
    void cp932MacVariants() {
        // U+301C WAVE DASH (what JIS-based converters produce) is written as 0x8160 too.
        const auto b = encode(u"\u301C\u2212", Encoding::Cp932);
        QVERIFY(b.ok());
        QCOMPARE(*b, QByteArray("\x81\x60\x81\x7C"));
    }
    void cp932Unrepresentable() {
        const QString text = QStringLiteral("山田\n絵文字😀とé");
        const auto bad = findUnrepresentable(text, Encoding::Cp932);
        QCOMPARE(bad.size(), 2);
        QCOMPARE(bad[0].line, 2);
        QCOMPARE(bad[0].column, 4);
        QCOMPARE(bad[0].codePoint, char32_t(0x1F600));
        QCOMPARE(bad[1].codePoint, char32_t(0xE9));
        const auto enc = encode(text, Encoding::Cp932);
        QVERIFY(!enc.ok());
        QVERIFY(enc.error().contains(QLatin1String("U+1f600")));
        QVERIFY(findUnrepresentable(text, Encoding::Utf8).isEmpty());
        QVERIFY(encode(text, Encoding::Utf8).ok());
    }
    // 〓 (GETA MARK, 0x81AC in CP932) for each character CP932 lacks, one per code point; the
    // Mac variants it does hold stay as they are.
    void cp932Replacement() {
        QList<char32_t> replaced;
        const QString out =
            replaceUnrepresentable(u"𠮷野家\u301C Café 😀!", Encoding::Cp932, &replaced);
        QCOMPARE(out, QStringLiteral("〓野家\u301C Caf〓 〓!"));
        QCOMPARE(replaced, (QList<char32_t>{0x20BB7, 0xE9, 0x1F600}));
        QCOMPARE(*encode(QString(QChar(kMissingCharMark)), Encoding::Cp932),
                 QByteArray("\x81\xAC"));
        QVERIFY(encode(out, Encoding::Cp932).ok());
        QCOMPARE(replaceUnrepresentable(u"髙橋①", Encoding::Cp932), QStringLiteral("髙橋①"));
        QCOMPARE(replaceUnrepresentable(u"😀", Encoding::Utf8), QStringLiteral("😀"));
    }
    void strictDecodeNamesLine() {
        const QByteArray bytes("a\nb\nc\xE3\x81\nd\n");
        const auto r = decode(bytes, Encoding::Utf8);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("Line 3")), qPrintable(r.error()));
        const auto s = decode(QByteArray("ab\n\x81\x20"), Encoding::Cp932);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("Line 2")), qPrintable(s.error()));
        // Truncated character at the very end.
        QVERIFY(!decode(QByteArray("abc\xE3\x81"), Encoding::Utf8).ok());
        QVERIFY(!decode(QByteArray("abc\x89"), Encoding::Cp932).ok());
    }
    void bomSkipped() {
        const auto r = decode(QByteArray("\xEF\xBB\xBF"
                                         "x"),
                              Encoding::Utf8Bom);
        QVERIFY(r.ok());
        QCOMPARE(*r, QStringLiteral("x"));
        const auto w = encode(u"x", Encoding::Utf8Bom);
        QCOMPARE(*w, QByteArray("\xEF\xBB\xBF"
                                "x"));
    }
    void streamDecoderSplitsAnywhere() {
        const QString original = QStringLiteral("髙橋,①～\r\n安藤,ロイド\n末尾");
        for (Encoding e : {Encoding::Utf8, Encoding::Utf8Bom, Encoding::Cp932, Encoding::Utf16Le}) {
            const QByteArray bytes = *encode(original, e);
            for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
                StreamDecoder dec(e);
                QString out;
                auto a = dec.feed(QByteArrayView(bytes).first(cut));
                QVERIFY(a.ok());
                out += *a;
                auto b = dec.feed(QByteArrayView(bytes).sliced(cut));
                QVERIFY(b.ok());
                out += *b;
                auto c = dec.finish();
                QVERIFY2(c.ok(), qPrintable(encodingKey(e)));
                out += *c;
                QCOMPARE(out, original);
            }
        }
    }
    void streamDecoderErrorLine() {
        StreamDecoder dec(Encoding::Utf8);
        QVERIFY(dec.feed("one\ntwo\n").ok());
        auto r = dec.feed("three\nfo\xFFur\nfive\n");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("Line 4")), qPrintable(r.error()));
        StreamDecoder cut(Encoding::Utf8);
        QVERIFY(cut.feed("x\ny\xE3").ok());
        QVERIFY(!cut.finish().ok());
    }
    void names() {
        QCOMPARE(encodingFromName(QStringLiteral("Shift_JIS")), Encoding::Cp932);
        QCOMPARE(encodingFromName(QStringLiteral("windows-31j")), Encoding::Cp932);
        QCOMPARE(encodingFromName(QStringLiteral("UTF-8")), Encoding::Utf8);
        QVERIFY(!encodingFromName(QStringLiteral("latin1")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEncoding)
#include "tst_encoding.moc"
