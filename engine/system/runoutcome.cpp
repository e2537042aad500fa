#include "runoutcome.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

QString RunOutcomeFile::pathIn(const QString &runDir) {
    return QDir(runDir).filePath(u"outcome.json"_s);
}

static QString systemError(const QString &path, int e) {
    return u"%1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(e)));
}

bool RunOutcomeFile::reserve(const QString &runDir, QString *error) {
    const QString path = pathIn(runDir);
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = systemError(path, errno);
        return false;
    }
    // Blanks written (not only allocated): the blocks are the file's, so writing over them needs no space.
    const QByteArray blanks(OutcomeBytes, ' ');
    int e = 0;
    if (const int r = ::posix_fallocate(fd, 0, OutcomeBytes); r != 0 && r != EOPNOTSUPP && r != EINVAL)
        e = r;
    if (e == 0 && ::pwrite(fd, blanks.constData(), size_t(blanks.size()), 0) != blanks.size())
        e = errno ? errno : EIO;
    if (e == 0 && ::fsync(fd) != 0)
        e = errno;
    if (::close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0) {
        ::unlink(QFile::encodeName(path).constData());
        if (error)
            *error = systemError(path, e);
        return false;
    }
    m_path = path;
    return true;
}

bool RunOutcomeFile::write(const RunOutcome &o, QString *error) {
    if (m_path.isEmpty()) {
        if (error)
            *error = u"no outcome file was reserved"_s;
        return false;
    }
    const QJsonObject json{{u"status"_s, runStatusName(o.status)},
                           {u"exit_code"_s, o.exitCode},
                           {u"failed_rank"_s, o.failedRank},
                           {u"ended_ms"_s, double(o.endedMs)},
                           {u"points_unstored"_s, double(o.pointsUnstored)},
                           {u"error"_s, o.error.left(1024)}};
    QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (bytes.size() > OutcomeBytes) {
        if (error)
            *error = u"%1: the outcome is longer than its %2 bytes"_s.arg(m_path).arg(OutcomeBytes);
        return false;
    }
    bytes.append(QByteArray(OutcomeBytes - bytes.size(), ' ')); // over the same bytes: no new space
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC);
    int e = fd < 0 ? errno : 0;
    if (e == 0 && ::pwrite(fd, bytes.constData(), size_t(bytes.size()), 0) != bytes.size())
        e = errno ? errno : EIO;
    if (e == 0 && ::fdatasync(fd) != 0)
        e = errno;
    if (fd >= 0 && ::close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0 && error)
        *error = systemError(m_path, e);
    return e == 0;
}

void RunOutcomeFile::release() {
    if (!m_path.isEmpty())
        QFile::remove(m_path);
    m_path.clear();
}

std::optional<RunOutcome> RunOutcomeFile::read(const QString &runDir) {
    QFile f(pathIn(runDir));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.read(OutcomeBytes).trimmed()).object();
    const std::optional<RunStatus> status = runStatusFromName(o.value(u"status"_s).toString());
    if (o.isEmpty() || !status) // blanks: the run's record was stored, or is not yet
        return std::nullopt;
    RunOutcome out;
    out.status = *status;
    out.exitCode = o.value(u"exit_code"_s).toInt();
    out.failedRank = o.value(u"failed_rank"_s).toInt(-1);
    out.endedMs = qint64(o.value(u"ended_ms"_s).toDouble());
    out.pointsUnstored = qint64(o.value(u"points_unstored"_s).toDouble());
    out.error = o.value(u"error"_s).toString();
    return out;
}

} // namespace trainyard
