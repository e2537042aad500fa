#include "dbwatcher.h"

#include "sqlite.h"

#include <QFileInfo>
#include <QTimer>
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
        if (path.isEmpty())
            return;
        m_timer->start(intervalMs);
        poll();
    }

Q_SIGNALS:
    void changed();

private:
    void poll() {
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
