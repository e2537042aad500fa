#include "tbfollower.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct FollowText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::FollowText)
};
} // namespace

TensorBoardFollower::TensorBoardFollower(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_options.root = QDir(m_options.root).absolutePath();
}

TensorBoardFollower::~TensorBoardFollower() = default;

void TensorBoardFollower::start() {
    m_clock.start();
    m_scanTimer = new QTimer(this);
    m_pollTimer = new QTimer(this);
    connect(m_scanTimer, &QTimer::timeout, this, &TensorBoardFollower::scan);
    connect(m_pollTimer, &QTimer::timeout, this, &TensorBoardFollower::poll);
    m_scanTimer->start(m_options.scanMs);
    m_pollTimer->start(m_options.pollMs);
    scan();
}

void TensorBoardFollower::finish() {
    if (m_scanTimer)
        m_scanTimer->stop();
    if (m_pollTimer)
        m_pollTimer->stop();
    if (!m_clock.isValid())
        m_clock.start();
    scan();
    poll();
    for (File &f : m_files)
        if (f.oldSize < 0 && !ignored(f.reader->path()))
            readFile(f); // those still settling too
}

void TensorBoardFollower::ignoreFolder(const QString &folder) {
    m_ignored.insert(QDir(folder).absolutePath());
}

void TensorBoardFollower::setRankPid(qint64 pid, int rank) {
    m_rankOfPid.insert(pid, rank);
    // A file found before its rank's pid was known.
    for (auto it = m_files.begin(); it != m_files.end(); ++it) {
        const QStringList parts = QFileInfo(it.key()).fileName().split(u'.');
        if (parts.size() > 5 && parts[5].toLongLong() == pid)
            it->rank = rank;
    }
}

bool TensorBoardFollower::ignored(const QString &file) const {
    // A captured writer's folder and the folders below it (add_scalars' and add_hparams' child writers).
    for (QString folder = QFileInfo(file).absolutePath(); !folder.isEmpty();) {
        if (m_ignored.contains(folder))
            return true;
        const qsizetype slash = folder.lastIndexOf(u'/');
        if (slash <= 0 || folder.size() <= m_options.root.size())
            break;
        folder.truncate(slash);
    }
    return false;
}

QString TensorBoardFollower::prefixFor(const QString &folder) const {
    // TensorBoard's own naming: the run is the folder's path under the logdir, the tag within it.
    const QString rel = QDir(m_options.root).relativeFilePath(folder);
    return rel == u"."_s ? QString() : rel + u'/';
}

QStringList TensorBoardFollower::findFiles() {
    QStringList queue{m_options.root};
    QList<int> depths{0};
    int visited = 0;
    QStringList found;
    while (!queue.isEmpty()) {
        const QString folder = queue.takeFirst();
        const int depth = depths.takeFirst();
        if (++visited > m_options.maxFolders) {
            if (!m_limitSaid) {
                m_limitSaid = true;
                Q_EMIT problem(
                    FollowText::tr("TensorBoard: more than %1 folders under %2; event files beyond them "
                                   "are not followed (--tensorboard-dir DIR narrows the search)")
                        .arg(m_options.maxFolders)
                        .arg(m_options.root));
            }
            break;
        }
        const QDir dir(folder);
        const QStringList files = dir.entryList({u"events.out.tfevents.*"_s}, QDir::Files, QDir::Name);
        for (const QString &name : files)
            if (tb::isEventFileName(name))
                found << dir.filePath(name);
        if (depth >= m_options.maxDepth)
            continue;
        const QStringList subs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &s : subs) {
            if (s.startsWith(u'.') || s == u"__pycache__"_s || s == u"node_modules"_s)
                continue;
            queue << dir.filePath(s);
            depths << depth + 1;
        }
    }
    return found;
}

void TensorBoardFollower::scan() {
    QElapsedTimer took;
    took.start();
    const QStringList found = findFiles();
    const qint64 now = m_clock.elapsed();
    for (const QString &path : std::as_const(found)) {
        if (m_files.contains(path))
            continue;
        File f;
        f.reader = std::make_shared<tb::EventFileReader>(path);
        f.prefix = prefixFor(QFileInfo(path).absolutePath());
        f.foundMs = now;
        // Only the first scan can meet an earlier run's files; anything written since the launch began is
        // this run's, however late the scan came.
        const QFileInfo info(path);
        if (!m_scanned && m_options.since.isValid() && info.lastModified() < m_options.since)
            f.oldSize = info.size();
        // events.out.tfevents.TIME.HOST.PID.UID: the pid says which rank wrote it, when it is one of ours.
        const QStringList parts = QFileInfo(path).fileName().split(u'.');
        f.rank = parts.size() > 5 ? m_rankOfPid.value(parts[5].toLongLong(), 0) : 0;
        m_files.insert(path, std::move(f));
    }
    m_scanned = true;
    // A large tree is scanned less often: the scan never takes more than a tenth of the follower's thread.
    if (m_scanTimer)
        m_scanTimer->setInterval(int(std::max<qint64>(m_options.scanMs, took.elapsed() * 10)));
}

void TensorBoardFollower::poll() {
    const qint64 now = m_clock.elapsed();
    for (File &f : m_files) {
        if (now - f.foundMs < m_options.settleMs)
            continue;
        if (f.oldSize >= 0) { // an earlier run's file is followed only once this run writes to it
            if (QFileInfo(f.reader->path()).size() <= f.oldSize)
                continue;
            f.reader->setOffset(f.oldSize);
            f.oldSize = -1;
        }
        if (ignored(f.reader->path()))
            continue;
        readFile(f);
    }
}

void TensorBoardFollower::readFile(File &f) {
    tb::EventData data;
    QStringList problems;
    QString error;
    if (!f.reader->poll(data, &problems, &error))
        return; // gone (rotated or removed): what was read stays
    for (const QString &p : std::as_const(problems))
        Q_EMIT problem(p);
    if (!data.hparams.isEmpty()) {
        QMap<QString, QString> &sent = m_hparamsSent[f.reader->path()];
        if (sent != data.hparams) {
            sent = data.hparams;
            Q_EMIT hparams(data.hparams);
        }
    }
    if (data.scalars.empty())
        return;
    QStringList keys;
    QHash<QString, quint32> index;
    std::vector<KeyedPoint> points;
    points.reserve(data.scalars.size());
    for (const tb::Scalar &s : data.scalars) {
        const QString key = f.prefix + s.tag;
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, quint32(keys.size()));
            keys << key;
        }
        points.push_back(KeyedPoint{it.value(), s.step, s.value, s.wallMs});
    }
    m_points += qint64(points.size());
    Q_EMIT scalars(f.rank, keys, points);
}

} // namespace trainyard
