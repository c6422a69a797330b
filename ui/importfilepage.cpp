#include "ui/importfilepage.h"

#include "ui/filedialogs.h"
#include "ui/importwizard.h"
#include "ui/messagebox.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <algorithm>

namespace mikomi::ui {
namespace {

QString encodingText(io::Encoding e) {
    return io::encodingLabel(e);
}

} // namespace

ImportFilePage::ImportFilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    auto *form = new QGridLayout(this);
    m_fileLabel = new QLabel(this);
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("file"));
    m_browse = new QPushButton(this);
    m_encodingLabel = new QLabel(this);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_kindLabel = new QLabel(this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("detected"));
    m_detected->setWordWrap(true);
    form->addWidget(m_fileLabel, 0, 0);
    form->addWidget(m_file, 0, 1);
    form->addWidget(m_browse, 0, 2);
    form->addWidget(m_encodingLabel, 1, 0);
    form->addWidget(m_encoding, 1, 1, 1, 2);
    form->addWidget(m_kindLabel, 2, 0);
    form->addWidget(m_kind, 2, 1, 1, 2);
    form->addWidget(m_detected, 3, 0, 1, 3);
    form->setRowStretch(4, 1);
    connect(m_browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_file, &QLineEdit::editingFinished, this, &ImportFilePage::analyse);
    connect(m_encoding, &QComboBox::activated, this, &ImportFilePage::analyse);
    connect(m_kind, &QComboBox::activated, this, &ImportFilePage::analyse);
    retranslate();
}

void ImportFilePage::retranslate() {
    setTitle(tr("Choose a file"));
    setSubTitle(tr("CSV (UTF-8, UTF-8 with BOM or Shift_JIS) or vCard business cards."));
    m_fileLabel->setText(tr("File:"));
    m_browse->setText(tr("Browse…"));
    m_encodingLabel->setText(tr("Encoding:"));
    m_kindLabel->setText(tr("Contents:"));
    const int e = std::max(0, m_encoding->currentIndex());
    m_encoding->clear();
    m_encoding->addItem(tr("Detect automatically"), QString());
    for (io::Encoding enc : {io::Encoding::Utf8, io::Encoding::Utf8Bom, io::Encoding::Cp932})
        m_encoding->addItem(encodingText(enc), io::encodingKey(enc));
    m_encoding->setCurrentIndex(e);
    const int k = std::max(0, m_kind->currentIndex());
    m_kind->clear();
    m_kind->addItem(tr("Detect automatically"), QString());
    for (services::ImportKind kind :
         {services::ImportKind::Leads, services::ImportKind::Spend,
          services::ImportKind::Touchpoints, services::ImportKind::VCard})
        m_kind->addItem(services::importKindLabel(kind), services::importKindKey(kind));
    m_kind->setCurrentIndex(k);
}

void ImportFilePage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ImportFilePage::setFile(const QString &path) {
    m_file->setText(path);
    analyse();
}

QString ImportFilePage::file() const {
    return m_file->text();
}

void ImportFilePage::browse() {
    const QString path =
        getOpenFileName(m_wizard, tr("Import"), m_file->text(),
                        tr("CSV and vCard files (*.csv *.tsv *.txt *.vcf);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

services::ImportOptions ImportFilePage::chosenOptions() const {
    services::ImportOptions o;
    o.path = m_file->text();
    if (const QString e = m_encoding->currentData().toString(); !e.isEmpty())
        o.encoding = io::encodingFromName(e);
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        o.kind = services::importKindFromKey(k);
    return o;
}

void ImportFilePage::analyse() {
    std::optional<services::ImportAnalysis> &analysis = m_wizard->analysis();
    analysis.reset();
    if (m_file->text().isEmpty()) {
        m_detected->clear();
        return;
    }
    auto a = services::analyseImport(chosenOptions());
    if (!a) {
        m_detected->setText(a.error());
        return;
    }
    analysis = std::move(a).value();
    if (analysis->kind == services::ImportKind::VCard)
        m_detected->setText(tr("vCard file with %n card(s).", nullptr, int(analysis->cardCount)));
    else
        m_detected->setText(
            tr("Detected: %1, %2, %3 columns.")
                .arg(services::importKindLabel(analysis->kind), encodingText(analysis->encoding))
                .arg(analysis->mapping.headers.size()));
    emit analysed();
}

bool ImportFilePage::validatePage() {
    if (!m_wizard->analysis()) {
        analyse();
        if (!m_wizard->analysis()) {
            MessageBox::warning(m_wizard, tr("Import"),
                                m_detected->text().isEmpty() ? tr("Choose a file to import.")
                                                             : m_detected->text());
            return false;
        }
    }
    return true;
}

} // namespace mikomi::ui
