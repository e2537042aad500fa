// What names a run database: a SQLite file's path, or a PostgreSQL server's URL (libpq's form). One test for
// both sides of the code (the engine's paths, the storage's connections).
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QUrl>

namespace trainyard {

// postgresql:// or postgres:// (a server, never a file or folder name).
inline bool isServerUrl(const QString &database) {
    return database.startsWith(QLatin1String("postgresql://")) ||
           database.startsWith(QLatin1String("postgres://"));
}

// A server's URL with its password left out (the server is then reached with ~/.pgpass, PGPASSFILE or
// PGPASSWORD): what a Slurm job's script, a run's record and messages may hold. Other text is returned as is.
inline QString withoutPassword(const QString &database) {
    if (!isServerUrl(database))
        return database;
    const QUrl url(database);
    return url.password().isEmpty() ? database : url.adjusted(QUrl::RemovePassword).toString();
}

// The run database when nothing names one: $XDG_DATA_HOME/trainyard/trainyard.db (~/.local/share/...).
inline QString defaultDatabaseFile() {
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty())
        data = QDir::homePath() + QLatin1String("/.local/share");
    return data + QLatin1String("/trainyard/trainyard.db");
}

// The folder of a database's run folders: beside the file; a server's runs keep their files on this machine,
// where the default database's would be.
inline QString runsFolderOf(const QString &database) {
    return QFileInfo(isServerUrl(database) ? defaultDatabaseFile() : database).absolutePath() +
           QLatin1String("/runs");
}

} // namespace trainyard
