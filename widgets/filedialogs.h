// The studio's file dialogs: Qt's own, with icons that never read the files they list. Qt's file dialogs
// guess each listed file's type by reading its first bytes (QMimeDatabase), and a process that opens and
// closes the run database's files outside SQLite loses every POSIX lock it holds on them (closing any
// descriptor of a file drops the process's locks). With the studio's locks gone, the next command's last
// connection took itself for the only one and deleted the -shm index the studio still mapped; from then on
// every connection the studio opened read through a stale index ("database disk image is malformed", or old
// rows) until it restarted (issue 28, item 0). Same arguments as QFileDialog's static functions.
#pragma once

#include <QFileDialog>
#include <QFileIconProvider>

namespace trainyard {

// Icons (the style's folder and file icons) and type names from what the file system says and the file's
// name, never its contents.
class ListedFileIcons : public QFileIconProvider {
public:
    using QFileIconProvider::icon;
    QIcon icon(const QFileInfo &info) const override;
    QString type(const QFileInfo &info) const override;
};

namespace fileDialogs {
QString getOpenFileName(QWidget *parent = nullptr, const QString &caption = {}, const QString &dir = {},
                        const QString &filter = {}, QString *selectedFilter = nullptr,
                        QFileDialog::Options options = {});
QString getSaveFileName(QWidget *parent = nullptr, const QString &caption = {}, const QString &dir = {},
                        const QString &filter = {}, QString *selectedFilter = nullptr,
                        QFileDialog::Options options = {});
QString getExistingDirectory(QWidget *parent = nullptr, const QString &caption = {}, const QString &dir = {},
                             QFileDialog::Options options = QFileDialog::ShowDirsOnly);
} // namespace fileDialogs

} // namespace trainyard
