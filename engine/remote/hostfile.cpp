#include "remote/hostfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct HostText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::HostText)
};

bool validHost(const QString &host) {
    // What a shell would not split and ssh would not take for an option.
    static const QRegularExpression ok(u"\\A[^\\s'\"`$;&|<>()\\\\]+\\z"_s);
    return !host.startsWith(u'-') && ok.match(host).hasMatch();
}

bool checkDuplicates(const QList<HostEntry> &hosts, const QString &where, QString *error) {
    QSet<QString> seen;
    for (const HostEntry &h : hosts) {
        if (seen.contains(h.host)) {
            *error =
                HostText::tr("%1: host %2 is listed twice (one line per machine; use slots=N for several "
                             "processes on it)")
                    .arg(h.line ? u"%1:%2"_s.arg(where).arg(h.line) : where, h.host);
            return false;
        }
        seen.insert(h.host);
    }
    return true;
}
} // namespace

bool parseHostfile(const QByteArray &text, const QString &fileName, QList<HostEntry> *out, QString *error) {
    out->clear();
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        QString line = QString::fromUtf8(lines[i]);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        auto fail = [&](const QString &msg) {
            *error = u"%1:%2: %3"_s.arg(fileName).arg(lineNo).arg(msg);
            return false;
        };
        HostEntry e;
        e.host = words[0];
        e.line = lineNo;
        if (!validHost(e.host))
            return fail(HostText::tr("'%1' is not a host name").arg(e.host));
        for (qsizetype w = 1; w < words.size(); ++w) {
            const QString &word = words[w];
            if (!word.startsWith(u"slots="_s))
                return fail(HostText::tr("unknown field '%1' (a line is HOST [slots=N])").arg(word));
            bool ok = false;
            const int slots = word.mid(6).toInt(&ok);
            if (!ok || slots < 1)
                return fail(HostText::tr("slots must be a positive number, not '%1'").arg(word.mid(6)));
            e.slots = slots;
        }
        out->append(e);
    }
    if (out->isEmpty()) {
        *error = HostText::tr("%1: no hosts (a line is HOST [slots=N])").arg(fileName);
        return false;
    }
    return checkDuplicates(*out, fileName, error);
}

bool readHostfile(const QString &path, QList<HostEntry> *out, QString *error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = HostText::tr("%1: cannot read the hostfile: %2").arg(path, f.errorString());
        return false;
    }
    return parseHostfile(f.read(1 << 20), path, out, error);
}

bool parseHostList(const QString &list, QList<HostEntry> *out, QString *error) {
    out->clear();
    for (const QString &part : list.split(u',')) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        HostEntry e;
        e.host = item;
        // h:4 is host h with 4 slots; [v6::addr]:4 likewise. A bare IPv6 address has several colons.
        const qsizetype colon = item.lastIndexOf(u':');
        if (colon > 0 && (item.count(u':') == 1 || item.at(colon - 1) == u']')) {
            bool ok = false;
            const int slots = item.mid(colon + 1).toInt(&ok);
            if (!ok || slots < 1) {
                *error = HostText::tr("--hosts: slots must be a positive number in '%1'").arg(item);
                return false;
            }
            e.host = item.left(colon);
            e.slots = slots;
        }
        if (!validHost(e.host)) {
            *error = HostText::tr("--hosts: '%1' is not a host name").arg(e.host);
            return false;
        }
        out->append(e);
    }
    if (out->isEmpty()) {
        *error = HostText::tr("--hosts: no hosts given");
        return false;
    }
    return checkDuplicates(*out, u"--hosts"_s, error);
}

QString hostNameOf(const QString &host) {
    QString h = host.mid(host.lastIndexOf(u'@') + 1);
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    return h;
}

} // namespace trainyard
