// The Japanese catalogue as the app loads it (issue 13): every message of mikomi_ja.ts is found in
// the embedded .qm under its context, none is left in the old catch-all context "Mikomi", and the
// library functions of each module translate in the context the .ts files their messages under
// (a context in the code that differs from the .ts one would show English in a Japanese window).
#include "models/analytics/matrix.h"
#include "models/analytics/sourcereport.h"
#include "models/analytics/textreport.h"
#include "models/domain/enums.h"
#include "models/domain/money.h"
#include "models/domain/textcheck.h"
#include "models/io/encoding.h"
#include "models/language.h"
#include "models/services/importer.h"
#include "models/sourcereportmodel.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

using namespace mikomi;

namespace {

bool hasJapanese(const QString &s) {
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30FF) || (u >= 0x4E00 && u <= 0x9FFF))
            return true;
    }
    return false;
}

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QStringList translations; // the forms
};

QList<TsMessage> readTs(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(m);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = TsMessage{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            m.comment = xml.readElementText();
        } else if (name == QLatin1String("translation") && !m.numerus) {
            m.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            m.translations.append(xml.readElementText());
        }
    }
    return out;
}

} // namespace

class TstCatalogue final : public QObject {
    Q_OBJECT
    LanguageManager m_language;

private slots:
    void initTestCase() { QVERIFY(m_language.apply(QStringLiteral("ja"))); }

    // Every message of the .ts is translated in the .qm under its own context (and with its
    // comment and plural-ness), so nothing the code asks for in that context falls back to English.
    void everyMessageIsInTheQm() {
        const QList<TsMessage> messages = readTs(QStringLiteral(MIKOMI_TS_DIR "/mikomi_ja.ts"));
        QVERIFY(messages.size() > 1000);
        QSet<QString> contexts;
        QStringList missing;
        for (const TsMessage &m : messages) {
            contexts.insert(m.context);
            const QByteArray ctx = m.context.toUtf8();
            const QByteArray src = m.source.toUtf8();
            const QByteArray com = m.comment.toUtf8();
            const QString got = QCoreApplication::translate(
                ctx.constData(), src.constData(), com.isEmpty() ? nullptr : com.constData(),
                m.numerus ? 2 : -1);
            const bool expectJapanese = hasJapanese(m.translations.value(0));
            if (got.isEmpty() || (expectJapanese && !hasJapanese(got)))
                missing << m.context + QStringLiteral(": ") + m.source;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 20).join(QLatin1Char('\n'))));
        QVERIFY(!contexts.contains(QStringLiteral("Mikomi")));
        QVERIFY2(contexts.size() > 60, qPrintable(QString::number(contexts.size())));
    }

    // A sample of library functions, one or more per module that used to translate in "Mikomi".
    void modulesTranslateInTheirContexts_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("mikomi::Enums stage") << stageLabel(Stage::Opportunity);
        QTest::newRow("mikomi::Enums category") << categoryLabel(SourceCategory::Paid);
        QTest::newRow("mikomi::Enums tier") << tierLabel(Tier::Core);
        QTest::newRow("mikomi::Money") << parseMoney(QStringLiteral("abc"), Currency::JPY).error();
        QTest::newRow("mikomi::TextCheck")
            << forbiddenCharacterMessage(QStringLiteral("a\u0001b"), 1);
        QTest::newRow("mikomi::text::Phone")
            << text::phoneError(QStringLiteral("12"), QStringLiteral("JP"));
        QString japan;
        for (const text::PhoneRegionName &r : text::phoneRegionNames())
            if (r.code == QLatin1String("JP"))
                japan = r.name;
        QTest::newRow("mikomi::text::Phone region") << japan;
        QTest::newRow("mikomi::io::Encoding") << io::encodingLabel(io::Encoding::Utf16Le);
        QTest::newRow("mikomi::analytics::Matrix seed")
            << analytics::seedText(analytics::seedMatrix().front().name);
        QTest::newRow("mikomi::analytics::Matrix range")
            << analytics::levelRangeLabel({analytics::Level::Low, analytics::Level::High});
        QTest::newRow("mikomi::analytics::TextReport")
            << analytics::sourceReportTable(analytics::SourceReport{}, 0);
        QTest::newRow("mikomi::SourceReportModel")
            << SourceReportModel::columnTitle(SourceReportModel::Category);
        QTest::newRow("mikomi::services::Importer kind")
            << services::importKindLabel(services::ImportKind::Touchpoints);
        services::ImportSummary summary;
        summary.rowsRead = 3;
        summary.created = 2;
        summary.rejected = 1;
        summary.notImported = {{QStringLiteral("Fax"), 0}};
        const QStringList lines = services::summaryLines(summary);
        for (int i = 0; i < lines.size(); ++i)
            QTest::newRow(
                qPrintable(QStringLiteral("mikomi::services::Importer summary %1").arg(i)))
                << lines.at(i);
        QTest::newRow("mikomi::services::Importer row error")
            << services::describeRowError({4, QStringLiteral("Email"), QStringLiteral("x")});
    }
    void modulesTranslateInTheirContexts() {
        QFETCH(QString, text);
        QVERIFY2(hasJapanese(text), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TstCatalogue)
#include "tst_catalogue.moc"
