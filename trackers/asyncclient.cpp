#include "asyncclient.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace trainyard {

namespace {

size_t capacityFromEnvironment() {
    const char *v = getenv("TRAINYARD_TRACKER_BUFFER");
    const long long n = v ? atoll(v) : 0;
    return n > 0 ? size_t(n) : size_t(1000000);
}

int64_t wallNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

AsyncTrackerClient::AsyncTrackerClient(size_t capacity)
    : m_capacity(capacity ? capacity : capacityFromEnvironment()) {}

AsyncTrackerClient::~AsyncTrackerClient() {
    finish(0, nullptr);
}

void AsyncTrackerClient::start(std::function<bool(TrackerClient &, std::string *)> connect,
                               std::function<void(TrackerClient &)> setup) {
    std::lock_guard lock(m_mutex);
    if (m_started || m_finished)
        return;
    m_started = true;
    m_thread = std::thread(&AsyncTrackerClient::run, this, std::move(connect), std::move(setup));
}

bool AsyncTrackerClient::put(Item item, std::unique_lock<std::mutex> &lock,
                             std::chrono::steady_clock::time_point deadline) {
    if (m_broken || m_finished || !m_started)
        return false;
    if (m_queue.size() >= m_capacity && !m_changed.wait_until(lock, deadline, [&] {
            return m_queue.size() < m_capacity || m_broken || m_finished;
        }))
        return false;
    if (m_broken || m_finished)
        return false;
    m_queue.push_back(std::move(item));
    ++m_logged;
    m_changed.notify_all();
    return true;
}

bool AsyncTrackerClient::log(const std::string &key, int64_t step, double value, int64_t wallMs) {
    if (key.empty() || key.size() > 65535) {
        std::lock_guard lock(m_mutex);
        ++m_dropped;
        return false;
    }
    std::unique_lock lock(m_mutex);
    if (put(Item{key, step, value, wallMs < 0 ? wallNowMs() : wallMs, {}}, lock,
            std::chrono::steady_clock::now() + std::chrono::milliseconds(fullWaitMs)))
        return true;
    ++m_dropped;
    return false;
}

size_t AsyncTrackerClient::log(const std::map<std::string, double> &values, int64_t step) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(fullWaitMs);
    const int64_t wall = wallNowMs();
    size_t kept = 0;
    std::unique_lock lock(m_mutex);
    for (const auto &[key, value] : values) {
        if (!key.empty() && key.size() <= 65535 && put(Item{key, step, value, wall, {}}, lock, deadline))
            ++kept;
        else
            ++m_dropped;
    }
    return kept;
}

bool AsyncTrackerClient::logParams(const std::map<std::string, std::string> &params) {
    std::unique_lock lock(m_mutex);
    return put(Item{{}, 0, 0, 0, params}, lock,
               std::chrono::steady_clock::now() + std::chrono::milliseconds(fullWaitMs));
}

bool AsyncTrackerClient::flush(int timeoutMs, std::string *error) {
    std::unique_lock lock(m_mutex);
    const uint64_t target = m_logged;
    if (m_stored >= target)
        return true;
    m_flushWanted = std::max(m_flushWanted, target);
    m_changed.notify_all();
    const auto done = [&] { return m_stored >= target || m_broken || !m_started; };
    if (timeoutMs < 0)
        m_changed.wait(lock, done);
    else
        m_changed.wait_until(lock, std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs),
                             done);
    if (m_stored >= target)
        return true;
    if (error)
        *error = m_broken ? m_error
                          : std::to_string(m_queue.size() + m_senderHolds) +
                                " points were not acknowledged within " + std::to_string(timeoutMs) + " ms";
    return false;
}

bool AsyncTrackerClient::finish(int timeoutMs, std::string *error) {
    const bool flushed = flush(timeoutMs, error);
    std::thread sender;
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_stop = true;
        sender = std::move(m_thread);
        // Nothing more will be waited for: a sender still waiting for acknowledgements (or still connecting)
        // stops now.
        if (!flushed) {
            m_abandon = true;
            if (m_client)
                m_client->abandon();
        }
        m_changed.notify_all();
    }
    if (sender.joinable())
        sender.join();
    return flushed;
}

uint64_t AsyncTrackerClient::dropped() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

uint64_t AsyncTrackerClient::pending() const {
    std::lock_guard lock(m_mutex);
    return m_queue.size() + m_senderHolds;
}

std::string AsyncTrackerClient::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

void AsyncTrackerClient::run(std::function<bool(TrackerClient &, std::string *)> connect,
                             std::function<void(TrackerClient &)> setup) {
    TrackerClient client;
    if (setup)
        setup(client);
    {
        std::lock_guard lock(m_mutex);
        m_client = &client;
        if (m_abandon) // finish() gave up before the client existed
            client.abandon();
    }
    std::string why;
    const bool connected = connect ? connect(client, &why) : client.connectFromEnvironment(&why);
    std::unique_lock lock(m_mutex);
    struct Forget { // m_client must not outlive `client`
        AsyncTrackerClient *self;
        ~Forget() { self->m_client = nullptr; } // under m_mutex: `lock` is destroyed after this
    } forget{this};
    const auto breakDown = [&](const std::string &reason) {
        // What waits here is lost with the connection; log() refuses from now on.
        m_broken = true;
        if (m_error.empty())
            m_error = reason;
        m_dropped += m_queue.size();
        m_queue.clear();
        m_changed.notify_all();
    };
    if (!connected) {
        breakDown(why);
        return;
    }
    uint64_t taken = m_stored; // items handed to the client so far
    uint64_t clientDropped = 0;
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || !m_queue.empty() || m_flushWanted > m_stored; });
        // A moment to gather a batch, unless one is full already or somebody waits.
        m_changed.wait_for(lock, std::chrono::milliseconds(20), [&] {
            return m_stop || m_queue.size() >= client.batchSize || m_flushWanted > m_stored;
        });
        std::deque<Item> items;
        items.swap(m_queue);
        taken += items.size();
        const bool flushNow = m_stop || m_flushWanted > m_stored;
        const bool stopping = m_stop;
        m_changed.notify_all(); // room in the buffer
        lock.unlock();
        bool ok = true;
        for (const Item &item : items) {
            if (item.key.empty())
                ok = client.logParams(item.params, &why) && ok;
            else
                ok = client.log(item.key, item.step, item.value, item.wallMs) && ok;
        }
        ok = (flushNow ? client.flush(&why) : client.send(&why)) && ok;
        lock.lock();
        m_dropped += client.dropped() - clientDropped;
        clientDropped = client.dropped();
        m_senderHolds = client.pendingPoints();
        if (!ok && !client.error().empty()) {
            breakDown(client.error());
            return;
        }
        if (flushNow) {
            m_stored = taken;
            m_changed.notify_all();
        }
        if (stopping && m_queue.empty()) {
            // Everything is stored: say what was dropped and that this client is done (the run's record
            // counts it; a client that never says so may have lost its last points).
            if (!m_abandon && !m_broken) {
                const uint64_t dropped = m_dropped - clientDropped; // the buffer's; the client counts its own
                lock.unlock();
                client.finish(dropped, &why);
                lock.lock();
            }
            return;
        }
    }
}

} // namespace trainyard
