// A small Qt-free client of the ingest server for C++ training programs (LibTorch) and the benchmarks.
// Points are buffered and sent in batches; up to `window` batches may wait for their acknowledgement at once;
// flush() returns when everything sent so far is stored. Every batch is kept until it is acknowledged: when
// the connection breaks or the server does not answer within receiveTimeoutMs, the client reconnects (for up
// to reconnectMs), learns which batches the server stored and sends the rest again, as the Python client
// does. So log() waits at most receiveTimeoutMs + reconnectMs. Once reconnecting has failed, the client is
// broken: points logged later are counted in dropped(), and error() says why. Not thread-safe: one client per
// thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace trainyard {

class TrackerClient {
public:
    TrackerClient() = default;
    ~TrackerClient();
    TrackerClient(const TrackerClient &) = delete;
    TrackerClient &operator=(const TrackerClient &) = delete;

    // From what `trainyard launch` gives every rank: TRAINYARD_TRACKER (host:port), TRAINYARD_TRACKER_TOKEN,
    // TRAINYARD_RUN_ID and RANK. Returns false (with error) when not launched by Trainyard.
    bool connectFromEnvironment(std::string *error);
    bool connect(const std::string &host, int port, const std::string &token, const std::string &run,
                 int rank, const std::string &clientId, std::string *error);
    void close();

    // False, and nothing sent, for a key that is empty or longer than 65,535 bytes, or a broken client.
    bool log(const std::string &key, int64_t step, double value, int64_t wallMs = -1);
    bool logParams(const std::map<std::string, std::string> &params, std::string *error);
    // Sends what is buffered now, without waiting for its acknowledgement (waiting only while `window`
    // batches are in flight): for a program that logs in bursts and wants each burst on its way at once.
    bool send(std::string *error) { return sendBatch(error); }
    // Sends what is buffered and waits until every batch sent is acknowledged.
    bool flush(std::string *error);
    // Flushes and tells the run this client is done, with the points it dropped (its own and
    // droppedElsewhere, e.g. an owner's full buffer): the run's record says it is incomplete when any were,
    // or when a client that stored points never finished.
    bool finish(uint64_t droppedElsewhere, std::string *error);

    size_t batchSize = 4096;      // points per batch
    int window = 4;               // batches in flight
    int receiveTimeoutMs = 30000; // a server silent this long while ACKs are due: reconnect
    int reconnectMs = 60000;      // how long to keep reconnecting before the client gives up

    // From another thread: makes every wait of this client end now and the client broken (its socket is shut
    // down, reconnecting stops): for a sender thread that must not outlive its owner's deadline.
    void abandon();

    uint64_t acknowledgedBatches() const { return m_acked; }
    // Points sent and not yet acknowledged, and those buffered for the next batch.
    uint64_t pendingPoints() const;
    uint64_t dropped() const { return m_dropped; }
    const std::string &error() const { return m_error; }
    int reconnects() const { return m_reconnects; }

private:
    bool sendBatch(std::string *error);
    bool sendEvent(const std::string &json, std::string *error); // after what is buffered
    bool sendFrame(uint64_t batch, std::string frame, uint32_t points, std::string *error);
    bool readFrame(uint8_t &type, std::string &payload, std::string *error);
    bool waitForAcks(size_t maxInFlight, std::string *error);
    bool writeAll(const std::string &data, std::string *error);
    bool open(std::string *error); // one connection attempt: HELLO, WELCOME, re-send what is unacknowledged
    bool reconnect(std::string *error); // open() until it works or reconnectMs has passed
    bool fail(const std::string &why, std::string *error);

    std::string m_host, m_token, m_run, m_clientId;
    int m_port = 0, m_rank = 0;
    struct Sent {
        std::string frame;
        uint32_t points = 0;
    };
    std::map<uint64_t, Sent> m_unacked; // until acknowledged
    uint64_t m_dropped = 0;
    std::string m_error;
    bool m_broken = false;
    int m_reconnects = 0;
    int m_fd = -1;
    std::mutex m_fdMutex; // between close() and abandon(): abandon() never shuts down a reused descriptor
    std::atomic<bool> m_abandoned{false};
    uint64_t m_nextBatch = 1;
    uint64_t m_acked = 0;
    std::vector<std::string> m_keys;
    std::unordered_map<std::string, uint32_t> m_keyIndex;
    std::string m_points; // encoded WirePoints of the current batch
    size_t m_count = 0;
};

} // namespace trainyard
