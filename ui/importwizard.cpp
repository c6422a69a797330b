#include "ui/importwizard.h"

#include "models/appsettings.h"
#include "ui/filedialogs.h"
#include "ui/leadeditor.h"
#include "ui/messagebox.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <climits>

namespace mikomi::ui {
namespace {

QString encodingText(io::Encoding e) {
    return io::encodingLabel(e);
}

// What the worker thread shares with the window: the latest progress (coalesced, so a slow
// window is not flooded) and the result, read once the thread has finished.
struct RunJob {
    std::atomic<qint64> rows = 0;
    std::atomic<qint64> bytes = 0;
    std::atomic<qint64> total = 0;
    std::atomic<bool> progressPosted = false;
    std::optional<Result<services::ImportSummary>> result;
};

} // namespace

ImportWizard::ImportWizard(storage::Database *db, const QString &file, QWidget *parent)
    : QWizard(parent)
    , m_db(db) {
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    buildFilePage();
    buildMappingPage();
    buildCheckPage();
    buildRunPage();
    resize(900, 620);
    retranslate();
    if (!file.isEmpty())
        setFile(file);
}

void ImportWizard::buildFilePage() {
    auto *page = new QWizardPage(this);
    auto *form = new QGridLayout(page);
    m_fileLabel = new QLabel(page);
    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("file"));
    m_browse = new QPushButton(page);
    m_encodingLabel = new QLabel(page);
    m_encoding = new QComboBox(page);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_kindLabel = new QLabel(page);
    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_detected = new QLabel(page);
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
    connect(m_browse, &QPushButton::clicked, this, &ImportWizard::browse);
    connect(m_file, &QLineEdit::editingFinished, this, &ImportWizard::analyse);
    connect(m_encoding, &QComboBox::activated, this, &ImportWizard::analyse);
    connect(m_kind, &QComboBox::activated, this, &ImportWizard::analyse);
    setPage(FilePage, page);
}

void ImportWizard::buildMappingPage() {
    auto *page = new QWizardPage(this);
    auto *layout = new QVBoxLayout(page);
    m_mappingHint = new QLabel(page);
    m_mappingHint->setWordWrap(true);
    m_mapping = new QTableWidget(page);
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_mapping->setColumnCount(3);
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_previewLabel = new QLabel(page);
    m_preview = new QTableWidget(page);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_mappingHint);
    layout->addWidget(m_mapping, 2);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_preview, 3);
    setPage(MappingPage, page);
}

void ImportWizard::buildCheckPage() {
    auto *page = new QWizardPage(this);
    auto *layout = new QVBoxLayout(page);
    m_onMatchLabel = new QLabel(page);
    m_merge = new QRadioButton(page);
    m_merge->setObjectName(QStringLiteral("merge"));
    m_skip = new QRadioButton(page);
    m_skip->setObjectName(QStringLiteral("skip"));
    m_update = new QRadioButton(page);
    m_update->setObjectName(QStringLiteral("update"));
    m_merge->setChecked(true);
    auto *sourceRow = new QHBoxLayout;
    m_sourceLabel = new QLabel(page);
    m_source = new QLineEdit(page);
    m_source->setObjectName(QStringLiteral("source"));
    sourceRow->addWidget(m_sourceLabel);
    sourceRow->addWidget(m_source, 1);
    m_dryRun = new QPushButton(page);
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryCounts = new QLabel(page);
    m_dryCounts->setObjectName(QStringLiteral("dryCounts"));
    m_dryCounts->setWordWrap(true);
    m_dryErrors = new QPlainTextEdit(page);
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
    connect(m_dryRun, &QPushButton::clicked, this, &ImportWizard::runDryRun);
    for (QRadioButton *b : {m_merge, m_skip, m_update})
        connect(b, &QRadioButton::toggled, this, [this](bool on) {
            if (on && currentId() == CheckPage)
                runDryRun();
        });
    setPage(CheckPage, page);
}

