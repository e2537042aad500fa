#include "filedialogs.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>

namespace trainyard {

QIcon ListedFileIcons::icon(const QFileInfo &info) const {
    return QFileIconProvider::icon(info.isDir() ? Folder : File);
}

QString ListedFileIcons::type(const QFileInfo &info) const {
    if (info.isDir())
        return QCoreApplication::translate("FileDialogs", "Folder");
    // By the name alone (MatchExtension reads nothing); an unknown suffix is said as it is.
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension);
    if (!mime.isDefault())
        return mime.comment().isEmpty() ? mime.name() : mime.comment();
    return info.suffix().isEmpty() ? QCoreApplication::translate("FileDialogs", "File")
                                   : QCoreApplication::translate("FileDialogs", "%1 File").arg(info.suffix());
}

namespace fileDialogs {
namespace {

QString run(QFileDialog &dialog, QString *selectedFilter) {
    static ListedFileIcons icons; // one for the studio's life (the dialogs keep a pointer while open)
    dialog.setOption(QFileDialog::DontUseNativeDialog); // a native dialog would not use these icons
    dialog.setIconProvider(&icons);
    if (selectedFilter && !selectedFilter->isEmpty())
        dialog.selectNameFilter(*selectedFilter);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    if (selectedFilter)
        *selectedFilter = dialog.selectedNameFilter();
    return dialog.selectedFiles().constFirst();
}

} // namespace

QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                        QString *selectedFilter, QFileDialog::Options options) {
    QFileDialog dialog(parent, caption, dir, filter);
    dialog.setOptions(options);
    dialog.setFileMode(QFileDialog::ExistingFile);
    return run(dialog, selectedFilter);
}

QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                        QString *selectedFilter, QFileDialog::Options options) {
    QFileDialog dialog(parent, caption, dir, filter);
    dialog.setOptions(options);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    return run(dialog, selectedFilter);
}

QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir,
                             QFileDialog::Options options) {
    QFileDialog dialog(parent, caption, dir);
    dialog.setOptions(options);
    dialog.setFileMode(QFileDialog::Directory);
    return run(dialog, nullptr);
}

} // namespace fileDialogs
} // namespace trainyard
