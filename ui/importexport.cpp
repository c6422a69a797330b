#include "ui/importexport.h"

#include "models/appsettings.h"
#include "models/services/exporter.h"
#include "ui/importwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMessageBox>
#include <QStandardPaths>

namespace mikomi::ui {
namespace {} // namespace

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
    o.path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("Mikomi", "Export"),
        QDir(dir).filePath(csv ? QStringLiteral("leads.csv") : QStringLiteral("leads.vcf")),
        csv ? QCoreApplication::translate("Mikomi", "CSV files (*.csv)")
            : QCoreApplication::translate("Mikomi", "vCard files (*.vcf)"));
    if (o.path.isEmpty())
        return;
    auto s = services::exportLeads(*db, o);
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
