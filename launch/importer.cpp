#include "importer.h"

#include "jsontext.h"
#include "launch/runrecord.h"
#include "tfevents.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct ImportText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::ImportText)
};

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

// --- TrainyardTracker JSONL ------------------------------------------------------------------------------

bool readJsonl(const QString &file, const ImportSink &sink, QString *error) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(error, u"%1: %2"_s.arg(file, f.errorString()));
    // Read and check everything first: a bad line imports nothing.
    ImportedRun run;
    run.source = QFileInfo(file).absoluteFilePath();
    run.name = QFileInfo(file).completeBaseName();
    run.createdMs = QFileInfo(file).lastModified().toMSecsSinceEpoch();
    int lineNo = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(line, &pe).object();
        auto bad = [&](const QString &why) {
            return fail(
                error,
                ImportText::tr("%1:%2: error: %3; nothing was imported").arg(file).arg(lineNo).arg(why));
        };
        if (pe.error != QJsonParseError::NoError)
            return bad(ImportText::tr("not a JSON object (%1)").arg(pe.errorString()));
        const QString type = o.value(u"type"_s).toString();
        if (type == u"run"_s) {
            run.name = o.value(u"name"_s).toString(run.name);
            run.createdMs = qint64(o.value(u"created_ms"_s).toDouble(double(run.createdMs)));
            run.config = o.value(u"config"_s).toString();
        } else if (type == u"params"_s) {
            const QJsonObject p = o.value(u"params"_s).toObject();
            for (auto it = p.begin(); it != p.end(); ++it)
                run.params.insert(it.key(), jsonText(it.value()));
        } else if (type == u"point"_s) {
            const QJsonValue key = o.value(u"key"_s), step = o.value(u"step"_s), value = o.value(u"value"_s);
            if (!key.isString() || key.toString().isEmpty())
                return bad(ImportText::tr("a point needs a \"key\" string"));
            if (!step.isDouble() || step.toDouble() != std::floor(step.toDouble()))
                return bad(ImportText::tr("\"step\" must be an integer"));
            double v = NAN;
            if (value.isDouble())
                v = value.toDouble();
            else if (value.isString() &&
                     (value.toString() == u"nan"_s || value.toString().endsWith(u"inf"_s)))
                v = value.toString() == u"nan"_s ? NAN
                                                 : (value.toString().startsWith(u'-') ? -INFINITY : INFINITY);
            else
                return bad(ImportText::tr("\"value\" must be a number"));
            run.points[o.value(u"rank"_s).toInt()].push_back(IncomingPoint{
                key.toString(), qint64(step.toDouble()), v, qint64(o.value(u"wall_ms"_s).toDouble())});
        } else {
            return bad(ImportText::tr("unknown line type \"%1\"").arg(type));
        }
    }
    return sink(run, error);
}

// --- TensorBoard -----------------------------------------------------------------------------------------

QStringList eventFilesIn(const QString &folder) {
    QStringList files;
    const QStringList names = QDir(folder).entryList({u"events.out.tfevents.*"_s}, QDir::Files, QDir::Name);
    for (const QString &n : names)
        if (tb::isEventFileName(n))
            files << QDir(folder).filePath(n);
    return files;
}

// Reads the event files of one folder (in name order: the order their writers started) as one run.
bool readEventFolder(const QString &name, const QString &folder, const QStringList &files,
                     const ImportSink &sink, QStringList *problems, QString *error) {
    tb::EventData data;
    for (const QString &file : files) {
        tb::EventFileReader reader(file);
        QString e;
        if (!reader.poll(data, problems, &e)) {
            if (problems)
                problems->append(e);
            continue;
        }
        if (reader.tailBytes() > 0 && problems)
            problems->append(ImportText::tr("%1: offset %2: the last record is cut off (%3 bytes); skipped")
                                 .arg(file)
                                 .arg(reader.offset())
                                 .arg(reader.tailBytes()));
    }
    if (data.scalars.empty() && data.hparams.isEmpty()) {
        if (problems)
            problems->append(ImportText::tr("%1: no scalar in its event files; not imported").arg(folder));
        return true;
    }
    ImportedRun run;
    run.name = name;
    run.source = QFileInfo(folder).absoluteFilePath();
    run.createdMs = run.startedMs = data.firstWallMs;
    run.endedMs = data.lastWallMs;
    if (!run.createdMs)
        run.createdMs = QFileInfo(files.value(0)).lastModified().toMSecsSinceEpoch();
    run.params = data.hparams;
    run.tags.insert(u"imported_from"_s, u"tensorboard"_s);
    run.tags.insert(u"source"_s, run.source);
    std::vector<IncomingPoint> &points = run.points[0];
    points.reserve(data.scalars.size());
    for (tb::Scalar &s : data.scalars)
        points.push_back(IncomingPoint{std::move(s.tag), s.step, s.value, s.wallMs});
    data.scalars = {};
    return sink(run, error);
}

