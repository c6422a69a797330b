#include "ui/importcheckpage.h"

#include "ui/importwizard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <climits>

namespace mikomi::ui {

ImportCheckPage::ImportCheckPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    auto *layout = new QVBoxLayout(this);
    m_onMatchLabel = new QLabel(this);
    m_merge = new QRadioButton(this);
    m_merge->setObjectName(QStringLiteral("merge"));
    m_skip = new QRadioButton(this);
    m_skip->setObjectName(QStringLiteral("skip"));
    m_update = new QRadioButton(this);
    m_update->setObjectName(QStringLiteral("update"));
    m_merge->setChecked(true);
    auto *sourceRow = new QHBoxLayout;
    m_sourceLabel = new QLabel(this);
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("source"));
    sourceRow->addWidget(m_sourceLabel);
    sourceRow->addWidget(m_source, 1);
    m_dryRun = new QPushButton(this);
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryCounts = new QLabel(this);
    m_dryCounts->setObjectName(QStringLiteral("dryCounts"));
    m_dryCounts->setWordWrap(true);
    m_dryErrors = new QPlainTextEdit(this);
    m_dryErrors->setObjectName(QStringLiteral("dryErrors"));
    m_dryErrors->setReadOnly(true);
    layout->addWidget(m_onMatchLabel);
    layout->addWidget(m_merge);
    layout->addWidget(m_skip);
    layout->addWidget(m_update);
    layout->addLayout(sourceRow);
    layout->addWidget(m_dryRun, 0, Qt::AlignLeft);
    layout->addWidget(m_dryCounts);
    layout->addWidget(m_dryErrors, 1);
    layout->addStretch(); // takes the room of the error list when it is hidden
    connect(m_dryRun, &QPushButton::clicked, m_wizard, &ImportWizard::runDryRun);
    for (QRadioButton *b : {m_merge, m_skip, m_update})
        connect(b, &QRadioButton::toggled, this, [this](bool on) {
            if (on && m_wizard->currentId() == ImportWizard::CheckPage)
                m_wizard->runDryRun();
        });
    retranslate();
}

void ImportCheckPage::retranslate() {
    setTitle(tr("Check before importing"));
    setSubTitle(tr("Nothing is changed yet: this is a dry run of the whole file."));
    m_onMatchLabel->setText(tr("When a row matches a lead that already exists:"));
    m_merge->setText(tr("Merge: fill in the fields that are empty"));
    m_skip->setText(tr("Skip the row"));
    m_update->setText(tr("Update: overwrite with the values of the file"));
    m_sourceLabel->setText(tr("Source for rows without one:"));
    m_dryRun->setText(tr("Check again"));
}

void ImportCheckPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

services::OnMatch ImportCheckPage::onMatch() const {
    return m_skip->isChecked()     ? services::OnMatch::Skip
           : m_update->isChecked() ? services::OnMatch::Update
                                   : services::OnMatch::Merge;
}

QString ImportCheckPage::defaultSource() const {
    return m_source->text().trimmed();
}

void ImportCheckPage::initializePage() {
    m_wizard->runDryRun();
}

void ImportCheckPage::cleanupPage() {
    m_wizard->cancelDryRun();
    QWizardPage::cleanupPage();
}

void ImportCheckPage::showStarted() {
    m_dryCounts->setText(tr("Checking the whole file…"));
    m_dryErrors->clear();
}

void ImportCheckPage::showProgress(qint64 rows) {
    m_dryCounts->setText(
        tr("Checking the whole file… %Ln row(s) read.", nullptr, int(qMin<qint64>(rows, INT_MAX))));
}

void ImportCheckPage::showResult(const Result<services::ImportSummary> &s) {
    if (!s) {
        m_dryCounts->setText(s.error());
        m_dryErrors->clear();
    } else {
        ImportWizard::showSummary(m_dryCounts, m_dryErrors, *s);
    }
}

} // namespace mikomi::ui
