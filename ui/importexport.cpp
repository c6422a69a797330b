#include "ui/importexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>

namespace mikomi::ui {

// Filled in by the import/export work; until then these say so plainly.
bool runImportWizard(QWidget *parent, storage::Database *, const QString &) {
    QMessageBox::information(
        parent, QCoreApplication::translate("Mikomi", "Import"),
        QCoreApplication::translate("Mikomi", "Import is coming in a later version of Mikomi."));
    return false;
}

void runExportDialog(QWidget *parent, storage::Database *, const QList<qint64> &) {
    QMessageBox::information(
        parent, QCoreApplication::translate("Mikomi", "Export"),
        QCoreApplication::translate("Mikomi", "Export is coming in a later version of Mikomi."));
}

bool isImportableFile(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") ||
           suffix == QLatin1String("txt") || suffix == QLatin1String("vcf");
}

} // namespace mikomi::ui
