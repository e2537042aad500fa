// The machines of a multi-machine launch: a hostfile (one machine per line, `HOST [slots=N]`, the syntax of
// DeepSpeed's and OpenMPI's hostfiles; `#` starts a comment) or a --hosts list. Line i is machine rank i.
// HOST is passed to the SSH command as it is, so it can be anything the OpenSSH client accepts (an alias from
// ~/.ssh/config, user@host, an address).
#pragma once

#include <QList>
#include <QString>

namespace trainyard {

struct HostEntry {
    QString host;
    int slots = 0; // processes on that machine; 0 when the line does not say
    int line = 0;  // in the hostfile, 0 for --hosts
};

// Parses a hostfile's text. fileName names the file in errors ("hosts.txt:3: ...").
bool parseHostfile(const QByteArray &text, const QString &fileName, QList<HostEntry> *out, QString *error);
// Reads and parses a hostfile.
bool readHostfile(const QString &path, QList<HostEntry> *out, QString *error);
// "h1,h2:4,h3": comma-separated hosts, each optionally with ":SLOTS".
bool parseHostList(const QString &list, QList<HostEntry> *out, QString *error);

// The host name part of HOST: without a user@ and without brackets around an IPv6 address.
QString hostNameOf(const QString &host);

} // namespace trainyard
