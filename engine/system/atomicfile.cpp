#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct AtomicText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::AtomicText)
};

QString reason(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}
} // namespace

AtomicFile::AtomicFile(QString path, std::optional<unsigned> mode, QObject *parent)
    : QIODevice(parent)
    , m_path(std::move(path))
    , m_mode(mode) {}

AtomicFile::~AtomicFile() {
    discard();
}

bool AtomicFile::fail(const QString &why) {
    m_failed = true;
    setErrorString(AtomicText::tr("cannot write %1: %2").arg(m_path, why));
    return false;
}

bool AtomicFile::open(OpenMode mode) {
    if (isOpen() || !(mode & WriteOnly) || (mode & ReadOnly) || (mode & Append))
        return fail(AtomicText::tr("only a new whole file can be written"));
    const QFileInfo target(m_path);
    QByteArray temp =
        QFile::encodeName(target.absolutePath() + u"/."_s + target.fileName() + u".trainyard-XXXXXX"_s);
    m_fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (m_fd < 0)
        return fail(reason(errno));
    m_temp = QFile::decodeName(temp);
    // The target's permissions, or what a plain create would give, or those asked for.
    unsigned perms = 0;
    struct stat st {};
    if (m_mode) {
        perms = *m_mode;
    } else if (::stat(QFile::encodeName(m_path).constData(), &st) == 0) {
        perms = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        perms = 0666 & ~mask;
    }
    if (::fchmod(m_fd, mode_t(perms)) != 0) {
        const int e = errno;
        discard();
        return fail(reason(e));
    }
    m_failed = false;
    return QIODevice::open(mode | Unbuffered);
}

qint64 AtomicFile::readData(char *, qint64) {
    return -1;
}

qint64 AtomicFile::writeData(const char *data, qint64 size) {
    if (m_fd < 0 || m_failed)
        return -1;
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(m_fd, data + done, size_t(size - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fail(reason(n < 0 ? errno : ENOSPC));
            return -1;
        }
        done += n;
    }
    return done;
}

bool AtomicFile::commit() {
    if (m_fd < 0)
        return fail(AtomicText::tr("the file was not opened"));
    if (m_failed) {
        const QString kept = errorString();
        discard();
        setErrorString(kept);
        return false;
    }
    if (::fsync(m_fd) != 0) {
        const int e = errno;
        discard();
        return fail(reason(e));
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(QFile::encodeName(m_temp).constData());
        m_temp.clear();
        QIODevice::close();
        return fail(reason(e));
    }
    if (::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_path).constData()) != 0) {
        const int e = errno;
        ::unlink(QFile::encodeName(m_temp).constData());
        m_temp.clear();
        QIODevice::close();
        return fail(reason(e));
    }
    m_temp.clear();
    QIODevice::close();
    // The rename itself reaches the disk with the folder's entry.
    const int dir = ::open(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

void AtomicFile::discard() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temp.isEmpty()) {
        ::unlink(QFile::encodeName(m_temp).constData());
        m_temp.clear();
    }
    if (isOpen())
        QIODevice::close();
}

bool makePrivateFolder(const QString &path) {
    const QString absolute = QDir(path).absolutePath();
    QStringList missing;
    for (QString p = absolute; !p.isEmpty() && !QFileInfo::exists(p);) {
        missing.prepend(p);
        const QString parent = QFileInfo(p).absolutePath();
        if (parent == p)
            break;
        p = parent;
    }
    for (const QString &p : std::as_const(missing))
        if (::mkdir(QFile::encodeName(p).constData(), 0700) != 0 && errno != EEXIST)
            return false;
    return QFileInfo(absolute).isDir();
}

bool createPrivateFile(const QString &path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    return errno == EEXIST;
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         std::optional<unsigned> mode) {
    AtomicFile f(path, mode);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace trainyard
