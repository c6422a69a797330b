// The typed row buffer of the bulk writers (models/storage/bindbuffer.h): values come back as
// they went in (a null is not an empty text, Japanese text survives the UTF-8 arena), and
// dropping rows from the front or the back keeps the other rows' texts.

#include "models/storage/bindbuffer.h"

#include <QtTest>

using mikomi::storage::BindBuffer;

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