void ImportWizard::buildRunPage() {
    auto *page = new QWizardPage(this);
    page->setFinalPage(true);
    auto *layout = new QVBoxLayout(page);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_cancelButton = new QPushButton(page);
    m_cancelButton->setObjectName(QStringLiteral("cancelImport"));
    m_cancelButton->setEnabled(false);
    m_runCounts = new QLabel(page);
    m_runCounts->setObjectName(QStringLiteral("runCounts"));
    m_runCounts->setWordWrap(true);
    m_runErrors = new QPlainTextEdit(page);
    m_runErrors->setReadOnly(true);
    m_saveReport = new QPushButton(page);
    m_saveReport->setObjectName(QStringLiteral("saveReport"));
    m_saveReport->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancelButton);
    layout->addLayout(row);
    layout->addWidget(m_runCounts);
    layout->addWidget(m_runErrors, 1);
    layout->addWidget(m_saveReport, 0, Qt::AlignLeft);
    layout->addStretch(); // takes the room of the error list when it is hidden
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_cancel = true;
        m_cancelButton->setEnabled(false);
        m_runCounts->setText(tr("Cancelling…"));
    });
    connect(m_saveReport, &QPushButton::clicked, this, &ImportWizard::saveReport);
    setPage(RunPage, page);
}

