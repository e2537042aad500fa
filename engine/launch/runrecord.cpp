#include "runrecord.h"

#include "config/accelerateconfig.h"
#include "system/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace trainyard {

static QString isoTime(const QDateTime &t) {
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

QJsonObject RunRecord::toJson() const {
    QJsonObject o;
    o[u"id"_s] = id;
    o[u"name"_s] = name;
    o[u"status"_s] = runStatusName(status);
    o[u"created"_s] = isoTime(created);
    o[u"started"_s] = isoTime(started);
    o[u"ended"_s] = isoTime(ended);
    o[u"host"_s] = host;
    o[u"working_directory"_s] = workingDirectory;
    o[u"argv"_s] = QJsonArray::fromStringList(argv);
    QJsonObject e;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e[it.key()] = it.value();
    o[u"env"_s] = e;
    o[u"config_file"_s] = configFile;
    o[u"config"_s] = QString::fromUtf8(configSnapshot);
    o[u"attempts"_s] = attempts;
    if (failedRank >= 0) {
        o[u"failed_rank"_s] = failedRank;
        o[u"failed_exit_code"_s] = failedExitCode;
    }
    // The run's exit code as recorded in the database: the first failing rank's, 130 for a stopped run, 0.
    o[u"exit_code"_s] = failedExitCode;
    QJsonArray rs;
    for (const RankRecord &r : ranks)
        rs.append(QJsonObject{{u"rank"_s, r.rank},
                              {u"pid"_s, r.pid},
                              {u"attempt"_s, r.attempt},
                              {u"state"_s, r.state},
                              {u"exit_code"_s, r.exitCode},
                              {u"signal"_s, r.signal}});
    o[u"ranks"_s] = rs;
    QJsonArray evs;
    for (const RunEvent &ev : events)
        evs.append(QJsonObject{{u"time"_s, isoTime(ev.time)},
                               {u"kind"_s, ev.kind},
                               {u"rank"_s, ev.rank},
                               {u"message"_s, ev.message}});
    o[u"events"_s] = evs;
    if (!slurmJob.isEmpty())
        o[u"slurm_job"_s] = slurmJob;
    if (!machines.isEmpty()) {
        QJsonArray ms;
        for (const MachineRecord &m : machines) {
            QJsonArray ranksOf;
            for (int r : m.ranks)
                ranksOf.append(r);
            ms.append(QJsonObject{{u"machine_rank"_s, m.machineRank},
                                  {u"host"_s, m.host},
                                  {u"hostname"_s, m.hostname},
                                  {u"address"_s, m.address},
                                  {u"ranks"_s, ranksOf},
                                  {u"state"_s, m.state},
                                  {u"exit_code"_s, m.exitCode}});
        }
        o[u"machines"_s] = ms;
    }
    return o;
}

RunRecord RunRecord::fromJson(const QJsonObject &o) {
    RunRecord r;
    r.id = o[u"id"_s].toString();
    r.name = o[u"name"_s].toString();
    r.status = runStatusOr(o[u"status"_s].toString());
    r.created = QDateTime::fromString(o[u"created"_s].toString(), Qt::ISODateWithMs);
    r.started = QDateTime::fromString(o[u"started"_s].toString(), Qt::ISODateWithMs);
    r.ended = QDateTime::fromString(o[u"ended"_s].toString(), Qt::ISODateWithMs);
    r.host = o[u"host"_s].toString();
    r.workingDirectory = o[u"working_directory"_s].toString();
    for (const QJsonValue &v : o[u"argv"_s].toArray())
        r.argv << v.toString();
    const QJsonObject e = o[u"env"_s].toObject();
    for (auto it = e.begin(); it != e.end(); ++it)
        r.env.insert(it.key(), it.value().toString());
    r.configFile = o[u"config_file"_s].toString();
    r.configSnapshot = o[u"config"_s].toString().toUtf8();
    r.attempts = o[u"attempts"_s].toInt();
    r.failedRank = o[u"failed_rank"_s].toInt(-1);
    r.failedExitCode = o[u"exit_code"_s].toInt(o[u"failed_exit_code"_s].toInt());
    for (const QJsonValue &v : o[u"ranks"_s].toArray()) {
        const QJsonObject x = v.toObject();
        r.ranks << RankRecord{x[u"rank"_s].toInt(),      qint64(x[u"pid"_s].toDouble()),
                              x[u"attempt"_s].toInt(),   x[u"state"_s].toString(),
                              x[u"exit_code"_s].toInt(), x[u"signal"_s].toInt()};
    }
    for (const QJsonValue &v : o[u"events"_s].toArray()) {
        const QJsonObject x = v.toObject();
        r.events << RunEvent{QDateTime::fromString(x[u"time"_s].toString(), Qt::ISODateWithMs),
                             x[u"kind"_s].toString(), x[u"rank"_s].toInt(), x[u"message"_s].toString()};
    }
    r.slurmJob = o[u"slurm_job"_s].toString();
    for (const QJsonValue &v : o[u"machines"_s].toArray()) {
        const QJsonObject x = v.toObject();
        MachineRecord m;
        m.machineRank = x[u"machine_rank"_s].toInt();
        m.host = x[u"host"_s].toString();
        m.hostname = x[u"hostname"_s].toString();
        m.address = x[u"address"_s].toString();
        for (const QJsonValue &rv : x[u"ranks"_s].toArray())
            m.ranks << rv.toInt();
        m.state = x[u"state"_s].toString();
        m.exitCode = x[u"exit_code"_s].toInt();
        r.machines << m;
    }
    return r;
}

bool JsonRunRecorder::save(const RunRecord &record, QString *error) {
    // Replaced whole (a full disk keeps the last good record) and readable by its owner only.
    return writeFileAtomically(m_path, QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented), error,
                               0600);
}

