// What names a run database: a SQLite file's path, or a PostgreSQL server's URL (libpq's form). One test for
// both sides of the code (the engine's paths, the storage's connections).
#pragma once

#include <QString>

namespace trainyard {

// postgresql:// or postgres:// (a server, never a file or folder name).
inline bool isServerUrl(const QString &database) {
    return database.startsWith(QLatin1String("postgresql://")) ||
           database.startsWith(QLatin1String("postgres://"));
}

} // namespace trainyard