void ImportWizard::retranslate() {
    setWindowTitle(tr("Import"));
    page(FilePage)->setTitle(tr("Choose a file"));
    page(FilePage)->setSubTitle(
        tr("CSV (UTF-8, UTF-8 with BOM or Shift_JIS) or vCard business cards."));
    m_fileLabel->setText(tr("File:"));
    m_browse->setText(tr("Browse…"));
    m_encodingLabel->setText(tr("Encoding:"));
    m_kindLabel->setText(tr("Contents:"));
    {
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
    page(MappingPage)->setTitle(tr("Columns and preview"));
    page(MappingPage)
        ->setSubTitle(
            tr("Check which field each column goes to. The preview shows the first rows as they "
               "will be stored; rows with errors are marked."));
    m_mappingHint->setText(tr("Columns of the file:"));
    m_mapping->setHorizontalHeaderLabels(
        {tr("Column in the file"), tr("Imported as"), tr("First value")});
    m_previewLabel->setText(tr("Preview:"));
    page(CheckPage)->setTitle(tr("Check before importing"));
    page(CheckPage)->setSubTitle(
        tr("Nothing is changed yet: this is a dry run of the whole file."));
    m_onMatchLabel->setText(tr("When a row matches a lead that already exists:"));
    m_merge->setText(tr("Merge: fill in the fields that are empty"));
    m_skip->setText(tr("Skip the row"));
    m_update->setText(tr("Update: overwrite with the values of the file"));
    m_sourceLabel->setText(tr("Source for rows without one:"));
    m_dryRun->setText(tr("Check again"));
    page(RunPage)->setTitle(tr("Import"));
    page(RunPage)->setSubTitle(
        tr("The import is one transaction: if you cancel, nothing is changed."));
    m_cancelButton->setText(tr("Cancel import"));
    m_saveReport->setText(tr("Save rejected rows as CSV…"));
    if (m_analysis)
        fillMapping();
}

void ImportWizard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

ImportWizard::~ImportWizard() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

void ImportWizard::setFile(const QString &path) {
    m_file->setText(path);
    analyse();
}

void ImportWizard::browse() {
    const QString path =
        getOpenFileName(this, tr("Import"), m_file->text(),
                        tr("CSV and vCard files (*.csv *.tsv *.txt *.vcf);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

services::ImportOptions ImportWizard::options(bool dryRun) const {
    services::ImportOptions o;
    o.path = m_file->text();
    if (const QString e = m_encoding->currentData().toString(); !e.isEmpty())
        o.encoding = io::encodingFromName(e);
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        o.kind = services::importKindFromKey(k);
    if (m_analysis) {
        o.kind = m_analysis->kind;
        if (m_analysis->kind != services::ImportKind::VCard) {
            o.mapping = m_analysis->mapping;
            o.encoding = m_analysis->encoding;
            o.delimiter = m_analysis->delimiter;
        }
    }
    o.onMatch = m_skip->isChecked()     ? services::OnMatch::Skip
                : m_update->isChecked() ? services::OnMatch::Update
                                        : services::OnMatch::Merge;
    o.defaultSource = m_source->text().trimmed();
    o.dryRun = dryRun;
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency());
    o.user = AppSettings().ownerName();
    return o;
}

void ImportWizard::analyse() {
    m_analysis.reset();
    if (m_file->text().isEmpty()) {
        m_detected->clear();
        return;
    }
    services::ImportOptions o;
    o.path = m_file->text();
    if (const QString e = m_encoding->currentData().toString(); !e.isEmpty())
        o.encoding = io::encodingFromName(e);
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        o.kind = services::importKindFromKey(k);
    auto a = services::analyseImport(o);
    if (!a) {
        m_detected->setText(a.error());
        return;
    }
    m_analysis = std::move(a).value();
    if (m_analysis->kind == services::ImportKind::VCard)
        m_detected->setText(tr("vCard file with %n card(s).", nullptr, int(m_analysis->cardCount)));
    else
        m_detected->setText(tr("Detected: %1, %2, %3 columns.")
                                .arg(services::importKindLabel(m_analysis->kind),
                                     encodingText(m_analysis->encoding))
                                .arg(m_analysis->mapping.headers.size()));
    fillMapping();
}

void ImportWizard::fillMapping() {
    if (!m_analysis)
        return;
    const bool vcard = m_analysis->kind == services::ImportKind::VCard;
    m_mapping->setVisible(!vcard);
    m_mappingHint->setVisible(!vcard);
    m_mapping->setRowCount(0);
    if (!vcard) {
        const io::HeaderMap &map = m_analysis->mapping;
        const QStringList labels = services::fieldLabels(m_analysis->kind);
        m_mapping->setRowCount(int(map.headers.size()));
        for (int c = 0; c < map.headers.size(); ++c) {
            auto *header = new QTableWidgetItem(map.headers.at(c));
            header->setFlags(header->flags() & ~Qt::ItemIsEditable);
            m_mapping->setItem(c, 0, header);
            auto *combo = new QComboBox(m_mapping);
            combo->addItem(tr("(not imported)"), -1);
            for (int f = 0; f < labels.size(); ++f)
                combo->addItem(labels.at(f), f);
            if (m_analysis->kind == services::ImportKind::Leads) {
                // What a column can hold beyond a field: a further email or number, a line in
                // the notes ("HEADER: value"), the honorific… (issue 12).
                using R = io::ColumnRole;
                QList<R> roles{R::Note, R::ExtraEmail, R::ExtraPhone, R::ExtraMobile,
                               R::Fax,  R::MiddleName, R::Honorific,  R::FormattedAddress};
                if (map.role(c) == R::Label || map.role(c) == R::Covered)
                    roles << map.role(c);
                for (const R r : roles)
                    combo->addItem(io::columnRoleLabel(r), roleData(r));
            }
            combo->setCurrentIndex(combo->findData(mappingData(c)));
            connect(combo, &QComboBox::activated, this, [this, c, combo] {
                const int data = combo->currentData().toInt();
                if (data <= roleData(io::ColumnRole::None))
                    io::setColumnRole(m_analysis->mapping, c,
                                      io::ColumnRole(roleData(io::ColumnRole::None) - data));
                else
                    io::setColumnField(m_analysis->mapping, c, data);
                mappingChanged();
            });
            m_mapping->setCellWidget(c, 1, combo);
            const QString first = m_analysis->previewRecords.isEmpty()
                                      ? QString()
                                      : m_analysis->previewRecords.first().fields.value(c);
            auto *sample = new QTableWidgetItem(first);
            sample->setFlags(sample->flags() & ~Qt::ItemIsEditable);
            m_mapping->setItem(c, 2, sample);
        }
    }
    fillPreview();
}

int ImportWizard::roleData(io::ColumnRole role) {
    return -100 - int(role);
}

int ImportWizard::mappingData(int column) const {
    const io::HeaderMap &map = m_analysis->mapping;
    if (const int f = map.columnField.value(column, -1); f >= 0)
        return f;
    if (const io::ColumnRole r = map.role(column); r != io::ColumnRole::None)
        return roleData(r);
    return -1;
}

void ImportWizard::mappingChanged() {
    // Another column may have lost its field: show the mapping as it now is.
    for (int c = 0; c < m_mapping->rowCount(); ++c) {
        if (auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(c, 1)))
            combo->setCurrentIndex(combo->findData(mappingData(c)));
    }
    fillPreview();
}

void ImportWizard::fillPreview() {
    m_preview->clear();
    if (!m_analysis)
        return;
    const QList<services::PreviewRow> rows = services::previewRows(
        *m_analysis, minorUnits(AppSettings().currency()), m_db ? phoneRegionOf(*m_db) : QString());
    const QStringList labels = services::fieldLabels(m_analysis->kind);
    // Columns: the fields that are mapped (vCard: the fields any card fills).
    QList<int> fields;
    for (int f = 0; f < labels.size(); ++f) {
        bool show = m_analysis->kind == services::ImportKind::VCard
                        ? std::any_of(rows.cbegin(), rows.cend(),
                                      [f](const services::PreviewRow &r) {
                                          return !r.values.value(f).isEmpty();
                                      })
                        : m_analysis->mapping.has(f);
        if (m_analysis->kind == services::ImportKind::Leads &&
            (f == int(io::LeadField::FullName) || f == int(io::LeadField::FullReading)))
            show = false; // shown split into family and given
        if (m_analysis->kind == services::ImportKind::Leads &&
            (f == int(io::LeadField::FamilyName) || f == int(io::LeadField::GivenName)) &&
            m_analysis->mapping.has(int(io::LeadField::FullName)))
            show = true;
        if (show)
            fields << f;
    }
    m_preview->setColumnCount(int(fields.size()) + 1);
    QStringList headers{tr("Line")};
    for (int f : fields)
        headers << labels.at(f);
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const services::PreviewRow &row = rows.at(r);
        auto *line = new QTableWidgetItem(row.line > 0 ? QLocale().toString(row.line) : QString());
        m_preview->setItem(r, 0, line);
        QStringList problems;
        for (const io::RowError &e : row.errors)
            problems << services::describeRowError(e);
        for (int i = 0; i < fields.size(); ++i) {
            auto *item = new QTableWidgetItem(row.values.value(fields.at(i)));
            m_preview->setItem(r, i + 1, item);
        }
        if (!problems.isEmpty()) {
            line->setText(tr("%1 (error)").arg(line->text()));
            for (int i = 0; i < m_preview->columnCount(); ++i) {
                QTableWidgetItem *item = m_preview->item(r, i);
                item->setBackground(QColor(255, 225, 225));
                item->setToolTip(problems.join(u'\n'));
            }
        }
    }
    m_preview->verticalHeader()->hide();
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
            m_cancel = true;
        }
        return;
    }
    startRun(true);
}

