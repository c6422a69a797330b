// Screenshots of the Sources page, the Pipeline page and the Scoring settings on demo data, in
// Japanese and English (written to $MIKOMI_SHOTS when it is set), with checks of what they show.
#include "models/followupmodel.h"
#include "models/language.h"
#include "models/pipelinemodel.h"
#include "models/services/demowriter.h"
#include "models/sourcelistmodel.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "ui/leadeditor.h"
#include "ui/pipelinepage.h"
#include "ui/pipelinerulesdialog.h"
#include "ui/scoringdialog.h"
#include "ui/sourcespage.h"
#include "ui/touchpointdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace mikomi;

class TestPipelineShots final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;

    // The pages are always rendered (grab) and checked; the PNGs are written only when asked for.
    static void save(QWidget *w, const QString &name, const QString &lang) {
        const QImage shot = w->grab().toImage();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("MIKOMI_SHOTS");
        if (dir.isEmpty())
            return;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(shot.save(QStringLiteral("%1/%2_%3.png").arg(dir, name, lang)));
    }

private slots:
    void initTestCase() {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("demo.mikomi")));
        QVERIFY(db);
        m_db = std::move(db).value();
        auto n = services::writeDemo(*m_db, 3000, 7, QDate::currentDate());
        QVERIFY2(n, qPrintable(n ? QString() : n.error()));
        // Variants an import would bring in, for the duplicate suggestions.
        storage::LeadRepository repo(*m_db);
        for (const char16_t *v : {u"LinkedIn Ads", u"Webiner", u"その他"}) {
            Lead l;
            l.company = QStringLiteral("株式会社サンプル");
            l.familyName = QStringLiteral("山田");
            l.source = QString::fromUtf16(v);
            l.createdAt = QDateTime(QDate::currentDate().addDays(-1), QTime(10, 0));
            l.updatedAt = l.createdAt;
            QVERIFY(repo.insert(l));
            auto task = storage::FollowUpRepository(*m_db).createForLead(l.id);
            QVERIFY2(task, qPrintable(task ? QString() : task.error()));
        }
        storage::FollowUp overdue;
        overdue.leadId = 1;
        overdue.title = QStringLiteral("見積もり送付の確認");
        overdue.owner = QStringLiteral("佐藤");
        overdue.dueAt = QDateTime::currentDateTime().addDays(-2);
        QVERIFY(storage::FollowUpRepository(*m_db).add(overdue));
        QVERIFY(storage::ScoringStore(*m_db).recomputeAll(QDateTime::currentDateTime()));
    }

    void shots_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void shots() {
        QFETCH(QString, lang);
        LanguageManager language;
        QVERIFY(language.apply(lang));
        QUndoStack undo;

        ui::SourcesPage sources;
        sources.setUndoStack(&undo);
        sources.resize(1200, 800);
        sources.setDatabase(m_db.get());
        sources.show();
        QTRY_VERIFY(!sources.loading()); // read in the background
        QVERIFY(sources.sourceModel()->rowCount() > 5);
        QVERIFY(sources.duplicateList()->topLevelItemCount() >= 1);
        save(&sources, QStringLiteral("sources"), lang);

        ui::PipelinePage pipeline;
        pipeline.setUndoStack(&undo);
        pipeline.resize(1400, 820);
        pipeline.setDatabase(m_db.get());
        pipeline.show();
        QTRY_VERIFY(!pipeline.loading()); // read in the background
        qint64 total = 0;
        for (int c = 0; c < storage::PipelineColumnCount; ++c)
            total += pipeline.columnModel(storage::PipelineColumn(c))->totals().count;
        QCOMPARE(total, 3003);
        save(&pipeline, QStringLiteral("pipeline"), lang);
        // "Ready for MQL": only inquiries with the badge; one of them set Hot by hand.
        PipelineModel *inquiry = pipeline.columnModel(storage::PipelineColumn::Inquiry);
        pipeline.setReadiness(scoring::Readiness::Mql);
        QTRY_VERIFY(!pipeline.loading());
        QVERIFY(inquiry->rowCount() > 0);
        for (int r = 0; r < inquiry->rowCount(); ++r)
            QVERIFY(inquiry->data(inquiry->index(r), PipelineModel::ReadinessRole).toInt() !=
                    int(scoring::Readiness::None));
        for (auto c : {storage::PipelineColumn::Mql, storage::PipelineColumn::Sql,
                       storage::PipelineColumn::Opportunity, storage::PipelineColumn::Customer,
                       storage::PipelineColumn::Lost})
            QCOMPARE(pipeline.columnModel(c)->rowCount(), 0);
        const qint64 first = inquiry->leadId(0);
        pipeline.setTemperature({first}, Temperature::Hot);
        QTRY_VERIFY(!pipeline.loading());
        QVERIFY(
            inquiry->data(inquiry->index(0), PipelineModel::TemperatureOverriddenRole).toBool());
        save(&pipeline, QStringLiteral("pipeline_ready"), lang);
        undo.undo();
        pipeline.setReadiness(scoring::Readiness::None);
        QTRY_VERIFY(!pipeline.loading());

        // The lead editor's temperature control, set by hand.
        Lead lead = *storage::LeadRepository(*m_db).get(first);
        lead.temperatureOverride = Temperature::Warm;
        ui::LeadEditor editor(*m_db, lead, &undo);
        editor.show();
        save(&editor, QStringLiteral("editor_temperature"), lang);
        auto *temperature = editor.findChild<QComboBox *>(QStringLiteral("temperature"));
        QVERIFY(temperature);
        temperature->setCurrentIndex(0); // Automatic, with what it gives now
        QVERIFY(temperature->currentText().contains(QLatin1Char('(')) ||
                temperature->currentText().contains(QChar(0xFF08)));
        save(temperature, QStringLiteral("editor_temperature_auto"), lang);

        pipeline.tabs()->setCurrentIndex(1);
        QVERIFY(pipeline.followUpModel()->rowCount() >= 3);
        save(&pipeline, QStringLiteral("followups"), lang);

        ui::ScoringDialog scoring(*m_db);
        scoring.show();
        QCOMPARE(scoring.rules(), *storage::ScoringStore(*m_db).load());
        save(&scoring, QStringLiteral("scoring"), lang);

        ui::PipelineRulesDialog rules(*m_db);
        rules.show();
        save(&rules, QStringLiteral("rules"), lang);

        ui::TouchpointDialog touch(*m_db, 1);
        QVERIFY(touch.readUrl(QStringLiteral(
            "https://example.jp/?utm_source=google&utm_medium=cpc&utm_campaign=spring")));
        touch.show();
        save(&touch, QStringLiteral("touchpoint"), lang);
    }
};

QTEST_MAIN(TestPipelineShots)
#include "tst_pipelineshots.moc"
