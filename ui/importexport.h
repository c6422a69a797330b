#pragma once

#include "models/services/exporter.h"

#include <QList>
#include <QString>

class QWidget;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// The import wizard (CSV leads/spend/touchpoints, vCard) for `file` ("" = ask for one).
// Returns true when something was imported, so the pages reload.
bool runImportWizard(QWidget *parent, storage::Database *db, const QString &file = QString());
// Export of leads (CSV or vCard). `leadIds` empty = all leads the user may export.
void runExportDialog(QWidget *parent, storage::Database *db, const QList<qint64> &leadIds = {});
// Writes the export on a thread of its own (the window keeps painting) behind a progress dialog
// with Cancel; a cancelled export writes nothing (summary.cancelled).
Result<services::ExportSummary> runExport(QWidget *parent, storage::Database *db,
                                          const services::ExportOptions &options);
// True when `path` is a file the import wizard takes (drag and drop onto the window).
bool isImportableFile(const QString &path);

} // namespace mikomi::ui
