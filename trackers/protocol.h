// The metrics wire protocol (docs/PROTOCOL.md): length-prefixed little-endian frames over a loopback TCP
// socket. Shared by the ingest server and the C++ client; no Qt here so that LibTorch programs can use the
// client alone.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace trainyard::protocol {

constexpr int Version = 1;
constexpr uint32_t MaxFrameBytes = 16u * 1024u * 1024u; // type + payload

enum FrameType : uint8_t {
    Hello = 1,   // client -> server, JSON {"protocol", "token", "run", "rank", "client"}
    Welcome = 2, // server -> client, JSON {"protocol", "last_batch"}
    Error = 3,   // server -> client, JSON {"error", "fatal"}
    Points = 4,  // client -> server: u64 batch, u32 nkeys, keys (u16 len + bytes), u32 n, n x point
    Ack = 5,     // server -> client: u64 batch (stored and committed)
    Event = 6,   // client -> server: u64 batch, JSON {"params": {...}} | {"tags": {...}} | {"log": {"kind",
                 // "text"}}
};

#pragma pack(push, 1)
struct WirePoint {
    uint32_t key; // index into the frame's key table
    int64_t step;
    double value;
    int64_t wallMs;
};
#pragma pack(pop)
static_assert(sizeof(WirePoint) == 28);

// Little-endian encoding helpers (x86_64 and aarch64 are little-endian; the protocol says so explicitly).
inline void put32(std::string &out, uint32_t v) {
    out.append(reinterpret_cast<const char *>(&v), 4);
}
inline void put64(std::string &out, uint64_t v) {
    out.append(reinterpret_cast<const char *>(&v), 8);
}
inline void put16(std::string &out, uint16_t v) {
    out.append(reinterpret_cast<const char *>(&v), 2);
}

// Wraps a payload as a frame: u32 length (type + payload), u8 type, payload.
inline std::string frame(FrameType type, const std::string &payload) {
    std::string out;
    out.reserve(payload.size() + 5);
    put32(out, uint32_t(payload.size() + 1));
    out.push_back(char(type));
    out += payload;
    return out;
}

} // namespace trainyard::protocol
