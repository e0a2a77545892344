// Fuzzes ParseRange. The first eight bytes give the resource size, the rest is the header. Every
// returned range must satisfy first <= last < size, and only kSatisfiable carries ranges.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "platform/http/range.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < sizeof(std::uint64_t)) {
        return 0;
    }
    std::uint64_t resource_size = 0;
    std::memcpy(&resource_size, data, sizeof resource_size);
    const std::string_view header(reinterpret_cast<const char*>(data) + sizeof resource_size,
                                  size - sizeof resource_size);

    // Small sizes hit the clamping edges far more often than random 64-bit ones.
    for (const std::uint64_t candidate : {resource_size, resource_size % 1024}) {
        const tuyenvan::http::RangeResult result = tuyenvan::http::ParseRange(header, candidate);
        if (result.kind == tuyenvan::http::RangeKind::kSatisfiable) {
            if (result.ranges.empty() || result.ranges.size() > tuyenvan::http::kMaxRanges) {
                __builtin_trap();
            }
            for (const tuyenvan::http::ByteRange& range : result.ranges) {
                if (range.first > range.last || range.last >= candidate) {
                    __builtin_trap();
                }
            }
        } else if (!result.ranges.empty()) {
            __builtin_trap();
        }
    }
    return 0;
}