void ImportWizard::runImport() {
    if (!m_db || m_running)
        return;
    m_progress->setValue(0);
    m_cancelButton->setEnabled(true);
    button(QWizard::FinishButton)->setEnabled(false);
    m_runErrors->clear();
    m_saveReport->setEnabled(false);
    m_expectedRows =
        m_summary && m_summary->dryRun && !m_summary->cancelled ? m_summary->rowsRead : 0;
    startRun(false);
}

void ImportWizard::startRun(bool dryRun) {
    m_running = true;
    m_runningDry = dryRun;
    m_cancel = false;
    const services::ImportOptions o = options(dryRun);
    QLabel *counts = dryRun ? m_dryCounts : m_runCounts;
    counts->setText(dryRun ? tr("Checking the whole file…") : tr("Importing…"));
    if (dryRun) {
        m_dryErrors->clear();
        button(QWizard::NextButton)->setEnabled(false); // until the check is done
    }

    auto job = std::make_shared<RunJob>();
    const QString path = m_db->path();
    if (path.isEmpty() || path == QLatin1String(":memory:")) {
        // A database only this connection sees: no second connection can reach it.
        job->result = services::runImport(*m_db, o, {}, &m_cancel);
        finishRun(dryRun, std::move(*job->result));
        return;
    }
    // The worker opens its own connection to the same file; it touches nothing of the window
    // but the cancel flag, and reaches it only through queued calls.
    m_thread.reset(QThread::create([this, job, path, o] {
        auto db = storage::Database::open(path);
        if (!db) {
            job->result = Error{db.error()};
            return;
        }
        const auto progress = [this, job, dryRun = o.dryRun](qint64 rows, qint64 bytes,
                                                             qint64 total) {
            job->rows = rows;
            job->bytes = bytes;
            job->total = total;
            if (job->progressPosted.exchange(true))
                return; // the window has not shown the last report yet
            QMetaObject::invokeMethod(
                this,
                [this, job, dryRun] {
                    job->progressPosted = false;
                    showProgress(dryRun, job->rows, job->bytes, job->total);
                },
                Qt::QueuedConnection);
        };
        job->result = services::runImport(**db, o, progress, &m_cancel);
    }));
    m_thread->setObjectName(QStringLiteral("mikomi-import"));
    connect(
        m_thread.get(), &QThread::finished, this,
        [this, job, dryRun] {
            m_thread->wait();
            m_thread.release()->deleteLater();
            finishRun(dryRun, job->result ? std::move(*job->result)
                                          : Result<services::ImportSummary>(
                                                Error{tr("The import stopped unexpectedly.")}));
        },
        Qt::QueuedConnection);
    m_thread->start();
}

