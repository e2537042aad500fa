// A small Qt-free client of the ingest server for C++ training programs (LibTorch) and the benchmarks.
// Points are buffered and sent in batches; up to `window` batches may wait for their acknowledgement at once;
// flush() returns when everything sent so far is stored. Not thread-safe: one client per thread.
#pragma once

#include <cstdint>
#include <map>
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

    void log(const std::string &key, int64_t step, double value, int64_t wallMs = -1);
    bool logParams(const std::map<std::string, std::string> &params, std::string *error);
    // Sends what is buffered and waits until every batch sent is acknowledged.
    bool flush(std::string *error);

    size_t batchSize = 4096; // points per batch
    int window = 4;          // batches in flight

    uint64_t acknowledgedBatches() const { return m_acked; }

private:
    bool sendBatch(std::string *error);
    bool readFrame(uint8_t &type, std::string &payload, std::string *error);
    bool waitForAcks(size_t maxInFlight, std::string *error);
    bool writeAll(const std::string &data, std::string *error);

    int m_fd = -1;
    uint64_t m_nextBatch = 1;
    uint64_t m_acked = 0;
    std::vector<std::string> m_keys;
    std::unordered_map<std::string, uint32_t> m_keyIndex;
    std::string m_points; // encoded WirePoints of the current batch
    size_t m_count = 0;
};

} // namespace trainyard
