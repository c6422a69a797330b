// mikomi_ja.ts keeps to docs/glossary-ja.md (issue 13): one Japanese word per product term and the
// punctuation rules of Japanese text. Each rule is a forbidden pattern; a translation that matches
// it fails the test with its context, source and the word to use instead. Add a rule here when the
// glossary gains a term whose variants have crept in.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Translation {
    QString context;
    QString source;
    QString text; // one translation, or one plural form
};

QList<Translation> readTranslations(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Translation> out;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            // A plural message's forms are child elements; a plain one is text only.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) &&
                   !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    out.append({context, source, xml.readElementText()});
            }
            if (!text.trimmed().isEmpty())
                out.append({context, source, text});
        }
    }
    return out;
}

// Japanese script: kana and the CJK ideographs.
const QString J = QStringLiteral("[\\x{3040}-\\x{30FF}\\x{4E00}-\\x{9FFF}]");

} // namespace

class TstGlossary final : public QObject {
    Q_OBJECT

private slots:
    void rules_data() {
        QTest::addColumn<QString>("forbidden");
        QTest::addColumn<QString>("use");
        // Terms (docs/glossary-ja.md §Terms).
        QTest::newRow("source") << QStringLiteral("流入元") << QStringLiteral("リードソース");
        QTest::newRow("source, short")
            << QStringLiteral("(?<!リード)(?<!リ)ソース") << QStringLiteral("リードソース");
        QTest::newRow("deal value") << QStringLiteral("受注金額|取引額|取引金額|案件金額|商談額")
                                    << QStringLiteral("商談金額");
        QTest::newRow("owner") << QStringLiteral("所有者|オーナー") << QStringLiteral("担当者");
        QTest::newRow("follow-up") << QStringLiteral("追客") << QStringLiteral("フォローアップ");
        QTest::newRow("customer (won)") << QStringLiteral("顧客(?!獲得)")
                                        << QStringLiteral("受注 (顧客 only in 顧客獲得コスト)");
        QTest::newRow("category") << QStringLiteral("カテゴリ") << QStringLiteral("種別");
        QTest::newRow("spend") << QStringLiteral("支出") << QStringLiteral("費用");
        QTest::newRow("inquiry") << QStringLiteral("問合せ|お問い合わせ|問い合せ")
                                 << QStringLiteral("問い合わせ");
        QTest::newRow("lifetime value")
            << QStringLiteral("顧客生涯価値|ライフタイムバリュー") << QStringLiteral("生涯価値");
        QTest::newRow("campaign") << QStringLiteral("施策") << QStringLiteral("キャンペーン");
        QTest::newRow("touchpoint")
            << QStringLiteral("タッチ・ポイント|顧客接点") << QStringLiteral("タッチポイント");
        // Punctuation (docs/glossary-ja.md §Punctuation).
        QTest::newRow("colon after Japanese")
            << QStringLiteral("(%1|[」）]|\\(&[A-Za-z0-9]\\)):").arg(J) << QStringLiteral("：");
        QTest::newRow("space after full-width colon")
            << QStringLiteral("： ") << QStringLiteral("： without a space");
        QTest::newRow("half-width parentheses around Japanese")
            << QStringLiteral("\\([^()&]*%1[^()]*\\)").arg(J) << QStringLiteral("（…）");
        // (A command line to type keeps its shell quotes: sqlite3 "%1" ".recover".)
        QTest::newRow("ASCII quotes around a placeholder")
            << QStringLiteral("(?<![=\\w]|sqlite3 )\"%\\d\"") << QStringLiteral("「%1」");
    }
    void rules() {
        QFETCH(QString, forbidden);
        QFETCH(QString, use);
        const QRegularExpression re(forbidden);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        const QList<Translation> all =
            readTranslations(QStringLiteral(MIKOMI_TS_DIR "/mikomi_ja.ts"));
        QVERIFY(all.size() > 1000);
        QStringList bad;
        for (const Translation &t : all)
            if (re.match(t.text).hasMatch())
                bad << QStringLiteral("%1: \"%2\" → \"%3\"").arg(t.context, t.source, t.text);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 translation(s) should use %2:\n%3")
                                               .arg(bad.size())
                                               .arg(use, bad.mid(0, 15).join(QLatin1Char('\n')))));
    }

    // The English catalogue is not held to these rules, but the rules must bite: a forbidden
    // variant in a sample text is found.
    void rulesCatchVariants() {
        QVERIFY(QRegularExpression(QStringLiteral("(%1|[」）]|\\(&[A-Za-z0-9]\\)):").arg(J))
                    .match(QStringLiteral("ログファイル: %1"))
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("(?<!リード)(?<!リ)ソース"))
                    .match(QStringLiteral("ソース種別"))
                    .hasMatch());
        QVERIFY(!QRegularExpression(QStringLiteral("(?<!リード)(?<!リ)ソース"))
                     .match(QStringLiteral("リードソース種別"))
                     .hasMatch());
        QVERIFY(!QRegularExpression(QStringLiteral("(%1|[」）]|\\(&[A-Za-z0-9]\\)):").arg(J))
                     .match(QStringLiteral("LTV:CAC は 9:00 に custom:NAME"))
                     .hasMatch());
    }
};

QTEST_GUILESS_MAIN(TstGlossary)
#include "tst_glossary.moc"
