// The studio's side of the launches it starts, for tests of the launcher: a push socket that keeps every run
// frame, and the environment the studio gives its launcher (the socket, a name for the launch, a language).
#pragma once

#include "livepush.h"

#include <QList>
#include <QProcessEnvironment>
#include <algorithm>

namespace trainyard::test {

class StudioSocket {
public:
    bool listen(QString *error) {
        if (!receiver.listen(error))
            return false;
        QObject::connect(&receiver, &PushReceiver::runChanged, &receiver,
                         [this](const PushedRun &r) { states << r; });
        return true;
    }
    // base, plus what a studio in `language` gives the launcher of the launch it calls `launch`.
    QProcessEnvironment environment(QProcessEnvironment base, const QString &launch,
                                    const QString &language = QStringLiteral("de")) const {
        base.insert(QStringLiteral("TRAINYARD_LANG"), language);
        base.insert(QString::fromLatin1(StudioPushVariable), receiver.serverPath());
        base.insert(QString::fromLatin1(StudioLaunchVariable), launch);
        return base;
    }
    bool saw(const QString &launch, RunStatus status) const {
        return std::any_of(states.cbegin(), states.cend(),
                           [&](const PushedRun &r) { return r.launch == launch && r.status == status; });
    }

    PushReceiver receiver;
    QList<PushedRun> states;
};

} // namespace trainyard::test
