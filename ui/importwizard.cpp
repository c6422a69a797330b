#include "ui/importwizard.h"

#include "models/appsettings.h"
#include "ui/importcheckpage.h"
#include "ui/importfilepage.h"
#include "ui/importmappingpage.h"
#include "ui/importrunpage.h"
#include "ui/importworker.h"

#include <QAbstractButton>
#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>

namespace mikomi::ui {

ImportWizard::ImportWizard(storage::Database *db, const QString &file, QWidget *parent)
    : QWizard(parent)
    , m_db(db)
    , m_worker(std::make_unique<ImportWorker>()) {
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_filePage = new ImportFilePage(this);
    m_mappingPage = new ImportMappingPage(this);
    m_checkPage = new ImportCheckPage(this);
    m_runPage = new ImportRunPage(this);
    setPage(FilePage, m_filePage);
    setPage(MappingPage, m_mappingPage);
    setPage(CheckPage, m_checkPage);
    setPage(RunPage, m_runPage);
    connect(m_filePage, &ImportFilePage::analysed, m_mappingPage, &ImportMappingPage::fillMapping);
    resize(900, 620);
    retranslate();
    if (!file.isEmpty())
        setFile(file);
}

// The worker (a member) cancels a run that is still going and waits for it.
ImportWizard::~ImportWizard() = default;

void ImportWizard::retranslate() {
    setWindowTitle(tr("Import"));
}

void ImportWizard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void ImportWizard::setFile(const QString &path) {
    m_filePage->setFile(path);
}

QString ImportWizard::file() const {
    return m_filePage->file();
}

void ImportWizard::requestCancel() {
    m_worker->cancel();
}

services::ImportOptions ImportWizard::options(bool dryRun) const {
    services::ImportOptions o = m_filePage->chosenOptions();
    if (m_analysis) {
        o.kind = m_analysis->kind;
        if (m_analysis->kind != services::ImportKind::VCard) {
            o.mapping = m_analysis->mapping;
            o.encoding = m_analysis->encoding;
            o.delimiter = m_analysis->delimiter;
        }
    }
    o.onMatch = m_checkPage->onMatch();
    o.defaultSource = m_checkPage->defaultSource();
    o.dryRun = dryRun;
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency());
    o.user = AppSettings().ownerName();
    return o;
}

void ImportWizard::showSummary(QLabel *label, QPlainTextEdit *errors,
                               const services::ImportSummary &s) {
    label->setText(services::summaryLines(s).join(u'\n'));
    QStringList lines;
    for (const io::RowError &e : s.errors)
        lines << services::describeRowError(e);
    for (const io::RowError &w : s.warnings)
        lines << tr("Warning: %1").arg(services::describeRowError(w));
    errors->setPlainText(lines.join(u'\n'));
    errors->setVisible(!lines.isEmpty());
}

void ImportWizard::runDryRun() {
    if (!m_db)
        return;
    if (m_running) {
        // The options changed while checking: stop this check and start again when it ends.
        if (m_runningDry) {
            m_rerunDry = true;
            m_worker->cancel();
        }
        return;
    }
    startRun(true);
}

void ImportWizard::cancelDryRun() {
    if (m_running && m_runningDry)
        m_worker->cancel();
}

void ImportWizard::runImport() {
    if (!m_db || m_running)
        return;
    button(QWizard::FinishButton)->setEnabled(false);
    // The import's progress goes by the rows the dry run read.
    m_runPage->prepare(m_summary && m_summary->dryRun && !m_summary->cancelled ? m_summary->rowsRead
                                                                               : 0);
    startRun(false);
}

void ImportWizard::startRun(bool dryRun) {
    m_running = true;
    m_runningDry = dryRun;
    const services::ImportOptions o = options(dryRun);
    if (dryRun) {
        m_checkPage->showStarted();
        button(QWizard::NextButton)->setEnabled(false); // until the check is done
    } else {
        m_runPage->showStarted();
    }
    m_worker->start(
        *m_db, o,
        [this, dryRun](qint64 rows, qint64 bytes, qint64 total) {
            showProgress(dryRun, rows, bytes, total);
        },
        [this, dryRun](Result<services::ImportSummary> result) {
            finishRun(dryRun, std::move(result));
        });
}

void ImportWizard::showProgress(bool dryRun, qint64 rows, qint64 bytes, qint64 total) {
    if (!m_running || m_worker->cancelled())
        return; // a late report of a run that has ended or is being stopped
    if (dryRun)
        m_checkPage->showProgress(rows);
    else
        m_runPage->showProgress(rows, bytes, total);
    emit progressed(rows);
}

void ImportWizard::finishRun(bool dryRun, Result<services::ImportSummary> s) {
    m_running = false;
    m_runningDry = false;
    if (dryRun) {
        if (m_rerunDry) {
            m_rerunDry = false;
            if (!m_closeWhenDone) {
                startRun(true);
                return;
            }
        }
        button(QWizard::NextButton)->setEnabled(true);
        if (s)
            m_summary = *s;
        m_checkPage->showResult(s);
    } else {
        button(QWizard::FinishButton)->setEnabled(true);
        if (s) {
            m_summary = *s;
            // The import wrote through its own connection (a worker thread): announce it on the
            // window's change feed, so every page reads the new leads, sources and spend.
            if (!s->cancelled)
                m_db->changes().publish({storage::kAllDataKinds, {}});
            m_imported = !s->cancelled && s->created + s->merged + s->updated > 0;
        }
        m_runPage->showResult(s);
    }
    emit runFinished();
    if (m_closeWhenDone) {
        m_closeWhenDone = false;
        QWizard::reject();
    }
}

void ImportWizard::reject() {
    if (m_running) {
        m_worker->cancel();
        m_closeWhenDone = true;
        return;
    }
    QWizard::reject();
}

bool ImportWizard::validateCurrentPage() {
    if (m_running)
        return false;
    return QWizard::validateCurrentPage();
}

} // namespace mikomi::ui
