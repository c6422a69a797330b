// The typed row buffer of the bulk writers (models/storage/bindbuffer.h): values come back as
// they went in (a null is not an empty text, Japanese text survives the UTF-8 arena), and
// dropping rows from the front or the back keeps the other rows' texts; and the row UUIDs the
// bulk writers make (models/storage/rowuuid.h).

#include "models/storage/bindbuffer.h"
#include "models/storage/rowuuid.h"

#include <QSet>
#include <QUuid>
#include <QtTest>

using mikomi::storage::BindBuffer;
using mikomi::storage::newRowUuid;
using mikomi::storage::writeNewRowUuid;

class TstBindBuffer : public QObject {
    Q_OBJECT
private slots:
    void valuesComeBackAsGiven() {
        BindBuffer b;
        b.integer(42);
        b.null();
        b.text(QString());
        b.text(u"株式会社見込み");
        b.real(1.5);
        QCOMPARE(b.size(), 5);
        QCOMPARE(b.variant(0), QVariant(qlonglong(42)));
        QVERIFY(b.variant(1).isNull());
        QCOMPARE(b.at(2).kind, BindBuffer::Kind::Text); // an empty text, not a null
        QCOMPARE(b.variant(2).toString(), QString());
        QVERIFY(!b.variant(2).isNull());
        QCOMPARE(b.variant(3).toString(), QStringLiteral("株式会社見込み"));
        QCOMPARE(b.at(3).size, 21); // seven characters of three bytes each
        QCOMPARE(b.variant(4).toDouble(), 1.5);
    }

    // Many texts: the arena grows (moves) and every earlier value still reads right.
    void growingKeepsEarlierTexts() {
        BindBuffer b;
        for (int i = 0; i < 5000; ++i)
            b.text(QStringLiteral("リード%1").arg(i));
        for (int i = 0; i < 5000; i += 499)
            QCOMPARE(b.variant(i).toString(), QStringLiteral("リード%1").arg(i));
    }

    // Texts ASCII first and then not (the ASCII run is copied, the rest encoded), in the
    // buffer's UTF-8 exactly as QString::toUtf8() writes them; and texts given as ASCII bytes.
    void mixedTextsAreUtf8() {
        const QStringList texts{QStringLiteral("abc"),
                                QStringLiteral("abc日本"),
                                QStringLiteral("日本abc"),
                                QStringLiteral("a\u00e9b"),
                                QString::fromUtf16(u"x\U00020BB7y"), // 𠮷, a surrogate pair
                                QString::fromUtf16(u"\U00020BB7"),
                                QStringLiteral("2026-04-01T09:00:00+09:00")};
        BindBuffer b;
        for (const QString &t : texts)
            b.text(t);
        b.ascii("0b5c1e7a-1f2e-4c3d-8a9b-0c1d2e3f4a5b", 36);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            QCOMPARE(QByteArray(b.textData(b.at(i)), b.at(i).size), texts[i].toUtf8());
            QCOMPARE(b.variant(i).toString(), texts[i]);
        }
        QCOMPARE(b.variant(texts.size()).toString(),
                 QStringLiteral("0b5c1e7a-1f2e-4c3d-8a9b-0c1d2e3f4a5b"));
    }

    // A new row UUID is a version 7 UUID (RFC 9562: time-ordered) written as QUuid writes it
    // (lower case, no braces).
    void newRowUuidsAreVersion7() {
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            char raw[36];
            writeNewRowUuid(raw);
            const QString text = QString::fromLatin1(raw, 36);
            const QUuid u(text);
            QVERIFY2(!u.isNull(), qPrintable(text));
            QCOMPARE(text.at(14), u'7'); // the version (Qt 6.4's QUuid::version() stops at 5)
            QCOMPARE(u.variant(), QUuid::DCE);
            QCOMPARE(u.toString(QUuid::WithoutBraces), text);
            seen.insert(text);
            const QString other = newRowUuid();
            QCOMPARE(QUuid(other).toString(QUuid::WithoutBraces), other);
            seen.insert(other);
        }
        QCOMPARE(seen.size(), 4000);
    }

    void dropFrontMovesTheRestWithTheirTexts() {
        BindBuffer b;
        b.text(u"a");
        b.integer(1);
        b.text(u"éé");
        b.null();
        b.text(u"東京");
        b.dropFront(2);
        QCOMPARE(b.size(), 3);
        QCOMPARE(b.variant(0).toString(), QStringLiteral("éé"));
        QVERIFY(b.variant(1).isNull());
        QCOMPARE(b.variant(2).toString(), QStringLiteral("東京"));
        b.text(u"next"); // appended after the moved texts, not over them
        QCOMPARE(b.variant(2).toString(), QStringLiteral("東京"));
        QCOMPARE(b.variant(3).toString(), QStringLiteral("next"));
        b.dropFront(10);
        QVERIFY(b.isEmpty());
    }

    void dropBackGivesUpARow() {
        BindBuffer b;
        b.text(u"kept");
        b.integer(7);
        b.text(u"given up");
        b.text(u"too");
        b.dropBack(2);
        QCOMPARE(b.size(), 2);
        b.text(u"new");
        QCOMPARE(b.variant(0).toString(), QStringLiteral("kept"));
        QCOMPARE(b.variant(1), QVariant(qlonglong(7)));
        QCOMPARE(b.variant(2).toString(), QStringLiteral("new"));
    }
};

QTEST_GUILESS_MAIN(TstBindBuffer)
#include "tst_bindbuffer.moc"
