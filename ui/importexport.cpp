#include "ui/importexport.h"

#include "models/appsettings.h"
#include "models/services/exporter.h"
#include "models/storage/repositories.h"
#include "ui/filedialogs.h"
#include "ui/importwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace mikomi::ui {
namespace {

// What the export thread shares with the window: the latest count (coalesced) and the result.
struct ExportJob {
    std::atomic<qint64> read = 0;
    std::atomic<bool> posted = false;
    std::atomic<bool> cancel = false;
    std::optional<Result<services::ExportSummary>> result;
};

} // namespace

Result<services::ExportSummary> runExport(QWidget *parent, storage::Database *db,
                                          const services::ExportOptions &o) {
    const QString path = db->path();
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return services::exportLeads(*db, o); // no second connection can reach it
    qint64 total = o.leadIds.size();
    if (total == 0) {
        const auto all = storage::LeadRepository(*db).count();
        total = all ? *all : 0;
    }
    QProgressDialog progress(QCoreApplication::translate("Mikomi", "Exporting…"),
                             QCoreApplication::translate("Mikomi", "Cancel"), 0,
                             int(qMin<qint64>(total, INT_MAX)), parent);
    progress.setObjectName(QStringLiteral("exportProgress"));
    progress.setWindowTitle(QCoreApplication::translate("Mikomi", "Export"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setValue(0);
    auto job = std::make_shared<ExportJob>();
    QEventLoop loop;
    std::unique_ptr<QThread> thread(QThread::create([job, path, o, &progress] {
        auto conn = storage::Database::open(path);
        if (!conn) {
            job->result = Error{conn.error()};
            return;
        }
        const auto report = [job, &progress](qint64 read) {
            job->read = read;
            if (job->posted.exchange(true))
                return; // the dialog has not shown the last count yet
            QMetaObject::invokeMethod(
                &progress,
                [job, &progress] {
                    job->posted = false;
                    if (progress.wasCanceled())
                        return; // setValue() would show the dialog again
                    const int read = int(qMin<qint64>(job->read.load(), INT_MAX));
                    progress.setLabelText(QCoreApplication::translate(
                        "Mikomi", "Exporting… %Ln lead(s) read.", nullptr, read));
                    progress.setValue(int(qMin<qint64>(job->read, progress.maximum())));
                },
                Qt::QueuedConnection);
        };
        job->result = services::exportLeads(**conn, o, report, &job->cancel);
    }));
    thread->setObjectName(QStringLiteral("mikomi-export"));
    QObject::connect(&progress, &QProgressDialog::canceled, &progress,
                     [job] { job->cancel = true; });
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    thread->start();
    loop.exec();
    job->cancel = true; // when the loop ended early (the application quits), stop soon
    thread->wait();
    // Reports still queued for the dialog must not outlive it.
    QCoreApplication::removePostedEvents(&progress, QEvent::MetaCall);
    if (!job->result)
        return Error{QCoreApplication::translate("Mikomi", "The export stopped unexpectedly.")};
    return std::move(*job->result);
}

bool runImportWizard(QWidget *parent, storage::Database *db, const QString &file) {
    if (!db)
        return false;
    ImportWizard wizard(db, file, parent);
    if (!file.isEmpty())
        wizard.setStartId(ImportWizard::FilePage);
    wizard.exec();
    return wizard.imported();
}

void runExportDialog(QWidget *parent, storage::Database *db, const QList<qint64> &leadIds) {
    if (!db)
        return;
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("Mikomi", "Export"));
    auto *form = new QFormLayout(&dialog);
    auto *format = new QComboBox(&dialog);
    format->addItem(QCoreApplication::translate("Mikomi", "CSV (for Excel and other tools)"), 0);
    format->addItem(QCoreApplication::translate("Mikomi", "vCard 3.0 (address books, phones)"), 1);
    format->addItem(QCoreApplication::translate("Mikomi", "vCard 4.0"), 2);
    auto *encoding = new QComboBox(&dialog);
    for (io::Encoding e : {io::Encoding::Utf8Bom, io::Encoding::Utf8, io::Encoding::Cp932})
        encoding->addItem(io::encodingLabel(e), int(e));
    auto *optedOut =
        new QCheckBox(QCoreApplication::translate(
                          "Mikomi", "Also export leads who opted out and anonymous leads"),
                      &dialog);
    form->addRow(QCoreApplication::translate("Mikomi", "Format:"), format);
    form->addRow(QCoreApplication::translate("Mikomi", "Encoding:"), encoding);
    form->addRow(optedOut);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(format, &QComboBox::currentIndexChanged, &dialog,
                     [encoding](int i) { encoding->setEnabled(i == 0); });
    if (dialog.exec() != QDialog::Accepted)
        return;

    services::ExportOptions o;
    const int f = format->currentData().toInt();
    o.format = f == 0 ? services::ExportFormat::Csv : services::ExportFormat::VCard;
    o.vcardVersion = f == 2 ? io::VCardVersion::V40 : io::VCardVersion::V30;
    o.encoding = io::Encoding(encoding->currentData().toInt());
    o.includeOptedOut = optedOut->isChecked();
    o.leadIds = leadIds;
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency());
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool csv = o.format == services::ExportFormat::Csv;
    o.path = getSaveFileName(
        parent, QCoreApplication::translate("Mikomi", "Export"),
        QDir(dir).filePath(csv ? QStringLiteral("leads.csv") : QStringLiteral("leads.vcf")),
        csv ? QCoreApplication::translate("Mikomi", "CSV files (*.csv)")
            : QCoreApplication::translate("Mikomi", "vCard files (*.vcf)"));
    if (o.path.isEmpty())
        return;
    auto s = runExport(parent, db, o);
    if (s && s->cancelled)
        return; // nothing written; the user knows
    if (!s) {
        QMessageBox::warning(parent, QCoreApplication::translate("Mikomi", "Export"), s.error());
        return;
    }
    if (!s->errors.isEmpty()) {
        QStringList lines;
        for (const services::ExportError &e : s->errors)
            lines << services::describeExportError(e);
        QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("Mikomi", "Export"),
                        QCoreApplication::translate(
                            "Mikomi",
                            "Nothing was written: some values cannot be saved in this encoding. "
                            "Export in UTF-8, or change these values:"),
                        QMessageBox::Ok, parent);
        box.setDetailedText(lines.join(u'\n'));
        box.exec();
        return;
    }
    QString text =
        QCoreApplication::translate("Mikomi", "%n lead(s) exported.", nullptr, int(s->written));
    if (s->leftOut > 0)
        text += u'\n' + QCoreApplication::translate(
                            "Mikomi", "%n lead(s) who opted out or are anonymous were left out.",
                            nullptr, int(s->leftOut));
    QMessageBox::information(parent, QCoreApplication::translate("Mikomi", "Export"), text);
}

bool isImportableFile(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") ||
           suffix == QLatin1String("txt") || suffix == QLatin1String("vcf");
}

} // namespace mikomi::ui