bool readTensorBoard(const QString &path, const ImportSink &sink, QStringList *problems, QString *error) {
    const QFileInfo info(path);
    if (info.isFile()) {
        const QString folder = info.absolutePath();
        return readEventFolder(QFileInfo(folder).fileName(), folder, {info.absoluteFilePath()}, sink,
                               problems, error);
    }
    // Every folder that holds event files is a run, named by its path inside the logdir.
    const QDir root(info.absoluteFilePath());
    QStringList folders;
    if (!eventFilesIn(root.path()).isEmpty())
        folders << root.path();
    QDirIterator it(root.path(), QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString folder = it.next();
        if (!eventFilesIn(folder).isEmpty())
            folders << folder;
    }
    std::sort(folders.begin(), folders.end());
    for (const QString &folder : std::as_const(folders)) {
        const QString rel = root.relativeFilePath(folder);
        const QString name = rel == u"."_s ? root.dirName() : rel;
        if (!readEventFolder(name, folder, eventFilesIn(folder), sink, problems, error))
            return false;
    }
    return true;
}

bool hasEventFiles(const QString &folder) {
    if (!eventFilesIn(folder).isEmpty())
        return true;
    QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (!eventFilesIn(it.next()).isEmpty())
            return true;
    return false;
}

// --- MLflow file store -----------------------------------------------------------------------------------

std::optional<YAML::Node> loadYaml(const QString &file, QStringList *problems) {
    try {
        return YAML::LoadFile(QFile::encodeName(file).toStdString());
    } catch (const YAML::Exception &e) {
        if (problems)
            problems->append(ImportText::tr("%1: %2; skipped").arg(file, QString::fromStdString(e.what())));
        return std::nullopt;
    }
}

QString yamlText(const YAML::Node &node, const char *key) {
    try {
        const YAML::Node v = node[key];
        return v && v.IsScalar() ? QString::fromStdString(v.as<std::string>()) : QString();
    } catch (const YAML::Exception &) {
        return QString();
    }
}

// Files under folder, keyed by their path inside it ('/' separates a nested key, as MLflow stores "a/b").
QMap<QString, QString> filesUnder(const QString &folder) {
    QMap<QString, QString> out;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        out.insert(QDir(folder).relativeFilePath(file), file);
    }
    return out;
}

QString fileText(const QString &file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.read(1 << 20)) : QString();
}

QString mlflowStatus(const QString &code) {
    static const QMap<QString, QString> names{{u"1"_s, u"RUNNING"_s},
                                              {u"2"_s, u"SCHEDULED"_s},
                                              {u"3"_s, u"FINISHED"_s},
                                              {u"4"_s, u"FAILED"_s},
                                              {u"5"_s, u"KILLED"_s}};
    return names.value(code, code);
}

