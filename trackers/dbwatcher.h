// Notices changes another process makes to a run database (a CLI launch, another studio, `runs import`):
// SQLite's `PRAGMA data_version` on a read-only connection of its own, polled on a thread of its own every
// intervalMs (a few microseconds per poll; no file is read unless something changed); on a PostgreSQL server,
// LISTEN trainyard on a connection of its own (the server's triggers notify at each commit), no polling.
// changed() reaches the watcher's owner through a queued connection. Readers then re-read what they show.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>

namespace trainyard {

class DatabaseWatcher : public QObject {
    Q_OBJECT
public:
    explicit DatabaseWatcher(QObject *parent = nullptr);
    ~DatabaseWatcher() override;

    // Watches `path` (a database that does not exist yet is watched for its creation); an empty path stops.
    // 25 ms: a run launched elsewhere is drawn within ~1.5 frames of its commit plus the read (issue 29).
    void watch(const QString &path, int intervalMs = 25);
    const QString &path() const { return m_path; }

Q_SIGNALS:
    // Another connection committed a change (or the database appeared); at most once per poll.
    void changed();

private:
    class Poller;
    QString m_path;
    QThread m_thread;
    Poller *m_poller = nullptr;
};

} // namespace trainyard
