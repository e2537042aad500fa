// Runs from elsewhere into the run database: a TrainyardTracker JSONL file (written outside a launch), a
// TensorBoard logdir or event file (one run per folder that holds event files, named by its path inside the
// logdir), an MLflow file store (mlruns/: experiments, runs with their metrics, params, tags, names and
// times). Every point is kept. The CLI's `runs import` and the studio's File > Import both come here.
#pragma once

#include "store.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace trainyard {

enum class ImportFormat { TrackerJsonl, TensorBoard, Mlflow };

// One run as read, before it is stored.
struct ImportedRun {
    QString name;
    QString source; // the file or folder it came from
    qint64 createdMs = 0, startedMs = 0, endedMs = 0;
    QString config; // the accelerate config it was launched with, when known
    QMap<QString, QString> params, tags;
    QMap<int, std::vector<IncomingPoint>> points; // by rank
    qint64 pointCount() const;
};

// What path holds; nullopt with error (naming the path) when it is none of the three.
std::optional<ImportFormat> detectImportFormat(const QString &path, QString *error);

// Reads path run by run and hands each to sink (which may store it; returning false with error stops).
// problems receives what was skipped (a damaged record with its file and offset, a malformed metric line with
// its file and line). False with error when the input cannot be read at all or sink failed.
using ImportSink = std::function<bool(ImportedRun &run, QString *error)>;
bool readImport(const QString &path, ImportFormat format, const ImportSink &sink, QStringList *problems,
                QString *error);

// Stores one run (status "imported") in one transaction of w; returns its new id, empty with error.
QString storeImportedRun(StoreWriter &w, const ImportedRun &run, QString *error);

struct ImportedSummary {
    QString uid, name, source;
    qint64 points = 0;
};
// detectImportFormat + readImport + storeImportedRun into the database at databasePath: each run is stored
// whole or not at all; a TrackerJsonl file with a bad line imports nothing.
bool importRuns(const QString &databasePath, const QString &path, QList<ImportedSummary> *imported,
                QStringList *problems, QString *error);

} // namespace trainyard