bool readMlflowRun(const QString &experimentName, const QString &folder, const YAML::Node &meta,
                   const ImportSink &sink, QStringList *problems, QString *error) {
    ImportedRun run;
    run.source = QFileInfo(folder).absoluteFilePath();
    const QString runId =
        yamlText(meta, "run_id").isEmpty() ? yamlText(meta, "run_uuid") : yamlText(meta, "run_id");
    run.startedMs = run.createdMs = yamlText(meta, "start_time").toLongLong();
    run.endedMs = yamlText(meta, "end_time").toLongLong();
    const QMap<QString, QString> params = filesUnder(folder + u"/params"_s);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        run.params.insert(it.key(), fileText(it.value()));
    const QMap<QString, QString> tags = filesUnder(folder + u"/tags"_s);
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        run.tags.insert(it.key(), fileText(it.value()));
    run.name = yamlText(meta, "run_name");
    if (run.name.isEmpty())
        run.name = run.tags.value(u"mlflow.runName"_s);
    if (run.name.isEmpty())
        run.name = runId;
    run.tags.insert(u"imported_from"_s, u"mlflow"_s);
    run.tags.insert(u"source"_s, run.source);
    run.tags.insert(u"mlflow.run_id"_s, runId);
    run.tags.insert(u"mlflow.experiment"_s, experimentName);
    run.tags.insert(u"mlflow.status"_s, mlflowStatus(yamlText(meta, "status")));
    std::vector<IncomingPoint> &points = run.points[0];
    const QMap<QString, QString> metrics = filesUnder(folder + u"/metrics"_s);
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) {
        QFile f(it.value());
        if (!f.open(QIODevice::ReadOnly)) {
            if (problems)
                problems->append(u"%1: %2"_s.arg(it.value(), f.errorString()));
            continue;
        }
        // "TIMESTAMP_MS VALUE [STEP]" per line (the step came in MLflow 1.x; older files have none: step 0).
        int lineNo = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            ++lineNo;
            if (line.isEmpty())
                continue;
            const QList<QByteArray> words = line.simplified().split(' ');
            bool okTime = false, okStep = true;
            const qint64 wall = words.value(0).toLongLong(&okTime);
            const qint64 step = words.size() > 2 ? words[2].toLongLong(&okStep) : 0;
            char *end = nullptr;
            const QByteArray valueText = words.value(1);
            const double value = std::strtod(valueText.constData(), &end);
            if (words.size() < 2 || words.size() > 3 || !okTime || !okStep || valueText.isEmpty() ||
                end != valueText.constData() + valueText.size()) {
                if (problems)
                    problems->append(ImportText::tr("%1:%2: not \"TIMESTAMP VALUE STEP\"; line skipped")
                                         .arg(it.value())
                                         .arg(lineNo));
                continue;
            }
            points.push_back(IncomingPoint{it.key(), step, value, wall});
        }
    }
    return sink(run, error);
}

bool isMlflowStore(const QString &folder) {
    const QStringList subs = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &s : subs) {
        const QString meta = folder + u'/' + s + u"/meta.yaml"_s;
        if (QFileInfo::exists(meta) && fileText(meta).contains(u"artifact_location"_s))
            return true;
    }
    return false;
}

bool readMlflow(const QString &path, const ImportSink &sink, QStringList *problems, QString *error) {
    const QDir root(path);
    const QStringList experiments = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &e : experiments) {
        if (e.startsWith(u'.')) // .trash: what MLflow deleted
            continue;
        const QString expFolder = root.filePath(e);
        if (!QFileInfo::exists(expFolder + u"/meta.yaml"_s))
            continue;
        const std::optional<YAML::Node> expMeta = loadYaml(expFolder + u"/meta.yaml"_s, problems);
        if (!expMeta)
            continue;
        if (yamlText(*expMeta, "lifecycle_stage") == u"deleted"_s)
            continue;
        const QString experimentName = yamlText(*expMeta, "name").isEmpty() ? e : yamlText(*expMeta, "name");
        const QStringList runs = QDir(expFolder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &r : runs) {
            const QString runFolder = expFolder + u'/' + r;
            if (!QFileInfo::exists(runFolder + u"/meta.yaml"_s))
                continue; // not a run (models/, datasets/ of newer stores)
            const std::optional<YAML::Node> meta = loadYaml(runFolder + u"/meta.yaml"_s, problems);
            if (!meta || (yamlText(*meta, "run_id").isEmpty() && yamlText(*meta, "run_uuid").isEmpty()))
                continue;
            if (yamlText(*meta, "lifecycle_stage") == u"deleted"_s)
                continue;
            if (!readMlflowRun(experimentName, runFolder, *meta, sink, problems, error))
                return false;
        }
    }
    return true;
}

} // namespace

qint64 ImportedRun::pointCount() const {
    qint64 n = 0;
    for (const auto &pts : points)
        n += qint64(pts.size());
    return n;
}

