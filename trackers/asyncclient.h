// The tracker client a training loop calls: log() puts the point in a bounded buffer and returns, a thread of
// the client's own connects and sends (TrackerClient: batches, acknowledgements, re-sending after a lost
// connection). A slow or locked run database therefore never holds up training: the ingest server's
// acknowledgements only hold up the sender. As the Python client does: when the buffer is full, one log()
// call waits at most a second in all for room, then drops what did not fit and counts it; flush() and
// finish() wait (with a limit) until everything logged so far is acknowledged. Qt-free, thread-safe.
#pragma once

#include "client.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace trainyard {

class AsyncTrackerClient {
public:
    // capacity: points the buffer holds (TRAINYARD_TRACKER_BUFFER when 0, default 1,000,000).
    explicit AsyncTrackerClient(size_t capacity = 0);
    ~AsyncTrackerClient(); // finish() with no wait
    AsyncTrackerClient(const AsyncTrackerClient &) = delete;
    AsyncTrackerClient &operator=(const AsyncTrackerClient &) = delete;

    // Starts the sender thread, which connects with `connect` (TrackerClient::connectFromEnvironment when
    // empty). Returns at once; a connection that fails makes the client broken (error(), dropped()).
    // setup is called on the sender thread with the client before it connects (timeouts, batch size).
    void start(std::function<bool(TrackerClient &, std::string *)> connect = {},
               std::function<void(TrackerClient &)> setup = {});

    // False, and nothing kept, for a key that is empty or longer than 65,535 bytes, a broken or finished
    // client, or a point the full buffer had no room for within the call's second.
    bool log(const std::string &key, int64_t step, double value, int64_t wallMs = -1);
    // Several points of one step with one deadline: a full buffer holds the whole call up for at most
    // fullWaitMs. Returns how many were kept.
    size_t log(const std::map<std::string, double> &values, int64_t step);
    bool logParams(const std::map<std::string, std::string> &params);
    // Waits until everything logged before the call is acknowledged (at most timeoutMs; < 0: no limit).
    // False (and error) on a timeout or a broken client.
    bool flush(int timeoutMs, std::string *error);
    // flush(timeoutMs), then stops the sender. Later calls to log() are refused. Returns what flush returned.
    bool finish(int timeoutMs, std::string *error);

    // How long one log() call waits in all for room in a full buffer before it drops (set before start()).
    int fullWaitMs = 1000;

    // Points dropped: the buffer was full, or the connection could not be kept (then error() says why).
    uint64_t dropped() const;
    // Points logged and not yet acknowledged: those in the buffer, and those the sender holds unacknowledged.
    uint64_t pending() const;
    std::string error() const;

private:
    struct Item {
        std::string key; // empty: a parameters event
        int64_t step = 0;
        double value = 0;
        int64_t wallMs = 0;
        std::map<std::string, std::string> params;
    };
    void run(std::function<bool(TrackerClient &, std::string *)> connect,
             std::function<void(TrackerClient &)> setup);
    bool put(Item item, std::unique_lock<std::mutex> &lock, std::chrono::steady_clock::time_point deadline);

    const size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed; // items queued, room made, points acknowledged, stop asked
    std::deque<Item> m_queue;
    uint64_t m_logged = 0;      // points and events accepted by log() / logParams()
    uint64_t m_stored = 0;      // of those, how many are acknowledged (in order)
    uint64_t m_flushWanted = 0; // m_logged when the latest flush() asked
    uint64_t m_dropped = 0;
    bool m_stop = false, m_finished = false, m_broken = false, m_started = false;
    bool m_abandon = false;     // finish() gave up: the sender stops waiting as soon as it can
    uint64_t m_senderHolds = 0; // points the sender's client holds unacknowledged (after its last send)
    std::string m_error;
    std::thread m_thread;
    TrackerClient *m_client =
        nullptr; // the sender's, while it runs (abandon() after a finish() that timed out)
};

} // namespace trainyard
