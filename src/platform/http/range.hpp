#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tuyenvan::http {

/// The most range-specs a Range header may hold before it is ignored; caps how many times one
/// request can make the server send the same bytes.
inline constexpr std::size_t kMaxRanges = 16;

/// One satisfiable byte range of a resource, both ends inclusive: first <= last < size.
struct ByteRange {
    /// The first byte sent.
    std::uint64_t first;
    /// The last byte sent.
    std::uint64_t last;
};

/// What the server should do with a Range header.
enum class RangeKind {
    kNone,           ///< header absent, not "bytes=", syntactically invalid or too many ranges: 200
    kSatisfiable,    ///< send these ranges: 206
    kUnsatisfiable,  ///< no range overlaps the resource: 416 with "Content-Range: bytes */size"
};

/// The parsed Range header.
struct RangeResult {
    /// What to answer.
    RangeKind kind;
    /// The satisfiable ranges in the order requested (not merged), set only for kSatisfiable.
    std::vector<ByteRange> ranges;
};

/// Parses an RFC 9110 Range header ("bytes=0-99, 200-, -50"; the unit in any case, empty list
/// elements allowed) against a resource of size bytes. Clamps last to size - 1, turns a suffix
/// range "-n" into the last n bytes, drops unsatisfiable specs (first >= size, or "-0") and keeps
/// the rest. Any syntax error, a number above 2^64 - 1, last < first, or more than kMaxRanges
/// specs gives kNone. For an empty resource a suffix range gives kNone (the whole, empty, body is
/// the answer) and anything else kUnsatisfiable.
RangeResult ParseRange(std::string_view header, std::uint64_t size);

}  // namespace tuyenvan::http