std::optional<ImportFormat> detectImportFormat(const QString &path, QString *error) {
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(error, ImportText::tr("%1: no such file or folder").arg(path));
        return std::nullopt;
    }
    if (info.isFile())
        return tb::isEventFileName(info.fileName()) ? ImportFormat::TensorBoard : ImportFormat::TrackerJsonl;
    if (isMlflowStore(info.absoluteFilePath()))
        return ImportFormat::Mlflow;
    if (hasEventFiles(info.absoluteFilePath()))
        return ImportFormat::TensorBoard;
    fail(error,
         ImportText::tr("%1: neither a TensorBoard logdir (no events.out.tfevents.* file under it) nor an "
                        "MLflow store (no experiment folder with a meta.yaml)")
             .arg(path));
    return std::nullopt;
}

bool readImport(const QString &path, ImportFormat format, const ImportSink &sink, QStringList *problems,
                QString *error) {
    switch (format) {
    case ImportFormat::TrackerJsonl:
        return readJsonl(path, sink, error);
    case ImportFormat::TensorBoard:
        return readTensorBoard(path, sink, problems, error);
    case ImportFormat::Mlflow:
        return readMlflow(path, sink, problems, error);
    }
    return false;
}

QString storeImportedRun(StoreWriter &w, const ImportedRun &run, QString *error) {
    if (!w.begin(error))
        return QString();
    RunRow row;
    row.name = run.name;
    row.status = RunStatus::Imported;
    row.createdMs = run.createdMs;
    row.startedMs = run.startedMs;
    row.endedMs = run.endedMs;
    row.config = run.config;
    // A run id is the second and 16 random bits: runs imported by the thousand meet, and take another.
    qint64 id = 0;
    for (int attempt = 0; attempt < 32 && !id; ++attempt) {
        row.uid = newRunId();
        QString e;
        id = w.createRun(row, &e);
        if (!id && (!e.contains(u"UNIQUE"_s) || attempt == 31)) {
            if (error)
                *error = e;
            break;
        }
    }
    bool ok = id != 0 && w.setParams(id, run.params, error) && w.setTags(id, run.tags, error);
    // The writer keys the points once per call and finds each key's series once for the whole run.
    for (auto it = run.points.cbegin(); ok && it != run.points.cend(); ++it)
        ok = w.appendPoints(id, it.key(), it.value(), std::nullopt, error);
    ok = ok && w.commit(error);
    if (!ok) {
        w.rollback();
        return QString();
    }
    return row.uid;
}

bool importRuns(const QString &databasePath, const QString &path, QList<ImportedSummary> *imported,
                QStringList *problems, QString *error) {
    const std::optional<ImportFormat> format = detectImportFormat(path, error);
    if (!format)
        return false;
    StoreWriter w;
    if (!w.open(databasePath, error))
        return false;
    // Reading (files, checks, decoding) on a thread of its own while this one stores: at most two runs wait
    // in between, so memory stays that of three runs whatever the logdir holds.
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<ImportedRun> ready;
    bool readDone = false, storeFailed = false, readOk = true;
    QString readError, storeError;
    QStringList readProblems;
    std::thread reader([&] {
        readOk = readImport(
            path, *format,
            [&](ImportedRun &run, QString *) {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return ready.size() < 2 || storeFailed; });
                if (storeFailed)
                    return false;
                ready.push_back(std::move(run));
                changed.notify_all();
                return true;
            },
            &readProblems, &readError);
        std::lock_guard lock(mutex);
        readDone = true;
        changed.notify_all();
    });
    while (true) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !ready.empty() || readDone; });
        if (ready.empty())
            break;
        ImportedRun run = std::move(ready.front());
        ready.pop_front();
        changed.notify_all();
        lock.unlock();
        const QString uid = storeImportedRun(w, run, &storeError);
        if (uid.isEmpty()) {
            lock.lock();
            storeFailed = true;
            changed.notify_all();
            break;
        }
        if (imported)
            imported->append(ImportedSummary{uid, run.name, run.source, run.pointCount()});
    }
    reader.join();
    if (problems)
        problems->append(readProblems);
    if (storeFailed || !readOk) {
        if (error)
            *error = storeFailed ? storeError : readError;
        return false;
    }
    return true;
}

} // namespace trainyard
