#include "client.h"

#include "protocol.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <unistd.h>

namespace trainyard {

namespace {

int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string jsonString(const std::string &s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string randomClientId() {
    std::random_device rd;
    char buf[33];
    snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    return buf;
}

} // namespace

TrackerClient::~TrackerClient() {
    close();
}

void TrackerClient::close() {
    std::lock_guard lock(m_fdMutex);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void TrackerClient::abandon() {
    m_abandoned = true;
    std::lock_guard lock(m_fdMutex);
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR); // wakes a poll() or recv() of the owning thread; close() stays its job
}

uint64_t TrackerClient::pendingPoints() const {
    uint64_t n = m_count;
    for (const auto &[batch, sent] : m_unacked)
        n += sent.points;
    return n;
}

bool TrackerClient::connectFromEnvironment(std::string *error) {
    const char *addr = getenv("TRAINYARD_TRACKER");
    const char *token = getenv("TRAINYARD_TRACKER_TOKEN");
    const char *run = getenv("TRAINYARD_RUN_ID");
    const char *rank = getenv("RANK");
    if (!addr || !token || !run) {
        if (error)
            *error = "not launched by trainyard (TRAINYARD_TRACKER is not set)";
        return false;
    }
    const std::string a = addr;
    const size_t colon = a.rfind(':');
    if (colon == std::string::npos) {
        if (error)
            *error = "TRAINYARD_TRACKER is not host:port";
        return false;
    }
    return connect(a.substr(0, colon), atoi(a.c_str() + colon + 1), token, run, rank ? atoi(rank) : 0,
                   randomClientId(), error);
}

bool TrackerClient::writeAll(const std::string &data, std::string *error) {
    size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (error)
                *error = std::string("send: ") + strerror(errno);
            return false;
        }
        sent += size_t(n);
    }
    return true;
}

bool TrackerClient::readFrame(uint8_t &type, std::string &payload, std::string *error) {
    auto readExactly = [&](char *buf, size_t n) {
        size_t got = 0;
        while (got < n) {
            pollfd pfd{m_fd, POLLIN, 0};
            const int ready = ::poll(&pfd, 1, receiveTimeoutMs);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0) {
                if (error)
                    *error =
                        "the ingest server did not answer within " + std::to_string(receiveTimeoutMs) + " ms";
                return false;
            }
            const ssize_t r = ::recv(m_fd, buf + got, n - got, 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                if (error)
                    *error = "the ingest server closed the connection";
                return false;
            }
            got += size_t(r);
        }
        return true;
    };
    char header[5];
    if (!readExactly(header, 5))
        return false;
    uint32_t length = 0;
    memcpy(&length, header, 4);
    if (length == 0 || length > protocol::MaxFrameBytes) {
        if (error)
            *error = "bad frame from the ingest server";
        return false;
    }
    type = uint8_t(header[4]);
    payload.resize(length - 1);
    if (!readExactly(payload.data(), payload.size()))
        return false;
    return true;
}

bool TrackerClient::connect(const std::string &host, int port, const std::string &token,
                            const std::string &run, int rank, const std::string &clientId,
                            std::string *error) {
    close();
    m_host = host;
    m_port = port;
    m_token = token;
    m_run = run;
    m_rank = rank;
    m_clientId = clientId;
    m_broken = false;
    m_error.clear();
    if (open(error))
        return true;
    close();
    return false;
}

