#include "platform/http/range.hpp"
#include "platform/http/syntax.hpp"

#include <limits>
#include <optional>

namespace tuyenvan::http {

using syntax::TrimSpaces;
namespace {

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

// 1*DIGIT with no sign or spaces; nullopt when empty, not all digits, or above 2^64 - 1.
std::optional<std::uint64_t> ParseNumber(std::string_view s) {
    if (s.empty()) {
        return std::nullopt;
    }
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t value = 0;
    for (const char c : s) {
        if (!IsDigit(c)) {
            return std::nullopt;
        }
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (kMax - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

bool StartsWithBytesUnit(std::string_view s) {
    static constexpr std::string_view kUnit = "bytes=";
    if (s.size() < kUnit.size()) {
        return false;
    }
    for (std::size_t i = 0; i < kUnit.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c != kUnit[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

RangeResult ParseRange(std::string_view header, std::uint64_t size) {
    const RangeResult none{RangeKind::kNone, {}};
    header = TrimSpaces(header);
    if (!StartsWithBytesUnit(header)) {
        return none;
    }
    std::string_view set = header.substr(6);

    RangeResult result{RangeKind::kUnsatisfiable, {}};
    std::size_t specs = 0;
    bool empty_resource_suffix = false;
    while (true) {
        const std::size_t comma = set.find(',');
        const std::string_view spec = TrimSpaces(set.substr(0, comma));
        set = comma == std::string_view::npos ? std::string_view{} : set.substr(comma + 1);
        // RFC 9110 section 5.6.1: recipients accept empty list elements.
        if (!spec.empty()) {
            if (++specs > kMaxRanges) {
                return none;
            }
            const std::size_t dash = spec.find('-');
            if (dash == std::string_view::npos) {
                return none;
            }
            const std::string_view first_text = spec.substr(0, dash);
            const std::string_view last_text = spec.substr(dash + 1);
            if (first_text.empty()) {
                const std::optional<std::uint64_t> suffix = ParseNumber(last_text);
                if (!suffix) {
                    return none;
                }
                if (*suffix > 0 && size == 0) {
                    empty_resource_suffix = true;
                } else if (*suffix > 0) {
                    const std::uint64_t length = *suffix < size ? *suffix : size;
                    result.ranges.push_back(ByteRange{size - length, size - 1});
                }
            } else {
                const std::optional<std::uint64_t> first = ParseNumber(first_text);
                std::optional<std::uint64_t> last = std::numeric_limits<std::uint64_t>::max();
                if (!last_text.empty()) {
                    last = ParseNumber(last_text);
                }
                if (!first || !last || *last < *first) {
                    return none;
                }
                if (*first < size) {
                    result.ranges.push_back(ByteRange{*first, *last < size - 1 ? *last : size - 1});
                }
            }
        }
        if (comma == std::string_view::npos) {
            break;
        }
    }
    if (specs == 0 || empty_resource_suffix) {
        return none;
    }
    if (!result.ranges.empty()) {
        result.kind = RangeKind::kSatisfiable;
    }
    return result;
}

}  // namespace tuyenvan::http
