#include "models/japan/readingdictionary.h"

#include <QFile>
#include <QTest>

using namespace mikomi::japan;

namespace {
struct Item {
    QString kind;
    QString written;
    QString reading;
};

QList<Item> readList() {
    QFile f(QStringLiteral(MIKOMI_CORPUS "/readings/names.tsv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QList<Item> out;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList p = line.split(u'\t');
        if (p.size() == 3)
            out.append({p.at(0), p.at(1), p.at(2)});
    }
    return out;
}
} // namespace

class TstReadingDictionary : public QObject {
    Q_OBJECT
private slots:
    void legalForms() {
        QCOMPARE(companyWithoutLegalForm(QStringLiteral("株式会社日立製作所")),
                 QStringLiteral("日立製作所"));
        QCOMPARE(companyWithoutLegalForm(QStringLiteral("トヨタ自動車株式会社")),
                 QStringLiteral("トヨタ自動車"));
        QCOMPARE(companyWithoutLegalForm(QStringLiteral("（株）山田商事")),
                 QStringLiteral("山田商事"));
        QCOMPARE(companyWithoutLegalForm(QStringLiteral("㈲佐藤工務店")),
                 QStringLiteral("佐藤工務店"));
    }

    void kana() {
        QVERIFY(isKana(QStringLiteral("ヤマダ タロウ")));
        QVERIFY(isKana(QStringLiteral("やまだ")));
        QVERIFY(!isKana(QStringLiteral("山田")));
        QVERIFY(!isKana(QStringLiteral("ABCショウジ")));
        QVERIFY(!isKana(QString()));
    }

    void simple() {
        const ReadingDictionary dict;
        QVERIFY2(dict.error().isEmpty(), qPrintable(dict.error()));
        const ReadingGuess g = dict.guess(QStringLiteral("山田"), ReadingKind::Person);
        QCOMPARE(g.reading, QStringLiteral("ヤマダ"));
        QVERIFY(g.agreed);
        const ReadingGuess c =
            dict.guess(QStringLiteral("株式会社日立製作所"), ReadingKind::Company);
        QCOMPARE(c.reading, QStringLiteral("ヒタチセイサクショ"));
        // Latin letters are not read: no reading rather than a wrong one.
        QCOMPARE(dict.guess(QStringLiteral("Acme"), ReadingKind::Company).reading, QString());
        // Hiragana and katakana read as themselves.
        QCOMPARE(dict.guess(QStringLiteral("みらい企画"), ReadingKind::Company).reading,
                 QStringLiteral("ミライキカク"));
    }

    // The measurement behind the choice (readingdictionary.h): each dictionary's score on the
    // list, and how often the two agree and are right. Floors are the measured values.
    void accuracy() {
        const QList<Item> items = readList();
        QVERIFY(items.size() >= 80);
        const ReadingDictionary dict;
        int mecab = 0, kakasi = 0, agreed = 0, agreedRight = 0, chosen = 0;
        for (const Item &it : items) {
            const QString w = it.kind == QLatin1String("company")
                                  ? companyWithoutLegalForm(it.written)
                                  : it.written;
            const QString m = dict.mecabReading(w);
            const QString k = dict.kakasiReading(w);
            mecab += m == it.reading;
            kakasi += k == it.reading;
            const ReadingGuess g =
                dict.guess(it.written, it.kind == QLatin1String("company") ? ReadingKind::Company
                                                                           : ReadingKind::Person);
            chosen += g.reading == it.reading || g.alternative == it.reading;
            if (g.agreed) {
                ++agreed;
                agreedRight += g.reading == it.reading;
            }
        }
        qInfo("%lld names: MeCab %d right, KAKASI %d, agreed on %d (%d right), one of the two "
              "offered right %d",
              qlonglong(items.size()), mecab, kakasi, agreed, agreedRight, chosen);
        QVERIFY(mecab >= 77);
        QVERIFY(kakasi >= 79);
        QCOMPARE(agreedRight, agreed);
        QVERIFY(agreed >= 74);
        QVERIFY(chosen >= 82);
    }
};

QTEST_GUILESS_MAIN(TstReadingDictionary)
#include "tst_readingdictionary.moc"
