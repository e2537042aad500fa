// Follows the TensorBoard event files that appear under a folder while a run goes, and hands their scalars
// on as they are written: any framework that writes TensorBoard shows live with no hook. Lives on a thread of
// its own (LaunchSession gives it one): a scan or a read never holds up the launcher's event loop.
//
// A folder is scanned for new files every scanMs (hidden folders, __pycache__, .git and node_modules are
// skipped; at most maxDepth levels and maxFolders folders, said once when the limit is hit); the files found
// are read every pollMs from where the last read stopped, a record cut off at the end waiting for the next
// read. A file is read only from settleMs after it was found, so that a rank's start-up hook can claim it
// first (ignoreFolder(): its writer's points are already recorded through the hook).
//
// Keys: as TensorBoard names what it shows, a file's folder under the root (its run) and the tag:
// "runs/Dec06_10-00-00_host/loss", "lightning_logs/version_0/train_loss"; a file directly in the root gives
// the tag alone ("loss"). --tensorboard-dir runs/Dec06_10-00-00_host makes the keys the bare tags.
#pragma once

#include "store.h"
#include "tfevents.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <memory>
#include <vector>

class QTimer;

namespace trainyard {

class TensorBoardFollower : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString root;
        QDateTime since; // the launch's start
        int scanMs = 2000;
        int pollMs = 250;
        int settleMs = 2000;
        int maxDepth = 8;
        int maxFolders = 20000;
    };
    explicit TensorBoardFollower(Options options, QObject *parent = nullptr);
    ~TensorBoardFollower() override;

    // On the follower's thread (queued calls from elsewhere). The first scan runs here, beside the ranks'
    // start, never before it: a file it finds that was last written before Options::since is an earlier
    // run's, read only if it grows, and only what is added.
    void start();
    // Reads every file to its end once more (the run ended) and stops.
    void finish();
    // The event files in this folder (not below it) are a hooked writer's: never read.
    void ignoreFolder(const QString &folder);
    // A process of this machine's rank (files named ...tfevents.TIME.HOST.PID... are that rank's).
    void setRankPid(qint64 pid, int rank);

    qint64 pointsRead() const { return m_points; }

Q_SIGNALS:
    void scalars(int rank, const QStringList &keys, const std::vector<trainyard::KeyedPoint> &points);
    void hparams(const QMap<QString, QString> &params);
    // A damaged record skipped, a folder limit hit: for the run's log.
    void problem(const QString &text);

private:
    struct File {
        std::shared_ptr<tb::EventFileReader> reader;
        QString prefix; // "" or "folder/"
        int rank = 0;
        qint64 foundMs = 0;
        qint64 oldSize = -1; // there before the run, this long: read only once it grows, from there
    };
    QStringList findFiles();
    void scan();
    void poll();
    void readFile(File &f);
    QString prefixFor(const QString &folder) const;
    bool ignored(const QString &file) const;

    Options m_options;
    QTimer *m_scanTimer = nullptr, *m_pollTimer = nullptr;
    QElapsedTimer m_clock;
    QHash<QString, File> m_files; // by path
    QSet<QString> m_ignored;      // folders
    QHash<qint64, int> m_rankOfPid;
    QHash<QString, QMap<QString, QString>> m_hparamsSent; // by file
    bool m_limitSaid = false;
    bool m_scanned = false; // the first scan is done
    qint64 m_points = 0;
};

} // namespace trainyard