void ImportWizard::showProgress(bool dryRun, qint64 rows, qint64 bytes, qint64 total) {
    if (!m_running || m_cancel)
        return; // a late report of a run that has ended or is being stopped
    if (dryRun) {
        m_dryCounts->setText(tr("Checking the whole file… %Ln row(s) read.", nullptr,
                                int(qMin<qint64>(rows, INT_MAX))));
    } else {
        // By rows when the dry run counted them (the file may be read ahead in big blocks),
        // else by bytes; full only once the import has ended.
        qint64 permille = 0;
        if (m_expectedRows > 0)
            permille = rows * 1000 / m_expectedRows;
        else if (total > 0)
            permille = bytes * 1000 / total;
        m_progress->setValue(int(std::clamp<qint64>(permille, 0, 999)));
        m_runCounts->setText(
            tr("Importing… %Ln row(s) read.", nullptr, int(qMin<qint64>(rows, INT_MAX))));
    }
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
        if (!s) {
            m_dryCounts->setText(s.error());
            m_dryErrors->clear();
        } else {
            m_summary = *s;
            showSummary(m_dryCounts, m_dryErrors, *s);
        }
    } else {
        m_cancelButton->setEnabled(false);
        button(QWizard::FinishButton)->setEnabled(true);
        if (!s) {
            m_runCounts->setText(s.error());
        } else {
            m_summary = *s;
            // The import wrote through its own connection (a worker thread): announce it on the
            // window's change feed, so every page reads the new leads, sources and spend.
            if (!s->cancelled)
                m_db->changes().publish({storage::kAllDataKinds, {}});
            m_progress->setValue(s->cancelled ? m_progress->value() : 1000);
            m_imported = !s->cancelled && s->created + s->merged + s->updated > 0;
            showSummary(m_runCounts, m_runErrors, *s);
            m_saveReport->setEnabled(!s->rejectedRows.isEmpty());
        }
    }
    emit runFinished();
    if (m_closeWhenDone) {
        m_closeWhenDone = false;
        QWizard::reject();
    }
}

void ImportWizard::reject() {
    if (m_running) {
        m_cancel = true;
        m_closeWhenDone = true;
        return;
    }
    QWizard::reject();
}

void ImportWizard::saveReport() {
    if (!m_summary)
        return;
    const QFileInfo info(m_file->text());
    const QString path = getSaveFileName(
        this, tr("Save rejected rows"),
        info.dir().filePath(info.completeBaseName() + QStringLiteral("_rejected.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status st = services::writeRejectedReport(*m_summary, path); !st)
        MessageBox::warning(this, tr("Save rejected rows"), st.error());
}

void ImportWizard::cleanupPage(int id) {
    // Back from the check page: its dry run is of no use any more.
    if (id == CheckPage && m_running && m_runningDry)
        m_cancel = true;
    QWizard::cleanupPage(id);
}

void ImportWizard::initializePage(int id) {
    QWizard::initializePage(id);
    if (id == MappingPage)
        fillMapping();
    else if (id == CheckPage)
        runDryRun();
    else if (id == RunPage)
        QTimer::singleShot(0, this, &ImportWizard::runImport);
}

bool ImportWizard::validateCurrentPage() {
    if (m_running)
        return false;
    if (currentId() == FilePage && !m_analysis) {
        analyse();
        if (!m_analysis) {
            MessageBox::warning(this, tr("Import"),
                                m_detected->text().isEmpty() ? tr("Choose a file to import.")
                                                             : m_detected->text());
            return false;
        }
    }
    return QWizard::validateCurrentPage();
}

} // namespace mikomi::ui
