// Fuzzes ParseMultipart and MultipartBoundary. The input's first line is the boundary (also tried as
// a Content-Type header value), the rest the body. Every part's data must lie inside the body, after
// the previous part's, and the limits must hold.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/http/multipart.hpp"
#include "platform/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    if (newline == std::string_view::npos) {
        (void)tuyenvan::http::MultipartBoundary(input);
        return 0;
    }
    const std::string_view boundary = input.substr(0, newline);
    const std::string_view body = input.substr(newline + 1);

    if (const std::optional<std::string> parsed = tuyenvan::http::MultipartBoundary(boundary)) {
        if (parsed->empty() || parsed->size() > 70) {
            __builtin_trap();
        }
        const std::string header = "multipart/form-data; boundary=\"" + *parsed + "\"";
        if (tuyenvan::http::MultipartBoundary(header) != parsed) {
            __builtin_trap();
        }
    }

    constexpr std::size_t kMaxParts = 8;
    const tuyenvan::http::MultipartResult result =
        tuyenvan::http::ParseMultipart(body, boundary, kMaxParts);
    if (result.parts.size() > kMaxParts) {
        __builtin_trap();
    }
    const char* previous_end = body.data();
    for (const tuyenvan::http::Part& part : result.parts) {
        const char* begin = part.data.data();
        const char* end = begin + part.data.size();
        if (begin < previous_end || end > body.data() + body.size()) {
            __builtin_trap();
        }
        previous_end = end;
        if (!tuyenvan::text::IsValidUtf8(part.name) ||
            (part.filename && !tuyenvan::text::IsValidUtf8(*part.filename)) ||
            part.content_type.empty() ||
            part.content_type.find_first_of("\r\n") != std::string::npos) {
            __builtin_trap();
        }
    }
    return 0;
}
