#include "dbwatcher.h"

#include "databaseurl.h"
#include "pgconn.h"
#include "sqlite.h"

#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>
#include <memory>
#include <sqlite3.h>

namespace trainyard {

// Lives on the watcher's thread: the connection and the timer are only touched there.
class DatabaseWatcher::Poller : public QObject {
    Q_OBJECT
public:
    void start(const QString &path, int intervalMs) {
        m_path = path;
        m_db.close();
        m_version = -1;
        if (!m_timer) {
            m_timer = new QTimer(this);
            connect(m_timer, &QTimer::timeout, this, &Poller::poll);
        }
        m_timer->stop();
        stopListening();
        if (path.isEmpty())
            return;
        if (isServerUrl(path)) {
            m_timer->start(1000); // connects again every second while the server is out of reach
            listen();
            return;
        }
        m_timer->start(intervalMs);
        poll();
    }

Q_SIGNALS:
    void changed();

private:
    // A server tells of every commit that changed runs, series, logs, tags or the queue (its triggers notify
    // channel `trainyard`): nothing is polled while connected.
    void listen() {
        if (m_server)
            return;
        auto c = std::make_unique<pg::Connection>();
        if (!c->open(m_path, nullptr) || !c->exec("LISTEN trainyard", nullptr))
            return; // tried again on the next tick
        m_server = std::move(c);
        m_notifier = std::make_unique<QSocketNotifier>(m_server->socket(), QSocketNotifier::Read);
        connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
            const int n = m_server->takeNotifications();
            if (n < 0) {
                stopListening(); // connected again by the timer
                m_lostServer = true;
            } else if (n > 0) {
                Q_EMIT changed();
            }
        });
        // After a lost connection, whatever was committed meanwhile is new to the readers (the first
        // connection finds the readers reading what is there).
        if (m_lostServer)
            Q_EMIT changed();
        m_lostServer = false;
    }

    void stopListening() {
        if (m_notifier) { // may be called from its own signal: deleted once that returns
            m_notifier->setEnabled(false);
            m_notifier.release()->deleteLater();
        }
        m_server.reset();
    }

    void poll() {
        if (isServerUrl(m_path)) {
            listen();
            return;
        }
        if (!m_db.isOpen()) {
            if (!QFileInfo::exists(m_path))
                return;
            QString error;
            if (!m_db.open(m_path, true, &error))
                return; // not a database yet (being created): tried again next time
            m_version = -1;
        }
        sql::Statement st(m_db, "PRAGMA data_version");
        if (!st.isValid() || st.step() != SQLITE_ROW) {
            m_db.close(); // replaced or removed: reopened next time
            return;
        }
        const qint64 version = st.int64(0);
        // The first reading after opening counts as a change: whatever was there before is new to the reader.
        if (version != m_version) {
            m_version = version;
            Q_EMIT changed();
        }
    }

    QString m_path;
    sql::Database m_db;
    qint64 m_version = -1;
    QTimer *m_timer = nullptr;
    std::unique_ptr<pg::Connection> m_server;
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_lostServer = false;
};

DatabaseWatcher::DatabaseWatcher(QObject *parent)
    : QObject(parent)
    , m_poller(new Poller) {
    m_thread.setObjectName(QStringLiteral("trainyard-dbwatch"));
    m_poller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_poller, &QObject::deleteLater);
    connect(m_poller, &Poller::changed, this, &DatabaseWatcher::changed);
    m_thread.start();
}

DatabaseWatcher::~DatabaseWatcher() {
    m_thread.quit();
    m_thread.wait();
}

void DatabaseWatcher::watch(const QString &path, int intervalMs) {
    m_path = path;
    QMetaObject::invokeMethod(m_poller, [p = m_poller, path, intervalMs] { p->start(path, intervalMs); });
}

} // namespace trainyard

#include "dbwatcher.moc"
