#include "ui/importexport.h"

#include "models/appsettings.h"
#include "models/services/exporter.h"
#include "models/storage/repositories.h"
#include "ui/filedialogs.h"
#include "ui/importwizard.h"
#include "ui/messagebox.h"

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
    const QString path = db->location();
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return services::exportLeads(*db, o); // no second connection can reach it
    qint64 total = o.leadIds.size();
    if (total == 0) {
        const auto all = storage::LeadRepository(*db).count();
        total = all ? *all : 0;
    }
    QProgressDialog progress(QCoreApplication::translate("mikomi::ui::ImportExport", "Exporting…"),
                             QCoreApplication::translate("mikomi::ui::ImportExport", "Cancel"), 0,
                             int(qMin<qint64>(total, INT_MAX)), parent);
    progress.setObjectName(QStringLiteral("exportProgress"));
    progress.setWindowTitle(QCoreApplication::translate("mikomi::ui::ImportExport", "Export"));
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
                        "mikomi::ui::ImportExport", "Exporting… %Ln lead(s) read.", nullptr, read));
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
        return Error{QCoreApplication::translate("mikomi::ui::ImportExport",
                                                 "The export stopped unexpectedly.")};
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

namespace {

// The export finished, but some cells of the Shift_JIS file hold 〓: say which, and where the
// complete file is.
void showReplacements(QWidget *parent, const QString &path, const services::ExportSummary &s,
                      const QString &exported) {
    qsizetype characters = 0;
    QStringList lines;
    for (const services::ExportReplacement &r : s.replaced) {
        characters += r.characters.size();
        lines << services::describeExportReplacement(r);
    }
    QMessageBox box(
        QMessageBox::Warning, QCoreApplication::translate("mikomi::ui::ImportExport", "Export"),
        exported + u'\n' +
            QCoreApplication::translate(
                "mikomi::ui::ImportExport",
                "%1 was written with 〓 in place of %n character(s) that Shift_JIS (CP932) "
                "cannot hold; the complete export, in UTF-8, is %2.",
                nullptr, int(characters))
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(s.losslessPath)),
        QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("exportReplacements"));
    box.setInformativeText(QCoreApplication::translate(
        "mikomi::ui::ImportExport", "%n value(s) changed; the details list each one.", nullptr,
        int(s.replaced.size())));
    box.setDetailedText(lines.join(u'\n'));
    MessageBox::exec(box);
}

} // namespace

void runExportDialog(QWidget *parent, storage::Database *db, const QList<qint64> &leadIds) {
    if (!db)
        return;
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("mikomi::ui::ImportExport", "Export"));
    auto *form = new QFormLayout(&dialog);
    auto *format = new QComboBox(&dialog);
    // The data is {format, vCard version}.
    format->addItem(
        QCoreApplication::translate("mikomi::ui::ImportExport", "CSV (for Excel and other tools)"),
        QVariantList{int(services::ExportFormat::Csv), 0});
    format->addItem(QCoreApplication::translate("mikomi::ui::ImportExport",
                                                "vCard 3.0 (address books, phones)"),
                    QVariantList{int(services::ExportFormat::VCard), int(io::VCardVersion::V30)});
    format->addItem(QCoreApplication::translate("mikomi::ui::ImportExport", "vCard 4.0"),
                    QVariantList{int(services::ExportFormat::VCard), int(io::VCardVersion::V40)});
    format->addItem(QCoreApplication::translate("mikomi::ui::ImportExport",
                                                "vCard 2.1, Shift_JIS (older Japanese phones)"),
                    QVariantList{int(services::ExportFormat::VCard), int(io::VCardVersion::V21)});
    format->setObjectName(QStringLiteral("exportFormat"));
    auto *encoding = new QComboBox(&dialog);
    for (io::Encoding e : {io::Encoding::Utf8Bom, io::Encoding::Utf8, io::Encoding::Cp932})
        encoding->addItem(io::encodingLabel(e), int(e));
    auto *optedOut = new QCheckBox(
        QCoreApplication::translate("mikomi::ui::ImportExport",
                                    "Also export leads who opted out and anonymous leads"),
        &dialog);
    form->addRow(QCoreApplication::translate("mikomi::ui::ImportExport", "Format:"), format);
    form->addRow(QCoreApplication::translate("mikomi::ui::ImportExport", "Encoding:"), encoding);
    form->addRow(optedOut);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    // A vCard's encoding follows from its version (2.1 Shift_JIS, else UTF-8): shown, not chosen;
    // the CSV's choice comes back when CSV is picked again.
    encoding->setObjectName(QStringLiteral("exportEncoding"));
    auto csvEncoding = std::make_shared<int>(0);
    QObject::connect(
        format, &QComboBox::currentIndexChanged, &dialog, [format, encoding, csvEncoding](int) {
            const QVariantList f = format->currentData().toList();
            const bool csv =
                services::ExportFormat(f.value(0).toInt()) == services::ExportFormat::Csv;
            if (encoding->isEnabled())
                *csvEncoding = encoding->currentIndex();
            encoding->setEnabled(csv);
            if (csv) {
                encoding->setCurrentIndex(*csvEncoding);
                return;
            }
            const bool v21 = io::VCardVersion(f.value(1).toInt()) == io::VCardVersion::V21;
            encoding->setCurrentIndex(
                encoding->findData(int(v21 ? io::Encoding::Cp932 : io::Encoding::Utf8)));
        });
    if (dialog.exec() != QDialog::Accepted)
        return;

    services::ExportOptions o;
    const QVariantList f = format->currentData().toList();
    o.format = services::ExportFormat(f.value(0).toInt());
    o.vcardVersion = io::VCardVersion(f.value(1).toInt());
    o.encoding = io::Encoding(encoding->currentData().toInt());
    o.includeOptedOut = optedOut->isChecked();
    o.leadIds = leadIds;
    o.minorUnitsPerMajor = minorUnits(AppSettings().currency());
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool csv = o.format == services::ExportFormat::Csv;
    o.path = getSaveFileName(
        parent, QCoreApplication::translate("mikomi::ui::ImportExport", "Export"),
        QDir(dir).filePath(csv ? QStringLiteral("leads.csv") : QStringLiteral("leads.vcf")),
        csv ? QCoreApplication::translate("mikomi::ui::ImportExport", "CSV files (*.csv)")
            : QCoreApplication::translate("mikomi::ui::ImportExport", "vCard files (*.vcf)"));
    if (o.path.isEmpty())
        return;
    auto s = runExport(parent, db, o);
    if (s && s->cancelled)
        return; // nothing written; the user knows
    if (!s) {
        MessageBox::warning(
            parent, QCoreApplication::translate("mikomi::ui::ImportExport", "Export"), s.error());
        return;
    }
    QString text = QCoreApplication::translate("mikomi::ui::ImportExport", "%n lead(s) exported.",
                                               nullptr, int(s->written));
    if (s->leftOut > 0)
        text += u'\n' + QCoreApplication::translate(
                            "mikomi::ui::ImportExport",
                            "%n lead(s) who opted out or are anonymous were left out.", nullptr,
                            int(s->leftOut));
    if (!s->replaced.isEmpty()) {
        showReplacements(parent, o.path, *s, text);
        return;
    }
    MessageBox::information(
        parent, QCoreApplication::translate("mikomi::ui::ImportExport", "Export"), text);
}

bool isImportableFile(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") ||
           suffix == QLatin1String("txt") || suffix == QLatin1String("vcf");
}

} // namespace mikomi::ui
