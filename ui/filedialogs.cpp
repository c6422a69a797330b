#include "ui/filedialogs.h"

#include <QFileDialog>
#include <QFileIconProvider>
#include <QMimeDatabase>

namespace mikomi::ui {
namespace {

// Icons and type names from the file name alone (QMimeDatabase::MatchExtension never opens it).
class NameOnlyIconProvider final : public QFileIconProvider {
public:
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }
    QIcon icon(const QFileInfo &info) const override {
        if (info.isDir())
            return QFileIconProvider::icon(Folder);
        const QMimeType mime = m_mimes.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
        QIcon themed = QIcon::fromTheme(mime.iconName());
        if (themed.isNull())
            themed = QIcon::fromTheme(mime.genericIconName());
        return themed.isNull() ? QFileIconProvider::icon(File) : themed;
    }
    QString type(const QFileInfo &info) const override {
        if (info.isDir())
            return QFileIconProvider::type(info);
        return m_mimes.mimeTypeForFile(info, QMimeDatabase::MatchExtension).comment();
    }

private:
    QMimeDatabase m_mimes;
};

QString ask(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
            QFileDialog::AcceptMode mode) {
    NameOnlyIconProvider icons;
    QFileDialog dialog(parent, caption, dir, filter);
    dialog.setIconProvider(&icons);
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // A platform dialog (GTK's through the platform theme) runs in this process and ignores the
    // icon provider; it may read the files it lists to guess their type, which would drop the
    // POSIX locks of an open database in that folder. Qt's own dialog is used instead.
    dialog.setOption(QFileDialog::DontUseNativeDialog);
#endif
    dialog.setAcceptMode(mode);
    dialog.setFileMode(mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile
                                                       : QFileDialog::AnyFile);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const QStringList files = dialog.selectedFiles();
    return files.isEmpty() ? QString() : files.first();
}

} // namespace

QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                        const QString &filter) {
    return ask(parent, caption, dir, filter, QFileDialog::AcceptOpen);
}

QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                        const QString &filter) {
    return ask(parent, caption, dir, filter, QFileDialog::AcceptSave);
}

} // namespace mikomi::ui
