#pragma once

#include <QString>

class QWidget;

namespace mikomi::ui {

// QFileDialog::getOpenFileName / getSaveFileName, except that Qt's own dialog (used where the
// desktop offers no native one) never reads the files it lists. Its default icon provider finds
// each file's type by reading its first bytes (QMimeDatabase opens and closes the file), and one
// close() of a descriptor on the open database drops all of this process's SQLite locks on it
// (see models/storage/livefiles.h): browsing the database's folder lost later saves. Here the
// type comes from the file name only. Use these for every file dialog of the app.
QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir = QString(),
                        const QString &filter = QString());
QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir = QString(),
                        const QString &filter = QString());

} // namespace mikomi::ui