bool JsonRunRecorder::load(const QString &path, RunRecord *out, QString *error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = pe.errorString();
        return false;
    }
    *out = RunRecord::fromJson(doc.object());
    return true;
}

namespace {
QString defaultDatabase() {
    return defaultDatabaseFile();
}
} // namespace

QString databasePath(const QString &dbOverride) {
    const QString env = qEnvironmentVariable("TRAINYARD_DB");
    if (!env.isEmpty())
        return env;
    if (!dbOverride.isEmpty())
        return dbOverride;
    return defaultDatabase();
}

QString runsDirectory(const QString &dbOverride) {
    return runsFolderOf(databasePath(dbOverride)); // a URL is never taken for a folder name
}

bool looksSecret(const QString &name) {
    static const QRegularExpression secret(u"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

QString recordedCommandLine(const QString &commandJson) {
    QStringList command;
    for (const QJsonValue &v : QJsonDocument::fromJson(commandJson.toUtf8()).array())
        command << v.toString();
    if (!command.isEmpty() && command.first() != u"trainyard"_s)
        command = QStringList{u"trainyard"_s, u"launch"_s} + command;
    // Words with spaces or shell characters in single quotes.
    static const QRegularExpression plain(u"^[A-Za-z0-9_./:=,+@%-]+$"_s);
    QStringList out;
    for (const QString &w : std::as_const(command))
        out << (plain.match(w).hasMatch() ? w : u"'"_s + QString(w).replace(u"'"_s, u"'\\''"_s) + u"'"_s);
    return out.join(u' ');
}

QStringList redactedCommandLine(const QStringList &argv) {
    QStringList out = argv;
    auto redact = [](const QString &assignment) {
        const qsizetype eq = assignment.indexOf(u'=');
        return eq > 0 && looksSecret(assignment.left(eq)) ? assignment.left(eq + 1) + u"***"_s : assignment;
    };
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out[i] == u"--"_s)
            break; // the script's own words follow
        if (out[i] == u"--env"_s && i + 1 < out.size())
            out[i + 1] = redact(out[i + 1]);
        else if (out[i].startsWith(u"--env="_s))
            out[i] = u"--env="_s + redact(out[i].mid(6));
        else if (out[i] == u"--db"_s && i + 1 < out.size())
            out[i + 1] = withoutPassword(out[i + 1]); // a server's password never reaches the record
        else if (out[i].startsWith(u"--db="_s))
            out[i] = u"--db="_s + withoutPassword(out[i].mid(5));
    }
    return out;
}

QMap<QString, QString> redactedEnvironment(const QMap<QString, QString> &env) {
    QMap<QString, QString> out = env;
    for (auto it = out.begin(); it != out.end(); ++it)
        if (looksSecret(it.key()))
            it.value() = u"***"_s;
    return out;
}

QString newRunId() {
    return QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s) + u'-' +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, u'0');
}

QString runName(const QString &givenName, const QString &script, const QString &runId) {
    if (!givenName.isEmpty())
        return givenName;
    QString base = QFileInfo(script).completeBaseName();
    if (base.isEmpty())
        base = u"run"_s;
    return base + u'-' + runId.right(4);
}

} // namespace trainyard
