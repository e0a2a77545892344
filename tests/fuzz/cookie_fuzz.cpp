// Fuzzes the Cookie header parser and the Set-Cookie serializer: parsed names are tokens, values
// hold no separator or control byte, FindCookie agrees with ParseCookieHeader, and whatever
// SerializeSetCookie accepts is free of control characters and parses back to the same pair.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "platform/http/cookie.hpp"

namespace {

bool HasControlCharacter(std::string_view s, bool allow_tab) {
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && !(allow_tab && byte == '\t')) || byte == 0x7F) {
            return true;
        }
    }
    return false;
}

void CheckSerialize(std::string_view input) {
    // Split the input into name, value and path at the first two NUL bytes.
    const std::size_t first = input.find('\0');
    const std::size_t second = first == std::string_view::npos ? first : input.find('\0', first + 1);
    if (second == std::string_view::npos) {
        return;
    }
    tuyenvan::http::SetCookie cookie;
    cookie.name = std::string(input.substr(0, first));
    cookie.value = std::string(input.substr(first + 1, second - first - 1));
    cookie.path = std::string(input.substr(second + 1));
    cookie.secure = input.size() % 2 == 0;
    cookie.same_site = static_cast<tuyenvan::http::SameSite>(input.size() % 3);
    if (input.size() % 5 == 0) {
        cookie.max_age_seconds = static_cast<std::int64_t>(input.size()) - 100;
    }
    std::string header;
    try {
        header = tuyenvan::http::SerializeSetCookie(cookie);
    } catch (const std::invalid_argument&) {
        return;
    }
    if (HasControlCharacter(header, false)) {
        __builtin_trap();
    }
    const std::string pair = cookie.name + "=" + cookie.value;
    if (!header.starts_with(pair) ||
        (header.size() > pair.size() && header.compare(pair.size(), 2, "; ") != 0)) {
        __builtin_trap();
    }
    const std::optional<std::string> back = tuyenvan::http::FindCookie(pair, cookie.name);
    if (!back || *back != cookie.value) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const auto cookies = tuyenvan::http::ParseCookieHeader(input);
    if (cookies.size() > tuyenvan::http::kMaxCookies) {
        __builtin_trap();
    }
    for (const auto& [name, value] : cookies) {
        if (name.empty() || name.find_first_of("=; \t\"") != std::string::npos ||
            HasControlCharacter(name, false) || value.find(';') != std::string::npos ||
            HasControlCharacter(value, true)) {
            __builtin_trap();
        }
        const std::optional<std::string> found = tuyenvan::http::FindCookie(input, name);
        if (!found) {
            __builtin_trap();
        }
        for (const auto& [other_name, other_value] : cookies) {
            if (other_name == name) {
                if (*found != other_value) {
                    __builtin_trap();
                }
                break;
            }
        }
    }

    CheckSerialize(input);
    return 0;
}