bool TrackerClient::open(std::string *error) {
    close();
    if (m_abandoned) {
        if (error)
            *error = "abandoned";
        m_broken = true;
        return false;
    }
    {
        std::lock_guard lock(m_fdMutex);
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    }
    if (m_abandoned) // abandon() may have run between the check above and the new socket
        close();
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(uint16_t(m_port));
    if (m_fd < 0 || inet_pton(AF_INET, m_host.c_str(), &sa.sin_addr) != 1 ||
        ::connect(m_fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
        if (error)
            *error = "cannot connect to the ingest server at " + m_host + ":" + std::to_string(m_port) +
                     ": " + strerror(errno);
        close();
        return false;
    }
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const std::string hello = "{\"protocol\":" + std::to_string(protocol::Version) +
                              ",\"token\":" + jsonString(m_token) + ",\"run\":" + jsonString(m_run) +
                              ",\"rank\":" + std::to_string(m_rank) +
                              ",\"client\":" + jsonString(m_clientId) + "}";
    uint8_t type = 0;
    std::string payload;
    if (!writeAll(protocol::frame(protocol::Hello, hello), error) || !readFrame(type, payload, error)) {
        close();
        return false;
    }
    if (type == protocol::Error) {
        m_broken = true; // refused: trying again would not help
        if (error)
            *error = "ingest server: " + payload;
        close();
        return false;
    }
    if (type != protocol::Welcome) {
        if (error)
            *error = "unexpected answer to HELLO";
        close();
        return false;
    }
    // WELCOME says which of our batches are stored; the rest are sent again, in order.
    uint64_t stored = 0;
    if (const size_t at = payload.find("\"last_batch\":"); at != std::string::npos)
        stored = strtoull(payload.c_str() + at + 13, nullptr, 10);
    m_acked = std::max(m_acked, stored);
    // A client id that has stored batches before this client sent any (a process started again with the same
    // id): its numbering goes on after them. Numbered from 1, its points would be taken for re-sent batches
    // and dropped, and it would wait for acknowledgements that never come.
    if (m_nextBatch <= stored)
        m_nextBatch = stored + 1;
    m_unacked.erase(m_unacked.begin(), m_unacked.upper_bound(m_acked));
    for (const auto &[batch, sent] : m_unacked)
        if (!writeAll(sent.frame, error)) {
            close();
            return false;
        }
    return true;
}

bool TrackerClient::reconnect(std::string *error) {
    if (m_broken || m_host.empty())
        return fail(m_error.empty() ? std::string("not connected") : m_error, error);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(reconnectMs);
    std::string why;
    for (;;) {
        ++m_reconnects;
        if (open(&why))
            return true;
        if (m_broken || m_abandoned || std::chrono::steady_clock::now() >= deadline)
            return fail(why, error);
        usleep(200 * 1000);
    }
}

bool TrackerClient::fail(const std::string &why, std::string *error) {
    m_broken = true;
    if (m_error.empty())
        m_error = why;
    for (const auto &[batch, sent] : m_unacked) // what was sent and never acknowledged
        m_dropped += sent.points;
    m_unacked.clear();
    close();
    if (error)
        *error = m_error;
    return false;
}

bool TrackerClient::log(const std::string &key, int64_t step, double value, int64_t wallMs) {
    if (key.empty() || key.size() > 65535 || m_broken) {
        ++m_dropped;
        return false;
    }
    auto it = m_keyIndex.find(key);
    uint32_t index;
    if (it == m_keyIndex.end()) {
        index = uint32_t(m_keys.size());
        m_keys.push_back(key);
        m_keyIndex.emplace(key, index);
    } else {
        index = it->second;
    }
    const protocol::WirePoint w{index, step, value, wallMs < 0 ? nowMs() : wallMs};
    m_points.append(reinterpret_cast<const char *>(&w), sizeof w);
    if (++m_count >= batchSize) {
        std::string ignored;
        return sendBatch(&ignored);
    }
    return true;
}

bool TrackerClient::sendFrame(uint64_t batch, std::string frame, uint32_t points, std::string *error) {
    if (m_broken) {
        m_dropped += points;
        return fail(m_error, error);
    }
    const Sent &kept = m_unacked[batch] = Sent{std::move(frame), points};
    if (m_fd < 0 || !writeAll(kept.frame, nullptr)) {
        if (!reconnect(error)) // re-sends every kept frame, this one included
            return false;
    }
    return waitForAcks(size_t(window), error);
}

bool TrackerClient::sendBatch(std::string *error) {
    if (m_count == 0)
        return !m_broken || fail(m_error, error);
    std::string payload;
    payload.reserve(16 + m_points.size() + m_keys.size() * 16);
    const uint64_t batch = m_nextBatch++;
    protocol::put64(payload, batch);
    protocol::put32(payload, uint32_t(m_keys.size()));
    for (const std::string &k : m_keys) {
        protocol::put16(payload, uint16_t(k.size()));
        payload += k;
    }
    protocol::put32(payload, uint32_t(m_count));
    payload += m_points;
    const uint32_t points = uint32_t(m_count);
    m_points.clear();
    m_count = 0;
    m_keys.clear();
    m_keyIndex.clear();
    return sendFrame(batch, protocol::frame(protocol::Points, payload), points, error);
}

bool TrackerClient::waitForAcks(size_t maxInFlight, std::string *error) {
    while (m_nextBatch - 1 > m_acked + maxInFlight) {
        uint8_t type = 0;
        std::string payload;
        std::string why;
        if (m_fd < 0 || !readFrame(type, payload, &why)) {
            if (!reconnect(error))
                return false;
            continue;
        }
        if (type == protocol::Error)
            return fail("ingest server: " + payload, error);
        if (type == protocol::Ack && payload.size() == 8) {
            uint64_t batch = 0;
            memcpy(&batch, payload.data(), 8);
            m_acked = std::max(m_acked, batch);
            m_unacked.erase(m_unacked.begin(), m_unacked.upper_bound(m_acked));
        }
    }
    return true;
}

bool TrackerClient::logParams(const std::map<std::string, std::string> &params, std::string *error) {
    std::string json = "{\"params\":{";
    bool first = true;
    for (const auto &[k, v] : params) {
        // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on `"," + std::string`.
        if (!first)
            json += ',';
        json += jsonString(k);
        json += ':';
        json += jsonString(v);
        first = false;
    }
    json += "}}";
    return sendEvent(json, error);
}

bool TrackerClient::sendEvent(const std::string &json, std::string *error) {
    if (!sendBatch(error))
        return false;
    std::string payload;
    const uint64_t batch = m_nextBatch++;
    protocol::put64(payload, batch);
    payload += json;
    return sendFrame(batch, protocol::frame(protocol::Event, payload), 0, error);
}

bool TrackerClient::finish(uint64_t droppedElsewhere, std::string *error) {
    const std::string json =
        "{\"finish\":{\"dropped\":" + std::to_string(m_dropped + droppedElsewhere) + "}}";
    return sendEvent(json, error) && flush(error);
}

bool TrackerClient::flush(std::string *error) {
    return sendBatch(error) && waitForAcks(0, error);
}

} // namespace trainyard
