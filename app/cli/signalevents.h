// Signals as events of the event loop (the self-pipe pattern): while a SignalEvents lives, the signals it was
// given are caught by a handler that only writes their number into a pipe, and received() is emitted for each
// on the owner's thread. Destroying it puts back the default actions. One at a time per process (the CLI's
// commands run one after another).
#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace trainyard::cli {

class SignalEvents : public QObject {
    Q_OBJECT
public:
    explicit SignalEvents(const QList<int> &signals, QObject *parent = nullptr);
    ~SignalEvents() override;
    // False when the pipe could not be made (the signals keep their default actions).
    bool ok() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signal);

private:
    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace trainyard::cli
