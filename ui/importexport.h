#pragma once

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
// True when `path` is a file the import wizard takes (drag and drop onto the window).
bool isImportableFile(const QString &path);

} // namespace mikomi::ui
