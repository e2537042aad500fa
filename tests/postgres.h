// A private PostgreSQL server for a test: Debian's initdb and pg_ctl on a temporary folder and a free
// loopback port, trust authentication on loopback only, gone with the object. As root (CI), the server runs
// as the `postgres` user the Debian package makes (PostgreSQL refuses to run as root).
#pragma once

#include "pgconn.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace trainyard::test {

class PrivatePostgres {
public:
    ~PrivatePostgres() { stop(); }

    // Starts it and makes the database "trainyard"; false and why when it cannot (PostgreSQL not installed).
    bool start(QString *why) {
        const QStringList found =
            QDir(QStringLiteral("/usr/lib/postgresql"))
                .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &v : found)
            if (QFile::exists(QStringLiteral("/usr/lib/postgresql/%1/bin/initdb").arg(v))) {
                m_bin = QStringLiteral("/usr/lib/postgresql/%1/bin/").arg(v);
                break;
            }
        if (m_bin.isEmpty()) {
            *why = QStringLiteral("no PostgreSQL server here (Debian's postgresql package)");
            return false;
        }
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary folder");
            return false;
        }
        if (geteuid() == 0) {
            const passwd *pw = getpwnam("postgres");
            if (!pw) {
                *why = QStringLiteral("running as root, and there is no postgres user to run the server as");
                return false;
            }
            m_asPostgres = true;
            if (chown(QFile::encodeName(m_dir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                *why = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir.path());
                return false;
            }
        }
        {
            QTcpServer probe; // a free port (the server takes it a moment later)
            probe.listen(QHostAddress::LocalHost, 0);
            m_port = probe.serverPort();
        }
        const QString data = m_dir.filePath(QStringLiteral("data"));
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"),
                  QStringLiteral("-U"), QStringLiteral("trainyard"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
                 why))
            return false;
        if (!startServer(why))
            return false;
        pg::Connection c;
        if (!c.open(urlOf(QStringLiteral("postgres")), why) || !c.exec("CREATE DATABASE trainyard", why))
            return false;
        return true;
    }

    // The server stopped at once (as a crash would), and started again on the same port.
    bool stop() {
        if (!m_running)
            return true;
        m_running = false;
        QString why;
        return run(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                    QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
                   &why);
    }
    bool startServer(QString *why) {
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                                    .arg(m_port)
                                    .arg(m_dir.path());
        m_running = run(QStringLiteral("pg_ctl"),
                        {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-l"),
                         m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options,
                         QStringLiteral("-w"), QStringLiteral("start")},
                        why);
        return m_running;
    }

    QString url() const { return urlOf(QStringLiteral("trainyard")); }
    quint16 port() const { return m_port; }
    QString urlOf(const QString &database) const {
        return QStringLiteral("postgresql://trainyard@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }

private:
    bool run(const QString &tool, const QStringList &args, QString *why) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir.path());
        if (m_asPostgres)
            p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                           QStringLiteral("--"), m_bin + tool} +
                                                   args);
        else
            p.start(m_bin + tool, args);
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *why = QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(p.readAll()).trimmed());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    quint16 m_port = 0;
    bool m_asPostgres = false;
    bool m_running = false;
};

} // namespace trainyard::test
